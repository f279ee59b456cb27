// Which language a message is written in (cheap: counts of everyday words per language) and
// requests to switch ("in English please", "på svenska", "suomeksi", a bare "English").
import type { Lang } from '../types';
import { patternRegex, type Normalized } from './normalize';

/** Everyday words; a word shared by two languages counts half for each. */
const WORDS: Record<Lang, string[]> = {
  fi: [
    'olen', 'oon', 'asun', 'saan', 'ja', 'on', 'ei', 'en', 'mina', 'ma', 'mita', 'miten', 'missa', 'mista', 'kylla', 'joo', 'juu',
    'moi', 'hei', 'kiitos', 'apua', 'ohje', 'tyoton', 'vuotias', 'vuotta', 'tukea', 'nykyaan', 'etta', 'kun', 'mutta', 'voi',
    'voitko', 'haluan', 'tarvitsen', 'kuka', 'milloin', 'kuinka', 'montako', 'minulla', 'mulla', 'olenko', 'onko', 'tieda',
    'mitaan', 'toissa', 'tyota', 'toita', 'nyt', 'tai', 'myos', 'vain', 'kanssa', 'tama', 'se', 'ne', 'he', 'me', 'te', 'sina',
    'sa', 'jos', 'niin', 'kai', 'ehka', 'asiakas', 'palvelu', 'toimisto', 'kokeilu', 'aidinkieleni', 'maahanmuuttaja',
    'tyomarkkinatukea', 'tyomarkkinatuki', 'ansiopaivarahaa', 'peruspaivarahaa', 'kelasta', 'aloita', 'alusta', 'peruuta',
    'poista', 'tietoni', 'ketka', 'siirtyivat', 'omavalmentaja', 'tyonantaja', 'infotilaisuus', 'suomeksi', 'hyva', 'selva',
    'ihan', 'viela', 'taalla', 'kotikunta', 'kotikuntani', 'saanko', 'pitaa', 'ole', 'oo', 'saa', 'tuki',
  ],
  sv: [
    'jag', 'ar', 'bor', 'och', 'inte', 'det', 'har', 'vad', 'hur', 'tack', 'hej', 'nej', 'ja', 'far', 'min', 'mitt', 'mig',
    'kan', 'vill', 'om', 'med', 'pa', 'en', 'ett', 'till', 'fran', 'arbetslos', 'svenska', 'bara', 'hjalp', 'tjena', 'gammal',
    'jobbar', 'arbetar', 'vet', 'ingen', 'inget', 'ingenting', 'ocksa', 'men', 'eller', 'nar', 'var', 'vem', 'vilka', 'hej',
    'invandrare', 'modersmal', 'avbryt', 'radera', 'uppgifter', 'borja', 'dagpenning', 'stod', 'fpa', 'kassan', 'arbetsgivare',
    'du', 'ni', 'vi', 'dom', 'sa', 'kommun', 'gor', 'finns', 'nagon', 'nagot', 'hjalpa', 'vara', 'ocksa', 'tycker', 'aldrig',
  ],
  en: [
    'i', "i'm", 'im', 'am', 'the', 'and', 'live', 'is', 'my', 'what', 'how', 'please', 'hello', 'hi', 'yes', 'no', 'get', 'from',
    'in', 'a', 'an', 'have', 'do', "don't", 'dont', 'work', 'years', 'old', 'help', 'thanks', 'thank', 'you', 'can', 'where',
    'when', 'who', 'english', 'benefit', 'unemployed', 'know', 'not', 'yeah', 'nope', 'receive', 'which', 'office', 'service',
    'pilot', 'coach', 'employer', 'immigrant', 'mother', 'tongue', 'language', 'start', 'over', 'cancel', 'delete', 'data',
    'it', 'this', 'that', 'me', 'of', 'to', 'for', 'with', 'are', 'was', 'be', 'your', 'any', 'allowance', 'subsidy', 'fund',
    'many', 'much', 'there', 'here', 'job', 'working', 'moved', 'would', 'like', 'want', 'need', 'sure',
  ],
};

