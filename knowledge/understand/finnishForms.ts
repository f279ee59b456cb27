// Generates the inflected forms of a place name, so that "Pieksämäellä", "Joroisissa",
// "Heinävedellä" or "Helsingissä" are found by a plain lookup instead of guessing at endings.
// Works on folded text (ä→a, ö→o, å→a): vowel harmony then needs no care, because -ssa/-ssä both
// fold to -ssa. Both locative series (-ssa and -lla) are generated for every name, since the
// generator cannot know which one a town takes; an extra form harms nobody while it names one
// municipality only (the index checks that).
//
// Rules, for the last word of a name (Pedersören kunta → kunnassa, Mänttä-Vilppula → Vilppulassa):
// - consonant gradation in the last syllable's onset: kk→k, pp→p, tt→t, nk→ng, mp→mm, nt→nn,
//   lt→ll, rt→rr, ht→hd, lk→l, rk→r, lp→lv, rp→rv, k→∅, p→v, t→d (Turku → Turussa, Lahti →
//   Lahdessa, Luoto → Luodossa, Outokumpu → Outokummussa);
// - e-stems of the old nouns that end so many names (järvi, joki, koski, lahti, niemi, salmi, vesi,
//   mäki, lampi, saari, kivi): Rantasalmi → Rantasalmella, Pieksämäki → Pieksämäellä;
// - -nen names inflect in the plural and the singular (Joroinen → Joroisissa, Joroisen);
// - -us/-os/-as and -in/-un names (Kannus → Kannuksessa, Varkaus → Varkaudessa,
//   Pihtipudas → Pihtiputaalla, Punkalaidun → Punkalaitumella), plural -t (Virrat → Virroilla),
//   Uusi- compounds (Uusikaupunki → Uudessakaupungissa);
// - other consonant endings (Swedish names) take -i- (Korsnäs → Korsnäsissä, Mariehamn → Mariehamnissa).
// Colloquial endings -s/-st/-l/-lt (Mikkelis, Helsingist, Juval) are included: people type them.
// The words the rules need (the e-stem nouns, forms no rule makes) are data:
// knowledge/data/understanding/inflection.yaml; the rules of the grammar stay here.
import { vocabulary } from './vocabulary';

const VOWELS = 'aeiouy';
const isVowel = (c: string | undefined) => c !== undefined && VOWELS.includes(c);

/** e-stem nouns that end many place names: järvi → järve-, vesi → vede-/vete- (inflection.yaml). */
const E_STEM_ENDINGS: readonly string[] = vocabulary.inflection.eStemWords;

/** Of those, the ones whose stem ends in -te-/-de-: vesi → vete-/vede- (inflection.yaml). */
const TI_STEM_ENDINGS: readonly string[] = vocabulary.inflection.tiStemWords;

/** Forms no rule makes: Kangasala contracts (Kangasalla, not *Kangasalalla) (inflection.yaml). */
const IRREGULAR: Readonly<Record<string, Forms>> = vocabulary.inflection.irregular;

/** First words of compound names that inflect too: uusi → uudessa (inflection.yaml). */
const INFLECTING_FIRST_WORDS: Readonly<Record<string, Forms>> = vocabulary.inflection.inflectingFirstWords;

/** Strong → weak grade of the consonants before a stem's last vowel. */
const GRADATION: Array<[string, string]> = [
  ['kk', 'k'],
  ['pp', 'p'],
  ['tt', 't'],
  ['nk', 'ng'],
  ['mp', 'mm'],
  ['nt', 'nn'],
  ['lt', 'll'],
  ['rt', 'rr'],
  ['ht', 'hd'],
  ['lk', 'l'],
  ['rk', 'r'],
  ['lp', 'lv'],
  ['rp', 'rv'],
];

/** Weak → strong at the end of a stem (virr- → virt-), for names whose nominative is weak. */
const REVERSE_GRADATION: Array<[string, string]> = [
  ['rr', 'rt'],
  ['ll', 'lt'],
  ['nn', 'nt'],
  ['mm', 'mp'],
  ['ng', 'nk'],
];

