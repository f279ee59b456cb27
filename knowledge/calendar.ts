// The calendar the rules run on: the day in Finland, and which period of the pilots it falls in.
import { facts } from './facts';
import type { Period } from './types';

/** The calendar date in Finland (YYYY-MM-DD) of an instant: the pilots started at midnight Finnish time. */
export function finnishDate(on: Date): string {
  if (Number.isNaN(on.getTime())) throw new RangeError('decide: the date is not a valid date');
  // Finland's UTC offset changes only on whole hours, so the date is the same within an hour.
  const hour = Math.floor(on.getTime() / 3_600_000);
  let day = dayOfHour.get(hour);
  if (day === undefined) {
    day = finnishDay.format(on);
    if (dayOfHour.size > 10_000) dayOfHour.clear();
    dayOfHour.set(hour, day);
  }
  return day;
}
const dayOfHour = new Map<number, string>();
// Made once: building an Intl formatter costs far more than using it.
const finnishDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Helsinki',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** beforePilot until the day before dates.pilotStart, pilot to dates.actualEnd inclusive, afterPilot from then on. */
export function periodOn(on: Date): Period {
  const day = finnishDate(on);
  if (day < facts.dates.pilotStart.date) return 'beforePilot';
  if (day <= facts.dates.actualEnd.date) return 'pilot';
  return 'afterPilot';
}
