import { decide, facts, LANGS, type Guidance, type Lang, type Person } from '../../knowledge';
import { formatAddress, formatDate } from '../../knowledge';
import { answerCardJson, CARD_VERSION, mapUrl, sourceLine, telUrl } from '../../dialogs/replies/answerCard';
import { answer } from '../../dialogs/replies/messages';
import { cardText } from './helpers';

// The answer card: valid Adaptive Card (checked with the adaptivecards package itself), version
// Teams renders, and every fact a person needs: provider, points with a map link, contact links,
// reasons, notices and the source line.

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the package's minified bundle has no typings to import
const AC = require('adaptivecards/dist/adaptivecards.min.js');

function validate(card: object): string[] {
  const ctx = new AC.SerializationContext();
  ctx.targetVersion = AC.Versions.v1_5;
  const parsed = new AC.AdaptiveCard();
  parsed.parse(card, ctx);
  const problems: string[] = [];
  for (let i = 0; i < ctx.eventCount; i++) problems.push(ctx.getEventAt(i).message);
  for (const e of parsed.validateProperties().validationEvents) problems.push(e.message);
  return problems;
}

const PILOT = new Date('2022-06-15T12:00:00Z');
const AFTER = new Date('2026-01-15T12:00:00Z');

const people: Array<[string, Person, Date]> = [
  ['Mikkeli pilot, young immigrant', { municipalityId: 'mikkeli', age: 22, immigrant: true, benefit: 'labourMarketSubsidy' }, PILOT],
  ['Puumala (no point of its own)', { municipalityId: 'puumala', age: 40, benefit: 'none' }, PILOT],
  ['Savonlinna pilot, young', { municipalityId: 'savonlinna', age: 20 }, PILOT],
  ['TE office (earnings-related, 45)', { municipalityId: 'savonlinna', age: 45, benefit: 'earningsRelated', immigrant: false }, PILOT],
  ['TE office (Pieksämäki)', { municipalityId: 'pieksamaki' }, PILOT],
  ['outside (Helsinki)', { municipalityId: 'helsinki' }, PILOT],
  ['after the pilot period', { municipalityId: 'juva', age: 25 }, AFTER],
];

describe.each(people)('%s', (_name, person, on) => {
  const g: Guidance = decide(person, on);

  test.each(LANGS)('%s: a valid Adaptive Card of version 1.5 or lower', (lang) => {
    const card = answerCardJson(g, lang, 'summary');
    expect(Number(card.version)).toBeLessThanOrEqual(1.5);
    expect(validate(card)).toEqual([]);
  });

  test.each(LANGS)('%s: shows the provider, every point with a map link, the contact links, reasons, notices and the source', (lang: Lang) => {
    const text = cardText(answerCardJson(g, lang));
    if (g.provider) expect(text).toContain(g.provider.name[lang]);
    for (const p of g.servicePoints) {
      expect(text).toContain(formatAddress(p.address, lang));
      expect(text).toContain(mapUrl(p.address));
    }
    for (const c of g.contacts) {
      if (c.phone) expect(text).toContain(`(${telUrl(c.phone)})`);
      if (c.email) expect(text).toContain(`(mailto:${c.email})`);
    }
    for (const r of g.reasons) expect(text).toContain(r[lang]);
    for (const n of g.notices) expect(text).toContain(n.text[lang]);
    expect(text).toContain(sourceLine(lang));
  });

  test('the reply carries a short text (with the first point\'s address), speak and an input hint', () => {
    const reply = answer(g, 'fi');
    expect(reply.text).toBeTruthy();
    expect(reply.speak).toBe(reply.text);
    expect(reply.inputHint).toBeTruthy();
    if (g.servicePoints[0]) expect(reply.text).toContain(formatAddress(g.servicePoints[0].address, 'fi'));
    expect((reply.attachments![0].content as { fallbackText: string }).fallbackText).toBe(reply.text);
  });
});

test('the source line names the announcement and its date', () => {
  expect(sourceLine('fi')).toContain(facts.source.title.fi);
  expect(sourceLine('fi')).toContain(formatDate(facts.dates.published.date, 'fi'));
});

test('a floor and postal code are shown only when the source gives them', () => {
  const withFloor = facts.servicePoints.mikkeliMain.address;
  expect(formatAddress(withFloor, 'fi')).toContain(String(withFloor.floor));
  const noPostal = Object.values(facts.servicePoints).find((p) => !p.address.postalCode);
  if (noPostal) expect(formatAddress(noPostal.address, 'fi')).not.toMatch(/undefined/);
});

test('tel: links hold digits only', () => {
  expect(telUrl(facts.contacts.tePersonalCustomers.phone!)).toMatch(/^tel:\+?\d+$/);
});

test('the card version is one Teams renders', () => {
  expect(Number(CARD_VERSION)).toBeLessThanOrEqual(1.5);
});
