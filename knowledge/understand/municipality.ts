// Finds the home municipality in a message: every name form of every municipality of 2021
// (Finnish, Swedish, other names, and the Finnish inflected forms the generator makes) goes into
// one map at load, so a message costs a few lookups. Typos fall back to an edit distance over the
// names and their main cases that start with the same letter; everyday words never count as typos. A place-like word after "asun", "I live in", "jag bor i"
// that is no municipality is reported as unknown; two different municipalities as ambiguous.
import { distance as levenshtein } from 'fastest-levenshtein';
import {
  formerMunicipalitiesById,
  formerNamesOf,
  municipalityNames,
  namesOf,
  nameKey,
  type FormerMunicipality,
  type MunicipalityName,
} from '../municipalities';
import type { FormerName, MunicipalityMatch, Slot } from '../types';
import { inflectedForms, MAIN_CASES } from './finnishForms';
import { ABROAD, EVERYDAY_WORDS, GIVEN_NAMES, NEGATION_WORDS } from './lexicon';
import type { Normalized, Token } from './normalize';

/**
 * Municipalities whose names are also ordinary words (lahti = bay, kotka = eagle, salo = wild
 * forest, aura = plough, Sund, Geta, Ii …): they count only when the word is capitalised, follows a
 * place cue ("asun", "in", "bor i") or answers the municipality question.
 */
const COMMON_WORD_IDS = new Set([
  'lahti',
  'kotka',
  'hanko',
  'salo',
  'luoto',
  'aura',
  'kolari',
  'perho',
  'somero',
  'kannus',
  'virrat',
  'rusko',
  'lieto',
  'sund',
  'geta',
  'kemi',
  'ii',
  'nokia',
  'simo',
  'salla',
  'eura',
  'loppi',
  'sievi',
  'vaala',
  'multia',
  'tervo',
  'kaavi',
  'pello',
  'masku',
  'sauvo',
  'soini',
  'koskitl',
  'kitee',
  'lemi',
  'muhos',
  'rauma',
  'pori',
  'posio',
  'ranua',
  'vesanto',
  'keitele',
  'juuka',
  'kuhmo',
  'halsua',
  'oripaa',
  'marttila',
  'paltamo',
  // Swedish names that are everyday Swedish words: Ingå (inga = none).
  'inkoo',
]);
// A misspelt id here would silently stop guarding its word: refuse it when the module loads.
for (const id of COMMON_WORD_IDS)
  if (!municipalityNames.some((m) => m.id === id)) throw new Error(`COMMON_WORD_IDS: no municipality "${id}"`);

/** Words after which a name is a place: "asun", "in", "från", "kotikunta". */
const PLACE_CUES = new Set([
  'asun',
  'asumme',
  'asuin',
  'asunut',
  'asuu',
  'asustan',
  'kotikunta',
  'kotikuntani',
  'kotikuntana',
  'kotipaikka',
  'kotipaikkani',
  'kunta',
  'kuntani',
  'kaupunki',
  'paikkakunta',
  'paikkakuntani',
  'kotoisin',
  'muutin',
  'muutimme',
  'muuttanut',
  'tulen',
  'olen',
  'on',
  'live',
  'lives',
  'living',
  'from',
  'in',
  'at',
  'near',
  'moved',
  'to',
  'municipality',
  'town',
  'city',
  'hometown',
  'bor',
  'bodde',
  'flyttade',
  'fran',
  'i',
  'till',
  'kommun',
  'hemkommun',
  'stad',
  'hemort',
  'ar',
  'is',
  'nykyaan',
  'nyt',
  'now',
  'nu',
]);

