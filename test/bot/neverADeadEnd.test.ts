import type { Activity } from 'botbuilder';
import { facts, municipalityName, type Lang } from '../../knowledge';
import { benefitLabel } from '../../dialogs/replies/buttons';
import { t } from '../../dialogs/replies/texts';
import { pilotYears } from '../../dialogs/replies/answerCard';
import { answerCardOf, cardText, lastButtons, lastText, locales, makeBot, Talk, texts } from './helpers';

// A person who cannot give a fact still gets an answer: the guide keeps what it knows, never asks
// that fact again, and answers for each value the fact could have, each with its service point and
// contact. Expected facts come from the knowledge, expected wording from the replies table.

const m = facts.municipalities;
const name = (id: string, lang: Lang) => municipalityName(m[id], lang);
const payer = (p: 'labourMarketSubsidy' | 'earningsRelated', lang: Lang) => facts.benefits[p].payer?.[lang] ?? '';
const AFTER_PILOT = '2026-01-15';

/** The replies that carry an answer card, with the card's text. */
const answers = (replies: Partial<Activity>[]) =>
  replies.filter((r) => r.attachments?.length).map((r) => ({ text: r.text ?? '', card: cardText(answerCardOf([r])) }));

/** Every question text the user saw, per slot, counted over a whole conversation. */
function timesAsked(
  all: Partial<Activity>[],
  slot: 'municipality' | 'age' | 'benefit' | 'immigrant',
  lang: Lang,
): number {
  return all.filter((r) => (r.text ?? '').endsWith(facts.texts.questions[slot][lang])).length;
}

