import { AsyncLocalStorage } from 'node:async_hooks';
import type { Storage, StoreItems } from 'botbuilder';

/**
 * botbuilder's BotState.saveChanges writes with eTag `*`, so the last writer wins. This wrapper makes
 * a save inside a turn conditional on what that turn read: within `withTurnScope`, every key read
 * remembers the eTag it had, and a `*` write of that key is sent with the remembered eTag instead.
 * If another instance saved the same conversation in between, the store rejects the write with an
 * eTag conflict, and the turn runner (src/turns/guardTurn.ts) runs the turn again on fresh state.
 *
 * Outside a turn scope (tests, tools, health probe) the wrapper passes everything through unchanged.
 * Known gap: a key that did not exist when the turn read it is written unconditionally (the
 * Storage interface has no "create only"), so two instances racing on a conversation's very first
 * turn can still lose one of the two first answers; within one process the turn queue prevents it.
 */
interface TurnScope {
  /** eTag read this turn; null = the key was absent. */
  readETags: Map<string, string | null>;
  /** Keys already written this turn: their remembered eTag is stale, so re-read before writing again. */
  written: Set<string>;
}

const scope = new AsyncLocalStorage<TurnScope>();

/** Runs `work` as one turn: reads and writes inside it are eTag-guarded. */
export function withTurnScope<T>(work: () => Promise<T>): Promise<T> {
  return scope.run({ readETags: new Map(), written: new Set() }, work);
}

export function isETagConflict(err: unknown): boolean {
  return err instanceof Error && /eTag conflict/i.test(err.message);
}

export class TurnETagStorage implements Storage {
  constructor(readonly inner: Storage) {}

  async read(keys: string[]): Promise<StoreItems> {
    const items = await this.inner.read(keys);
    const turn = scope.getStore();
    if (turn) {
      for (const key of keys) {
        turn.readETags.set(key, typeof items[key]?.eTag === 'string' ? items[key].eTag : null);
        turn.written.delete(key);
      }
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    const turn = scope.getStore();
    if (!turn) return this.inner.write(changes);
    const guarded: StoreItems = {};
    for (const [key, item] of Object.entries(changes)) {
      let eTag: string | null | undefined = item?.eTag;
      if (eTag === '*' || eTag === undefined) {
        if (turn.written.has(key)) {
          // Our own earlier write this turn changed the eTag: fetch the current one.
          const current = await this.inner.read([key]);
          eTag = current[key]?.eTag ?? null;
        } else {
          eTag = turn.readETags.get(key);
        }
      }
      // Absent at read (null) or never read this turn (undefined): nothing to compare with.
      guarded[key] = { ...item, eTag: eTag ?? '*' };
    }
    await this.inner.write(guarded);
    for (const key of Object.keys(changes)) turn.written.add(key);
  }

  async delete(keys: string[]): Promise<void> {
    await this.inner.delete(keys);
    const turn = scope.getStore();
    if (turn) for (const key of keys) turn.readETags.set(key, null);
  }
}
