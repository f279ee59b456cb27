// The person's age: "27", "27 v", "27-vuotias", "olen 27 vuotta", "I'm 27", "27 år", "age: 27",
// number words. A number counts as an age only with a sign that it is one (a unit such as
// "vuotias", a cue such as "olen"/"I'm"/"jag är" right before it, or a bare answer to the age
// question), so that a street number ("Esimerkkikatu 29"), "2 vuotta työttömänä", a phone number,
// a postal code, a year or an identity code is never read as an age. Identity codes are removed
// before this runs. The words are data: knowledge/data/understanding/age.yaml.
import type { Slot, Understanding } from '../types';
import { tokenIndexOf, type Normalized } from './normalize';
import { knownForms } from './municipalityIndex';
import { AMBIGUOUS_UNIT_WORDS, numberWord, numberWords } from './numbers';
import { wordShapeRegex } from './patterns';
import { vocabulary } from './vocabulary';

const vocab = vocabulary.age;

/** After the number: it is an age whatever comes before ("27 v", "27-vuotias", "27 yo"). */
const STRONG_UNIT = wordShapeRegex(vocab.units.strong);
/** After the number: an age only with a cue before or in a short answer ("27 vuotta"). */
const WEAK_UNITS = new Set(vocab.units.weak);
/** Weak units that make an age in a short telegraphic message: "Nyslott 22 år invandrare". */
const TELEGRAPHIC_UNITS = new Set(vocab.units.telegraphic);
/** A following word that confirms an age: "27 years old", "27 år gammal", "27 vuotta vanha". */
const OLD = new Set(vocab.old);
/** Right before the number: "olen 27", "I'm 27", "jag är 27", "age 27", "ikä 27". */
const CUES = new Set(vocab.cues);
/** "ikäni on 52", "my age is 41", "min ålder är 30": a noun, a verb, the number. */
const AGE_NOUNS = new Set(vocab.nouns);
const VERBS = new Set(vocab.verbs);
/** Words that may stand between a cue and the number: "täytin juuri 30", "I'm only 19". */
const BETWEEN = new Set(vocab.between);
/** After the number, these make it a count of something else: "olen 3 lapsen äiti", "27 euroa". */
const COUNTED = wordShapeRegex(vocab.counted);
/** Right before the number: it is not an age ("kello 9", "katu 29", "for 2 years", "i 2 år"). */
const NOT_AGE_BEFORE = wordShapeRegex(vocab.notAgeBefore);
/** Words that make a year count a duration: "bott här 22 år", "worked 22 years", "22 years ago". */
const DURATION = new Set(vocab.duration);
/** Verbs of living: a number after "asun Mikkelissä" may be how long. */
const LIVING = new Set(vocab.living);
/** Digits, with a unit glued on or not: 27, -5, 27v, 27-vuotias, 27år, 27-year-old. */
const DIGITS = new RegExp(`^(-?)(\\d{1,3})(?:-?(${vocab.units.glued.join('|')}))?$`);
/** A number word with the unit glued on: "kaksikymmentäseitsemänvuotias". */
const WORD_WITH_UNIT = new RegExp(`^([a-z]+?)-?(${vocab.units.gluedToWords.join('|')})$`);

export type AgeResult = Pick<Understanding, 'age' | 'ageProblem'>;

interface Candidate {
  value: number;
  negative: boolean;
  start: number;
  length: number;
  /** How sure: 2 unit or cue says age; 1 it is the only number of an answer to the age question. */
  strength: number;
}

/**
 * True when the words from `wordIndex` (`length` of them) stand between sentence marks (or the
 * message's ends): ", 27," or ", 22 år,".
 */
function clauseAlone(n: Normalized, wordIndex: number, length = 1): boolean {
  const t = tokenIndexOf(n, wordIndex);
  if (t < 0) return false;
  const prev = n.tokens[t - 1];
  const next = n.tokens[t + length];
  for (let k = 1; k < length; k++) if (n.tokens[t + k]?.mark !== false) return false;
  return (prev === undefined || prev.mark) && (next === undefined || next.mark);
}

/** True when word `wordIndex` begins a clause: the message's start or a mark comes before it. */
function startsClause(n: Normalized, wordIndex: number): boolean {
  const t = tokenIndexOf(n, wordIndex);
  return t === 0 || (t > 0 && n.tokens[t - 1].mark);
}

/** "and" in the three languages: "24 vuotta ja saan …", "24 år och får …", "24 years and on …". */
const AND = new Set(vocab.and);

/** True when the words from `wordIndex` (`length` of them) end a clause: a mark or the message's end follows. */
function endsClause(n: Normalized, wordIndex: number, length = 1): boolean {
  const t = tokenIndexOf(n, wordIndex);
  if (t < 0) return false;
  const next = n.tokens[t + length];
  return next === undefined || next.mark;
}

/** True when a municipality's name stands right before word `i`: "Mikkeli 45, …", "S:t Michel 45 år, …". */
function afterPlace(words: readonly string[], i: number): boolean {
  // "asun Mikkelissä 20 vuotta", "bott i Nyslott 22 år": after a verb of living, it is how long.
  if (words.slice(0, i).some((w) => DURATION.has(w) || LIVING.has(w))) return false;
  const forms = knownForms();
  return (i >= 1 && forms.has(words[i - 1])) || (i >= 2 && forms.has(`${words[i - 2]} ${words[i - 1]}`));
}

export function judgeAge(value: number, negative: boolean): AgeResult {
  if (negative && value > 0) return { ageProblem: 'negative' };
  if (value < 15) return { ageProblem: 'tooYoung' };
  if (value > 100) return { ageProblem: 'tooOld' };
  return { age: value };
}

