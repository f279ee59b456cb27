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
import { CreateOnlyBlobsStorage } from './createOnlyBlobsStorage';
import { BoundedMemoryStorage } from './boundedMemoryStorage';
import { TurnETagStorage } from './turnETagStorage';

export { BoundedMemoryStorage } from './boundedMemoryStorage';
export { TurnETagStorage, GuardedConversationState, isETagConflict, CREATE_ONLY_ETAG } from './turnETagStorage';

/** The part of the host's configuration that chooses where conversation state lives. */
export interface StorageConfig {
  storage: 'memory' | 'blob';
  /** Required with storage 'blob'. */
  blobConnectionString?: string;
  blobContainer?: string;
  /** Memory store: forget a conversation unused for this long. */
  stateIdleMinutes: number;
  /** Memory store: most state items (conversations, plus the feedback counts) held at once; least recently used go first. */
  stateMaxItems: number;
}

/**
 * The store behind the states. Always wrapped in TurnETagStorage, so a GuardedConversationState's
 * saves are conditional on what the turn read (see src/hardening/turnGuard.ts for the retry).
 */
export function createStorage(config: StorageConfig): TurnETagStorage {
  return new TurnETagStorage(createRawStorage(config));
}

/** The bare store (both kinds honour CREATE_ONLY_ETAG). */
export function createRawStorage(config: StorageConfig): Storage {
  if (config.storage === 'blob') {
    if (!config.blobConnectionString || !config.blobContainer) {
      throw new Error('STORAGE=blob needs BLOB_CONNECTION_STRING and BLOB_CONTAINER');
    }
    // A turn should fail in seconds, not wait through the SDK's default minutes of retries.
    return new CreateOnlyBlobsStorage(config.blobConnectionString, config.blobContainer, {
      storagePipelineOptions: { retryOptions: { maxTries: 3, retryDelayInMs: 200, maxRetryDelayInMs: 1000, tryTimeoutInMs: 10_000 } },
    });
  }
  return new BoundedMemoryStorage({ idleMs: config.stateIdleMinutes * 60_000, maxItems: config.stateMaxItems });
}

/** Answers whether the store can be reached: reads a key that never exists, within `timeoutMs`. */
export async function probeStorage(storage: Storage, timeoutMs = 2000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([storage.read(['healthz-probe']).then(() => true, () => false), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
