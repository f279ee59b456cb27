import { ActivityHandler, type ConversationState, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import {
  GuideDialog,
  greeting,
  langFromLocale,
  type GuideServices,
  type GuideSession,
  type Profile,
  type ReportEvent,
} from '../dialogs';
import { errorSummary, logger } from './logger';

// The bot, like the samples' DialogAndWelcomeBot: greets whoever joins, runs the guide dialog on
// every message and saves the state at the end of each turn.

const DELETED = Symbol('guide.dataDeleted');

export interface GuideBotOptions {
  conversationState: ConversationState;
  /** "Today" for the rules. */
  today: () => Date;
  /** Counts the conversation's events for the figures (src/metrics); default: counts nothing. */
  report?: ReportEvent;
}

export class GuideBot extends ActivityHandler {
  readonly dialogState: StatePropertyAccessor<DialogState>;
  readonly profile: StatePropertyAccessor<Profile>;
  readonly session: StatePropertyAccessor<GuideSession>;
  readonly dialog: GuideDialog;

  constructor(private readonly options: GuideBotOptions) {
    super();
    const { conversationState } = options;
    this.dialogState = conversationState.createProperty<DialogState>('dialogState');
    this.profile = conversationState.createProperty<Profile>('profile');
    this.session = conversationState.createProperty<GuideSession>('guideSession');
    const services: GuideServices = {
      profile: this.profile,
      session: this.session,
      today: options.today,
      report: (context, event) => {
        // A figure that cannot be counted must never fail the person's turn.
        try {
          options.report?.(context, event);
        } catch (err) {
          logger.warn({ err: errorSummary(err) }, 'figure not counted');
        }
      },
      deleteAllData: async (context) => {
        await conversationState.delete(context);
        // Nothing of this turn may be written back after the deletion.
        context.turnState.set(DELETED, true);
      },
    };
    this.dialog = new GuideDialog(services);

    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      const joined = (context.activity.membersAdded ?? []).some((m) => m.id !== botId);
      if (joined) await context.sendActivities(greeting(langFromLocale(context.activity.locale), options.today()));
      await next();
    });

    this.onMessage(async (context, next) => {
      await this.dialog.run(context, this.dialogState);
      await next();
    });
  }

  /** Runs the turn, then saves the state (unless the user just deleted it). */
  async run(context: TurnContext): Promise<void> {
    await super.run(context);
    if (context.turnState.get(DELETED)) return;
    await this.options.conversationState.saveChanges(context, false);
  }

  /** Forgets the dialog in progress (after an error), keeping the language. */
  async resetDialog(context: TurnContext): Promise<void> {
    await this.dialogState.delete(context);
    await this.session.delete(context);
    await this.options.conversationState.saveChanges(context, true);
  }
}
