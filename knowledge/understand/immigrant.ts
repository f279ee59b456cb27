// Whether the person is an immigrant or foreign-language speaker (mother tongue other than
// Finnish, Swedish or Sámi), in fi/sv/en. The mother tongue decides first, then the birthplace,
// then where the person came from, then the plain phrases; denials are checked before the phrases
// ("en ole maahanmuuttaja" contains "maahanmuuttaja"). The words are data:
// knowledge/data/understanding/immigrant.yaml; how they combine is here.
import { ABROAD } from './lexicon';
import { knownForms } from './municipalityIndex';
import type { Normalized } from './normalize';
import { alternatives, captured, captureRegex, patternRegex, wordShapeRegex } from './patterns';
import { vocabulary } from './vocabulary';

const vocab = vocabulary.immigrant;

const NOT_IMMIGRANT = patternRegex(vocab.notImmigrant);
/** The phrases, and a nationality after a be-verb: "olen venäläinen", "I am Somali", "jag är irakier". */
const IMMIGRANT = patternRegex([
  ...vocab.immigrant,
  ...vocab.nationalitySayings.map((p) => p.replace('{nationality}', `(?:${vocab.nationalities.join('|')})`)),
]);

/** "äidinkieleni on X", "my mother tongue is X", "mitt modersmål är X". */
const MOTHER_TONGUE = patternRegex(vocab.motherTongue, 'g');
const DOMESTIC_LANGUAGE: ReadonlySet<string> = new Set(vocab.domesticLanguages);
/** Between the phrase and the language, and the denials among them ("äidinkieleni ei ole suomi"). */
const TONGUE_DENIALS = new Set(vocab.tongueDenials);
const SKIP_WORDS = new Set([...vocab.tongueSkip, ...vocab.tongueDenials]);

/** Foreign languages as Finnish names them (any case ending): "venäjä", "venäjän", "arabiaa". */
const FOREIGN_FI = wordShapeRegex({ starts: vocab.foreignLanguageStarts });
/** Swedish and English language names by their endings: "ryska", "arabiska"; "Russian", "English", "Chinese", "Arabic". */
const LANGUAGE_ENDING = new RegExp(`^[a-z]{2,}(?:${alternatives(vocab.languageNameEndings)})$`);
const OTHER_LANGUAGE_WORDS = new Set(vocab.otherLanguages);

/** True when a word names a language: domestic, or a known foreign one. */
function isLanguageWord(word: string): boolean {
  return (
    DOMESTIC_LANGUAGE.has(word) || FOREIGN_FI.test(word) || LANGUAGE_ENDING.test(word) || OTHER_LANGUAGE_WORDS.has(word)
  );
}
/** Words that may stand between a language named first and the mother-tongue phrase: "venäjä on äidinkieleni", "Russian is my mother tongue". */
const BEFORE_SKIP = new Set(vocab.beforeTongue);
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
    return !DOMESTIC_LANGUAGE.has(named);
  const after = rest;
  let negatedTongue = false;
  let i = 0;
  while (i < after.length && SKIP_WORDS.has(after[i])) {
    if (TONGUE_DENIALS.has(after[i])) negatedTongue = true;
    i++;
  }
  const language = after[i];
  if (!language || !/^[a-z]{3,}$/.test(language)) return undefined;
  const domestic = DOMESTIC_LANGUAGE.has(language);
  return negatedTongue ? domestic : !domestic;
}

/** "puhun kotona arabiaa", "jag talar arabiska hemma", "we speak Somali at home". */
const HOME_LANGUAGE = captureRegex(vocab.homeLanguage, 'language', '([a-z]+)');
/** "olen syntynyt Somaliassa", "I was born in Syria", "jag är född i Irak". */
const BORN_IN = captureRegex(vocab.bornIn, 'place', '([a-z]+)');
const FINLAND = wordShapeRegex({ starts: vocab.finland });

/** "olen venäjänkielinen", "jag är ryskspråkig", "I'm a Russian speaker", "Finnish-speaking": the language one speaks. */
const SPEAKER = new RegExp(
  ` (?:${vocab.speaker.before.join('|')}) ([a-z]+?)(?:${vocab.speaker.endings.join('|')})(?= )`,
);
const SPEAKER_DOMESTIC = new Set(vocab.speaker.domestic);
const SPEAKER_FOREIGN = new Set(vocab.speaker.foreign);
const SPEAKER_BILINGUAL = new Set(vocab.speaker.bilingual);

