// The unemployment benefit the person receives, in fi/sv/en, on folded text.
//
// Kela (FPA in Swedish) pays both the labour market subsidy and the basic allowance; an
// unemployment fund pays the earnings-related allowance. A message that names only Kela/FPA
// ("saan Kelasta", "from Kela") is read as the labour market subsidy: it is by far the commoner
// Kela benefit, and for the routing rules the two Kela benefits lead to the same place (only the
// earnings-related allowance can change the answer). A named benefit always wins over "Kela".
// A negated mention ("en saa ansiopäivärahaa") does not count.
import { facts } from '../facts';
import { foldName } from '../municipalities';
import { LANGS, type Benefit, type Slot } from '../types';
import { NEGATION_WORDS } from './lexicon';
import { osaDistance } from './municipality';
import { patternRegex, wordIndexAt, type Normalized } from './normalize';

/** The benefit's own names from the knowledge (the bot's questions and buttons use them), folded. */
const namesOf = (kind: Benefit): string[] =>
  LANGS.map((lang) => foldName(facts.benefits[kind].name[lang]).replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));

const PATTERNS: Record<Benefit | 'kela', string[]> = {
  earningsRelated: [
    ...namesOf('earningsRelated'),
    'ansiopaivarah\\w*',
    'ansiosidonnai\\w*',
    'ansioturv\\w*',
    'ansiopaivaraha\\w*',
    'ansiotuki\\w*',
    'ansiosid\\w*',
    'tyottomyyskass\\w*',
    'kassa',
    'kassasta',
    'kassalta',
    'kassan',
    'a-kass\\w*',
    'akass\\w*',
    'ytk(?::?\\w+)?',
    'liiton kassa\\w*',
    'tyottomyyskassan paivaraha\\w*',
    '(?:from|by) (?:the|my|an?) (?:unemployment )?fund',
    'unemployment fund',
    'union fund',
    'earnings[- ]related\\w*',
    'income[- ]related',
    'inkomstrelatera\\w*',
    'arbetsloshetskass\\w*',
    'fran kassan',
    'inkomstbaserad\\w*',
    // Named by where the money comes from: the union and its fund, in the words people use.
    'liiton (?:paivarah|kassa|raha|tuki|tuke|tukea|rahat|ansio)\\w*',
    'liitosta',
    'liitolta',
    'ammattiliito(?:sta|lta|n kassa\\w*)',
    'ansiopaivis\\w*',
    'ansiopv\\w*',
    'ansiopaivaraha\\w*',
    'ansio ?sidonnai\\w*',
    'ansio paivaraha\\w*',
    'a kassa\\w*',
    'kassan (?:raha|rahat|paivaraha|tuki)\\w*',
    'facket',
    'fran facket',
    'fackets (?:kassa|pengar|ersattning)\\w*',
    'a-kassa\\w*',
    '(?:from|by) (?:the|my|our) (?:trade )?union\\w*',
    'union (?:fund|benefit|money|allowance|pays)\\w*',
    'trade union fund',
    'the fund pays',
    'earnings[- ]based',
    'income[- ]based\\w*',
    '(?:ammatti)?liitt?o(?:n)? (?:maksaa|maksama)\\w*',
    'ammattiliitto\\w* paivarah\\w*',
    '[a-z]+-kassa\\w*',
    'fran (?:min |mitt |var )?fack\\w*',
    'fackforening\\w*',
  ],
  labourMarketSubsidy: [
    ...namesOf('labourMarketSubsidy'),
    'tyomarkkinatu\\w*',
    'tyomarkinatu\\w*',
    'tyomarkkina tu\\w*',
    'tmt(?::?\\w+)?',
    'tm-tu\\w*',
    'tm tuki\\w*',
    'labou?r market (?:subsidy|support|allowance|benefit)\\w*',
    'arbetsmarknadsstod\\w*',
  ],
  basicAllowance: [
    ...namesOf('basicAllowance'),
    'peruspaivarah\\w*',
    'basic (?:unemployment |daily )?(?:allowance|benefit)\\w*',
    'grunddagpenning\\w*',
    'grundtrygghet\\w*',
    'perus ?paivaraha\\w*',
    'peruspaivis\\w*',
    'peruspv\\w*',
    'grund dagpenning\\w*',
    'basic daily allowance',
  ],
  kela: [
    'kela\\w*',
    'fpa\\w*',
    'fpa:?s?',
    'kelan\\w*',
    'kansanelakelaito\\w*',
    'folkpensionsanstalt\\w*',
    'social insurance institution',
    "job ?seeker'?s'? allowance",
    'unemployment benefit from the state',
  ],
  none: [
    ...namesOf('none'),
    'en saa mitaan\\w*',
    'en saa tukea',
    'en saa mitaan tukea',
    'ei mitaan tukea',
    'ilman tukea',
    'ilman etuutta',
    'ei tukea',
    'en saa etuutta',
    'en saa mitaan etuutta',
    'ei (?:mitaan )?(?:etuutta|etuuksia|tukia|tukea|rahaa|paivarahaa)',
    'ei ole (?:mitaan )?(?:etuutta|etuuksia|tukea)',
    'ilman etuuksia',
    'en saa etuuksia',
    'en saa mitaan etuuksia',
    'ei ole tukea',
    'minulla ei ole tukea',
    'en saa rahaa',
    'en saa mita(?:a|an)n',
    'no benefits?',
    'no allowance',
    'no money',
    'nothing at all',
    "(?:i )?(?:don't|dont|do not) (?:get|receive) (?:any(?:thing)?|a benefit|benefits?|money)\\w*",
    "(?:i )?(?:don't|dont|do not) have (?:any )?(?:benefits?|allowance)",
    'en saa \\w+ mitaan',
    'en saa mitaan \\w+',
    '(?:i )?(?:get|receive|getting|receiving) nothing',
    '(?:i )?(?:get|receive|getting|receiving) no (?:benefits?|allowance|money|support)',
    'not receiving any\\w*',
    'no support',
    'without (?:any )?benefits?',
    'far ingen ersattning',
    'far inget',
    'far ingenting',
    'inget stod',
    'ingen ersattning',
    'inga formaner',
    'ingen dagpenning',
    'jag far ingenting',
    'jag far inget',
    'inga (?:pengar|formaner|bidrag)',
    'inget bidrag',
    'no benefits? at all',
    'no (?:support|money|allowance)',
    'far inte nagot\\w*',
    'far inga pengar',
    'utan ersattning',
    'utan stod',
    // A negation, a word or two, then the support: "enkä saa mitään tukea", "ei oo mitään etuutta", "mulla ei ole tukia".
    '(?:en|ei|enka|eika|emme|ette)(?: (?:saa|saada|ole|oo|mulla|minulla|meilla|nyt|enaa|viela|mitaan|yhtaan|mitn|tule|tuu|makseta|maksa|mun|mulle|minulle|hakenut|hakenu|hakeneet|saanut|saanu|hae)){0,3} (?:tuki|tukea|tukia|tukiakaan|tukeakaan|etuutta|etuuksia|etuuksiakaan|rahaa|paivarahaa|tyottomyysetuutta|tyottomyysturvaa)',
    '(?:en|ei) (?:ole|oo) (?:hakenut|hakenu|hakeneet) (?:mitaan|tukea|etuutta|etuuksia|paivarahaa)\\w*',
    'har inte ansokt om (?:nagon |nagot |nagra )?\\w*',
    "(?:haven't|have not|havent|didn't|did not|didnt|never) (?:applied for|apply for|got|get|received|receive) (?:any(?:thing)?|a benefit|benefits?)\\w*",
    '(?:elan|elamme|elaa) saastoilla',
    'saastojen varassa',
    'lever pa (?:mitt |mina |vara )?(?:sparkapital|sparpengar|besparingar|sparade pengar)',
    'living (?:off|on) (?:my |our )?savings',
    'en ole oikeutettu (?:mihinkaan|tukeen|etuuteen|paivarahaan|mitaan)\\w*',
    'ei oikeutta (?:mihinkaan|tukeen|etuuteen|paivarahaan)\\w*',
    // Social assistance is no unemployment benefit.
    'toimeentulotu\\w*',
    'utkomststod\\w*',
    'social (?:assistance|welfare)',
    'ingen (?:forman|formaner|ersattning|dagpenning|stod|bidrag|inkomst)\\w*',
    'inget (?:stod|bidrag|alls)',
    'ingenting alls',
    'far inget\\w*',
    'jag har inte ratt till (?:nagot|nagon|ersattning|dagpenning|stod)\\w*',
    '(?:not|never) (?:getting|receiving) (?:any(?:thing)?|a benefit|benefits?|money|support)\\w*',
    "(?:i'm|im|i am) not entitled to (?:anything|any\\w*|benefits?)",
    'no (?:income|benefit|allowance) at all',
    'not a single (?:cent|euro)',
    'no income',
    'zero (?:benefits?|income|support|money)',
    'ilman (?:\\w+ )?(?:paivarahaa|tukia|rahaa|tyottomyysetuutta|tyottomyysturvaa)',
    '(?:inte|ej) (?:nagot|nagon|nagra) \\w*(?:stod|ersattning|bidrag|dagpenning|forman)\\w*',
  ],
};

