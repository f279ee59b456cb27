// The guide command: what `npm run guide -- "<sentence>"` prints.
import { guideReport, replyLanguage } from '../../scripts/guide';
import { facts } from '../../knowledge/facts';
import { formatAddress } from '../../knowledge/wording';

test('a full sentence prints the provider, the points with addresses, the contact and the reasons', () => {
  const { code, text } = guideReport(['asun Juvalla, olen 27 ja saan työmarkkinatukea', '--date', '2022-05-01']);
  expect(code).toBe(0);
  expect(text).toContain('municipality: juva');
  expect(text).toContain('age: 27');
  expect(text).toContain(facts.providers.mikkeliPilot.name.fi);
  expect(text).toContain(formatAddress(facts.servicePoints.juva.address, 'fi'));
  expect(text).toContain(formatAddress(facts.servicePoints.mikkeliYouth.address, 'fi'));
  expect(text).toContain(facts.contacts.patama.email);
});

test('a municipality alone prints the questions still needed, in the chosen language', () => {
  const { text } = guideReport(['Mikkeli', '--lang', 'en', '--date', '2022-05-01']);
  expect(text).toContain('Outcome: needMore');
  for (const slot of ['age', 'benefit', 'immigrant'] as const) expect(text).toContain(facts.texts.questions[slot].en);
});

test('after the pilot period the end of the arrangement is printed', () => {
  const { text } = guideReport(['Juva', '--date', '2026-11-28']);
  expect(text).toContain(facts.employmentAreas.find((a) => a.succeedsProviderId === 'mikkeliPilot')!.name.fi);
});

test('bad arguments print the usage and exit 2', () => {
  expect(guideReport([]).code).toBe(2);
  expect(guideReport(['Juva', '--lang', 'de']).code).toBe(2);
  expect(guideReport(['Juva', '--date', '31.1.2020']).code).toBe(2);
});

describe('the language of the report', () => {
  test.each([
    ['en', 'I live in Juva and I am 45'],
    ['sv', 'jag bor i Nyslott och är 45 år'],
    ['fi', 'asun Juvalla ja olen 45'],
  ] as const)('%s: a message written in it is answered in it', (lang, sentence) => {
    const { code, text } = guideReport([sentence, '--date', '2022-05-01']);
    expect(code).toBe(0);
    expect(text).toContain(facts.texts.questions.benefit[lang]);
    for (const other of ['fi', 'sv', 'en'] as const) {
      if (other !== lang) expect(text).not.toContain(facts.texts.questions.benefit[other]);
    }
  });

  test('--lang wins over the language of the message', () => {
    const { text } = guideReport(['I live in Juva and I am 45', '--lang', 'sv', '--date', '2022-05-01']);
    expect(text).toContain(facts.texts.questions.benefit.sv);
    expect(text).not.toContain(facts.texts.questions.benefit.en);
  });

  test('a full answer is given in the language of the message too', () => {
    const { text } = guideReport(['I live in Pieksämäki', '--date', '2022-05-01']);
    expect(text).toContain(facts.providers.teOffice.name.en);
    expect(text).toContain(formatAddress(facts.servicePoints.tePieksamaki.address, 'en'));
  });

  test('replyLanguage: --lang, then a request, then the detected language, then Finnish', () => {
    expect(replyLanguage({ language: 'en' }, 'sv')).toBe('sv');
    expect(replyLanguage({ language: 'fi', languageRequest: 'en' })).toBe('en');
    expect(replyLanguage({ language: 'sv' })).toBe('sv');
    expect(replyLanguage({})).toBe('fi');
  });
});

test('a benefit the sentence says it does not know: the answer for each case, with its point and contact', () => {
  const { text } = guideReport([
    'asun Juvalla, olen 45, äidinkieleni on suomi, en tiedä mikä etuus',
    '--date',
    '2022-05-01',
  ]);
  const cases = text.split('For each case:')[1] ?? '';
  expect(cases).toContain('benefit: labourMarketSubsidy or basicAllowance or none');
  expect(cases).toContain('benefit: earningsRelated');
  expect(cases).toContain(formatAddress(facts.servicePoints.juva.address, 'fi'));
  expect(cases).toContain(facts.contacts.patama.email);
  expect(cases).toContain(formatAddress(facts.servicePoints.teMikkeli.address, 'fi'));
  expect(cases).toContain(facts.contacts.tePersonalCustomers.phone);
});

test('a name that fits two municipalities: the answer for each', () => {
  const { text } = guideReport(['Mikkeli tai Pieksämäki, 25', '--date', '2022-05-01']);
  const cases = text.split('For each case:')[1] ?? '';
  expect(cases).toContain('municipality: mikkeli');
  expect(cases).toContain(facts.providers.mikkeliPilot.name.fi);
  expect(cases).toContain('municipality: pieksamaki');
  expect(cases).toContain(formatAddress(facts.servicePoints.tePieksamaki.address, 'fi'));
});
