// The conversation state keeps what a question is about, not the question itself: the saved state
// holds no question text, and the question the user sees (and its re-ask) is unchanged.
import { MemoryStorage } from 'botbuilder';
import { facts } from '../../knowledge';
import { makeBot, Talk, lastText } from './helpers';

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
