// After the pilot period: one question (the home municipality), today's service first, and the
// pilot years one request away, asked in the past tense and told as history.
import { areaName, facts, formatAddress, LANGS, municipalityName, type Lang } from '../../knowledge';
import { t } from '../../dialogs/replies/texts';
import { benefitLabel } from '../../dialogs/replies/buttons';
import { pilotYears } from '../../dialogs/replies/answerCard';
import { answerCardOf, cardText, lastButtons, lastText, locales, makeBot, Talk, texts } from './helpers';

const TODAY = '2026-12-07';
const ETELA_SAVO = Object.values(facts.providers).flatMap((p) => p.municipalityIds);
const areaOf = (id: string) => facts.employmentAreas.find((a) => a.id === facts.areaMembership[id].areaIds[0])!;
const name = (id: string, lang: Lang) => municipalityName(facts.municipalities[id], lang);
const pilotQuestion: Record<Lang, string> = {
  fi: 'kuka palveli minua kokeilun aikana?',
  sv: 'vem betjänade mig under försöket?',
  en: 'who served me during the pilot?',
};
/** Every phone number and e-mail of the pilot years (all their providers have ended). */
const pilotContacts = Object.values(facts.contacts).flatMap((c) => [c.phone, c.email].filter(Boolean) as string[]);

describe.each(LANGS)('%s: one message with the home municipality gets the answer in that one turn', (lang) => {
  test.each(ETELA_SAVO)('%s', async (id) => {
    const talk = new Talk(makeBot(TODAY).bot, { fi: 'fi-FI', sv: 'sv-FI', en: 'en-US' }[lang]);
    const replies = await talk.say(
      { fi: `asun ${name(id, 'fi')}`, sv: `jag bor i ${name(id, 'sv')}`, en: `I live in ${name(id, 'en')}` }[lang],
    );
    const answer = replies.find((r) => r.attachments?.length);
    expect(answer).toBeDefined();
    const area = areaOf(id);
    // Who serves now, what to do (register in Työmarkkinatori, with its address), where to find contacts.
    expect(answer!.text).toContain(areaName(area, lang));
    expect(answer!.text).toContain(name(area.responsibleMunicipalityId, lang));
    expect(answer!.text).toContain(facts.jobMarket.name[lang]);
    expect(answer!.text).toContain(facts.jobMarket.url[lang]);
    expect(answer!.text!.indexOf(areaName(area, lang))).toBeLessThan(answer!.text!.indexOf(facts.jobMarket.url[lang]));
    if (area.website) expect(answer!.text).toContain(area.website.url);
    // Nothing of the pilot years is offered as today's.
    const card = cardText(answerCardOf(replies));
    for (const c of pilotContacts) {
      expect(answer!.text).not.toContain(c);
      expect(card).not.toContain(c);
    }
    for (const p of Object.values(facts.servicePoints)) expect(card).not.toContain(formatAddress(p.address, lang));
    expect(card).not.toMatch(/tel:|mailto:/);
    // No question about age, benefit or background follows; the pilot years are offered.
    for (const slot of ['age', 'benefit', 'immigrant'] as const)
      expect(texts(replies)).not.toContain(facts.texts.questions[slot][lang]);
    expect(lastButtons(replies)).toContain(t('buttonPilotYears', lang, { years: pilotYears() }));
  });
});

test.each(locales('fi', 'sv', 'en'))(
  '%s: age, benefit and background said with the municipality change nothing and are never asked',
  async (lang, locale) => {
    const talk = new Talk(makeBot(TODAY).bot, locale);
    const say = {
      fi: 'Asun Mikkelissä ja olen 45, saan ansiopäivärahaa enkä ole maahanmuuttaja',
      sv: 'Jag bor i S:t Michel, är 45 och får inkomstrelaterad dagpenning',
      en: "I live in Mikkeli, I'm 45 and get earnings-related allowance",
    }[lang];
    const replies = await talk.say(say);
    expect(answerCardOf(replies)).toBeDefined();
    expect(replies.filter((r) => r.attachments?.length)).toHaveLength(1);
    for (const slot of ['age', 'benefit', 'immigrant'] as const)
      expect(texts(replies)).not.toContain(facts.texts.questions[slot][lang]);
  },
);

