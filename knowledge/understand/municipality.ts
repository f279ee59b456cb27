// Finds the home municipality in a message: every name form of every municipality of 2021
// (Finnish, Swedish, other names, and the Finnish inflected forms the generator makes) is in one
// lookup (municipalityIndex.ts), so a message costs a few lookups. Typos fall back to an edit
// distance over the names and their main cases that start with the same letter; everyday words
// never count as typos. A place-like word after "asun", "I live in", "jag bor i" that is no
// municipality is reported as unknown; two different municipalities as ambiguous. The words around
// a name (cues, denials, moving) are read by placeWords.ts.
import type { FormerName, MunicipalityMatch, Slot } from '../types';
import { GIVEN_NAMES } from './lexicon';
import { COMMON_WORD_IDS, defaultIndex, fuzzyLookup, type FuzzyResult, type Index } from './municipalityIndex';
import type { Normalized } from './normalize';
import {
  afterCue,
  deniedPlace,
  GIVEN_NAME_CUES,
  HOME_CUES,
  isCapitalised,
  isNameLike,
  mayBeName,
  movedTo,
  pastPlace,
  STREET,
  TYPO_CUES,
  unknownAfterCue,
} from './placeWords';

/** A long message of capitalised words must not cost a typo search per word. */
const MAX_TYPO_TRIES = 12;

/** How many edits a word of this length may carry and still be taken for a name (one more in an answer to the municipality question). */
export function typoAllowance(length: number, answering: boolean): number {
  if (answering) return length < 4 ? 0 : length <= 7 ? 1 : length <= 12 ? 2 : 3;
  return length < 5 ? 0 : length <= 11 ? 1 : 2;
}

function matchOf(id: string, fuzzy: boolean, formerById: ReadonlyMap<string, FormerName>): MunicipalityMatch {
  const former = formerById.get(id);
  return former ? { kind: 'match', id, fuzzy, former } : { kind: 'match', id, fuzzy };
}

/**
 * The municipality a message names, if any; `expecting` "municipality" reads a lone word more
 * loosely. `index` is the lookup (a test may build its own).
 */
