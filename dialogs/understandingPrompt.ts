import { type TurnContext, Prompt, type PromptOptions, type PromptRecognizerResult, type PromptValidator } from './sdk';
import type { Lang, Slot, Understanding } from '../knowledge';
import type { Reply } from './replies/messages';
import { answerOf, readTurn } from './turnInput';

// A prompt whose recognizer is the knowledge's understanding, the SDK's way to write a custom
// prompt (Prompt<T> with onPrompt and onRecognize): the step after it gets the Understanding of the
// answer (our buttons included), and the SDK counts the attempts for the validator
// (PromptValidatorContext.attemptCount), which says whether an answer helped.
// The prompt keeps only a small key in PromptOptions.validations and builds its activities from it
// when it sends them: the whole question with its buttons in the dialog state would be turned into
// JSON and hashed on every load and save, and cloned by the storage.

/** What a question is about, as plain data: its language, and the slot it asks (what a bare answer means). */
interface PromptKey {
  lang: Lang;
  slot?: Slot;
}

interface PromptActivities {
  prompt: Reply;
  /** Sent when the validator refuses an answer; the prompt itself when absent. */
  retryPrompt?: Reply;
}

export class UnderstandingPrompt<K extends PromptKey> extends Prompt<Understanding> {
  constructor(
    id: string,
    private readonly build: (key: K) => PromptActivities,
    validator?: PromptValidator<Understanding>,
  ) {
    super(id, validator);
  }

  /** Options for `step.prompt(id, ...)`: only the key goes into the state. */
  static options<K extends PromptKey>(key: K): PromptOptions {
    return { validations: key };
  }

  /** The key a prompt was started with (its validator reads it too). */
  static keyOf<K extends PromptKey>(options: PromptOptions): K {
    return options.validations as K;
  }

  protected async onPrompt(
    context: TurnContext,
    _state: object,
    options: PromptOptions,
    isRetry: boolean,
  ): Promise<void> {
    const { prompt, retryPrompt } = this.build(UnderstandingPrompt.keyOf<K>(options));
    await context.sendActivity(isRetry && retryPrompt ? retryPrompt : prompt);
  }

  /** Any text is recognised (its understanding may be empty); a message without text is not. */
  protected async onRecognize(
    context: TurnContext,
    _state: object,
    options: PromptOptions,
  ): Promise<PromptRecognizerResult<Understanding>> {
    const text = context.activity.text;
    if (typeof text !== 'string' || !text.trim()) return { succeeded: false };
    return { succeeded: true, value: answerOf(readTurn(context, UnderstandingPrompt.keyOf<K>(options).slot)) };
  }
}
