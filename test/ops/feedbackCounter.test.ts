import { createFeedbackCounter, readFeedbackCounts } from '../../src/feedbackCounter';
import { createStorage } from '../../src/storage';

// "Was this helpful?" answers from many conversations land on one counter item: none may be lost.

const newStore = () => createStorage({ storage: 'memory', stateIdleMinutes: 30, stateMaxItems: 100 });

test('answers given at the same moment all count, also the very first ones', async () => {
  const storage = newStore();
  const count = createFeedbackCounter(storage);
  await Promise.all([count(true), count(true), count(false)]);
  expect(await readFeedbackCounts(storage)).toEqual({ helpful: 2, notHelpful: 1 });
  await Promise.all([count(true), count(false), count(false)]);
  expect(await readFeedbackCounts(storage)).toEqual({ helpful: 3, notHelpful: 3 });
});
