// Whether the person is an immigrant or foreign-language speaker (mother tongue other than
// Finnish, Swedish or Sámi), and whether they work on the open labour market, in fi/sv/en.
// Denials are checked first ("en ole maahanmuuttaja" contains "maahanmuuttaja").
import { ABROAD } from './lexicon';
import { knownForms } from './municipality';
import { patternRegex, type Normalized } from './normalize';

const NOT_IMMIGRANT = patternRegex([
  'en ole maahanmuuttaja\\w*',
  'en oo maahanmuuttaja\\w*',
  'ei maahanmuuttaja\\w*',
  'en ole ulkomaalai\\w*',
  'olen suomalainen',
  'olen syntyperainen suomalainen',
  'synnyin suomessa',
  'olen syntynyt suomessa',
  'en ole vieraskielinen',
  'olen kantasuomalainen',
  "(?:i'm|im|i am) not an? (?:immigrant|migrant|refugee|foreigner)",
  'not an immigrant',
  "(?:i'm|im|i am) finnish",
  'born in finland',
  "(?:i'm|im|i am) a finn",
  'jag ar inte (?:en )?invandrare',
  'inte invandrare',
  'jag ar finlandare',
  'jag ar finsk',
  'fodd i finland',
  'jag ar fodd i finland',
  'jag ar finlandssvensk',
]);
const IMMIGRANT = patternRegex([
  'maahanmuuttaja\\w*',
  'maahanmuuttanut',
  'muuttanut suomeen',
  'muutin suomeen',
  'muutimme suomeen',
  'tulin suomeen',
  'tulimme suomeen',
  'ulkomaalai\\w*',
  'vieraskieli\\w*',
  'pakolai\\w*',
  'turvapaikan\\w*',
  'maahanmuuttajataust\\w*',
  'immigrant\\w*',
  'migrant\\w*',
  'refugee\\w*',
  'asylum seeker\\w*',
  'foreigner\\w*',
  'moved to finland',
  'came to finland',
  'foreign[- ]language speaker',
  'not (?:a )?finnish (?:citizen|speaker)',
  'invandrare',
  'invandrat',
  'invandrade',
  'flykting\\w*',
  'asylsokande',
  'utlanning\\w*',
  'flyttade till finland',
  'kom till finland',
  'inflyttare',
  // Saying one is not a Finn: "en ole suomalainen", "I'm not from Finland", "jag är inte finländare".
  'en ole (?:suomalainen|kotoisin suomesta|syntynyt suomessa)',
  "(?:i'm|im|i am) not (?:finnish|a finn|from finland)",
  'jag ar inte (?:finsk|finlandare|fran finland)',
  // A nationality after a be-verb: "olen venäläinen", "I am Somali", "jag är irakier".
  `(?:olen|oon|i'm|im|i am|jag ar)(?: (?!not |inte |ei |no )\\w+)? (?:${[
    'venalainen',
    'virolainen',
    'somalialainen',
    'somali',
    'irakilainen',
    'syyrialainen',
    'afganistanilainen',
    'afgaani',
    'ukrainalainen',
    'eritrealainen',
    'thaimaalainen',
    'vietnamilainen',
    'kiinalainen',
    'intialainen',
    'turkkilainen',
    'iranilainen',
    'kurdi',
    'russian',
    'estonian',
    'iraqi',
    'syrian',
    'afghan',
    'ukrainian',
    'eritrean',
    'thai',
    'vietnamese',
    'chinese',
    'indian',
    'turkish',
    'iranian',
    'kurdish',
    'ryss',
    'rysk',
    'estnisk',
    'estlandare',
    'somalier',
    'irakier',
    'syrier',
    'afghan',
    'ukrainare',
    'ukrainsk',
    'eritreansk',
    'thailandsk',
    'kines',
    'indier',
    'turk',
    'iranier',
    'kurd',
  ].join('|')})`,
]);

