import type { StatePropertyAccessor, TurnContext } from './sdk';
import { answerMode, decideEach, decideToday, type AskedDay, type Lang, type Person, type Slot } from '../knowledge';
import { routingTarget, todayTarget, type AnswerTarget, type LeftReason, type ReportEvent } from './guideEvents';
import { langFromLocale } from './replies/messages';

// What the dialogs need from their host, passed in (not imported) so the tests and the bot wire
// the same dialogs to different state and clocks.

/** The conversation's language. `chosen` = the user asked for it (then it is never guessed over). */
export interface Profile {
  lang?: Lang;
  chosen?: boolean;
}

/**
 * The guidance in progress. Holds only the understood facts (ids, numbers, booleans):
 * never the user's text, so an identity code cannot end up in storage.
 */
export interface GuideSession {
  person: Person;
  /** The slot last asked. */
  asking?: Slot;
  /** Candidate municipality ids when the last answer matched several. */
  ambiguous?: string[];
  /** Facts the person could not give (never asked again; the answer comes for each value). */
  skipped?: Slot[];
  /** stopped: the guide could not go on (a municipality not found out) and said whom to contact. */
  phase: 'asking' | 'feedback' | 'stopped';
  /**
   * After the pilot period: the pilot years (or a day in them) the person asked about. The guide
   * then routes as on that day, asks in the past tense and tells the answer as history. Absent:
   * today's answer.
   */
  asked?: AskedDay;
  /** The home municipality said for today, offered as a button when the pilot years are asked about. */
  todayMunicipalityId?: string;
}

export interface GuideServices {
  profile: StatePropertyAccessor<Profile>;
  session: StatePropertyAccessor<GuideSession>;
  /** "Today" for the rules (GUIDE_DATE pins it). */
  today(): Date;
  /** Deletes everything stored about this conversation and user. */
  deleteAllData(context: TurnContext): Promise<void>;
  /** Counts an event for the service's figures (dialogs/guideEvents.ts: ids only, nothing personal). */
  report: ReportEvent;
}

export const freshSession = (person: Person = {}, asked?: AskedDay, todayMunicipalityId?: string): GuideSession => ({
  person: { ...person },
  phase: 'asking',
  ...(asked ? { asked } : {}),
  ...(todayMunicipalityId ? { todayMunicipalityId } : {}),
});

/** The language to answer in: the chosen or remembered one, else the activity's locale (fi by default). */
export async function currentLang(services: GuideServices, context: TurnContext): Promise<Lang> {
  const profile = await services.profile.get(context, {});
  return profile.lang ?? langFromLocale(context.activity.locale);
}

export async function setLang(
  services: GuideServices,
  context: TurnContext,
  lang: Lang,
  chosen: boolean,
): Promise<void> {
  const profile = await services.profile.get(context, {});
  profile.lang = lang;
  if (chosen) profile.chosen = true;
  await services.profile.set(context, profile);
}

/** Counts a conversation left while a question was open, before any answer (at that question). */
export async function reportLeft(services: GuideServices, context: TurnContext, reason: LeftReason): Promise<void> {
  const session = await services.session.get(context);
  if (session?.phase === 'asking' && session.asking)
    services.report(context, { kind: 'left', slot: session.asking, reason });
}

/** The service the session's answer named (decided again from the same inputs as the answer). */
export async function answeredTarget(services: GuideServices, context: TurnContext): Promise<AnswerTarget> {
  const session = await services.session.get(context, freshSession());
  const today = services.today();
  const mode = answerMode(today, session.asked);
  if (mode.kind === 'today') return todayTarget(decideToday(session.person, today));
  const branches = decideEach(session.person, session.skipped ?? [], mode.on, session.ambiguous ?? [], today);
  return routingTarget(branches);
}
