// The kinds of entry the vocabulary (knowledge/data/understanding/*.yaml) is made of, checked by
// zod when it loads: a folded word, a phrase, a phrase pattern, a phrase with a placeholder, word
// shapes, and lists of them without repeats. A fault names the entry and says how to write it.
import { z } from 'zod';
import { foldName } from '../municipalities';

/** Written as the guide compares text: lower case, no ä, ö or å. */
const folded = z.string().superRefine((s, ctx) => {
  if (/\P{ASCII}/u.test(s))
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      message: `"${s}" has letters the folded text never has: write it folded ("${foldName(s)}")`,
    });
  else if (s !== s.toLowerCase())
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: `"${s}" has capitals: write it in lower case` });
});

/** One word, as a message's word reads folded: "kotikunta", "don't", "s:t". */
export const word = folded.pipe(z.string().regex(/^\S+$/, 'expected one word (no spaces)'));

/** Words separated by single spaces: "ei mitaan", "the fund". */
export const phrase = folded.pipe(z.string().regex(/^\S+(?: \S+)*$/, 'expected words separated by single spaces'));

/** How many capturing groups a regex source has (or -1 when it does not compile). */
function groupCount(source: string): number {
  try {
    return new RegExp(`${source}|`).exec('')!.length - 1;
  } catch {
    return -1;
  }
}

/** A phrase pattern: words, and regex where the wording varies ("tyomarkkinatu\\w*", "(?:i'm|im|i am)"). */
export const pattern = folded.superRefine((s, ctx) => {
  const groups = s.trim() === '' ? -1 : groupCount(s);
  if (groups < 0) ctx.addIssue({ code: z.ZodIssueCode.custom, message: `"${s}" is no valid pattern` });
  else if (groups > 0)
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: `"${s}" captures: write each group as (?:…)` });
});

/** A phrase pattern with one `{placeholder}` where the word the guide reads stands: "jag talar {language} hemma". */
export const withPlaceholder = (name: string) =>
  folded.superRefine((s, ctx) => {
    const parts = s.split(`{${name}}`);
    if (parts.length !== 2)
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: `"${s}" needs {${name}} exactly once` });
    else if (groupCount(parts.join('x')) !== 0)
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: `"${s}" is no valid pattern, or captures: use (?:…)` });
  });

/** A list of at least one entry, none twice. */
export function listOf<T extends z.ZodTypeAny>(item: T) {
  return z
    .array(item)
    .min(1)
    .superRefine((list, ctx) => {
      const seen = new Set<unknown>();
      list.forEach((entry, i) => {
        if (seen.has(entry))
          ctx.addIssue({ code: z.ZodIssueCode.custom, path: [i], message: `"${String(entry)}" is listed twice` });
        seen.add(entry);
      });
    });
}

export const words = listOf(word);
export const phrases = listOf(phrase);
export const patterns = listOf(pattern);

/** Which words a list means: these words, or any word that starts with, ends with or contains one of these. */
export const wordShapes = z
  .object({ words: words.optional(), starts: words.optional(), ends: words.optional(), contains: words.optional() })
  .strict()
  .refine((s) => Object.keys(s).length > 0, 'expected words, starts, ends or contains');

/** Folded word → a value: "enka: en", "kolme: 3". */
export const wordMap = <V extends z.ZodTypeAny>(value: V) => z.record(word, value);
