import { randomUUID } from 'crypto';
import * as restify from 'restify';
import { logger } from '../logger';
import type { LocalDirectLine } from './localDirectLine';
import { ConversationRefused, crossSite, publicOrigin, sendError, sendRefused } from './http';
import { jsonBody } from '../http/jsonBody';

// POST /api/directline/token: what the page needs to open Direct Line. The page code is the same
// in both modes; only the answer differs:
// - Azure mode (DIRECT_LINE_SECRET set): the server swaps the secret for a token bound to a fresh
//   `dl_` user id (Direct Line enhanced authentication). The secret never leaves the server.
// - Local mode: a conversation of our own Direct Line channel and its token.

export const AZURE_DIRECT_LINE = 'https://directline.botframework.com/v3/directline';

export interface TokenResponse {
  token: string;
  conversationId: string;
  expires_in: number;
  /** The Direct Line base URL the chat talks to (DirectLineJS's `domain`). */
  domain: string;
  userId: string;
}

export type TokenRouteOptions =
  | {
      mode: 'azure';
      secret: string;
      domain?: string;
      timeoutMs?: number;
      /** Told whether each token exchange worked (for /healthz). */
      report?: (ok: boolean) => void;
    }
  | { mode: 'local'; channel: LocalDirectLine };

const LOCALE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

export function mountDirectLineToken(server: restify.Server, opts: TokenRouteOptions): void {
  const handler = async (req: restify.Request, res: restify.Response) => {
    res.header('Cache-Control', 'no-store');
    // A JSON request, which a page elsewhere can send only after a CORS preflight this server never
    // grants (a form or an <img> cannot), and not one a browser marks as cross-site.
    if (!/^application\/json\s*(;|$)/i.test(String(req.headers['content-type'] ?? ''))) {
      sendError(res, 415, 'UnsupportedMediaType', 'Content-Type must be application/json.');
      return;
    }
    if (crossSite(req)) {
      sendError(res, 403, 'CrossSite', 'The chat starts from its own page.');
      return;
    }
    const wanted = req.body && typeof req.body === 'object' ? req.body.locale : undefined;
    const locale = typeof wanted === 'string' && LOCALE.test(wanted) ? wanted : undefined;

    if (opts.mode === 'local') {
      let started: ReturnType<LocalDirectLine['createConversation']>;
      try {
        started = opts.channel.createConversation(locale, opts.channel.clientAddress(req));
      } catch (err) {
        if (!(err instanceof ConversationRefused)) throw err;
        sendRefused(res, err);
        return;
      }
      const body: TokenResponse = { ...started, domain: `${publicOrigin(req, 'localhost').http}/v3/directline` };
      res.send(200, body);
      return;
    }

    const domain = (opts.domain ?? AZURE_DIRECT_LINE).replace(/\/+$/, '');
    const userId = `dl_${randomUUID()}`;
    try {
      const dl = await fetch(`${domain}/tokens/generate`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${opts.secret}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ user: { id: userId } }),
        // The page waits for this answer: a service that does not answer is one that is down.
        signal: AbortSignal.timeout(opts.timeoutMs ?? 5000),
      });
      if (!dl.ok) {
        await dl.arrayBuffer();
        opts.report?.(false);
        logger.error({ status: dl.status }, 'directline: token exchange refused');
        sendError(res, 502, 'DirectLineRefused', 'The chat service is not available right now.');
        return;
      }
      const got = (await dl.json()) as Partial<TokenResponse>;
      if (typeof got.token !== 'string' || typeof got.conversationId !== 'string') {
        opts.report?.(false);
        logger.error('directline: token exchange returned no token');
        sendError(res, 502, 'DirectLineRefused', 'The chat service is not available right now.');
        return;
      }
      const body: TokenResponse = {
        token: got.token,
        conversationId: got.conversationId,
        expires_in: typeof got.expires_in === 'number' ? got.expires_in : 1800,
        domain,
        userId,
      };
      opts.report?.(true);
      res.send(200, body);
      return;
    } catch (err) {
      opts.report?.(false);
      logger.error({ err: (err as Error).name }, 'directline: token exchange failed');
      sendError(res, 502, 'DirectLineUnreachable', 'The chat service is not available right now.');
      return;
    }
  };
  const body = jsonBody({ maxBytes: 1024, send: sendError });
  // POST only (any other method gets 405): a cross-site <img> or link cannot start a conversation
  // and spend the visitor's share, and a browser sends no cross-site POST with a JSON body unasked.
  server.post('/api/directline/token', body, handler);
}
