// The routing rules of domain.md, branch by branch and boundary by boundary.
// Expected points, contacts and names are read from `facts`, never retyped.
import { facts } from '../../knowledge/facts';
import { decide, lineClosedOn, periodOn } from '../../knowledge/rules';
import { formatDate } from '../../knowledge/wording';
import type { Benefit, Guidance, Person } from '../../knowledge/types';

const PILOT_DAY = new Date('2022-05-01T12:00:00+03:00');
const ids = (list: { id: string }[]) => list.map((x) => x.id);
const sp = facts.servicePoints;
const limit = facts.figures.youthAgeLimit.value;
const noticeIds = (g: Guidance) => g.notices.map((n) => n.id);
const decideNow = (p: Person) => decide(p, PILOT_DAY);

const MIKKELI_REGION = facts.providers.mikkeliPilot.municipalityIds;
const TE_ONLY = facts.providers.teOffice.municipalityIds;

describe('rule 1: outside Etelä-Savo', () => {
  test.each(['joroinen', 'heinavesi', 'helsinki'])('%s is outside and gets no provider', (id) => {
    const g = decideNow({ municipalityId: id, age: 25, benefit: 'labourMarketSubsidy' });
    expect(g.outcome).toBe('outside');
    expect(g.provider).toBeUndefined();
    expect(g.servicePoints).toEqual([]);
    expect(g.missing).toEqual([]);
    expect(g.municipality?.id).toBe(id);
    expect(g.reasons[0].fi).toContain(facts.municipalities[id].fi);
  });

  test.each([
    ['joroinen', 'Pohjois-Savo'],
    ['heinavesi', 'Pohjois-Karjala'],
  ])('%s, which left Etelä-Savo in 2021, is told where it went', (id, region) => {
    const g = decideNow({ municipalityId: id });
    const said = g.reasons.map((r) => r.fi).join(' ');
    expect(said).toContain(region);
    expect(said).toContain('2021');
  });

  test('a municipality that never was in Etelä-Savo gets no region change', () => {
    expect(decideNow({ municipalityId: 'helsinki' }).reasons).toHaveLength(1);
  });

  test('the Swedish reason uses the Swedish name', () => {
    const g = decideNow({ municipalityId: 'helsinki' });
    expect(g.reasons[0].sv).toContain(facts.municipalities.helsinki.sv);
  });

  test('an age that is not a number counts as not given', () => {
    expect(decideNow({ municipalityId: 'juva', age: Number.NaN }).missing).toEqual(['age', 'benefit', 'immigrant']);
  });

  test('no municipality (or an unknown id) asks for the municipality', () => {
    expect(decideNow({}).missing).toEqual(['municipality']);
    expect(decideNow({ municipalityId: 'narnia', age: 40 }).missing).toEqual(['municipality']);
    expect(decideNow({ age: 40 }).outcome).toBe('needMore');
  });
});

describe('rule 2: the TE-office-only municipalities', () => {
  test.each(TE_ONLY)('%s → TE office at its nearest point, no further questions', (id) => {
    const g = decideNow({ municipalityId: id });
    expect(g.outcome).toBe('provider');
    expect(g.provider?.id).toBe('teOffice');
    expect(g.missing).toEqual([]);
    expect(g.servicePoints).toHaveLength(1);
    const point = g.servicePoints[0];
    expect(point.providerId).toBe('teOffice');
    // domain.md: Pieksämäki's own point for Pieksämäki, Savonlinna's for the others.
    const expectedTown = id === 'pieksamaki' ? facts.municipalities.pieksamaki.fi : facts.municipalities.savonlinna.fi;
    expect(point.address.town).toBe(expectedTown);
    expect(g.contacts).toEqual([facts.contacts.tePersonalCustomers]);
  });

  test('Pieksämäki needs no age, benefit or immigrant question', () => {
    expect(decideNow({ municipalityId: 'pieksamaki' }).missing).toEqual([]);
  });

  test('a young immigrant in Sulkava is still the TE office’s (no pilot there)', () => {
    const g = decideNow({ municipalityId: 'sulkava', age: 20, immigrant: true, benefit: 'labourMarketSubsidy' });
    expect(g.provider?.id).toBe('teOffice');
    expect(ids(g.servicePoints)).toEqual(['teSavonlinna']);
  });

  test('the reason says the nearest point is elsewhere only when it is', () => {
    const sulkava = decideNow({ municipalityId: 'sulkava' });
    expect(sulkava.reasons.some((r) => r.fi.includes(sp.teSavonlinna.address.town))).toBe(true);
    expect(sulkava.reasons.some((r) => r.sv.includes(facts.municipalities.savonlinna.sv!))).toBe(true);
    expect(decideNow({ municipalityId: 'pieksamaki' }).reasons).toHaveLength(1);
  });
});

