// applyUnderstanding: the one function that turns what a message says into the person's facts,
// shared by the guide dialog and `npm run guide`.
import { applyUnderstanding, understand, understoodNothing, type Person } from '../../knowledge';

test('a whole sentence fills every fact it mentions', () => {
  const a = applyUnderstanding({}, understand('asun Juvalla, olen 27 ja saan työmarkkinatukea'));
  expect(a.person).toEqual({ municipalityId: 'juva', age: 27, benefit: 'labourMarketSubsidy' });
  expect(a.learned).toEqual(['municipalityId', 'age', 'benefit']);
  expect(understoodNothing(a)).toBe(false);
});

test('a fact said again is not news; a changed one is', () => {
  const known: Person = { municipalityId: 'juva', age: 52 };
  expect(applyUnderstanding(known, { age: 52 }).learned).toEqual([]);
  expect(understoodNothing(applyUnderstanding(known, { age: 52 }))).toBe(true);
  expect(applyUnderstanding(known, { age: 45 }).learned).toEqual(['age']);
});

test('facts already known are kept, and the given person is not changed', () => {
  const known: Person = { municipalityId: 'juva', age: 52 };
  const a = applyUnderstanding(known, { benefit: 'earningsRelated' });
  expect(a.person).toEqual({ municipalityId: 'juva', age: 52, benefit: 'earningsRelated' });
  expect(known).toEqual({ municipalityId: 'juva', age: 52 });
});

test('"do not know" the benefit and an impossible age are reported, not stored', () => {
  const a = applyUnderstanding({ age: 40 }, { benefit: 'unknown', ageProblem: 'tooYoung' });
  expect(a.person).toEqual({ age: 40 });
  expect(a.benefitUnknown).toBe(true);
  expect(a.ageProblem).toBe('tooYoung');
  expect(a.learned).toEqual([]);
  expect(understoodNothing(a)).toBe(false);
});

test('a bare yes answers the immigrant question only when that is the question', () => {
  expect(applyUnderstanding({}, { yesNo: true }, 'immigrant').person.immigrant).toBe(true);
  expect(applyUnderstanding({}, { yesNo: false }, 'immigrant').person.immigrant).toBe(false);
  const elsewhere = applyUnderstanding({}, { yesNo: true }, 'age');
  expect(elsewhere.person.immigrant).toBeUndefined();
  expect(understoodNothing(elsewhere)).toBe(true);
});

test('several fitting municipalities are candidates, unless one is known and another fact is being asked', () => {
  const ids = ['mikkeli', 'juva'];
  expect(applyUnderstanding({}, { municipality: { kind: 'ambiguous', ids } }).candidates).toEqual(ids);
  expect(
    applyUnderstanding({ municipalityId: 'puumala' }, { municipality: { kind: 'ambiguous', ids } }, 'municipality')
      .candidates,
  ).toEqual(ids);
  const known = applyUnderstanding({ municipalityId: 'puumala' }, { municipality: { kind: 'ambiguous', ids } }, 'age');
  expect(known.candidates).toBeUndefined();
  expect(known.person.municipalityId).toBe('puumala');
});

test('a place that is no municipality sets nothing', () => {
  const a = applyUnderstanding({}, { municipality: { kind: 'unknown', text: 'Narnia' } }, 'municipality');
  expect(a.person).toEqual({});
  expect(understoodNothing(a)).toBe(true);
});

test('working on the open labour market is kept as said', () => {
  expect(applyUnderstanding({}, { employed: true }).person.employed).toBe(true);
});
