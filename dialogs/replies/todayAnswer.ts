import { CardFactory, InputHints, type Attachment } from '../sdk';
import {
  areaName,
  facts,
  formatDate,
  municipalityName,
  type Lang,
  type Localized,
  type TodayGuidance,
  type TodayNote,
} from '../../knowledge';
import { CARD_VERSION } from './answerCard';
import { startAgainButton } from './buttons';
import { message, type Reply } from './messages';
import { t } from './texts';

// Today's answer, after the pilot period: who serves the person now, what to do now, where to
// find the service points and numbers, and notes for their situation, in that order. The short
// text (also spoken) says all of it in plain sentences; the card adds the links and the sources.
// Every sentence is the knowledge's (texts.yaml, `today`), with the names filled in from the data.

const NOTE_TEXTS: Record<TodayNote, keyof typeof facts.texts.today> = {
  notRegistered: 'registerFirst',
  justUnemployed: 'registerFirst',
  entrepreneur: 'entrepreneur',
  student: 'student',
  sickness: 'sickness',
  under17: 'under17',
  over65: 'over65',
  immigrant: 'immigrants',
};

const fill = (text: Localized, lang: Lang, values: Record<string, string> = {}): string =>
  text[lang].replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? common(lang)[name] ?? whole);

/** The names every sentence of today's answer may use. */
function common(lang: Lang): Record<string, string> {
  return { jobMarket: facts.jobMarket.name[lang], jobMarketUrl: facts.jobMarket.url[lang] };
}

export interface TodaySentences {
  /** Who serves the person now. */
  who: string;
  /** What to do now: register, then apply for the benefit. */
  steps: string[];
  /** Where to find the service points and numbers. */
  find: string;
  /** What the person's situation adds. */
  notes: string[];
}

/** The sentences of an answer (outcome 'area' or 'outside'). */
export function todaySentences(g: TodayGuidance, lang: Lang): TodaySentences {
  const today = facts.texts.today;
  const m = g.municipality!;
  const values: Record<string, string> = { municipality: municipalityName(m, lang) };
  if (g.area) values.area = areaName(g.area, lang);
  if (g.responsible) values.responsible = municipalityName(g.responsible, lang);
  if (g.disputedAreas) values.areas = g.disputedAreas.map((a) => areaName(a, lang)).join(` ${facts.texts.or[lang]} `);

  let who: string;
  if (g.outcome === 'outside') who = fill(g.area ? today.outsideArea : today.outside, lang, values);
  else if (g.status === 'disputed') who = fill(today.areaDisputed, lang, values);
  else if (g.status === 'unconfirmed') who = fill(today.areaUnconfirmed, lang, values);
  else who = fill(today.area, lang, values);

  const steps = [fill(g.registerFirst ? today.registerFirst : today.register, lang), fill(today.benefits, lang)];
  const website = g.outcome === 'area' ? g.area?.website : undefined;
  const find =
    g.outcome === 'outside' || !g.area
      ? fill(today.contactsOutside, lang)
      : website
        ? fill(today.contacts, lang, { website: website.name[lang], websiteUrl: website.url })
        : fill(today.contactsNoWebsite, lang, values);
  // The entrepreneur's note repeats "register right away": said once, in the steps.
  const notes = g.notes.filter((n) => NOTE_TEXTS[n] !== 'registerFirst').map((n) => fill(today[NOTE_TEXTS[n]], lang));
  return { who, steps, find, notes };
}

/** The short text of today's answer: also spoken, and the card's fallback. */
export function todayAnswerText(g: TodayGuidance, lang: Lang): string {
  const s = todaySentences(g, lang);
  return [s.who, ...s.steps, s.find, ...s.notes, t('finalDecision', lang)].join(' ');
}

const text = (value: string, extra: Record<string, unknown> = {}) => ({
  type: 'TextBlock',
  text: value,
  wrap: true,
  ...extra,
});
const heading = (value: string) => text(value, { weight: 'Bolder', spacing: 'Medium' });
const openUrl = (title: string, url: string) => ({
  type: 'ActionSet',
  actions: [{ type: 'Action.OpenUrl', title, url }],
});