describe('rule 3: pilot municipality unless earnings-related, 30+, not an immigrant', () => {
  const full = (p: Partial<Person>): Person => ({
    municipalityId: 'mikkeli',
    age: 45,
    benefit: 'earningsRelated',
    immigrant: false,
    ...p,
  });

  test('earnings-related, 30 or over, not an immigrant → TE office in the pilot’s region', () => {
    const g = decideNow(full({}));
    expect(g.provider?.id).toBe('teOffice');
    expect(ids(g.servicePoints)).toEqual([facts.providers.mikkeliPilot.tePointId]);
    expect(g.contacts).toEqual([facts.contacts.tePersonalCustomers]);
  });

  test.each([
    [limit - 1, 'mikkeliPilot'],
    [limit, 'teOffice'],
  ])('age boundary: %i with earnings-related → %s', (age, provider) => {
    expect(decideNow(full({ age })).provider?.id).toBe(provider);
  });

  test.each<[Benefit, string]>([
    ['earningsRelated', 'teOffice'],
    ['labourMarketSubsidy', 'mikkeliPilot'],
    ['basicAllowance', 'mikkeliPilot'],
    ['none', 'mikkeliPilot'],
  ])('a 45-year-old on %s → %s', (benefit, provider) => {
    expect(decideNow(full({ benefit })).provider?.id).toBe(provider);
  });

  test('an immigrant on earnings-related allowance stays in the pilot (law)', () => {
    const g = decideNow(full({ immigrant: true }));
    expect(g.provider?.id).toBe('mikkeliPilot');
    expect(ids(g.servicePoints)).toEqual(['mikkeliMain', 'mikkeliImmigrants']);
  });

  test('an under-30 on earnings-related allowance stays in the pilot (law)', () => {
    expect(decideNow(full({ age: 22, immigrant: undefined })).provider?.id).toBe('mikkeliPilot');
  });

  test('Savonlinna: the same rule, with Savonlinna’s points', () => {
    expect(ids(decideNow(full({ municipalityId: 'savonlinna' })).servicePoints)).toEqual([
      facts.providers.savonlinnaPilot.tePointId,
    ]);
    const young = decideNow({ municipalityId: 'savonlinna', age: 22, immigrant: true });
    expect(young.provider?.id).toBe('savonlinnaPilot');
    expect(ids(young.servicePoints)).toEqual(['savonlinnaPilotOffice', 'savonlinnaYouth', 'savonlinnaImmigrants']);
    expect(young.contacts).toEqual([facts.contacts.tolvanen]);
  });

  test.each(MIKKELI_REGION)('%s on labour market subsidy → Mikkeli region pilot', (id) => {
    const g = decideNow({ municipalityId: id, age: 40, benefit: 'labourMarketSubsidy' });
    expect(g.provider?.id).toBe('mikkeliPilot');
    expect(g.contacts).toEqual([facts.contacts.patama]);
  });
});

