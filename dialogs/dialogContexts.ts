/** The turn-state key botbuilder-dialogs' DialogStateManager looks for its configuration under. */
const STATE_CONFIGURATION = 'DialogStateManagerConfiguration';

/**
 * `dialogSet.createContext(context)`, reusing one memory-scope configuration for every turn.
 * Every DialogContext (3-4 a turn with component dialogs) builds that configuration unless the
 * turn already holds one. It holds no per-turn data (DialogManager keeps one for all turns too),
 * so the one built on the first turn serves every later turn. Depends on botbuilder-dialogs
 * 4.23.3 (pinned) reading it from turn state under this key: test/bot/dialogContexts.test.ts
 * fails if a later version stops doing so.
 */
export class DialogContexts {
  private configuration?: DialogStateManagerConfiguration;

  async create(dialogSet: DialogSet, context: TurnContext): Promise<DialogContext> {
    if (this.configuration) context.turnState.set(STATE_CONFIGURATION, this.configuration);
    const dc = await dialogSet.createContext(context);
    this.configuration ??= dc.state.configuration;
    return dc;
  }
}
import type { TurnContext, DialogContext, DialogSet, DialogStateManagerConfiguration } from './sdk';
