import { TestAdapter, TurnContext, ActivityTypes } from 'botbuilder';
import { BoundedMemoryStorage, GuardedConversationState, TurnETagStorage } from '../../src/storage';
import { guardTurn } from '../../src/storage/turnGuard';
import { ConversationQueue } from '../../src/conversationQueue';

/** Lets every promise job already queued run (the queue's hand-offs are promise jobs). */
const tick = () => new Promise((r) => setImmediate(r));

describe('conversation queue', () => {
  test('turns of one conversation run one after another; other conversations do not wait', async () => {
    const queue = new ConversationQueue();
    const log: string[] = [];
    let releaseFirst!: () => void;
    const first = queue.run('a', async () => {
      log.push('a1 start');
      await new Promise<void>((r) => (releaseFirst = r));
      log.push('a1 end');
    });
    const second = queue.run('a', async () => {
      log.push('a2 start');
    });
    const other = queue.run('b', async () => {
      log.push('b start');
    });
    await other;
    await tick();
    expect(log).toEqual(['a1 start', 'b start']);
    releaseFirst();
    await Promise.all([first, second]);
    expect(log).toEqual(['a1 start', 'b start', 'a1 end', 'a2 start']);
    expect(queue.busy).toBe(0);
  });

  test('a failed turn does not block the next one', async () => {
    const queue = new ConversationQueue();
    await expect(queue.run('a', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(queue.run('a', async () => 'next')).resolves.toBe('next');
  });
});

/** One "instance": its own ConversationState and queue over the shared store. */
function instance(shared: BoundedMemoryStorage, pauseBeforeSave?: () => Promise<void>) {
  const state = new GuardedConversationState(new TurnETagStorage(shared));
  const count = state.createProperty<number>('count');
  const runs = { n: 0 };
  const logic = guardTurn(
    async (context: TurnContext) => {
      runs.n++;
      const n = ((await count.get(context, 0)) ?? 0) + 1;
      await count.set(context, n);
      await context.sendActivity(`count ${n}`);
      if (pauseBeforeSave && runs.n === 1) await pauseBeforeSave();
      await state.saveChanges(context);
    },
    { states: [state] },
  );
  return { logic, runs };
}

function send(logic: (c: TurnContext) => Promise<void>, text: string) {
  const replies: string[] = [];
  const adapter = new TestAdapter(async (context) => {
    await logic(context);
  });
  adapter.conversation.conversation.id = 'conv-1';
  const original = adapter.sendActivities.bind(adapter);
  adapter.sendActivities = async (ctx, activities) => {
    for (const a of activities) if (a.type === ActivityTypes.Message) replies.push(String(a.text));
    return original(ctx, activities);
  };
  return adapter.send(text).then(() => replies);
}

describe('turn guard across instances sharing one store', () => {
  test("a save that would overwrite another instance's newer state retries the turn on fresh state", async () => {
    const shared = new BoundedMemoryStorage({ idleMs: 60_000, maxItems: 100 });
    let releaseA!: () => void;
    let aPaused!: () => void;
    const aIsPaused = new Promise<void>((r) => (aPaused = r));
    const a = instance(shared, () => {
      aPaused();
      return new Promise<void>((r) => (releaseA = r));
    });
    const b = instance(shared);
    const aReplies = send(a.logic, 'hi'); // reads count 0, then waits before saving
    await aIsPaused;
    expect(await send(b.logic, 'hi')).toEqual(['count 1']); // b saves count 1 meanwhile
    releaseA();
    // a's first save conflicts; its turn runs again on count 1. Only the retried reply is seen.
    expect(await aReplies).toEqual(['count 2']);
    expect(a.runs.n).toBe(2);
    // ConversationState's key: channel/conversations/conversation id/ (namespace empty).
    const key = 'test/conversations/conv-1/';
    expect((await shared.read([key]))[key].count).toBe(2);
  });

  test('without conflicts a turn runs once and its replies arrive', async () => {
    const shared = new BoundedMemoryStorage({ idleMs: 60_000, maxItems: 100 });
    const a = instance(shared);
    expect(await send(a.logic, 'hi')).toEqual(['count 1']);
    expect(await send(a.logic, 'hi')).toEqual(['count 2']);
    expect(a.runs.n).toBe(2);
  });
});
