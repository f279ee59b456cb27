// The words around a place name and what they do to it: a cue makes a word a place ("asun",
// "I live in", "jag bor i"), a denial takes it away ("en asu Mikkelissä"), a past or origin word
// puts it in the past ("asuin ennen"), a verb of moving makes it home now ("muutin Juvalle"). The
// words are data: knowledge/data/understanding/municipality.yaml.
import { ABROAD, EVERYDAY_WORDS, NEGATION_WORDS } from './lexicon';
import type { Normalized, Token } from './normalize';
import { alternatives, wordShapeRegex } from './patterns';
import { vocabulary } from './vocabulary';

const vocab = vocabulary.municipality;

/** Words after which a name is a place: "asun", "in", "från", "kotikunta". */
export const PLACE_CUES: ReadonlySet<string> = new Set(vocab.placeCues);
/** Cues that make even a misspelt word a place: "asun Mikelissä", "I live in Savonlina". */
export const TYPO_CUES: ReadonlySet<string> = new Set(vocab.typoCues);
/** Cues that make a given name a place: "bor i Kristina", "asun Kaarinassa" (not "jag är Kristina", "olen Kaarina"). */
export const GIVEN_NAME_CUES: ReadonlySet<string> = new Set([...vocab.typoCues, ...vocab.givenNameCues]);
/** The deciding fact is the home municipality: a name right after these wins over others. */
export const HOME_CUES: ReadonlySet<string> = new Set(vocab.homeCues);
const FILLERS = new Set(vocab.fillers);
/** Not a place, even after a cue: "asun yksin", "I live in a flat", "bor i en lägenhet". */
const NOT_PLACES = new Set(vocab.notPlaces);
/** Streets are no towns: "asun Esimerkkikadulla". */
export const STREET = wordShapeRegex(vocab.streets);

/** Negations before a name: "en asu Mikkelissä", "I don't live in Mikkeli", "bor inte i S:t Michel". */
export const NEGATIONS: ReadonlySet<string> = new Set(NEGATION_WORDS);
/** The word right after a negation that makes it deny a place (or the name itself). "en" needs one: it is also Swedish "a". */
const DENYING = new Set(vocab.denying);
/** "en ole" denies a place only when it is about the place: "en ole kotoisin Mikkelistä". */
const BE_AFTER_DENIAL = new Set(vocab.beAfterDenial);
const AFTER_OLE = new Set(vocab.afterOle);
/** A contrast ends a negation's reach: "en asu Mikkelissä vaan Juvalla", "not sure, but I live in Juva". */
const CONTRAST = new Set(vocab.contrast);
/** Words that put a place in the past or the origin: "asuin ennen", "used to live in", "originally from", "bodde förut i". */
const PAST_WORDS = new Set(vocab.pastWords);
/** After the name: "I'm from Ristiina originally", "Kerimäeltä alunperin". */
const PAST_AFTER = new Set(vocab.pastAfter);
/** Verbs of moving: the place moved to is home now ("muutin Helsingistä Savonlinnaan"). */
const MOVE_VERBS = new Set(vocab.moveVerbs);
/** Before the place moved to: "moved to Juva", "flyttade till Nyslott". */
const TO_WORDS = new Set(vocab.toWords);
/** Finnish illative and allative endings, folded: Savonlinnaan, Mikkeliin, Juvalle, Pieksämäelle. */
const DESTINATION_CASE = new RegExp(`(?:${alternatives(vocab.destinationEndings)})$`);

