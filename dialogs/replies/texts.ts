import { facts, type Lang, type Localized } from '../../knowledge';

// The conversation's words live with every other word the guide says, in knowledge/data
// (conversation.yaml), where a reviewer reads them next to the sentences they frame. This file names
// the keys the replies use, so a misspelt key is a compile error, and checks at load that the data
// has each of them in fi, sv and en, and no stale one: a gap stops the start with the key's name.

export const TEXT_KEYS = [
  'greeting',
  'greetingToday',
  'chooseLanguage',
  'startHint',
  'startHintToday',
  'reaskMunicipality',
  'reaskAge',
  'reaskBenefit',
  'reaskImmigrant',
  'municipalityAmbiguous',
  'giveUp',
  'giveUpAfterPilot',
  'giveUpToday',
  'ageTooYoung',
  'ageTooOld',
  'ageNegative',
  'ageRange',
  'eachValueIntro',
  'eachValueGoOn',
  'eachValueIf',
  'conditionMunicipality',
  'conditionYoung',
  'conditionNotYoung',
  'conditionBenefit',
  'conditionNoBenefit',
  'conditionImmigrant',
  'conditionNotImmigrant',
  'conditionOr',
  'answerProvider',
  'answerProviderPilotPeriod',
  'answerOutside',
  'pointLine',
  'pointLinePilotPeriod',
  'contactLine',
  'finalDecision',
  'answerProviderBeforePilotHistory',
  'cardTitleBeforePilotHistory',
  'whenPeriod',
  'whenYear',
  'whenDate',
  'cardTodayWho',
  'cardTodayDo',
  'cardTodayFind',
  'cardTodayNotes',
  'cardSources',
  'cardOpen',
  'cardTitlePilotPeriod',
  'cardTitleOutside',
  'cardServicePoints',
  'cardServicePointsPilotPeriod',
  'cardContact',
  'cardContactPilotPeriod',
  'cardWhy',
  'cardNotices',
  'cardMap',
  'cardSource',
  'cardPhone',
  'cardPhoneClosed',
  'cardEmail',
  'cardEmailClosed',
  'audienceYouth',
  'audienceImmigrants',
  'askHelpful',
  'thanksFeedback',
  'anythingElse',
  'help',
  'helpToday',
  'restarted',
  'cancelled',
  'languageSwitched',
  'dataDeleted',
  'teamsGroupChatHint',
  'identityCodeWarning',
  'turnError',
  'buttonYes',
  'buttonNo',
  'buttonStartAgain',
  'buttonPilotYears',
  'benefitUnknown',
  'formerMunicipality',
] as const;

export type TextKey = (typeof TEXT_KEYS)[number];

/** The table with exactly TEXT_KEYS, or an Error naming the missing and the unused keys. */
export function checkedTexts(table: Record<string, Localized>): Record<TextKey, Localized> {
  const missing = TEXT_KEYS.filter((k) => !(k in table));
  const unused = Object.keys(table).filter((k) => !(TEXT_KEYS as readonly string[]).includes(k));
  if (missing.length || unused.length) {
    throw new Error(
      `knowledge/data/conversation.yaml: missing ${missing.join(', ') || 'none'}; not used ${unused.join(', ') || 'none'}`,
    );
  }
  return table as Record<TextKey, Localized>;
}

export const texts: Record<TextKey, Localized> = checkedTexts(facts.texts.conversation);

/** The text `key` in `lang`, with `{name}` placeholders filled from `args`. */
export function t(key: TextKey, lang: Lang, args?: Record<string, string | number>): string {
  const text: string = texts[key][lang];
  if (!args || !text.includes('{')) return text; // most texts have no placeholder: no regex a turn
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in args ? String(args[name]) : whole));
}

/** The language buttons show each language in its own name, the same in every language. */
export const languageNames: Localized = { fi: 'Suomi', sv: 'Svenska', en: 'English' };
