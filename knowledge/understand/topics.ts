// Questions about the pilots that the knowledge answers (types.ts Topic), in fi/sv/en.
// A topic needs its own words ("omavalmentaja", "info session") or a question word together with
// a subject ("milloin" + "kokeilu"), so that a plain "asun Mikkelissä" asks nothing.
import type { Topic } from '../types';
import { patternRegex, type Normalized } from './normalize';

const re = (list: string[]) => patternRegex(list);

const EMPLOYER = re([
  'tyonantaja\\w*', 'yrittaja\\w*', 'rekrytoi\\w*', 'rekrytointi\\w*', 'avoi\\w* tyopaik\\w*',
  'tyopaikkailmoitu\\w*', 'ilmoittaa (?:avoimesta )?tyopaikasta', 'palkata', 'palkkaamaan', 'palkkaan', 'tyovoimaa', 'tyovoiman (?:tarve|tarpeessa|saatavuus|hankinta)\\w*', 'tyovoimapula\\w*',
  'employer\\w*', 'recruit\\w*', 'vacanc\\w*', 'hiring', 'hire (?:someone|staff|people|workers|employees)', 'job (?:ad|advert|posting|notice)\\w*',
  'my company', 'our company', 'etsin tyontekij\\w*', 'etsimme tyontekij\\w*', 'tarvitsemme tyontekij\\w*', 'tarvitsen tyontekij\\w*',
  'tarvitsee tyontekij\\w*', 'yritykse(?:ni|mme|lleni|llemme)',
  'looking for (?:staff|employees|workers)', 'need (?:staff|employees|workers)', 'soker personal', 'soker arbetskraft', 'arbetsgivar\\w*', 'rekryter\\w*', 'ledig\\w* (?:tjanst|jobb|plats)\\w*', 'anstalla',
  // Hiring said the way employers write it, in the three languages.
  'yrityspalvelu\\w*', 'tyonantajapalvelu\\w*', 'tyontekij(?:a|oita|an|oiden) (?:yritykse\\w*|firmaa\\w*|meille|minulle)', 'uusi(?:a)? tyontekij\\w*',
  'ilmoit\\w* (?:avoime\\w* )?(?:tyopaik\\w*|paik\\w*)', '(?:tarvitsemme|tarvitsen|tarvitsee|etsimme|haemme|palkkaamme) (?:\\w+ )?\\w*tyontekij\\w*',
  '\\w*tyontekijoita (?:tarvitaan|haetaan|etsitaan)', 'jobbannons\\w*', 'sommarjobbare', 'sommarpersonal', 'behover (?:\\w+ )?(?:personal|medarbetare|arbetskraft|sommarjobbare)',
  '(?:we|i) need (?:\\w+ )?(?:staff|employees?|workers?)', 'summer (?:staff|workers|employees)', 'seasonal workers', 'arbetskraft(?:en)?',
  'hire (?:an? )?(?:new )?(?:employee|worker|person)', 'recruit\\w*', 'tyopaikkailmoitu\\w*', 'rekry\\w*', 'firma(?:ni|mme|lleni|llemme)', 'yritys(?:tani|tamme)',
  'platsannons\\w*', 'annonsera\\w*', 'nya? (?:medarbetare|anstallda|arbetstagare)', 'medarbetare', 'arbetstagare', 'hitta\\w*(?: \\w+)? (?:ny )?personal', 'behover personal',
  'behover anstalla', 'anstall\\w* (?:nagon|personal|en ny\\w*)', 'foretagstjanst\\w*', 'arbetsgivartjanst\\w*', 'vart foretag', 'mitt foretag', 'vi anstaller',
  'tjanster for (?:arbetsgivare|foretag)', 'driver (?:ett|eget) foretag',
  'advertise (?:a |our |my )?(?:job|vacanc|position|opening)\\w*', 'job opening\\w*', 'open position\\w*', 'looking to hire', 'want to hire',
  'need to hire', 'find (?:staff|employees|workers)', 'new (?:staff|employees|workers|hires?)', 'services for (?:employers|companies|businesses)',
  'business services', 'our business', 'my business', 'employ (?:someone|people|staff)',
]);
const COACH = re([
  'omavalmentaja\\w*', 'oma valmentaja\\w*', 'omavalmentajan', 'valmentaja\\w*', 'personal coach\\w*', 'own coach', 'coach\\w*',
  'egen coach\\w*', 'coachen', 'personlig coach\\w*',
]);
const WHEN = re([
  'milloin', 'koska', 'mihin asti', 'mista asti', 'kuinka kauan', 'paljonko aikaa', 'when', 'until when', 'how long', 'since when',
  'nar', 'hur lange', 'till nar', 'sedan nar', 'aikataulu\\w*', 'schedule', 'tidtabell', 'dates?', 'paivamaara\\w*', 'datum',
  'kauanko', 'kuinka pitkaan', 'miten pitkaan', 'kaynnissa', 'voimassa', 'still (?:running|on|going|active)', 'ongoing', '(?:is|was) (?:it|the pilot) over',
  'pagar', 'fortfarande', 'paattynyt', 'loppunut', 'ended', 'has it ended', 'ar det slut',
]);
const PILOT_TIME = re([
  'kokeilu\\w*', 'kuntakokeilu\\w*', 'pilot\\w*', 'forsok\\w*', 'kommunforsok\\w*', 'alk\\w*', 'alo\\w*', 'paatty\\w*', 'paattyi',
  'loppu\\w*', 'start\\w*', 'end\\w*', 'begin\\w*', 'borja\\w*', 'borjade', 'slut\\w*', 'upphor\\w*', 'voimassa', 'kesta\\w*',
]);
const WHO = re(['ketka', 'keta', 'kuka', 'keita', 'kenet', 'kenen', 'kuuluuko', 'who', 'whom', 'vem', 'vilka', 'does it apply']);
/** "Am I in the pilot?": a question about who moved, asked for oneself. */
const MEMBERSHIP = re([
  'kuulunko', 'siirryinko', 'siirrynko', 'siirretaanko minut', 'olenko (?:mina )?(?:kokeilussa|kuntakokeilussa|mukana)',
  'am i in the pilot', 'am i part of the pilot', 'who (?:is|are) (?:in|part of|included in|covered by) the pilot\\w*', 'do i belong to the pilot', 'was i (?:moved|transferred)',
  'hor jag till (?:forsoket|kommunforsoket)', 'ingar jag i (?:forsoket|kommunforsoket)', 'flyttades jag',
]);
const MOVED = re([
  'siirty\\w*', 'siirre\\w*', 'siirrettiin', 'kuulu\\w*', 'moved?', 'move', 'transfer\\w*', 'belong\\w*', 'included', 'covered',
  'flytta\\w*', 'overford\\w*', 'overfor\\w*', 'hor till', 'omfatta\\w*', 'koskee', 'kokeilun piiri\\w*', 'piiriin',
  'apply', 'applies', 'concern\\w*', 'galler', 'mukana\\w*',
]);
const HOW_MANY = re(['kuinka monta', 'montako', 'moniko', 'lukumaara\\w*', 'how many', 'number of', 'hur manga', 'antal\\w*']);
const CLIENT_COUNT = re(['(?:paljonko|kuinka paljon) (?:\\w+ )?asiak\\w*', 'asiakasmaar\\w*', 'asiakkaiden maar\\w*', 'client numbers', 'number of clients', 'kundantal\\w*']);
const CLIENTS = re([
  'asiak\\w*', 'tyonhakij\\w*', 'tyottom\\w*', 'ihmis\\w*', 'henki\\w*', 'client\\w*', 'customer\\w*', 'jobseeker\\w*',
  'job seekers?', 'people', 'persons', 'unemployed', 'kund\\w*', 'arbetssokande', 'personer', 'manniskor',
]);
const INFO_SESSION = re([
  'info\\w*tilaisuu\\w*', 'tiedotustilaisuu\\w*', 'infotilaisuu\\w*', 'infoon', 'infossa', 'info session\\w*',
  'information session\\w*', 'info meeting', 'webinar\\w*', 'webinaari\\w*', 'infotillfalle\\w*', 'informationsmote\\w*',
  'informationstillfalle\\w*', 'infomote\\w*', 'teams[- ]\\w*tilaisuu\\w*', 'teams meeting', 'teams-moote\\w*', 'kutsu\\w* (?:infoon|tilaisuuteen)',
]);