/** After these (and optional fillers) the next word names where the person lives. */
const STRONG_CUES: string[][] = [
  ['asun'],
  ['asumme'],
  ['asustan'],
  ['kotikuntani'],
  ['kotikunta'],
  ['kotipaikkani'],
  ['paikkakuntani'],
  ['kotoisin'],
  ['live', 'in'],
  ['living', 'in'],
  ['lives', 'in'],
  ['im', 'from'],
  ["i'm", 'from'],
  ['am', 'from'],
  ['come', 'from'],
  ['moved', 'to'],
  ['municipality', 'is'],
  ['hometown', 'is'],
  ['town', 'is'],
  ['bor', 'i'],
  ['kommer', 'fran'],
  ['hemkommun', 'ar'],
  ['kommun', 'ar'],
  ['flyttade', 'till'],
];
const FILLERS = new Set([
  'nyt',
  'nykyaan',
  'tata',
  'nykya',
  'talla',
  'hetkella',
  'on',
  'now',
  'currently',
  'right',
  'at',
  'the',
  'moment',
  'nu',
  'for',
  'narvarande',
  'just',
  'ar',
  'is',
]);
/** Not a place, even after a cue: "asun yksin", "I live in a flat", "bor i en lägenhet". */
const NOT_PLACES = new Set([
  'yksin',
  'kotona',
  'vuokralla',
  'taalla',
  'siella',
  'tassa',
  'kanssa',
  'kerrostalossa',
  'omakotitalossa',
  'rivitalossa',
  'asunnossa',
  'yksiossa',
  'kaksiossa',
  'soluasunnossa',
  'ja',
  'mutta',
  'vanhempieni',
  'vanhempien',
  'perheen',
  'poikaystavan',
  'tyttoystavan',
  'a',
  'an',
  'the',
  'my',
  'with',
  'alone',
  'here',
  'there',
  'flat',
  'apartment',
  'house',
  'and',
  'but',
  'en',
  'ett',
  'med',
  'har',
  'hemma',
  'ensam',
  'lagenhet',
  'och',
  'men',
  'hos',
  'suomessa',
  'suomi',
  'suomeen',
  'finland',
  'finnland',
  'osoitteessa',
  'kadulla',
  'keskustassa',
  'keskustan',
  'maalla',
  'kylassa',
  'kaupungissa',
  'kunnassa',
  'lahiossa',
  'lahella',
  'kotona',
  'landet',
  'centrum',
  'stan',
  'downtown',
  'city',
  'countryside',
  'town',
  'same',
  'this',
  'that',
  'our',
  'their',
]);

type Hit = {
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

export interface Index {
  exact: Map<string, Hit>;
  /** Single-word forms by first letter and length, for the typo fallback. */
  byFirstLetter: Map<string, Map<number, Candidate[]>>;
  longestWords: number;
}

function variants(key: string): string[] {
  const out = new Set([
    key,
    key.replace(/-/g, ' '),
    key.replace(/-/g, ''),
    key.replace(/^s:t /, 'st '),
    key.replace(/^s:t /, 'sankt '),
  ]);
  return [...out];
}

/** Builds the lookup once: form → ids, keeping only the ids that own the form most directly. */
/** Finnish case endings typed after a colon on an abbreviation: "Mikkelin mlk:ssa", "mlk:sta". */
const COLON_ENDINGS = ['n', 'ssa', 'sta', 'lla', 'lta', 'lle', 'hon', 'aan', 'iin', 'ssä', 'stä', 'llä', 'ltä'].map(
  (e) => e.replace(/ä/g, 'a'),
);

/**
 * Finns often say where they live with the name of its people: "olen mikkeliläinen",
 * "pieksämäkeläisenä", "juvalaiset". Folded, -läinen and -lainen are one ending; a name in -i
 * takes -eläinen as often as -iläinen (Pieksämäki → pieksämäkeläinen, Mikkeli → mikkeliläinen).
 */
const DEMONYM_ENDINGS = ['lainen', 'laisena', 'laiset', 'laisia', 'laisten', 'laisille'];
function demonyms(key: string): string[] {
  const stems = key.endsWith('i') ? [key, `${key.slice(0, -1)}e`] : [key];
  return stems.flatMap((stem) => DEMONYM_ENDINGS.map((ending) => stem + ending));
}

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
        if (key.endsWith(' mlk')) for (const e of COLON_ENDINGS) put(`${key}:${e}`, m.id, 1, from);
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
    const words = form.split(' ').length;
    longestWords = Math.max(longestWords, words);
    // Typos are matched against Finnish forms and names as written, not against Finnish endings
    // glued to Swedish names ("Virossa" must not come out as Virmo = Mynämäki).
    if (words === 1 && ids.length === 1 && form.length >= 4 && best < 2 && typoForms.has(form)) {
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

const defaultIndex = buildIndex(municipalityNames, formerMunicipalitiesById);

/** Every form the index knows, with the municipalities it names. */
export function knownForms(): ReadonlyMap<string, { ids: string[] }> {
  return defaultIndex.exact;
}

/** A long message of capitalised words must not cost a typo search per word. */
const MAX_TYPO_TRIES = 12;

/** Optimal string alignment distance (Levenshtein plus a swap of two neighbours), bounded. */
export function osaDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const lev = levenshtein(a, b);
  if (lev <= max || lev > max + 1) return lev;
  // Only a transposition can bring it down by one: compute the full OSA.
  const n = a.length;
  const m = b.length;
  const d: number[][] = Array.from({ length: n + 1 }, (_, i) => [i, ...new Array<number>(m).fill(0)]);
  for (let j = 0; j <= m; j++) d[0][j] = j;
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2][j - 2] + 1);
      d[i][j] = v;
    }
  }
  return d[n][m];
}

