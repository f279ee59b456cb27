// The conversation state keeps what a question is about, not the question itself: the saved state
// holds no question text, and the question the user sees (and its re-ask) is unchanged.
import { MemoryStorage } from 'botbuilder';
import { facts } from '../../knowledge';
import { makeBot, Talk, lastText, lastButtons } from './helpers';

async function savedConversation(storage: MemoryStorage): Promise<string> {
  const items = await storage.read(['test/conversations/conv-1/']);
  return JSON.stringify(items);
}

test('while asking, the saved state holds the question key but not its text or buttons', async () => {
  const storage = new MemoryStorage();
  const talk = new Talk(makeBot(undefined, storage).bot);
  const replies = await talk.say('asun Juvalla');
  const question = lastText(replies);
  expect(question).toBe(facts.texts.questions.age.fi);
  const saved = await savedConversation(storage);
  expect(saved).toContain('"slot":"age"');
  expect(saved).not.toContain(question);
});

test('a prompt saved before keyed prompts (the whole activity in the state) still re-asks with it', async () => {
  const storage = new MemoryStorage();
  const { bot } = makeBot(undefined, storage);
  const talk = new Talk(bot);
  await talk.say('asun Juvalla');
  // Rewrite the saved prompt the old way: the activity itself, no key.
  const key = 'test/conversations/conv-1/';
  const items = await storage.read([key]);
  const legacy = { type: 'message', text: 'OLD QUESTION', suggestedActions: { actions: [{ type: 'imBack', title: 'X', value: 'X' }], to: [] } };
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const entry = node as { id?: unknown; state?: { options?: unknown } };
    if (entry.id === 'slotPrompt' && entry.state) entry.state.options = { prompt: legacy, retryPrompt: legacy };
    for (const v of Object.values(node)) walk(v);
  };
  walk(items[key]);
  await storage.write(items);
  // An attachment without text is no text: the TextPrompt re-asks with the stored retry prompt.
  await talk.adapter.receiveActivity({ type: 'message', attachments: [{ contentType: 'image/png', contentUrl: 'x' }] } as never);
  const replies = talk.adapter.activeQueue.splice(0);
  expect(lastText(replies)).toBe('OLD QUESTION');
  expect(lastButtons(replies)).toEqual(['X']);
});
