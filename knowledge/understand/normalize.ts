// One pass over a message that every other concern reads: lower case, diacritics folded
// (people often type "Mantyharju" for "Mäntyharju"), words split on spaces and punctuation.
// Hyphens, apostrophes and "s:t" stay inside words; the sentence marks , . ; ! ? stay as their own
// tokens so that "ei, saan tukea" keeps its "ei" apart from what follows.
import { foldName } from '../municipalities';

export interface Token {
  /** Folded: lower case, no diacritics. */
  text: string;
  /** As written. */
  raw: string;
  /** A sentence mark (, . ; ! ?) rather than a word. */
  mark: boolean;
}

export interface Normalized {
  raw: string;
  tokens: Token[];
  /** The word tokens (no marks). */
  words: Token[];
  /** Folded words joined by one space, with a space before and after: " olen 27 ja saan tukea ". */
  folded: string;
  /** Folded tokens, marks included, joined by one space, padded: for phrases that must not cross a mark. */
  foldedWithMarks: string;
}

export const fold = foldName;

// A character that separates words. Kept inside words: letters, digits, - ' : (and . / between digits).
const SPLIT = /[\s"“”„«»()[\]{}<>*_=|~^`´#@&%$€£\\]+/u;

export function normalize(text: string): Normalized {
  const raw = text.normalize('NFC');
  const prepared = raw
    .replace(/[’‘`]/g, "'")
    .replace(/[‐‑‒–—−]/g, '-')
    // Sentence marks become their own tokens, except a dot or slash between digits (17.2.2021, 1/2).
    .replace(/(\d)[.,/](?=\d)/g, '$1\u0001')
    .replace(/([,;!?]|\.(?!\d))/g, ' $1 ')
    .replace(/\u0001/g, '.')
    // A colon belongs to a word only between letters (s:t, ytk:sta); "age: 27" loses it.
    .replace(/:(?![\p{L}])|(?<![\p{L}]):/gu, ' ');
  const tokens: Token[] = [];
  for (const piece of prepared.split(SPLIT)) {
    if (!piece) continue;
    if (/^[,.;!?]$/.test(piece)) {
      tokens.push({ text: piece, raw: piece, mark: true });
      continue;
    }
    // Strip quotes and stray hyphens at the edges; keep a minus directly before a digit.
    const trimmed = piece.replace(/^['-]+(?!\d)|['-]+$/g, '').replace(/^'+/, '');
    if (!trimmed) continue;
    tokens.push({ text: fold(trimmed), raw: trimmed, mark: false });
  }
  const words = tokens.filter((t) => !t.mark);
  return {
    raw,
    tokens,
    words,
    folded: ` ${words.map((t) => t.text).join(' ')} `,
    foldedWithMarks: ` ${tokens.map((t) => t.text).join(' ')} `,
  };
}

/** Compiles a list of folded phrases into one regex that matches any of them as whole words. */
export function phraseRegex(phrases: readonly string[], flags = ''): RegExp {
  const alternatives = [...phrases].sort((a, b) => b.length - a.length).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`(?<=[ ])(?:${alternatives.join('|')})(?=[ ])`, flags);
}

/** Like phraseRegex, but each entry is a regex source (for stems such as "tyomarkkinatu\\w*"). */
export function patternRegex(patterns: readonly string[], flags = ''): RegExp {
  return new RegExp(`(?<=[ ])(?:${patterns.join('|')})(?=[ ])`, flags);
}

/** The index of the word (in `words`) that starts at a character position of `folded`. */
export function wordIndexAt(folded: string, position: number): number {
  let spaces = 0;
  for (let i = 1; i < position && i < folded.length; i++) if (folded.charCodeAt(i) === 32) spaces++;
  return spaces;
}
