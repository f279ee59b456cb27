// Number words up to 99 in Finnish (also spoken forms: kakskyt, seittemän), Swedish and English,
// on folded text: "kaksikymmentäseitsemän" → 27, "twenty-seven" / "twenty seven" → 27, "tjugosju" → 27.

const FI_UNITS: Record<string, number> = {
  yksi: 1,
  yks: 1,
  kaksi: 2,
  kaks: 2,
  kolme: 3,
  nelja: 4,
  viisi: 5,
  viis: 5,
  kuusi: 6,
  kuus: 6,
  seitseman: 7,
  seitteman: 7,
  kahdeksan: 8,
  kaheksan: 8,
  yhdeksan: 9,
  yheksan: 9,
};
/** Spoken tens before -kyt: kolkyt, nelkyt, seitkyt. */
const FI_TENS_SHORT: Record<string, number> = { ...FI_UNITS, kol: 3, nel: 4, seit: 7, kahek: 8, yhek: 9 };

const EN_UNITS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
};
const EN_TEENS: Record<string, number> = {
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const EN_TENS: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fourty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};

const SV_UNITS: Record<string, number> = {
  en: 1,
  ett: 1,
  tva: 2,
  tre: 3,
  fyra: 4,
  fem: 5,
  sex: 6,
  sju: 7,
  atta: 8,
  nio: 9,
};
const SV_TEENS: Record<string, number> = {
  tio: 10,
  elva: 11,
  tolv: 12,
  tretton: 13,
  fjorton: 14,
  femton: 15,
  sexton: 16,
  sjutton: 17,
  arton: 18,
  aderton: 18,
  nitton: 19,
};
const SV_TENS: Record<string, number> = {
  tjugo: 20,
  tjugu: 20,
  trettio: 30,
  tretti: 30,
  fyrtio: 40,
  fyrti: 40,
  fortio: 40,
  femtio: 50,
  femti: 50,
  sextio: 60,
  sexti: 60,
  sjuttio: 70,
  sjutti: 70,
  attio: 80,
  atti: 80,
  nittio: 90,
  nitti: 90,
};

const alt = (words: Record<string, number>) =>
  Object.keys(words)
    .sort((a, b) => b.length - a.length)
    .join('|');

const FI_TEN = /^(?:kymmenen|kymppi)$/;
/** Round tens said as "kymppi" (a tenner): "neljäkymppiä" 40, "viiskymppiä" 50 ("täytin neljäkymppiä"). */
const FI_KYMPPI = new RegExp(`^(${alt(FI_UNITS)}|nel)kymppi(?:a)?$`);
const FI_TEEN = new RegExp(`^(${alt(FI_UNITS)})(?:toista|toist)$`);
const FI_COMPOUND = new RegExp(`^(?:(${alt(FI_UNITS)})kymmenta|(${alt(FI_TENS_SHORT)})kyt)(${alt(FI_UNITS)})?$`);
const SV_COMPOUND = new RegExp(`^(${alt(SV_TENS)})(${alt(SV_UNITS)})?$`);

/** Unit words that are also everyday words ("en" = a / I don't, "one", "sex"): a number only alone. */
export const AMBIGUOUS_UNIT_WORDS = new Set(['en', 'ett', 'one', 'sex', 'yks', 'tre', 'fem']);

/** First three letters of every number word: most words are ruled out by one set lookup. */
const PREFIXES = new Set(
  [
    FI_UNITS,
    FI_TENS_SHORT,
    EN_UNITS,
    EN_TEENS,
    EN_TENS,
    SV_UNITS,
    SV_TEENS,
    SV_TENS,
    { kymmenen: 10, kymppi: 10 },
  ].flatMap((d) => Object.keys(d).map((w) => w.slice(0, 3))),
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
