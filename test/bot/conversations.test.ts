import { answerTopic, facts, municipalityName, type Lang } from '../../knowledge';
import { benefitLabel } from '../../dialogs/replies/buttons';
import { pilotYears } from '../../dialogs/replies/answerCard';
import { languageNames, t } from '../../dialogs/replies/texts';
import {
  answerCardOf,
  cardText,
  feedbackOf,
  lastButtons,
  lastText,
  locales,
  makeBot,
  PILOT_DAY,
  Talk,
  texts,
} from './helpers';

// Whole conversations with the real bot, as a user has them. Expected facts are read from the
// knowledge, expected wording from the replies table: nothing is typed twice.

const m = facts.municipalities;
const name = (id: string, lang: Lang) => municipalityName(m[id], lang);

describe.each(locales())('in %s', (lang, locale) => {
  test('greets in the language of the locale, says it is a bot, warns about identity codes, offers languages', async () => {
    const talk = new Talk(makeBot().bot, locale);
    const hello = await talk.join();
    expect(texts(hello)).toContain(t('greeting', lang));
    expect(lastButtons(hello)).toEqual([languageNames.fi, languageNames.sv, languageNames.en]);
    for (const r of hello) {
      expect(r.speak).toBeTruthy();
      expect(r.inputHint).toBeTruthy();
    }
  });

  test('step by step to the Mikkeli region pilot: asks only what is missing, one at a time', async () => {
    const { bot, events } = makeBot();
    const talk = new Talk(bot, locale);
    await talk.join();
    let replies = await talk.say(name('juva', lang));
    expect(lastText(replies)).toBe(facts.texts.questions.age[lang]);

    replies = await talk.say('52');
    expect(lastText(replies)).toBe(facts.texts.questions.benefit[lang]);
    expect(lastButtons(replies)).toContain(benefitLabel('earningsRelated', lang));
    expect(lastButtons(replies)).toContain(benefitLabel('unknown', lang));

    replies = await talk.say(benefitLabel('earningsRelated', lang));
    expect(lastText(replies)).toBe(facts.texts.questions.immigrant[lang]);
    expect(lastButtons(replies)).toEqual([t('buttonYes', lang), t('buttonNo', lang)]);

    replies = await talk.say(t('buttonYes', lang));
    const card = answerCardOf(replies);
    expect(cardText(card)).toContain(facts.providers.mikkeliPilot.name[lang]);
    expect(cardText(card)).toContain(facts.servicePoints.juva.address.street);
    expect(cardText(card)).toContain(facts.servicePoints.mikkeliImmigrants.address.street);
    expect(cardText(card)).toContain(facts.contacts.patama.email);
    expect(lastText(replies)).toBe(t('askHelpful', lang));

    replies = await talk.say(t('buttonYes', lang));
    expect(texts(replies)).toContain(t('thanksFeedback', lang));
    expect(feedbackOf(events)).toEqual([true]);
  });

  test('earnings-related, 45, not an immigrant in Savonlinna → the TE office', async () => {
    const talk = new Talk(makeBot().bot, locale);
    await talk.say(name('savonlinna', lang));
    await talk.say('45');
    await talk.say(benefitLabel('earningsRelated', lang));
    const replies = await talk.say(t('buttonNo', lang));
    const card = answerCardOf(replies);
    expect(cardText(card)).toContain(facts.providers.teOffice.name[lang]);
    expect(cardText(card)).toContain(facts.servicePoints.teSavonlinna.address.street);
    expect(cardText(card)).toContain(facts.contacts.tePersonalCustomers.phone);
  });

  test('Pieksämäki → the TE office at once, no more questions', async () => {
    const talk = new Talk(makeBot().bot, locale);
    const replies = await talk.say(name('pieksamaki', lang));
    expect(cardText(answerCardOf(replies))).toContain(facts.providers.teOffice.name[lang]);
    expect(cardText(answerCardOf(replies))).toContain(facts.servicePoints.tePieksamaki.address.street);
  });

  test('a young person in Savonlinna → the Savonlinna pilot and its youth point', async () => {
    const talk = new Talk(makeBot().bot, locale);
    await talk.say(name('savonlinna', lang));
    const replies = await talk.say('22');
    const card = cardText(answerCardOf(replies));
    expect(card).toContain(facts.providers.savonlinnaPilot.name[lang]);
    expect(card).toContain(facts.servicePoints.savonlinnaYouth.address.street);
    expect(card).toContain(facts.contacts.tolvanen.phone);
  });

  test('a municipality outside Etelä-Savo → says so, no provider', async () => {
    const talk = new Talk(makeBot().bot, locale);
    const replies = await talk.say(name('helsinki', lang));
    expect(texts(replies)).toContain(name('helsinki', lang));
    expect(cardText(answerCardOf(replies))).toContain(t('cardTitleOutside', lang));
  });

  test('a misunderstood answer is re-asked with an example; after the second the guide goes on without it', async () => {
    const talk = new Talk(makeBot().bot, locale);
    await talk.say(name('mikkeli', lang));
    let replies = await talk.say('qwerty');
    expect(lastText(replies)).toContain(t('reaskAge', lang));
    replies = await talk.say('zxcvb');
    expect(texts(replies)).toContain(t('eachValueGoOn', lang));
    expect(lastText(replies)).toBe(facts.texts.questions.benefit[lang]);
  });

  test('a municipality misunderstood twice → the phone line and start again, never a third question', async () => {
    const talk = new Talk(makeBot().bot, locale);
    await talk.say({ fi: 'hei', sv: 'hej', en: 'hello' }[lang]);
    let replies = await talk.say('qwerty');
    expect(lastText(replies)).toContain(t('reaskMunicipality', lang, { example: name('mikkeli', lang) }));
    replies = await talk.say('zxcvb');
    expect(texts(replies)).toContain(facts.contacts.tePersonalCustomers.phone);
    expect(lastButtons(replies)).toContain(t('buttonStartAgain', lang));
    expect(replies.map((r) => r.text)).not.toContain(facts.texts.questions.municipality[lang]);
  });

  test('"don\'t know" the benefit → who pays what (rule 7), then the question again', async () => {
    const talk = new Talk(makeBot().bot, locale);
    await talk.say(name('mantyharju', lang));
    await talk.say('40');
    const replies = await talk.say(benefitLabel('unknown', lang));
    expect(texts(replies)).toContain(facts.texts.benefitExplanation[lang]);
    expect(lastText(replies)).toBe(facts.texts.questions.benefit[lang]);
  });

  test('an impossible age → the reason, and the question again', async () => {
    const talk = new Talk(makeBot().bot, locale);
    await talk.say(name('mikkeli', lang));
    const replies = await talk.say('7');
    expect(texts(replies)).toContain(t('ageTooYoung', lang));
    expect(lastText(replies)).toBe(facts.texts.questions.age[lang]);
  });

  test('help mid-dialog explains and repeats the question', async () => {
    const talk = new Talk(makeBot().bot, locale);
    await talk.say(name('mikkeli', lang));
    const help = { fi: 'apua', sv: 'hjälp', en: 'help' }[lang];
    const replies = await talk.say(help);
    expect(texts(replies)).toContain(t('help', lang));
    expect(lastText(replies)).toBe(facts.texts.questions.age[lang]);
  });

  test('restart mid-dialog forgets the answers and asks the first question', async () => {
    const talk = new Talk(makeBot().bot, locale);
    await talk.say(name('mikkeli', lang));
    const replies = await talk.say(t('buttonStartAgain', lang));
    expect(texts(replies)).toContain(t('restarted', lang));
    expect(lastText(replies)).toBe(facts.texts.questions.municipality[lang]);
  });

  test('delete my data mid-dialog clears the stored state and confirms', async () => {
    const { bot, storage } = makeBot();
    const talk = new Talk(bot, locale);
    await talk.say(name('mikkeli', lang));
    const del = { fi: 'poista tietoni', sv: 'radera mina uppgifter', en: 'delete my data' }[lang];
    const replies = await talk.say(del);
    expect(texts(replies)).toContain(t('dataDeleted', lang));
    const stored = await storage.read([`test/conversations/conv-1`, `test/users/user-1`]);
    expect(Object.keys(stored)).toEqual([]);
    // and the guide starts afresh
    const again = await talk.say('45');
    expect(lastText(again)).toBe(facts.texts.questions.municipality[lang]);
  });

  test('an identity code in a message → a warning, and the code is never stored', async () => {
    const { bot, storage } = makeBot();
    const talk = new Talk(bot, locale);
    await talk.say(name('mikkeli', lang));
    const code = '131052-308T';
    const replies = await talk.say(`${code}`);
    expect(texts(replies)).toContain(t('identityCodeWarning', lang));
    expect(lastText(replies)).toBe(facts.texts.questions.age[lang]);
    const stored = JSON.stringify(await storage.read(['test/conversations/conv-1', 'test/users/user-1']));
    expect(stored).not.toContain('131052');
  });

  test('an employer question → the TE office employer services', async () => {
    const talk = new Talk(makeBot().bot, locale);
    const q = {
      fi: 'olen työnantaja ja haen työntekijää',
      sv: 'jag är arbetsgivare och söker arbetskraft',
      en: 'I am an employer looking to recruit',
    }[lang];
    const replies = await talk.say(q);
    expect(texts(replies)).toContain(facts.contacts.teEmployers.phone);
  });

  test('an employer who names the company’s town → still the employer services, not the jobseeker questions', async () => {
    const talk = new Talk(makeBot().bot, locale);
    const town = name('mikkeli', lang);
    const q = {
      fi: `olen työnantaja, yritys on ${town}n keskustassa`,
      sv: `Jag är arbetsgivare i ${town}, vem ska jag kontakta?`,
      en: `We are a company in ${town} looking to hire`,
    }[lang];
    const replies = await talk.say(q);
    expect(texts(replies)).toContain(facts.contacts.teEmployers.phone);
  });
});

