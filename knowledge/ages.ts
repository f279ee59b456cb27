// A person's age on the day an answer is about: said as a number ("olen 27"), or following from a
// birth year ("synnyin 1970"), which gives the age within a year (the birthday is not known).
import { finnishDate } from './calendar';
import type { Person } from './types';

export interface AgeRange {
  min: number;
  max: number;
}

/** The youngest and the oldest the person can be on that day; undefined when nothing tells. */
export function ageOn(person: Person, on: Date): AgeRange | undefined {
  if (Number.isFinite(person.age)) return { min: person.age!, max: person.age! };
  if (person.birthYear === undefined) return undefined;
  const years = Number(finnishDate(on).slice(0, 4)) - person.birthYear;
  return { min: years - 1, max: years };
}

/** True or false when the age on that day is surely under `limit` or surely not; undefined when unsure. */
export function under(person: Person, on: Date, limit: number): boolean | undefined {
  const age = ageOn(person, on);
  if (!age) return undefined;
  if (age.max < limit) return true;
  if (age.min >= limit) return false;
  return undefined;
}