/** The adjective alone as a clause of its own: "Nyslott, 51 år, finskspråkig". */
const SPEAKER_WORD = new RegExp(`^([a-z]+?)(?:${alternatives(vocab.speaker.wordEndings)})$`);

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
  if (SPEAKER_FOREIGN.has(m[1])) return true;
  if (SPEAKER_BILINGUAL.has(m[1])) return undefined;
  return !SPEAKER_DOMESTIC.has(m[1]);
}

function fromHomeLanguage(n: Normalized): boolean | undefined {
  const language = captured(HOME_LANGUAGE.exec(n.folded));
  return language ? !DOMESTIC_LANGUAGE.has(language) : undefined;
}

function fromBirthplace(n: Normalized): boolean | undefined {
  const place = captured(BORN_IN.exec(n.folded));
  if (place === undefined) return undefined;
  // Born in Finland or in a Finnish town: no sign of immigration.
  if (FINLAND.test(place) || knownForms().has(place)) return false;
  // A year or a word that is no place ("synnyin vuonna 1990") says nothing.
  const raw = n.words.find((w) => w.text === place)?.raw ?? '';
  return /^\p{Lu}/u.test(raw) ? true : undefined;
}

/**
 * Where the person comes from: "I moved from Somalia", "jag kommer från Irak", "olen kotoisin
 * Afganistanista", "muutin Suomeen Irakista". Only a place abroad (lexicon.yaml) is a sign of
 * immigration; "I moved from Helsinki" or "muutin Mikkelistä" says nothing about it.
 */
const { origin } = vocab;
const ORIGIN = new RegExp(
  [
    // English and Swedish: a verb of moving (maybe "to Finland"/"here"), then from/från and the place.
    // "came"/"kom" only with "here"/"to Finland": "I just came from Spain" may be a holiday.
    ` (?:(?:${origin.verbs.join('|')})(?: (?:${origin.how.join('|')}))?|(?:${origin.cameVerbs.join('|')}) (?:${origin.cameHow.join('|')})) (?:${origin.from.join('|')}) (?:(?:${origin.articles.join('|')}) )?([a-z]+)(?= )`,
    // Finnish: a verb of moving or "kotoisin", maybe one word ("Suomeen", "tänne"), then a place in
    // the elative or ablative (Irakista, Venäjältä); "tulin" only with "Suomeen"/"tänne".
    ` (?:(?:${origin.finnishVerbs.join('|')})(?: [a-z]+)?|(?:${origin.finnishCameVerbs.join('|')}) (?:${origin.finnishCameHow.join('|')})) ([a-z]+(?:${origin.finnishEndings.join('|')}))(?= )`,
  ].join('|'),
  'g',
);
/** A Finn moving back home ("muutin takaisin Suomeen Ruotsista") is no immigrant. */
const RETURNING = patternRegex(origin.returning);

function fromOrigin(n: Normalized): boolean | undefined {
  if (RETURNING.test(n.folded)) return undefined;
  ORIGIN.lastIndex = 0;
  for (let m = ORIGIN.exec(n.folded); m; m = ORIGIN.exec(n.folded)) {
    if (ABROAD.has(m[1] ?? m[2])) return true;
    ORIGIN.lastIndex = m.index + 1;
  }
  return undefined;
}

const ANSWER_FILLERS = new Set(vocab.answerFillers);
const ANSWER_AND = new Set(vocab.answerAnd);

/**
 * The answer to "are you an immigrant or a foreign-language speaker?" that is a foreign language's
 * name alone: "venäjä", "ryska", "Arabic". (A domestic one, "suomi", "svenska", is a request to
 * switch language.)
 */
export function foreignLanguageAnswer(n: Normalized): boolean {
  const words = n.words.map((w) => w.text).filter((w) => !ANSWER_FILLERS.has(w));
  return (
    words.length >= 1 &&
    words.length <= 2 &&
    words.every((w) => isLanguageWord(w) || ANSWER_AND.has(w)) &&
    words.some((w) => isLanguageWord(w) && !DOMESTIC_LANGUAGE.has(w))
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
