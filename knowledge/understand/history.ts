// A question about the past arrangement: "kuka palveli minua kokeilun aikana?", "who served me in
// 2022?", "vem betjänade mig under försöket?", "mihin kuuluin 15.6.2023?", or a year or date alone
// ("entä vuonna 2022?"). Read as a category: a question of who served or where one belonged, with
// a sign of the pilot years (a pilot word, "then", a past year or date), or the pilot years named
// with a past tense about oneself. Which day it is about is kept when the message names one; the
// caller decides what a day means (the rules know the period's dates). The words are data:
// knowledge/data/understanding/history.yaml.
import type { HistoryRequest } from '../types';
import type { Normalized } from './normalize';
import { patternRegex } from './patterns';
import { vocabulary } from './vocabulary';

const vocab = vocabulary.history;

/** Words of the pilots and the old offices: with any routing word, the question is about them. */
const PILOT_WORDS = patternRegex(vocab.pilotWords);
/** "Back then": about the past only with a routing word in the past tense ("who served me then?"). */
const THEN = patternRegex(vocab.then);
/** Who serves, where one belongs, which service is one's (any tense). */
const ROUTING = patternRegex(vocab.routing);
/** The same in the past tense, or a question about oneself then: "kuuluin", "was I", "hörde jag". */
const PAST_ROUTING = patternRegex(vocab.pastRouting);
/** A message that is little more than a day: "2022", "vuonna 2022?", "entä 2023", "in 2021", "år 2022". */
const BARE_DAY_WORDS = new Set(vocab.bareDayWords);

const YEAR = /^(?:19|20)\d\d$/;
const DATE = /^(\d{1,2})\.(\d{1,2})\.((?:19|20)\d\d)$/;

/** Before a year: "vuonna 2022", "in 2022", "år 2022", "during 2022": the year is when. */
const IN_YEAR = new Set(vocab.inYear);
/** Around a year that says "since": "vuodesta 2022", "since 2022", "sedan 2022", "2022 alkaen". */
const SINCE = new Set(vocab.since);

interface NamedDay {
  year: number;
  date?: string;
  /** Said as when ("vuonna 2022", "15.6.2022"), not as a start or an end ("since 2022"). */
  when: boolean;
}

/** The day a message names (d.m.yyyy), or its year; the first one found. */
function namedDay(n: Normalized): NamedDay | undefined {
  const words = n.words;
  for (let i = 0; i < words.length; i++) {
    const w = words[i].text;
    const since = SINCE.has(words[i - 1]?.text ?? '') || SINCE.has(words[i + 1]?.text ?? '');
    const d = DATE.exec(w);
    if (d) {
      const [day, month, year] = [Number(d[1]), Number(d[2]), Number(d[3])];
      const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
      const check = new Date(`${iso}T12:00:00Z`);
      // 31.2.2022 is no day: read as its year only.
      const real = check.getUTCMonth() + 1 === month && check.getUTCDate() === day;
      return real ? { year, date: iso, when: !since } : { year, when: !since };
    }
    if (YEAR.test(w)) return { year: Number(w), when: !since && IN_YEAR.has(words[i - 1]?.text ?? '') };
  }
  return undefined;
}

/**
 * A request for how things were in a past year or day (the pilot years, or before them), or
 * undefined. `year`/`date` only when the message names them; a year is no age and no street number
 * here: only four digits starting 19 or 20 count.
 */
export function findHistoryRequest(n: Normalized): HistoryRequest | undefined {
  const t = n.folded;
  const day = namedDay(n);
  const pastRouting = PAST_ROUTING.test(t);
  const routing = pastRouting || ROUTING.test(t);
  const dated = day !== undefined && (pastRouting || (routing && day.when));
  const asked = (PILOT_WORDS.test(t) && routing) || dated || (THEN.test(t) && pastRouting);
  const bare =
    day !== undefined && n.words.every((w) => DATE.test(w.text) || YEAR.test(w.text) || BARE_DAY_WORDS.has(w.text));
  if (!asked && !bare) return undefined;
  if (!day) return {};
  return day.date ? { year: day.year, date: day.date } : { year: day.year };
}
