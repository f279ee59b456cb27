// Ages said without a plain number of years: a birth year ("synnyin 1970", "born in 1985", "född
// 1990", "vuosimallia -85") and a range that is no age ("kolmekymppinen", "in my thirties",
// "i 30-årsåldern"). Round birthdays ("täytin neljäkymppiä") are number words (numbers.ts) and
// read by age.ts like any other age. The words are data: knowledge/data/understanding/age.yaml.
import type { Normalized } from './normalize';
import { patternRegex } from './patterns';
import { vocabulary } from './vocabulary';

const vocab = vocabulary.age.birthYear;

/** Right before the year: "synnyin 1970", "born in 1985", "född år 1990", "syntymävuosi 1970". */
const BIRTH_CUES = new Set(vocab.cues);
/** Cues that count only before a full year: "s. 1970" (the "s." of a birth date). */
const FULL_YEAR_ONLY = new Set(vocab.fullYearOnly);
/** Between the cue and the year: "born in", "syntynyt vuonna", "född år", "year of birth is". */
const BETWEEN = new Set(vocab.between);

const FULL_YEAR = /^(?:19|20)\d\d$/;
/** "-85", "'85": a two-digit year, as people write their birth year. */
const SHORT_YEAR = /^['-]?(\d\d)$/;

/** The birth year the message names, or undefined. `thisYear` turns "-05" into 2005 and "-85" into 1985. */
export function findBirthYear(n: Normalized, thisYear: number): number | undefined {
  const words = n.words.map((w) => w.text);
  for (let i = 0; i < words.length; i++) {
    if (!BIRTH_CUES.has(words[i])) continue;
    let j = i + 1;
    while (j < words.length && j <= i + 3 && BETWEEN.has(words[j])) j++;
    const word = words[j];
    if (word === undefined) continue;
    if (FULL_YEAR.test(word)) {
      const year = Number(word);
      if (year <= thisYear) return year;
      continue;
    }
    const short = FULL_YEAR_ONLY.has(words[i]) ? null : SHORT_YEAR.exec(word);
    if (short) {
      const yy = Number(short[1]);
      return yy <= thisYear % 100 ? 2000 + yy : 1900 + yy;
    }
  }
  return undefined;
}

/** An age given only as a decade or so: the guide asks the exact age where it matters. */
const RANGE = patternRegex(vocabulary.age.range);

/** True when the message gives an age only as a range ("kolmekymppinen"). */
export function saysAgeRange(n: Normalized): boolean {
  return RANGE.test(n.folded);
}
