import type { IncomingMessage } from 'http';
import type * as restify from 'restify';
import type { Conversations } from './conversations';
import type { StartedConversation } from './tokens';
import { channelSettings, type DirectLineOptions } from './settings';
import { createChannel } from './channel';
import { mountClientRoutes } from './clientRoutes';
import { mountBotRoutes } from './botRoutes';
import { mountStream } from './stream';

// A Direct Line 3.0 compatible channel inside our own server, used when no Azure Direct Line
// secret is configured: the chat's client (DirectLineJS, the library Web Chat uses too) talks to
// it exactly as to Azure (REST + WebSocket stream or polling), and the bot answers it through the
// Bot Connector routes, with the channel's own base URL as the activity's serviceUrl. No Azure
// account and no internet needed. Its rooms:
//   settings.ts      the options and their defaults
//   channel.ts       the parts every route shares: conversations (conversations.ts), tokens,
//                    delivery, stream quotas
//   clientRoutes.ts  the client's REST routes: start, reconnect, poll, send, refresh
//   stream.ts        the WebSocket stream, its limits and heartbeat
//   botRoutes.ts     where the bot sends its replies (this machine only, with the bot's key)
//   tokens.ts        issuing and checking the tokens (token.ts signs them)
//   delivery.ts      posting activities to the bot, one at a time per conversation
//   quotas.ts        open streams per conversation and per address, upgrades per minute

export interface LocalDirectLine {
  conversations: Conversations;
  /**
   * Issues a new conversation (a fresh `dl_` user) and its token (used by /api/directline/token),
   * started from `address`. Throws ConversationRefused when there is no room.
   */
  createConversation(locale?: string, address?: string): StartedConversation & { userId: string };
  /** The client address the channel counts a request against. */
  clientAddress(req: IncomingMessage): string;
  /** Stops the idle sweep and closes every stream. */
  close(): void;
}

export function mountDirectLine(server: restify.Server, opts: DirectLineOptions = {}): LocalDirectLine {
  const settings = channelSettings(opts);
  const channel = createChannel(server, settings);
  mountClientRoutes(server, channel);
  mountBotRoutes(server, channel);
  const closeStreams = mountStream(server, channel);
  const sweeper = setInterval(
    () => channel.conversations.sweep(),
    Math.min(settings.conversationLimits.idleMs, 60_000),
  );
  sweeper.unref();
  return {
    conversations: channel.conversations,
    createConversation(locale, address) {
      const conv = channel.newConversation(locale, address);
      return { ...channel.tokens.issue(conv), userId: conv.userId };
    },
    clientAddress: settings.addressOf,
    close() {
      clearInterval(sweeper);
      closeStreams();
    },
  };
}