describe('language switch', () => {
  test('mid-dialog the rest continues in the new language, keeping the answers', async () => {
    const talk = new Talk(makeBot().bot, 'fi-FI');
    await talk.join();
    expect(lastText(await talk.say(m.mikkeli.fi))).toBe(facts.texts.questions.age['fi']);
    let replies = await talk.say(languageNames.en);
    expect(texts(replies)).toContain(t('languageSwitched', 'en'));
    expect(lastText(replies)).toBe(facts.texts.questions.age['en']);
    replies = await talk.say('24');
    expect(cardText(answerCardOf(replies))).toContain(facts.providers.mikkeliPilot.name.en);
  });

  test('the language buttons of the greeting switch at once', async () => {
    const talk = new Talk(makeBot().bot, 'fi-FI');
    await talk.join();
    const replies = await talk.say(languageNames.sv);
    expect(texts(replies)).toContain(t('languageSwitched', 'sv'));
    expect(lastText(replies)).toBe(facts.texts.questions.municipality['sv']);
  });
});

describe('one sentence with everything', () => {
  test.each<[Lang, string, string]>([
    ['fi', 'fi-FI', `asun ${m.juva.fi}lla, olen 27 ja saan työmarkkinatukea`],
    ['sv', 'sv-FI', `jag bor i ${m.savonlinna.sv ?? m.savonlinna.fi}, är 24 år och får arbetsmarknadsstöd`],
    ['en', 'en-US', `I live in ${m.pertunmaa.fi}, I am 33 and get labour market subsidy`],
  ])('%s: the answer at once', async (lang, locale, sentence) => {
    const talk = new Talk(makeBot().bot, locale);
    const replies = await talk.say(sentence);
    const card = answerCardOf(replies);
    expect(card).toBeDefined();
    expect(replies.filter((r) => r.text === facts.texts.questions.age[lang])).toEqual([]);
  });
});