test('just unemployed and not registered: registering comes as the first thing to do', async () => {
  const talk = new Talk(makeBot(TODAY).bot, 'fi-FI');
  const replies = await talk.say('moi, jäin just työttömäks enkä oo vielä ilmottautunu mihkää, asun mikkelis');
  const answer = replies.find((r) => r.attachments?.length)!;
  const first = facts.texts.today.registerFirst.fi.split('{')[0];
  expect(answer.text).toContain(first);
  expect(answer.text).toContain(facts.jobMarket.url.fi);
  expect(answer.text).toContain(areaName(areaOf('mikkeli'), 'fi'));
});

test.each([
  ['opiskelija, etsin kesätöitä, asun Juvalla', 'student'],
  ['saan sairauspäivärahaa, asun Juvalla', 'sickness'],
  ['lopetin yritykseni, asun Juvalla', 'entrepreneur'],
  ['olen 16 ja asun Juvalla', 'under17'],
  ['olen 66 ja asun Juvalla', 'over65'],
  ['synnyin 1958, asun Juvalla', 'over65'],
] as const)('"%s" adds the %s note to today\'s answer', async (message, note) => {
  const talk = new Talk(makeBot(TODAY).bot, 'fi-FI');
  const replies = await talk.say(message);
  const answer = replies.find((r) => r.attachments?.length)!;
  const sentence = facts.texts.today[note].fi.split('{')[0].trim();
  expect(answer.text).toContain(sentence);
  // The note is in the card too, under its own heading.
  expect(cardText(answerCardOf(replies))).toContain(t('cardTodayNotes', 'fi'));
});

test('a municipality outside Etelä-Savo: the guide says it covers Etelä-Savo only, names the area a source gives, and how to register', async () => {
  const talk = new Talk(makeBot(TODAY).bot, 'fi-FI');
  const replies = await talk.say('asun Heinävedellä');
  const answer = replies.find((r) => r.attachments?.length)!;
  expect(answer.text).toContain(areaName(areaOf('heinavesi'), 'fi'));
  expect(answer.text).toContain(facts.jobMarket.url.fi);
  const helsinki = await new Talk(makeBot(TODAY).bot, 'en-US').say('I live in Helsinki');
  const a = helsinki.find((r) => r.attachments?.length)!;
  expect(a.text).toContain(facts.jobMarket.url.en);
  for (const area of facts.employmentAreas) expect(a.text).not.toContain(area.name.fi);
});