/** How many edits a word of this length may carry and still be taken for a name (one more in an answer to the municipality question). */
export function typoAllowance(length: number, answering: boolean): number {
  if (answering) return length < 4 ? 0 : length <= 7 ? 1 : length <= 12 ? 2 : 3;
  return length < 5 ? 0 : length <= 11 ? 1 : 2;
}

/** Cues that make even a misspelt word a place: "asun Mikelissä", "I live in Savonlina". */
const TYPO_CUES = new Set([
  'asun',
  'asumme',
  'asuin',
  'asunut',
  'asustan',
  'kotikunta',
  'kotikuntani',
  'kotikuntana',
  'kotoisin',
  'muutin',
  'muutimme',
  'live',
  'lives',
  'living',
  'from',
  'bor',
  'bodde',
  'fran',
  'kommun',
  'hemkommun',
  'moved',
  'paikkakuntani',
  'kotipaikkani',
]);
/** Cues that make a given name a place: "bor i Kristina", "asun Kaarinassa" (not "jag är Kristina", "olen Kaarina"). */
const GIVEN_NAME_CUES = new Set([...TYPO_CUES, 'i', 'in', 'till', 'to', 'near', 'nara', 'kotikuntani', 'paikkakunta']);
/** The deciding fact is the home municipality: a name right after these wins over others. */
const HOME_CUES = new Set([
  'kotikunta',
  'kotikuntani',
  'kotikuntana',
  'kotikunnaksi',
  'hemkommun',
  'kirjoilla',
  'kirjoissa',
  'folkbokford',
]);
/** Streets are no towns: "asun Esimerkkikadulla". */
const STREET = /(?:katu|kadu|tie$|tiel|tiell|tien|kuja|polku|polu|raitti|gata|gatan|vag|street|road|avenue|lane)/;

