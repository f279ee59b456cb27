import * as fs from 'fs';
import * as path from 'path';
import { brotliCompress, brotliCompressSync, constants as zlibConstants, gzip, gzipSync } from 'zlib';
import { promisify } from 'util';
import { createHash } from 'crypto';
import type * as restify from 'restify';
import { transformSync } from 'esbuild';
import { facts, LANGS, type Contact } from '../../knowledge';
import { publicOrigin, query } from '../directline/http';
import { logger } from '../logger';
import { CHAT_FALLBACK_HASH, chatPage, demoPage } from './pages';
import { PAGE_TEXTS, pickLang } from './texts';
import { loadChat, RUNS_COMPILED, type ChatBundle } from './chatBundle';

// The website: the full-page chat (/), the same chat for the widget's frame (/embed), the widget
// loader (/widget.js), a sample contact page with the widget (/demo), our styles and scripts
// (/static/...), and the chat's script with its chunks (/chat/...), built from src/web/client.

export interface WebOptions {
  /** Where the chat page may connect besides its own origin (Azure Direct Line's). */
  directLineDomain?: string;
  /** "Today" (the config's GUIDE_DATE or the real date): the demo page's phone lines follow it. */
  today?: () => Date;
}

export interface PolicyOptions {
  /** Azure Direct Line's base URL; none with the built-in channel. */
  directLineDomain?: string;
  /** Who may frame the page: `'none'`, or `*` for the widget's frame. */
  frameAncestors: string;
  /** The demo page: the widget loader adds its one <style> element, as on any page that embeds it. */
  inlineStyles?: boolean;
  /**
   * The page's own WebSocket origin (ws:// or wss://, for the built-in channel's stream): Safari
   * before 15.4 does not count it under 'self'.
   */
  ownWebSocket?: string;
  /** A CSP source (a hash) for the one inline script the page may run. */
  inlineScript?: string;
}

/**
 * The pages' Content-Security-Policy: scripts and styles only from us (the Adaptive Cards renderer
 * styles what it draws through the DOM, which CSP allows), besides one inline script known by its
 * hash; connections to us or to Direct Line.
 */