/** "Info" alone is the info session when asked when or where: "milloin info oli?", "när var infon". */
const INFO_WORD = re(['info', 'infoa', 'infon', 'infosta', 'infot', 'infoja']);
/** Where-words; not Swedish "var", which is also "was" ("det var bra info"). */
const WHERE = re(['missa', 'mista', 'mihin', 'where', 'vart', 'link\\w*', 'linkki\\w*', 'lank\\w*']);

/** The person's own employer ("my employer laid me off", "työnantajani lomautti minut"): an employee speaking, no employer. */
const OWN_EMPLOYER = re([
  'my (?:former |previous |old |last )?(?:employer|boss)', 'min (?:forra |tidigare |gamla )?(?:arbetsgivare|chef)', 'mitt (?:forra |tidigare )?foretag (?:permitterade|sade)',
  'tyonantaja(?:ni|mme)\\w*', '(?:entinen|vanha|edellinen) tyonantaja\\w*', 'tyonantaja (?:lomautti|irtisanoi|potkaisi|lopetti)\\w*',
  'arbetsgivaren (?:permitterade|sade upp)\\w*',
]);

export function findTopic(n: Normalized): Topic | undefined {
  const t = n.folded;
  if (INFO_SESSION.test(t)) return 'infoSession';
  if (COACH.test(t)) return 'coach';
  if (EMPLOYER.test(t) && !OWN_EMPLOYER.test(t)) return 'employer';
  if (CLIENT_COUNT.test(t) || (HOW_MANY.test(t) && CLIENTS.test(t))) return 'clientCounts';
  if (MEMBERSHIP.test(t) || (WHO.test(t) && MOVED.test(t))) return 'whoMoved';
  if (WHEN.test(t) && PILOT_TIME.test(t)) return 'pilotDates';
  // Last: "info" alone with when/where, so that "kiitos infosta, milloin kokeilu alkoi?" asks the dates.
  if (INFO_WORD.test(t) && (WHEN.test(t) || WHERE.test(t))) return 'infoSession';
  return undefined;
}