/** The weak grade of a stem that ends in one vowel after a consonant (turku → turu). */
export function weakGrade(stem: string): string {
  const last = stem.length - 1;
  if (!isVowel(stem[last]) || isVowel(stem[last - 1])) return stem;
  for (const [strong, weak] of GRADATION) {
    const at = last - strong.length;
    // kk, pp, tt shorten after a consonant too (Pomarkku → Pomarkussa); the clusters only after a vowel.
    const doubled = strong[0] === strong[1];
    if (at > 0 && stem.slice(at, last) === strong && (doubled || isVowel(stem[at - 1])))
      return stem.slice(0, at) + weak + stem[last];
  }
  const c = stem[last - 1];
  if (isVowel(stem[last - 2])) {
    if (c === 'k') return stem.slice(0, last - 1) + stem[last];
    if (c === 'p') return stem.slice(0, last - 1) + 'v' + stem[last];
    if (c === 't') return stem.slice(0, last - 1) + 'd' + stem[last];
  }
  return stem;
}

/** Weak → strong for the consonant-stem names (pihtipudas → pihtiputa-). */
function strongGrade(stem: string): string {
  const m = /^(.*[aeiouy])(d)([aeiouy])$/.exec(stem);
  return m ? `${m[1]}t${m[3]}` : stem;
}

export type CaseName = 'gen' | 'ine' | 'ela' | 'ill' | 'ade' | 'abl' | 'all' | 'ess' | 'tra' | 'colloquial';

export type Forms = Partial<Record<CaseName, string[]>>;

function add(forms: Forms, c: CaseName, ...values: string[]) {
  (forms[c] ??= []).push(...values);
}

/** Local and genitive cases on a weak stem; illative on the strong one. */
function singular(forms: Forms, weak: string, strong: string, illatives: string[]) {
  add(forms, 'gen', `${weak}n`);
  add(forms, 'ine', `${weak}ssa`);
  add(forms, 'ela', `${weak}sta`);
  add(forms, 'ade', `${weak}lla`);
  add(forms, 'abl', `${weak}lta`);
  add(forms, 'all', `${weak}lle`);
  add(forms, 'tra', `${weak}ksi`);
  add(forms, 'ess', `${strong}na`);
  add(forms, 'ill', ...illatives);
  add(forms, 'colloquial', `${weak}s`, `${weak}st`, `${weak}l`, `${weak}lt`);
}

function plural(forms: Forms, weakPlural: string, strongPlural: string, genitive: string) {
  add(forms, 'gen', genitive);
  add(forms, 'ine', `${weakPlural}ssa`);
  add(forms, 'ela', `${weakPlural}sta`);
  add(forms, 'ade', `${weakPlural}lla`);
  add(forms, 'abl', `${weakPlural}lta`);
  add(forms, 'all', `${weakPlural}lle`);
  add(forms, 'ill', `${strongPlural}in`, `${strongPlural}hin`);
  add(forms, 'colloquial', `${weakPlural}s`, `${weakPlural}st`);
}

/** The illative of a stem: Juvaan, Mikkeliin, Espooseen / Iihin, Tampereeseen. */
function illativesOf(strong: string): string[] {
  const last = strong[strong.length - 1];
  if (!isVowel(last)) return [];
  if (strong[strong.length - 2] === last) return [`${strong}seen`, `${strong}h${last}n`];
  return [`${strong}${last}n`];
}

