import { ConversationState, MemoryStorage, TestAdapter, type Activity, type Storage } from 'botbuilder';
import { GuideBot } from '../../src/bot';
import { LANGS, type Lang } from '../../knowledge';
import type { GuideEvent } from '../../dialogs';

// A conversation with the real bot (GuideBot + GuideDialog + replies) over botbuilder's
// TestAdapter: say() sends one message and returns every reply of that turn, as a user sees them.

export const LOCALE: Record<Lang, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-US' };

/** [lang, locale] rows for test.each: the given languages, or all three. */
export const locales = (...langs: Lang[]): Array<[Lang, string]> =>
  (langs.length ? langs : LANGS).map((l) => [l, LOCALE[l]]);

/** Pilot period by default, so the answers describe the pilots as running. */
export const PILOT_DAY = '2022-06-15';

/** The real bot; `events` collects what it reports for the figures. */
export function makeBot(date = PILOT_DAY, storage: Storage = new MemoryStorage()) {
  const conversationState = new ConversationState(storage);
  const events: GuideEvent[] = [];
  const bot = new GuideBot({
    conversationState,
    today: () => new Date(`${date}T12:00:00Z`),
    report: (_context, event) => void events.push(event),
  });
  return { bot, storage, conversationState, events };
}

/** The "was this helpful?" answers among the reported events. */
export const feedbackOf = (events: GuideEvent[]) => events.flatMap((e) => (e.kind === 'feedback' ? [e.helpful] : []));

export class Talk {
  readonly adapter: TestAdapter;
  constructor(
    readonly bot: GuideBot,
    readonly locale = 'fi-FI',
    conversationId = 'conv-1',
  ) {
    this.adapter = new TestAdapter((context) => bot.run(context), {
      channelId: 'test',
      conversation: { id: conversationId } as Activity['conversation'],
      user: { id: 'user-1', name: 'User' },
      bot: { id: 'bot', name: 'Bot' },
      locale,
    } as never);
  }

  private drain(): Partial<Activity>[] {
    return this.adapter.activeQueue.splice(0).filter((a) => a.type === 'message');
  }

  /** The user joins: conversationUpdate with the user in membersAdded. */
  async join(): Promise<Partial<Activity>[]> {
    await this.adapter.receiveActivity({
      type: 'conversationUpdate',
      locale: this.locale,
      membersAdded: [{ id: 'user-1', name: 'User' }],
      recipient: { id: 'bot', name: 'Bot' },
    } as Partial<Activity>);
    return this.drain();
  }

  async say(text: string): Promise<Partial<Activity>[]> {
    await this.adapter.receiveActivity({ type: 'message', text, locale: this.locale } as Partial<Activity>);
    return this.drain();
  }
}

export const texts = (replies: Partial<Activity>[]): string => replies.map((r) => r.text ?? '').join('\n');
export const lastText = (replies: Partial<Activity>[]): string => replies[replies.length - 1]?.text ?? '';
export const buttons = (reply: Partial<Activity> | undefined): string[] =>
  (reply?.suggestedActions?.actions ?? []).map((a) => String(a.title));
export const lastButtons = (replies: Partial<Activity>[]) => buttons(replies[replies.length - 1]);

/** The Adaptive Card content of the replies (the answer), if any. */
export function answerCardOf(replies: Partial<Activity>[]): Record<string, unknown> | undefined {
  for (const r of replies) {
    const a = r.attachments?.find((x) => x.contentType === 'application/vnd.microsoft.card.adaptive');
    if (a) return a.content as Record<string, unknown>;
  }
  return undefined;
}

/** All text of a card, for "does the card show X" assertions. */
export function cardText(card: unknown): string {
  const out: string[] = [];
  const walk = (n: unknown) => {
    if (Array.isArray(n)) n.forEach(walk);
    else if (n && typeof n === 'object') {
      for (const [k, v] of Object.entries(n)) {
        if ((k === 'text' || k === 'title' || k === 'url') && typeof v === 'string') out.push(v);
        else walk(v);
      }
    }
  };
  walk(card);
  return out.join('\n');
}
