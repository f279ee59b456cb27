import {
  type StatePropertyAccessor,
  type TurnContext,
  DialogSet,
  DialogTurnStatus,
  WaterfallDialog,
  type DialogContext,
  type DialogState,
  type DialogTurnResult,
  type PromptValidatorContext,
  type WaterfallStepContext,
  InputHints,
} from './sdk';
import {
  answerMode,
  applyUnderstanding,
  decideEach,
  decideToday,
  facts,
  municipalityName,
  understoodNothing,
  type AppliedUnderstanding,
  type AskedDay,
  type Lang,
  type Person,
  type Slot,
  type Understanding,
} from '../knowledge';
import { eachValueAnswers } from './replies/eachValue';
import { answer, chooseMunicipality, giveUp, message, question, say, whenAsked } from './replies/messages';
import { giveUpToday, todayAnswer } from './replies/todayAnswer';
import { DialogContexts } from './dialogContexts';
import { FeedbackDialog, type FeedbackOptions, type FeedbackResult } from './feedbackDialog';
import { routingTarget, todayTarget } from './guideEvents';
import { currentLang, freshSession, setLang, type GuideServices, type GuideSession } from './guideServices';
import { InterruptibleDialog } from './interruptibleDialog';
import { answerOf, hasFacts, readTurn } from './turnInput';
import { UnderstandingPrompt } from './understandingPrompt';

// The guidance: asks only what the knowledge says is missing, one question at a time, and answers
// as soon as it can. The date decides which answer (knowledge.answerMode): during the pilot period
// the routing of decide(); after it today's answer (decideToday: the home municipality is all it
// needs), and the pilot years' routing when the person asks about them, in the past tense.
// The prompt's recognizer is the understanding (knowledge.understand), so a whole sentence fills
// every slot it mentions, and a typo or an inflected name still counts (the SDK's NumberPrompt /
// ChoicePrompt recognisers fail in Finnish). The SDK counts the attempts.

export const GUIDE_DIALOG = 'guide';
const LOOP = 'guideLoop';
const PROMPT = 'slotPrompt';
const FEEDBACK = 'guideFeedback';
/** Answers to one question that may tell nothing before the guide stops asking it. */
const ATTEMPTS = 2;

export interface GuideOptions {
  /** Facts already known (a follow-up question after an answer keeps them). */
  person?: Person;
  /** The pilot years asked about (after they ended), kept by a follow-up question. */
  asked?: AskedDay;
  todayMunicipalityId?: string;
}
/** What the slot prompt asks, kept in the state instead of the question activities. */
interface SlotAsk {
  slot: Slot;
  lang: Lang;
  /** Answers to this question that told nothing before it was asked (the first message's place). */
  missed?: number;
  /** Candidate municipality ids, when the question is which one of them. */
  ambiguous?: string[];
  /** The pilot years asked about: the question is in the past tense, about this day. */
  asked?: AskedDay;
  /** The municipality said for today, offered as an answer about the pilot years. */
  offer?: string;
}
function buildSlotPrompt({ slot, lang, missed, ambiguous, asked, offer }: SlotAsk) {
  if (slot === 'municipality' && ambiguous?.length) return { prompt: chooseMunicipality(ambiguous, lang) };
  const when = asked ? whenAsked(asked, lang) : undefined;
  const offers = offer ? [municipalityName(facts.municipalities[offer], lang)] : [];
  return {
    prompt: question(slot, lang, (missed ?? 0) > 0, when, offers),
    retryPrompt: question(slot, lang, true, when, offers),
  };
}
interface LoopOptions {
  /** Answers that told nothing before the question (the first message's unknown place). */
  missed?: number;
  /** The last answer told nothing: the guide goes on without that fact. */
  skipped?: boolean;
}

export class GuideDialog extends InterruptibleDialog {
  private readonly contexts = new DialogContexts();

  constructor(services: GuideServices) {
    super(GUIDE_DIALOG, services);
    this.addDialog(new UnderstandingPrompt<SlotAsk>(PROMPT, buildSlotPrompt, this.helps.bind(this)));
    this.addDialog(new WaterfallDialog(LOOP, [this.askStep.bind(this), this.answerStep.bind(this)]));
    this.addDialog(new FeedbackDialog(FEEDBACK, services));
    this.initialDialogId = LOOP;
  }

