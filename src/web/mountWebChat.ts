import type { IncomingMessage } from 'http';
import type * as restify from 'restify';
import { mountDirectLine } from '../directline';
import { AZURE_DIRECT_LINE, mountDirectLineToken } from '../directline/tokenRoute';
import { mountWeb, type WebOptions } from './mountWeb';

// One call wires the website chat into the server: with a Direct Line secret the page talks to
// Azure Direct Line (the secret is swapped for a token here); without one, to our own local
// Direct Line channel, so `npm start` works with no Azure account and no internet.

export interface WebChatOptions extends WebOptions {
  /** DIRECT_LINE_SECRET. */
  directLineSecret?: string;
  /** DIRECT_LINE_DOMAIN: Azure Direct Line's base URL (a regional one, or a fake in tests). */
  directLineDomain?: string;
  /** The client address the built-in channel counts streams and conversations against. */
  clientAddress?: (req: IncomingMessage) => string;
  /** Told whether each exchange with Azure Direct Line's token service worked (for /healthz). */
  reportDirectLine?: (ok: boolean) => void;
}

export function mountWebChat(server: restify.Server, opts: WebChatOptions = {}): void {
  const azure = Boolean(opts.directLineSecret);
  mountWeb(server, { ...opts, directLineDomain: azure ? (opts.directLineDomain ?? AZURE_DIRECT_LINE) : undefined });
  if (opts.directLineSecret) {
    mountDirectLineToken(server, {
      mode: 'azure',
      secret: opts.directLineSecret,
      domain: opts.directLineDomain,
      report: opts.reportDirectLine,
    });
    return;
  }
  // The process ends the channel's streams when it exits; its close() is for tests that mount it alone.
  // Without a secret the page talks to the built-in channel; the config allows that in local mode only.
  mountDirectLineToken(server, {
    mode: 'local',
    channel: mountDirectLine(server, { clientAddress: opts.clientAddress }),
  });
}