test('after the answer a follow-up ("what if I am 35") is answered with the facts already known', async () => {
  const talk = new Talk(makeBot().bot, 'fi-FI');
  await talk.say(m.savonlinna.fi);
  await talk.say('22');
  const replies = await talk.say('entä jos olen 45');
  expect(lastText(replies)).toBe(facts.texts.questions.benefit['fi']);
});

test.each(locales('fi', 'en'))(
  '%s: the pilot years asked about after they ended: the answer says first, in the spoken text too, that it is history',
  async (lang, locale) => {
    const talk = new Talk(makeBot('2026-01-15').bot, locale);
    const ask = {
      fi: 'kuka palveli minua kokeilun aikana?',
      sv: 'vem betjänade mig under försöket?',
      en: 'who served me during the pilot?',
    };
    await talk.say(ask[lang]);
    const replies = await talk.say(m.pieksamaki.fi);
    const answer = replies.find((r) => r.attachments?.length)!;
    const card = cardText(answerCardOf(replies));
    for (const piece of facts.texts.notices.pilotPeriodAnswer[lang]
      .split(/\{\w+\}/)
      .map((p: string) => p.trim())
      .filter(Boolean)) {
      expect(card).toContain(piece);
      expect(answer.speak).toContain(piece);
    }
    expect(answer.text).toContain(
      t('answerProviderPilotPeriod', lang, { provider: facts.providers.teOffice.name[lang], years: pilotYears() }),
    );
    expect(answer.text).not.toContain(t('answerProvider', lang, { provider: facts.providers.teOffice.name[lang] }));
  },
);

