import type { IncomingMessage } from 'http';
import type { Duplex } from 'stream';
import type { AddressInfo } from 'net';
import { randomBytes, randomUUID, timingSafeEqual } from 'crypto';
import * as restify from 'restify';
import { WebSocketServer, WebSocket } from 'ws';
import FindMyWay from 'find-my-way';
import { logger } from '../logger';
import { Conversations, type Conversation, type WireActivity, type ActivitySet } from './conversations';
import { TokenSigner, type TokenClaims } from './token';
import { bearer, crossSite, fromThisMachine, publicOrigin, query, sendError } from './http';
import { jsonBody } from '../http/jsonBody';
import { clientAddress, RateLimiter } from '../http/rateLimiter';
import { claimUpgrades, refuseUpgrade } from '../http/upgrades';

// A Direct Line 3.0 compatible channel inside our own server, used when no Azure Direct Line
// secret is configured: the chat's client (DirectLineJS, the library Web Chat uses too) talks to
// it exactly as to Azure (REST + WebSocket stream or polling), and the bot answers it through the
// Bot Connector routes, with the channel's own base URL as the activity's serviceUrl. No Azure
// account and no internet needed.
//
// Client side (Authorization: Bearer <token>; a token is bound to one conversation):
//   POST /v3/directline/conversations                     start (a token starts its own conversation;
//                                                         no token = a new conversation and token)
//   GET  /v3/directline/conversations/{id}?watermark=     reconnect: fresh token + streamUrl
//   GET  /v3/directline/conversations/{id}/activities?watermark=   polling
//   POST /v3/directline/conversations/{id}/activities     send (echoed with the clientActivityID)
//   POST /v3/directline/tokens/refresh
//   WS   /v3/directline/conversations/{id}/stream?t=<token>&watermark=
// Bot side (local mode, from this machine only, with the per-process key the bot gets in its serviceUrl):
//   POST /directline-bot/{key}/v3/conversations/{id}/activities[/{replyToId}]

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

/** No room for another conversation: 429 for this address, or 503 when the channel is full. */
export class ConversationRefused extends Error {
  constructor(readonly status: 429 | 503) {
    super(status === 429 ? 'too many conversations from this address' : 'the chat is full');
  }
}

/** Answers a refused conversation: 429 or 503 (with a time to come back), the same from every route. */
export function sendRefused(res: restify.Response, err: ConversationRefused): void {
  if (err.status === 503) res.header('Retry-After', '60');
  sendError(
    res,
    err.status,
    err.status === 429 ? 'TooManyConversations' : 'ChannelFull',
    'No room for another conversation right now.',
  );
}

export interface StartedConversation {
  conversationId: string;
  token: string;
  expires_in: number;
  streamUrl?: string;
}

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

const CLIENT_TYPES = new Set(['message', 'event', 'typing']);

interface Conv extends Conversation {
  /** Deliveries to the bot run one at a time per conversation, in order. */
  queue?: Promise<unknown>;
}