/** Negations before a name: "en asu Mikkelissä", "I don't live in Mikkeli", "bor inte i S:t Michel". */
const NEGATIONS = new Set(NEGATION_WORDS);
/** The word right after a negation that makes it deny a place (or the name itself). "en" needs one: it is also Swedish "a". */
const DENYING = new Set([
  'asu',
  'asunut',
  'ole',
  'oo',
  'enaa',
  'live',
  'lives',
  'living',
  'in',
  'from',
  'at',
  'i',
  'fran',
  'bor',
  'langre',
  'longer',
  'anymore',
]);
const AFTER_OLE = new Set(['kotoisin', 'asunut', 'enaa', 'kirjoilla', 'kirjoissa', 'asukas']);
/** Words that put a place in the past or the origin: "asuin ennen", "used to live in", "originally from", "bodde förut i". */
const PAST_WORDS = new Set([
  'asuin',
  'asuimme',
  'ennen',
  'aiemmin',
  'aikaisemmin',
  'kotoisin',
  'synnyin',
  'syntynyt',
  'kasvoin',
  'lapsuuteni',
  'muutin',
  'muutimme',
  'used',
  'lived',
  'originally',
  'grew',
  'born',
  'formerly',
  'previously',
  'bodde',
  'forut',
  'tidigare',
  'ursprungligen',
  'vaxte',
  'fodd',
  'flyttade',
  'kommer',
]);

/** After the name: "I'm from Ristiina originally", "Kerimäeltä alunperin". */
const PAST_AFTER = new Set(['originally', 'ursprungligen', 'alunperin', 'alun', 'syntyjaan', 'before', 'forut']);

/** True when a past or origin word stands within the four words before token `t` (no mark between), or right after it. */
function pastPlace(tokens: readonly Token[], t: number): boolean {
  const next = tokens[t + 1];
  if (next && !next.mark && PAST_AFTER.has(next.text)) return true;
  for (let k = t - 1; k >= 0 && k >= t - 4; k--) {
    if (tokens[k].mark || CONTRAST.has(tokens[k].text)) return false;
    if (PAST_WORDS.has(tokens[k].text)) return true;
  }
  return false;
}

/** Verbs of moving: the place moved to is home now ("muutin Helsingistä Savonlinnaan"). */
const MOVE_VERBS = new Set([
  'muutin',
  'muutimme',
  'muutettiin',
  'muuttanut',
  'muuttaneet',
  'muutto',
  'moved',
  'relocated',
  'flyttade',
  'flyttat',
  'flytta',
]);
/** Before the place moved to: "moved to Juva", "flyttade till Nyslott". */
const TO_WORDS = new Set(['to', 'till', 'into']);
/** Finnish illative and allative endings, folded: Savonlinnaan, Mikkeliin, Juvalle, Pieksämäelle. */
const DESTINATION_CASE = /(?:aa|ee|ii|oo|uu|yy)n$|(?:lle|seen|siin|hin)$/;

/** True when token `t` is where the person moved to: after "to"/"till", or in the illative after a verb of moving. */
function movedTo(tokens: readonly Token[], t: number): boolean {
  let verb = false;
  for (let k = t - 1; k >= 0 && k >= t - 4; k--) {
    if (tokens[k].mark) break;
    if (MOVE_VERBS.has(tokens[k].text)) verb = true;
  }
  if (!verb) return false;
  return TO_WORDS.has(tokens[t - 1]?.text ?? '') || DESTINATION_CASE.test(tokens[t].text);
}

/** A contrast ends a negation's reach: "en asu Mikkelissä vaan Juvalla", "not sure, but I live in Juva". */
const CONTRAST = new Set(['vaan', 'mutta', 'but', 'utan', 'men', 'instead', 'sondern']);

/** True when a negation within the four words before token `t` (no mark or contrast between) denies the place. */
function deniedPlace(tokens: readonly Token[], t: number): boolean {
  for (let k = t - 1; k >= 0 && k >= t - 4; k--) {
    const word = tokens[k].text;
    if (tokens[k].mark || CONTRAST.has(word)) return false;
    if (!NEGATIONS.has(word)) continue;
    if (k + 1 === t) return true;
    const next = tokens[k + 1].text;
    // "en ole" denies a place only when it is about the place ("en ole kotoisin Mikkelistä",
    // "kotikuntani ei ole Mikkeli"), not "en ole varma, asunko Mikkelissä".
    if (next === 'ole' || next === 'oo') return k + 2 === t || AFTER_OLE.has(tokens[k + 2].text);
    if (DENYING.has(next)) return true;
  }
  return false;
}

