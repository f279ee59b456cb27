// The shape of the vocabulary (knowledge/data/understanding/*.yaml), one schema per file, checked
// with zod when it loads. Each file holds one top-level key, named as the file.
import { z } from 'zod';
import { BENEFITS, LANGS, SITUATIONS } from '../types';
import { patterns, phrases, wordMap, wordShapes, withPlaceholder, word, words } from './vocabularyItems';

const byLanguage = <T extends z.ZodTypeAny>(item: T) =>
  z.object(Object.fromEntries(LANGS.map((l) => [l, item])) as Record<(typeof LANGS)[number], T>).strict();

const lexicon = z
  .object({
    everyday: z.object({ fi: words, sv: words, en: words, slotWords: words }).strict(),
    givenNames: words,
    negations: words,
    clitics: wordMap(word),
    abroad: z.object({ fi: words, other: words }).strict(),
  })
  .strict();

const CASES = ['gen', 'ine', 'ela', 'ill', 'ade', 'abl', 'all', 'ess', 'tra', 'colloquial'] as const;
const formsByCase = z.object(Object.fromEntries(CASES.map((c) => [c, words.optional()]))).strict();
const inflection = z
  .object({
    eStemWords: words,
    tiStemWords: words,
    inflectingFirstWords: wordMap(formsByCase),
    irregular: wordMap(formsByCase),
  })
  .strict();

const municipality = z
  .object({
    commonWordIds: words,
    placeCues: words,
    strongCues: phrases,
    originCues: words,
    fillers: words,
    notPlaces: words,
    typoCues: words,
    givenNameCues: words,
    homeCues: words,
    streets: wordShapes,
    denying: words,
    beAfterDenial: words,
    afterOle: words,
    contrast: words,
    pastWords: words,
    pastAfter: words,
    moveVerbs: words,
    toWords: words,
    destinationEndings: words,
    nameStarts: z.record(word, words),
    abbreviations: words,
    abbreviationEndings: words,
    demonymEndings: words,
  })
  .strict();

const age = z
  .object({
    units: z
      .object({ strong: wordShapes, weak: words, telegraphic: words, glued: patterns, gluedToWords: patterns })
      .strict(),
    old: words,
    cues: words,
    nouns: words,
    verbs: words,
    between: words,
    counted: wordShapes,
    notAgeBefore: wordShapes,
    duration: words,
    living: words,
    and: words,
    birthYear: z.object({ cues: words, fullYearOnly: words, between: words }).strict(),
    range: patterns,
  })
  .strict();

const value = z.number().int().min(1).max(90);
const numbers = z
  .object({
    fi: z
      .object({
        units: wordMap(value),
        ten: words,
        teenEndings: words,
        tensEndings: words,
        spokenTensStarts: wordMap(value),
        spokenTensEndings: words,
        roundTensEndings: words,
        roundTensSpokenStarts: words,
      })
      .strict(),
    sv: z.object({ units: wordMap(value), teens: wordMap(value), tens: wordMap(value) }).strict(),
    en: z.object({ units: wordMap(value), teens: wordMap(value), tens: wordMap(value) }).strict(),
    ambiguous: words,
  })
  .strict();

const benefit = z
  .object({
    patterns: z
      .object(
        Object.fromEntries([...BENEFITS, 'kela'].map((b) => [b, patterns])) as Record<
          (typeof BENEFITS)[number] | 'kela',
          typeof patterns
        >,
      )
      .strict(),
    dontKnow: patterns,
    context: patterns,
    noneWhenAsked: phrases,
    noneWords: words,
    fundWhenAsked: phrases,
    negations: words,
    misspelt: z.object({ earningsRelated: words, basicAllowance: words, labourMarketSubsidy: words }).strict(),
  })
  .strict();

const immigrant = z
  .object({
    notImmigrant: patterns,
    immigrant: patterns,
    nationalitySayings: withPlaceholder('nationality'),
    nationalities: words,
    motherTongue: patterns,
    tongueSkip: words,
    tongueDenials: words,
    beforeTongue: words,
    domesticLanguages: words,
    foreignLanguageStarts: words,
    languageNameEndings: words,
    otherLanguages: words,
    answerFillers: words,
    answerAnd: words,
    homeLanguage: withPlaceholder('language'),
    speaker: z
      .object({
        before: patterns,
        endings: patterns,
        wordEndings: words,
        domestic: words,
        foreign: words,
        bilingual: words,
      })
      .strict(),
    bornIn: withPlaceholder('place'),
    finland: words,
    origin: z
      .object({
        verbs: words,
        how: phrases,
        cameVerbs: words,
        cameHow: phrases,
        from: words,
        articles: words,
        finnishVerbs: words,
        finnishCameVerbs: words,
        finnishCameHow: words,
        finnishEndings: words,
        returning: patterns,
      })
      .strict(),
  })
  .strict();

const work = z
  .object({
    unemployed: patterns,
    employed: patterns,
    subsidised: patterns,
    notSubsidised: patterns,
    pastWork: patterns,
  })
  .strict();

const situations = z
  .object(
    Object.fromEntries(SITUATIONS.map((s) => [s, patterns])) as Record<(typeof SITUATIONS)[number], typeof patterns>,
  )
  .strict();

const language = z
  .object({
    words: byLanguage(words),
    finnishEndings: words,
    requests: byLanguage(patterns),
    bare: byLanguage(phrases),
    please: words,
  })
  .strict();

const TOPIC_LISTS = [
  'employer',
  'ownEmployer',
  'coach',
  'infoSession',
  'infoWord',
  'where',
  'when',
  'pilotTime',
  'who',
  'moved',
  'membership',
  'howMany',
  'clients',
  'clientCount',
  'teWords',
  'replaced',
  'reform',
  'directorTitle',
  'director',
] as const;
const topics = z
  .object(
    Object.fromEntries(TOPIC_LISTS.map((t) => [t, patterns])) as Record<(typeof TOPIC_LISTS)[number], typeof patterns>,
  )
  .strict();

const history = z
  .object({
    pilotWords: patterns,
    then: patterns,
    routing: patterns,
    pastRouting: patterns,
    bareDayWords: words,
    inYear: words,
    since: words,
  })
  .strict();

const yesNo = z
  .object({
    yes: words,
    yesOnlyAlone: words,
    no: words,
    fillers: words,
    noFollowers: words,
    yesPhrases: phrases,
    yesPhrasesNotLeading: phrases,
    noPhrases: phrases,
    notAnAnswer: words,
    dontKnow: patterns,
  })
  .strict();

const COMMANDS = ['deleteData', 'restart', 'cancel', 'help'] as const;
const commands = z
  .object({
    anywhere: z
      .object(
        Object.fromEntries(COMMANDS.map((c) => [c, patterns])) as Record<(typeof COMMANDS)[number], typeof patterns>,
      )
      .strict(),
    shortOnly: z.object({ restart: patterns, cancel: patterns, help: patterns }).strict(),
    firstWord: z.object({ help: words, cancel: words }).strict(),
  })
  .strict();

/** Every file of knowledge/data/understanding, merged: each file holds one of these keys. */
export const vocabularySchema = z
  .object({
    lexicon,
    inflection,
    municipality,
    age,
    numbers,
    benefit,
    immigrant,
    work,
    situations,
    language,
    topics,
    history,
    yesNo,
    commands,
  })
  .strict();

export type Vocabulary = z.infer<typeof vocabularySchema>;
