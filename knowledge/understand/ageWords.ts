// Ages said without a plain number of years: a birth year ("synnyin 1970", "born in 1985", "född
// 1990", "vuosimallia -85") and a range that is no age ("kolmekymppinen", "in my thirties",
// "i 30-årsåldern"). Round birthdays ("täytin neljäkymppiä") are number words (numbers.ts) and
// read by age.ts like any other age.
import { patternRegex, type Normalized } from './normalize';

/** Right before the year: "synnyin 1970", "born in 1985", "född år 1990", "syntymävuosi 1970". */
const BIRTH_CUES = new Set([
  'synnyin',
  'syntynyt',
  'syntyny',
  'syntynyt',
  'syntymavuosi',
  'syntymavuoteni',
  'syntymavuodeltani',
  'vuosimallia',
  'vuosikertaa',
  's',
  'born',
  'birth',
  'dob',
  'fodd',
  'foddes',
  'fodelsear',
  'fodelsearet',
]);
/** Between the cue and the year: "born in", "syntynyt vuonna", "född år", "year of birth is". */
const BETWEEN = new Set(['in', 'vuonna', 'ar', 'aret', 'on', 'is', 'ar', 'year', 'of', 'olen']);

const FULL_YEAR = /^(?:19|20)\d\d$/;
/** "-85", "'85": a two-digit year, as people write their birth year. */
const SHORT_YEAR = /^['-]?(\d\d)$/;

/** The birth year the message names, or undefined. `thisYear` turns "-05" into 2005 and "-85" into 1985. */
export function findBirthYear(n: Normalized, thisYear: number): number | undefined {
  const words = n.words.map((w) => w.text);
  for (let i = 0; i < words.length; i++) {
    if (!BIRTH_CUES.has(words[i])) continue;
    // "s." alone is a birth cue only as the very common "s. 1970".
    let j = i + 1;
    while (j < words.length && j <= i + 3 && BETWEEN.has(words[j])) j++;
    const word = words[j];
    if (word === undefined) continue;
    if (FULL_YEAR.test(word)) {
      const year = Number(word);
      if (year <= thisYear) return year;
      continue;
    }
    const short = words[i] === 's' ? null : SHORT_YEAR.exec(word);
    if (short) {
      const yy = Number(short[1]);
      return yy <= thisYear % 100 ? 2000 + yy : 1900 + yy;
    }
  }
  return undefined;
}

/** An age given only as a decade or so: the guide asks the exact age where it matters. */
const RANGE = patternRegex([
  '(?:kaksi|kaks|pari|kolme|nelja|neli|viisi|viis|kuusi|kuus|seitseman|seitteman)kymppi(?:nen|sena|sia|selta)',
  '(?:kaksi|kaks|kolme|nelja|viisi|viis|kuusi|kuus)kymmen(?:vuotias|kymppinen)',
  '(?:kahden|kolmen|neljan|viiden|kuuden)kympin (?:korvilla|paalla|kieppeilla|molemmin puolin)',
  '(?:kahdella|kolmella|neljalla|viidella|kuudella)kympilla',
  '(?:kolme|nelja|viisi|kuusi)kymppisena',
  '(?:yli|alle) (?:kolme|nelja|viisi|kuusi)kymppinen',
  'in my (?:late |early |mid )?(?:twenties|thirties|forties|fifties|sixties|20s|30s|40s|50s|60s)',
  '(?:twenty|thirty|forty|fifty|sixty)[- ]?something',
  '(?:20|30|40|50|60)-something',
  'i (?:\\w+ )?(?:tjugo|trettio|fyrtio|femtio|sextio|20|30|40|50|60)-?arsaldern',
  '(?:tjugo|trettio|fyrtio|femtio|sextio)plus',
]);

/** True when the message gives an age only as a range ("kolmekymppinen"). */
export function saysAgeRange(n: Normalized): boolean {
  return RANGE.test(n.folded);
}