  /** One turn, like the samples' MainDialog.run: continue the guide, or start it with this message. */
  async run(context: TurnContext, dialogState: StatePropertyAccessor<DialogState>): Promise<void> {
    const dialogSet = new DialogSet(dialogState);
    dialogSet.add(this);
    const dc = await this.contexts.create(dialogSet, context);
    const result = await dc.continueDialog();
    const rerun = result.status === DialogTurnStatus.complete && (result.result as FeedbackResult | undefined)?.rerun;
    if (result.status === DialogTurnStatus.empty || rerun) {
      await dc.beginDialog(this.id, await this.followUp(context));
    }
  }

  /**
   * After an answer, "entä jos olen 45?" is a follow-up: it keeps the facts already given. A message
   * naming a municipality is a new question and starts from nothing (never mixes two people's facts).
   * When the guide stopped because the municipality could not be found out, the next message goes
   * on with every fact it has ("start again" forgets them). A follow-up about the pilot years stays
   * about them.
   */
  private async followUp(context: TurnContext): Promise<GuideOptions> {
    const previous = await this.services.session.get(context);
    if (!previous) return {};
    const keep = { asked: previous.asked, todayMunicipalityId: previous.todayMunicipalityId };
    if (previous.phase === 'stopped') return { person: previous.person, ...keep };
    const u = readTurn(context, undefined).understanding;
    if (previous.phase !== 'feedback' || !hasFacts(u)) return {};
    if (u.municipality?.kind === 'match') return previous.asked ? keep : {};
    return { person: previous.person, ...keep };
  }

  /** The message that starts the guide may already hold everything ("asun Juvalla, olen 27..."). */
  protected async onBeginDialog(innerDc: DialogContext, options?: GuideOptions): Promise<DialogTurnResult> {
    const context = innerDc.context;
    const isNew = !(await this.services.session.get(context));
    await this.services.session.set(
      context,
      freshSession(options?.person, options?.asked, options?.todayMunicipalityId),
    );
    const input = readTurn(context, undefined);
    const profile = await this.services.profile.get(context, {});
    if (!profile.chosen && input.understanding.language) {
      // Written in another language than the greeting's: answer in it (an explicit choice wins).
      await setLang(this.services, context, input.understanding.language, false);
    }
    if (isNew)
      this.services.report(context, { kind: 'conversationStarted', lang: await currentLang(this.services, context) });
    const interrupted = await this.interrupt(innerDc, true);
    if (interrupted) return interrupted;

    const session = await this.session(context);
    // "kuka palveli minua kokeilun aikana?": after the pilot period the conversation is about that
    // time, and the facts this message gives are facts of that time.
    const request = answerOf(input).history;
    const asked = request ? this.historyDay(request) : undefined;
    if (asked) session.asked = asked;
    const nothing = await this.absorb(
      context,
      session,
      applyUnderstanding(session.person, answerOf(input), session.asking),
    );
    if (nothing && input.understanding.municipality?.kind === 'unknown') {
      // "asun Tukholmassa": a place, but no municipality we know. That is the first miss.
      return innerDc.beginDialog(LOOP, { missed: 1 } satisfies LoopOptions);
    }
    return innerDc.beginDialog(LOOP);
  }

  protected async expecting(innerDc: DialogContext): Promise<Slot | undefined> {
    const session = await this.session(innerDc.context);
    return session.phase === 'asking' ? session.asking : undefined;
  }

  protected async reask(innerDc: DialogContext, why?: 'language'): Promise<DialogTurnResult> {
    const session = await this.session(innerDc.context);
    await innerDc.cancelAllDialogs();
    // After the answer, a language switch shows the answer again in the new language (the loop
    // answers at once: nothing is missing); anything else just repeats "was this helpful?".
    if (session.phase === 'feedback' && why !== 'language') return innerDc.beginDialog(FEEDBACK);
    return innerDc.beginDialog(LOOP);
  }

  protected async restart(innerDc: DialogContext): Promise<DialogTurnResult> {
    await innerDc.cancelAllDialogs();
    await this.services.session.set(innerDc.context, freshSession());
    return innerDc.beginDialog(LOOP);
  }