describe('missing: only what could still change the answer, in asking order', () => {
  test.each<[Person, string[]]>([
    [{ municipalityId: 'juva' }, ['age', 'benefit', 'immigrant']],
    [{ municipalityId: 'juva', age: 25 }, []],
    [{ municipalityId: 'juva', age: limit - 1 }, []],
    [{ municipalityId: 'juva', age: limit }, ['benefit', 'immigrant']],
    [{ municipalityId: 'juva', age: 45, benefit: 'earningsRelated' }, ['immigrant']],
    [{ municipalityId: 'juva', age: 45, benefit: 'labourMarketSubsidy' }, []],
    [{ municipalityId: 'juva', benefit: 'earningsRelated' }, ['age', 'immigrant']],
    [{ municipalityId: 'juva', benefit: 'basicAllowance' }, []],
    [{ municipalityId: 'juva', immigrant: true }, []],
    [{ municipalityId: 'juva', immigrant: false }, ['age', 'benefit']],
    [{ municipalityId: 'juva', employed: true }, []],
    [{ municipalityId: 'savonlinna', age: 31 }, ['benefit', 'immigrant']],
  ])('%j → %j', (person, missing) => {
    const g = decideNow(person);
    expect(g.missing).toEqual(missing);
    expect(g.outcome).toBe(missing.length ? 'needMore' : 'provider');
  });
});

describe('rule 4: working on the open labour market', () => {
  test('employed in a pilot town → TE office, even when young', () => {
    const g = decideNow({ municipalityId: 'juva', age: 22, benefit: 'none', employed: true });
    expect(g.provider?.id).toBe('teOffice');
    expect(ids(g.servicePoints)).toEqual([facts.providers.mikkeliPilot.tePointId]);
  });
  test('employed: false changes nothing', () => {
    expect(decideNow({ municipalityId: 'juva', age: 22, employed: false }).provider?.id).toBe('mikkeliPilot');
  });
});

describe('rule 5: service points in order of relevance', () => {
  test('Juva, 27, labour market subsidy: Juva’s own point, then the youth point', () => {
    const g = decideNow({ municipalityId: 'juva', age: 27, benefit: 'labourMarketSubsidy' });
    expect(g.servicePoints).toEqual([sp.juva, sp.mikkeliYouth]);
    expect(g.notices.map((n) => n.id)).not.toContain('noOwnPoint');
  });

  test('each Mikkeli region municipality with a point gets its own point first', () => {
    for (const id of MIKKELI_REGION.filter((m) => m !== 'puumala')) {
      const first = decideNow({ municipalityId: id, age: 40, benefit: 'none' }).servicePoints[0];
      expect(first.municipalityIds).toContain(id);
      expect(first.audience).toBe('everyone');
    }
  });

  test('Puumala: the main point and a notice that Puumala has none of its own', () => {
    const g = decideNow({ municipalityId: 'puumala', age: 50, benefit: 'basicAllowance' });
    expect(g.servicePoints).toEqual([sp[facts.providers.mikkeliPilot.mainPointId]]);
    const notice = g.notices.find((n) => n.id === 'noOwnPoint');
    expect(notice?.text.fi).toContain(facts.municipalities.puumala.fi);
  });

  test('Puumala, young immigrant: main point, youth point, immigrant services', () => {
    const g = decideNow({ municipalityId: 'puumala', age: 19, immigrant: true });
    expect(ids(g.servicePoints)).toEqual(['mikkeliMain', 'mikkeliYouth', 'mikkeliImmigrants']);
  });

  test('a 30-year-old gets no youth point', () => {
    expect(ids(decideNow({ municipalityId: 'mikkeli', age: limit, benefit: 'none' }).servicePoints)).toEqual([
      'mikkeliMain',
    ]);
  });
});

describe('rule 6: contacts', () => {
  test('pilot leads: Patama by e-mail, Tolvanen by phone', () => {
    expect(decideNow({ municipalityId: 'mikkeli', age: 20 }).contacts[0].email).toBe(facts.contacts.patama.email);
    expect(decideNow({ municipalityId: 'savonlinna', age: 20 }).contacts[0].phone).toBe(facts.contacts.tolvanen.phone);
  });
  test('TE office: the personal customers’ line', () => {
    expect(decideNow({ municipalityId: 'rantasalmi' }).contacts[0].phone).toBe(
      facts.contacts.tePersonalCustomers.phone,
    );
  });
});

describe('reasons and notices', () => {
  test('reasons name the benefit and the age limit in plain words', () => {
    const g = decideNow({ municipalityId: 'kangasniemi', age: 25, benefit: 'labourMarketSubsidy' });
    const text = g.reasons.map((r) => r.en).join(' ');
    expect(text).toContain(facts.benefits.labourMarketSubsidy.name.en);
    expect(text).toContain(String(limit));
    expect(text).toContain(facts.providers.mikkeliPilot.name.en);
  });
  test('every provider outcome says that the authorities decide', () => {
    expect(noticeIds(decideNow({ municipalityId: 'enonkoski' }))).toContain('authoritiesDecide');
  });
});

