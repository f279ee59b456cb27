// The unemployment benefit the person receives, in fi/sv/en, on folded text.
//
// Kela (FPA in Swedish) pays both the labour market subsidy and the basic allowance; an
// unemployment fund pays the earnings-related allowance. A message that names only Kela/FPA
// ("saan Kelasta", "from Kela") is read as the labour market subsidy: it is by far the commoner
// Kela benefit, and for the routing rules the two Kela benefits lead to the same place (only the
// earnings-related allowance can change the answer). A named benefit always wins over "Kela".
// A negated mention ("en saa ansiopäivärahaa") does not count. The words are data:
// knowledge/data/understanding/benefit.yaml.
import { facts } from '../facts';
import { foldName } from '../municipalities';
import { LANGS, type Benefit, type Slot } from '../types';
import { NEGATION_WORDS } from './lexicon';
import { osaDistance } from './distance';
import { tokenIndexOf, wordIndexAt, type Normalized } from './normalize';
import { escapeRegex, patternRegex } from './patterns';
import { vocabulary } from './vocabulary';

/** The benefit's own names from the knowledge (the bot's questions and buttons use them), folded. */
const namesOf = (kind: Benefit): string[] =>
  LANGS.map((lang) => escapeRegex(foldName(facts.benefits[kind].name[lang])));

const vocab = vocabulary.benefit;

/** The patterns of each benefit, the benefit's own names first. */
const PATTERNS: Record<Benefit | 'kela', readonly string[]> = {
  earningsRelated: [...namesOf('earningsRelated'), ...vocab.patterns.earningsRelated],
  labourMarketSubsidy: [...namesOf('labourMarketSubsidy'), ...vocab.patterns.labourMarketSubsidy],
  basicAllowance: [...namesOf('basicAllowance'), ...vocab.patterns.basicAllowance],
  kela: vocab.patterns.kela,
  none: [...namesOf('none'), ...vocab.patterns.none],
};

/** A "don't know" answer; it means the benefit only when asked about it or near a benefit word. */
const DONT_KNOW = patternRegex(vocab.dontKnow);
const BENEFIT_CONTEXT = patternRegex(vocab.context);
/** Whole answers that mean "none" when the bot has just asked about the benefit. */
const NONE_WHEN_ASKED = new Set(vocab.noneWhenAsked);
/** Words of a "no, nothing" answer to the benefit question: "nej inget", "no nothing at all". */
const NONE_WORDS = new Set(vocab.noneWords);
/** The fund or the union named alone, as the answer to the benefit question. */
const FUND_WHEN_ASKED = new Set(vocab.fundWhenAsked);
/** Negations, plus what negates a benefit in particular ("ilman", "no longer"). */
const NEGATIONS = new Set([...NEGATION_WORDS, ...vocab.negations]);

const REGEXES = Object.fromEntries(Object.entries(PATTERNS).map(([k, list]) => [k, patternRegex(list, 'g')])) as Record<
  Benefit | 'kela',
  RegExp
>;
const KINDS: Array<Benefit | 'kela'> = ['earningsRelated', 'labourMarketSubsidy', 'basicAllowance', 'kela'];

/** True when one of the three words before word `i` (up to a sentence mark) negates it. */
function negated(n: Normalized, wordIndex: number): boolean {
  // The token list keeps the sentence marks.
  const found = tokenIndexOf(n, wordIndex);
  const t = found < 0 ? n.tokens.length : found;
  for (let k = t - 1; k >= 0 && k >= t - 3; k--) {
    if (n.tokens[k].mark) return false;
    if (NEGATIONS.has(n.tokens[k].text)) return true;
  }
  return false;
}

/** The long benefit names, for a typo search when nothing matched exactly: "ansiopäiväraahaa", "peruspäiväraaha". */
const TYPO_STEMS: Array<[string, Benefit]> = Object.entries(vocab.misspelt).flatMap(([kind, stems]) =>
  stems.map((stem): [string, Benefit] => [stem, kind as Benefit]),
);

/** A misspelt benefit name: the word's start within one edit (two for the longest names) of a stem. */
function misspeltBenefit(n: Normalized): Benefit | undefined {
  const found = new Set<Benefit>();
  n.words.forEach((w, i) => {
    if (w.text.length < 10) return;
    for (const [stem, kind] of TYPO_STEMS) {
      const allowance = stem.length >= 15 ? 2 : 1;
      for (let len = stem.length - allowance; len <= stem.length + allowance; len++) {
        if (osaDistance(w.text.slice(0, len), stem, allowance) <= allowance && !negated(n, i)) {
          found.add(kind);
          break;
        }
      }
    }
  });
  return found.size === 1 ? [...found][0] : undefined;
}

export function findBenefit(n: Normalized, expecting?: Slot): Benefit | 'unknown' | undefined {
  const text = n.folded;
  const trimmed = text.trim();
  const found = new Set<Benefit | 'kela'>();
  let anyMention = false;
  for (const kind of KINDS) {
    const re = REGEXES[kind];
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      anyMention = true;
      if (!negated(n, wordIndexAt(text, m.index + 1))) found.add(kind);
    }
  }
  const dontKnow = DONT_KNOW.test(text);
  const named = [...found].filter((k) => k !== 'kela') as Benefit[];
  if (named.length === 1 && !dontKnow) return named[0];
  if (named.length > 1 || (named.length === 1 && dontKnow)) return dontKnow ? 'unknown' : undefined;
  if (found.has('kela') && !dontKnow) return 'labourMarketSubsidy';
  REGEXES.none.lastIndex = 0;
  if (REGEXES.none.test(text)) return 'none';
  if (dontKnow && (expecting === 'benefit' || anyMention || BENEFIT_CONTEXT.test(text))) return 'unknown';
  if (expecting === 'benefit' && NONE_WHEN_ASKED.has(trimmed)) return 'none';
  if (expecting === 'benefit' && n.words.length <= 4 && n.words.every((w) => NONE_WORDS.has(w.text))) return 'none';
  if (expecting === 'benefit' && FUND_WHEN_ASKED.has(trimmed)) return 'earningsRelated';
  return anyMention ? undefined : misspeltBenefit(n);
}
