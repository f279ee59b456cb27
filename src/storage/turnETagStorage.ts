import { AsyncLocalStorage } from 'node:async_hooks';
import type { Storage, StoreItems } from 'botbuilder';

/**
 * botbuilder's BotState.saveChanges writes with eTag `*`, so the last writer wins. This wrapper makes
 * a save inside a turn conditional on what that turn read: within `withTurnScope`, every key read
 * remembers the eTag it had, and a `*` write of that key is sent with the remembered eTag instead.
 * If another instance saved the same conversation in between, the store rejects the write with an
 * eTag conflict, and the turn runner (src/turns/guardTurn.ts) runs the turn again on fresh state.
 *
 * A key that did not exist when the turn read it is written "create only" (CREATE_ONLY_ETAG) when
 * the inner store understands that (our memory and blob stores do); another store gets `*` for it.
 * Outside a turn scope (tests, tools, health probe) the wrapper passes everything through unchanged.
 */
interface TurnScope {
  /** eTag read this turn; null = the key was absent. */
  readETags: Map<string, string | null>;
  /** Keys already written this turn: their remembered eTag is stale, so re-read before writing again. */
  written: Set<string>;
}

/** eTag meaning "write only if the key does not exist yet" (understood by our memory and blob stores). */
export const CREATE_ONLY_ETAG = 'create-only:if-none-match-*';

const scope = new AsyncLocalStorage<TurnScope>();

/** Runs `work` as one turn: reads and writes inside it are eTag-guarded. */
export function withTurnScope<T>(work: () => Promise<T>): Promise<T> {
  return scope.run({ readETags: new Map(), written: new Set() }, work);
}

export function isETagConflict(err: unknown): boolean {
  return err instanceof Error && /eTag conflict/i.test(err.message);
}

export class TurnETagStorage implements Storage {
  /** `createOnly`: the inner store honours CREATE_ONLY_ETAG. */
  constructor(readonly inner: Storage, private readonly options: { createOnly?: boolean } = {}) {}

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
      // Absent at read (null): create only, where the store can. Never read this turn: unconditional.
      guarded[key] = { ...item, eTag: eTag === null && this.options.createOnly ? CREATE_ONLY_ETAG : (eTag ?? '*') };
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
