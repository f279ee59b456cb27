import { performance } from 'node:perf_hooks';
import type { Server as HttpServer } from 'node:http';
import type { TurnLogic } from '../turnLogic';
import type { GuideFigures } from './instruments';

// The figures the host counts itself, around the conversation: requests it refused and how long
// each turn took.

/**
 * Counts every 4xx the server answers, whichever gate answered it (body checks, auth, rate limits,
 * unknown paths). Listens on Node's server itself, so a refusal made before restify routes the
 * request counts too.
 */
export function countRefusals(server: HttpServer, figures: GuideFigures): void {
  server.on('request', (req, res) => {
    res.once('finish', () => {
      if (res.statusCode >= 400 && res.statusCode < 500)
        figures.refusedRequest(res.statusCode, (req.url ?? '/').split('?')[0]);
    });
  });
}

/** Wraps a turn so its duration (state guard and retries included) is recorded, even when it fails. */
export function timeTurns(figures: GuideFigures, logic: TurnLogic): TurnLogic {
  return async (context) => {
    const started = performance.now();
    try {
      await logic(context);
    } finally {
      figures.turn((performance.now() - started) / 1000, context.activity.channelId);
    }
  };
}
