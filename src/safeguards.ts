import type { BotState, Storage } from 'botbuilder';
import type { TurnLogic } from './turnLogic';
import type { Server } from 'restify';
import type { Logger } from 'pino';
import { logger as defaultLogger } from './logger';
import type { OperationsConfig } from './operationsConfig';
import { gateAdapter, type TurnProcessor } from './http/adapterGate';
import { Lifecycle, installGracefulShutdown } from './lifecycle';
import { perClientRateLimit } from './http/rateLimiter';
import { guardTurn } from './storage/turnGuard';
import { ConversationQueue } from './conversationQueue';

/** The browser-facing routes, as registered (the route's own path, whatever the request spelt). */
const BROWSER_ROUTES = /^\/(v3\/directline\/|api\/directline\/token$)/;

interface HardeningDeps {
  adapter: TurnProcessor;
  /** The store behind the states (from createStorage): probed by /healthz. */
  storage: Storage;
  /** The states the bot saves each turn: reloaded when a turn is retried after an eTag conflict. */
  states: BotState[];
  log?: Logger;
}

/**
 * The host's protections, in one object for src/index.ts to plug in:
 * `adapter` (auth pre-check, 401 mapping, per-conversation 429, request log) in place of the
 * CloudAdapter, `wrapTurn` (one turn per conversation at a time, eTag-checked saves, retry),
 * `before` (request tracking for the graceful stop; per-address 429 on /v3/directline/* and
 * /api/directline/token), `health` for GET /healthz, and `installShutdown`.
 */
export function createHardening(
  config: Omit<OperationsConfig, 'TRUST_PROXY'> & { TRUST_PROXY: number; MicrosoftAppId?: string },
  deps: HardeningDeps,
) {
  const log = deps.log ?? defaultLogger;
  const lifecycle = new Lifecycle(deps.storage);
  const queue = new ConversationQueue();
  const browserRateLimit = perClientRateLimit({
    perMinute: config.RATE_CLIENT_PER_MINUTE,
    trustedHops: config.TRUST_PROXY,
  });
  /**
   * The browser-facing routes (the built-in Direct Line and the token route), limited per address.
   * A `use` handler runs once the router has chosen the route, so the limit keys on the route the
   * request reaches: `/api/directline/toke%6e` is the token route and counts as such.
   */
  const limitBrowserRoutes = (server: Server): void => {
    server.use((req, res, next) =>
      BROWSER_ROUTES.test(req.getRoute()?.path?.toString() ?? '') ? browserRateLimit(req, res, next) : next(),
    );
  };
  return {
    adapter: gateAdapter(deps.adapter, {
      appId: config.MicrosoftAppId,
      authTimeoutMs: config.AUTH_TIMEOUT_MS,
      conversationsPerMinute: config.RATE_CONVERSATION_PER_MINUTE,
      log,
    }),
    wrapTurn: (logic: TurnLogic): TurnLogic =>
      guardTurn(logic, {
        states: deps.states,
        queue,
        onRetry: (context, attempt) =>
          log.warn(
            { conversationId: context.activity.conversation?.id, attempt },
            'state changed by another instance: turn retried',
          ),
      }),
    before: [lifecycle.track, limitBrowserRoutes] as Array<(server: Server) => void>,
    health: () => lifecycle.health(),
    /** Tells /healthz how a call to a dependency (e.g. `directLine`) went. */
    reportDependency: (dependency: string, ok: boolean) => lifecycle.report(dependency, ok),
    /** Call once in the process that owns the server (not in tests that start several servers). */
    installShutdown: (running: { server: Server; close(): Promise<void> }) =>
      installGracefulShutdown({
        lifecycle,
        close: running.close,
        closeAll: () =>
          (running.server.server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.(),
        graceMs: config.SHUTDOWN_GRACE_MS,
        log,
      }),
  };
}
