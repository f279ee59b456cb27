import {
  ActionTypes,
  ActivityTypes,
  CardFactory,
  Channels,
  type Activity,
  type Attachment,
  type CardAction,
  type Middleware,
  TurnContext,
} from 'botbuilder';
import type { Lang } from '../knowledge';
import { logger } from './logger';
import { greeting, langFromLocale, say } from '../dialogs';

// What Microsoft Teams does differently from the website chat, in one middleware, so the bot and the
// dialogs stay channel-neutral. Only activities with channelId "msteams" are touched.
//
// - Installed in personal scope, Teams adds only the BOT to the conversation (membersAdded = [bot]);
//   the bot's own handler greets people who join, so the welcome is sent here. Added to a group chat,
//   the bot introduces itself once and says it answers only when mentioned; people joining a group
//   chat are not greeted one by one.
// - In a group chat the bot answers only messages that @mention it (and presses of its own buttons).
// - "<at>Bot name</at>" is removed from the text before understanding, so the bot's name (or any
//   other mentioned person's) is never read as a municipality or an answer.
// - Teams sends the user's locale on messages, and also in a clientInfo entity; the locale is
//   filled in from there when missing, because the language is chosen from activity.locale.
// - Teams renders Adaptive Cards up to version 1.5: a newer card would show as an error, so it is
//   replaced by its fallback text.
// - In a group chat a plain imBack button press would post unmentioned text that Teams does not
//   deliver to the bot; there suggested actions become a card of messageBack buttons, which reach
//   the bot without a mention.

/** The highest Adaptive Card version Teams renders on every client. */
export const TEAMS_MAX_CARD_VERSION = '1.5';

/** Marks a messageBack press of one of our own buttons, so it is accepted in a group chat. */
export const TEAMS_BUTTON_VALUE = { guideButton: true } as const;

export type TeamsScope = 'personal' | 'groupChat' | 'channel';

const ADAPTIVE = 'application/vnd.microsoft.card.adaptive';

export function teamsScope(activity: Partial<Activity>): TeamsScope {
  const type = activity.conversation?.conversationType;
  if (type === 'groupChat' || type === 'channel') return type;
  return 'personal';
}

/** The locale Teams sent: activity.locale, else the clientInfo entity's locale. */
export function teamsLocale(activity: Partial<Activity>): string | undefined {
  if (activity.locale) return activity.locale;
  const clientInfo = activity.entities?.find((e) => e.type === 'clientInfo') as { locale?: unknown } | undefined;
  return typeof clientInfo?.locale === 'string' && clientInfo.locale ? clientInfo.locale : undefined;
}

function mentionsBot(activity: Partial<Activity>): boolean {
  const botId = activity.recipient?.id;
  return (activity.entities ?? []).some(
    (e) => e.type?.toLowerCase() === 'mention' && (e as { mentioned?: { id?: string } }).mentioned?.id === botId,
  );
}

function isOurButton(activity: Partial<Activity>): boolean {
  const value = activity.value as Record<string, unknown> | undefined;
  return !!value && typeof value === 'object' && value.guideButton === TEAMS_BUTTON_VALUE.guideButton;
}

/** The message text without the bot's @mention, nor any other <at>…</at> mention. */
export function textWithoutMentions(activity: Activity): string {
  // botbuilder's own helper removes the bot's mention exactly as the mention entity spells it…
  TurnContext.removeRecipientMention(activity);
  // …and any mention left (another person, or the bot under a spelling the entity did not carry).
  return activity.text
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function compareVersions(a: string, b: string): number {
  const [a1, a2] = a.split('.').map(Number);
  const [b1, b2] = b.split('.').map(Number);
  return a1 - b1 || (a2 || 0) - (b2 || 0);
}

/** Replaces Adaptive Cards newer than Teams renders by their fallback text (never an error box). */
function fitCards(activity: Partial<Activity>): void {
  if (!activity.attachments?.length) return;
  const kept: Attachment[] = [];
  for (const attachment of activity.attachments) {
    const version = (attachment.content as { version?: unknown } | undefined)?.version;
    if (
      attachment.contentType === ADAPTIVE &&
      typeof version === 'string' &&
      compareVersions(version, TEAMS_MAX_CARD_VERSION) > 0
    ) {
      logger.warn({ version }, 'teams: adaptive card newer than Teams renders, sent as text');
      const fallback = (attachment.content as { fallbackText?: unknown }).fallbackText;
      if (!activity.text && typeof fallback === 'string') activity.text = fallback;
      continue;
    }
    kept.push(attachment);
  }
  activity.attachments = kept;
}

/** Group chat: suggested imBack buttons become messageBack buttons on a card (they reach the bot). */
function buttonsAsCard(activity: Partial<Activity>): void {
  const actions = activity.suggestedActions?.actions;
  if (!actions?.length) return;
  const buttons: CardAction[] = actions.map((a) => {
    const text = String(a.value ?? a.title);
    return {
      type: ActionTypes.MessageBack,
      title: a.title,
      text,
      displayText: a.title,
      value: { ...TEAMS_BUTTON_VALUE },
    };
  });
  activity.attachments = [...(activity.attachments ?? []), CardFactory.heroCard('', undefined, buttons)];
  delete activity.suggestedActions;
}

async function welcome(context: TurnContext, scope: TeamsScope, today: Date): Promise<void> {
  const lang: Lang = langFromLocale(teamsLocale(context.activity));
  const replies = greeting(lang, today);
  // In a group chat, after the ordinary greeting: how to address the bot, and that others read along.
  if (scope !== 'personal') replies.splice(1, 0, say('teamsGroupChatHint', lang));
  await context.sendActivities(replies);
}

export class TeamsMiddleware implements Middleware {
  /** `today`: the greeting says what the guide answers on that day. */
  constructor(private readonly today: () => Date = () => new Date()) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const activity = context.activity;
    if (activity.channelId !== Channels.Msteams) return next();
    const scope = teamsScope(activity);
    const locale = teamsLocale(activity);
    if (locale) activity.locale = locale;

    context.onSendActivities(async (_ctx, activities, sendNext) => {
      for (const outgoing of activities) {
        fitCards(outgoing);
        if (scope !== 'personal') buttonsAsCard(outgoing);
      }
      return sendNext();
    });

    if (activity.type === ActivityTypes.ConversationUpdate) {
      // Teams' membership events are answered here: the bot's own arrival gets the welcome.
      const botAdded = (activity.membersAdded ?? []).some((m) => m.id === activity.recipient?.id);
      if (botAdded) await welcome(context, scope, this.today());
      return;
    }

    if (activity.type === ActivityTypes.Message) {
      if (scope !== 'personal' && !mentionsBot(activity) && !isOurButton(activity)) return; // not addressed to the bot
      if (typeof activity.text === 'string') activity.text = textWithoutMentions(activity);
    }
    return next();
  }
}
