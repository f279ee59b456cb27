import { logger } from '../logger';
import { loadChat, type ChatBundle } from './chatBundle';
import { bigAsset, type Asset } from './assets';

// The chat's built files (chatBundle.ts), loaded once per process: the pages need only their
// names; /chat/… needs them compressed.

let chatBundle: Promise<ChatBundle> | undefined;
/** Built (or read) once per process, on first use. */
export function loadChatBundle(): Promise<ChatBundle> {
  return (chatBundle ??= loadChat().catch((e: unknown) => {
    // Every chat page fails until a restart: say why once, loudly.
    logger.error({ err: e }, 'the chat build could not be loaded or built');
    throw e;
  }));
}

let chatAssets: Promise<Map<string, Asset>> | undefined;
/** The bundle's files compressed once per process, by name; only /chat/… waits for them. */
export function loadChatAssets(): Promise<Map<string, Asset>> {
  return (chatAssets ??= loadChatBundle().then(
    async (bundle) =>
      new Map(await Promise.all(bundle.files.map(async (f) => [f.name, await bigAsset(f.name, f.body)] as const))),
  ));
}

/** The paths of the chat's entry script and of the chunks it imports, as the pages name them. */
export async function clientPaths(): Promise<{ entry: string; preload: string[] }> {
  const bundle = await loadChatBundle();
  return { entry: `/chat/${bundle.entry}`, preload: bundle.preload.map((f) => `/chat/${f}`) };
}
