import * as fs from 'node:fs';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import type * as restify from 'restify';
import { perClientRateLimit } from '../http/rateLimiter';
import { query } from '../directline/http';
import { pickLang } from '../web/texts';
import { figuresAccess, type AccessOptions } from './access';
import { statsView } from './statsModel';
import { statsPage } from './statsPage';
import { STATS_DAYS, type Telemetry } from './telemetry';

// GET /metrics (Prometheus's text format, the raw counts, for the operators' Prometheus) and GET
// /stats (the page for the service's staff, cells under 5 hidden), with the page's own script,
// styles and Chart.js under /stats/. Who may read them: src/metrics/access.ts. Per client address
// they share the browser routes' limit, so a key cannot be guessed at speed.

export interface FiguresRouteOptions extends AccessOptions {
  telemetry: Telemetry;
  ratePerMinute: number;
  trustedHops: number;
}

/** The page's own files next to this module (src/metrics/static, or dist/src/metrics/static after the build). */
const STATIC_DIR = path.join(__dirname, 'static');

/** Scripts only from us; no connection, form, frame or plugin at all. */
const STATS_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

interface File {
  type: string;
  body: Buffer;
  gzip?: Buffer;
}

function files(): Map<string, () => File> {
  const lazy = (type: string, file: string) => {
    let loaded: File | undefined;
    return () => (loaded ??= { type, body: fs.readFileSync(file) });
  };
  const js = 'application/javascript; charset=utf-8';
  return new Map([
    ['chart.js', lazy(js, path.join(path.dirname(require.resolve('chart.js')), 'chart.umd.min.js'))],
    ['stats.js', lazy(js, path.join(STATIC_DIR, 'stats.js'))],
    ['stats.css', lazy('text/css; charset=utf-8', path.join(STATIC_DIR, 'stats.css'))],
  ]);
}

export function mountFigures(server: restify.Server, options: FiguresRouteOptions): void {
  const access = figuresAccess(options);
  const limit = perClientRateLimit({ perMinute: options.ratePerMinute, trustedHops: options.trustedHops });
  const assets = files();

  const common = (res: restify.Response) => {
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('X-Robots-Tag', 'noindex');
  };

  /** Lets the request through, or answers 404 / 401 and returns false. */
  const allowed = (req: restify.Request, res: restify.Response, challenge: string): boolean => {
    common(res);
    const decision = access(req);
    if (decision === 'allowed') return true;
    if (decision === 'unauthorized') res.setHeader('WWW-Authenticate', challenge);
    res.writeHead(decision === 'notFound' ? 404 : 401, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(decision === 'notFound' ? 'Not found' : 'Unauthorized');
    return false;
  };
  // A browser asks for the key (as a password) when it gets this challenge.
  const pageChallenge = 'Basic realm="stats", charset="UTF-8"';

  server.get('/metrics', limit, async (req: restify.Request, res: restify.Response) => {
    if (!allowed(req, res, 'Bearer realm="metrics"')) return;
    // The exporter's own handler writes the answer when its collection is done.
    await new Promise<void>((resolve) => {
      res.once('close', resolve);
      options.telemetry.prometheus.getMetricsRequestHandler(req, res);
    });
  });

  server.get('/stats', limit, async (req: restify.Request, res: restify.Response) => {
    if (!allowed(req, res, pageChallenge)) return;
    const lang = pickLang(query(req).get('lang'), req.headers['accept-language']);
    const { daily } = options.telemetry;
    const view = statsView(await daily.counts(), daily.window(), lang);
    const body = Buffer.from(statsPage(view, lang, STATS_DAYS));
    res.setHeader('Content-Security-Policy', STATS_POLICY);
    res.setHeader('X-Frame-Options', 'DENY');
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': body.length });
    res.end(body);
  });

  server.get('/stats/:name', limit, (req: restify.Request, res: restify.Response, next: restify.Next) => {
    if (!allowed(req, res, pageChallenge)) return next();
    const file = assets.get(String(req.params.name))?.();
    if (!file) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Not found');
      return next();
    }
    const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const body = gzip ? (file.gzip ??= gzipSync(file.body, { level: 9 })) : file.body;
    if (gzip) res.setHeader('Content-Encoding', 'gzip');
    res.setHeader('Vary', 'Accept-Encoding');
    res.writeHead(200, { 'Content-Type': file.type, 'Content-Length': body.length });
    res.end(body);
    next();
  });
}
