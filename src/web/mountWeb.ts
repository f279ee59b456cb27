import * as path from 'path';
import type * as restify from 'restify';
import { facts, type Contact } from '../../knowledge';
import { publicOrigin, query } from '../directline/http';
import { CHAT_FALLBACK_HASH, chatPage, demoPage } from './pages';
import { pickLang } from './texts';
import { RUNS_COMPILED } from './chatBundle';
import { loadWidget } from './widgetBundle';
import { asset, notFound, sendAsset } from './assets';
import { chatPagePolicy } from './policy';
import { clientPaths, loadChatAssets } from './chatFiles';

// The website's routes: the full-page chat (/), the same chat for the widget's frame (/embed), the
// widget loader (/widget.js), a sample contact page with the widget (/demo), our styles
// (/static/...), and the chat's script with its chunks (/chat/...), built from src/web/client.

export interface WebOptions {
  /** Where the chat page may connect besides its own origin (Azure Direct Line's). */
  directLineDomain?: string;
  /** "Today" (the config's GUIDE_DATE or the real date): the demo page's phone lines follow it. */
  today?: () => Date;
}

/** Our static files: next to this module (src/web/static, or dist/src/web/static after the build). */
export const STATIC_DIR = path.join(__dirname, 'static');
const STATIC_FILES = ['chat.css', 'demo.css'];

/** The TE office's two phone lines, which the demo page shows. */
const demoPhoneLines = (): Contact[] =>
  [facts.contacts.tePersonalCustomers, facts.contacts.teEmployers].filter((c): c is Contact => Boolean(c));

export function mountWeb(server: restify.Server, opts: WebOptions = {}): void {
  mountPages(server, opts);
  mountFiles(server);
}

function sendHtml(res: restify.Response, html: string): void {
  const body = Buffer.from(html);
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader('Content-Length', body.length);
  res.setHeader('Cache-Control', 'no-cache');
  res.setHeader('Vary', 'Accept-Language');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'same-origin');
  res.writeHead(200);
  res.end(body);
}

const langOf = (req: restify.Request) => pickLang(query(req).get('lang'), req.headers['accept-language']);

/** The HTML pages, each with its Content-Security-Policy. */
function mountPages(server: restify.Server, opts: WebOptions): void {
  /** A chat page's policy: its stream goes to Azure Direct Line, or to this server as the page reached it. */
  const chatPolicy = (req: restify.Request, frameAncestors: string) =>
    chatPagePolicy({
      directLineDomain: opts.directLineDomain,
      frameAncestors,
      ownWebSocket: publicOrigin(req, 'localhost').ws,
      inlineScript: CHAT_FALLBACK_HASH,
    });
  /** "Today" for the pages' words (GUIDE_DATE pins it, as for the bot). */
  const today = opts.today ?? (() => new Date());

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
}

/** The widget loader, our styles and the chat's script files. */
function mountFiles(server: restify.Server): void {
  const statics = new Map(STATIC_FILES.map((name) => [name, asset(path.join(STATIC_DIR, name), 300)]));
  const widget = asset(path.join(STATIC_DIR, 'widget.js'), 300, loadWidget());
  // Ready before the first visitor in production; built on first use when run from the sources.
  // (A failure is logged there; the chat pages then answer 500.)
  if (RUNS_COMPILED) loadChatAssets().catch(() => undefined);

  server.get('/widget.js', (req, res, next) => {
    sendAsset(req, res, widget);
    next();
  });
  server.get('/chat/:name', async (req, res) => {
    const a = (await loadChatAssets()).get(req.params.name);
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