describe('the pilot years, one request away', () => {
  test.each(locales('fi', 'sv', 'en'))(
    "%s: the button after today's answer asks in the past tense, offers today's municipality, and answers as history",
    async (lang, locale) => {
      const talk = new Talk(makeBot(TODAY).bot, locale);
      await talk.say(
        { fi: 'asun Juvalla, olen 45', sv: 'jag bor i Jockas, 45 år', en: "I live in Juva, I'm 45" }[lang],
      );
      let replies = await talk.say(t('buttonPilotYears', lang, { years: pilotYears() }));
      // Nothing said about today is silently reused: the municipality is asked again, offered as a button.
      const when = t('whenPeriod', lang, { years: pilotYears() });
      expect(lastText(replies)).toBe(facts.texts.questionsPast.municipality[lang].replace('{when}', when));
      expect(lastButtons(replies)).toContain(name('juva', lang));
      replies = await talk.say(name('juva', lang));
      // The age said for today is not the age then: asked again, in the past tense.
      expect(lastText(replies)).toBe(facts.texts.questionsPast.age[lang].replace('{when}', when));
      replies = await talk.say('27');
      const answer = replies.find((r) => r.attachments?.length)!;
      expect(answer.text).toContain(
        t('answerProviderPilotPeriod', lang, {
          provider: facts.providers.mikkeliPilot.name[lang],
          years: pilotYears(),
        }),
      );
      const card = cardText(answerCardOf(replies));
      expect(card).not.toMatch(/tel:|mailto:/);
      // The pilot lead's e-mail is plain history text, never in the short text or speak.
      expect(answer.text).not.toContain(facts.contacts.patama.email);
      expect(answer.speak).not.toContain(facts.contacts.patama.email);
    },
  );

  test.each([
    ['fi', 'kuka palveli minua vuonna 2022?', 'whenYear'],
    ['en', 'who served me in 2022?', 'whenYear'],
    ['sv', 'vem betjänade mig under försöket?', 'whenPeriod'],
  ] as const)(
    '%s: "%s" starts the pilot-period routing at once, asked about that time',
    async (lang, message, when) => {
      const talk = new Talk(makeBot(TODAY).bot, { fi: 'fi-FI', sv: 'sv-FI', en: 'en-US' }[lang]);
      const replies = await talk.say(message);
      const whenText = t(when, lang, { years: pilotYears(), year: 2022 });
      expect(lastText(replies)).toBe(facts.texts.questionsPast.municipality[lang].replace('{when}', whenText));
    },
  );

  test('a birth year gives the age on the day asked about, and the age is asked only when it falls on the limit', async () => {
    // 22 or 23 in 2022: under 30 for sure, so the pilot served, whatever the benefit.
    const sure = await new Talk(makeBot(TODAY).bot, 'fi-FI').say(
      'kuka palveli minua vuonna 2022? asuin Juvalla, synnyin 1999',
    );
    const answer = sure.find((r) => r.attachments?.length)!;
    expect(answer.text).toContain(facts.providers.mikkeliPilot.name.fi);
    // 29 or 30 in 2022 (the birthday is not known): the age then decides, so it is asked.
    const limit = facts.figures.youthAgeLimit.value;
    const unsure = await new Talk(makeBot(TODAY).bot, 'fi-FI').say(
      `kuka palveli minua vuonna 2022? asuin Juvalla, synnyin ${2022 - limit}`,
    );
    expect(lastText(unsure)).toBe(
      facts.texts.questionsPast.age.fi.replace('{when}', t('whenYear', 'fi', { year: 2022 })),
    );
  });

  test('during the pilot period the same question routes as the guide always has', async () => {
    const talk = new Talk(makeBot('2022-06-15').bot, 'fi-FI');
    const replies = await talk.say(pilotQuestion.fi);
    expect(lastText(replies)).toBe(facts.texts.questions.municipality.fi);
  });
});

test('after the pilot years\' answer, "start again" gives today\'s question again', async () => {
  const talk = new Talk(makeBot(TODAY).bot, 'fi-FI');
  await talk.say(pilotQuestion.fi);
  await talk.say('Pieksämäki');
  const replies = await talk.say(t('buttonStartAgain', 'fi'));
  expect(lastText(replies)).toBe(facts.texts.questions.municipality.fi);
  const answer = (await talk.say('Pieksämäki')).find((r) => r.attachments?.length)!;
  expect(answer.text).toContain(areaName(areaOf('pieksamaki'), 'fi'));
});

test('the greeting after the pilot period promises only what the guide answers then', async () => {
  const talk = new Talk(makeBot(TODAY).bot, 'fi-FI');
  const replies = await talk.join();
  expect(texts(replies)).toContain(t('greetingToday', 'fi', { years: pilotYears() }));
  expect(texts(replies)).not.toContain(t('greeting', 'fi'));
});

test("the benefit buttons never appear in today's conversation", async () => {
  const talk = new Talk(makeBot(TODAY).bot, 'fi-FI');
  const replies = [...(await talk.say('hei')), ...(await talk.say('Kangasniemi'))];
  for (const r of replies)
    expect(r.suggestedActions?.actions?.map((a) => a.title) ?? []).not.toContain(benefitLabel('none', 'fi'));
});