/** "äidinkieleni on X", "my mother tongue is X", "mitt modersmål är X". */
const MOTHER_TONGUE = patternRegex(
  [
    'aidinkieleni on',
    'aidinkieleni',
    'aidinkieli on',
    'aidinkieli',
    'aidinkielena',
    'aidinkielenani',
    'aidinkieleltani',
    'my (?:mother tongue|native language|first language|home language) is',
    'my (?:mother tongue|native language|first language)',
    'mother tongue is',
    'native language is',
    'mother tongue',
    'native language',
    'first language',
    'mitt modersmal ar',
    'modersmal ar',
    'mitt modersmal',
    'modersmalet ar',
    'modersmalet',
    'modersmal',
    'kotikieleni on',
    'kotikieleni',
    'kotikieli on',
    'kotikieli',
    'mitt forstasprak ar',
    'forstasprak ar',
    'mitt forstasprak',
    'forstasprak',
    'hemsprak ar',
    'hemsprak',
    'my native tongue is',
    'native tongue is',
    'native tongue',
    'native speaker of',
    'first language is',
  ],
  'g',
);
const DOMESTIC_LANGUAGE =
  /^(?:suomi|suomen|suomea|suomeksi|finnish|finska|finsk|ruotsi|ruotsin|ruotsia|swedish|svenska|svensk|saame|saamen|saamea|sami|saami|samiska|pohjoissaame|inarinsaame|koltansaame)$/;
const SKIP_WORDS = new Set(['on', 'is', 'ar', 'ei', 'not', 'inte', 'ole']);

/** Foreign languages as Finnish names them (any case ending): "venäjä", "venäjän", "arabiaa". */
const FOREIGN_FI =
  /^(?:venaj|viro|eesti|arabi|somali|englan|kurdi|persia|farsi|dari|turk|thai|kiina|vietnam|ukrain|puola|saksa|ranska|espanja|tigrinj|amhar|albania|romania|bulgaria|unkari|latvia|liettua|tagalog|urdu|hindi|bengal|nepal|pashto|portugal|italia|japani|korea|karjala|mandariini|kanton|swahili|tamil|punjabi)/;
/** Swedish and English language names by their endings: "ryska", "arabiska"; "Russian", "English", "Chinese", "Arabic". */
const LANGUAGE_ENDING = /^[a-z]{2,}(?:ska|ian|ish|ese|ic)$/;
const OTHER_LANGUAGE_WORDS = new Set([
  'somali',
  'thai',
  'farsi',
  'dari',
  'urdu',
  'hindi',
  'tigrinya',
  'amharic',
  'pashto',
  'tagalog',
  'swahili',
  'tamil',
  'punjabi',
  'nepali',
  'bengali',
]);

/** True when a word names a language: domestic, or a known foreign one. */
function isLanguageWord(word: string): boolean {
  return (
    DOMESTIC_LANGUAGE.test(word) ||
    FOREIGN_FI.test(word) ||
    LANGUAGE_ENDING.test(word) ||
    OTHER_LANGUAGE_WORDS.has(word)
  );
}
/** Words that may stand between a language named first and the mother-tongue phrase: "venäjä on äidinkieleni", "Russian is my mother tongue". */
const BEFORE_SKIP = new Set([
  'on',
  'is',
  'ar',
  'my',
  'mitt',
  'minun',
  'mun',
  'mina',
  'ma',
  'oma',
  'omani',
  'as',
  'som',
]);

/** The language named before the phrase: "suomi äidinkieli", "ryska är mitt modersmål". */
function languageBefore(words: readonly string[]): string | undefined {
  for (let i = words.length - 1, steps = 0; i >= 0 && steps < 4; i--, steps++) {
    if (BEFORE_SKIP.has(words[i])) continue;
    return isLanguageWord(words[i]) ? words[i] : undefined;
  }
  return undefined;
}

