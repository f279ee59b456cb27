import { facts } from '../../knowledge';
import { answerCardOf, cardText, lastButtons, makeBot, Talk, texts } from './helpers';

test('greets in Finnish and answers a one-sentence message at once', async () => {
  const talk = new Talk(makeBot().bot, 'fi-FI');
  const hello = await talk.join();
  expect(texts(hello)).toMatch(/botti/);
  expect(lastButtons(hello)).toEqual(['Suomi', 'Svenska', 'English']);

  const juva = facts.municipalities.juva.fi;
  const replies = await talk.say(`asun ${juva}lla, olen 27 ja saan työmarkkinatukea`);
  const card = answerCardOf(replies);
  expect(card).toBeDefined();
  expect(cardText(card)).toContain(facts.providers.mikkeliPilot.name.fi);
  expect(cardText(card)).toContain(facts.servicePoints.juva.address.street);
});
