// The one place where a message's understanding becomes facts about the person: the guide dialog
// and the `npm run guide` script both use it, so a message means the same in the chat and on the
// command line. Pure: no state, no replies; the caller decides what to say about the result.
import type { FormerName, Person, Slot, Understanding } from './types';

export interface AppliedUnderstanding {
  /** The facts known after the message (a new object; the given person is not changed). */
  person: Person;
  /**
   * The facts the message gave that were not known, or known otherwise, in the order of Person's
   * fields. A fact said again is not news: repeating it answers no question.
   */
  learned: Array<keyof Person>;
  /** Several municipalities fit the name given: the caller asks which one. */
  candidates?: string[];
  /** The person says they do not know their benefit: the caller explains who pays which (rule 7). */
  benefitUnknown?: true;
  /** An age was given but is impossible: the caller says why and asks again. */
  ageProblem?: NonNullable<Understanding['ageProblem']>;
  /** The municipality was named by a former one ("Ristiina"): the caller says which it is part of now. */
  former?: FormerName;
}

/**
 * `person` with what `u` says put in. `asking` is the slot the message answers, if any: a bare
 * "yes" then answers the immigrant question, and a name that fits several municipalities is
 * taken as candidates even when a municipality is already known. Only a sure municipality match
 * sets the municipality; an unknown place sets nothing.
 */
export function applyUnderstanding(person: Person, u: Understanding, asking?: Slot): AppliedUnderstanding {
  const p: Person = { ...person };
  const learned: Array<keyof Person> = [];
  const out: AppliedUnderstanding = { person: p, learned };
  const set = <F extends keyof Person>(field: F, value: Person[F]) => {
    if (p[field] !== value) learned.push(field);
    p[field] = value;
  };

  if (u.municipality?.kind === 'match') {
    set('municipalityId', u.municipality.id);
    if (u.municipality.former) out.former = u.municipality.former;
  } else if (u.municipality?.kind === 'ambiguous' && (p.municipalityId === undefined || asking === 'municipality')) {
    out.candidates = [...u.municipality.ids];
  }

  if (u.ageProblem) out.ageProblem = u.ageProblem;
  else if (u.age !== undefined) set('age', u.age);
  if (u.birthYear !== undefined) set('birthYear', u.birthYear);

  if (u.benefit === 'unknown') out.benefitUnknown = true;
  else if (u.benefit !== undefined) set('benefit', u.benefit);

  const immigrant = u.immigrant ?? (asking === 'immigrant' ? u.yesNo : undefined);
  if (immigrant !== undefined) set('immigrant', immigrant);
  if (u.employed !== undefined) set('employed', u.employed);
  const newSituations = (u.situations ?? []).filter((x) => !p.situations?.includes(x));
  if (newSituations.length) {
    p.situations = [...(p.situations ?? []), ...newSituations];
    learned.push('situations');
  }
  return out;
}

/** True when the message gave neither a fact nor anything the caller must explain or ask about. */
export function understoodNothing(a: AppliedUnderstanding): boolean {
  return a.learned.length === 0 && !a.candidates && !a.benefitUnknown && !a.ageProblem;
}