/** Inflected forms of one folded word (no spaces). */
export function wordForms(word: string): Forms {
  const forms: Forms = {};
  const w = word;
  if (w.length < 2) return forms;
  for (const [c, list] of Object.entries(IRREGULAR[w] ?? {}) as Array<[CaseName, string[]]>) add(forms, c, ...list);

  // Uusi- compounds inflect both parts: Uudessakaupungissa, Uuteenkaupunkiin.
  for (const [first, front] of Object.entries(INFLECTING_FIRST_WORDS)) {
    if (!w.startsWith(first) || w.length <= first.length + 3) continue;
    const rest = wordForms(w.slice(first.length));
    for (const [c, prefixes] of Object.entries(front) as Array<[CaseName, string[]]>) {
      for (const prefix of prefixes) for (const tail of rest[c] ?? []) add(forms, c, prefix + tail, first + tail);
    }
    return forms;
  }

  // -nen: Joroinen → Joroise- (singular), Joroisi- (plural, the usual one for places).
  if (w.endsWith('nen') && w.length > 4) {
    const base = `${w.slice(0, -3)}s`;
    singular(forms, `${base}e`, `${base}e`, [`${base}een`]);
    plural(forms, `${base}i`, `${base}i`, `${base}ten`);
    add(forms, 'gen', `${base}ien`);
    return forms;
  }

  // Plural names: Virrat → Virroi- / Virtoi-.
  if (/[^aeiouy]at$/.test(w) && w.length >= 5) {
    // The nominative plural is already in the weak grade: virrat → strong virt-.
    const weak = w.slice(0, -2);
    const strong = REVERSE_GRADATION.reduce(
      (s, [from, to]) => (s.endsWith(from) ? s.slice(0, -from.length) + to : s),
      weak,
    );
    plural(forms, `${weak}oi`, `${strong}oi`, `${strong}ojen`);
    return forms;
  }

  const last = w[w.length - 1];
  if (isVowel(last)) {
    const eStem = E_STEM_ENDINGS.find((e) => w.endsWith(e));
    if (eStem) {
      // vesi: vede- / vete-; the others: järve-, joe-/joke-, lahde-/lahte-, lamme-/lampe-.
      const ti = TI_STEM_ENDINGS.some((e) => w.endsWith(e));
      const strong = ti ? `${w.slice(0, -2)}te` : `${w.slice(0, -1)}e`;
      const weak = ti ? `${w.slice(0, -2)}de` : weakGrade(strong);
      singular(forms, weak, strong, [`${strong}en`]);
      // Also the i-stem and the ungraded stem, which learners write ("Iisalmissa", "Pieksämäkellä").
      singular(forms, weakGrade(w), w, illativesOf(w));
      if (weak !== strong) singular(forms, strong, strong, []);
      return forms;
    }
    if (last === 'e' && w[w.length - 2] !== 'e') {
      // Raahe → Raahe-n (and Raahee-), Tampere → Tamperee-.
      singular(forms, w, w, [`${w}en`]);
      singular(forms, `${w}e`, `${w}e`, [`${w}eseen`, `${w}ehen`]);
      return forms;
    }
    const long = w[w.length - 2] === last;
    const weak = long ? w : weakGrade(w);
    singular(forms, weak, w, illativesOf(w));
    // Swedish names do not alternate (Geta → Getassa), and learners write "Helsinkissä", "Turkussa".
    if (weak !== w) singular(forms, w, w, []);
    return forms;
  }

  // Consonant endings.
  if (/[aeiouy]s$/.test(w)) {
    const base = w.slice(0, -1);
    // Kannus → Kannukse-, Muhos → Muhokse-; Varkaus → Varkaude-; Pihtipudas → Pihtiputaa-.
    singular(forms, `${base}kse`, `${base}kse`, [`${base}kseen`]);
    if (w.endsWith('us') || w.endsWith('ys')) singular(forms, `${base}de`, `${base}te`, [`${base}teen`]);
    if (w.endsWith('as')) {
      const strong = `${strongGrade(base)}a`;
      singular(forms, strong, strong, illativesOf(strong));
    }
  }
  if (/[aeiouy]n$/.test(w)) {
    // Punkalaidun → Punkalaitume-.
    const stem = `${strongGrade(w.slice(0, -1))}me`;
    singular(forms, stem, stem, [`${stem}en`]);
  }
  // Swedish and other consonant-final names take -i-: Korsnäsissä, Mariehamniin.
  singular(forms, `${w}i`, `${w}i`, [`${w}iin`]);
  return forms;
}

/** The cases people mostly write a home town in: of, in, from, to, at. */
export const MAIN_CASES: readonly CaseName[] = ['gen', 'ine', 'ela', 'ill', 'ade', 'abl', 'all'];

/** Every inflected form of a (folded) name, or those of some cases; only the last word inflects. */
export function inflectedForms(name: string, cases?: readonly CaseName[]): string[] {
  const match = /^(.*?)([a-z]+)$/.exec(name);
  if (!match) return [];
  const [, prefix, lastWord] = match;
  const forms = wordForms(lastWord);
  const out = new Set<string>();
  for (const c of cases ?? (Object.keys(forms) as CaseName[])) for (const f of forms[c] ?? []) out.add(prefix + f);
  out.delete(name);
  return [...out];
}