describe.each(locales())('in %s', (lang, locale) => {
  test("\"don't know\" the benefit twice → the answer for Kela's benefits and for the fund's, each with its point and contact", async () => {
    const talk = new Talk(makeBot().bot, locale);
    const all: Partial<Activity>[] = [];
    const say = async (text: string) => {
      const replies = await talk.say(text);
      all.push(...replies);
      return replies;
    };
    await say(name('juva', lang));
    await say('45');
    let replies = await say(benefitLabel('unknown', lang));
    expect(texts(replies)).toContain(facts.texts.benefitExplanation[lang]);
    expect(lastText(replies)).toBe(facts.texts.questions.benefit[lang]);

    // The second time: on without the benefit. Only the fund's case needs to know more.
    replies = await say(benefitLabel('unknown', lang));
    expect(texts(replies)).toContain(t('eachValueGoOn', lang));
    expect(lastText(replies)).toBe(facts.texts.questions.immigrant[lang]);

    replies = await say(t('buttonNo', lang));
    expect(texts(replies)).toContain(t('eachValueIntro', lang));
    const [kela, fund, ...rest] = answers(replies);
    expect(rest).toEqual([]);
    // Kela's benefits (and no benefit at all): the Mikkeli region pilot, Juva's own point, its lead.
    expect(kela.text).toContain(payer('labourMarketSubsidy', lang));
    expect(kela.text).toContain(t('conditionNoBenefit', lang));
    expect(kela.card).toContain(facts.providers.mikkeliPilot.name[lang]);
    expect(kela.card).toContain(facts.servicePoints.juva.address.street);
    expect(kela.card).toContain(facts.contacts.patama.email);
    // The fund's earnings-related allowance at 45, not an immigrant: the TE office.
    expect(fund.text).toContain(payer('earningsRelated', lang));
    expect(fund.card).toContain(facts.providers.teOffice.name[lang]);
    expect(fund.card).toContain(facts.servicePoints.teMikkeli.address.street);
    expect(fund.card).toContain(facts.contacts.tePersonalCustomers.phone);
    // Each case's card says which case it is.
    expect(kela.card).toContain(payer('labourMarketSubsidy', lang));
    expect(fund.card).toContain(payer('earningsRelated', lang));

    // Then the usual end, with the way to start again; nothing asked twice over, nothing forgotten.
    expect(lastText(replies)).toBe(t('askHelpful', lang));
    expect(lastButtons(replies)).toContain(t('buttonStartAgain', lang));
    expect(timesAsked(all, 'municipality', lang)).toBe(0);
    expect(timesAsked(all, 'age', lang)).toBe(1);
    expect(timesAsked(all, 'benefit', lang)).toBe(2);
    expect(timesAsked(all, 'immigrant', lang)).toBe(1);
  });

  test('an age not understood twice → the next questions, then the answer under the age limit and above it', async () => {
    const talk = new Talk(makeBot().bot, locale);
    await talk.say(name('savonlinna', lang));
    let replies = await talk.say('qwerty');
    expect(lastText(replies)).toContain(t('reaskAge', lang));
    replies = await talk.say('zxcvb');
    expect(texts(replies)).toContain(t('eachValueGoOn', lang));
    expect(lastText(replies)).toBe(facts.texts.questions.benefit[lang]);
    await talk.say(benefitLabel('earningsRelated', lang));
    replies = await talk.say(t('buttonNo', lang));

    const limit = facts.figures.youthAgeLimit.value;
    const [young, older, ...rest] = answers(replies);
    expect(rest).toEqual([]);
    expect(young.text).toContain(t('conditionYoung', lang, { limit }));
    expect(young.card).toContain(facts.providers.savonlinnaPilot.name[lang]);
    expect(young.card).toContain(facts.servicePoints.savonlinnaYouth.address.street);
    expect(young.card).toContain(facts.contacts.tolvanen.phone);
    expect(older.text).toContain(t('conditionNotYoung', lang, { limit }));
    expect(older.card).toContain(facts.providers.teOffice.name[lang]);
    expect(older.card).toContain(facts.servicePoints.teSavonlinna.address.street);
    expect(older.card).toContain(facts.contacts.tePersonalCustomers.phone);
  });

  test('two candidate municipalities, neither chosen → the answer for each, the age given first kept', async () => {
    const talk = new Talk(makeBot().bot, locale);
    const both = `${name('mikkeli', lang)}, ${name('pieksamaki', lang)}, 25`;
    let replies = await talk.say(both);
    expect(lastText(replies)).toBe(t('municipalityAmbiguous', lang));
    replies = await talk.say('qwerty');
    expect(lastText(replies)).toBe(t('municipalityAmbiguous', lang));
    replies = await talk.say('zxcvb');

    const [mikkeli, pieksamaki, ...rest] = answers(replies);
    expect(rest).toEqual([]);
    expect(mikkeli.text).toContain(t('conditionMunicipality', lang, { municipality: name('mikkeli', lang) }));
    expect(mikkeli.card).toContain(facts.providers.mikkeliPilot.name[lang]);
    expect(mikkeli.card).toContain(facts.servicePoints.mikkeliMain.address.street);
    // 25 is under the limit: the youth point is in Mikkeli's answer, so the age was kept.
    expect(mikkeli.card).toContain(facts.servicePoints.mikkeliYouth.address.street);
    expect(mikkeli.card).toContain(facts.contacts.patama.email);
    expect(pieksamaki.text).toContain(t('conditionMunicipality', lang, { municipality: name('pieksamaki', lang) }));
    expect(pieksamaki.card).toContain(facts.providers.teOffice.name[lang]);
    expect(pieksamaki.card).toContain(facts.servicePoints.tePieksamaki.address.street);
    expect(pieksamaki.card).toContain(facts.contacts.tePersonalCustomers.phone);
    expect(lastText(replies)).toBe(t('askHelpful', lang));
  });

  test('a municipality that cannot be found out → whom to contact and start again; the facts stay for the next message', async () => {
    const talk = new Talk(makeBot().bot, locale);
    expect(lastText(await talk.say('45'))).toBe(facts.texts.questions.municipality[lang]);
    await talk.say('qwerty');
    const replies = await talk.say('zxcvb');
    expect(texts(replies)).toContain(facts.contacts.tePersonalCustomers.phone);
    expect(lastButtons(replies)).toContain(t('buttonStartAgain', lang));
    expect(answerCardOf(replies)).toBeUndefined();
    // The age is still known: naming the municipality goes on to the benefit.
    expect(lastText(await talk.say(name('juva', lang)))).toBe(facts.texts.questions.benefit[lang]);
  });
});

