// The kinds of entry the vocabulary (knowledge/data/understanding/*.yaml) is made of, checked by
// zod when it loads: a folded word, a phrase, a phrase pattern, a phrase with a placeholder, word
// shapes, and lists of them without repeats. A fault names the entry and says how to write it.
// Each list is checked in one pass (a zod pipeline per entry would cost more than the rest of the
// core's start).
import { z } from 'zod';
import { foldName } from '../municipalities';

/** Checks one entry: the fault's message, or undefined. */
type Check = (s: string) => string | undefined;

const NON_ASCII = /\P{ASCII}/u;

/** Written as the guide compares text: lower case, no ä, ö or å. */
const folded: Check = (s) => {
  if (NON_ASCII.test(s)) return `"${s}" has letters the folded text never has: write it folded ("${foldName(s)}")`;
  if (s !== s.toLowerCase()) return `"${s}" has capitals: write it in lower case`;
  return undefined;
};

/** One word, as a message's word reads folded: "kotikunta", "don't", "s:t". */
const oneWord: Check = (s) => folded(s) ?? (/^\S+$/.test(s) ? undefined : `"${s}": expected one word (no spaces)`);

/** Words separated by single spaces: "ei mitaan", "the fund". */
const onePhrase: Check = (s) =>
  folded(s) ?? (/^\S+(?: \S+)*$/.test(s) ? undefined : `"${s}": expected words separated by single spaces`);

/** How many capturing groups a regex source has (or -1 when it does not compile). */
function groupCount(source: string): number {
  try {
    return new RegExp(`${source}|`).exec('')!.length - 1;
  } catch {
    return -1;
  }
}

/** A phrase pattern: words, and regex where the wording varies ("tyomarkkinatu\\w*", "(?:i'm|im|i am)"). */
const onePattern: Check = (s) => {
  const fault = folded(s);
  if (fault) return fault;
  const groups = s.trim() === '' ? -1 : groupCount(s);
  if (groups < 0) return `"${s}" is no valid pattern`;
  if (groups > 0) return `"${s}" captures: write each group as (?:…)`;
  return undefined;
};

/** A phrase pattern with one `{placeholder}` where the word the guide reads stands: "jag talar {language} hemma". */
const placeholderIn =
  (name: string): Check =>
  (s) => {
    const fault = folded(s);
    if (fault) return fault;
    const parts = s.split(`{${name}}`);
    if (parts.length !== 2) return `"${s}" needs {${name}} exactly once`;
    if (groupCount(parts.join('x')) !== 0) return `"${s}" is no valid pattern, or captures: use (?:…)`;
    return undefined;
  };

/** A list of at least one entry that passes `check`, none twice. */
function listOf(check: Check) {
  return z
    .array(z.string())
    .min(1)
    .superRefine((list, ctx) => {
      const seen = new Set<string>();
      list.forEach((entry, i) => {
        const fault = check(entry) ?? (seen.has(entry) ? `"${entry}" is listed twice` : undefined);
        if (fault) ctx.addIssue({ code: z.ZodIssueCode.custom, path: [i], message: fault });
        seen.add(entry);
      });
    });
}

/** One entry that passes `check`. */
const single = (check: Check) =>
  z.string().superRefine((s, ctx) => {
    const fault = check(s);
    if (fault) ctx.addIssue({ code: z.ZodIssueCode.custom, message: fault });
  });

export const word = single(oneWord);
export const words = listOf(oneWord);
export const phrases = listOf(onePhrase);
export const patterns = listOf(onePattern);
export const withPlaceholder = (name: string) => listOf(placeholderIn(name));

/** Which words a list means: these words, or any word that starts with, ends with or contains one of these. */
export const wordShapes = z
  .object({ words: words.optional(), starts: words.optional(), ends: words.optional(), contains: words.optional() })
  .strict()
  .refine((s) => Object.keys(s).length > 0, 'expected words, starts, ends or contains');

/** Folded word → a value: "enka: en", "kolme: 3". */
export const wordMap = <V extends z.ZodTypeAny>(value: V) => z.record(word, value);
