import { randomBytes, timingSafeEqual } from 'crypto';
import type { AddressInfo } from 'net';
import type * as restify from 'restify';
import { logger } from '../logger';
import { ConversationQueue } from '../conversationQueue';
import type { Conversation, Conversations, WireActivity } from './conversations';
import type { ChannelSettings } from './settings';

// Delivery to the bot: the channel posts each activity to the bot's endpoint on this same server,
// with a serviceUrl of the channel's bot-side routes that carries a key only the bot is handed.
// A conversation's activities go one at a time, in order: the next waits for the bot's answer.

export class BotDelivery {
  /** The bot-side routes' key: random per process, handed to the bot only inside its serviceUrl. */
  private readonly key = randomBytes(24).toString('base64url');
  private readonly keyBytes = Buffer.from(this.key);
  private readonly queue = new ConversationQueue();

  constructor(
    private readonly server: restify.Server,
    private readonly conversations: Conversations,
    private readonly settings: Pick<ChannelSettings, 'botPath' | 'bot' | 'botTimeoutMs'>,
  ) {}

  /** True when `given` is the key handed to the bot (compared in constant time). */
  isBotKey(given: string): boolean {
    const bytes = Buffer.from(given);
    return bytes.length === this.keyBytes.length && timingSafeEqual(bytes, this.keyBytes);
  }

  /**
   * Posts the activity to the bot after the conversation's earlier ones; resolves with the bot's
   * HTTP status (0 when unreachable). `keep`: a user's stamped activity, which the transcript
   * keeps only if the bot accepted it (2xx).
   */
  deliver(conv: Conversation, activity: WireActivity, keep = false): Promise<number> {
    return this.queue.run(conv.id, async () => {
      if (!keep) return this.post(conv, activity);
      let status = 0;
      await this.conversations.keepIfAccepted(conv, activity, async () => {
        status = await this.post(conv, activity);
        return status >= 200 && status < 300;
      });
      return status;
    });
  }

  private async post(conv: Conversation, activity: WireActivity): Promise<number> {
    const base = this.selfUrl();
    const body = {
      ...activity,
      serviceUrl: `${base}/directline-bot/${this.key}/`,
      recipient: this.settings.bot,
      locale: activity.locale ?? conv.locale,
    };
    try {
      const res = await fetch(`${base}${this.settings.botPath}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.settings.botTimeoutMs),
      });
      await res.arrayBuffer();
      if (!res.ok) logger.warn({ status: res.status, type: activity.type }, 'directline: bot refused an activity');
      return res.status;
    } catch (err) {
      logger.warn({ err: (err as Error).name, type: activity.type }, 'directline: bot unreachable');
      return 0;
    }
  }

  /** The internal URL of this server: where the bot is, and the serviceUrl it replies to. */
  private selfUrl(): string {
    const addr = this.server.address() as AddressInfo | null;
    if (!addr || typeof addr === 'string') throw new Error('server is not listening');
    const any = addr.address === '0.0.0.0' || addr.address === '::' || addr.address === '';
    const host = any ? '127.0.0.1' : addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
    return `http://${host}:${addr.port}`;
  }
}