/** A "don't know" answer; it means the benefit only when asked about it or near a benefit word. */
const DONT_KNOW = patternRegex([
  'en tieda',
  'en tii',
  'en ole varma',
  'en osaa sanoa',
  'ei hajua',
  'ei aavistustakaan',
  'en muista',
  'vaikea sanoa',
  "(?:i )?(?:don't|dont|do not) know",
  'not sure',
  'no idea',
  'unsure',
  "(?:i )?(?:can't|cant|cannot) say",
  'vet inte',
  'ingen aning',
  'inte saker',
  'osaa sanoa',
  'idk',
  'dunno',
  'kai jotain',
  'jotain tukea',
]);
const BENEFIT_CONTEXT =
  / (?:tu(?!kholm)(?:[ke]|is|et)\w*|etuu\w*|paivarah\w*|raha\w*|benefit\w*|allowance\w*|subsid\w*|ersattning\w*|stod\w*|dagpenning\w*|forman\w*|kela\w*|kassa\w*|fpa)(?=[ ])/;
/** Whole answers that mean "none" when the bot has just asked about the benefit. */
const NONE_WHEN_ASKED = new Set([
  'ei',
  'en',
  'ei mitaan',
  'mitaan',
  'ei oikein mitaan',
  'nothing',
  'none',
  'no',
  'nope',
  'nej',
  'inget',
  'ingenting',
  'ingen',
  'nada',
  'en saa',
  'ei saa',
  'no benefit',
  'en mitaan',
]);
/** Words of a "no, nothing" answer to the benefit question: "nej inget", "no nothing at all". */
const NONE_WORDS = new Set([
  'ei',
  'en',
  'nej',
  'no',
  'nope',
  'inget',
  'ingenting',
  'ingen',
  'nothing',
  'none',
  'mitaan',
  'nada',
  'alls',
  'at',
  'all',
  'oo',
  'ole',
  'mitn',
  'nothin',
  'zero',
  'nolla',
]);
/** The fund or the union named alone, as the answer to the benefit question. */
const FUND_WHEN_ASKED = new Set([
  'the fund',
  'fund',
  'union',
  'the union',
  'my union',
  'fonden',
  'facket',
  'liitto',
  'liitosta',
  'kassasta',
  'ammattiliitto',
  'unemployment fund',
  'my fund',
]);
/** Negations, plus what negates a benefit in particular ("ilman", "no longer"). */
const NEGATIONS = new Set([
  ...NEGATION_WORDS,
  'ilman',
  'without',
  'utan',
  'enaa',
  'no',
  'longer',
  'nothing',
  'ingenting',
  'inget',
  'inga',
  'ingen',
  'nada',
]);

