import * as fs from 'fs';
import * as path from 'path';
import { gzip, gzipSync } from 'zlib';
import { promisify } from 'util';
import { createHash } from 'crypto';
import type * as restify from 'restify';
import { facts, LANGS, type Contact } from '../../knowledge';
import { query } from '../directline/http';
import { chatPage, demoPage } from './pages';
import { PAGE_TEXTS, pickLang } from './texts';

// The website: the full-page chat (/), the same chat for the widget's frame (/embed), the widget
// loader (/widget.js), a sample contact page with the widget (/demo), our styles and scripts
// (/static/...), and Bot Framework Web Chat's bundle served from our own server (/webchat/webchat.js).

export interface WebOptions {
  /** Where the chat page may connect besides its own origin (Azure Direct Line's). */
  directLineDomain?: string;
}

/**
 * The chat page's Content-Security-Policy: scripts only from us (Web Chat's bundle included);
 * connections to us or to Direct Line; inline styles because Web Chat injects its own.
 */
export function chatPagePolicy(directLineDomain: string | undefined, frameAncestors: string): string {
  const connect = ["'self'"];
  if (directLineDomain) {
    const origin = new URL(directLineDomain).origin;
    connect.push(origin, origin.replace(/^http/, 'ws'));
  }
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src ${connect.join(' ')}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
  ].join('; ');
}

/** The TE office's two phone lines, which the demo page shows. */
const demoPhoneLines = (): Contact[] =>
  [facts.contacts.tePersonalCustomers, facts.contacts.teEmployers].filter((c): c is Contact => Boolean(c));

interface Asset {
  type: string;
  body: Buffer;
  gzip: Buffer;
  etag: string;
  maxAge: number;
}

const TYPES: Record<string, string> = {
  '.js': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

const etagOf = (body: Buffer) => `"${createHash('sha1').update(body).digest('base64url')}"`;

/** A small file of ours, read and compressed once at start-up. */
function asset(file: string, maxAge: number, body = fs.readFileSync(file)): Asset {
  const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
  return { type, body, gzip: gzipSync(body, { level: 9 }), etag: etagOf(body), maxAge };
}

/** A big file: compressed off the event loop, so no conversation waits for it. */
async function bigAsset(file: string, maxAge: number): Promise<Asset> {
  const body = await fs.promises.readFile(file);
  return { type: TYPES[path.extname(file)], body, gzip: await promisify(gzip)(body, { level: 9 }), etag: etagOf(body), maxAge };
}

/** The widget loader with its three languages' words filled in from PAGE_TEXTS. */
function widgetAsset(): Asset {
  const texts = Object.fromEntries(
    LANGS.map((l) => [l, { open: PAGE_TEXTS[l].widgetOpen, close: PAGE_TEXTS[l].widgetClose, title: PAGE_TEXTS[l].title }]),
  );
  const file = path.join(STATIC_DIR, 'widget.js');
  const filled = fs.readFileSync(file, 'utf8').replace('/*TEXTS*/{}/*END*/', () => JSON.stringify(texts).replace(/</g, '\\u003c'));
  return asset(file, 300, Buffer.from(filled));
}

/** Only the one bundle file of Web Chat, never its dist/ folder (which holds a 147 MB stats file). */
export function webChatBundlePath(): string {
  // The package's `exports` hide package.json; its main entry sits in lib/, the bundle in dist/.
  return path.join(path.dirname(require.resolve('botframework-webchat')), '..', 'dist', 'webchat.js');
}

/** Our static files: next to this module (src/web/static, or dist/src/web/static after the build). */
export const STATIC_DIR = path.join(__dirname, 'static');
const STATIC_FILES = ['chat.js', 'chat.css', 'demo.css'];

export function mountWeb(server: restify.Server, opts: WebOptions = {}): void {
  const statics = new Map(STATIC_FILES.map((name) => [name, asset(path.join(STATIC_DIR, name), 300)]));
  const widget = widgetAsset();
  // The 3.9 MB bundle is read and compressed once, on its first request.
  let webChat: Promise<Asset> | undefined;
  const webChatAsset = () => (webChat ??= bigAsset(webChatBundlePath(), 86400));

  const sendAsset = (req: restify.Request, res: restify.Response, a: Asset) => {
    res.setHeader('Content-Type', a.type);
    res.setHeader('Cache-Control', `public, max-age=${a.maxAge}`);
    res.setHeader('ETag', a.etag);
    res.setHeader('Vary', 'Accept-Encoding');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    if (req.headers['if-none-match'] === a.etag) {
      res.writeHead(304);
      return res.end();
    }
    const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    if (gzip) res.setHeader('Content-Encoding', 'gzip');
    const body = gzip ? a.gzip : a.body;
    res.setHeader('Content-Length', body.length);
    res.writeHead(200);
    res.end(body);
  };

  const sendHtml = (res: restify.Response, html: string) => {
    const body = Buffer.from(html);
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Content-Length', body.length);
    res.setHeader('Cache-Control', 'no-cache');
    res.setHeader('Vary', 'Accept-Language');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'same-origin');
    res.writeHead(200);
    res.end(body);
  };

  const langOf = (req: restify.Request) => pickLang(query(req).get('lang'), req.headers['accept-language']);

  const webChatUrl = '/webchat/webchat.js';

  server.get('/', (req, res, next) => {
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Content-Security-Policy', chatPagePolicy(opts.directLineDomain, "'none'"));
    sendHtml(res, chatPage({ lang: langOf(req), embedded: false, webChatUrl }));
    next();
  });
  // The widget's frame: embeddable in any page (that is its purpose).
  server.get('/embed', (req, res, next) => {
    res.setHeader('Content-Security-Policy', chatPagePolicy(opts.directLineDomain, '*'));
    sendHtml(res, chatPage({ lang: langOf(req), embedded: true, webChatUrl }));
    next();
  });
  server.get('/demo', (req, res, next) => {
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Content-Security-Policy', chatPagePolicy(opts.directLineDomain, "'none'"));
    const polling = query(req).get('transport') === 'polling';
    sendHtml(res, demoPage(langOf(req), demoPhoneLines(), polling ? 'polling' : undefined));
    next();
  });
  server.get('/widget.js', (req, res, next) => {
    sendAsset(req, res, widget);
    next();
  });
  server.get('/webchat/webchat.js', async (req, res) => {
    sendAsset(req, res, await webChatAsset());
  });
  server.get('/static/:name', (req, res, next) => {
    const a = statics.get(req.params.name);
    if (a) sendAsset(req, res, a);
    else {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Not found');
    }
    next();
  });
}