function fromMotherTongue(n: Normalized): boolean | undefined {
  const text = n.folded;
  MOTHER_TONGUE.lastIndex = 0;
  const m = MOTHER_TONGUE.exec(text);
  if (!m) return undefined;
  // A sentence mark ends the phrase's reach: "asun Juvalla. äidinkieli suomi".
  const before = text.slice(0, m.index).trim().split(' ').filter(Boolean);
  const named = languageBefore(before);
  const rest = text
    .slice(m.index + m[0].length)
    .trim()
    .split(' ')
    .filter(Boolean);
  // "suomi äidinkieli, asun Juvalla": the language before wins when none that is a language follows.
  if (named !== undefined && !(rest.length && isLanguageWord(rest.find((w) => !SKIP_WORDS.has(w)) ?? '')))
    return !DOMESTIC_LANGUAGE.test(named);
  const after = rest;
  let negatedTongue = false;
  let i = 0;
  while (i < after.length && SKIP_WORDS.has(after[i])) {
    if (['ei', 'not', 'inte', 'ole'].includes(after[i])) negatedTongue = true;
    i++;
  }
  const language = after[i];
  if (!language || !/^[a-z]{3,}$/.test(language)) return undefined;
  const domestic = DOMESTIC_LANGUAGE.test(language);
  return negatedTongue ? domestic : !domestic;
}

/** "puhun kotona arabiaa", "jag talar arabiska hemma", "we speak Somali at home". */
const HOME_LANGUAGE =
  / (?:puhun kotona|puhumme kotona|kotona puhun|kotona puhumme|kotikieleni on|kotikielemme on) ([a-z]+)| (?:jag|vi) talar ([a-z]+) hemma| (?:i|we) speak ([a-z]+) at home/;
/** "olen syntynyt Somaliassa", "I was born in Syria", "jag är född i Irak". */
const BORN_IN = / (?:synnyin|olen syntynyt|syntynyt|born in|fodd i|jag ar fodd i) ([a-z]+)/;
const FINLAND = /^(?:suom|finland|finnland|finl)/;

