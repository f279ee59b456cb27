// One contract for every conversation-state store: the bounded in-memory default and Azure Blob
// Storage (through botbuilder-azure-blobs, against a real Azurite started by this test).
import { TestAdapter, TurnContext, type Storage } from 'botbuilder';
import {
  DeadlineStorage,
  createRawStorage,
  createStorage,
  TurnETagStorage,
  BoundedMemoryStorage,
  CREATE_ONLY_ETAG,
  GuardedConversationState,
  isETagConflict,
  probeStorage,
} from '../../src/storage';
import { startAzurite, type Azurite } from './azurite';

/** What the promise was rejected with (undefined when it resolved). */
const errorOf = (p: Promise<unknown>): Promise<unknown> =>
  p.then(
    () => undefined,
    (e: unknown) => e,
  );

let azurite: Azurite;
beforeAll(async () => {
  azurite = await startAzurite();
});
afterAll(async () => {
  await azurite?.stop();
});

/** One bot instance's conversation state over a shared store, with one property. */
function instanceOn(store: Storage) {
  const state = new GuardedConversationState(new TurnETagStorage(store));
  return { state, who: state.createProperty<string>('who') };
}
/** A turn of conversation `id`. */
const turnIn = (id: string) =>
  new TurnContext(new TestAdapter(), {
    type: 'message',
    channelId: 'test',
    conversation: { id } as never,
    from: { id: 'u', name: 'user' },
    recipient: { id: 'b', name: 'bot' },
  });

/**
 * Two instances read conversation `id` in the same moment; the first saves "first". Returns the
 * second's pending save of "second" (made on what it read before the first saved).
 */
async function race(store: Storage, id: string) {
  const [a, b] = [instanceOn(store), instanceOn(store)];
  const [first, second] = [turnIn(id), turnIn(id)];
  await a.who.get(first);
  await b.who.get(second);
  await a.who.set(first, 'first');
  await a.state.saveChanges(first);
  await b.who.set(second, 'second');
  return { b, second, secondSave: () => b.state.saveChanges(second) };
}

let containerSeq = 0;
const stores: Array<[string, () => Storage]> = [
  ['memory', () => createRawStorage({ storage: 'memory', stateIdleMinutes: 30, stateMaxItems: 1000 })],
  [
    'blob',
    () =>
      createRawStorage({
        storage: 'blob',
        blobConnectionString: azurite.connectionString,
        blobContainer: `contract-${process.pid}-${++containerSeq}`,
        stateIdleMinutes: 30,
        stateMaxItems: 1000,
      }),
  ],
];

describe.each(stores)('storage contract: %s', (_name, make) => {
  let store: Storage;
  beforeEach(() => {
    store = make();
  });

  test('a key never written reads as absent', async () => {
    expect(await store.read(['nobody/conversations/none'])).toEqual({});
  });

  test('what is written is read back with an eTag', async () => {
    await store.write({ 'webchat/conversations/a': { dialogState: { step: 2 }, lang: 'sv' } });
    const items = await store.read(['webchat/conversations/a', 'webchat/conversations/missing']);
    expect(Object.keys(items)).toEqual(['webchat/conversations/a']);
    expect(items['webchat/conversations/a']).toMatchObject({ dialogState: { step: 2 }, lang: 'sv' });
    expect(typeof items['webchat/conversations/a'].eTag).toBe('string');
  });

  test('unicode and emoji survive the round trip', async () => {
    const text = 'Pieksämäki – Nyslott 👋 Ω';
    await store.write({ k: { text } });
    expect((await store.read(['k'])).k.text).toBe(text);
  });

  test('a write with the current eTag succeeds and changes the eTag', async () => {
    await store.write({ k: { n: 1 } });
    const first = (await store.read(['k'])).k;
    await store.write({ k: { ...first, n: 2 } });
    const second = (await store.read(['k'])).k;
    expect(second.n).toBe(2);
    expect(second.eTag).not.toBe(first.eTag);
  });

  test('a write with a stale eTag is refused as an eTag conflict and changes nothing', async () => {
    await store.write({ k: { n: 1 } });
    const stale = (await store.read(['k'])).k;
    await store.write({ k: { ...stale, n: 2 } });
    const err = await errorOf(store.write({ k: { ...stale, n: 3 } }));
    expect(isETagConflict(err)).toBe(true);
    expect((await store.read(['k'])).k.n).toBe(2);
  });

  test('a write with eTag * overwrites whatever is there', async () => {
    await store.write({ k: { n: 1 } });
    await store.write({ k: { n: 5, eTag: '*' } });
    expect((await store.read(['k'])).k.n).toBe(5);
  });

  test('a create-only write succeeds for a new key and is refused as a conflict when the key exists', async () => {
    await store.write({ k: { n: 1, eTag: CREATE_ONLY_ETAG } });
    expect((await store.read(['k'])).k.n).toBe(1);
    const err = await errorOf(store.write({ k: { n: 2, eTag: CREATE_ONLY_ETAG } }));
    expect(isETagConflict(err)).toBe(true);
    expect((await store.read(['k'])).k.n).toBe(1);
  });

  test('two turns that both find a conversation new: the second first-save is refused', async () => {
    const { secondSave } = await race(store, 'new');
    expect(isETagConflict(await errorOf(secondSave()))).toBe(true);
    expect(await instanceOn(store).who.get(turnIn('new'))).toBe('first');
  });

  test('delete forgets the key; deleting a missing key is fine', async () => {
    await store.write({ k: { n: 1 } });
    await store.delete(['k', 'never-there']);
    expect(await store.read(['k'])).toEqual({});
  });

  test('two turns that read the same state: the second save is refused, not silently lost', async () => {
    const before = instanceOn(store);
    const turn = turnIn('k');
    await before.who.set(turn, 'nobody');
    await before.state.saveChanges(turn);
    const { secondSave } = await race(store, 'k');
    expect(isETagConflict(await errorOf(secondSave()))).toBe(true);
    expect(await instanceOn(store).who.get(turnIn('k'))).toBe('first');
  });

  test('one turn may save the same state twice', async () => {
    const { state, who } = instanceOn(store);
    const turn = turnIn('k');
    await who.set(turn, 'one');
    await state.saveChanges(turn);
    await who.set(turn, 'two');
    await state.saveChanges(turn);
    expect(await instanceOn(store).who.get(turnIn('k'))).toBe('two');
  });

  test('a turn that reloads after a conflict saves on top of the other turn', async () => {
    const { b, second, secondSave } = await race(store, 'k');
    await expect(secondSave()).rejects.toThrow(/eTag conflict/i);
    await b.state.load(second, true); // what the turn guard does before running the turn again
    await b.who.set(second, 'second');
    await b.state.saveChanges(second);
    expect(await instanceOn(store).who.get(turnIn('k'))).toBe('second');
  });

  test('the health probe says the store answers', async () => {
    expect(await probeStorage(store)).toBe(true);
  });
});