export function findMunicipality(
  n: Normalized,
  expecting?: Slot,
  index: Index = defaultIndex,
): MunicipalityMatch | undefined {
  const expectingMunicipality = expecting === 'municipality';
  const { words } = n;
  const found = new Set<string>();
  const home = new Set<string>();
  let ambiguous: string[] | undefined;
  const covered = new Set<number>();
  /** Municipalities the message says the person does not live in. */
  let denied = false;
  /** The former municipality a found id was named by ("Ristiinassa" → Mikkeli, Ristiina). */
  const formerById = new Map<string, FormerName>();
  /** Ids also named by today's name: "kommer från Punkaharju men bor i Nyslott" needs no note on Punkaharju. */
  const namedToday = new Set<string>();
  /** Ids named only as where the person lived before or comes from: "asuin ennen Ristiinassa, nyt asun Juvalla". */
  const past = new Set<string>();
  /** Ids named as where the person moved to: home now. */
  const destination = new Set<string>();

  // Exact forms, longest first; sentence marks split names (tokens, not words, keep them).
  const tokens = n.tokens;
  const wordIndexOfToken: number[] = [];
  const tokenIndexOfWord: number[] = [];
  for (let t = 0, w = 0; t < tokens.length; t++) {
    if (!tokens[t].mark) tokenIndexOfWord.push(t);
    wordIndexOfToken.push(tokens[t].mark ? -1 : w++);
  }
  for (let t = 0; t < tokens.length; t++) {
    if (tokens[t].mark) continue;
    // The longest run of words (no mark) that could be a name, then shorter ones.
    let longest = 1;
    while (longest < index.longestWords && t + longest < tokens.length && !tokens[t + longest].mark) longest++;
    for (let len = longest; len >= 1; len--) {
      let key = tokens[t].text;
      for (let k = 1; k < len; k++) key += ` ${tokens[t + k].text}`;
      let hit = index.exact.get(key);
      // "Savon linna": a name split in two, each part a word of its own (not "I in" → "iin").
      if (!hit && len === 2 && tokens[t].text.length >= 3 && tokens[t + 1].text.length >= 3)
        hit = index.exact.get(tokens[t].text + tokens[t + 1].text);
      if (!hit) continue;
      const span = tokens.slice(t, t + len);
      const w = wordIndexOfToken[t];
      if (hit.needsLicence && !expectingMunicipality && !span.some(isCapitalised) && !afterCue(words, w)) continue;
      // "jag heter Kristina", "olen Kaarina": a given name in running text is a place only after a place cue.
      if (hit.givenName && !expectingMunicipality && words.length > len && !afterCue(words, w, GIVEN_NAME_CUES))
        continue;
      if (deniedPlace(tokens, t)) {
        denied = true;
      } else if (hit.ids.length === 1) {
        found.add(hit.ids[0]);
        if (hit.former) formerById.set(hit.ids[0], hit.former);
        else namedToday.add(hit.ids[0]);
        if (movedTo(tokens, t)) destination.add(hit.ids[0]);
        else if (pastPlace(tokens, t)) past.add(hit.ids[0]);
        if (afterCue(words, w, HOME_CUES)) home.add(hit.ids[0]);
      } else ambiguous = [...new Set([...(ambiguous ?? []), ...hit.ids])];
      for (let k = 0; k < len; k++) covered.add(w + k);
      t += len - 1;
      break;
    }
  }
  for (const id of namedToday) formerById.delete(id);
  if (found.size === 1 && !ambiguous) return matchOf([...found][0], false, formerById);
  // "Kotikuntani on Savonlinna, mutta asun Helsingissä": the home municipality decides.
  if (home.size === 1) return matchOf([...home][0], false, formerById);
  // "muutin Helsingistä Savonlinnaan", "moved from Helsinki to Juva": where the person moved to.
  if (destination.size === 1 && !ambiguous) return matchOf([...destination][0], false, formerById);
  // "I'm from Ristiina originally but now live in Helsinki": where the person lives now decides.
  const present = [...found].filter((id) => !past.has(id));
  if (!ambiguous && past.size > 0 && present.length === 1) return matchOf(present[0], false, formerById);
  if (found.size > 1 || (ambiguous && found.size > 0))
    return { kind: 'ambiguous', ids: [...new Set([...found, ...(ambiguous ?? [])])] };
  if (ambiguous) return { kind: 'ambiguous', ids: ambiguous };

  // Typos: only on words that could be a name, and in running text only where a name is likely.
  let best: FuzzyResult | undefined;
  let tries = 0;
  for (let i = 0; i < words.length && tries < MAX_TYPO_TRIES; i++) {
    const word = words[i];
    if (covered.has(i) || !isNameLike(word) || !mayBeName(word.text) || STREET.test(word.text)) continue;
    if (
      GIVEN_NAMES.has(word.text) &&
      !expectingMunicipality &&
      words.length > 1 &&
      !afterCue(words, i, GIVEN_NAME_CUES)
    )
      continue;
    // A capital counts only where it is not just the start of a sentence.
    const capitalised = isCapitalised(word) && (i > 0 || words.length <= 2);
    const licensed = expectingMunicipality || capitalised || afterCue(words, i, TYPO_CUES);
    if (!licensed) continue;
    // The answer to "where do you live?" gets one edit more, if it is that answer: a name alone or
    // nearly so, or a capitalised word; not any word of a longer sentence.
    const answering = expectingMunicipality && (words.length <= 2 || capitalised);
    const allowance = typoAllowance(word.text.length, answering);
    tries++;
    // A one-word answer may have its typo in the first letter too ("Nikkeli", "Sspoo"): all forms
    // are searched, within the distance already found among those with the same first letter.
    const sameLetter = fuzzyLookup(index, word.text, allowance);
    const result =
      answering && words.length === 1
        ? fuzzyLookup(index, word.text, sameLetter?.distance ?? allowance, true)
        : sameLetter;
    if (!result) continue;
    // "en asu Mikelissä": a denied place, even misspelt, is no answer (and no unknown place either).
    // Only a word that is near a name counts as a denied place: "en ole varma, asun Tukholmassa"
    // denies no place.
    if (deniedPlace(tokens, tokenIndexOfWord[i])) {
      denied = true;
      continue;
    }
    // A near miss of a name that is also a word ("lähin" ~ Lahti) only when a town was asked for.
    if (!expectingMunicipality) for (const id of result.ids) if (COMMON_WORD_IDS.has(id)) result.ids.delete(id);
    if (!result.ids.size) continue;
    if (!best || result.distance < best.distance) best = result;
    else if (result.distance === best.distance) {
      result.ids.forEach((id) => best!.ids.add(id));
      result.former.forEach((f, id) => best!.former.set(id, f));
    }
  }
  if (best) {
    const ids = [...best.ids];
    return ids.length === 1 ? matchOf(ids[0], true, best.former) : { kind: 'ambiguous', ids };
  }

  // Only denied places ("en asu Mikkelissä"): no municipality, and no "unknown" guess either.
  if (denied) return undefined;
  const unknown = unknownAfterCue(words);
  // "I don't live in Narnia": a denied place is no unknown place either.
  if (unknown && !deniedPlace(tokens, tokenIndexOfWord[unknown.at])) return { kind: 'unknown', text: unknown.text };
  return undefined;
}