describe('the date', () => {
  const at = (iso: string) => new Date(iso);
  // Boundary instants in Finnish winter time (+02:00), built from the dates in the data.
  const { pilotStart, actualEnd, teOfficesEnded, plannedEnd } = facts.dates;
  const dayBefore = (iso: string) => new Date(Date.parse(`${iso}T12:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const dayAfter = (iso: string) => new Date(Date.parse(`${iso}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  test.each([
    [`${dayBefore(pilotStart.date)}T23:59:59+02:00`, 'beforePilot'],
    [`${pilotStart.date}T00:00:00+02:00`, 'pilot'],
    [`${dayBefore(pilotStart.date)}T22:00:00Z`, 'pilot'], // already the start day in Finland
    [`${actualEnd.date}T23:59:59+02:00`, 'pilot'],
    [`${teOfficesEnded.date}T00:00:00+02:00`, 'afterPilot'],
    [`${dayAfter(actualEnd.date)}T00:00:00+02:00`, 'afterPilot'],
    ['2026-11-28T10:00:00+02:00', 'afterPilot'],
  ])('%s is %s', (iso, period) => {
    expect(periodOn(at(iso))).toBe(period);
    // A day after the pilot period has no routing of its own: it is told as the last pilot day, as history.
    const g = decide({ municipalityId: 'juva', age: 25 }, at(iso));
    expect(g.period).toBe(period === 'afterPilot' ? 'pilot' : period);
    expect(g.history === true).toBe(period === 'afterPilot');
  });

  test('an invalid date is refused', () => {
    expect(() => decide({ municipalityId: 'juva' }, new Date('not a date'))).toThrow(RangeError);
  });

  test('before the pilot the TE office serves everyone, and the pilot’s start is announced', () => {
    const g = decide(
      { municipalityId: 'juva', age: 25, benefit: 'labourMarketSubsidy' },
      at('2021-02-20T12:00:00+02:00'),
    );
    expect(g.provider?.id).toBe('teOffice');
    expect(g.missing).toEqual([]);
    expect(ids(g.servicePoints)).toEqual([facts.providers.mikkeliPilot.tePointId]);
    const start = g.notices.find((n) => n.id === 'pilotStarts')!;
    expect(start.text.fi).toContain(formatDate(facts.dates.pilotStart.date, 'fi'));
    expect(start.text.en).toContain(facts.providers.mikkeliPilot.name.en);
  });

  test('before the pilot a TE-only town gets its nearest point and no pilot notice', () => {
    const g = decide({ municipalityId: 'pieksamaki' }, at('2021-01-10T12:00:00+02:00'));
    expect(g.servicePoints[0].municipalityIds).toContain('pieksamaki');
    expect(noticeIds(g)).not.toContain('pilotStarts');
  });

  test('past the planned end the extension is mentioned, not before', () => {
    const person = { municipalityId: 'mikkeli', age: 25 };
    expect(noticeIds(decide(person, at(`${plannedEnd.date}T12:00:00+03:00`)))).not.toContain('pilotExtended');
    expect(noticeIds(decide(person, at(`${dayAfter(plannedEnd.date)}T12:00:00+03:00`)))).toContain('pilotExtended');
    // Not for a town that never was in a pilot.
    expect(
      noticeIds(decide({ municipalityId: 'sulkava' }, at(`${dayAfter(plannedEnd.date)}T12:00:00+03:00`))),
    ).not.toContain('pilotExtended');
  });

  describe('the pilot years told after they ended', () => {
    const after = at('2026-11-28T12:00:00+02:00');
    const lastPilotDay = at(`${actualEnd.date}T12:00:00+02:00`);
    const firstDayAfter = at(`${teOfficesEnded.date}T12:00:00+02:00`);

    test('the answer of that day comes with a plain notice first that it is history', () => {
      const g = decide({ municipalityId: 'mikkeli', age: 25, benefit: 'labourMarketSubsidy' }, lastPilotDay, after);
      expect(g.provider?.id).toBe('mikkeliPilot');
      expect(g.history).toBe(true);
      expect(noticeIds(g)[0]).toBe('pilotPeriodAnswer');
      const history = g.notices[0].text;
      expect(history.fi).toContain(formatDate(facts.dates.actualEnd.date, 'fi'));
      expect(history.en).toContain(formatDate(facts.dates.pilotStart.date, 'en'));
    });

    test('a day before the pilots, asked about after them, is history of its own', () => {
      const g = decide({ municipalityId: 'juva' }, at('2020-07-01T12:00:00+03:00'), after);
      expect(g.provider?.id).toBe('teOffice');
      expect(noticeIds(g)).toEqual(['beforePilotAnswer', 'authoritiesDecide']);
      expect(g.reasons[0]).toEqual(
        expect.objectContaining({ fi: expect.stringContaining(formatDate(pilotStart.date, 'fi')) }),
      );
    });

    test('no employment area is named in an answer about the pilot years', () => {
      const g = decide({ municipalityId: 'mikkeli', age: 25 }, lastPilotDay, after);
      for (const area of facts.employmentAreas) expect(JSON.stringify(g)).not.toContain(area.name.fi);
    });

    // Every branch of the rules, told during the period and after it.
    const people: Person[] = [
      { municipalityId: 'helsinki' },
      { municipalityId: 'sulkava' },
      { municipalityId: 'pieksamaki' },
      { municipalityId: 'juva', age: 22, immigrant: true, benefit: 'labourMarketSubsidy' },
      { municipalityId: 'puumala', age: 45, benefit: 'none' },
      { municipalityId: 'savonlinna', age: 45, benefit: 'basicAllowance' },
      { municipalityId: 'mikkeli', age: 45, benefit: 'earningsRelated', immigrant: false },
      { municipalityId: 'mikkeli', age: 45, benefit: 'earningsRelated', immigrant: true },
      { municipalityId: 'juva', employed: true },
    ];

    test.each(people)('%j: told after the period, every reason about the pilots is in the past tense', (person) => {
      const during = decide(person, lastPilotDay).reasons;
      const afterwards = decide(person, lastPilotDay, firstDayAfter).reasons;
      expect(afterwards).toHaveLength(during.length);
      // Outside Etelä-Savo nothing is about the pilots: that sentence may stay as it is.
      if (person.municipalityId === 'helsinki') return;
      afterwards.forEach((r, i) => {
        for (const lang of ['fi', 'sv', 'en'] as const) expect(r[lang]).not.toBe(during[i][lang]);
      });
    });

    test('the past reasons differ from the present ones in every language, except the two about outside Etelä-Savo', () => {
      for (const [id, present] of Object.entries(facts.texts.reasons)) {
        if (id === 'outside' || id === 'leftRegion') continue;
        const past = facts.texts.pastReasons[id as keyof typeof facts.texts.pastReasons];
        for (const lang of ['fi', 'sv', 'en'] as const) expect(past[lang]).not.toBe(present[lang]);
      }
    });

    test('every line, e-mail and role of the pilots and the TE office ends at midnight Finnish time after the period', () => {
      for (const c of Object.values(facts.contacts)) {
        expect([c.id, lineClosedOn(c, at(`${actualEnd.date}T23:59:59+02:00`))]).toEqual([c.id, false]);
        expect([c.id, lineClosedOn(c, at(`${teOfficesEnded.date}T00:00:00+02:00`))]).toEqual([c.id, true]);
      }
    });

    test.each(people)(
      '%j: a contact is one to use on the last pilot day, and history when that day is told afterwards',
      (person) => {
        const during = decide(person, lastPilotDay);
        const afterwards = decide(person, lastPilotDay, firstDayAfter);
        expect(during.closedContactIds ?? []).toEqual([]);
        expect(afterwards.closedContactIds ?? []).toEqual(afterwards.contacts.map((c) => c.id));
      },
    );

    test('while questions remain, nothing of today is claimed', () => {
      const g = decide({}, lastPilotDay, after);
      expect(g.outcome).toBe('needMore');
      expect(g.history).toBe(true);
      expect(noticeIds(g)).toEqual([]);
    });
  });
});
