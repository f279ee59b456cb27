// One pass over a message that every other concern reads: lower case, diacritics folded
// (people often type "Mantyharju" for "Mäntyharju"), words split on spaces and punctuation.
// Hyphens, apostrophes and "s:t" stay inside words; the sentence marks , . ; ! ? stay as their own
// tokens so that "ei, saan tukea" keeps its "ei" apart from what follows.
import { foldName } from '../municipalities';
import { vocabulary } from './vocabulary';

export interface Token {
  /** Folded: lower case, no diacritics. */
  text: string;
  /** As written. */
  raw: string;
  /** A sentence mark (, . ; ! ?) rather than a word. */
  mark: boolean;
}

export interface Normalized {
  tokens: Token[];
  /** The word tokens (no marks). */
  words: Token[];
  /** Folded words joined by one space, with a space before and after: " olen 27 ja saan tukea ". */
  folded: string;
}

export const fold = foldName;

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const isLetter = (c: string | undefined) => c !== undefined && c.toLowerCase() !== c.toUpperCase();
/** Characters that separate words (besides white space). */
const SEPARATORS = new Set([...'"“”„«»()[]{}<>*_=|~^´#@&%$€£\\+']);
const APOSTROPHES = new Set([...'’‘`']);
const DASHES = new Set([...'‐‑‒–—−']);
const EMOJI = /^\p{Extended_Pictographic}$/u;
/**
 * Finnish joins "and" to a denial ("enkä ole maahanmuuttaja" = "and I am not an immigrant"):
 * read as the plain denial, so every pattern written with "en", "ei" … sees it too.
 */
const CLITIC_DENIALS: Readonly<Record<string, string>> = vocabulary.lexicon.clitics;

// One pass over the characters: cheaper than a chain of regular expressions, which matters
// because every message goes through here.
export function normalize(text: string): Normalized {
  const raw = /[\u0300-\u036f]/.test(text) ? text.normalize('NFC') : text;
  const tokens: Token[] = [];
  let word = '';
  const flush = () => {
    // Strip quotes and stray hyphens at the edges; keep a minus directly before a digit.
    let start = 0;
    let end = word.length;
    while (start < end && (word[start] === "'" || (word[start] === '-' && !isDigit(word[start + 1])))) start++;
    while (end > start && (word[end - 1] === "'" || word[end - 1] === '-')) end--;
    if (end > start) {
      const trimmed = word.slice(start, end);
      const folded = fold(trimmed);
      tokens.push({ text: CLITIC_DENIALS[folded] ?? folded, raw: trimmed, mark: false });
    }
    word = '';
  };
  for (let i = 0; i < raw.length; i++) {
    // Most characters are plain letters or digits: straight into the word, no further tests.
    const code = raw.charCodeAt(i);
    if (
      (code >= 97 && code <= 122) ||
      (code >= 65 && code <= 90) ||
      (code >= 48 && code <= 57) ||
      code === 0xe4 ||
      code === 0xf6 ||
      code === 0xe5 ||
      code === 0xc4 ||
      code === 0xd6 ||
      code === 0xc5
    ) {
      word += raw[i];
      continue;
    }
    if (code === 32) {
      flush();
      continue;
    }
    let c = raw[i];
    // An emoji ends a clause as a full stop would ("bor i Kristina 😊 26 år"); a joiner or a
    // variation selector is part of it.
    const pair = code >= 0xd800 && code <= 0xdbff ? raw.slice(i, i + 2) : c;
    if (EMOJI.test(pair)) {
      flush();
      if (tokens.length && !tokens[tokens.length - 1].mark) tokens.push({ text: '.', raw: pair, mark: true });
      i += pair.length - 1;
      continue;
    }
    if (code === 0x200d || code === 0xfe0f) {
      flush();
      continue;
    }
    if (
      c === ' ' ||
      c === '\n' ||
      c === '\t' ||
      c === '\r' ||
      c === '\u00a0' ||
      SEPARATORS.has(c) ||
      (c.trim() === '' && c !== '')
    ) {
      flush();
      continue;
    }
    if (APOSTROPHES.has(c)) c = "'";
    else if (DASHES.has(c)) c = '-';
    if (c === ',' || c === ';' || c === '!' || c === '?' || c === '.' || c === '/') {
      // Between digits a dot, comma or slash belongs to the number (1.2.2020, 2,5, 1/2).
      if (c !== ';' && c !== '!' && c !== '?' && isDigit(raw[i - 1]) && isDigit(raw[i + 1])) {
        word += c;
        continue;
      }
      flush();
      if (c !== '/') tokens.push({ text: c, raw: c, mark: true });
      continue;
    }
    // A colon belongs to a word only between letters (s:t, ytk:sta); "age: 27" loses it.
    if (c === ':' && !(isLetter(raw[i - 1]) && isLetter(raw[i + 1]))) {
      flush();
      continue;
    }
    word += c;
  }
  flush();
  const words = tokens.filter((t) => !t.mark);
  return { tokens, words, folded: ` ${words.map((t) => t.text).join(' ')} ` };
}

/** The index in `tokens` (which keeps the sentence marks) of the word `words[wordIndex]`, or -1. */
export function tokenIndexOf(n: Normalized, wordIndex: number): number {
  for (let t = 0, w = -1; t < n.tokens.length; t++) if (!n.tokens[t].mark && ++w === wordIndex) return t;
  return -1;
}

/** The index of the word (in `words`) that starts at a character position of `folded`. */
export function wordIndexAt(folded: string, position: number): number {
  let spaces = 0;
  for (let i = 1; i < position && i < folded.length; i++) if (folded.charCodeAt(i) === 32) spaces++;
  return spaces;
}
