import type { Storage, StoreItems } from 'botbuilder';
import { CREATE_ONLY_ETAG } from './turnETagStorage';

/**
 * In-memory conversation state that cannot grow without bound and does not keep personal answers
 * longer than needed: an item unused for `idleMs` is forgotten, and when more than `maxItems` are
 * held the least recently used one goes first. eTags behave like botbuilder's MemoryStorage: a write
 * whose eTag is neither absent nor `*` must match the stored one, or it fails with an eTag conflict;
 * CREATE_ONLY_ETAG succeeds only when the key does not exist.
 *
 * The Map's insertion order is the recency order (an access moves the key to the end), so both
 * expiry and eviction only ever look at the front of the Map: no timer, O(1) amortised per call.
 */
export interface BoundedMemoryOptions {
  idleMs: number;
  maxItems: number;
  /** Injected clock for tests. */
  now?: () => number;
  /**
   * Told of every item the store forgets by itself (its JSON, and why: idle too long, or the store
   * full), so the figures can count conversations left with a question open. Not told of deletes.
   */
  onForget?: (json: string, why: 'idle' | 'full') => void;
}

interface Entry {
  json: string;
  eTag: string;
  lastUsed: number;
}

export class BoundedMemoryStorage implements Storage {
  private readonly items = new Map<string, Entry>();
  private nextETag = 1;
  private readonly now: () => number;

  constructor(private readonly options: BoundedMemoryOptions) {
    if (!(options.idleMs > 0) || !(options.maxItems > 0)) throw new RangeError('idleMs and maxItems must be positive');
    this.now = options.now ?? Date.now;
  }

  /** Number of items held (after dropping the expired ones). */
  get size(): number {
    this.dropExpired();
    return this.items.size;
  }

  async read(keys: string[]): Promise<StoreItems> {
    if (!Array.isArray(keys)) throw new ReferenceError('Keys are required when reading.');
    this.dropExpired();
    const found: StoreItems = {};
    for (const key of keys) {
      const entry = this.items.get(key);
      if (!entry) continue;
      this.touch(key, entry);
      found[key] = { ...JSON.parse(entry.json), eTag: entry.eTag };
    }
    return found;
  }

  async write(changes: StoreItems): Promise<void> {
    if (!changes || typeof changes !== 'object') throw new ReferenceError('Changes are required when writing.');
    this.dropExpired();
    // Check every eTag before changing anything, so a conflicting batch writes nothing.
    for (const [key, item] of Object.entries(changes)) {
      const old = this.items.get(key);
      const eTag = item?.eTag;
      const conflict = eTag === CREATE_ONLY_ETAG ? !!old : !!old && !!eTag && eTag !== '*' && eTag !== old.eTag;
      if (conflict) {
        throw new Error(`Storage: error writing "${key}" due to eTag conflict.`);
      }
    }
    for (const [key, item] of Object.entries(changes)) {
      const { eTag: _ignored, ...value } = item ?? {};
      const entry: Entry = { json: JSON.stringify(value), eTag: String(this.nextETag++), lastUsed: this.now() };
      this.items.delete(key);
      this.items.set(key, entry);
    }
    while (this.items.size > this.options.maxItems) {
      const oldest = this.items.keys().next().value as string;
      this.forget(oldest, 'full');
    }
  }

  async delete(keys: string[]): Promise<void> {
    if (!Array.isArray(keys)) throw new ReferenceError('Keys are required when deleting.');
    for (const key of keys) this.items.delete(key);
  }

  private touch(key: string, entry: Entry): void {
    entry.lastUsed = this.now();
    this.items.delete(key);
    this.items.set(key, entry);
  }

  /** Forgets the items idle too long. Runs on every call; `sweep` runs it without one. */
  private dropExpired(): void {
    const limit = this.now() - this.options.idleMs;
    for (const [key, entry] of this.items) {
      if (entry.lastUsed > limit) break;
      this.forget(key, 'idle');
    }
  }

  /** Forgets the idle items now (a timer calls it, so a quiet server still notices who left). */
  sweep(): void {
    this.dropExpired();
  }

  private forget(key: string, why: 'idle' | 'full'): void {
    const entry = this.items.get(key);
    this.items.delete(key);
    if (entry && this.options.onForget) {
      try {
        this.options.onForget(entry.json, why);
      } catch {
        // Counting must never break the store.
      }
    }
  }
}
