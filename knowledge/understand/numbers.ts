// Number words up to 99 in Finnish (also spoken forms: kakskyt, seittemän), Swedish and English,
// on folded text: "kaksikymmentäseitsemän" → 27, "twenty-seven" / "twenty seven" → 27, "tjugosju" → 27.
// The words and their values are data: knowledge/data/understanding/numbers.yaml.
import { alternatives } from './patterns';
import { vocabulary } from './vocabulary';

const { fi: FI, sv: SV, en: EN } = vocabulary.numbers;
const FI_UNITS: Readonly<Record<string, number>> = FI.units;
/** Units and the spoken starts of the tens before -kyt: kolkyt, nelkyt, seitkyt. */
const FI_TENS_SHORT: Readonly<Record<string, number>> = { ...FI.units, ...FI.spokenTensStarts };
const EN_UNITS: Readonly<Record<string, number>> = EN.units;
const EN_TEENS: Readonly<Record<string, number>> = EN.teens;
const EN_TENS: Readonly<Record<string, number>> = EN.tens;
const SV_UNITS: Readonly<Record<string, number>> = SV.units;
const SV_TEENS: Readonly<Record<string, number>> = SV.teens;
const SV_TENS: Readonly<Record<string, number>> = SV.tens;

const alt = (words: Readonly<Record<string, number>>) =>
  Object.keys(words)
    .sort((a, b) => b.length - a.length)
    .join('|');

const FI_TEN = new RegExp(`^(?:${alternatives(FI.ten)})$`);
/** Round tens said as "kymppi" (a tenner): "neljäkymppiä" 40, "viiskymppiä" 50 ("täytin neljäkymppiä"). */
const FI_KYMPPI = new RegExp(
  `^(${alt(FI_UNITS)}|${alternatives(FI.roundTensSpokenStarts)})(?:${alternatives(FI.roundTensEndings)})$`,
);
const FI_TEEN = new RegExp(`^(${alt(FI_UNITS)})(?:${alternatives(FI.teenEndings)})$`);
const FI_COMPOUND = new RegExp(
  `^(?:(${alt(FI_UNITS)})(?:${alternatives(FI.tensEndings)})|(${alt(FI_TENS_SHORT)})(?:${alternatives(FI.spokenTensEndings)}))(${alt(FI_UNITS)})?$`,
);
const SV_COMPOUND = new RegExp(`^(${alt(SV_TENS)})(${alt(SV_UNITS)})?$`);

/** Unit words that are also everyday words ("en" = a / I don't, "one", "sex"): a number only alone. */
export const AMBIGUOUS_UNIT_WORDS: ReadonlySet<string> = new Set(vocabulary.numbers.ambiguous);

/** First three letters of every number word: most words are ruled out by one set lookup. */
const PREFIXES = new Set(
  [FI_UNITS, FI_TENS_SHORT, EN_UNITS, EN_TEENS, EN_TENS, SV_UNITS, SV_TEENS, SV_TENS]
    .flatMap((d) => Object.keys(d))
    .concat(FI.ten)
    .map((w) => w.slice(0, 3)),
);

/** The value of one folded word, or undefined. */
export function numberWord(word: string): number | undefined {
  if (!PREFIXES.has(word.slice(0, 3))) return undefined;
  if (FI_UNITS[word] !== undefined) return FI_UNITS[word];
  if (FI_TEN.test(word)) return 10;
  const kymppi = FI_KYMPPI.exec(word);
  if (kymppi) return (FI_UNITS[kymppi[1]] ?? FI_TENS_SHORT[kymppi[1]]) * 10;
  let m = FI_TEEN.exec(word);
  if (m) return 10 + FI_UNITS[m[1]];
  m = FI_COMPOUND.exec(word);
  if (m) return (m[1] ? FI_UNITS[m[1]] : FI_TENS_SHORT[m[2]]) * 10 + (m[3] ? FI_UNITS[m[3]] : 0);
  const en = EN_UNITS[word] ?? EN_TEENS[word] ?? EN_TENS[word];
  if (en !== undefined) return en;
  if (word.includes('-')) {
    const [tens, unit] = word.split('-');
    if (EN_TENS[tens] !== undefined && EN_UNITS[unit] !== undefined) return EN_TENS[tens] + EN_UNITS[unit];
  }
  const sv = SV_UNITS[word] ?? SV_TEENS[word];
  if (sv !== undefined) return sv;
  m = SV_COMPOUND.exec(word);
  if (m) return SV_TENS[m[1]] + (m[2] ? SV_UNITS[m[2]] : 0);
  return undefined;
}

/** True for a tens word that a following unit word may complete ("twenty" "seven"). */
function isBareTens(word: string): boolean {
  if (EN_TENS[word] !== undefined || SV_TENS[word] !== undefined) return true;
  const m = FI_COMPOUND.exec(word);
  return m !== null && m[3] === undefined && !FI_KYMPPI.test(word);
}

export interface NumberAt {
  value: number;
  /** Word index of the first word and how many words it took. */
  start: number;
  length: number;
  /** Written as a word, not digits. */
  word: boolean;
}

/** Reads number words in a list of folded words, joining "twenty seven" and "kaksikymmentä seitsemän". */
export function numberWords(words: readonly string[]): NumberAt[] {
  const out: NumberAt[] = [];
  for (let i = 0; i < words.length; i++) {
    const value = numberWord(words[i]);
    if (value === undefined) continue;
    const next = words[i + 1] !== undefined ? numberWord(words[i + 1]) : undefined;
    if (isBareTens(words[i]) && next !== undefined && next < 10) {
      out.push({ value: value + next, start: i, length: 2, word: true });
      i++;
    } else out.push({ value, start: i, length: 1, word: true });
  }
  return out;
}
