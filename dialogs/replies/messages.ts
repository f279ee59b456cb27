import { InputHints, MessageFactory, type Activity, type Attachment, type CardAction } from '../sdk';
import {
  facts,
  formatAddress,
  formatDate,
  municipalityName,
  periodOn,
  type AskedDay,
  type Guidance,
  type Lang,
  type Localized,
  type Slot,
} from '../../knowledge';
import { answerCard, contactName, pilotYears } from './answerCard';
import { benefitButtons, languageButtons, pilotYearsButton, startAgainButton, yesNoButtons } from './buttons';
import { t, type TextKey } from './texts';

// Builders of every activity the bot sends. Each carries `speak` (a voice channel reads it),
// an `inputHint` and the locale of its language.

export type Reply = Partial<Activity>;

const LOCALES: Record<Lang, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-US' };

/** fi-FI → fi, sv-FI (or any sv-…) → sv, en-GB → en; anything else → fi (the bot's default language). */
export function langFromLocale(locale: string | undefined): Lang {
  const code = (locale ?? '').slice(0, 2).toLowerCase();
  return code === 'sv' || code === 'en' ? code : 'fi';
}

/**
 * The one builder of a message the bot sends: text (also spoken), input hint, locale, optional
 * suggested-action buttons and attachments. Every reply goes through here (the SDK's
 * MessageFactory), so a port to another SDK changes one function.
 */
export function message(
  text: string,
  lang: Lang,
  inputHint: InputHints,
  buttons?: CardAction[],
  attachments?: Attachment[],
): Reply {
  const reply = MessageFactory.text(text, text, inputHint);
  reply.locale = LOCALES[lang];
  if (buttons?.length) reply.suggestedActions = { actions: buttons, to: [] };
  if (attachments?.length) reply.attachments = attachments;
  return reply;
}

/** A plain statement from the table; the bot goes on listening. */
export const say = (key: TextKey, lang: Lang, args?: Record<string, string | number>): Reply =>
  message(t(key, lang, args), lang, InputHints.AcceptingInput);

/** A municipality name for examples ("Mikkeli"), from the data, in the user's language. */
export function exampleMunicipality(lang: Lang): string {
  const m = facts.municipalities[facts.providers.mikkeliPilot.municipalityIds[0]];
  return municipalityName(m, lang);
}

/**
 * Joining the conversation: who the bot is, then how to start, with the language buttons. After
 * the pilot period it promises only what it answers then: the employment area and registering.
 */
export function greeting(lang: Lang, today: Date): Reply[] {
  const now = periodOn(today) === 'afterPilot';
  const example = exampleMunicipality(lang);
  return [
    message(
      now ? t('greetingToday', lang, { years: pilotYears() }) : t('greeting', lang),
      lang,
      InputHints.IgnoringInput,
    ),
    message(
      `${now ? t('startHintToday', lang, { example }) : t('startHint', lang, { example })} ${t('chooseLanguage', lang)}`,
      lang,
      InputHints.ExpectingInput,
      languageButtons(),
    ),
  ];
}

const reaskKeys: Record<Slot, TextKey> = {
  municipality: 'reaskMunicipality',
  age: 'reaskAge',
  benefit: 'reaskBenefit',
  immigrant: 'reaskImmigrant',
};

function slotButtons(slot: Slot, lang: Lang): CardAction[] | undefined {
  if (slot === 'benefit') return benefitButtons(lang);
  if (slot === 'immigrant') return yesNoButtons(lang);
  return undefined;
}

/**
 * The question for `slot` (worded in the knowledge). `when` ("vuonna 2022"): the question is
 * about the pilot years, asked in the past tense.
 */
export function questionText(slot: Slot, lang: Lang, when?: string): string {
  return when ? facts.texts.questionsPast[slot][lang].replace('{when}', when) : facts.texts.questions[slot][lang];
}

/** `reask` adds an example of a good answer; `offer` are answers to offer as buttons (a name said before). */
export function question(slot: Slot, lang: Lang, reask = false, when?: string, offer: string[] = []): Reply {
  const text = reask
    ? `${t(reaskKeys[slot], lang, { example: exampleMunicipality(lang) })} ${questionText(slot, lang, when)}`
    : questionText(slot, lang, when);
  const buttons = slotButtons(slot, lang) ?? offer.map((title) => ({ type: 'imBack', title, value: title }));
  return message(text, lang, InputHints.ExpectingInput, buttons);
}