test.each(locales('fi', 'sv'))(
  "%s: after the pilot period, two misses do not send anyone to the closed TE office's line, and say how to register",
  async (lang, locale) => {
    const talk = new Talk(makeBot('2026-01-15').bot, locale);
    await talk.say({ fi: 'hei', sv: 'hej', en: 'hello' }[lang]);
    await talk.say('qwerty');
    const replies = await talk.say('zxcvb');
    expect(texts(replies)).not.toContain(facts.contacts.tePersonalCustomers.phone);
    expect(texts(replies)).toContain(facts.jobMarket.name[lang]);
    expect(texts(replies)).toContain(facts.jobMarket.url[lang]);
    expect(lastButtons(replies)).toContain(t('buttonStartAgain', lang));
  },
);

test('"thanks" after the answer is neither counted nor answered again', async () => {
  const { bot, events } = makeBot();
  const talk = new Talk(bot, 'fi-FI');
  await talk.say(m.pieksamaki.fi);
  const replies = await talk.say('kiitos');
  expect(answerCardOf(replies)).toBeUndefined();
  expect(lastButtons(replies)).toEqual([t('buttonStartAgain', 'fi')]);
  expect(feedbackOf(events)).toEqual([]);
});

test('"not helpful" is counted, with the service the answer named and nothing else', async () => {
  const { bot, events, storage } = makeBot();
  const talk = new Talk(bot, 'en-US');
  await talk.say(m.pieksamaki.fi);
  await talk.say(t('buttonNo', 'en'));
  expect(events.filter((e) => e.kind === 'feedback')).toEqual([
    { kind: 'feedback', helpful: false, period: 'pilot', provider: 'teOffice' },
  ]);
  // No count in the conversation's storage.
  expect(JSON.stringify((storage as unknown as { memory: object }).memory)).not.toMatch(/helpful/i);
});

test('a question about the pilots mid-dialog is answered from the knowledge, then the question again', async () => {
  const talk = new Talk(makeBot().bot, 'fi-FI');
  await talk.say(m.mikkeli.fi);
  const replies = await talk.say('mikä on omavalmentaja?');
  expect(texts(replies)).toContain(answerTopic('coach', new Date(`${PILOT_DAY}T12:00:00Z`)).fi);
  expect(lastText(replies)).toBe(facts.texts.questions.age['fi']);
});

test('every reply of a whole conversation carries speak and an input hint', async () => {
  const talk = new Talk(makeBot().bot, 'sv-FI');
  const all = [
    ...(await talk.join()),
    ...(await talk.say('hjälp')),
    ...(await talk.say(m.savonlinna.sv ?? m.savonlinna.fi)),
    ...(await talk.say('qwerty')),
    ...(await talk.say('55')),
    ...(await talk.say(benefitLabel('unknown', 'sv'))),
    ...(await talk.say(benefitLabel('earningsRelated', 'sv'))),
    ...(await talk.say('131052-308T')),
    ...(await talk.say(t('buttonNo', 'sv'))),
    ...(await talk.say(t('buttonYes', 'sv'))),
    ...(await talk.say('radera mina uppgifter')),
  ];
  expect(all.length).toBeGreaterThan(12);
  for (const r of all) {
    expect(r.speak).toBeTruthy();
    expect(['acceptingInput', 'expectingInput', 'ignoringInput']).toContain(r.inputHint);
  }
});

