import { ConversationState, MemoryStorage } from 'botbuilder';
import { DialogTurnStatus } from 'botbuilder-dialogs';
import { DialogTestClient } from 'botbuilder-testing';
import { facts } from '../../knowledge';
import { GuideDialog } from '../../dialogs/guideDialog';
import type { GuideServices, GuideSession, Profile } from '../../dialogs/guideServices';
import { t } from '../../dialogs/replies/texts';

// The guide dialog on its own, in the samples' DialogTestClient style: the dialog needs only
// its services (state accessors, a clock), no bot and no server.

function client(date = '2022-06-15') {
  const storage = new MemoryStorage();
  const conversationState = new ConversationState(storage);
  const deleted: string[] = [];
  const feedback: boolean[] = [];
  const services: GuideServices = {
    profile: conversationState.createProperty<Profile>('profile'),
    session: conversationState.createProperty<GuideSession>('guideSession'),
    today: () => new Date(`${date}T12:00:00Z`),
    deleteAllData: async () => void deleted.push('all'),
    report: (_context, event) => void (event.kind === 'feedback' && feedback.push(event.helpful)),
  };
  const c = new DialogTestClient('test', new GuideDialog(services), undefined, [], conversationState);
  return { c, deleted, feedback, storage };
}

test('the first message starts the dialog and it waits for the next answer', async () => {
  const { c } = client();
  const reply = await c.sendActivity(facts.municipalities.kangasniemi.fi);
  expect(reply.text).toBe(facts.texts.questions.age['fi']);
  expect(c.dialogTurnResult.status).toBe(DialogTurnStatus.waiting);
});

test('the session holds only understood facts, never the text', async () => {
  const { c, storage } = client();
  await c.sendActivity(`${facts.municipalities.kangasniemi.fi} ja olen 41, hetu 131052-308T`);
  // Everything stored, as the storage holds it.
  const stored = Object.values((storage as unknown as { memory: Record<string, string> }).memory).join('\n');
  expect(stored).toContain('"municipalityId":"kangasniemi"');
  expect(stored).toContain('"age":41');
  expect(stored).not.toContain('131052');
  expect(stored).not.toContain('hetu');
});

test('cancel ends the dialog', async () => {
  const { c } = client();
  await c.sendActivity(facts.municipalities.kangasniemi.fi);
  const reply = await c.sendActivity('peruuta');
  expect(reply.text).toBe(t('cancelled', 'fi'));
  expect(c.dialogTurnResult.status).not.toBe(DialogTurnStatus.waiting);
});

test('delete my data asks the host to delete and ends the dialog', async () => {
  const { c, deleted } = client();
  await c.sendActivity(facts.municipalities.kangasniemi.fi);
  const reply = await c.sendActivity('poista tietoni');
  expect(deleted).toEqual(['all']);
  expect(reply.text).toBe(t('dataDeleted', 'fi'));
});

test('"was this helpful?" reports yes as a count', async () => {
  const { c, feedback } = client();
  await c.sendActivity(facts.municipalities.enonkoski.fi); // TE office at once
  c.getNextReply(); // the answer; then the question
  await c.sendActivity(t('buttonYes', 'fi'));
  expect(feedback).toEqual([true]);
});

test('a benefit the person cannot give: the answer for each case, then "was this helpful?", the dialog still waiting', async () => {
  const { c } = client();
  await c.sendActivity(`${facts.municipalities.juva.fi}, olen 45 ja äidinkieleni on suomi`);
  const replies: Array<string | undefined> = [];
  for (const text of ['en tiedä', 'en tiedä']) {
    replies.push((await c.sendActivity(text)).text);
    for (let next = c.getNextReply(); next; next = c.getNextReply()) replies.push(next.text);
  }
  expect(replies.filter((r) => r === facts.texts.questions.benefit.fi)).toHaveLength(1);
  expect(replies).toContain(t('eachValueIntro', 'fi'));
  expect(
    replies.filter((r) => r?.includes(t('answerProvider', 'fi', { provider: facts.providers.mikkeliPilot.name.fi }))),
  ).toHaveLength(1);
  expect(
    replies.filter((r) => r?.includes(t('answerProvider', 'fi', { provider: facts.providers.teOffice.name.fi }))),
  ).toHaveLength(1);
  expect(replies[replies.length - 1]).toBe(t('askHelpful', 'fi'));
  expect(c.dialogTurnResult.status).toBe(DialogTurnStatus.waiting);
});