const REGEXES = Object.fromEntries(Object.entries(PATTERNS).map(([k, list]) => [k, patternRegex(list, 'g')])) as Record<
  Benefit | 'kela',
  RegExp
>;
const KINDS: Array<Benefit | 'kela'> = ['earningsRelated', 'labourMarketSubsidy', 'basicAllowance', 'kela'];

/** True when one of the three words before word `i` (up to a sentence mark) negates it. */
function negated(n: Normalized, wordIndex: number): boolean {
  // Map the word index to the token list, which keeps the sentence marks.
  let w = -1;
  let t = 0;
  for (; t < n.tokens.length; t++) if (!n.tokens[t].mark && ++w === wordIndex) break;
  for (let k = t - 1; k >= 0 && k >= t - 3; k--) {
    if (n.tokens[k].mark) return false;
    if (NEGATIONS.has(n.tokens[k].text)) return true;
  }
  return false;
}

/** The long benefit names, for a typo search when nothing matched exactly: "ansiopäiväraahaa", "peruspäiväraaha". */
const TYPO_STEMS: Array<[string, Benefit]> = [
  ['ansiopaivaraha', 'earningsRelated'],
  ['ansiosidonnai', 'earningsRelated'],
  ['tyottomyyskassa', 'earningsRelated'],
  ['inkomstrelaterad', 'earningsRelated'],
  ['arbetsloshetskassa', 'earningsRelated'],
  ['peruspaivaraha', 'basicAllowance'],
  ['grunddagpenning', 'basicAllowance'],
  ['tyomarkkinatuki', 'labourMarketSubsidy'],
  ['tyomarkkinatuke', 'labourMarketSubsidy'],
  ['arbetsmarknadsstod', 'labourMarketSubsidy'],
];

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
