import { randomUUID } from 'crypto';
import type * as restify from 'restify';
import { jsonBody, isObject } from '../http/jsonBody';
import type { Conversation, WireActivity } from './conversations';
import { bearer, ConversationRefused, crossSite, query, sendError, sendRefused } from './http';
import type { Channel } from './channel';

// The client side of Direct Line 3.0 (Authorization: Bearer <token>; a token is bound to one
// conversation):
//   POST /v3/directline/conversations                     start (a token starts its own conversation;
//                                                         no token = a new conversation and token)
//   GET  /v3/directline/conversations/{id}?watermark=     reconnect: fresh token + streamUrl
//   GET  /v3/directline/conversations/{id}/activities?watermark=   polling
//   POST /v3/directline/conversations/{id}/activities     send (echoed with the clientActivityID)
//   POST /v3/directline/tokens/refresh

const CLIENT_TYPES = new Set(['message', 'event', 'typing']);

export function mountClientRoutes(server: restify.Server, channel: Channel): void {
  const { conversations, tokens } = channel;
  const body = jsonBody({ maxBytes: channel.settings.maxBodyBytes, send: sendError });

  server.post('/v3/directline/conversations', body, async (req: restify.Request, res: restify.Response) => {
    const conv = bearer(req) === undefined ? startConversation(req, res, channel) : tokens.authorize(req, res)?.conv;
    if (!conv) return;
    conversations.touch(conv);
    const started = tokens.issue(conv);
    res.send(201, { ...started, streamUrl: tokens.streamUrl(req, conv, started.token), referenceGrammarId: '' });
    if (!conv.started) {
      conv.started = true;
      void announce(conv, channel);
    }
  });

  server.get('/v3/directline/conversations/:conversationId', (req, res, next) => {
    const auth = tokens.authorize(req, res, req.params.conversationId);
    if (auth) {
      conversations.touch(auth.conv);
      const started = tokens.issue(auth.conv);
      const watermark = query(req).get('watermark') ?? undefined;
      res.send(200, { ...started, streamUrl: tokens.streamUrl(req, auth.conv, started.token, watermark) });
    }
    next();
  });

  server.get('/v3/directline/conversations/:conversationId/activities', (req, res, next) => {
    const auth = tokens.authorize(req, res, req.params.conversationId);
    if (auth) {
      conversations.touch(auth.conv);
      res.send(200, conversations.since(auth.conv, query(req).get('watermark') ?? undefined));
    }
    next();
  });

  server.post(
    '/v3/directline/conversations/:conversationId/activities',
    body,
    async (req: restify.Request, res: restify.Response) => sendActivity(req, res, channel),
  );

  server.post('/v3/directline/tokens/refresh', body, (req, res, next) => {
    const auth = tokens.authorize(req, res);
    if (auth) {
      conversations.touch(auth.conv);
      res.send(200, tokens.issue(auth.conv));
    }
    next();
  });
}

/** A new conversation for a client without a token, or undefined once the refusal is answered. */
function startConversation(req: restify.Request, res: restify.Response, channel: Channel): Conversation | undefined {
  if (crossSite(req)) {
    sendError(res, 403, 'CrossSite', 'The chat starts from its own page.');
    return undefined;
  }
  const locale = typeof req.body?.locale === 'string' ? req.body.locale.slice(0, 20) : undefined;
  try {
    return channel.newConversation(locale, channel.settings.addressOf(req));
  } catch (err) {
    if (!(err instanceof ConversationRefused)) throw err;
    sendRefused(res, err);
    return undefined;
  }
}

/** Like Azure Direct Line: the bot hears that it and the user joined, so it can greet. */
function announce(conv: Conversation, channel: Channel): Promise<number> {
  const { bot } = channel.settings;
  return channel.delivery.deliver(conv, {
    type: 'conversationUpdate',
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    channelId: 'directline',
    conversation: { id: conv.id },
    from: { id: conv.userId, role: 'user' },
    membersAdded: [bot, { id: conv.userId, role: 'user' }],
  });
}

/** POST …/activities: the user's activity, delivered to the bot; 200 with its id once the bot took it. */
async function sendActivity(req: restify.Request, res: restify.Response, channel: Channel): Promise<void> {
  const auth = channel.tokens.authorize(req, res, req.params.conversationId);
  if (!auth) return;
  const incoming: unknown = req.body;
  if (!isObject(incoming) || typeof incoming.type !== 'string') {
    sendError(res, 400, 'BadArgument', 'The body must be an activity with a type.');
    return;
  }
  if (!CLIENT_TYPES.has(incoming.type)) {
    sendError(res, 400, 'BadArgument', `Activity type "${incoming.type.slice(0, 40)}" is not accepted.`);
    return;
  }
  // The user is who the token says (enhanced authentication), whatever the page claims.
  const name = isObject(incoming.from) ? incoming.from.name : undefined;
  const from = { id: auth.claims.user, name: name as string | undefined, role: 'user' };
  const activity: WireActivity = {
    ...incoming,
    type: incoming.type,
    from,
    recipient: channel.settings.bot,
    serviceUrl: undefined,
  };
  // Stamped as the transcript would keep it (identity codes redacted in every string), and kept
  // only once the bot has accepted it. Typing is passed on but never kept: it would push real
  // messages out of the history.
  const sent = channel.conversations.stamp(auth.conv, activity);
  const status = await channel.delivery.deliver(auth.conv, sent, incoming.type !== 'typing');
  // The bot refusing what the client sent is the client's mistake (400), not a bad gateway.
  if (status >= 400 && status < 500) {
    sendError(res, 400, 'BadArgument', 'The bot refused the activity.');
    return;
  }
  if (status < 200 || status >= 300) {
    sendError(res, 502, 'BotError', 'The bot did not accept the activity.');
    return;
  }
  res.send(200, { id: sent.id });
}