/** "vuonna 2022", "kokeilukaudella 2021–2024", "15.6.2022": the pilot years as the person asked about them. */
export function whenAsked(asked: AskedDay, lang: Lang): string {
  if (asked.named === 'date') return t('whenDate', lang, { date: formatDate(asked.date, lang) });
  if (asked.named === 'year') return t('whenYear', lang, { year: asked.year ?? asked.date.slice(0, 4) });
  return t('whenPeriod', lang, { years: pilotYears() });
}

/** Help, as the date makes it: after the pilot period the guide needs only the home municipality. */
export const help = (lang: Lang, today: Date): Reply =>
  periodOn(today) === 'afterPilot'
    ? message(t('helpToday', lang, { years: pilotYears() }), lang, InputHints.AcceptingInput)
    : say('help', lang);

/** A list of candidate municipalities as buttons (their names in the user's language). */
export function chooseMunicipality(ids: string[], lang: Lang): Reply {
  const names = ids
    .map((id) => facts.municipalities[id])
    .filter(Boolean)
    .map((m) => municipalityName(m, lang));
  return message(
    t('municipalityAmbiguous', lang),
    lang,
    InputHints.ExpectingInput,
    names.map((n) => ({ type: 'imBack', title: n, value: n })),
  );
}

/**
 * After two misses: the TE office's phone line instead of a third question. Asked about the pilot
 * years after they ended, that line is gone: the person is told so, and how to ask about today.
 */
export function giveUp(g: Guidance, lang: Lang): Reply {
  const line = facts.contacts.tePersonalCustomers;
  const text = g.history
    ? t('giveUpAfterPilot', lang)
    : t('giveUp', lang, { role: line.role[lang], phone: line.phone ?? '' });
  return message(text, lang, InputHints.AcceptingInput, [startAgainButton(lang)]);
}

/** The notices said first when the answer is history: that it is, and that today is another answer. */
const HISTORY_NOTICES = new Set(['pilotPeriodAnswer', 'beforePilotAnswer']);

/**
 * The short text of an answer (also spoken, and the card's fallback): whose service, where, whom to
 * contact, who decides. Told as history (the pilot years asked about after they ended) it says so
 * first, in the past tense, with no contact: a text message's phone number becomes a call link in
 * the web chat, and those lines no longer answer.
 */
export function answerText(g: Guidance, lang: Lang): string {
  const after = g.history === true;
  const parts: string[] = [];
  // Said first, and spoken: the arrangement below is history, not today's service.
  if (after) parts.push(...g.notices.filter((n) => HISTORY_NOTICES.has(n.id)).map((n) => n.text[lang]));
  if (g.provider) {
    const provider = g.provider.name[lang];
    parts.push(
      !after
        ? t('answerProvider', lang, { provider })
        : g.period === 'beforePilot'
          ? t('answerProviderBeforePilotHistory', lang, { provider })
          : t('answerProviderPilotPeriod', lang, { provider, years: pilotYears() }),
    );
  } else {
    const m = g.municipality;
    parts.push(t('answerOutside', lang, { municipality: m ? municipalityName(m, lang) : '' }));
  }
  const point = g.servicePoints[0];
  if (point) {
    parts.push(
      t(after ? 'pointLinePilotPeriod' : 'pointLine', lang, {
        point: point.name[lang],
        address: formatAddress(point.address, lang),
      }),
    );
  }
  const first = g.contacts[0];
  if (first && !after && !g.closedContactIds?.includes(first.id)) {
    const how = [first.phone, first.email].filter(Boolean).join(', ');
    parts.push(
      t('contactLine', lang, { contact: how ? `${contactName(first, lang)}, ${how}` : contactName(first, lang) }),
    );
  }
  parts.push(t('finalDecision', lang));
  return parts.join(' ');
}

/** The answer: short text (also spoken) with the Adaptive Card. */
export function answer(g: Guidance, lang: Lang): Reply {
  const text = answerText(g, lang);
  return message(text, lang, InputHints.IgnoringInput, undefined, [answerCard(g, lang, text)]);
}

/** A topic answer from the knowledge (employer services, the coach, the pilot dates...). */
export function topicAnswer(text: Localized, lang: Lang): Reply {
  return message(text[lang], lang, InputHints.AcceptingInput);
}

/** "Was this helpful?" with yes, no and start again; after today's answer also the pilot years. */
export function askHelpful(lang: Lang, pilotYears = false): Reply {
  return message(t('askHelpful', lang), lang, InputHints.ExpectingInput, [
    ...yesNoButtons(lang),
    ...(pilotYears ? [pilotYearsButton(lang)] : []),
    startAgainButton(lang),
  ]);
}

export function afterFeedback(lang: Lang): Reply {
  return message(`${t('thanksFeedback', lang)} ${t('anythingElse', lang)}`, lang, InputHints.AcceptingInput, [
    startAgainButton(lang),
  ]);
}
