// Prints what a new user waits for and pays for when they open the chat, in headless Chromium
// against the real server (local Direct Line mode, on a free port):
//   - the widget (/demo): from a tap on the "chat instead of calling" link (its pointerdown, as the
//     page sees it) to the bot's first question on screen, and the bytes transferred for the chat
//     after the tap;
//   - the page (/): from navigation to the first question, and every byte the page transferred;
// each on a modest phone (Chrome DevTools Protocol: CPU 4x slower, 1.6 Mbit/s down, 750 kbit/s up,
// 150 ms round trip, 390x844 touch viewport) and on a desktop without throttling. "Ready" is when
// the send box also takes typing. Both moments are recorded inside the page (the frame painted
// after the question enters the DOM), on the page's own clock. Every run is a first visit (a fresh browser context, empty cache).
// For comparison in the same run (the machine's load swings the figures), the chat is also measured
// as it was before the project's own client: Web Chat's prebuilt full bundle
// (botframework-webchat/dist/webchat.js) on a page of its own, served by this script only,
// gzipped, from /metrics/full.
// Usage: npm run web:metrics [-- RUNS [websocket|polling]]   (3 runs, WebSocket by default)
import type { ServerResponse } from 'http';
import type { Browser, BrowserContext, CDPSession, Frame, Page } from 'playwright-core';

import * as fs from 'fs';
import * as path from 'path';
import { gzipSync } from 'zlib';
import { loadConfig } from '../src/config';
import { start } from '../src/index';
import { greeting } from '../dialogs/replies/messages';
import { launchChromium } from './chromium';

const runs = Number(process.argv[2] ?? 3);
const transport = process.argv[3] === 'polling' ? 'polling' : 'websocket';
const transportQuery = transport === 'polling' ? 'transport=polling' : '';

/** The bot's first question: the greeting's second message (the one that expects input). */
// Up to its first quotation mark: Web Chat's Markdown turns straight quotes into curly ones.
const FIRST_QUESTION = greeting('fi', new Date())[1].text!.split('"')[0].slice(0, 40).trim();

interface Profile {
  name: string;
  viewport: { width: number; height: number };
  touch: boolean;
  /** Emulation.setCPUThrottlingRate's rate (1 = none). */
  cpu: number;
  /** Network.emulateNetworkConditions' values, or none. */
  network?: { latency: number; downloadThroughput: number; uploadThroughput: number };
}

const PROFILES: Profile[] = [
  {
    name: 'modest phone',
    viewport: { width: 390, height: 844 },
    touch: true,
    cpu: 4,
    // Throughputs are in bytes per second.
    network: { latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8 },
  },
  { name: 'desktop, no throttling', viewport: { width: 1280, height: 800 }, touch: false, cpu: 1 },
];

interface Run {
  /** Milliseconds to the first question on screen. */
  question: number;
  /** Milliseconds until the send box also takes typing. */
  ready: number;
  /** Bytes on the wire (headers included) of the HTTP responses counted. */
  bytes: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function newContext(browser: Browser, p: Profile, chat: ChatSelectors = OURS): Promise<BrowserContext> {
  const context = await browser.newContext({
    locale: 'fi-FI',
    viewport: p.viewport,
    hasTouch: p.touch,
    isMobile: p.touch,
    deviceScaleFactor: p.touch ? 2 : 1,
  });
  await context.addInitScript(recordInPage, { text: FIRST_QUESTION, chat });
  return context;
}

/** Applies the profile's throttling and counts the bytes of every response from now on. */
async function throttle(page: Page, p: Profile): Promise<{ cdp: CDPSession; bytes: () => number }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  if (p.network) await cdp.send('Network.emulateNetworkConditions', { offline: false, ...p.network });
  if (p.cpu > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: p.cpu });
  let bytes = 0;
  cdp.on('Network.loadingFinished', (e) => (bytes += e.encodedDataLength));
  return { cdp, bytes: () => bytes };
}

/** Where a chat shows the bot's messages and takes typing: ours, or Web Chat's (the comparison). */
interface ChatSelectors {
  botMessage: string;
  sendBox: string;
}
const OURS: ChatSelectors = { botMessage: '.chat-msg--bot', sendBox: '#chat-input' };
const WEB_CHAT: ChatSelectors = {
  botMessage: '.webchat__bubble:not(.webchat__bubble--from-user)',
  sendBox: '[data-id="webchat-sendbox-input"]',
};

