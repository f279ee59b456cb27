import type * as restify from 'restify';
import { jsonBody, isObject } from '../http/jsonBody';
import type { WireActivity } from './conversations';
import { fromThisMachine, sendError } from './http';
import type { Channel } from './channel';

// The bot side (a subset of the Bot Connector API), where the bot sends its replies:
//   POST /directline-bot/{key}/v3/conversations/{id}/activities[/{replyToId}]
// Local mode has no bot authentication: a reply must come from this machine and carry the key
// that only the bot was given (in the serviceUrl of the activities delivered to it).

export function mountBotRoutes(server: restify.Server, channel: Channel): void {
  // async: restify takes a two-argument handler only when it is an async function.
  const fromBot = async (req: restify.Request, res: restify.Response) => {
    if (!fromThisMachine(req) || !channel.delivery.isBotKey(String(req.params.key ?? ''))) {
      sendError(res, 404, 'NotFound', 'Not found.');
      return;
    }
    const conv = channel.conversations.get(req.params.conversationId);
    if (!conv) {
      sendError(res, 404, 'ConversationNotFound', 'Conversation not found.');
      return;
    }
    const activity: unknown = req.body;
    if (!isObject(activity) || typeof activity.type !== 'string') {
      sendError(res, 400, 'BadArgument', 'The body must be an activity with a type.');
      return;
    }
    const sender = activity.from as WireActivity['from'] | undefined;
    const stored = channel.conversations.append(conv, {
      ...activity,
      type: activity.type,
      from: sender?.id ? { ...sender, role: 'bot' } : channel.settings.bot,
      recipient: { id: conv.userId, role: 'user' },
      replyToId: (activity.replyToId as string | undefined) ?? req.params.replyToId,
      serviceUrl: undefined,
    });
    res.send(200, { id: stored.id });
  };
  // The bot's replies carry Adaptive Cards: a larger limit than the browser's messages get.
  const body = jsonBody({ maxBytes: 256 * 1024, send: sendError });
  server.post('/directline-bot/:key/v3/conversations/:conversationId/activities', body, fromBot);
  server.post('/directline-bot/:key/v3/conversations/:conversationId/activities/:replyToId', body, fromBot);
}
