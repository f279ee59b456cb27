import type { Request, Response } from 'restify';
import { isLoopbackAddress } from '../http/loopback';

// Small HTTP helpers shared by the Direct Line routes.

export interface ErrorBody {
  error: { code: string; message: string };
}

/** Direct Line's error shape: `{ error: { code, message } }`. */
export function sendError(res: Response, status: number, code: string, message: string): void {
  const body: ErrorBody = { error: { code, message } };
  res.send(status, body);
}

/** The query string as URLSearchParams (no restify queryParser needed). */
export function query(req: Request): URLSearchParams {
  return new URL(req.url ?? '/', 'http://local').searchParams;
}

/** The bearer token of the Authorization header, if any. */
export function bearer(req: Request): string | undefined {
  const header = req.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match ? match[1] : undefined;
}

const HOST_SHAPE = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

/**
 * The base URL the browser used to reach us (scheme://host), so the URLs we hand back (streamUrl,
 * the Direct Line domain) work behind a TLS-terminating proxy too. A malformed Host is ignored.
 */
export function publicOrigin(req: Request, fallbackHost: string): { http: string; ws: string } {
  const forwarded = req.headers['x-forwarded-proto'];
  const proto = typeof forwarded === 'string' ? forwarded.split(',')[0].trim() : '';
  const secure = proto === 'https' || (req.socket as { encrypted?: boolean }).encrypted === true;
  const hostHeader = req.headers.host;
  const host = typeof hostHeader === 'string' && HOST_SHAPE.test(hostHeader) ? hostHeader : fallbackHost;
  return { http: `${secure ? 'https' : 'http'}://${host}`, ws: `${secure ? 'wss' : 'ws'}://${host}` };
}

/** True when the request comes from this machine (the bot replying to its own channel). */
export function fromThisMachine(req: Request): boolean {
  const remote = req.socket.remoteAddress;
  return isLoopbackAddress(remote) || remote === req.socket.localAddress;
}

/**
 * True when a browser says the request comes from another site (Fetch Metadata). Nothing of ours
 * starts a conversation cross-site (the widget's frame is our own origin), so such a request is a
 * page elsewhere spending its visitor's share of conversations.
 */
export function crossSite(req: Request): boolean {
  return req.headers['sec-fetch-site'] === 'cross-site';
}

/** No room for another conversation: 429 for this address, or 503 when the channel is full. */
export class ConversationRefused extends Error {
  constructor(readonly status: 429 | 503) {
    super(status === 429 ? 'too many conversations from this address' : 'the chat is full');
  }
}

/** Answers a refused conversation: 429 or 503 (with a time to come back), the same from every route. */
export function sendRefused(res: Response, err: ConversationRefused): void {
  if (err.status === 503) res.header('Retry-After', '60');
  sendError(
    res,
    err.status,
    err.status === 429 ? 'TooManyConversations' : 'ChannelFull',
    'No room for another conversation right now.',
  );
}
