// Today's answer in the knowledge (decideToday) and which answer a day gives (answerMode).
import { answerMode, askedDay, decideToday, facts, understand, applyUnderstanding, type Person } from '../../knowledge';
import { formerMunicipalitiesById } from '../../knowledge/municipalities';

const TODAY = new Date('2026-12-07T10:00:00Z');
const etelaSavo = Object.values(facts.providers).flatMap((p) => p.municipalityIds);

test.each(etelaSavo)('%s: its employment area, that area’s responsible municipality, and nothing else to ask', (id) => {
  const g = decideToday({ municipalityId: id }, TODAY);
  expect(g.outcome).toBe('area');
  expect(g.missing).toEqual([]);
  const membership = facts.areaMembership[id];
  expect(g.area?.id).toBe(membership.areaIds[0]);
  expect(g.responsible?.id).toBe(g.area!.responsibleMunicipalityId);
  expect(g.status).toBe(membership.status);
});

test('age, benefit, background and work change nothing about who serves today', () => {
  const plain = decideToday({ municipalityId: 'mikkeli' }, TODAY);
  const people: Person[] = [
    { municipalityId: 'mikkeli', age: 45, benefit: 'earningsRelated', immigrant: false },
    { municipalityId: 'mikkeli', age: 22, benefit: 'labourMarketSubsidy' },
    { municipalityId: 'mikkeli', employed: true },
  ];
  for (const p of people) {
    const g = decideToday(p, TODAY);
    expect([g.outcome, g.area?.id, g.responsible?.id]).toEqual([plain.outcome, plain.area?.id, plain.responsible?.id]);
  }
});

test('Pieksämäki belongs to the Keski-Savo area led by Varkaus, as the city of Mikkeli’s texts of 2023 and 2024 say', () => {
  const g = decideToday({ municipalityId: 'pieksamaki' }, TODAY);
  expect(g.area?.name.fi).toBe('Keski-Savon työllisyysalue');
  expect(g.responsible?.id).toBe('varkaus');
  expect(g.status).toBe('confirmed');
  for (const id of ['mikkeliBlog2023', 'mikkeliBlog2024'])
    expect(facts.areaMembership.pieksamaki.sources).toContain(id);
});

test.each(etelaSavo.flatMap((id) => (formerMunicipalitiesById.get(id) ?? []).map((f) => [f.fi, id] as const)))(
  'a former name, %s, gives the area of the municipality it is part of now (%s)',
  (former, id) => {
    const person = applyUnderstanding({}, understand(`asun ${former}`)).person;
    expect(decideToday(person, TODAY).area?.id).toBe(facts.areaMembership[id].areaIds[0]);
  },
);

test('outside Etelä-Savo: outside, with the area a source names (Joroinen, Heinävesi) or none (Helsinki)', () => {
  expect(decideToday({ municipalityId: 'joroinen' }, TODAY)).toMatchObject({ outcome: 'outside', status: 'confirmed' });
  expect(decideToday({ municipalityId: 'heinavesi' }, TODAY).area?.responsibleMunicipalityId).toBe('joensuu');
  const helsinki = decideToday({ municipalityId: 'helsinki' }, TODAY);
  expect(helsinki.outcome).toBe('outside');
  expect(helsinki.area).toBeUndefined();
});

test('without a municipality the one thing missing is the municipality', () => {
  expect(decideToday({ age: 45, benefit: 'none' }, TODAY)).toMatchObject({
    outcome: 'needMore',
    missing: ['municipality'],
  });
});

test.each([
  [{ situations: ['notRegistered'] }, true, []],
  [{ situations: ['justUnemployed'] }, true, []],
  [{ situations: ['entrepreneur'] }, true, ['entrepreneur']],
  [{ situations: ['student'] }, false, ['student']],
  [{ situations: ['sickness'] }, false, ['sickness']],
  [{ age: 16 }, false, ['under17']],
  [{ age: 17 }, false, []],
  [{ age: 64 }, false, []],
  [{ age: 65 }, false, ['over65']],
  [{ immigrant: true }, false, ['immigrant']],
  // Born 1961: 64 or 65 on this day, so no claim about 65 or older.
  [{ birthYear: 1961 }, false, []],
  [{ birthYear: 1960 }, false, ['over65']],
] as Array<[Person, boolean, string[]]>)('%j: registers first %s, notes %j', (facts_, first, notes) => {
  const g = decideToday({ municipalityId: 'juva', ...facts_ }, TODAY);
  expect(g.registerFirst).toBe(first);
  expect(g.notes).toEqual(notes);
});

describe('which answer the day gives', () => {
  const pilotDay = new Date('2022-06-15T10:00:00Z');
  test('after the pilot period: today’s answer, or the routing of a day asked about, as history', () => {
    expect(answerMode(TODAY)).toEqual({ kind: 'today' });
    const asked = askedDay({ year: 2022 })!;
    expect(answerMode(TODAY, asked)).toMatchObject({ kind: 'routing', history: true, asked });
  });
  test('during the pilot period: the routing of that day, whatever is asked', () => {
    expect(answerMode(pilotDay)).toEqual({ kind: 'routing', on: pilotDay, history: false });
    expect(answerMode(pilotDay, askedDay({ year: 2021 }))).toEqual({ kind: 'routing', on: pilotDay, history: false });
  });
  test('the day asked about: a date as it is, a year in its middle, the period by its last day; a later day is no history', () => {
    expect(askedDay({ date: '2023-06-15', year: 2023 })).toEqual({ date: '2023-06-15', named: 'date' });
    expect(askedDay({ year: 2022 })).toEqual({ date: '2022-07-01', named: 'year', year: 2022 });
    expect(askedDay({})).toEqual({ date: facts.dates.actualEnd.date, named: 'period' });
    expect(askedDay({ year: 2025 })).toBeUndefined();
    expect(askedDay({ date: '2025-03-01' })).toBeUndefined();
  });
});