export function mountDirectLine(server: restify.Server, opts: DirectLineOptions = {}): LocalDirectLine {
  const o = {
    botPath: opts.botPath ?? '/api/messages',
    botId: opts.botId ?? 'etela-savo-guide',
    botName: opts.botName ?? 'Etelä-Savo jobseeker guide',
    tokenTtlSeconds: opts.tokenTtlSeconds ?? 1800,
    maxConversations: opts.maxConversations ?? 1000,
    maxActivities: opts.maxActivitiesPerConversation ?? 200,
    maxBytes: opts.maxBytesPerConversation ?? 256 * 1024,
    idleMs: opts.idleMs ?? 60 * 60 * 1000,
    botTimeoutMs: opts.botTimeoutMs ?? 30_000,
    // The chat's messages are a few hundred bytes besides the user's text; the bot's replies
    // (cards) do not pass this limit.
    maxBodyBytes: opts.maxBodyBytes ?? 16 * 1024,
    maxSockets: opts.maxSocketsPerConversation ?? 4,
    maxSocketsPerAddress: opts.maxSocketsPerAddress ?? 8,
    heartbeatMs: opts.streamHeartbeatMs ?? 30_000,
  };
  const addressOf = opts.clientAddress ?? ((req: IncomingMessage) => clientAddress(req, 0));
  const upgrades = new RateLimiter({ perMinute: opts.upgradesPerMinute ?? 60 });
  const signer = new TokenSigner(opts.signingKey);
  /** The bot-side routes' key: random per process, handed to the bot only inside its serviceUrl. */
  const botKey = randomBytes(24).toString('base64url');
  const botKeyBytes = Buffer.from(botKey);
  const conversations = new Conversations({
    maxConversations: o.maxConversations,
    maxActivities: o.maxActivities,
    maxBytes: o.maxBytes,
    idleMs: o.idleMs,
    maxPerAddress: opts.maxConversationsPerAddress ?? 20,
    evictIdleMs: opts.evictIdleMs,
  });
  const sockets = new Map<string, Set<WebSocket>>();
  const socketsByAddress = new Map<string, Set<WebSocket>>();
  /** Streams that answered since the last ping. */
  const alive = new WeakSet<WebSocket>();
  /** Only open streams count against a cap: one closing (its client may never answer) does not. */
  const openIn = (set: Set<WebSocket> | undefined) => [...(set ?? [])].filter((ws) => ws.readyState === WebSocket.OPEN);
  const bot = { id: o.botId, name: o.botName, role: 'bot' };

  /** Forgets a stream in every count (it no longer holds a place). */
  const forget = (ws: WebSocket, convId: string, address: string) => {
    sockets.get(convId)?.delete(ws);
    if (sockets.get(convId)?.size === 0) sockets.delete(convId);
    socketsByAddress.get(address)?.delete(ws);
    if (socketsByAddress.get(address)?.size === 0) socketsByAddress.delete(address);
  };

  conversations.onDrop((id) => {
    for (const ws of sockets.get(id) ?? []) ws.close(1000, 'conversation ended');
    sockets.delete(id);
  });

  const issue = (conv: Conversation): StartedConversation => ({
    conversationId: conv.id,
    token: signer.sign(conv.id, conv.userId, o.tokenTtlSeconds),
    expires_in: o.tokenTtlSeconds,
  });

  const withStream = (req: restify.Request, conv: Conversation, token: string, watermark?: string) => {
    const { ws } = publicOrigin(req, 'localhost');
    const w = watermark && /^\d+$/.test(watermark) ? watermark : '-';
    return `${ws}/v3/directline/conversations/${conv.id}/stream?watermark=${w}&t=${encodeURIComponent(token)}`;
  };

  /** The internal URL of this server: where the bot is, and the serviceUrl it replies to. */
  const selfUrl = (): string => {
    const addr = server.address() as AddressInfo | null;
    if (!addr || typeof addr === 'string') throw new Error('server is not listening');
    const any = addr.address === '0.0.0.0' || addr.address === '::' || addr.address === '';
    const host = any ? '127.0.0.1' : addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
    return `http://${host}:${addr.port}`;
  };

  /**
   * Posts the activity to the bot; resolves with the bot's HTTP status (0 when unreachable).
   * `keep`: a user's stamped activity, which the transcript keeps only if the bot accepted it (2xx).
   */
  const deliverToBot = (conv: Conv, activity: WireActivity, keep = false): Promise<number> => {
    const post = async (): Promise<number> => {
      const base = selfUrl();
      const body = {
        ...activity,
        serviceUrl: `${base}/directline-bot/${botKey}/`,
        recipient: bot,
        locale: activity.locale ?? conv.locale,
      };
      try {
        const res = await fetch(`${base}${o.botPath}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(o.botTimeoutMs),
        });
        await res.arrayBuffer();
        if (!res.ok) logger.warn({ status: res.status, type: activity.type }, 'directline: bot refused an activity');
        return res.status;
      } catch (err) {
        logger.warn({ err: (err as Error).name, type: activity.type }, 'directline: bot unreachable');
        return 0;
      }
    };
    const run = async (): Promise<number> => {
      if (!keep) return post();
      let status = 0;
      await conversations.keepIfAccepted(conv, activity, async () => {
        status = await post();
        return status >= 200 && status < 300;
      });
      return status;
    };
    const next = (conv.queue ?? Promise.resolve()).then(run, run);
    conv.queue = next;
    return next;
  };

  /** Checks the bearer token (and that it is bound to `conversationId` when given). */
  const authorize = (req: restify.Request, res: restify.Response, conversationId?: string) => {
    const claims = signer.verify(bearer(req));
    if (!claims) {
      sendError(res, 403, 'TokenExpired', 'The token is missing, invalid or expired.');
      return undefined;
    }
    if (conversationId !== undefined && claims.conv !== conversationId) {
      sendError(res, 403, 'BadArgument', 'The token is not valid for this conversation.');
      return undefined;
    }
    const conv = conversations.get(claims.conv) as Conv | undefined;
    if (!conv) {
      sendError(res, 404, 'BadArgument', 'Conversation not found.');
      return undefined;
    }
    return { claims, conv };
  };

  const newConversation = (locale?: string, address = ''): Conv => {
    const conv = conversations.create(`dl_${randomUUID()}`, locale, address);
    if (conv === 'perAddress') throw new ConversationRefused(429);
    if (conv === 'full') throw new ConversationRefused(503);
    return conv;
  };
  const createConversation = (locale?: string, address?: string) => {
    const conv = newConversation(locale, address);
    return { ...issue(conv), userId: conv.userId };
  };

  const clientBody = jsonBody({ maxBytes: o.maxBodyBytes, send: sendError });

  // --- client side -------------------------------------------------------------------------

  server.post('/v3/directline/conversations', clientBody, async (req: restify.Request, res: restify.Response) => {
    let conv: Conv;
    if (bearer(req) === undefined) {
      if (crossSite(req)) {
        sendError(res, 403, 'CrossSite', 'The chat starts from its own page.');
        return;
      }
      const locale = typeof req.body?.locale === 'string' ? req.body.locale.slice(0, 20) : undefined;
      try {
        conv = newConversation(locale, addressOf(req));
      } catch (err) {
        if (!(err instanceof ConversationRefused)) throw err;
        sendRefused(res, err);
        return;
      }
    } else {
      const auth = authorize(req, res);
      if (!auth) return;
      conv = auth.conv;
    }
    conversations.touch(conv);
    const started = issue(conv);
    res.send(201, { ...started, streamUrl: withStream(req, conv, started.token), referenceGrammarId: '' });
    if (!conv.started) {
      conv.started = true;
      // Like Azure Direct Line: the bot hears that it and the user joined, so it can greet.
      void deliverToBot(conv, {
        type: 'conversationUpdate',
        id: randomUUID(),
        timestamp: new Date().toISOString(),
        channelId: 'directline',
        conversation: { id: conv.id },
        from: { id: conv.userId, role: 'user' },
        membersAdded: [bot, { id: conv.userId, role: 'user' }],
      });
    }
  });

  server.get('/v3/directline/conversations/:conversationId', (req, res, next) => {
    const auth = authorize(req, res, req.params.conversationId);
    if (auth) {
      conversations.touch(auth.conv);
      const started = issue(auth.conv);
      res.send(200, {
        ...started,
        streamUrl: withStream(req, auth.conv, started.token, query(req).get('watermark') ?? undefined),
      });
    }
    next();
  });

  server.get('/v3/directline/conversations/:conversationId/activities', (req, res, next) => {
    const auth = authorize(req, res, req.params.conversationId);
    if (auth) {
      conversations.touch(auth.conv);
      res.send(200, conversations.since(auth.conv, query(req).get('watermark') ?? undefined));
    }
    next();
  });

  server.post(
    '/v3/directline/conversations/:conversationId/activities',
    clientBody,
    async (req: restify.Request, res: restify.Response) => {
      const auth = authorize(req, res, req.params.conversationId);
      if (!auth) return;
      const incoming = req.body as WireActivity | undefined;
      if (!incoming || typeof incoming !== 'object' || Array.isArray(incoming) || typeof incoming.type !== 'string') {
        sendError(res, 400, 'BadArgument', 'The body must be an activity with a type.');
        return;
      }
      if (!CLIENT_TYPES.has(incoming.type)) {
        sendError(res, 400, 'BadArgument', `Activity type "${incoming.type.slice(0, 40)}" is not accepted.`);
        return;
      }
      // The user is who the token says (enhanced authentication), whatever the page claims.
      const from = { id: auth.claims.user, name: incoming.from?.name, role: 'user' };
      const activity: WireActivity = { ...incoming, from, recipient: bot, serviceUrl: undefined };
      // Stamped as the transcript would keep it (identity codes redacted in every string), and kept
      // only once the bot has accepted it. Typing is passed on but never kept: it would push real
      // messages out of the history.
      const sent = conversations.stamp(auth.conv, activity);
      const status = await deliverToBot(auth.conv, sent, incoming.type !== 'typing');
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
    },
  );

  server.post('/v3/directline/tokens/refresh', clientBody, (req, res, next) => {
    const auth = authorize(req, res);
    if (auth) {
      conversations.touch(auth.conv);
      res.send(200, issue(auth.conv));
    }
    next();
  });

  // --- bot side (Bot Connector API subset) ---------------------------------------------------

  const fromBot = async (req: restify.Request, res: restify.Response) => {
    // Local mode has no bot authentication: a reply must come from this machine and carry the key
    // that only the bot was given (in the serviceUrl of the activities delivered to it).
    const key = Buffer.from(String(req.params.key ?? ''));
    if (!fromThisMachine(req) || key.length !== botKeyBytes.length || !timingSafeEqual(key, botKeyBytes)) {
      sendError(res, 404, 'NotFound', 'Not found.');
      return;
    }
    const conv = conversations.get(req.params.conversationId);
    if (!conv) {
      sendError(res, 404, 'ConversationNotFound', 'Conversation not found.');
      return;
    }
    const activity = req.body as WireActivity | undefined;
    if (!activity || typeof activity !== 'object' || typeof activity.type !== 'string') {
      sendError(res, 400, 'BadArgument', 'The body must be an activity with a type.');
      return;
    }
    const stored = conversations.append(conv, {
      ...activity,
      from: activity.from?.id ? { ...activity.from, role: 'bot' } : bot,
      recipient: { id: conv.userId, role: 'user' },
      replyToId: activity.replyToId ?? req.params.replyToId,
      serviceUrl: undefined,
    });
    res.send(200, { id: stored.id });
  };
  // The bot's replies carry Adaptive Cards: a larger limit than the browser's messages get.
  const botBody = jsonBody({ maxBytes: 256 * 1024, send: sendError });
  server.post('/directline-bot/:key/v3/conversations/:conversationId/activities', botBody, fromBot);
  server.post('/directline-bot/:key/v3/conversations/:conversationId/activities/:replyToId', botBody, fromBot);

  // --- the WebSocket stream ------------------------------------------------------------------

  const wss = new WebSocketServer({ noServer: true, maxPayload: 4096 });
  // Upgrades never reach restify's router, so the stream's path is matched by the same router
  // (find-my-way, with restify's options): a path restify would route, percent-encoded or not, is
  // the stream and counts against its limits; one it would not route is not ours.
  const streamRoute = FindMyWay();
  streamRoute.on('GET', '/v3/directline/conversations/:conversationId/stream', () => undefined);

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): boolean => {
    const found = streamRoute.find('GET', req.url ?? '/');
    // Not ours: the server's dispatch refuses it (src/http/upgrades.ts).
    if (!found || req.method !== 'GET') return false;
    const conversationId = String(found.params.conversationId);
    const url = new URL(req.url ?? '/', 'http://local');
    const refuse = (status: number, text: string) => {
      refuseUpgrade(socket, status, text);
      return true;
    };
    // Upgrades bypass restify's handlers, so the per-address limits are applied here.
    const address = addressOf(req);
    if (!upgrades.take(address).allowed) return refuse(429, 'Too Many Requests');
    const claims: TokenClaims | undefined = signer.verify(url.searchParams.get('t') ?? undefined);
    if (!claims || claims.conv !== conversationId) return refuse(403, 'Forbidden');
    const conv = conversations.get(conversationId);
    if (!conv) return refuse(404, 'Not Found');
    if (openIn(socketsByAddress.get(address)).length >= o.maxSocketsPerAddress) return refuse(429, 'Too Many Requests');
    wss.handleUpgrade(req, socket, head, (ws) =>
      attach(ws, conv, address, url.searchParams.get('watermark') ?? undefined),
    );
    return true;
  };

  const attach = (ws: WebSocket, conv: Conversation, address: string, watermark?: string) => {
    let set = sockets.get(conv.id);
    if (!set) sockets.set(conv.id, (set = new Set()));
    // A newer stream cuts the oldest: terminated, not closed, so a client that never answers the
    // close frame cannot keep its socket.
    for (const old of openIn(set).slice(0, Math.max(0, openIn(set).length - o.maxSockets + 1))) {
      old.terminate();
      forget(old, conv.id, address);
    }
    set.add(ws);
    let mine = socketsByAddress.get(address);
    if (!mine) socketsByAddress.set(address, (mine = new Set()));
    mine.add(ws);
    alive.add(ws);
    ws.on('pong', () => alive.add(ws));
    const send = (activitySet: ActivitySet) => {
      if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(activitySet));
    };
    const backlog = conversations.since(conv, watermark);
    if (backlog.activities.length > 0) send(backlog);
    conv.listeners.add(send);
    // DirectLineJS pings with empty messages; they keep the conversation alive.
    ws.on('message', () => {
      alive.add(ws);
      if (conversations.get(conv.id)) conversations.touch(conv);
    });
    ws.on('close', () => {
      conv.listeners.delete(send);
      forget(ws, conv.id, address);
    });
    ws.on('error', () => ws.terminate());
  };

  const releaseUpgrades = claimUpgrades(server.server, onUpgrade);

  const sweeper = setInterval(() => conversations.sweep(), Math.min(o.idleMs, 60_000));
  sweeper.unref();
  // A stream that answered no ping since the last one is gone (or deaf): cut it.
  const heartbeat = setInterval(() => {
    for (const ws of wss.clients) {
      if (!alive.has(ws)) {
        ws.terminate();
        continue;
      }
      alive.delete(ws);
      ws.ping();
    }
  }, o.heartbeatMs);
  heartbeat.unref();

  return {
    conversations,
    createConversation,
    clientAddress: addressOf,
    close() {
      clearInterval(sweeper);
      clearInterval(heartbeat);
      releaseUpgrades();
      for (const set of sockets.values()) for (const ws of set) ws.terminate();
      sockets.clear();
      wss.close();
    },
  };
}
