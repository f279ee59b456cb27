import { Conversations, type Conversation } from '../../src/directline/conversations';
import { TokenSigner } from '../../src/directline/token';

// Memory stays bounded: caps on conversations and on activities, and idle conversations go.

const created = (c: Conversation | 'perAddress' | 'full'): Conversation => {
  if (typeof c === 'string') throw new Error(`not created: ${c}`);
  return c;
};

test('the least recently active conversation makes room for a new one once it is idle; until then the store is full', () => {
  let now = 0;
  const store = new Conversations(
    { maxConversations: 2, maxActivities: 10, maxBytes: 100_000, idleMs: 600_000, evictIdleMs: 1000 },
    () => now,
  );
  const a = store.create('dl_a');
  const b = store.create('dl_b');
  if (typeof a === 'string' || typeof b === 'string') throw new Error('not created');
  expect(store.create('dl_c')).toBe('full');
  now = 5000;
  store.touch(a); // b is now the least recently active, and idle
  const dropped: string[] = [];
  store.onDrop((id) => dropped.push(id));
  expect(typeof store.create('dl_c')).toBe('object');
  expect(store.size).toBe(2);
  expect(dropped).toEqual([b.id]);
  expect(store.get(a.id)).toBeDefined();
});

test('only the newest activities are kept, and the watermark keeps counting', () => {
  const store = new Conversations({ maxConversations: 5, maxActivities: 3, maxBytes: 100_000, idleMs: 1000 });
  const c = created(store.create('dl_a'));
  for (let i = 1; i <= 5; i += 1) store.append(c, { type: 'message', text: `m${i}` });
  const all = store.since(c);
  expect(all.activities.map((a) => a.text)).toEqual(['m3', 'm4', 'm5']);
  expect(all.watermark).toBe('5');
  expect(store.since(c, '4').activities.map((a) => a.text)).toEqual(['m5']);
});

test('a conversation keeps at most its byte budget of activities, but always the newest', () => {
  const store = new Conversations({ maxConversations: 5, maxActivities: 100, maxBytes: 2000, idleMs: 1000 });
  const c = created(store.create('dl_a'));
  for (let i = 1; i <= 5; i += 1) store.append(c, { type: 'message', text: `${i}`.repeat(600) });
  const kept = store.since(c).activities;
  expect(kept.length).toBeLessThan(5);
  expect(kept[kept.length - 1].text).toBe('5'.repeat(600));
  expect(JSON.stringify(kept).length).toBeLessThanOrEqual(2000 + 10);
  const huge = store.append(c, { type: 'message', text: 'x'.repeat(5000) });
  expect(store.since(c).activities).toEqual([huge]);
});

test('idle conversations are dropped by the sweep, active ones stay', () => {
  let now = 0;
  const store = new Conversations(
    { maxConversations: 5, maxActivities: 3, maxBytes: 100_000, idleMs: 1000 },
    () => now,
  );
  const idle = created(store.create('dl_idle'));
  const busy = created(store.create('dl_busy'));
  now = 900;
  store.append(busy, { type: 'message' });
  now = 1500;
  expect(store.sweep()).toBe(1);
  expect(store.get(idle.id)).toBeUndefined();
  expect(store.get(busy.id)).toBeDefined();
});

test('tokens verify only with their own key and before they expire', () => {
  const signer = new TokenSigner('k1');
  const token = signer.sign('conv', 'dl_u', 60, 0);
  expect(signer.verify(token, 1000)).toMatchObject({ conv: 'conv', user: 'dl_u' });
  expect(signer.verify(token, 61_000)).toBeUndefined();
  expect(new TokenSigner('k2').verify(token, 1000)).toBeUndefined();
  expect(signer.verify('a.b.c')).toBeUndefined();
  expect(signer.verify(undefined)).toBeUndefined();
});
