import type * as restify from 'restify';
import { mountDirectLine, type DirectLineOptions } from '../directline';
import { AZURE_DIRECT_LINE, mountDirectLineToken } from '../directline/tokenRoute';
import { mountWeb, type WebOptions } from './index';

// One call wires the website chat into the server: with a Direct Line secret the page talks to
// Azure Direct Line (the secret is swapped for a token here); without one, to our own local
// Direct Line channel, so `npm start` works with no Azure account and no internet.

export interface WebChatOptions extends WebOptions {
  /** DIRECT_LINE_SECRET. */
  directLineSecret?: string;
  /** DIRECT_LINE_DOMAIN: Azure Direct Line's base URL (a regional one, or a fake in tests). */
  directLineDomain?: string;
  /** Options of the local channel (local mode only). */
  local?: DirectLineOptions;
}

export interface MountedWebChat {
  mode: 'azure' | 'local';
  close(): void;
}

export function mountWebChat(server: restify.Server, opts: WebChatOptions = {}): MountedWebChat {
  const azure = Boolean(opts.directLineSecret);
  mountWeb(server, { ...opts, directLineDomain: azure ? opts.directLineDomain ?? AZURE_DIRECT_LINE : undefined });
  if (opts.directLineSecret) {
    mountDirectLineToken(server, { mode: 'azure', secret: opts.directLineSecret, domain: opts.directLineDomain });
    return { mode: 'azure', close: () => undefined };
  }
  const channel = mountDirectLine(server, opts.local);
  mountDirectLineToken(server, { mode: 'local', channel });
  return { mode: 'local', close: () => channel.close() };
}