/** What the page records, as epoch milliseconds (performance.timeOrigin + now, the same clock in every frame). */
interface Recorded {
  question?: number;
  ready?: number;
}
type RecordingWindow = Window & { metrics?: Recorded };

/**
 * Installed in every page and frame before their own scripts: records when the first question is
 * on screen (the frame after it enters the DOM) and when the send box first takes typing. Measured
 * in the page, not by polling from outside, which on a slowed CPU adds up to half a second.
 */
function recordInPage({ text, chat }: { text: string; chat: ChatSelectors }): void {
  const w = window as RecordingWindow;
  const m: Recorded = (w.metrics = {});
  const now = () => performance.timeOrigin + performance.now();
  let seen = false;
  const check = () => {
    if (!seen && Array.from(document.querySelectorAll(chat.botMessage)).some((e) => e.textContent?.includes(text))) {
      seen = true;
      // After the next frame is painted.
      requestAnimationFrame(() => setTimeout(() => (m.question = now())));
    }
    const box = document.querySelector<HTMLInputElement | HTMLTextAreaElement>(chat.sendBox);
    if (m.ready === undefined && box && !box.disabled && !box.readOnly && box.getClientRects().length > 0)
      m.ready = now();
  };
  new MutationObserver(check).observe(document, {
    childList: true,
    subtree: true,
    attributes: true,
    characterData: true,
  });
}

/** Milliseconds from `since` (epoch) to the first question, and to when the send box also takes typing. */
async function timeFirstQuestion(s: Page | Frame, since: number): Promise<Pick<Run, 'question' | 'ready'>> {
  await s.waitForFunction(
    () => {
      const m = (window as RecordingWindow).metrics;
      return m?.question !== undefined && m.ready !== undefined;
    },
    undefined,
    { timeout: 60_000 },
  );
  const m = await s.evaluate(() => (window as RecordingWindow).metrics!);
  const question = m.question! - since;
  return { question, ready: Math.max(question, m.ready! - since) };
}

/** The widget: the host page loads first (not counted); the tap starts the clock and the count. */
async function widgetOnce(browser: Browser, url: string, p: Profile): Promise<Run> {
  const context = await newContext(browser, p);
  const page = await context.newPage();
  const net = await throttle(page, p);
  await page.goto(`${url}/demo${transportQuery ? `?${transportQuery}` : ''}`, { waitUntil: 'load' });
  const link = page.locator('[data-chat-widget]').first();
  await link.waitFor();
  await page.waitForFunction(() => 'EtelaSavoChat' in window);
  // The clock starts when the finger or the mouse button goes down on the link, as the page sees
  // it: Playwright's own checks before it taps (scrolling, waiting for the link to be still) are
  // not the user's wait.
  await page.evaluate(() =>
    document.addEventListener(
      'pointerdown',
      (e) => (document.documentElement.dataset.tappedAt = String(performance.timeOrigin + e.timeStamp)),
      { capture: true, once: true },
    ),
  );
  const before = net.bytes();
  if (p.touch) await link.tap();
  else await link.click();
  const tapped = Number(await page.evaluate(() => document.documentElement.dataset.tappedAt));
  if (!Number.isFinite(tapped)) throw new Error('the page saw no pointerdown on the chat link');
  const frame = (await (await page.locator('.esg-chat-panel iframe').elementHandle())!.contentFrame())!;
  const times = await timeFirstQuestion(frame, tapped);
  const run = { ...times, bytes: net.bytes() - before };
  await context.close();
  return run;
}

/**
 * The chat as it was before this project's own client: Web Chat's prebuilt full bundle on a page
 * of its own, at /metrics/full (this script's server only), talking to the same token route.
 */
