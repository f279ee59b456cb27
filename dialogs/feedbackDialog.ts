import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext, InputHints } from './sdk';
import { startAgainButton } from './replies/buttons';
import { afterFeedback, askHelpful, message } from './replies/messages';
import { t } from './replies/texts';
import { answeredTarget, currentLang, type GuideServices } from './guideServices';
import type { Lang, Understanding } from '../knowledge';
import { hasFacts } from './turnInput';
import { UnderstandingPrompt } from './understandingPrompt';

// After the answer: "was this helpful?" (yes / no / start again). Only a count is kept (the
// host's figures), never in the conversation's storage.
// A message with new facts instead ("what if I am 45") is a new question: the dialog ends with
// `rerun`, and the guide starts again with that message and the facts it already knows.

const PROMPT = 'feedbackPrompt';
const STEPS = 'feedbackSteps';

export interface FeedbackResult {
  rerun?: boolean;
}

export interface FeedbackOptions {
  /** After today's answer: offer the pilot years' answer too. */
  offerPilotYears?: boolean;
}

export class FeedbackDialog extends ComponentDialog {
  constructor(
    id: string,
    private readonly services: GuideServices,
  ) {
    super(id);
    this.addDialog(
      new UnderstandingPrompt<{ lang: Lang; pilotYears?: boolean }>(PROMPT, ({ lang, pilotYears }) => ({
        prompt: askHelpful(lang, pilotYears),
      })),
    );
    this.addDialog(new WaterfallDialog(STEPS, [this.ask.bind(this), this.receive.bind(this)]));
    this.initialDialogId = STEPS;
  }

  private async ask(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const lang = await currentLang(this.services, step.context);
    const pilotYears = (step.options as FeedbackOptions | undefined)?.offerPilotYears === true;
    return step.prompt(PROMPT, UnderstandingPrompt.options({ lang, ...(pilotYears ? { pilotYears } : {}) }));
  }

  private async receive(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const u: Understanding = step.result ?? {};
    const helpful = u.yesNo;
    const lang = await currentLang(this.services, step.context);
    if (hasFacts(u)) {
      // "entä jos olen 45?": a new question with the facts already known.
      return step.endDialog({ rerun: true } satisfies FeedbackResult);
    }
    if (helpful === undefined) {
      // "kiitos", "ok": no count, no new answer; the way to start again stays on offer.
      await step.context.sendActivity(
        message(t('anythingElse', lang), lang, InputHints.AcceptingInput, [startAgainButton(lang)]),
      );
      return step.endDialog({} satisfies FeedbackResult);
    }
    this.services.report(step.context, {
      kind: 'feedback',
      helpful,
      ...(await answeredTarget(this.services, step.context)),
    });
    await step.context.sendActivity(afterFeedback(lang));
    return step.endDialog({} satisfies FeedbackResult);
  }
}
