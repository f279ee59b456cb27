import type { AddressInfo } from 'net';
import * as restify from 'restify';
import type { ActivityHandler, TurnContext } from 'botbuilder';
import type { TurnLogic } from './turnLogic';
import { checkActivity } from './http/activityGuard';
import { logger } from './logger';
import { jsonBody, refuseNonJsonBodies } from './http/jsonBody';
import { dispatchUpgrades } from './http/upgrades';
import { drainUnreadBodies } from './http/unreadBodies';

// The HTTP host: POST /api/messages (the Bot Framework endpoint) and GET /healthz. Bad input is
// answered here with a 4xx and a short reason, before the adapter sees it (the adapter would
// answer 500). Other areas plug in through `before` (plugins that must run before every route:
// rate limits, auth pre-checks) and `mount` (more routes: the web page, Direct Line).

export type ServerPlugin = (server: restify.Server) => void | Promise<void>;

export interface ServerOptions {
  /** Processes a request into a turn: the gate around the CloudAdapter (src/http/adapterGate.ts). */
  adapter: {
    process(req: restify.Request, res: restify.Response, logic: TurnLogic): Promise<void>;
  };
  bot: ActivityHandler;
  /** Answers GET /healthz (a storage probe; 503 when it fails). Default: always ok. */
  health?: () => Promise<{ status: number; body: object }>;
  port: number;
  /** Listen address; undefined = all interfaces. Tests pass 127.0.0.1. */
  host?: string;
  /** Largest accepted body of POST /api/messages, in bytes (larger → 413). */
  maxBodyBytes: number;
  /** Longer message texts are cut to this many characters. */
  maxTextChars: number;
  /** Runs before the routes are added (server.pre / server.use). */
  before?: ServerPlugin[];
  /** Adds more routes after ours. */
  mount?: ServerPlugin[];
  /**
   * Which serviceUrls an activity may name (the bot sends its replies there). Local mode has no
   * token to vouch for the serviceUrl, so only loopback URLs pass (403 otherwise). Default: any.
   */
  serviceUrlAllowed?: (url: string) => boolean;
  /** Seconds a client may take to send its headers, and its whole request (then 408). Default: Node's. */
  headersTimeoutSeconds?: number;
  requestTimeoutSeconds?: number;
  /** Wraps the bot's turn (e.g. one turn per conversation at a time). */
  wrapTurn?: (logic: TurnLogic) => TurnLogic;
}

export interface RunningServer {
  server: restify.Server;
  /** The port actually listened on (useful with port 0). */
  port: number;
  /** http://host:port */
  url: string;
  close(): Promise<void>;
}

/** 400/413/415 bodies are short JSON: { code, message }. */
function reject(res: restify.Response, status: number, code: string, message: string): void {
  res.status(status);
  res.json({ code, message });
}

export async function createServer(options: ServerOptions): Promise<RunningServer> {
  // restify logs through our logger: its redaction applies, tests capture it.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- restify's typings name bunyan's Logger; pino's has the methods restify calls (child, trace … fatal)
  const restifyLog = logger as any;
  const server = restify.createServer({
    name: 'etela-savo-jobseeker-guide',
    handleUncaughtExceptions: false,
    log: restifyLog,
  });

  // Bodies are read by our own JSON reader, which answers its 4xx itself. What reaches restify's
  // error path unexpected is a 500 with a generic text: an error's message and stack stay here.
  server.on(
    'restifyError',
    (
      req: restify.Request,
      res: restify.Response,
      err: Error & { statusCode?: number; body?: unknown; toJSON?: () => object },
      callback: () => void,
    ) => {
      if ((err?.statusCode ?? 500) >= 500) {
        err.toJSON = () => ({ code: 'InternalError', message: 'the request failed' });
        err.body = undefined;
      }
      return callback();
    },
  );

  // Every Upgrade request is answered: claimed by a route's handler, or refused and closed.
  dispatchUpgrades(server.server);
  // A body nobody reads (refused, or sent to a route that takes none) is read up to 1 MB and
  // 2 s after the answer, so the client reads the answer rather than a reset; then the socket closes.
  drainUnreadBodies(server.server, { maxBytes: 1024 * 1024, lingerMs: 2000 });
  // Slow senders hold a socket only so long; Node checks these every second instead of every 30.
  const http = server.server as typeof server.server & { connectionsCheckingInterval: number };
  if (options.headersTimeoutSeconds) http.headersTimeout = options.headersTimeoutSeconds * 1000;
  if (options.requestTimeoutSeconds) http.requestTimeout = options.requestTimeoutSeconds * 1000;
  http.connectionsCheckingInterval = 1000;
  // Nothing but JSON is read on any path: a multipart or form body is refused before routing.
  server.pre(refuseNonJsonBodies(reject));
  // Served over HTTPS (directly, or as the TLS-terminating proxy reports it): browsers are told to
  // keep to HTTPS. Over plain HTTP browsers ignore the header, so a forged X-Forwarded-Proto gains nothing.
  server.pre((req: restify.Request, res: restify.Response, next: restify.Next) => {
    const proto = String(req.headers['x-forwarded-proto'] ?? '')
      .split(',')[0]
      .trim()
      .toLowerCase();
    if (proto === 'https' || (req.socket as { encrypted?: boolean }).encrypted === true) {
      res.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    }
    return next();
  });
  for (const plugin of options.before ?? []) await plugin(server);

  server.get('/healthz', async (_req: restify.Request, res: restify.Response) => {
    const { status, body } = options.health ? await options.health() : { status: 200, body: { status: 'ok' } };
    res.send(status, body);
  });

  const turn = options.wrapTurn
    ? options.wrapTurn((context) => options.bot.run(context))
    : (context: TurnContext) => options.bot.run(context);

  server.post(
    '/api/messages',
    jsonBody({ maxBytes: options.maxBodyBytes, send: reject }),
    (req: restify.Request, res: restify.Response, next: restify.Next) => {
      if (req.body === undefined || req.body === null || req.body === '') {
        reject(res, 400, 'BadRequest', 'empty body: an activity is required');
        return next(false);
      }
      const check = checkActivity(req.body, options.maxTextChars);
      if (!check.ok) {
        reject(res, 400, 'BadRequest', `invalid activity: ${check.reason}`);
        return next(false);
      }
      if (options.serviceUrlAllowed && !options.serviceUrlAllowed(check.activity.serviceUrl)) {
        reject(res, 403, 'Forbidden', 'serviceUrl must be a loopback address in local mode');
        return next(false);
      }
      req.body = check.activity;
      return next();
    },
    async (req: restify.Request, res: restify.Response) => {
      await options.adapter.process(req, res, turn);
    },
  );

  for (const plugin of options.mount ?? []) await plugin(server);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    const done = () => {
      server.removeListener('error', reject);
      resolve();
    };
    if (options.host) server.listen(options.port, options.host, done);
    else server.listen(options.port, done);
  });
  const address = server.address() as AddressInfo;
  const host = options.host ?? '127.0.0.1';
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
  logger.info({ port: address.port }, 'listening');

  return {
    server,
    port: address.port,
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Idle keep-alive sockets would keep close() waiting.
        (server.server as unknown as { closeIdleConnections?: () => void }).closeIdleConnections?.();
      }),
  };
}