test('after the answer, switching language shows the answer again in the new language', async () => {
  const talk = new Talk(makeBot().bot, 'fi-FI');
  expect(answerCardOf(await talk.say(m.pieksamaki.fi))).toBeDefined();
  const replies = await talk.say(languageNames.sv);
  expect(cardText(answerCardOf(replies))).toContain(facts.providers.teOffice.name.sv);
  expect(lastText(replies)).toBe(t('askHelpful', 'sv'));
});

test('two municipalities in one answer → the candidates as buttons, and a press goes on', async () => {
  const talk = new Talk(makeBot().bot, 'fi-FI');
  const replies = await talk.say(`${m.mikkeli.fi} tai ${m.juva.fi}`);
  expect(lastText(replies)).toBe(t('municipalityAmbiguous', 'fi'));
  expect(lastButtons(replies).sort()).toEqual([m.juva.fi, m.mikkeli.fi].sort());
  expect(lastText(await talk.say(m.juva.fi))).toBe(facts.texts.questions.age['fi']);
});

test('cancel stops and forgets the answers; the next message starts afresh', async () => {
  const talk = new Talk(makeBot().bot, 'en-US');
  await talk.say(m.mikkeli.fi);
  expect(texts(await talk.say('cancel'))).toContain(t('cancelled', 'en'));
  expect(lastText(await talk.say('44'))).toBe(facts.texts.questions.municipality['en']);
});

test.each(locales())('%s: the example the greeting gives really gets the answer at once', async (lang, locale) => {
  const talk = new Talk(makeBot().bot, locale);
  const hello = texts(await talk.join());
  const example = hello.match(/"([^"]+)"/)?.[1];
  expect(example).toBeTruthy();
  const card = answerCardOf(await talk.say(example!));
  expect(cardText(card)).toContain(facts.providers.mikkeliPilot.name[lang]);
});

test('a first message written in English gets English, though the locale said Finnish', async () => {
  const talk = new Talk(makeBot().bot, 'fi-FI');
  await talk.join();
  const replies = await talk.say(`I live in ${m.mikkeli.fi}`);
  expect(lastText(replies)).toBe(facts.texts.questions.age.en);
});

test('a follow-up after "thanks" still keeps the facts; a new municipality starts afresh', async () => {
  const talk = new Talk(makeBot().bot, 'fi-FI');
  await talk.say(`${m.savonlinna.fi}, 19`);
  await talk.say('kiitos');
  expect(lastText(await talk.say('entä jos olen 40?'))).toBe(facts.texts.questions.benefit.fi);
  await talk.say(t('buttonStartAgain', 'fi'));
  await talk.say(`${m.savonlinna.fi}, 19`);
  expect(lastText(await talk.say(m.juva.fi))).toBe(facts.texts.questions.age.fi);
});

test('a place that is no municipality, as the first message, is re-asked with an example', async () => {
  const talk = new Talk(makeBot().bot, 'fi-FI');
  const replies = await talk.say('asun Tukholmassa');
  expect(lastText(replies)).toContain(t('reaskMunicipality', 'fi', { example: m.mikkeli.fi }));
});

test('"what is a personal coach?" is a question about the pilots, not a misspelt municipality', async () => {
  const talk = new Talk(makeBot().bot, 'en-US');
  await talk.say(m.juva.fi);
  const replies = await talk.say('what is a personal coach?');
  expect(texts(replies)).toContain(answerTopic('coach', new Date(`${PILOT_DAY}T12:00:00Z`)).en);
  expect(answerCardOf(replies)).toBeUndefined();
});

test('asked for the municipality, a bare age is kept as the age (and the municipality asked again)', async () => {
  const talk = new Talk(makeBot().bot, 'fi-FI');
  await talk.say('hei');
  expect(lastText(await talk.say('27'))).toBe(facts.texts.questions.municipality.fi);
  expect(answerCardOf(await talk.say(m.juva.fi))).toBeDefined();
});
