// Every combination of what may be known of a person, on a day before, within and after the
// pilot period: the guidance is complete in three languages, and `missing` asks exactly for
// the facts that could still change the provider.
import { facts } from '../../knowledge/facts';
import { decide } from '../../knowledge/rules';
import { LANGS, type Benefit, type Guidance, type Localized, type Person, type Slot } from '../../knowledge/types';

const limit = facts.figures.youthAgeLimit.value;
const AGES = [18, limit - 1, limit, 64];
const BENEFITS: Benefit[] = ['earningsRelated', 'labourMarketSubsidy', 'basicAllowance', 'none'];
const BOOLS = [true, false];
const DAYS = ['2021-02-01T12:00:00+02:00', '2022-05-01T12:00:00+03:00', '2026-11-28T12:00:00+02:00'].map(
  (d) => new Date(d),
);
const MUNICIPALITIES = [
  ...facts.providers.mikkeliPilot.municipalityIds,
  ...facts.providers.savonlinnaPilot.municipalityIds,
  ...facts.providers.teOffice.municipalityIds,
  'joroinen',
  'helsinki',
];
const maybe = <T>(values: T[]): (T | undefined)[] => [undefined, ...values];

const people: Person[] = [];
for (const municipalityId of MUNICIPALITIES)
  for (const age of maybe(AGES))
    for (const benefit of maybe(BENEFITS))
      for (const immigrant of maybe(BOOLS))
        for (const employed of maybe(BOOLS)) people.push({ municipalityId, age, benefit, immigrant, employed });

const SLOT_VALUES: Record<Exclude<Slot, 'municipality'>, unknown[]> = {
  age: AGES,
  benefit: BENEFITS,
  immigrant: BOOLS,
};
const UNKNOWABLE = ['age', 'benefit', 'immigrant'] as const;

/** Every way to fill the given slots. */
function completions(person: Person, slots: readonly (keyof typeof SLOT_VALUES)[]): Person[] {
  return slots.reduce<Person[]>(
    (acc, slot) => acc.flatMap((p) => SLOT_VALUES[slot].map((v) => ({ ...p, [slot]: v }))),
    [person],
  );
}
const providerOf = (p: Person, on: Date) => decide(p, on).provider?.id;

function localizedTexts(g: Guidance): Localized[] {
  return [
    ...g.reasons,
    ...g.notices.map((n) => n.text),
    ...(g.provider ? [g.provider.name] : []),
    ...g.servicePoints.map((s) => s.name),
    ...g.contacts.map((c) => c.role),
  ];
}

// Faults are collected and compared once: a million expect() calls would make this slow.
test.each(DAYS.map((d) => [d.toISOString().slice(0, 10), d] as const))('every combination on %s', (_label, on) => {
  const faults: string[] = [];
  const check = (ok: boolean, person: Person, what: string) => {
    if (!ok) faults.push(`${JSON.stringify(person)}: ${what}`);
  };
  for (const person of people) {
    const g = decide(person, on);
    for (const text of localizedTexts(g)) {
      for (const lang of LANGS)
        check(text[lang].trim() !== '' && !/[{}]/.test(text[lang]), person, `text "${text[lang]}" (${lang})`);
    }
    if (g.outcome === 'provider') {
      check(g.missing.length === 0, person, 'a decided provider still has missing slots');
      check(
        g.servicePoints.length > 0 && g.contacts.length === 1 && g.reasons.length > 0,
        person,
        'points, contact and reasons',
      );
      // Nothing still unknown could change the provider.
      const unknown = UNKNOWABLE.filter((s) => person[s] === undefined);
      for (const c of completions(person, unknown))
        check(providerOf(c, on) === g.provider!.id, person, `answering ${JSON.stringify(c)} changes the provider`);
    } else if (g.outcome === 'needMore') {
      const slots = g.missing as (keyof typeof SLOT_VALUES)[];
      check(slots.length > 0 && !g.missing.includes('municipality'), person, `missing ${g.missing}`);
      // Asking order: age, benefit, immigrant.
      const ordered = [...slots].sort((a, b) => UNKNOWABLE.indexOf(a) - UNKNOWABLE.indexOf(b));
      check(ordered.join() === slots.join(), person, `order ${slots}`);
      for (const slot of slots) {
        // Each missing slot can change the provider for some answers to the others.
        const others = slots.filter((s) => s !== slot);
        const matters = completions(person, others).some(
          (base) => new Set(SLOT_VALUES[slot].map((v) => providerOf({ ...base, [slot]: v }, on))).size > 1,
        );
        check(matters, person, `${slot} is asked but cannot change the provider`);
      }
      // Once they are all answered, the provider is decided.
      for (const c of completions(person, slots))
        check(decide(c, on).outcome === 'provider', person, `still undecided after ${JSON.stringify(c)}`);
    } else {
      check(
        g.provider === undefined && facts.municipalities[person.municipalityId!].area === 'outside',
        person,
        'outside',
      );
    }
  }
  expect(faults.slice(0, 20)).toEqual([]);
  expect(people.length).toBeGreaterThan(1000);
});