export function chatPagePolicy({
  directLineDomain,
  frameAncestors,
  inlineStyles,
  ownWebSocket,
  inlineScript,
}: PolicyOptions): string {
  const connect = ["'self'"];
  if (directLineDomain) {
    const origin = new URL(directLineDomain).origin;
    connect.push(origin, origin.replace(/^http/, 'ws'));
  } else if (ownWebSocket) connect.push(ownWebSocket);
  return [
    "default-src 'self'",
    `script-src 'self'${inlineScript ? ` ${inlineScript}` : ''}`,
    `style-src 'self'${inlineStyles ? " 'unsafe-inline'" : ''}`,
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
  /** Brotli, for the browsers that accept it (all current ones): smaller than gzip. */
  br: Buffer;
  etag: string;
  /** Cache-Control's value. */
  cache: string;
}

const TYPES: Record<string, string> = {
  '.js': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

const etagOf = (body: Buffer) => `"${createHash('sha1').update(body).digest('base64url')}"`;
const revalidateAfter = (seconds: number) => `public, max-age=${seconds}`;
/** The chat's built files are named by their content's hash: a new build has new names. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

const BROTLI = { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } };

/** A small file of ours, read and compressed once at start-up. */
function asset(file: string, maxAge: number, body = fs.readFileSync(file)): Asset {
  const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
  return {
    type,
    body,
    gzip: gzipSync(body, { level: 9 }),
    br: brotliCompressSync(body, BROTLI),
    etag: etagOf(body),
    cache: revalidateAfter(maxAge),
  };
}

/** A big file: compressed off the event loop (zlib's thread pool), so no conversation waits for it. */
async function bigAsset(name: string, body: Buffer): Promise<Asset> {
  const [gz, br] = await Promise.all([promisify(gzip)(body, { level: 9 }), promisify(brotliCompress)(body, BROTLI)]);
  return { type: TYPES[path.extname(name)], body, gzip: gz, br, etag: etagOf(body), cache: IMMUTABLE };
}

/** The chat's built files, ready to send. */
interface ChatAssets {
  files: Map<string, Asset>;
}

/** The widget loader with its three languages' words filled in from PAGE_TEXTS. */
function widgetAsset(): Asset {
  const texts = Object.fromEntries(
    LANGS.map((l) => [
      l,
      { open: PAGE_TEXTS[l].widgetOpen, close: PAGE_TEXTS[l].widgetClose, title: PAGE_TEXTS[l].title },
    ]),
  );
  const file = path.join(STATIC_DIR, 'widget.js');
  const filled = fs
    .readFileSync(file, 'utf8')
    .replace('/*TEXTS*/{}/*END*/', () => JSON.stringify(texts).replace(/</g, '\\u003c'));
  // Minified once at start: the loader rides on every page that embeds the widget. It stays ES5,
  // for whatever browser the host page's visitors use.
  const minified = transformSync(filled, { minify: true, target: 'es5', charset: 'utf8', legalComments: 'none' });
  return asset(file, 300, Buffer.from(minified.code));
}

let chatBundle: Promise<ChatBundle> | undefined;
/** Built (or read) once per process, on first use. The pages need only its file names. */
function loadChatBundle(): Promise<ChatBundle> {
  return (chatBundle ??= loadChat().catch((e: unknown) => {
    // Every chat page fails until a restart: say why once, loudly.
    logger.error({ err: e }, 'the chat build could not be loaded or built');
    throw e;
  }));
}

let chatAssets: Promise<ChatAssets> | undefined;
/** The bundle's files compressed once per process; only /chat/… waits for them. */
function loadChatAssets(): Promise<ChatAssets> {
  return (chatAssets ??= loadChatBundle().then(async (bundle) => ({
    files: new Map(await Promise.all(bundle.files.map(async (f) => [f.name, await bigAsset(f.name, f.body)] as const))),
  })));
}

/** Our static files: next to this module (src/web/static, or dist/src/web/static after the build). */
export const STATIC_DIR = path.join(__dirname, 'static');
const STATIC_FILES = ['chat.css', 'demo.css'];

export function mountWeb(server: restify.Server, opts: WebOptions = {}): void {
  const statics = new Map(STATIC_FILES.map((name) => [name, asset(path.join(STATIC_DIR, name), 300)]));
  const widget = widgetAsset();
  // Ready before the first visitor in production; built on first use when run from the sources.
  // (A failure is logged there; the chat pages then answer 500.)
  if (RUNS_COMPILED) loadChatAssets().catch(() => undefined);

  const sendAsset = (req: restify.Request, res: restify.Response, a: Asset) => {
    res.setHeader('Content-Type', a.type);
    res.setHeader('Cache-Control', a.cache);
    res.setHeader('ETag', a.etag);
    res.setHeader('Vary', 'Accept-Encoding');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    if (req.headers['if-none-match'] === a.etag) {
      res.writeHead(304);
      return res.end();
    }
    const accepts = String(req.headers['accept-encoding'] ?? '');
    const encoding = /\bbr\b/.test(accepts) ? 'br' : /\bgzip\b/.test(accepts) ? 'gzip' : undefined;
    if (encoding) res.setHeader('Content-Encoding', encoding);
    const body = encoding === 'br' ? a.br : encoding === 'gzip' ? a.gzip : a.body;
    res.setHeader('Content-Length', body.length);
    res.writeHead(200);
    res.end(body);
  };

  const notFound = (res: restify.Response) => {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('Not found');
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

  /** A chat page's policy: its stream goes to Azure Direct Line, or to this server as the page reached it. */
  const chatPolicy = (req: restify.Request, frameAncestors: string) =>
    chatPagePolicy({
      directLineDomain: opts.directLineDomain,
      frameAncestors,
      ownWebSocket: publicOrigin(req, 'localhost').ws,
      inlineScript: CHAT_FALLBACK_HASH,
    });

  const langOf = (req: restify.Request) => pickLang(query(req).get('lang'), req.headers['accept-language']);
  /** "Today" for the pages' words (GUIDE_DATE pins it, as for the bot). */
  const today = opts.today ?? (() => new Date());

  const clientPaths = async () => {
    const bundle = await loadChatBundle();
    return { entry: `/chat/${bundle.entry}`, preload: bundle.preload.map((f) => `/chat/${f}`) };
  };

  server.get('/', async (req, res) => {
    const client = await clientPaths();
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Content-Security-Policy', chatPolicy(req, "'none'"));
    sendHtml(res, chatPage({ lang: langOf(req), embedded: false, client, today: today() }));
  });
  // The widget's frame: embeddable in any page (that is its purpose).
  server.get('/embed', async (req, res) => {
    const client = await clientPaths();
    res.setHeader('Content-Security-Policy', chatPolicy(req, '*'));
    sendHtml(res, chatPage({ lang: langOf(req), embedded: true, client, today: today() }));
  });
  server.get('/demo', (req, res, next) => {
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader(
      'Content-Security-Policy',
      chatPagePolicy({ directLineDomain: opts.directLineDomain, frameAncestors: "'none'", inlineStyles: true }),
    );
    const polling = query(req).get('transport') === 'polling';
    sendHtml(res, demoPage(langOf(req), demoPhoneLines(), today(), polling ? 'polling' : undefined));
    next();
  });
  server.get('/widget.js', (req, res, next) => {
    sendAsset(req, res, widget);
    next();
  });
  server.get('/chat/:name', async (req, res) => {
    const a = (await loadChatAssets()).files.get(req.params.name);
    if (a) sendAsset(req, res, a);
    else notFound(res);
  });
  server.get('/static/:name', (req, res, next) => {
    const a = statics.get(req.params.name);
    if (a) sendAsset(req, res, a);
    else notFound(res);
    next();
  });
}
