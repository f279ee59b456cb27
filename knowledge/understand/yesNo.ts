// Yes or no, in fi/sv/en, as a short answer ("joo", "nej", "yes please") or leading a sentence
// ("Kyllä, olen 27"). Finnish "no" is a filler ("no joo" = yes), so "no" means no only alone,
// before a mark, or before another no-word; "en tiedä" is no "no" at all. The words are data:
// knowledge/data/understanding/yesNo.yaml.
import type { Normalized } from './normalize';
import { patternRegex } from './patterns';
import { vocabulary } from './vocabulary';

const vocab = vocabulary.yesNo;
const YES = new Set(vocab.yes);
/** Yes-words that say yes only alone: "olen 27" is no yes. */
const YES_ONLY_ALONE = new Set(vocab.yesOnlyAlone);
const NO = new Set(vocab.no);
/** Finnish "no" is a filler: it says no only alone, before a mark or before another no-word. */
const FILLERS = new Set(vocab.fillers);
/** After a filler "no", these make a short answer a no: "no thanks", "no I'm not". */
const NO_FOLLOWERS = new Set(vocab.noFollowers);
const YES_PHRASES = vocab.yesPhrases;
/** Yes-phrases that say yes only as the whole answer: "I am" leads many a sentence. */
const YES_PHRASES_NOT_LEADING = new Set(vocab.yesPhrasesNotLeading);
const NO_PHRASES = vocab.noPhrases;
/**
 * After "en"/"ei" these make it something else than a no ("en tiedä", "ei hajua"); a benefit word
 * makes it the benefit answer "none" ("ei etuutta"), which benefit.ts reads.
 */
const NOT_AN_ANSWER = new Set(vocab.notAnAnswer);

/** "en ole varma", "vet inte", "not sure": an answer, but neither yes nor no. */
const DONT_KNOW = patternRegex(vocab.dontKnow);

export function findYesNo(n: Normalized): boolean | undefined {
  const words = n.words.map((w) => w.text);
  if (!words.length || DONT_KNOW.test(n.folded)) return undefined;
  const first = words[0];
  const second = words[1];
  const firstIsWholeClause = words.length === 1 || n.tokens[1]?.mark === true;
  const short = words.length <= 4;
  const text = words.join(' ');
  for (const p of NO_PHRASES)
    if (text === p || text.startsWith(`${p} `)) return short || n.tokens.some((t) => t.mark) ? false : undefined;
  for (const p of YES_PHRASES)
    if (text === p || (short && text.startsWith(`${p} `) && !YES_PHRASES_NOT_LEADING.has(p))) return true;
  if (FILLERS.has(first) && second !== undefined && YES.has(second)) return true; // "no joo"
  if (NO.has(first)) {
    if (second !== undefined && NOT_AN_ANSWER.has(second)) return undefined;
    if (FILLERS.has(first) && !firstIsWholeClause && !(second !== undefined && NO.has(second)))
      return short && NO_FOLLOWERS.has(second ?? '') ? false : undefined;
    if (firstIsWholeClause || short) return false;
    return undefined;
  }
  if (YES.has(first) && (firstIsWholeClause || short)) {
    // "olen", "on" answer yes only alone: "olen 27" is no yes.
    if (YES_ONLY_ALONE.has(first) && words.length > 1 && !firstIsWholeClause) return undefined;
    return true;
  }
  return undefined;
}
