// The lookup of every name form of every municipality of 2021: Finnish, Swedish and other names,
// former municipalities' names, the Finnish inflected forms the generator makes, the name of a
// place's people ("mikkeliläinen") and abbreviations with a case ending ("mlk:ssa"), built once at
// load so that a message costs a few lookups; and the typo search over the names and their main
// cases. The spelling variants and endings are data: knowledge/data/understanding/municipality.yaml.
import {
  formerMunicipalitiesById,
  formerNamesOf,
  municipalityNames,
  namesOf,
  nameKey,
  type FormerMunicipality,
  type MunicipalityName,
} from '../municipalities';
import type { FormerName } from '../types';
import { osaDistance } from './distance';
import { inflectedForms, MAIN_CASES } from './finnishForms';
import { ABROAD, EVERYDAY_WORDS, GIVEN_NAMES } from './lexicon';
import { vocabulary } from './vocabulary';

const vocab = vocabulary.municipality;

/**
 * Municipalities whose names are also ordinary words (lahti = bay, kotka = eagle, Ingå …): they
 * count only when the word is capitalised, follows a place cue or answers the municipality
 * question. The loader checks that each id exists.
 */
export const COMMON_WORD_IDS: ReadonlySet<string> = new Set(vocab.commonWordIds);

export type Hit = {
  ids: string[];
  needsLicence: boolean;
  /** The form is also a given name ("Kristina", "Kaarina"): a capital proves nothing, a place cue does. */
  givenName: boolean;
  /** Set when the form names a former municipality of the (single) id. */
  former?: FormerName;
};

/** A form for the typo search, with the set of its letters as bits (a cheap lower bound). */
interface Candidate {
  form: string;
  id: string;
  letters: number;
  former?: FormerName;
}

export interface Index {
  exact: Map<string, Hit>;
  /** Single-word forms by first letter and length, for the typo fallback. */
  byFirstLetter: Map<string, Map<number, Candidate[]>>;
  longestWords: number;
}

const formerName = (f: FormerMunicipality): FormerName => ({
  fi: f.fi,
  ...(f.sv ? { sv: f.sv } : {}),
  ...(f.year !== undefined ? { year: f.year } : {}),
});

/** Bit i set when the word holds the i-th letter a–z (other characters share bit 26). */
function letterBits(word: string): number {
  let bits = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i) - 97;
    bits |= 1 << (c >= 0 && c < 26 ? c : 26);
  }
  return bits;
}

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** A name as written, with and without its hyphens, and with its start spelt otherwise ("S:t" → "St", "Sankt"). */
function variants(key: string): string[] {
  const out = new Set([key, key.replace(/-/g, ' '), key.replace(/-/g, '')]);
  for (const [start, others] of Object.entries(vocab.nameStarts))
    if (key.startsWith(`${start} `)) for (const other of others) out.add(other + key.slice(start.length));
  return [...out];
}

/**
 * Finns often say where they live with the name of its people: "olen mikkeliläinen",
 * "pieksämäkeläisenä", "juvalaiset". Folded, -läinen and -lainen are one ending; a name in -i
 * takes -eläinen as often as -iläinen (Pieksämäki → pieksämäkeläinen, Mikkeli → mikkeliläinen).
 */
function demonyms(key: string): string[] {
  const stems = key.endsWith('i') ? [key, `${key.slice(0, -1)}e`] : [key];
  return stems.flatMap((stem) => vocab.demonymEndings.map((ending) => stem + ending));
}

/** "Mikkelin mlk:ssa", "mlk:sta": a Finnish case ending typed after a colon on an abbreviated name. */
function abbreviationForms(key: string): string[] {
  if (!vocab.abbreviations.some((a) => key.endsWith(` ${a}`))) return [];
  return vocab.abbreviationEndings.map((e) => `${key}:${e}`);
}

