// The data against its source: every quote is in the announcement, every address of the
// announcement is in the data with exactly the announcement's values, and no address is invented.
// The announcement (and the domain notes that restate it) are not part of the repository: these
// checks run when GUIDE_SOURCES names the folder that holds them (seed/ with the announcement, and
// domain.md), and are reported as skipped, never as passed, when it does not. The checks of the
// data's own provenance run always.
import * as fs from 'fs';
import * as path from 'path';
import { facts } from '../../knowledge/facts';
import type { Provenance } from '../../knowledge/types';

const SOURCES = process.env.GUIDE_SOURCES;
const SEED = SOURCES ? path.join(SOURCES, 'seed', '000_a20fbd465e166259.txt') : undefined;
const DOMAIN = SOURCES ? path.join(SOURCES, 'domain.md') : undefined;
if (SEED && !fs.existsSync(SEED)) throw new Error(`GUIDE_SOURCES is set, but ${SEED} does not exist`);
/** A test that needs the announcement: skipped without it. */
const withSource = SEED ? test : test.skip;
const describeWithSource = SEED ? describe : describe.skip;
const seed = SEED ? fs.readFileSync(SEED, 'utf8') : '';
// The announcement writes ranges with spaced dashes ("8 – 10"); the data writes "8–10".
const normalize = (s: string) => s.replace(/\s*–\s*/g, '–').replace(/\s+/g, ' ');
const seedText = normalize(seed);

function provenances(node: unknown, where = 'facts'): [string, Provenance][] {
  if (!node || typeof node !== 'object') return [];
  const found: [string, Provenance][] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === 'provenance') found.push([where, value as Provenance]);
    else found.push(...provenances(value, `${where}.${key}`));
  }
  return found;
}

const all = provenances(facts);

test('facts carry provenance on providers, points, contacts, dates and figures; areas cite public texts', () => {
  const where = all.map(([w]) => w);
  for (const area of facts.employmentAreas) {
    expect(area.sources.length).toBeGreaterThan(0);
    for (const id of [...area.sources, ...(area.website?.sources ?? [])]) expect(facts.publications[id]).toBeDefined();
  }
  for (const group of ['providers', 'servicePoints', 'contacts', 'dates', 'figures']) {
    const entries = Object.keys((facts as unknown as Record<string, object>)[group]);
    for (const entry of entries) expect(where).toContain(`facts.${group}.${entry}`);
  }
  expect(where).toContain('facts.source');
  expect(where).toContain('facts.infoSession');
});

withSource.each(all.filter(([, p]) => p.source === 'announcement'))(
  '%s quotes the announcement word for word',
  (_where, p) => {
    expect(p.source === 'announcement' && seed.includes(p.quote)).toBe(true);
  },
);

test.each(all.filter(([, p]) => p.source === 'law'))('%s names its law', (_where, p) => {
  expect(p.source === 'law' && /^(HE \d+\/\d{4}|Act \d+\/\d{4})$/.test(p.reference)).toBe(true);
});

const points = Object.values(facts.servicePoints);

withSource.each(points.map((p) => [p.id, p] as const))(
  'service point %s has the announcement’s address',
  (_id, point) => {
    const { street, floor, postalCode, town } = point.address;
    const asWritten = [
      street,
      floor !== undefined ? `${floor}.kerros` : undefined,
      postalCode ? `${postalCode} ${town}` : undefined,
    ]
      .filter(Boolean)
      .join(', ');
    expect(seedText).toContain(normalize(asWritten));
    // Its own quote holds the street.
    expect(
      point.provenance.source === 'announcement' && normalize(point.provenance.quote).includes(normalize(street)),
    ).toBe(true);
  },
);

withSource('every postal address of the announcement is a service point (none left out)', () => {
  const infobox = seed.slice(seed.indexOf('Infolaatikko'));
  const postalAddresses = [...infobox.matchAll(/(\d{5}) ([A-ZÄÖ][a-zäö]+)/g)].map((m) => `${m[1]} ${m[2]}`);
  const inData = points.filter((p) => p.address.postalCode).map((p) => `${p.address.postalCode} ${p.address.town}`);
  expect(inData.sort()).toEqual(postalAddresses.sort());
});