export const isCapitalised = (t: Token) => /^\p{Lu}/u.test(t.raw);
export const isNameLike = (t: Token) => /^[a-z][a-z:'-]*$/.test(t.text);

/** False for everyday words and places abroad: they are never a (misspelt) municipality. */
export function mayBeName(folded: string): boolean {
  return !EVERYDAY_WORDS.has(folded) && !ABROAD.has(folded);
}

/** True when a past or origin word stands within the four words before token `t` (no mark between), or right after it. */
export function pastPlace(tokens: readonly Token[], t: number): boolean {
  const next = tokens[t + 1];
  if (next && !next.mark && PAST_AFTER.has(next.text)) return true;
  for (let k = t - 1; k >= 0 && k >= t - 4; k--) {
    if (tokens[k].mark || CONTRAST.has(tokens[k].text)) return false;
    if (PAST_WORDS.has(tokens[k].text)) return true;
  }
  return false;
}

/** True when token `t` is where the person moved to: after "to"/"till", or in the illative after a verb of moving. */
export function movedTo(tokens: readonly Token[], t: number): boolean {
  let verb = false;
  for (let k = t - 1; k >= 0 && k >= t - 4; k--) {
    if (tokens[k].mark) break;
    if (MOVE_VERBS.has(tokens[k].text)) verb = true;
  }
  if (!verb) return false;
  return TO_WORDS.has(tokens[t - 1]?.text ?? '') || DESTINATION_CASE.test(tokens[t].text);
}

/** True when a negation within the four words before token `t` (no mark or contrast between) denies the place. */
export function deniedPlace(tokens: readonly Token[], t: number): boolean {
  for (let k = t - 1; k >= 0 && k >= t - 4; k--) {
    const word = tokens[k].text;
    if (tokens[k].mark || CONTRAST.has(word)) return false;
    if (!NEGATIONS.has(word)) continue;
    if (k + 1 === t) return true;
    const next = tokens[k + 1].text;
    // "en ole" denies a place only when it is about the place ("en ole kotoisin Mikkelistä",
    // "kotikuntani ei ole Mikkeli"), not "en ole varma, asunko Mikkelissä".
    if (BE_AFTER_DENIAL.has(next)) return k + 2 === t || AFTER_OLE.has(tokens[k + 2].text);
    if (DENYING.has(next)) return true;
  }
  return false;
}

/** True when one of `cues` stands within the three words before word `i`, with only fillers or place cues between. */
export function afterCue(list: Token[], i: number, cues: ReadonlySet<string> = PLACE_CUES): boolean {
  for (let k = i - 1; k >= 0 && k >= i - 3; k--) {
    if (cues.has(list[k].text)) return true;
    if (!FILLERS.has(list[k].text) && !PLACE_CUES.has(list[k].text)) return false;
  }
  return false;
}

/** The strong cues ("asun", "I live in"), as lists of words, by their first word. */
const CUES_BY_FIRST_WORD = new Map<string, string[][]>();
for (const cue of vocab.strongCues.map((c) => c.split(' ')))
  CUES_BY_FIRST_WORD.set(cue[0], [...(CUES_BY_FIRST_WORD.get(cue[0]) ?? []), cue]);

/** Strong cues that tell where a person comes from rather than where they live. */
const ORIGIN_CUES = new Set(vocab.originCues);

/** The place-like words after a strong cue that matched nothing ("Stockholm" in "I live in Stockholm"). */
export function unknownAfterCue(list: Token[]): { text: string; at: number } | undefined {
  for (let i = 0; i < list.length; i++) {
    for (const cue of CUES_BY_FIRST_WORD.get(list[i].text) ?? []) {
      if (!cue.every((w, k) => list[i + k]?.text === w)) continue;
      let j = i + cue.length;
      while (j < list.length && FILLERS.has(list[j].text)) j++;
      const first = list[j];
      if (
        !first ||
        !isNameLike(first) ||
        NOT_PLACES.has(first.text) ||
        first.text.length < 3 ||
        STREET.test(first.text)
      )
        continue;
      // Lower-case words after "asun" are mostly things, not places ("asun saaressa", "asun kimppakämpässä").
      if (!isCapitalised(first)) continue;
      // "olen kotoisin Afganistanista", "I'm from Syria": where the person comes from (immigrant.ts
      // reads it), not where they live.
      if (ORIGIN_CUES.has(cue[0]) && ABROAD.has(first.text)) continue;
      const parts = [first.raw];
      for (let k = j + 1; k < list.length && k < j + 3 && isCapitalised(list[k]) && isCapitalised(first); k++)
        parts.push(list[k].raw);
      return { text: parts.join(' '), at: j };
    }
  }
  return undefined;
}

/** True when a short answer names something place-like ("Stockholm"), not "moi" or "en tiedä". */
export function looksLikePlace(n: Normalized): boolean {
  // A question, or a denial ("en ole varma", "en asu Mikkelissä"), names no place one lives in.
  if (n.tokens.some((t) => t.text === '?') || n.words.some((w) => NEGATIONS.has(w.text))) return false;
  return n.words.some(
    (w) => isNameLike(w) && w.text.length >= 3 && (ABROAD.has(w.text) || (mayBeName(w.text) && !STREET.test(w.text))),
  );
}