  /**
   * The pilot years asked about, after they ended: the routing of that time, for facts of that
   * time. What was said about today is not silently reused: the municipality is offered as a
   * button, the rest asked again in the past tense where it matters. Facts the same message gives
   * are facts of that time.
   */
  protected async toHistory(innerDc: DialogContext, asked: AskedDay): Promise<DialogTurnResult> {
    const context = innerDc.context;
    const previous = await this.session(context);
    await innerDc.cancelAllDialogs();
    const fromToday = !previous.asked;
    const session = freshSession(
      fromToday ? {} : previous.person,
      asked,
      fromToday ? previous.person.municipalityId : previous.todayMunicipalityId,
    );
    await this.services.session.set(context, session);
    await this.absorb(context, session, applyUnderstanding(session.person, answerOf(readTurn(context, undefined))));
    return innerDc.beginDialog(LOOP);
  }

  /**
   * Asks the first fact still needed, or answers. A fact the person could not give is never asked
   * again: the answer then comes for each value it could have (the knowledge's decideEach).
   */
  private async askStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const context = step.context;
    const lang = await currentLang(this.services, context);
    const session = await this.session(context);
    const options = step.options as LoopOptions | undefined;
    const skipped = session.skipped ?? [];
    const today = this.services.today();
    const mode = answerMode(today, session.asked);
    if (mode.kind === 'today') return this.todayStep(step, session, lang, options);
    const branches = decideEach(session.person, skipped, mode.on, session.ambiguous ?? [], today);
    const slot = branches.flatMap((b) => b.guidance.missing).find((s) => !skipped.includes(s));

    if (slot) return this.ask(step, session, slot, lang, options);

