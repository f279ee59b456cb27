// Yes or no, in fi/sv/en, as a short answer ("joo", "nej", "yes please") or leading a sentence
// ("Kyllä, olen 27"). Finnish "no" is a filler ("no joo" = yes), so "no" means no only alone,
// before a mark, or before another no-word; "en tiedä" is no "no" at all.
import type { Normalized } from './normalize';

const YES = new Set([
  'kylla',
  'joo',
  'juu',
  'jep',
  'jees',
  'jes',
  'joa',
  'jooh',
  'kyl',
  'yes',
  'yeah',
  'yep',
  'yup',
  'ya',
  'yea',
  'sure',
  'ja',
  'jaa',
  'jo',
  'japp',
  'jajamen',
  'absolut',
  'visst',
  'correct',
  'right',
  'totta',
  'oikein',
  'olen',
  'on',
  'oon',
  'affirmative',
  'definitely',
  'indeed',
  'certainly',
  'jepp',
  'joopa',
  'tottakai',
  'ilmanmuuta',
]);
const NO = new Set([
  'ei',
  'en',
  'nope',
  'no',
  'nah',
  'nej',
  'na',
  'naa',
  'nix',
  'negative',
  'inte',
  'icke',
  'eip',
  'ein',
  'nee',
]);
const YES_PHRASES = [
  'totta kai',
  'ilman muuta',
  'of course',
  'i am',
  "i'm",
  'jag ar',
  'det ar jag',
  'pitaa paikkansa',
  'niin on',
  'niin olen',
  'yes please',
  'ja tack',
];
const NO_PHRASES = [
  'en ole',
  'en oo',
  'ei ole',
  'ei oo',
  "i'm not",
  'im not',
  'i am not',
  'not really',
  'jag ar inte',
  'det ar jag inte',
  'ei kiitos',
  'no thanks',
  'nej tack',
  'inte alls',
  'ei todellakaan',
];
/**
 * After "en"/"ei" these make it something else than a no ("en tiedä", "ei hajua"); a benefit word
 * makes it the benefit answer "none" ("ei etuutta"), which benefit.ts reads.
 */
const NOT_AN_ANSWER = new Set([
  'tieda',
  'tii',
  'osaa',
  'muista',
  'hajua',
  'aavistustakaan',
  'ymmarra',
  'saa',
  'asu',
  'idea',
  'mitaan',
  'halua',
  'haluaisi',
  'kerro',
  'etuutta',
  'etuuksia',
  'tukea',
  'tukia',
  'rahaa',
  'paivarahaa',
  'benefit',
  'benefits',
  'allowance',
  'support',
  'money',
]);

/** "en ole varma", "vet inte", "not sure": an answer, but neither yes nor no. */
const DONT_KNOW =
  / (?:en tieda|en tii|en ole varma|en osaa sanoa|ei hajua|vaikea sanoa|vet inte|inte saker|ingen aning|(?:don't|dont|do not) know|not sure|no idea|(?:i )?(?:don't|dont|do not) want to (?:say|tell)|(?:i'd )?rather not (?:say|tell)|vill inte (?:saga|beratta)|en halua (?:sanoa|kertoa))(?=[ ])/;

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
    if (text === p || (short && text.startsWith(`${p} `) && !['i am', "i'm", 'jag ar'].includes(p))) return true;
  if (first === 'no' && second !== undefined && YES.has(second)) return true; // "no joo"
  if (NO.has(first)) {
    if (second !== undefined && NOT_AN_ANSWER.has(second)) return undefined;
    if (first === 'no' && !firstIsWholeClause && !(second !== undefined && NO.has(second)))
      return short && /^(?:thanks|thank|way|i|im|i'm|not)$/.test(second ?? '') ? false : undefined;
    if (firstIsWholeClause || short) return false;
    return undefined;
  }
  if (YES.has(first) && (firstIsWholeClause || short)) {
    // "olen", "on" answer yes only alone: "olen 27" is no yes.
    if (
      (first === 'olen' || first === 'on' || first === 'oon' || first === 'ja' || first === 'jo') &&
      words.length > 1 &&
      !firstIsWholeClause
    )
      return undefined;
    return true;
  }
  return undefined;
}