describe('bounded memory store', () => {
  test('forgets a conversation left idle longer than the expiry, keeps a recently used one', async () => {
    let now = 0;
    const store = new BoundedMemoryStorage({ idleMs: 30 * 60_000, maxItems: 100, now: () => now });
    await store.write({ idle: { n: 1 }, active: { n: 2 } });
    now += 20 * 60_000;
    await store.read(['active']);
    now += 15 * 60_000;
    const items = await store.read(['idle', 'active']);
    expect(Object.keys(items)).toEqual(['active']);
    expect(store.size).toBe(1);
  });

  test('holds at most maxItems, evicting the least recently used first', async () => {
    const store = new BoundedMemoryStorage({ idleMs: 60_000, maxItems: 3 });
    await store.write({ a: { n: 1 }, b: { n: 2 }, c: { n: 3 } });
    await store.read(['a']); // a is now the most recently used
    await store.write({ d: { n: 4 } });
    expect(Object.keys(await store.read(['a', 'b', 'c', 'd'])).sort()).toEqual(['a', 'c', 'd']);
    expect(store.size).toBe(3);
  });

  test('stays bounded under 10 000 conversations', async () => {
    const store = new BoundedMemoryStorage({ idleMs: 60_000, maxItems: 500 });
    for (let i = 0; i < 10_000; i++) await store.write({ [`c${i}`]: { n: i } });
    expect(store.size).toBe(500);
    expect(Object.keys(await store.read(['c0', 'c9999']))).toEqual(['c9999']);
  });
});

test('createStorage guards the chosen store and refuses STORAGE=blob without a connection string', () => {
  const guarded = createStorage({ storage: 'memory', stateIdleMinutes: 30, stateMaxItems: 10 }).inner;
  expect(guarded).toBeInstanceOf(DeadlineStorage);
  expect((guarded as DeadlineStorage).inner).toBeInstanceOf(BoundedMemoryStorage);
  expect(() => createStorage({ storage: 'blob', stateIdleMinutes: 30, stateMaxItems: 10 })).toThrow(
    /BLOB_CONNECTION_STRING/,
  );
});

describe('health probe', () => {
  test('says the store does not answer when reads fail or hang', async () => {
    const failing: Storage = {
      read: () => Promise.reject(new Error('down')),
      write: async () => {},
      delete: async () => {},
    };
    const hanging: Storage = { read: () => new Promise(() => {}), write: async () => {}, delete: async () => {} };
    expect(await probeStorage(failing)).toBe(false);
    expect(await probeStorage(hanging, 50)).toBe(false);
  });
});