/** Builds the lookup once: form → ids, keeping only the ids that own the form most directly. */
export function buildIndex(
  names: readonly MunicipalityName[],
  former: ReadonlyMap<string, readonly FormerMunicipality[]> = new Map(),
): Index {
  // form → id → priority (0 = a name as written, 1 = an inflection of a Finnish or other name,
  // 2 = an inflection of a Swedish name). A form keeps the ids with the best priority.
  const owners = new Map<string, Map<string, number>>();
  // form → id → the former municipality it names (only for forms of former names).
  const formerOf = new Map<string, Map<string, FormerName>>();
  // The typo search looks only at names as written and their main cases: fewer, likelier forms.
  const typoForms = new Set<string>();
  const put = (form: string, id: string, priority: number, from?: FormerName) => {
    if (!form) return;
    let byId = owners.get(form);
    if (!byId) owners.set(form, (byId = new Map()));
    const before = byId.get(id);
    if (before === undefined || priority < before) {
      byId.set(id, priority);
      // Today's own name wins over a former one of the same form.
      if (from) {
        let f = formerOf.get(form);
        if (!f) formerOf.set(form, (f = new Map()));
        f.set(id, from);
      } else formerOf.get(form)?.delete(id);
    }
  };
  for (const m of names) {
    const entries: Array<{ name: string; swedish: boolean; from?: FormerName }> = namesOf(m).map((name) => ({
      name,
      swedish: name === m.sv && m.sv !== m.fi,
    }));
    for (const f of former.get(m.id) ?? []) {
      const from = formerName(f);
      for (const name of formerNamesOf(f)) entries.push({ name, swedish: name === f.sv && f.sv !== f.fi, from });
    }
    for (const { name, swedish: isSwedish, from } of entries) {
      for (const key of variants(nameKey(name))) {
        put(key, m.id, 0, from);
        typoForms.add(key);
        if (!isSwedish) for (const form of inflectedForms(key, MAIN_CASES)) typoForms.add(form);
        for (const form of inflectedForms(key)) put(form, m.id, isSwedish ? 2 : 1, from);
        if (!isSwedish && !key.includes(' ')) for (const form of demonyms(key)) put(form, m.id, 1, from);
        if (isSwedish && !key.endsWith('s')) put(`${key}s`, m.id, 2, from);
        for (const form of abbreviationForms(key)) put(form, m.id, 1, from);
      }
    }
  }
  const exact = new Map<string, Hit>();
  const byFirstLetter = new Map<string, Map<number, Candidate[]>>();
  let longestWords = 1;
  for (const [form, byId] of owners) {
    const best = Math.min(...byId.values());
    const ids = [...byId].filter(([, p]) => p === best).map(([id]) => id);
    // A generated form that is an everyday word is dropped; a name as written stays.
    if (best > 0 && (EVERYDAY_WORDS.has(form) || ABROAD.has(form))) continue;
    const from = ids.length === 1 ? formerOf.get(form)?.get(ids[0]) : undefined;
    exact.set(form, {
      ids,
      needsLicence: ids.some((id) => COMMON_WORD_IDS.has(id)),
      givenName: best === 0 && GIVEN_NAMES.has(form),
      ...(from ? { former: from } : {}),
    });
    const wordCount = form.split(' ').length;
    longestWords = Math.max(longestWords, wordCount);
    // Typos are matched against Finnish forms and names as written, not against Finnish endings
    // glued to Swedish names ("Virossa" must not come out as Virmo = Mynämäki).
    if (wordCount === 1 && ids.length === 1 && form.length >= 4 && best < 2 && typoForms.has(form)) {
      let byLength = byFirstLetter.get(form[0]);
      if (!byLength) byFirstLetter.set(form[0], (byLength = new Map()));
      let list = byLength.get(form.length);
      if (!list) byLength.set(form.length, (list = []));
      const fromFormer = formerOf.get(form)?.get(ids[0]);
      list.push({ form, id: ids[0], letters: letterBits(form), ...(fromFormer ? { former: fromFormer } : {}) });
    }
  }
  return { exact, byFirstLetter, longestWords };
}

export const defaultIndex = buildIndex(municipalityNames, formerMunicipalitiesById);

/** Every form the index knows, with the municipalities it names. */
export function knownForms(): ReadonlyMap<string, { ids: string[] }> {
  return defaultIndex.exact;
}

export interface FuzzyResult {
  ids: Set<string>;
  distance: number;
  former: Map<string, FormerName>;
}

/**
 * The municipalities whose forms are nearest to a word, within `allowance` edits. Looks at the
 * forms with the word's first letter, or (`anyFirstLetter`, for a one-word answer to the
 * municipality question: "Nikkeli") at all of them.
 */
export function fuzzyLookup(
  index: Index,
  word: string,
  allowance: number,
  anyFirstLetter = false,
): FuzzyResult | undefined {
  if (allowance === 0) return undefined;
  const buckets = anyFirstLetter
    ? [...index.byFirstLetter.values()]
    : [index.byFirstLetter.get(word[0])].filter((b) => b !== undefined);
  let best = allowance + 1;
  let ids = new Set<string>();
  let former = new Map<string, FormerName>();
  const letters = letterBits(word);
  for (const byLength of buckets) {
    for (let length = word.length - allowance; length <= word.length + allowance; length++) {
      for (const c of byLength.get(length) ?? []) {
        // Each letter one word has and the other lacks costs at least one edit.
        if (popcount(letters & ~c.letters) > allowance || popcount(c.letters & ~letters) > allowance) continue;
        const d = osaDistance(word, c.form, allowance);
        if (d < best) {
          best = d;
          ids = new Set([c.id]);
          former = new Map();
        } else if (d === best) ids.add(c.id);
        if (d === best && c.former) former.set(c.id, c.former);
      }
    }
  }
  return best <= allowance ? { ids, distance: best, former } : undefined;
}