/** "Title (publisher, 2.4.2024)" as a Markdown link: where each claim of the answer comes from. */
function sourceLine(id: string, lang: Lang): string {
  const p = facts.publications[id];
  const when = p.published?.length === 10 ? formatDate(p.published, lang) : p.published;
  const about = [p.by, when].filter(Boolean).join(', ');
  return `[${p.title ?? p.by ?? p.url}](${p.url})${about ? ` (${about})` : ''}`;
}

/** The sources of an answer: the area's membership, then registering and benefits. */
function sourcesOf(g: TodayGuidance): string[] {
  const membership = g.municipality ? facts.areaMembership[g.municipality.id] : undefined;
  const ids = [...(membership?.sources ?? []), ...statementSources('register'), ...statementSources('benefits')];
  return [...new Set(ids)];
}

function statementSources(textId: keyof typeof facts.texts.today): string[] {
  return Object.values(facts.statements)
    .filter((s) => s.today?.includes(textId))
    .flatMap((s) => (s.provenance.source === 'publications' ? s.provenance.ids : []));
}

/** The Adaptive Card of today's answer. */
export function todayCardJson(g: TodayGuidance, lang: Lang, summary: string): Record<string, unknown> {
  const s = todaySentences(g, lang);
  const title = g.outcome === 'outside' || !g.area ? t('cardTitleOutside', lang) : areaName(g.area, lang);
  const website = g.outcome === 'area' ? g.area?.website : undefined;
  const jobMarket = facts.jobMarket;
  const body: unknown[] = [
    text(title, { style: 'heading', size: 'Large', weight: 'Bolder' }),
    heading(t('cardTodayWho', lang)),
    text(s.who, { spacing: 'Small' }),
    heading(t('cardTodayDo', lang)),
    // "2\." is the number as written: an unescaped "2." would make a Markdown list, which renderers
    // number from 1 again in each block.
    ...s.steps.map((step, i) => text(`${i + 1}\\. ${step}`, { spacing: 'Small' })),
    openUrl(t('cardOpen', lang, { name: jobMarket.name[lang] }), jobMarket.url[lang]),
    heading(t('cardTodayFind', lang)),
    text(s.find, { spacing: 'Small' }),
    ...(website ? [openUrl(t('cardOpen', lang, { name: website.name[lang] }), website.url)] : []),
  ];
  if (s.notes.length)
    body.push(heading(t('cardTodayNotes', lang)), ...s.notes.map((n) => text(n, { spacing: 'Small' })));
  body.push(text(t('finalDecision', lang), { spacing: 'Medium' }));
  body.push(
    text(
      `${t('cardSources', lang)}: ${sourcesOf(g)
        .map((id) => sourceLine(id, lang))
        .join('; ')}`,
      {
        isSubtle: true,
        size: 'Small',
        spacing: 'Medium',
      },
    ),
  );
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: CARD_VERSION,
    fallbackText: summary,
    speak: summary,
    body,
  };
}

export function todayCard(g: TodayGuidance, lang: Lang, summary: string): Attachment {
  return CardFactory.adaptiveCard(todayCardJson(g, lang, summary));
}

/** Today's answer: the short text (also spoken) with its card. */
export function todayAnswer(g: TodayGuidance, lang: Lang): Reply {
  const summary = todayAnswerText(g, lang);
  return message(summary, lang, InputHints.IgnoringInput, undefined, [todayCard(g, lang, summary)]);
}

/** Today's answer when no municipality could be found out: register anyway, and try again. */
export function giveUpToday(lang: Lang): Reply {
  return message(
    t('giveUpToday', lang, { register: fill(facts.texts.today.register, lang) }),
    lang,
    InputHints.AcceptingInput,
    [startAgainButton(lang)],
  );
}