const isCapitalised = (t: Token) => /^\p{Lu}/u.test(t.raw);
const isNameLike = (t: Token) => /^[a-z][a-z:'-]*$/.test(t.text);

/** False for everyday words and places abroad: they are never a (misspelt) municipality. */
export function mayBeName(folded: string): boolean {
  return !EVERYDAY_WORDS.has(folded) && !ABROAD.has(folded);
}

/** True when a short answer names something place-like ("Stockholm"), not "moi" or "en tiedä". */
export function looksLikePlace(n: Normalized): boolean {
  // A question, or a denial ("en ole varma", "en asu Mikkelissä"), names no place one lives in.
  if (n.tokens.some((t) => t.text === '?') || n.words.some((w) => NEGATIONS.has(w.text))) return false;
  return n.words.some(
    (w) => isNameLike(w) && w.text.length >= 3 && (ABROAD.has(w.text) || (mayBeName(w.text) && !STREET.test(w.text))),
  );
}

function afterCue(words: Token[], i: number, cues: ReadonlySet<string> = PLACE_CUES): boolean {
  for (let k = i - 1; k >= 0 && k >= i - 3; k--) {
    if (cues.has(words[k].text)) return true;
    if (!FILLERS.has(words[k].text) && !PLACE_CUES.has(words[k].text)) return false;
  }
  return false;
}

/**
 * The municipalities whose forms are nearest to a word, within `allowance` edits. Looks at the
 * forms with the word's first letter, or (`anyFirstLetter`, for a one-word answer to the
 * municipality question: "Nikkeli") at all of them.
 */
function fuzzyLookup(
  index: Index,
  word: string,
  allowance: number,
  anyFirstLetter = false,
): { ids: Set<string>; distance: number; former: Map<string, FormerName> } | undefined {
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

/** The place-like words after a strong cue that matched nothing ("Stockholm" in "I live in Stockholm"). */
const CUES_BY_FIRST_WORD = new Map<string, string[][]>();
for (const cue of STRONG_CUES) CUES_BY_FIRST_WORD.set(cue[0], [...(CUES_BY_FIRST_WORD.get(cue[0]) ?? []), cue]);

/** Strong cues that tell where a person comes from rather than where they live. */
const ORIGIN_CUES = new Set(['kotoisin', 'im', "i'm", 'am', 'come', 'kommer']);

function unknownAfterCue(words: Token[]): { text: string; at: number } | undefined {
  for (let i = 0; i < words.length; i++) {
    for (const cue of CUES_BY_FIRST_WORD.get(words[i].text) ?? []) {
      if (!cue.every((w, k) => words[i + k]?.text === w)) continue;
      let j = i + cue.length;
      while (j < words.length && FILLERS.has(words[j].text)) j++;
      const first = words[j];
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
      // "olen kotoisin Afganistanista", "I'm from Syria": where the person comes from (situation.ts
      // reads it), not where they live.
      if (ORIGIN_CUES.has(cue[0]) && ABROAD.has(first.text)) continue;
      const parts = [first.raw];
      for (let k = j + 1; k < words.length && k < j + 3 && isCapitalised(words[k]) && isCapitalised(first); k++)
        parts.push(words[k].raw);
      return { text: parts.join(' '), at: j };
    }
  }
  return undefined;
}

function matchOf(id: string, fuzzy: boolean, formerById: ReadonlyMap<string, FormerName>): MunicipalityMatch {
  const former = formerById.get(id);
  return former ? { kind: 'match', id, fuzzy, former } : { kind: 'match', id, fuzzy };
}

/**
 * The municipality a message names, if any. `claimed` marks word positions other concerns have
 * already read (a benefit word is no town).
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
  let best: { ids: Set<string>; distance: number; former: Map<string, FormerName> } | undefined;
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
