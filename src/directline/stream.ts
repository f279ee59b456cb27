import type { IncomingMessage } from 'http';
import type * as restify from 'restify';
import { WebSocketServer, WebSocket } from 'ws';
import FindMyWay from 'find-my-way';
import { claimUpgrades, refuseUpgrade } from '../http/upgrades';
import type { ActivitySet, Conversation } from './conversations';
import type { Channel } from './channel';

// The WebSocket stream: WS /v3/directline/conversations/{id}/stream?t=<token>&watermark=
// It sends the activities after the watermark, then each new one as it is kept. Upgrades bypass
// restify's handlers, so the per-address limits and the token check are made here; a stream that
// answers no ping is cut.

/** Opens the stream route on the server; returns the function that closes it and every stream. */
export function mountStream(server: restify.Server, channel: Channel): () => void {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 4096 });
  /** Streams that answered since the last ping. */
  const alive = new WeakSet<WebSocket>();
  const release = claimUpgrades(server.server, (req, socket, head) => {
    const claim = claimStream(req, channel);
    if (claim === undefined) return false;
    if (typeof claim === 'number') {
      refuseUpgrade(socket, claim, STATUS_TEXT[claim]);
      return true;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      alive.add(ws);
      ws.on('pong', () => alive.add(ws));
      attach(ws, claim, channel, () => alive.add(ws));
    });
    return true;
  });
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
  }, channel.settings.heartbeatMs);
  heartbeat.unref();
  return () => {
    clearInterval(heartbeat);
    release();
    channel.quotas.terminateAll();
    wss.close();
  };
}

const STATUS_TEXT: Record<number, string> = { 403: 'Forbidden', 404: 'Not Found', 429: 'Too Many Requests' };

interface StreamClaim {
  conv: Conversation;
  address: string;
  watermark?: string;
}

// Upgrades never reach restify's router, so the stream's path is matched by the same router
// (find-my-way, with restify's options): a path restify would route, percent-encoded or not, is
// the stream and counts against its limits; one it would not route is not ours.
const streamRoute = FindMyWay();
streamRoute.on('GET', '/v3/directline/conversations/:conversationId/stream', () => undefined);

/**
 * What an Upgrade request asks for: undefined when it is not the stream's path (the server's
 * dispatch refuses it, src/http/upgrades.ts), the status to refuse it with, or the stream to open.
 */
function claimStream(req: IncomingMessage, channel: Channel): StreamClaim | number | undefined {
  const found = streamRoute.find('GET', req.url ?? '/');
  if (!found || req.method !== 'GET') return undefined;
  const conversationId = String(found.params.conversationId);
  const url = new URL(req.url ?? '/', 'http://local');
  const address = channel.settings.addressOf(req);
  if (!channel.quotas.takeUpgrade(address)) return 429;
  const claims = channel.tokens.verify(url.searchParams.get('t') ?? undefined);
  if (!claims || claims.conv !== conversationId) return 403;
  const conv = channel.conversations.get(conversationId);
  if (!conv) return 404;
  if (channel.quotas.addressFull(address)) return 429;
  return { conv, address, watermark: url.searchParams.get('watermark') ?? undefined };
}

/** Sends the backlog after the watermark, then every activity the conversation keeps. */
function attach(ws: WebSocket, { conv, address, watermark }: StreamClaim, channel: Channel, answered: () => void) {
  channel.quotas.add(ws, conv.id, address);
  const send = (activitySet: ActivitySet) => {
    if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(activitySet));
  };
  const backlog = channel.conversations.since(conv, watermark);
  if (backlog.activities.length > 0) send(backlog);
  conv.listeners.add(send);
  // DirectLineJS pings with empty messages; they keep the conversation alive.
  ws.on('message', () => {
    answered();
    if (channel.conversations.get(conv.id)) channel.conversations.touch(conv);
  });
  ws.on('close', () => {
    conv.listeners.delete(send);
    channel.quotas.forget(ws, conv.id, address);
  });
  ws.on('error', () => ws.terminate());
}
