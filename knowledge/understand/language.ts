// Which language a message is written in (cheap: counts of everyday words per language) and
// requests to switch ("in English please", "på svenska", "suomeksi", a bare "English"). The words
// are data: knowledge/data/understanding/language.yaml.
import { LANGS, type Lang } from '../types';
import type { Normalized } from './normalize';
import { alternatives, patternRegex } from './patterns';
import { vocabulary } from './vocabulary';

const vocab = vocabulary.language;

/** Everyday words; a word shared by two languages counts half for each. */
const WORDS: Record<Lang, readonly string[]> = vocab.words;

/** Word → its score for fi, sv and en (in that order): 1 for one language, shared equally otherwise. */
const SCORE = new Map<string, [number, number, number]>();
{
  const langsOf = new Map<string, Set<Lang>>();
  for (const lang of Object.keys(WORDS) as Lang[])
    for (const w of WORDS[lang]) langsOf.set(w, (langsOf.get(w) ?? new Set()).add(lang));
  for (const [w, langs] of langsOf) {
    const share = 1 / langs.size;
    SCORE.set(w, [langs.has('fi') ? share : 0, langs.has('sv') ? share : 0, langs.has('en') ? share : 0]);
  }
}

/** Finnish endings that other languages rarely have on their everyday words. */
const FINNISH_ENDING = new RegExp(`(?:${alternatives(vocab.finnishEndings)})$`);
const SWEDISH_LETTERS = /[åÅ]/;
const FINNISH_LETTERS = /[äöÄÖ]/;

export function detectLanguage(n: Normalized): Lang | undefined {
  let fi = 0;
  let sv = 0;
  let en = 0;
  for (const word of n.words) {
    const s = SCORE.get(word.text);
    if (s) {
      fi += s[0];
      sv += s[1];
      en += s[2];
    } else if (word.text.length > 5 && FINNISH_ENDING.test(word.text)) fi += 0.5;
    // Only a word that folding changed can hold å, ä or ö.
    if (word.raw === word.text) continue;
    if (SWEDISH_LETTERS.test(word.raw)) sv += 0.5;
    else if (FINNISH_LETTERS.test(word.raw)) fi += 0.25;
  }
  // The highest score wins if it is at least 1 and no other language has as much (ties: none).
  const ranked: Array<[Lang, number]> = [
    ['fi', fi],
    ['sv', sv],
    ['en', en],
  ];
  ranked.sort((a, b) => b[1] - a[1]);
  if (ranked[0][1] < 1 || ranked[0][1] === ranked[1][1]) return undefined;
  return ranked[0][0];
}

const REQUESTS: Record<Lang, RegExp> = {
  en: patternRegex(vocab.requests.en),
  fi: patternRegex(vocab.requests.fi),
  sv: patternRegex(vocab.requests.sv),
};
/** A message that is only a language's name asks for that language. */
const BARE = new Map<string, Lang>(LANGS.flatMap((lang) => vocab.bare[lang].map((p): [string, Lang] => [p, lang])));
/** A "please" after the language's name: "English please", "svenska tack". */
const PLEASE = new RegExp(` (?:${alternatives(vocab.please)})$`);

export function findLanguageRequest(n: Normalized): Lang | undefined {
  const bare = BARE.get(n.folded.trim().replace(PLEASE, ''));
  if (bare) return bare;
  for (const lang of ['en', 'sv', 'fi'] as const) if (REQUESTS[lang].test(n.folded)) return lang;
  return undefined;
}
