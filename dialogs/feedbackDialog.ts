import {
  ComponentDialog,
  TextPrompt,
  WaterfallDialog,
  type DialogTurnResult,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { afterFeedback, askHelpful } from '../src/replies/messages';
import { currentLang, type GuideServices } from './guideServices';
import { readTurn } from './turnInput';

// After the answer: "was this helpful?" (yes / no / start again). Only a count is kept.
// Anything that is not a yes or a no is a new question: the dialog ends with `rerun`, and the
// guide starts again with that message and the facts it already knows.

const PROMPT = 'feedbackPrompt';
const STEPS = 'feedbackSteps';

export interface FeedbackResult {
  rerun?: boolean;
}

export class FeedbackDialog extends ComponentDialog {
  constructor(id: string, private readonly services: GuideServices) {
    super(id);
    this.addDialog(new TextPrompt(PROMPT));
    this.addDialog(new WaterfallDialog(STEPS, [this.ask.bind(this), this.receive.bind(this)]));
    this.initialDialogId = STEPS;
  }

  private async ask(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const lang = await currentLang(this.services, step.context);
    return step.prompt(PROMPT, { prompt: askHelpful(lang) });
  }

  private async receive(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const input = readTurn(step.context);
    const helpful = input.button?.kind === 'yesNo' ? input.button.yes : input.understanding.yesNo;
    if (helpful === undefined || input.understanding.municipality || input.understanding.age !== undefined) {
      return step.endDialog({ rerun: true } satisfies FeedbackResult);
    }
    await this.services.countFeedback(helpful);
    await step.context.sendActivity(afterFeedback(await currentLang(this.services, step.context)));
    return step.endDialog({} satisfies FeedbackResult);
  }
}
