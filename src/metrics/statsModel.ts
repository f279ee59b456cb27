import type { Lang } from '../../knowledge';
import { ATTRIBUTE_VALUES } from './attributes';
import type { DayCount } from './dailyFigures';
import { METRIC } from './instruments';
import { valueName, word } from './statsTexts';

// What the /stats page shows, built from the daily buckets: every number a reader sees is a cell
// of at least 5, or zero; a count of 1 to 4 is shown as "under 5" (null here), since a provider
// in the pilot period implies an age band and a benefit, and a small count on a day could point
// to a person who is known to have used the guide. The page shows no total of a table with such
// cells (the total less the cells shown would give the hidden one back).

export const MIN_SHOWN = 5;

/** A number as shown: null = 1 to 4. */
export type Cell = number | null;
export const shown = (n: number): Cell => (n > 0 && n < MIN_SHOWN ? null : n);

export interface Row {
  label: string;
  cells: Cell[];
}

export interface Table {
  columns: string[];
  rows: Row[];
  /** What every row has in common (the period, when all rows are of one), said once under the heading. */
  qualifier?: string;
}

export interface StatsView {
  /** Answers per day for each service (and period). */
  answers: Table;
  /** Conversations started per day. */
  startedPerDay: Table;
  /** Conversations started over the window, by channel and by language. */
  startedBy: Table;
  /** Conversations left with a question open, by question; and by reason. */
  leftBySlot: Table;
  leftByReason: Table;
  /** Per question: asked, not understood, and the share not understood in percent. */
  questions: Table;
  /** Per service: helpful yes, no, and the helpful share in percent. */
  feedback: Table;
  topics: Table;
}

type Key = (attributes: DayCount['attributes']) => string | undefined;

/** Sums the counts of one metric by a key of their attributes (and, optionally, by day). */
function sum(counts: DayCount[], name: string, key: Key, day?: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const c of counts) {
    if (c.name !== name || (day !== undefined && c.day !== day)) continue;
    const k = key(c.attributes);
    if (k !== undefined) out.set(k, (out.get(k) ?? 0) + c.value);
  }
  return out;
}

const attr =
  (name: string): Key =>
  (a) =>
    typeof a[name] === 'string' ? (a[name] as string) : undefined;

/** A percentage shown only when both numbers behind it are shown. */
function percent(part: Cell, whole: Cell): Cell {
  if (part === null || whole === null || !whole) return null;
  return Math.round((100 * part) / whole);
}

const dayLabel = (iso: string) => `${Number(iso.slice(8, 10))}.${Number(iso.slice(5, 7))}.`;

export function statsView(counts: DayCount[], days: string[], lang: Lang): StatsView {
  const name = (attribute: string, value: string) => valueName(attribute, value, lang);
  /** A service's name; with its period only when the table mixes both periods. */
  const serviceLabel = (key: string, keys: string[]) => {
    const [period, service] = key.split('|');
    const mixed = new Set(keys.map((k) => k.split('|')[0])).size > 1;
    return mixed ? `${name('service', service)} (${name('period', period)})` : name('service', service);
  };
  const values = (attribute: string) => ATTRIBUTE_VALUES[attribute];
  const dayColumns = days.map(dayLabel);

  // Answers: one row per period and service that has any, a cell per day.
  const serviceKey: Key = (a) => `${String(a.period)}|${String(a.service)}`;
  const answersTotal = sum(counts, METRIC.answers, serviceKey);
  const answerKeys = [...answersTotal.keys()].sort();
  const answerRows = answerKeys.map((k) => ({
    label: serviceLabel(k, answerKeys),
    cells: days.map((d) => shown(sum(counts, METRIC.answers, serviceKey, d).get(k) ?? 0)),
  }));

  const all: Key = () => 'all';
  const startedPerDay = days.map((d) => shown(sum(counts, METRIC.started, all, d).get('all') ?? 0));
  const byChannel = sum(counts, METRIC.started, attr('channel'));
  const byLang = sum(counts, METRIC.started, attr('lang'));

  const oneColumn = (attribute: string, totals: Map<string, number>, prefix = ''): Row[] =>
    values(attribute)
      .filter((v) => totals.has(v))
      .map((v) => ({ label: `${prefix}${name(attribute, v)}`, cells: [shown(totals.get(v) ?? 0)] }));

  const asked = sum(counts, METRIC.asked, attr('slot'));
  const missed = sum(counts, METRIC.notUnderstood, attr('slot'));
  const questionRows = values('slot')
    .filter((s) => asked.has(s) || missed.has(s))
    .map((s) => {
      const a = shown(asked.get(s) ?? 0);
      const m = shown(missed.get(s) ?? 0);
      return { label: name('slot', s), cells: [a, m, percent(m, a)] };
    });

  const feedbackKey: Key = (a) => `${String(a.period)}|${String(a.service)}|${String(a.helpful)}`;
  const feedback = sum(counts, METRIC.feedback, feedbackKey);
  const feedbackServices = [...new Set([...feedback.keys()].map((k) => k.split('|').slice(0, 2).join('|')))].sort();
  const feedbackRows = feedbackServices.map((k) => {
    const yes = shown(feedback.get(`${k}|yes`) ?? 0);
    const no = shown(feedback.get(`${k}|no`) ?? 0);
    const both = yes === null || no === null ? null : yes + no;
    return { label: serviceLabel(k, feedbackServices), cells: [yes, no, percent(yes, both)] };
  });

  const count = word('count', lang);
  /** The period said once for the table when all its rows share it. */
  const qualifier = (keys: string[]) => {
    const periods = new Set(keys.map((k) => k.split('|')[0]));
    return periods.size === 1 ? name('period', [...periods][0]) : undefined;
  };
  return {
    answers: { columns: dayColumns, rows: answerRows, qualifier: qualifier(answerKeys) },
    startedPerDay: { columns: dayColumns, rows: [{ label: word('startedHeading', lang), cells: startedPerDay }] },
    startedBy: {
      columns: [count],
      rows: [
        ...oneColumn('channel', byChannel, `${word('channelsHeading', lang)}: `),
        ...oneColumn('lang', byLang, `${word('languages', lang)}: `),
      ],
    },
    leftBySlot: { columns: [count], rows: oneColumn('slot', sum(counts, METRIC.left, attr('slot'))) },
    leftByReason: { columns: [count], rows: oneColumn('reason', sum(counts, METRIC.left, attr('reason'))) },
    questions: {
      columns: [word('asked', lang), word('notUnderstood', lang), word('notUnderstoodRate', lang)],
      rows: questionRows,
    },
    feedback: {
      columns: [word('helpfulYes', lang), word('helpfulNo', lang), word('helpfulShare', lang)],
      rows: feedbackRows,
      qualifier: qualifier(feedbackServices),
    },
    topics: { columns: [count], rows: oneColumn('topic', sum(counts, METRIC.topics, attr('topic'))) },
  };
}
