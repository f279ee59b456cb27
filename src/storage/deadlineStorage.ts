import type { Storage, StoreItems } from 'botbuilder';
import { isETagConflict } from './turnETagStorage';

// The store as a turn may rely on it: every read, write and delete answers within `timeoutMs`,
// or fails with StorageUnavailable, as does any failure of the store itself (unreachable,
// refusing writes). An eTag conflict is no failure of the store: it passes as it is, for the turn
// guard to retry. The turn that meets StorageUnavailable tells the user to try again in a moment
// and saves nothing (src/turnError.ts), so the state from before the turn stays as it was.

export class StorageUnavailable extends Error {
  constructor(
    readonly reason: 'timeout' | 'error',
    options?: { cause?: unknown },
  ) {
    super(`conversation state storage unavailable (${reason})`, options);
    this.name = 'StorageUnavailable';
  }
}

export const isStorageUnavailable = (err: unknown): err is StorageUnavailable => err instanceof StorageUnavailable;

export class DeadlineStorage implements Storage {
  constructor(
    readonly inner: Storage,
    private readonly timeoutMs: number,
  ) {}

  read(keys: string[]): Promise<StoreItems> {
    return this.within(() => this.inner.read(keys));
  }

  write(changes: StoreItems): Promise<void> {
    return this.within(() => this.inner.write(changes));
  }

  delete(keys: string[]): Promise<void> {
    return this.within(() => this.inner.delete(keys));
  }

  private async within<T>(operation: () => Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new StorageUnavailable('timeout')), this.timeoutMs);
    });
    try {
      return await Promise.race([operation(), deadline]);
    } catch (err) {
      if (isStorageUnavailable(err) || isETagConflict(err)) throw err;
      throw new StorageUnavailable('error', { cause: err });
    } finally {
      clearTimeout(timer);
    }
  }
}
