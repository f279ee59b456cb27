import type { Request as BotRequest, Response as BotResponse } from 'botbuilder';
import type { TurnLogic } from '../turnLogic';
import type { Request, Response } from 'restify';
import type { Logger } from 'pino';
import { RateLimiter, tooManyRequests } from './rateLimiter';
import { precheckToken } from './tokenPrecheck';
import { errorSummary } from '../logger';

/**
 * Stands between POST /api/messages and the CloudAdapter (pass `gateAdapter(adapter)` where the
 * server expects the adapter). It adds what a bare CloudAdapter lacks:
 * - with an app id, a missing, malformed, unsigned, expired or foreign token gets 401 at once,
 *   without a network call (tokenPrecheck);
 * - the adapter's own verification failures become 401, not 500: a forged token whose signing keys
 *   cannot be fetched (no internet, key endpoint down) makes the adapter throw a plain error, and a
 *   verification that takes longer than `authTimeoutMs` is answered 401 instead of hanging;
 * - flooding one conversation gets 429 (per conversation: the channel service sends from a few
 *   addresses, so a per-address limit would throttle everyone);
 * - an invoke the bot has no handler for gets 400 instead of ActivityHandler's 501;
 * - one log line a request: conversation id, activity type, status, milliseconds. Never the text.
 * The adapter writes into a recorder; the gate decides what the client finally gets.
 */
export interface GateOptions {
  appId?: string;
  authTimeoutMs: number;
  conversationsPerMinute: number;
  log: Logger;
}

/** What the server needs of an adapter: CloudAdapter's HTTP `process`, nothing else. */
export interface TurnProcessor {
  process(req: BotRequest, res: BotResponse, logic: TurnLogic): Promise<void>;
}

/** The gate itself: processes restify's request and response. */
export interface GatedProcessor {
  process(req: Request, res: Response, logic: TurnLogic): Promise<void>;
}

interface Recorded {
  status: number;
  body?: unknown;
  headers: Record<string, string>;
}

function recorder(into: Recorded): BotResponse {
  return {
    socket: undefined,
    status(code: number) {
      into.status = code;
      return this;
    },
    header(name: string, value: string) {
      into.headers[name] = value;
      return this;
    },
    send(body?: unknown) {
      if (body !== undefined) into.body = body;
      return this;
    },
    end() {
      return this;
    },
  };
}

export function gateAdapter(adapter: TurnProcessor, options: GateOptions): GatedProcessor {
  const limiter = new RateLimiter({ perMinute: options.conversationsPerMinute });
  const gated = async (req: Request, res: Response, logic: TurnLogic): Promise<void> => {
    const started = process.hrtime.bigint();
    const activity = (req.body ?? {}) as { type?: string; channelId?: string; conversation?: { id?: string } };
    const fields = {
      route: 'messages',
      channelId: activity.channelId,
      conversationId: activity.conversation?.id,
      activityType: activity.type,
    };
    const finish = (status: number, body?: unknown, headers: Record<string, string> = {}, note?: string) => {
      if (res.headersSent) return;
      for (const [k, v] of Object.entries(headers)) res.header(k, v);
      if (body === undefined) res.send(status);
      else res.send(status, body);
      const level = status >= 500 ? 'error' : 'info';
      options.log[level]({ ...fields, status, ms: elapsedMs(started), ...(note ? { note } : {}) }, 'request');
    };

    if (options.appId) {
      const problem = precheckToken(req.headers.authorization, options.appId);
      if (problem)
        return finish(401, { code: 'Unauthorized', message: 'missing or invalid token' }, {}, `token ${problem}`);
    }
    const key = `${activity.channelId}/${activity.conversation?.id}`;
    const decision = limiter.take(key);
    if (!decision.allowed) {
      tooManyRequests(res, decision.retryAfterSeconds);
      options.log.warn({ ...fields, status: 429, ms: elapsedMs(started) }, 'request');
      return;
    }

    let turnStarted = false;
    const recorded: Recorded = { status: 200, headers: {} };
    const processing = adapter
      .process(req, recorder(recorded), (context) => {
        turnStarted = true;
        return logic(context);
      })
      .then(
        () => 'done' as const,
        (err: unknown) => ({ err }),
      );
    let timer: NodeJS.Timeout | undefined;
    const authTimeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), options.authTimeoutMs);
    });
    let outcome = await Promise.race([processing, authTimeout]);
    if (outcome === 'timeout') {
      if (!turnStarted) {
        return finish(
          401,
          { code: 'Unauthorized', message: 'token could not be verified' },
          {},
          'verification timed out',
        );
      }
      outcome = await processing; // the turn itself is running: let it finish
    }
    clearTimeout(timer);
    if (outcome !== 'done') {
      // Before the turn: the adapter's own parsing or authentication threw.
      if (!turnStarted) {
        return options.appId
          ? finish(401, { code: 'Unauthorized', message: 'token could not be verified' }, {}, 'verification failed')
          : finish(400, { code: 'BadRequest', message: 'activity refused' }, {}, 'adapter refused');
      }
      options.log.error({ ...fields, err: errorSummary(outcome.err) }, 'turn failed');
      return finish(500, { code: 'InternalError', message: 'the turn failed' });
    }
    if (!turnStarted && (recorded.status >= 500 || recorded.status === 401) && options.appId) {
      // CloudAdapter answers 500 when verification fails for any reason but AuthenticationError,
      // and 401 with the SDK's own reason as the body: the caller learns only that it failed.
      return finish(401, { code: 'Unauthorized', message: 'token could not be verified' }, {}, 'verification failed');
    }
    if (recorded.status === 501) {
      // ActivityHandler answers an invoke it has no handler for with 501. That is a request this
      // bot does not offer, not a server failure: say so with a 4xx.
      return finish(
        400,
        { code: 'UnsupportedInvoke', message: 'this bot does not handle that invoke' },
        {},
        'unsupported invoke',
      );
    }
    return finish(recorded.status, recorded.body, recorded.headers);
  };
  return { process: gated };
}

function elapsedMs(start: bigint): number {
  return Math.round(Number(process.hrtime.bigint() - start) / 1e5) / 10;
}