function mountFullBundlePage(app: Awaited<ReturnType<typeof start>>): void {
  const file = path.join(path.dirname(require.resolve('botframework-webchat')), '..', 'dist', 'webchat.js');
  const bundle = gzipSync(fs.readFileSync(file), { level: 9 });
  const html = `<!doctype html><html lang="fi"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Web Chat</title></head>
<body style="margin:0"><div id="webchat" style="height:100vh"></div>
<script src="/metrics/webchat.js" defer></script><script src="/metrics/full.js" defer></script></body></html>`;
  const script = `fetch('/api/directline/token', { method: 'POST', headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({ locale: 'fi-FI' }) }).then((r) => r.json()).then((dl) => window.WebChat.renderWebChat({
  directLine: window.WebChat.createDirectLine({ token: dl.token, domain: dl.domain,
    webSocket: !location.search.includes('transport=polling') }), locale: 'fi-FI' }, document.getElementById('webchat')));`;
  const send =
    (type: string, body: string | Buffer, gzipped = false) =>
    (_req: unknown, res: ServerResponse, next: () => void) => {
      res.writeHead(200, {
        'Content-Type': type,
        'Cache-Control': 'no-cache',
        ...(gzipped ? { 'Content-Encoding': 'gzip' } : {}),
      });
      res.end(body);
      next();
    };
  app.server.get('/metrics/full', send('text/html; charset=utf-8', html));
  app.server.get('/metrics/full.js', send('application/javascript', script));
  app.server.get('/metrics/webchat.js', send('application/javascript', bundle, true));
}

/** The full page (ours, or with `full` Web Chat's own bundle): the clock and the count start with the navigation. */
async function pageOnce(browser: Browser, url: string, p: Profile, full = false): Promise<Run> {
  const context = await newContext(browser, p, full ? WEB_CHAT : OURS);
  const page = await context.newPage();
  const net = await throttle(page, p);
  await page.goto(`${url}/${full ? 'metrics/full' : ''}${transportQuery ? `?${transportQuery}` : ''}`, {
    waitUntil: 'commit',
  });
  // The clock starts with the navigation, as the page's own timeline does.
  const started = await page.evaluate(() => performance.timeOrigin);
  const times = await timeFirstQuestion(page, started);
  const run = { ...times, bytes: net.bytes() };
  await context.close();
  return run;
}

async function main() {
  const app = await start(loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' }));
  mountFullBundlePage(app);
  const browser = await launchChromium();
  try {
    // Run from the sources, the server builds the chat's script on the first page request: not part of a visit.
    await (await fetch(`${app.url}/embed`)).text();
    const gz = await fetch(`${app.url}/widget.js`, { headers: { 'Accept-Encoding': 'gzip' } });
    const gzBytes = Number(gz.headers.get('content-length'));
    await gz.arrayBuffer();
    const raw = await fetch(`${app.url}/widget.js`, { headers: { 'Accept-Encoding': 'identity' } });
    const rawBytes = (await raw.arrayBuffer()).byteLength;
    console.log(`widget loader /widget.js: ${rawBytes} bytes, ${gzBytes} bytes gzipped (limit 2300)`);
    console.log(`first question: "${FIRST_QUESTION}…"; ${runs} first visits each over ${transport}; medians (min–max)`);

    const kb = (b: number) => `${(b / 1000).toFixed(0)} KB`;
    const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    const range = (xs: number[], f: (x: number) => string) =>
      `${f(median(xs))} (${f(Math.min(...xs))}–${f(Math.max(...xs))})`;
    for (const p of PROFILES) {
      const scenarios = [
        ['widget /demo, tap', widgetOnce],
        ['page /, navigation', pageOnce],
        ['page, full bundle', (b: Browser, u: string, pr: Profile) => pageOnce(b, u, pr, true)],
      ] as const;
      for (const [what, once] of scenarios) {
        const results: Run[] = [];
        for (let i = 0; i < runs; i += 1) results.push(await once(browser, app.url, p));
        console.log(
          `${p.name.padEnd(23)} ${what.padEnd(19)} → first question ${range(
            results.map((r) => r.question),
            s,
          )}, ` +
            `ready to type ${range(
              results.map((r) => r.ready),
              s,
            )}, transferred ${range(
              results.map((r) => r.bytes),
              kb,
            )}`,
        );
      }
    }
  } finally {
    await browser.close();
    await app.close();
  }
}

main().catch((e) => {
  // Straight to stderr: the server this script starts sends console.error to its (silenced) logger.
  process.stderr.write(`${(e as Error)?.stack ?? String(e)}\n`);
  process.exit(1);
});