test.each(locales('fi', 'sv', 'en'))(
  '%s: the pilot years asked about after they ended: each case says first that it is history',
  async (lang, locale) => {
    const talk = new Talk(makeBot(AFTER_PILOT).bot, locale);
    const ask = {
      fi: 'kuka palveli minua kokeilun aikana?',
      sv: 'vem betjänade mig under försöket?',
      en: 'who served me during the pilot?',
    };
    await talk.say(ask[lang]);
    await talk.say(name('juva', lang));
    await talk.say('45');
    await talk.say(benefitLabel('unknown', lang));
    await talk.say(benefitLabel('unknown', lang));
    const replies = await talk.say(t('buttonNo', lang));
    const cases = answers(replies);
    expect(cases).toHaveLength(2);
    const history = facts.texts.notices.pilotPeriodAnswer[lang]
      .split(/\{\w+\}/)
      .map((p: string) => p.trim())
      .filter(Boolean);
    for (const [c, provider, point] of [
      [cases[0], facts.providers.mikkeliPilot, facts.servicePoints.juva],
      [cases[1], facts.providers.teOffice, facts.servicePoints.teMikkeli],
    ] as const) {
      for (const piece of history) {
        expect(c.text).toContain(piece);
        expect(c.card).toContain(piece);
      }
      expect(c.text).toContain(
        t('answerProviderPilotPeriod', lang, { provider: provider.name[lang], years: pilotYears() }),
      );
      expect(c.card).toContain(point.address.street);
    }
  },
);

test('after the answers for each case, a switch of language shows them again in the new language', async () => {
  const talk = new Talk(makeBot().bot, 'fi-FI');
  await talk.say(m.juva.fi);
  await talk.say('45');
  await talk.say(benefitLabel('unknown', 'fi'));
  await talk.say(benefitLabel('unknown', 'fi'));
  expect(answers(await talk.say(t('buttonNo', 'fi')))).toHaveLength(2);
  const replies = await talk.say('in English please');
  const cases = answers(replies);
  expect(cases).toHaveLength(2);
  expect(cases[0].card).toContain(facts.providers.mikkeliPilot.name.en);
  expect(cases[1].card).toContain(facts.providers.teOffice.name.en);
  expect(lastText(replies)).toBe(t('askHelpful', 'en'));
});

test('a follow-up after the answers for each case gives the one answer that fits', async () => {
  const talk = new Talk(makeBot().bot, 'fi-FI');
  await talk.say(m.savonlinna.fi);
  await talk.say('qwerty');
  await talk.say('zxcvb');
  await talk.say(benefitLabel('earningsRelated', 'fi'));
  expect(answers(await talk.say(t('buttonNo', 'fi')))).toHaveLength(2);
  const replies = await talk.say('entä jos olen 45?');
  const cases = answers(replies);
  expect(cases).toHaveLength(1);
  expect(cases[0].card).toContain(facts.providers.teOffice.name.fi);
  expect(texts(replies)).not.toContain(t('eachValueIntro', 'fi'));
});

test('start again after the answers for each case forgets everything', async () => {
  const talk = new Talk(makeBot().bot, 'fi-FI');
  await talk.say(m.savonlinna.fi);
  await talk.say('qwerty');
  await talk.say('zxcvb');
  await talk.say(benefitLabel('earningsRelated', 'fi'));
  await talk.say(t('buttonNo', 'fi'));
  const replies = await talk.say(t('buttonStartAgain', 'fi'));
  expect(lastText(replies)).toBe(facts.texts.questions.municipality.fi);
  expect(lastText(await talk.say(m.savonlinna.fi))).toBe(facts.texts.questions.age.fi);
});

test('a fact said again is no answer to another question: twice, and the guide goes on without that one', async () => {
  const talk = new Talk(makeBot().bot, 'fi-FI');
  await talk.say(m.juva.fi);
  await talk.say('45');
  let replies = await talk.say('olen 45');
  expect(lastText(replies)).toContain(t('reaskBenefit', 'fi'));
  replies = await talk.say('olen 45');
  expect(texts(replies)).toContain(t('eachValueGoOn', 'fi'));
  expect(lastText(replies)).toBe(facts.texts.questions.immigrant.fi);
});
