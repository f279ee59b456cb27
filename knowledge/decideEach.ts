// The answer for each value an unknown fact could have. When a person cannot say one of the
// deciding facts, the guide still answers: "if Kela pays your benefit: …; if an unemployment fund
// pays it: …". Pure, built on decide(): it tries every value of each fact the rules ask for and
// still cannot know, and groups the values that give the same answer.
import { decide, youthAgeLimit } from './rules';
import { BENEFITS, type Benefit, type Guidance, type Person, type Slot } from './types';

/** What must hold for a branch's answer, for one fact. */
export type Condition =
  | { slot: 'municipality'; municipalityIds: string[] }
  /** young = under the youth age limit (youthAgeLimit()). */
  | { slot: 'age'; young: boolean }
  | { slot: 'benefit'; benefits: Benefit[] }
  | { slot: 'immigrant'; immigrant: boolean };

export interface Branch {
  /** One condition for each unknown fact that changes the answer; none when no unknown fact does. */
  conditions: Condition[];
  /**
   * The answer when the conditions hold. 'needMore' when a fact that is not unknown (it can still
   * be asked) decides it, or when an unknown municipality has no candidates to try.
   */
  guidance: Guidance;
}

/**
 * The guidance for `person` for every value of the `unknown` facts that the rules need. Values with
 * the same answer (provider, service points, contacts) are one branch; its reasons and notices are
 * those every value shares, so a reason true for only one of them ("you get labour market subsidy")
 * is not said to people it does not fit. `municipalityIds` are the candidates for an unknown
 * municipality (a name that fits several); without them the municipality cannot be tried.
 * With no unknown fact the rules need, the one branch is decide()'s answer. `today` as in decide():
 * after the pilot period an answer about a day in it is history.
 */
export function decideEach(
  person: Person,
  unknown: readonly Slot[],
  on: Date,
  municipalityIds: readonly string[] = [],
  today: Date = on,
): Branch[] {
  const g = decide(person, on, today);
  const slot = g.outcome === 'needMore' ? g.missing.find((s) => unknown.includes(s)) : undefined;
  const options = slot ? valuesOf(slot, municipalityIds) : [];
  if (!options.length) return [{ conditions: [], guidance: g }];

  // Each value's branches, then the values whose branches are alike merged (in the values' order).
  const groups: Array<{ values: Value[]; branches: Branch[][]; key: string }> = [];
  for (const value of options) {
    const branches = decideEach({ ...person, ...value.person }, unknown, on, municipalityIds, today);
    const key = signature(branches);
    const group = groups.find((x) => x.key === key);
    if (group) {
      group.values.push(value);
      group.branches.push(branches);
    } else groups.push({ values: [value], branches: [branches], key });
  }
  // Every value gives the same answer: this fact does not matter.
  if (groups.length === 1) return merge(groups[0].branches);
  return groups.flatMap((group) => {
    const condition = conditionOf(group.values);
    return merge(group.branches).map((b) => ({ conditions: [condition, ...b.conditions], guidance: b.guidance }));
  });
}

interface Value {
  person: Person;
  condition: Condition;
}

function valuesOf(slot: Slot, municipalityIds: readonly string[]): Value[] {
  switch (slot) {
    case 'municipality':
      return municipalityIds.map((id) => ({
        person: { municipalityId: id },
        condition: { slot, municipalityIds: [id] },
      }));
    case 'age': {
      // One age on each side of the limit stands for every age on that side: the rules read only that.
      const limit = youthAgeLimit();
      return [true, false].map((young) => ({ person: { age: young ? limit - 1 : limit }, condition: { slot, young } }));
    }
    case 'benefit':
      return BENEFITS.map((benefit) => ({ person: { benefit }, condition: { slot, benefits: [benefit] } }));
    case 'immigrant':
      return [true, false].map((immigrant) => ({ person: { immigrant }, condition: { slot, immigrant } }));
  }
}

/** One condition for values of one fact that give the same answer (a group is never every value). */
function conditionOf(values: Value[]): Condition {
  const first = values[0].condition;
  switch (first.slot) {
    case 'municipality':
      return {
        slot: first.slot,
        municipalityIds: values.flatMap((v) =>
          v.condition.slot === 'municipality' ? v.condition.municipalityIds : [],
        ),
      };
    case 'benefit':
      return {
        slot: first.slot,
        benefits: values.flatMap((v) => (v.condition.slot === 'benefit' ? v.condition.benefits : [])),
      };
    default:
      return first;
  }
}

/** What makes two answers the same for a person: where to go and whom to contact. */
function answerKey(g: Guidance): string {
  return [
    g.outcome,
    g.provider?.id,
    g.municipality?.id,
    g.missing.join(','),
    g.servicePoints.map((p) => p.id).join(','),
    g.contacts.map((c) => c.id).join(','),
  ].join('|');
}

function signature(branches: Branch[]): string {
  return JSON.stringify(branches.map((b) => [b.conditions, answerKey(b.guidance)]));
}

/** Alike branch lists (same signature) as one: the first's answers with only the shared reasons and notices. */
function merge(lists: Branch[][]): Branch[] {
  return lists[0].map((b, i) => {
    const all = lists.map((l) => l[i].guidance);
    const guidance: Guidance = {
      ...b.guidance,
      reasons: shared(
        all.map((g) => g.reasons),
        (r) => r.fi,
      ),
      notices: shared(
        all.map((g) => g.notices),
        (n) => `${n.id}|${n.text.fi}`,
      ),
    };
    return { conditions: b.conditions, guidance };
  });
}

/** The items of the first list that every list holds, in the first list's order. */
function shared<T>(lists: T[][], key: (x: T) => string): T[] {
  const keys = lists.map((l) => new Set(l.map(key)));
  return lists[0].filter((x) => keys.every((k) => k.has(key(x))));
}
