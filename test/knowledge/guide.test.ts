// The guide command: what `npm run guide -- "<sentence>"` prints.
import { guideReport } from '../../scripts/guide';
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