/** "olen venäjänkielinen", "jag är ryskspråkig", "I'm a Russian speaker", "Finnish-speaking": the language one speaks. */
const SPEAKER =
  / (?:olen|oon|olemme|ollaan|jag ar|vi ar|(?:i'm|im|i am|we are)(?: an?)?) ([a-z]+?)(?:kielinen|kielisia|sprakig|spraklig|talande|[- ]speaking|[- ]speaker)(?= )/;
const SPEAKER_DOMESTIC = /^(?:suomen|ruotsin|saamen|kaksi|fin|finsk|svensk|sv|tva|finnish|swedish|sami|sam|same)$/;

/** The adjective alone as a clause of its own: "Nyslott, 51 år, finskspråkig". */
const SPEAKER_WORD = /^([a-z]+?)(?:kielinen|sprakig|spraklig|talande)$/;

function speakerClause(n: Normalized): RegExpExecArray | null {
  for (let t = 0; t < n.tokens.length; t++) {
    const m = n.tokens[t].mark ? null : SPEAKER_WORD.exec(n.tokens[t].text);
    if (m && (t === 0 || n.tokens[t - 1].mark) && (t === n.tokens.length - 1 || n.tokens[t + 1].mark)) return m;
  }
  return null;
}

function fromSpeaker(n: Normalized): boolean | undefined {
  const m = SPEAKER.exec(n.folded) ?? speakerClause(n);
  if (!m) return undefined;
  // "vieraskielinen" (foreign-language) is read by the word lists; "kaksikielinen" (bilingual) says nothing.
  if (m[1] === 'vieras') return true;
  if (m[1] === 'kaksi' || m[1] === 'tva' || m[1] === 'bi') return undefined;
  return !SPEAKER_DOMESTIC.test(m[1]);
}

function fromHomeLanguage(n: Normalized): boolean | undefined {
  const m = HOME_LANGUAGE.exec(n.folded);
  const language = m && (m[1] ?? m[2] ?? m[3]);
  return language ? !DOMESTIC_LANGUAGE.test(language) : undefined;
}

function fromBirthplace(n: Normalized): boolean | undefined {
  const m = BORN_IN.exec(n.folded);
  if (!m) return undefined;
  const place = m[1];
  // Born in Finland or in a Finnish town: no sign of immigration.
  if (FINLAND.test(place) || knownForms().has(place)) return false;
  // A year or a word that is no place ("synnyin vuonna 1990") says nothing.
  const raw = n.words.find((w) => w.text === place)?.raw ?? '';
  return /^\p{Lu}/u.test(raw) ? true : undefined;
}

/**
 * Where the person comes from: "I moved from Somalia", "jag kommer från Irak", "olen kotoisin
 * Afganistanista", "muutin Suomeen Irakista". Only a place abroad (lexicon.ts) is a sign of
 * immigration; "I moved from Helsinki" or "muutin Mikkelistä" says nothing about it.
 */
const ORIGIN = new RegExp(
  [
    // English and Swedish: a verb of moving (maybe "to Finland"/"here"), then from/från and the place.
    // "came"/"kom" only with "here"/"to Finland": "I just came from Spain" may be a holiday.
    ` (?:(?:moved|fled|escaped|originally|i'm|im|am|come|comes|flyttade|flyttat|flydde|kommer|ar)(?: (?:here|to finland|over|originally|hit|till finland|ursprungligen))?|(?:came|kom) (?:here|to finland|hit|till finland)) (?:from|fran) (?:the )?([a-z]+)(?= )`,
    // Finnish: a verb of moving or "kotoisin", maybe one word ("Suomeen", "tänne"), then a place in
    // the elative or ablative (Irakista, Venäjältä); "tulin" only with "Suomeen"/"tänne" ("tulin Espanjasta" may be a holiday).
    ` (?:(?:kotoisin|lahtoisin|muutin|muutimme|muuttanut|muuttaneet|pakenin|pakenimme|paennut)(?: [a-z]+)?|(?:tulin|tulimme|tullut|tulleet) (?:suomeen|tanne)) ([a-z]+(?:sta|lta))(?= )`,
  ].join('|'),
  'g',
);
/** A Finn moving back home ("muutin takaisin Suomeen Ruotsista") is no immigrant. */
const RETURNING = / (?:takaisin|back|tillbaka|paluumuutt\w*|returned|palasin)(?= )/;

function fromOrigin(n: Normalized): boolean | undefined {
  if (RETURNING.test(n.folded)) return undefined;
  ORIGIN.lastIndex = 0;
  for (let m = ORIGIN.exec(n.folded); m; m = ORIGIN.exec(n.folded)) {
    if (ABROAD.has(m[1] ?? m[2])) return true;
    ORIGIN.lastIndex = m.index + 1;
  }
  return undefined;
}

/**
 * The answer to "are you an immigrant or a foreign-language speaker?" that is a foreign language's
 * name alone: "venäjä", "ryska", "Arabic". (A domestic one, "suomi", "svenska", is a request to
 * switch language.)
 */
export function foreignLanguageAnswer(n: Normalized): boolean {
  const words = n.words
    .map((w) => w.text)
    .filter((w) => !['vain', 'only', 'bara', 'mostly', 'enimmakseen', 'mest'].includes(w));
  return (
    words.length >= 1 &&
    words.length <= 2 &&
    words.every((w) => isLanguageWord(w) || w === 'ja' || w === 'and' || w === 'och') &&
    words.some((w) => isLanguageWord(w) && !DOMESTIC_LANGUAGE.test(w))
  );
}

export function findImmigrant(n: Normalized): boolean | undefined {
  const tongue = fromMotherTongue(n) ?? fromHomeLanguage(n) ?? fromSpeaker(n);
  if (tongue !== undefined) return tongue;
  const born = fromBirthplace(n);
  if (born !== undefined) return born;
  if (fromOrigin(n)) return true;
  if (NOT_IMMIGRANT.test(n.folded)) return false;
  if (IMMIGRANT.test(n.folded)) return true;
  return undefined;
}

const UNEMPLOYED = patternRegex([
  'olen tyoton',
  'oon tyoton',
  'tyoton',
  'tyottomana',
  'tyottoman\\w*',
  'olen ilman toita',
  'en ole toissa',
  'en oo toissa',
  'en ole tyossa',
  'en ole toissa',
  'minulla ei ole toita',
  'mulla ei ole toita',
  'ei toita',
  'ei ole toita',
  'ei tyopaikkaa',
  'lomautettu\\w*',
  'lomautuksella',
  'lomautus\\w*',
  'lomautti\\w*',
  'lomautettiin',
  'irtisanoi\\w* minut',
  'irtisanottiin',
  'sai potkut',
  'sain potkut',
  '(?:laid|let) me (?:off|go)',
  'fired me',
  "(?:i was|i've been|ive been|got) (?:laid off|fired|made redundant)",
  'permitterade mig',
  'sade upp mig',
  'blev (?:permitterad|uppsagd)',
  'etsin toita',
  'haen toita',
  'irtisanottu\\w*',
  "(?:i'm|im|i am) unemployed",
  'unemployed',
  'jobless',
  'out of work',
  'no job',
  "(?:don't|dont|do not) have a job",
  'laid off',
  'lost my job',
  'looking for (?:a )?(?:job|work)',
  "(?:i'm|im|i am) not working",
  "(?:i )?(?:don't|dont|do not) work",
  'arbetslos\\w*',
  'jag har inget jobb',
  'jag har inte (?:nagot )?jobb',
  'permitterad\\w*',
  'jag soker (?:jobb|arbete)',
  'utan jobb',
  'utan arbete',
  'jag jobbar inte',
  'jag arbetar inte',
]);
const EMPLOYED = patternRegex([
  'olen toissa',
  'oon toissa',
  'olen tyossa',
  'kayn toissa',
  'teen toita',
  'tyoskentelen',
  'minulla on tyopaikka',
  'mulla on tyopaikka',
  'mulla on toita',
  'minulla on toita',
  'olen palkkatyossa',
  'olen vakituisessa tyossa',
  'olen toissa \\w+',
  'olen(?: \\w+){1,3} (?:toissa|tyossa)',
  'olen [\\w-]*(?:toissa|tyossa)',
  'olen tyosuhteessa',
  'olen yrittaja',
  'olen itsenainen ammatinharjoittaja',
  "(?:i'm|im|i am) self[- ]employed",
  "(?:i'm|im|i am) an entrepreneur",
  'jag ar (?:egen)?foretagare',
  'jag har eget foretag',
  'i run my own business',
  'olen kokoaikatyossa',
  'olen osa-aikatyossa',
  'i work',
  "(?:i'm|im|i am) working",
  "(?:i'm|im|i am) employed",
  'i have a job',
  "(?:i've|ive|i have) got a job",
  'i have a full[- ]time job',
  'i have a part[- ]time job',
  'jag jobbar',
  'jag arbetar',
  'jag har jobb',
  'jag har ett jobb',
  'jag ar anstalld',
  'jag har arbete',
  // The open labour market named as such, or an ordinary job set against a subsidised one.
  '(?:tavallisissa|normaaleissa|oikeissa|ihan tavallisissa|vakituisissa|vakinaisissa) (?:toissa|tyossa)',
  'avoimilla tyomarkkinoilla',
  'open (?:labou?r )?market',
  'a (?:normal|regular|ordinary|permanent) job',
  'pa (?:den )?oppna arbetsmarknaden',
  'vanligt (?:jobb|arbete)',
  'fast (?:jobb|anstallning)',
  'jag jobbar heltid',
  'vakituinen (?:tyo|tyopaikka)',
  'vakituisessa tyosuhteessa',
  'kokopaivatoissa',
  'i work full[- ]time',
  'i have a permanent job',
  // A working week named without the pronoun: "bor i Jockas och jobbar heltid", "and work full time".
  '(?:jobbar|arbetar) heltid',
  'work(?:ing)? full[- ]time',
  'teen (?:kokopaiva|kokoaika)(?:tyota|toita)',
  'olen (?:kokopaiva|kokoaika)tyossa',
]);

/**
 * Subsidised work and the other employment-promoting services: the pilots took these people
 * (HE 87/2020), so they are not "working on the open labour market" whatever verb they use
 * ("olen palkkatuella töissä", "jag jobbar med lönesubvention", "I'm in a wage subsidy job").
 */
const SUBSIDISED = patternRegex([
  // Finnish: pay subsidy in every form, "työllistetty", rehabilitative work, work trial, labour market training.
  '\\w*palkkatu[ek]\\w*',
  'palkkatukityo\\w*',
  '\\w*tyollistet\\w*',
  'tyollistettyna',
  'tukityo\\w*',
  'tuetussa tyossa',
  'tuettua tyota',
  'kuntouttava\\w*(?: tyotoimin\\w*)?',
  'kuntouttavassa',
  'kuntari(?:ssa|lla|in|a)?',
  'tyokokeilu\\w*',
  'tyovoimakoulutu\\w*',
  'tyovoimapoliittise\\w* koulutu\\w*',
  'tyollistymista edistav\\w*',
  'tyoharjoittelu\\w*',
  'palkkatuetu\\w*',
  'palkkatuettu\\w*',
  'palkkatuki\\w*',
  'palkka tuella',
  'palkka tuki\\w*',
  'palkkatuella',
  'palkka-tuella',
  'palkkatukityossa',
  'omaehtoise\\w* opiskelu\\w*',
  // Swedish.
  'lonesubvention\\w*',
  'lonesubventionera\\w*',
  'lonestod\\w*',
  'med lone ?stod',
  'subventionera\\w* (?:arbete|jobb|anstallning|tjanst)',
  'sysselsatt med stod',
  'arbetsprovning\\w*',
  'arbetskraftsutbildning\\w*',
  'rehabiliterande arbetsverksamhet\\w*',
  'arbetsverksamhet i rehabiliteringssyfte',
  // English.
  '(?:wage|pay|salary|employment) subsid\\w*',
  'subsidi[sz]ed (?:work|job|employment|position|post|contract)\\w*',
  'subsidy (?:job|work|position)\\w*',
  'on (?:a )?(?:wage )?subsidy',
  'with (?:a )?(?:wage |pay )?subsidy',
  'work trial\\w*',
  'work try-?out',
  'rehabilitative work\\w*',
  'labou?r market training',
  'employment training',
  'subsidi[sz]ed',
  'job training',
  'work try-?out\\w*',
  // Training or coaching arranged by the employment services.
  'te-?(?:toimiston|palvelujen|palveluiden) (?:kautta )?(?:koulutuksessa|kurssilla|valmennuksessa|koulutus\\w*)',
  '(?:koulutuksessa|kurssilla|valmennuksessa) te-?(?:toimiston|palvelujen) kautta',
  'tyovalmennu\\w*',
  '(?:utbildning|kurs) (?:via|genom|fran) te-?byran',
  'te-?byrans (?:utbildning|kurs)\\w*',
  '(?:training|course|coaching) (?:from|through|via|by) the te[- ]?office',
]);
/** "en ole palkkatuella vaan tavallisissa töissä": a denied subsidy says nothing of it. */
const NOT_SUBSIDISED = patternRegex([
  '(?:en|ei) (?:ole |oo )?(?:enaa )?(?:palkkatu\\w*|tyollistet\\w*)',
  'ilman palkkatu\\w*',
  'not (?:on |in )?(?:a )?(?:subsidi[sz]ed|wage subsid\\w*)\\w*',
  'without (?:a )?(?:wage )?subsid\\w*',
  'inte (?:med )?(?:lonesubvention\\w*|lonestod)',
  'utan lone(?:subvention|stod)\\w*',
]);

const PAST_WORK = patternRegex([
  '(?:olen|oon) ollut (?:\\w+ )?(?:aiemmin|ennen|aikaisemmin|viimeksi)',
  '(?:aiemmin|ennen|aikaisemmin) (?:olin |olen ollut )?(?:toissa|tyossa)',
  'olin toissa',
  'used to work',
  'i worked',
  'jag jobbade',
  'jag arbetade',
  '(?:tidigare|forut) (?:jobbat|jobbade|arbetat|arbetade)',
]);

/** True when the message says the writer is out of work or laid off (not only that someone's job is subsidised). */
export function saysUnemployed(n: Normalized): boolean {
  return UNEMPLOYED.test(n.folded);
}

/**
 * True when the person works on the open labour market (the TE office's), false when unemployed,
 * laid off or in subsidised work or another employment-promoting service (the pilots').
 */
export function findEmployed(n: Normalized): boolean | undefined {
  if (SUBSIDISED.test(n.folded) && !NOT_SUBSIDISED.test(n.folded)) return false;
  if (UNEMPLOYED.test(n.folded)) return false;
  // Work in the past says nothing of today: "olen ollut aiemmin töissä kaupassa", "I used to work".
  if (PAST_WORK.test(n.folded)) return undefined;
  if (EMPLOYED.test(n.folded)) return true;
  return undefined;
}
