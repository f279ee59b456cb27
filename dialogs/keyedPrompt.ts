import type { TurnContext } from 'botbuilder';
import { TextPrompt, type PromptOptions } from 'botbuilder-dialogs';
import type { Reply } from './replies/messages';

// A TextPrompt that keeps only a small key in the conversation state and builds its activity when
// it sends it. A TextPrompt keeps its whole PromptOptions in the dialog state (the question with its
// buttons, and the retry question), and that state is turned into JSON and hashed three times per
// turn (BotState load, save, after save) and cloned by the storage: the keys are a tenth of the size.
// The built activity is exactly the one the caller would have passed as `prompt` / `retryPrompt`.

export interface KeyedPromptOptions<K extends object> extends PromptOptions {
  /** What to ask, as plain data (kept in the state in place of the activities). */
  validations: K;
}

export class KeyedPrompt<K extends object> extends TextPrompt {
  constructor(
    id: string,
    private readonly build: (key: K) => { prompt: Reply; retryPrompt?: Reply },
  ) {
    super(id);
  }

  /** Options for `step.prompt(id, ...)`: only the key goes into the state. */
  static options<K extends object>(key: K): KeyedPromptOptions<K> {
    return { validations: key };
  }

  protected onPrompt(context: TurnContext, state: object, options: PromptOptions, isRetry: boolean): Promise<void> {
    // A conversation saved before keyed prompts still holds its activities: use them as they are.
    if (options.prompt || options.retryPrompt || options.validations === undefined) return super.onPrompt(context, state, options, isRetry);
    return super.onPrompt(context, state, { ...options, ...this.build(options.validations as K) }, isRetry);
  }
}
