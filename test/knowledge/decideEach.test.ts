// decideEach: the answer for each value of a fact the person cannot give, values with the same
// answer grouped, built on decide() so every rule applies in every case.
import { decide, decideEach, facts, type Branch } from '../../knowledge';

const PILOT = new Date('2022-06-15T12:00:00Z');
const AFTER = new Date('2026-01-15T12:00:00Z');
const providerOf = (b: Branch) => b.guidance.provider?.id;

test('no unknown fact the rules need: the one answer of decide()', () => {
  const person = { municipalityId: 'pieksamaki' };
  expect(decideEach(person, ['age', 'benefit'], PILOT)).toEqual([{ conditions: [], guidance: decide(person, PILOT) }]);
});

test("an unknown benefit: Kela's benefits and none in one case, the fund's in another", () => {
  const branches = decideEach({ municipalityId: 'juva', age: 45, immigrant: false }, ['benefit'], PILOT);
  expect(branches.map((b) => b.conditions)).toEqual([
    [{ slot: 'benefit', benefits: ['labourMarketSubsidy', 'basicAllowance', 'none'] }],
    [{ slot: 'benefit', benefits: ['earningsRelated'] }],
  ]);
  expect(branches.map(providerOf)).toEqual(['mikkeliPilot', 'teOffice']);
  expect(branches[1].guidance).toEqual(
    decide({ municipalityId: 'juva', age: 45, immigrant: false, benefit: 'earningsRelated' }, PILOT),
  );
});

test('a grouped case keeps only the reasons true for every value in it', () => {
  const [kela] = decideEach({ municipalityId: 'juva', age: 45, immigrant: false }, ['benefit'], PILOT);
  const subsidy = decide({ municipalityId: 'juva', age: 45, immigrant: false, benefit: 'labourMarketSubsidy' }, PILOT);
  const none = decide({ municipalityId: 'juva', age: 45, immigrant: false, benefit: 'none' }, PILOT);
  const sharedFi = subsidy.reasons.map((r) => r.fi).filter((fi) => none.reasons.some((r) => r.fi === fi));
  expect(kela.guidance.reasons.map((r) => r.fi)).toEqual(sharedFi);
  expect(kela.guidance.reasons.length).toBeLessThan(subsidy.reasons.length);
  expect(kela.guidance.servicePoints).toEqual(subsidy.servicePoints);
  expect(kela.guidance.contacts).toEqual(subsidy.contacts);
});

test('an unknown age: under the limit and the limit or over, with a fact still to ask in the second', () => {
  const branches = decideEach({ municipalityId: 'savonlinna' }, ['age'], PILOT);
  expect(branches.map((b) => b.conditions)).toEqual([[{ slot: 'age', young: true }], [{ slot: 'age', young: false }]]);
  expect(branches[0].guidance.servicePoints.map((p) => p.id)).toContain('savonlinnaYouth');
  expect(branches[1].guidance.outcome).toBe('needMore');
  expect(branches[1].guidance.missing).toEqual(['benefit', 'immigrant']);
});

test('several unknown facts: each case names every condition that decides it', () => {
  const branches = decideEach({ municipalityId: 'savonlinna' }, ['age', 'benefit', 'immigrant'], PILOT);
  expect(branches.every((b) => b.guidance.outcome === 'provider')).toBe(true);
  const te = branches.filter((b) => providerOf(b) === 'teOffice');
  expect(te.map((b) => b.conditions)).toEqual([
    [
      { slot: 'age', young: false },
      { slot: 'benefit', benefits: ['earningsRelated'] },
      { slot: 'immigrant', immigrant: false },
    ],
  ]);
});

test('candidate municipalities: one case each; without candidates the municipality stays needed', () => {
  const branches = decideEach({ age: 25 }, ['municipality'], PILOT, ['mikkeli', 'pieksamaki']);
  expect(branches.map((b) => b.conditions)).toEqual([
    [{ slot: 'municipality', municipalityIds: ['mikkeli'] }],
    [{ slot: 'municipality', municipalityIds: ['pieksamaki'] }],
  ]);
  expect(branches.map(providerOf)).toEqual(['mikkeliPilot', 'teOffice']);
  const none = decideEach({ age: 25 }, ['municipality'], PILOT);
  expect(none).toHaveLength(1);
  expect(none[0].guidance.missing).toEqual(['municipality']);
});

test('the pilot years told after they ended: every case is history, and says so', () => {
  const lastPilotDay = new Date(`${facts.dates.actualEnd.date}T12:00:00+02:00`);
  const branches = decideEach(
    { municipalityId: 'juva', age: 45, immigrant: false },
    ['benefit'],
    lastPilotDay,
    [],
    AFTER,
  );
  expect(branches.length).toBeGreaterThan(1);
  for (const b of branches) {
    expect(b.guidance.history).toBe(true);
    expect(b.guidance.notices.map((n) => n.id)).toContain('pilotPeriodAnswer');
  }
});
