import type { IncomingMessage } from 'http';
import { clientAddress } from '../http/rateLimiter';

// The built-in channel's options as the caller gives them, and the settings every part of the
// channel reads: each option with its default filled in.

export interface DirectLineOptions {
  /** Path of the bot's endpoint on this server. */
  botPath?: string;
  /** The bot's channel account as users see it. */
  botId?: string;
  botName?: string;
  /** Token lifetime; DirectLineJS refreshes tokens every 15 minutes. */
  tokenTtlSeconds?: number;
  /** HMAC key for tokens; random per process when absent. */
  signingKey?: string;
  maxConversations?: number;
  maxActivitiesPerConversation?: number;
  /** JSON bytes of activities kept per conversation. */
  maxBytesPerConversation?: number;
  /** Conversations with no traffic for this long are dropped. */
  idleMs?: number;
  /** How long the bot may take for one turn before the send fails with 502. */
  botTimeoutMs?: number;
  maxBodyBytes?: number;
  /** Open streams per conversation; a newer stream cuts the oldest. */
  maxSocketsPerConversation?: number;
  /** Open streams per client address; more are refused with 429. */
  maxSocketsPerAddress?: number;
  /** Conversations one client address may hold at once; more are refused with 429. */
  maxConversationsPerAddress?: number;
  /** Only a conversation idle this long makes room for a new one; else the channel answers 503. */
  evictIdleMs?: number;
  /** WebSocket upgrades per minute per client address. */
  upgradesPerMinute?: number;
  /** A stream is pinged this often and cut when it has not answered the previous ping. */
  streamHeartbeatMs?: number;
  /** The client's address (behind a proxy: from X-Forwarded-For). Default: the socket's peer. */
  clientAddress?: (req: IncomingMessage) => string;
}

export type ChannelSettings = ReturnType<typeof channelSettings>;

export function channelSettings(opts: DirectLineOptions) {
  return {
    botPath: opts.botPath ?? '/api/messages',
    bot: { id: opts.botId ?? 'etela-savo-guide', name: opts.botName ?? 'Etelä-Savo jobseeker guide', role: 'bot' },
    tokenTtlSeconds: opts.tokenTtlSeconds ?? 1800,
    signingKey: opts.signingKey,
    conversationLimits: {
      maxConversations: opts.maxConversations ?? 1000,
      maxActivities: opts.maxActivitiesPerConversation ?? 200,
      maxBytes: opts.maxBytesPerConversation ?? 256 * 1024,
      idleMs: opts.idleMs ?? 60 * 60 * 1000,
      maxPerAddress: opts.maxConversationsPerAddress ?? 20,
      evictIdleMs: opts.evictIdleMs,
    },
    botTimeoutMs: opts.botTimeoutMs ?? 30_000,
    // The chat's messages are a few hundred bytes besides the user's text; the bot's replies
    // (cards) do not pass this limit.
    maxBodyBytes: opts.maxBodyBytes ?? 16 * 1024,
    streams: {
      maxPerConversation: opts.maxSocketsPerConversation ?? 4,
      maxPerAddress: opts.maxSocketsPerAddress ?? 8,
      upgradesPerMinute: opts.upgradesPerMinute ?? 60,
    },
    heartbeatMs: opts.streamHeartbeatMs ?? 30_000,
    addressOf: opts.clientAddress ?? ((req: IncomingMessage) => clientAddress(req, 0)),
  };
}