withSource('the points without a postal code are exactly those the announcement gives without one', () => {
  const withoutCode = points.filter((p) => !p.address.postalCode);
  for (const p of withoutCode) {
    const line = seed.split('\n').find((l) => l.includes(p.address.street))!;
    expect(line).not.toMatch(/\d{5}/);
  }
  expect(withoutCode.map((p) => p.id)).toEqual(['savonlinnaImmigrants']);
});

test('the domain’s service point ids, contact ids and provider ids are all present', () => {
  expect(Object.keys(facts.servicePoints).sort()).toEqual(
    [
      'mikkeliMain',
      'hirvensalmi',
      'juva',
      'kangasniemi',
      'mantyharju',
      'pertunmaa',
      'mikkeliYouth',
      'mikkeliImmigrants',
      'savonlinnaPilotOffice',
      'savonlinnaYouth',
      'savonlinnaImmigrants',
      'teMikkeli',
      'tePieksamaki',
      'teSavonlinna',
    ].sort(),
  );
  expect(Object.keys(facts.contacts).sort()).toEqual(
    ['patama', 'tolvanen', 'makkula', 'koponen', 'tePersonalCustomers', 'teEmployers'].sort(),
  );
  expect(Object.keys(facts.providers).sort()).toEqual(['mikkeliPilot', 'savonlinnaPilot', 'teOffice'].sort());
});

withSource('Puumala has no service point of its own', () => {
  expect(points.filter((p) => p.municipalityIds.includes('puumala'))).toEqual([]);
  expect(seed).not.toMatch(/^Puumala:/m);
});

describe('the employment areas after the pilot period', () => {
  const members = Object.entries(facts.areaMembership);

  test('every municipality of the three providers has an entry; any other is outside Etelä-Savo', () => {
    const served = Object.values(facts.providers).flatMap((p) => p.municipalityIds);
    const ids = members.map(([id]) => id);
    for (const id of served) expect(ids).toContain(id);
    for (const id of ids.filter((x) => !served.includes(x)))
      expect([id, facts.municipalities[id].area]).toEqual([id, 'outside']);
  });

  test.each(members)('%s rests on public texts that each say where they are and what they say', (_id, m) => {
    for (const id of m.sources) {
      const p = facts.publications[id];
      expect(p.url).toMatch(/^https:\/\//);
      expect(p.says.length).toBeGreaterThan(20);
    }
    // Said plainly only where the sources agree: one area, two sources at least.
    if (m.status === 'confirmed') {
      expect(m.areaIds).toHaveLength(1);
      expect(new Set(m.sources).size).toBeGreaterThanOrEqual(2);
    }
    if (m.status === 'disputed') expect(m.areaIds.length).toBeGreaterThanOrEqual(2);
  });

  test('each area a source confirms is named in the texts that confirm it', () => {
    for (const [id, m] of members.filter(([, x]) => x.status === 'confirmed')) {
      const area = facts.employmentAreas.find((a) => a.id === m.areaIds[0])!;
      // The area's place name (Mikkelin / Savonlinnan) is in what each source says, and so is the municipality.
      const place = area.name.fi.split(' ')[0].replace(/n$/, '');
      for (const sid of m.sources) expect(facts.publications[sid].says).toContain(place);
      expect(m.sources.some((sid) => facts.publications[sid].says.includes(facts.municipalities[id].fi))).toBe(true);
    }
  });

  test('no address or phone number of an area is in the data', () => {
    const text = JSON.stringify([facts.employmentAreas, facts.areaMembership]);
    expect(text).not.toMatch(/\b\d{5}\b/);
    expect(text).not.toMatch(/\b0\d{1,4}[ -]?\d{3}/);
  });
});

withSource('the announcement is named by its own headline, which it carries first', () => {
  const firstLine = seed
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('Julkaistu'))[0];
  expect(firstLine.startsWith(facts.source.headline)).toBe(true);
});

