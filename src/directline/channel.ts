import { randomUUID } from 'crypto';
import type * as restify from 'restify';
import { Conversations, type Conversation } from './conversations';
import { ChannelTokens } from './tokens';
import { BotDelivery } from './delivery';
import { StreamQuotas } from './quotas';
import { ConversationRefused } from './http';
import type { ChannelSettings } from './settings';

/** The parts of the built-in channel that its routes and its stream share. */
export interface Channel {
  settings: ChannelSettings;
  conversations: Conversations;
  tokens: ChannelTokens;
  delivery: BotDelivery;
  quotas: StreamQuotas;
  /** A new conversation (a fresh `dl_` user) started from `address`; throws ConversationRefused when there is no room. */
  newConversation(locale?: string, address?: string): Conversation;
}

export function createChannel(server: restify.Server, settings: ChannelSettings): Channel {
  const conversations = new Conversations(settings.conversationLimits);
  const quotas = new StreamQuotas(settings.streams);
  conversations.onDrop((id) => quotas.closeConversation(id));
  return {
    settings,
    conversations,
    tokens: new ChannelTokens(conversations, settings.tokenTtlSeconds, settings.signingKey),
    delivery: new BotDelivery(server, conversations, settings),
    quotas,
    newConversation(locale, address = '') {
      const conv = conversations.create(`dl_${randomUUID()}`, locale, address);
      if (conv === 'perAddress') throw new ConversationRefused(429);
      if (conv === 'full') throw new ConversationRefused(503);
      return conv;
    },
  };
}
