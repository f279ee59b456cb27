import { ConversationState, type Storage, type StoreItem, type StoreItems, type TurnContext } from 'botbuilder';

/**
 * botbuilder's BotState.saveChanges writes with eTag `*`, so the last writer wins. This wrapper makes
 * a state's save conditional on what the turn read: GuardedConversationState (below) shows it each
 * state object it loads, and a `*` write of that same object is sent with the eTag it had when read.
 * If another instance saved the same conversation in between, the store rejects the write with an
 * eTag conflict, and the turn guard (src/storage/turnGuard.ts) runs the turn again on fresh state.
 *
 * A state that did not exist when read is written "create only" (CREATE_ONLY_ETAG), which the
 * inner store must understand (our memory and blob stores do). Any other
 * write (an object never loaded through a guarded state, an explicit eTag) passes through unchanged.
 *
 * The eTags hang on the state objects themselves (a WeakMap), not on an async context: BotState
 * hands storage.write the very object load returned. No AsyncLocalStorage means no async hook on
 * every promise of every turn.
 */

/** eTag meaning "write only if the key does not exist yet" (understood by our memory and blob stores). */
export const CREATE_ONLY_ETAG = 'create-only:if-none-match-*';

export function isETagConflict(err: unknown): boolean {
  return err instanceof Error && /eTag conflict/i.test(err.message);
}

/** What a loaded state object was read with. */
interface Read {
  key: string;
  /** null = the key was absent. Replaced by the store's current eTag after this object is saved. */
  eTag: string | null;
  /** Saved already: the remembered eTag is stale until re-read. */
  written: boolean;
}

export class TurnETagStorage implements Storage {
  private readonly reads = new WeakMap<object, Read>();

  /** `inner` must honour CREATE_ONLY_ETAG (BoundedMemoryStorage and CreateOnlyBlobsStorage do). */
  constructor(readonly inner: Storage) {}

  /** Called with every state object as it is freshly read from the store for `key`. */
  remember(key: string, item: StoreItem): void {
    this.reads.set(item, {
      key,
      eTag: typeof item.eTag === 'string' && item.eTag !== '*' ? item.eTag : null,
      written: false,
    });
  }

  read(keys: string[]): Promise<StoreItems> {
    return this.inner.read(keys);
  }

  async write(changes: StoreItems): Promise<void> {
    const guarded: StoreItems = {};
    const saved: Read[] = [];
    for (const [key, item] of Object.entries(changes)) {
      const read = item && typeof item === 'object' ? this.reads.get(item) : undefined;
      if (!read || read.key !== key || (item.eTag !== '*' && item.eTag !== undefined)) {
        guarded[key] = item;
        continue;
      }
      // Saved earlier this turn: that save changed the eTag, fetch the current one.
      const eTag = read.written ? ((await this.inner.read([key]))[key]?.eTag ?? null) : read.eTag;
      guarded[key] = { ...item, eTag: eTag ?? CREATE_ONLY_ETAG };
      saved.push(read);
    }
    await this.inner.write(guarded);
    for (const read of saved) read.written = true;
  }

  delete(keys: string[]): Promise<void> {
    return this.inner.delete(keys);
  }
}

/**
 * ConversationState whose saves are conditional on the eTag its state had when this turn read it
 * (see TurnETagStorage). Everything else is botbuilder's ConversationState.
 */
export class GuardedConversationState extends ConversationState {
  constructor(private readonly guarded: TurnETagStorage) {
    super(guarded);
  }

  async load(context: TurnContext, force = false): Promise<Record<string, unknown>> {
    const fresh = force || this.get(context) === undefined;
    const state = await super.load(context, force);
    if (fresh) this.guarded.remember(this.getStorageKey(context) as string, state);
    return state;
  }
}
