/**
 * Where conversation state lives, and the guards around it.
 *
 * - {@link createStorage}: the store the config chooses (memory or Azure Blob), wrapped so a
 *   turn's saves are conditional on what it read.
 * - {@link createRawStorage}: the bare store; {@link probeStorage}: can it be reached (health).
 * - {@link BoundedMemoryStorage}, {@link TurnETagStorage}, {@link GuardedConversationState},
 *   {@link isETagConflict}, {@link CREATE_ONLY_ETAG}: the pieces, for tests and for the turn guard.
 * @packageDocumentation
 */
import type { Storage } from 'botbuilder';
import { ManagedIdentityCredential } from '@azure/identity';
import { CreateOnlyBlobsStorage } from './createOnlyBlobsStorage';
import { BoundedMemoryStorage } from './boundedMemoryStorage';
import { TurnETagStorage } from './turnETagStorage';

export { BoundedMemoryStorage } from './boundedMemoryStorage';
export { TurnETagStorage, GuardedConversationState, isETagConflict, CREATE_ONLY_ETAG } from './turnETagStorage';

/** The part of the host's configuration that chooses where conversation state lives. */
export interface StorageConfig {
  storage: 'memory' | 'blob';
  /** With storage 'blob': a connection string (Azurite, or an account key), or else… */
  blobConnectionString?: string;
  /** …the account's blob endpoint (https://<account>.blob.core.windows.net), reached with the app's managed identity. */
  blobAccountUrl?: string;
  /** The client id of a user-assigned managed identity; unset = the app's system-assigned one. */
  blobIdentityClientId?: string;
  blobContainer?: string;
  /** Memory store: forget a conversation unused for this long. */
  stateIdleMinutes: number;
  /** Memory store: most state items (conversations) held at once; least recently used go first. */
  stateMaxItems: number;
  /** Memory store: told of each item it forgets by itself (see BoundedMemoryStorage). */
  onForget?: (json: string, why: 'idle' | 'full') => void;
}

/**
 * The store behind the states. Always wrapped in TurnETagStorage, so a GuardedConversationState's
 * saves are conditional on what the turn read (see src/storage/turnGuard.ts for the retry).
 */
export function createStorage(config: StorageConfig): TurnETagStorage {
  return new TurnETagStorage(createRawStorage(config));
}

/** The bare store (both kinds honour CREATE_ONLY_ETAG). */
export function createRawStorage(config: StorageConfig): Storage {
  if (config.storage === 'blob') {
    if ((!config.blobConnectionString && !config.blobAccountUrl) || !config.blobContainer) {
      throw new Error('STORAGE=blob needs BLOB_CONTAINER and BLOB_CONNECTION_STRING or BLOB_ACCOUNT_URL');
    }
    // A turn should fail in seconds, not wait through the SDK's default minutes of retries.
    const options = {
      storagePipelineOptions: {
        retryOptions: { maxTries: 3, retryDelayInMs: 200, maxRetryDelayInMs: 1000, tryTimeoutInMs: 10_000 },
      },
    };
    if (config.blobConnectionString)
      return new CreateOnlyBlobsStorage(config.blobConnectionString, config.blobContainer, options);
    // No key in any setting: the app's managed identity gets a token for the storage account.
    const credential = new ManagedIdentityCredential(
      config.blobIdentityClientId ? { clientId: config.blobIdentityClientId } : {},
    );
    const containerUrl = `${String(config.blobAccountUrl).replace(/\/+$/, '')}/${config.blobContainer}`;
    return new CreateOnlyBlobsStorage('', config.blobContainer, options, containerUrl, credential);
  }
  return new BoundedMemoryStorage({
    idleMs: config.stateIdleMinutes * 60_000,
    maxItems: config.stateMaxItems,
    onForget: config.onForget,
  });
}

/** Answers whether the store can be reached: reads a key that never exists, within `timeoutMs`. */
export async function probeStorage(storage: Storage, timeoutMs = 2000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([
      storage.read(['healthz-probe']).then(
        () => true,
        () => false,
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
