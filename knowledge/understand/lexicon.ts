// Words that are never taken for a municipality, even misspelt: the everyday words of the three
// languages (a typo search on "halua" must not find Halsua) and places abroad (countries and big
// cities, with their Finnish forms) which are places, but no municipality of Finland. The words
// are data: knowledge/data/understanding/lexicon.yaml.
import { wordForms } from './finnishForms';
import { vocabulary } from './vocabulary';

const { lexicon } = vocabulary;

/**
 * Names of municipalities (today's or former) that are also given names: "jag heter Kristina",
 * "olen Kaarina" name a person, so a capital alone does not make them a place.
 */
export const GIVEN_NAMES: ReadonlySet<string> = new Set(lexicon.givenNames);

/** Words that negate what follows, in Finnish, Swedish and English (folded). */
export const NEGATION_WORDS: readonly string[] = lexicon.negations;

/** Everyday words of Finnish, Swedish and English (folded). */
export const EVERYDAY_WORDS: ReadonlySet<string> = new Set(Object.values(lexicon.everyday).flat());

/** Every form of the places abroad: "Ruotsissa", "Tukholmasta", "Stockholm". */
export const ABROAD: ReadonlySet<string> = (() => {
  const out = new Set<string>();
  for (const name of lexicon.abroad.fi) {
    out.add(name);
    for (const list of Object.values(wordForms(name))) for (const form of list ?? []) out.add(form);
  }
  for (const name of lexicon.abroad.other) out.add(name);
  return out;
})();
