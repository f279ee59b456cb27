import { decide, facts, LANGS, type Guidance, type Lang, type Person } from '../../knowledge';
import { formatAddress, formatDate } from '../../knowledge';
import { answerCardJson, CARD_VERSION, mapUrl, pilotYears, sourceLine, telUrl } from '../../dialogs/replies/answerCard';
import { answer, giveUp } from '../../dialogs/replies/messages';
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
  [
    'Mikkeli pilot, young immigrant',
    { municipalityId: 'mikkeli', age: 22, immigrant: true, benefit: 'labourMarketSubsidy' },
    PILOT,
  ],
  ['Puumala (no point of its own)', { municipalityId: 'puumala', age: 40, benefit: 'none' }, PILOT],
  ['Savonlinna pilot, young', { municipalityId: 'savonlinna', age: 20 }, PILOT],
  [
    'TE office (earnings-related, 45)',
    { municipalityId: 'savonlinna', age: 45, benefit: 'earningsRelated', immigrant: false },
    PILOT,
  ],
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

  test.each(LANGS)(
    '%s: shows the provider, every point (with a map link unless it is history), the contacts, reasons, notices and the source',
    (lang: Lang) => {
      const text = cardText(answerCardJson(g, lang));
      if (g.provider) expect(text).toContain(g.provider.name[lang]);
      for (const p of g.servicePoints) {
        expect(text).toContain(formatAddress(p.address, lang));
        // A place where the service was then is no place to go today: no map link offered.
        if (g.history) expect(text).not.toContain(mapUrl(p.address));
        else expect(text).toContain(mapUrl(p.address));
      }
      for (const c of g.contacts) {
        const closed = g.closedContactIds?.includes(c.id);
        if (c.phone) expect(text).toContain(closed ? c.phone : `(${telUrl(c.phone)})`);
        if (c.email) expect(text).toContain(closed ? c.email : `(mailto:${c.email})`);
        if (closed) expect(text).not.toMatch(/\((?:tel|mailto):/);
      }
      for (const r of g.reasons) expect(text).toContain(r[lang]);
      for (const n of g.notices) expect(text).toContain(n.text[lang]);
      expect(text).toContain(sourceLine(lang));
    },
  );

  test("the reply carries a short text (with the first point's address), speak and an input hint", () => {
    const reply = answer(g, 'fi');
    expect(reply.text).toBeTruthy();
    expect(reply.speak).toBe(reply.text);
    expect(reply.inputHint).toBeTruthy();
    if (g.servicePoints[0]) expect(reply.text).toContain(formatAddress(g.servicePoints[0].address, 'fi'));
    expect((reply.attachments![0].content as { fallbackText: string }).fallbackText).toBe(reply.text);
  });
});

test.each(LANGS)(
  '%s: the source line names the announcement by its own headline and date, and claims no publisher',
  (lang) => {
    const line = sourceLine(lang);
    expect(line).toContain(facts.source.headline);
    expect(line).toContain(formatDate(facts.dates.published.date, lang));
    // The announcement names no publisher: no provider's name may stand in the line.
    for (const p of Object.values(facts.providers)) for (const l of LANGS) expect(line).not.toContain(p.name[l]);
    expect(line.replace(facts.source.headline, '')).not.toMatch(/TE-toimisto|TE-byrå|TE Office/);
  },
);

describe('after the pilot period the answer is history, and no call goes to a line that closed', () => {
  const { actualEnd, teOfficesEnded } = facts.dates;
  const lastPilotDay = new Date(`${actualEnd.date}T12:00:00+02:00`);
  const firstDayAfter = new Date(`${teOfficesEnded.date}T12:00:00+02:00`);
  const closedPhones = Object.values(facts.contacts)
    .filter((c) => c.phone && facts.providers[c.providerId].ceasedOn)
    .map((c) => c.phone!);
  const digits = (phone: string) => phone.replace(/\D/g, '');
  // Every branch that ends at a provider, the TE office's included.
  const cases: Person[] = [
    { municipalityId: 'pieksamaki' },
    { municipalityId: 'sulkava' },
    { municipalityId: 'mikkeli', age: 45, benefit: 'earningsRelated', immigrant: false },
    { municipalityId: 'juva', employed: true },
    { municipalityId: 'savonlinna', age: 22 },
    { municipalityId: 'puumala', age: 40, benefit: 'none' },
  ];

  test('the closed lines are known (the TE office’s)', () => {
    expect(closedPhones).toContain(facts.contacts.tePersonalCustomers.phone);
  });

  test.each(cases.flatMap((p) => LANGS.map((l) => [p.municipalityId, l, p] as const)))(
    '%s (%s): title, tel: links and text on both sides of the date',
    (_m, lang, person) => {
      const before = decide(person, lastPilotDay);
      const after = decide(person, firstDayAfter);
      const cardBefore = answerCardJson(before, lang);
      const cardAfter = answerCardJson(after, lang);
      const title = (card: Record<string, unknown>) => (card.body as Array<{ text: string }>)[0].text;

      // The title: the provider while the pilots run; the pilot period and its years afterwards.
      expect(title(cardBefore)).toBe(before.provider!.name[lang]);
      expect(title(cardAfter)).toContain(pilotYears());
      expect(title(cardAfter)).toContain(after.provider!.name[lang]);

      // No tel: link to a closed line after the date (the number may stay as plain history).
      const links = (card: object) => [...cardText(card).matchAll(/tel:(\+?\d+)/g)].map((m) => m[1]);
      for (const phone of closedPhones) expect(links(cardAfter)).not.toContain(digits(phone));
      const teContact = before.contacts.find((c) => c.providerId === 'teOffice' && c.phone);
      if (teContact) expect(links(cardBefore)).toContain(digits(teContact.phone!));

      // The short text (which the web chat turns into call links) names no closed number afterwards.
      const textAfter = answer(after, lang).text!;
      for (const phone of closedPhones) expect(digits(textAfter)).not.toContain(digits(phone));
      if (teContact) expect(answer(before, lang).text).toContain(teContact.phone);
      // And it says first who serves now.
      expect(textAfter.startsWith(after.notices[0].text[lang])).toBe(true);
    },
  );

  test.each(LANGS)('%s: the give-up reply after the date names no closed line', (lang) => {
    const before = giveUp(decide({ municipalityId: 'pieksamaki' }, lastPilotDay), lang).text!;
    const after = giveUp(decide({ municipalityId: 'pieksamaki' }, firstDayAfter), lang).text!;
    expect(before).toContain(facts.contacts.tePersonalCustomers.phone);
    for (const phone of closedPhones) expect(digits(after)).not.toContain(digits(phone));
  });
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
