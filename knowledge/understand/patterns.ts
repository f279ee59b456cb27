// Turns the vocabulary's lists (knowledge/data/understanding) into the regular expressions the
// engine runs: phrase patterns matched as whole words of the folded text, word shapes (a word
// that is, starts with, ends with or contains one of some strings) and phrases with one captured
// word. Each list becomes one expression when its module loads, so a message costs one run per list.

// The match starts with the space before the phrase (a literal the regex engine finds fast; a
// lookbehind would be tried at every position): a match's word starts at index + 1.

/**
 * Compiles regex sources of folded phrases (stems such as "tyomarkkinatu\\w*" allowed) into one
 * regex that matches any of them as whole words of `Normalized.folded`. The text is folded (no ä,
 * ö, å), so a pattern written with them could never match: that is refused here, and by the
 * vocabulary's loader, which names the entry.
 */
export function patternRegex(patterns: readonly string[], flags = ''): RegExp {
  const unfolded = patterns.find((p) => /\P{ASCII}/u.test(p));
  if (unfolded !== undefined)
    throw new Error(`pattern "${unfolded}" has letters the folded text never has: write it folded`);
  return new RegExp(` (?:${patterns.join('|')})(?= )`, flags);
}

/** A literal string as regex source: "s.t" → "s\\.t". */
export const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Literal strings as alternatives of a regex: `a|b\\.c`. */
export function alternatives(list: readonly string[]): string {
  return list.map(escapeRegex).join('|');
}

/** Which words a list means: these words, or any word that starts with, ends with or contains one of these. */
export interface WordShapes {
  words?: readonly string[];
  starts?: readonly string[];
  ends?: readonly string[];
  contains?: readonly string[];
}

/** One regex that a single folded word matches when it has one of the shapes. */
export function wordShapeRegex(shapes: WordShapes): RegExp {
  const parts: string[] = [];
  if (shapes.words?.length) parts.push(`^(?:${alternatives(shapes.words)})$`);
  if (shapes.starts?.length) parts.push(`^(?:${alternatives(shapes.starts)})`);
  if (shapes.ends?.length) parts.push(`(?:${alternatives(shapes.ends)})$`);
  if (shapes.contains?.length) parts.push(`(?:${alternatives(shapes.contains)})`);
  return new RegExp(parts.join('|'));
}

/**
 * Phrases with one placeholder, such as "jag talar {language} hemma", as one regex over the folded
 * text whose groups capture the placeholder's word (`group` is its regex, e.g. "([a-z]+)"). The
 * caller reads the first group that matched ({@link captured}).
 */
export function captureRegex(phrases: readonly string[], placeholder: string, group: string, flags = ''): RegExp {
  const marker = `{${placeholder}}`;
  return new RegExp(` (?:${phrases.map((p) => p.split(marker).join(group)).join('|')})`, flags);
}

/** The word a {@link captureRegex} captured: its first group that took part in the match. */
export function captured(m: RegExpExecArray | null): string | undefined {
  if (!m) return undefined;
  for (let i = 1; i < m.length; i++) if (m[i] !== undefined) return m[i];
  return undefined;
}
