import type { Activity, BotState, ResourceResponse, TurnContext } from 'botbuilder';
import { isETagConflict } from './turnETagStorage';
import { ConversationQueue } from '../conversationQueue';
import type { TurnLogic } from '../turnLogic';

export interface TurnGuardOptions {
  /** The states the bot loads and saves: reloaded when a turn is retried. */
  states: BotState[];
  queue?: ConversationQueue;
  onRetry?: (context: TurnContext, attempt: number) => void;
}

/** Attempts in all when another instance saved the same conversation meanwhile. */
const MAX_ATTEMPTS = 3;

/**
 * Wraps the bot's turn (e.g. `(ctx) => bot.run(ctx)`) so that:
 * - turns of one conversation are serialised in this process (ConversationQueue);
 * - state saves are conditional on the eTags the turn read (GuardedConversationState), so a save that would
 *   overwrite another instance's newer state fails instead;
 * - such a turn runs again on the fresh state, up to MAX_ATTEMPTS times. Its replies are held until
 *   the turn's state is saved, so the user never sees the replies of an attempt that was thrown away.
 */
export function guardTurn(logic: TurnLogic, options: TurnGuardOptions): TurnLogic {
  const queue = options.queue ?? new ConversationQueue();
  return (context) =>
    queue.run(context.activity.conversation?.id ?? '', async () => {
      const held: Partial<Activity>[] = [];
      let holding = true;
      context.onSendActivities(async (_ctx, activities, next): Promise<ResourceResponse[]> => {
        if (!holding) return next();
        held.push(...activities);
        return activities.map(() => ({ id: '' }));
      });
      for (let attempt = 1; ; attempt++) {
        held.length = 0;
        try {
          if (attempt > 1) for (const state of options.states) await state.load(context, true);
          await logic(context);
          break;
        } catch (err) {
          if (!isETagConflict(err) || attempt >= MAX_ATTEMPTS) {
            holding = false;
            throw err;
          }
          options.onRetry?.(context, attempt);
        }
      }
      holding = false;
      if (held.length > 0) await context.sendActivities(held);
    });
}