/** Word → its score for fi, sv and en (in that order): 1 for one language, shared equally otherwise. */
const SCORE = new Map<string, [number, number, number]>();
{
  const langsOf = new Map<string, Set<Lang>>();
  for (const lang of Object.keys(WORDS) as Lang[]) for (const w of WORDS[lang]) langsOf.set(w, (langsOf.get(w) ?? new Set()).add(lang));
  for (const [w, langs] of langsOf) {
    const share = 1 / langs.size;
    SCORE.set(w, [langs.has('fi') ? share : 0, langs.has('sv') ? share : 0, langs.has('en') ? share : 0]);
  }
}

/** Finnish endings that other languages rarely have on their everyday words. */
const FINNISH_ENDING = /(?:ssa|sta|lla|lta|lle|ksi|aan|ista|isen|inen|ella|ssani|llani)$/;
const SWEDISH_LETTERS = /[åÅ]/;
const FINNISH_LETTERS = /[äöÄÖ]/;

export function detectLanguage(n: Normalized): Lang | undefined {
  let fi = 0;
  let sv = 0;
  let en = 0;
  for (const word of n.words) {
    const s = SCORE.get(word.text);
    if (s) {
      fi += s[0];
      sv += s[1];
      en += s[2];
    } else if (word.text.length > 5 && FINNISH_ENDING.test(word.text)) fi += 0.5;
    // Only a word that folding changed can hold å, ä or ö.
    if (word.raw === word.text) continue;
    if (SWEDISH_LETTERS.test(word.raw)) sv += 0.5;
    else if (FINNISH_LETTERS.test(word.raw)) fi += 0.25;
  }
  // The highest score wins if it is at least 1 and no other language has as much (ties: none).
  const ranked: Array<[Lang, number]> = [['fi', fi], ['sv', sv], ['en', en]];
  ranked.sort((a, b) => b[1] - a[1]);
  if (ranked[0][1] < 1 || ranked[0][1] === ranked[1][1]) return undefined;
  return ranked[0][0];
}

const REQUESTS: Record<Lang, RegExp> = {
  en: patternRegex([
    'in english', 'english please', 'english pls', '(?:can|could|do|will|would) you speak english', 'speak english,? please', 'please speak english', 'englanniksi', 'englanti kiitos', 'pa engelska',
    'puhu englantia', 'puhutko englantia', 'talar du engelska', 'kan du engelska', 'kan vi ta det pa engelska',
    "(?:i )?(?:don't|dont|do not|can't|cant|cannot) speak finnish", "(?:i )?(?:don't|dont|do not) understand finnish",
    'switch to english', 'change (?:the )?language to english', 'english language',
  ]),
  fi: patternRegex([
    'suomeksi', 'in finnish', 'finnish please', '(?:can|could|do|will|would) you speak finnish', 'speak finnish,? please', 'please speak finnish', 'pa finska', 'puhu suomea', 'puhutko suomea',
    'talar du finska', 'kan du finska', 'switch to finnish', 'vaihda suomeksi', 'vaihda kieli suomeksi',
  ]),
  sv: patternRegex([
    'ruotsiksi', 'pa svenska', 'in swedish', 'swedish please', '(?:can|could|do|will|would) you speak swedish', 'speak swedish,? please', 'please speak swedish', 'puhu ruotsia', 'puhutko ruotsia',
    'talar du svenska', 'kan du svenska', 'svenska tack', 'switch to swedish', 'jag talar inte finska', 'jag kan inte finska',
    'jag forstar inte finska', 'pa svenska tack',
  ]),
};
/** A message that is only a language's name asks for that language. */
const BARE: Record<string, Lang> = {
  english: 'en', englanti: 'en', engelska: 'en', eng: 'en', 'in english': 'en', englanniksi: 'en',
  suomi: 'fi', suomeksi: 'fi', finnish: 'fi', finska: 'fi', suomea: 'fi',
  svenska: 'sv', swedish: 'sv', ruotsi: 'sv', ruotsiksi: 'sv', svensk: 'sv', ruotsia: 'sv',
};

export function findLanguageRequest(n: Normalized): Lang | undefined {
  const bare = n.folded.trim().replace(/ (?:please|kiitos|tack|pls)$/, '');
  if (BARE[bare]) return BARE[bare];
  for (const lang of ['en', 'sv', 'fi'] as const) if (REQUESTS[lang].test(n.folded)) return lang;
  return undefined;
}