export function findAge(n: Normalized, expecting?: Slot): AgeResult {
  const words = n.words.map((w) => w.text);
  const numbers: Array<{
    value: number;
    negative: boolean;
    start: number;
    length: number;
    unit?: string;
    word: boolean;
  }> = [];
  for (let i = 0; i < words.length; i++) {
    // Digits, with a unit glued on or not: 27, -5, 27v, 27-vuotias, 27år, 27-year-old.
    const m = DIGITS.exec(words[i]);
    if (!m) continue;
    // Part of a longer digit group: a phone number such as "040 123 4567" or "0200 123 456".
    if (m[2].length > 1 && m[2].startsWith('0')) continue;
    if (/^\d+$/.test(words[i - 1] ?? '') || /^\d+$/.test(words[i + 1] ?? '')) continue;
    numbers.push({ value: Number(m[2]), negative: m[1] === '-', start: i, length: 1, unit: m[3], word: false });
  }
  for (const w of numberWords(words)) {
    // "en", "one", "sex" are numbers only when they are the whole answer to the age question.
    if (w.length === 1 && AMBIGUOUS_UNIT_WORDS.has(words[w.start]) && (words.length > 1 || expecting !== 'age'))
      continue;
    numbers.push({ value: w.value, negative: false, start: w.start, length: w.length, word: true });
  }
  // A number word with the unit glued on: "kaksikymmentäseitsemänvuotias".
  for (let i = 0; i < words.length; i++) {
    const m = WORD_WITH_UNIT.exec(words[i]);
    const value = m ? numberWord(m[1]) : undefined;
    if (value !== undefined) numbers.push({ value, negative: false, start: i, length: 1, unit: m![2], word: true });
  }
  if (!numbers.length) return {};

  const candidates: Candidate[] = [];
  for (const num of numbers) {
    const before = words[num.start - 1];
    const before2 = words[num.start - 2];
    const after = words[num.start + num.length];
    const after2 = words[num.start + num.length + 1];
    const unit = num.unit ?? after;
    const unitIsSeparate = num.unit === undefined;
    const cue =
      (before !== undefined && CUES.has(before)) ||
      (before !== undefined && VERBS.has(before) && before2 !== undefined && AGE_NOUNS.has(before2)) ||
      (before !== undefined && BETWEEN.has(before) && before2 !== undefined && CUES.has(before2));
    if (unitIsSeparate && after !== undefined && COUNTED.test(after)) continue;
    const plausible = num.value >= 15 && num.value <= 100 && !num.negative;
    const notAgeBefore = before !== undefined && NOT_AGE_BEFORE.test(before);
    let strength = 0;
    if (unit && STRONG_UNIT.test(unit)) strength = 2;
    else if (unit && WEAK_UNITS.has(unit)) {
      const old = OLD.has(unitIsSeparate ? after2 : after);
      if (cue || old || words.length <= 3) strength = 2;
      else if (notAgeBefore) strength = 0;
      // "bor i Nyslott, 22 år, invandrare": a plausible age with its unit as a clause of its own.
      else if (plausible && clauseAlone(n, num.start, num.length + (unitIsSeparate ? 1 : 0))) strength = 2;
      // "S:t Michel 45 år, a-kassa, …": a town, then the age with its unit, as one clause.
      else if (
        plausible &&
        afterPlace(words, num.start) &&
        endsClause(n, num.start, num.length + (unitIsSeparate ? 1 : 0))
      )
        strength = 2;
      // "…, 24 vuotta ja saan työmarkkinatukea", "24 years and on Kela's benefit": the age with its
      // unit opens a clause that goes on with "and" (a duration would follow a verb: "asun … 20 vuotta").
      else if (
        plausible &&
        startsClause(n, num.start) &&
        AND.has(words[num.start + num.length + (unitIsSeparate ? 1 : 0)] ?? '')
      )
        strength = 2;
      // "Nyslott 22 år invandrare": in a short telegraphic message a Swedish or English year count
      // is an age unless something says it is a time ("i 22 år", "for 22 years", "22 years ago").
      // Not Finnish "vuotta": "asun Mikkelissä 20 vuotta" is a duration.
      else if (plausible && words.length <= 6 && TELEGRAPHIC_UNITS.has(unit) && !words.some((w) => DURATION.has(w)))
        strength = 2;
      else if (expecting === 'age') strength = 1;
    } else if (cue) strength = 2;
    else if (words.length === num.length && (expecting === undefined || expecting === 'age'))
      strength = 2; // a bare "27"
    // A telegraphic message ("Mikkeli 45 ansiopäiväraha", "asun Juvalla, 27, työmarkkinatuki"):
    // a plausible age standing on its own counts.
    else if (
      plausible &&
      !notAgeBefore &&
      !num.word &&
      words.length > num.length &&
      (words.length <= 6 || clauseAlone(n, num.start) || (afterPlace(words, num.start) && endsClause(n, num.start)))
    )
      strength = 2;
    else if (expecting === 'age' && !notAgeBefore) strength = 1;
    if (strength > 0)
      candidates.push({ value: num.value, negative: num.negative, start: num.start, length: num.length, strength });
  }
  if (!candidates.length) return {};
  const strongest = Math.max(...candidates.map((c) => c.strength));
  const top = candidates.filter((c) => c.strength === strongest);
  // Two different weakly-supported numbers: do not pick one.
  if (strongest === 1 && new Set(top.map((c) => c.value)).size > 1) return {};
  return judgeAge(top[0].value, top[0].negative);
}
