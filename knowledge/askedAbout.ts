// Which answer a conversation gives, decided by the date: during the pilot period (and before it)
// the routing of that day; after it, today's answer, unless the person asks about the pilot years
// or a day in them, which is the routing of that day told as history.
import { facts } from './facts';
import { periodOn } from './calendar';
import type { HistoryRequest } from './types';

/** How the person named the day asked about: the pilot years as a whole, a year, or a date. */
export interface AskedDay {
  /** The day the routing is for (YYYY-MM-DD). */
  date: string;
  named: 'period' | 'year' | 'date';
  /** The year or date as the person named it. */
  year?: number;
}

export type AnswerMode =
  /** Today's answer: the home municipality's employment area. */
  | { kind: 'today' }
  /** The routing on `on`; `history` when today is after the pilot period (`asked` then says how it was asked). */
  | { kind: 'routing'; on: Date; history: boolean; asked?: AskedDay };

/** Noon in Finland on a calendar day. */
const noon = (iso: string) => new Date(`${iso}T10:00:00Z`);

/**
 * The day a history request is about: its date, the middle of its year (within the pilot period:
 * the pilots started on 1.3.2021), or the pilot period's last day when it names none. A request for
 * a day after the pilot period is no history: undefined.
 */
export function askedDay(request: HistoryRequest): AskedDay | undefined {
  const lastDay = facts.dates.actualEnd.date;
  if (request.date) return request.date <= lastDay ? { date: request.date, named: 'date' } : undefined;
  if (request.year !== undefined) {
    const midYear = `${request.year}-07-01`;
    return midYear <= lastDay ? { date: midYear, named: 'year', year: request.year } : undefined;
  }
  return { date: lastDay, named: 'period' };
}

/** The answer a conversation gives today, with the day it asked about (if any). */
export function answerMode(today: Date, asked?: AskedDay): AnswerMode {
  // During (or before) the pilot period the routing of today answers, as it always has.
  if (periodOn(today) !== 'afterPilot') return { kind: 'routing', on: today, history: false };
  if (!asked) return { kind: 'today' };
  return { kind: 'routing', on: noon(asked.date), history: true, asked };
}