withSource('every phone number and e-mail of a contact is in the announcement', () => {
  for (const c of Object.values(facts.contacts)) {
    if (c.phone) expect(seed).toContain(c.phone);
    if (c.email) expect(seed).toContain(c.email);
    if (c.name) expect(seed).toContain(c.name);
  }
});

withSource('every announcement date is written in the announcement', () => {
  for (const dated of Object.values(facts.dates)) {
    if (dated.provenance.source !== 'announcement') continue;
    const [y, m, d] = dated.date.split('-').map(Number);
    expect(dated.provenance.quote).toContain(`${d}.${m}.${y}`);
  }
});

withSource('every announcement figure is written in its quote', () => {
  const words: Record<number, string> = { 3: 'kolme', 7: 'seitsemän' };
  for (const figure of Object.values(facts.figures)) {
    if (figure.provenance.source !== 'announcement') continue;
    const q = figure.provenance.quote;
    expect(q.includes(String(figure.value)) || q.includes(words[figure.value])).toBe(true);
    expect(Boolean(figure.approximate)).toBe(q.includes(`noin ${figure.value}`));
  }
});

withSource('the provider municipality lists match the announcement', () => {
  const name = (id: string) => facts.municipalities[id].fi;
  const quote = (id: 'mikkeliPilot' | 'savonlinnaPilot' | 'teOffice') => {
    const p = facts.providers[id].provenance;
    return p.source === 'announcement' ? p.quote : '';
  };
  // Mikkeli region: the announcement inflects the names (Juvan, Mäntyharjun); their stems must be there.
  for (const id of facts.providers.mikkeliPilot.municipalityIds)
    expect(quote('mikkeliPilot')).toContain(name(id).slice(0, -1));
  expect(facts.providers.mikkeliPilot.municipalityIds).toHaveLength(7);
  expect(facts.providers.savonlinnaPilot.municipalityIds).toEqual(['savonlinna']);
  expect(facts.providers.teOffice.municipalityIds.map(name).join(', ')).toBe(
    quote('teOffice')
      .replace(/^Näitä kuntia ovat /, '')
      .replace(/\.$/, ''),
  );
});

describeWithSource('the law facts against domain.md', () => {
  const domain = DOMAIN ? fs.readFileSync(DOMAIN, 'utf8') : '';
  const finnish = (iso: string) => iso.split('-').map(Number).reverse().join('.');

  test.each(Object.entries(facts.dates).filter(([, d]) => d.provenance.source === 'law'))(
    'dates.%s is in domain.md’s time line with its law',
    (_id, dated) => {
      const row = domain.split('\n').find((l) => l.startsWith(`| ${finnish(dated.date)} |`));
      expect(row).toBeDefined();
      expect(dated.provenance.source === 'law' && row!.includes(dated.provenance.reference)).toBe(true);
    },
  );

  test('the youth age limit is the law’s', () => {
    const limit = facts.figures.youthAgeLimit;
    expect(limit.provenance.source === 'law' && domain.includes(limit.provenance.reference)).toBe(true);
    expect(domain).toContain(`the law says under ${limit.value}`);
  });

  test('the employment areas that replaced the pilots are the ones domain.md names', () => {
    const successors = facts.employmentAreas.filter((a) => a.succeedsProviderId);
    expect(successors.map((a) => a.succeedsProviderId).sort()).toEqual(['mikkeliPilot', 'savonlinnaPilot']);
    // domain.md may add an optional word in brackets: "*Savonlinnan (seudun) työllisyysalue*".
    const named = [...domain.matchAll(/\*([^*]+työllisyysalue)\*/g)].map((x) => x[1].replace(/ \([^)]*\)/g, ''));
    for (const area of successors) expect(named).toContain(area.name.fi);
  });
});