    session.asking = undefined;
    const open = branches.find((b) => b.guidance.outcome === 'needMore');
    if (open) {
      // A municipality that cannot be found out (or rules that name nothing to ask): never loop.
      // Who to contact, a way to start again, and the facts stay for the next message.
      session.phase = 'stopped';
      await context.sendActivity(giveUp(open.guidance, lang));
      return step.endDialog();
    }
    session.phase = 'feedback';
    this.services.report(context, { kind: 'answered', lang, ...routingTarget(branches) });
    if (branches.length === 1) await context.sendActivity(answer(branches[0].guidance, lang));
    else await context.sendActivities(eachValueAnswers(branches, lang));
    return step.replaceDialog(FEEDBACK);
  }

  /** Asks `slot` (about the pilot years in the past tense), naming the candidates or offering today's municipality. */
  private async ask(
    step: WaterfallStepContext,
    session: GuideSession,
    slot: Slot,
    lang: Lang,
    options: LoopOptions | undefined,
  ): Promise<DialogTurnResult> {
    if (options?.skipped) await step.context.sendActivity(say('eachValueGoOn', lang));
    if (session.asking !== slot) this.services.report(step.context, { kind: 'questionAsked', slot, lang });
    session.asking = slot;
    session.phase = 'asking';
    const missed = options?.missed;
    const ambiguous = slot === 'municipality' && session.ambiguous?.length ? session.ambiguous : undefined;
    const offer = slot === 'municipality' && session.asked ? session.todayMunicipalityId : undefined;
    return step.prompt(
      PROMPT,
      UnderstandingPrompt.options<SlotAsk>({
        slot,
        lang,
        ...(missed ? { missed } : {}),
        ...(ambiguous ? { ambiguous } : {}),
        ...(session.asked ? { asked: session.asked } : {}),
        ...(offer ? { offer } : {}),
      }),
    );
  }

  /**
   * Today's answer: the home municipality is the one fact it needs. Without it (asked twice in
   * vain) the person still learns what to do first, and can try again.
   */
  private async todayStep(
    step: WaterfallStepContext,
    session: GuideSession,
    lang: Lang,
    options: LoopOptions | undefined,
  ): Promise<DialogTurnResult> {
    const context = step.context;
    const g = decideToday(session.person, this.services.today());
    const slot = g.missing.find((s) => !(session.skipped ?? []).includes(s));
    if (slot) return this.ask(step, session, slot, lang, options);
    session.asking = undefined;
    if (g.outcome === 'needMore') {
      session.phase = 'stopped';
      session.skipped = undefined;
      await context.sendActivity(giveUpToday(lang));
      return step.endDialog();
    }
    session.phase = 'feedback';
    this.services.report(context, { kind: 'answered', lang, ...todayTarget(g) });
    await context.sendActivity(todayAnswer(g, lang));
    return step.replaceDialog(FEEDBACK, { offerPilotYears: true } satisfies FeedbackOptions);
  }

  /**
   * The prompt's validator. A new fact, or new candidate municipalities, end the prompt. Anything
   * else is an attempt that told nothing: it is explained ("don't know" the benefit: who pays
   * which; an impossible age: why) and asked again, until the last attempt, which goes through so
   * the guide can go on without this fact.
   */
  private async helps(prompt: PromptValidatorContext<Understanding>): Promise<boolean> {
    const context = prompt.context;
    const session = await this.session(context);
    const applied = applyUnderstanding(session.person, prompt.recognized.value ?? {}, session.asking);
    if (news(applied, session)) return true;
    const key = UnderstandingPrompt.keyOf<SlotAsk>(prompt.options);
    this.services.report(context, { kind: 'notUnderstood', slot: key.slot, lang: key.lang });
    if (prompt.attemptCount + (key.missed ?? 0) >= ATTEMPTS) return true;

    const lang = await currentLang(this.services, context);
    await this.explain(context, applied, lang);
    // Nothing said yet: the prompt sends its retry (the question with an example). After an
    // explanation or a warning the question itself follows.
    if (context.responded) await context.sendActivity(buildSlotPrompt({ ...key, lang }).prompt);
    return false;
  }

  /** Takes the answer: new facts → the next question; the last answer that told nothing → on without that fact. */
  private async answerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const context = step.context;
    const session = await this.session(context);
    const slot = session.asking;
    const u: Understanding = step.result ?? {};
    const applied = applyUnderstanding(session.person, u, slot);
    if (!slot || news(applied, session)) {
      await this.absorb(context, session, applied);
      return step.replaceDialog(LOOP);
    }
    session.skipped = [...(session.skipped ?? []), slot];
    return step.replaceDialog(LOOP, { skipped: true } satisfies LoopOptions);
  }

  /**
   * Puts what the message gave (the knowledge's applyUnderstanding, computed once by the caller)
   * into the session, and explains what needs it. True when the message gave nothing at all.
   */
  private async absorb(context: TurnContext, session: GuideSession, applied: AppliedUnderstanding): Promise<boolean> {
    session.person = applied.person;
    if (applied.learned.includes('municipalityId')) session.ambiguous = undefined;
    if (applied.candidates) session.ambiguous = applied.candidates; // the next question lists them
    await this.explain(context, applied, await currentLang(this.services, context));
    return understoodNothing(applied);
  }

  /**
   * Rule 7 for a person unsure of their benefit; why an age cannot be right; which municipality a
   * former one is part of now, so "Ristiina" is visibly taken as Mikkeli.
   */
  private async explain(context: TurnContext, applied: AppliedUnderstanding, lang: Lang): Promise<void> {
    const id = applied.person.municipalityId;
    if (applied.former?.year && id && applied.learned.includes('municipalityId')) {
      const former = lang === 'sv' && applied.former.sv ? applied.former.sv : applied.former.fi;
      const municipality = municipalityName(facts.municipalities[id], lang);
      await context.sendActivity(say('formerMunicipality', lang, { former, municipality, year: applied.former.year }));
    }
    if (applied.benefitUnknown) {
      await context.sendActivity(message(facts.texts.benefitExplanation[lang], lang, InputHints.AcceptingInput));
    }
    // Today's answer needs no age: an age that cannot be used is no reason to stop the person.
    if (applied.ageProblem && !(await this.answeringToday(context))) {
      await context.sendActivity(say(AGE_PROBLEM_TEXTS[applied.ageProblem], lang));
    }
  }

  private async answeringToday(context: TurnContext): Promise<boolean> {
    const session = await this.session(context);
    return answerMode(this.services.today(), session.asked).kind === 'today';
  }

  private async session(context: TurnContext): Promise<GuideSession> {
    return this.services.session.get(context, freshSession());
  }
}

const AGE_PROBLEM_TEXTS = {
  tooYoung: 'ageTooYoung',
  tooOld: 'ageTooOld',
  negative: 'ageNegative',
  range: 'ageRange',
} as const satisfies Record<NonNullable<Understanding['ageProblem']>, string>;

/** Whether an answer moves the guide on: a fact not known before, or candidates not offered before. */
function news(applied: AppliedUnderstanding, session: GuideSession): boolean {
  if (applied.learned.length) return true;
  return applied.candidates !== undefined && applied.candidates.join() !== (session.ambiguous ?? []).join();
}
