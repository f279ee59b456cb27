import { createHash } from 'crypto';
import * as restify from 'restify';
import { AddressInfo } from 'net';
import { facts } from '../../knowledge';
import { chatPagePolicy, mountWeb } from '../../src/web';
import { PAGE_TEXTS } from '../../src/web/texts';

// The website's HTTP side (the browser tests drive the same pages in Chromium).

let server: restify.Server;
let base: string;
/** The server's "today" (GUIDE_DATE in production); tests move it. */
let today = new Date(`${facts.dates.pilotStart.date}T12:00:00Z`);

beforeAll(async () => {
  server = restify.createServer();
  mountWeb(server, { today: () => today });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // Run from the sources, the server builds the chat's script on the first page request: done here.
  await (await fetch(`${base}/embed`)).text();
}, 120_000);
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${base}${path}`, { headers });

test('the chat page is Finnish by default, and the browser language picks Swedish or English', async () => {
  const fi = await (await get('/')).text();
  expect(fi).toContain('<html lang="fi">');
  expect(fi).toContain(PAGE_TEXTS.fi.privacy);
  const sv = await (await get('/', { 'Accept-Language': 'sv-FI,sv;q=0.9,en;q=0.5' })).text();
  expect(sv).toContain('<html lang="sv">');
  expect(sv).toContain(PAGE_TEXTS.sv.privacyHeading);
  const en = await (await get('/', { 'Accept-Language': 'de-DE, en;q=0.8, fi;q=0.3' })).text();
  expect(en).toContain('<html lang="en">');
  // ?lang= wins over the browser.
  expect(await (await get('/?lang=sv', { 'Accept-Language': 'en' })).text()).toContain('<html lang="sv">');
  // Unknown languages fall back to Finnish.
  expect(await (await get('/', { 'Accept-Language': 'de' })).text()).toContain('<html lang="fi">');
});

/** The chat page's scripts and preloads, as the page names them. */
async function pageScripts(path = '/') {
  const html = await (await get(path)).text();
  const entry = /<script type="module" src="([^"]+)"/.exec(html)?.[1];
  const preloads = [...html.matchAll(/<link rel="modulepreload" href="([^"]+)"/g)].map((m) => m[1]);
  return { html, entry: entry!, preloads };
}

test("the page loads the chat's script from our own server, never from another host", async () => {
  const { html, entry, preloads } = await pageScripts();
  const sources = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
  for (const src of sources) expect(src.startsWith('/') || src.startsWith('#') || src === 'data:,').toBe(true);
  expect(entry).toMatch(/^\/chat\/chat-[A-Z0-9]+\.js$/);
  expect(preloads).toContain(entry);
  for (const file of preloads) {
    const res = await get(file, { 'Accept-Encoding': 'gzip' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('javascript');
    expect(res.headers.get('content-encoding')).toBe('gzip');
  }
});

test("the chat's files are Brotli-compressed when the browser accepts it, and cached for a year under their content hash", async () => {
  const { entry } = await pageScripts('/embed');
  const br = await get(entry, { 'Accept-Encoding': 'gzip, deflate, br' });
  expect(br.headers.get('content-encoding')).toBe('br');
  expect(br.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  const brBytes = Number(br.headers.get('content-length'));
  const gz = await get(entry, { 'Accept-Encoding': 'gzip' });
  expect(Number(gz.headers.get('content-length'))).toBeGreaterThan(brBytes);
  // fetch decodes both; the same script comes out.
  expect(await br.text()).toBe(await gz.text());
  const plain = await get(entry, { 'Accept-Encoding': 'identity' });
  expect(plain.headers.get('content-encoding')).toBeNull();
  expect(plain.headers.get('etag')).toBe(br.headers.get('etag'));
  expect((await get(entry, { 'If-None-Match': br.headers.get('etag')! })).status).toBe(304);
});

test.each([
  ['br;q=0, gzip', 'gzip'],
  ['gzip, br;q=0', 'gzip'],
  ['gzip;q=0, br', 'br'],
  ['br;q=0, gzip;q=0', null],
  ['br;q=0', null],
  ['gzip;q=0.5, br;q=0.4', 'gzip'],
  ['*', 'br'],
])(
  'Accept-Encoding %j gets %s: an encoding the browser refuses (q=0) or ranks lower is not sent',
  async (accept, expected) => {
    for (const path of ['/widget.js', '/static/chat.css', (await pageScripts('/embed')).entry]) {
      const res = await get(path, { 'Accept-Encoding': accept });
      expect({ path, encoding: res.headers.get('content-encoding') }).toEqual({ path, encoding: expected });
      expect(res.headers.get('vary')).toBe('Accept-Encoding');
      // What arrives is the file whichever copy was sent (fetch decodes br and gzip).
      expect(await res.text()).toBe(await (await get(path, { 'Accept-Encoding': 'identity' })).text());
    }
  },
);

test('the chat page allows scripts from our own origin only; only /embed may be framed', async () => {
  const page = await get('/');
  const policy = page.headers.get('content-security-policy')!;
  expect(policy).toContain("script-src 'self'");
  expect(policy).toContain("frame-ancestors 'none'");
  expect(page.headers.get('x-frame-options')).toBe('DENY');
  const embed = await get('/embed');
  expect(embed.headers.get('content-security-policy')).toContain('frame-ancestors *');
  expect(embed.headers.get('x-frame-options')).toBeNull();
});

test('only the built files are served from /chat, nothing else of the build or the packages', async () => {
  for (const path of [
    '/chat/manifest.json',
    '/chat/chat.js',
    '/chat/../package.json',
    '/webchat/webchat.js',
    '/static/../index.ts',
    '/static/nope.js',
  ]) {
    expect((await get(path)).status).toBe(404);
  }
});

test('the demo page shows the TE office phone lines from knowledge, each with a chat link', async () => {
  today = new Date(`${facts.dates.pilotStart.date}T12:00:00Z`);
  const html = await (await get('/demo?lang=en')).text();
  for (const contact of [facts.contacts.tePersonalCustomers, facts.contacts.teEmployers]) {
    expect(html).toContain(`href="tel:${contact.phone!.replace(/\s/g, '')}"`);
    expect(html).toContain(`>${contact.phone}<`);
    expect(html).toContain(contact.role.en);
  }
  expect(html.match(/data-chat-widget/g)).toHaveLength(2);
  expect(html).toContain('<script src="/widget.js"');
});

test('from the day the TE offices ceased, the demo page offers none of their lines: registering in the online service instead', async () => {
  const lines = [facts.contacts.tePersonalCustomers, facts.contacts.teEmployers];
  // The evening before, in Finland: still open.
  today = new Date(`${facts.dates.teOfficesEnded.date}T00:00:00+02:00`);
  today = new Date(today.getTime() - 60_000);
  expect((await (await get('/demo?lang=fi')).text()).match(/href="tel:/g)).toHaveLength(lines.length);
  // Midnight in Finland, and any day after.
  for (const day of [`${facts.dates.teOfficesEnded.date}T00:00:00+02:00`, '2026-06-01T12:00:00Z']) {
    today = new Date(day);
    for (const lang of ['fi', 'sv', 'en'] as const) {
      const html = await (await get(`/demo?lang=${lang}`)).text();
      expect(html).not.toContain('href="tel:');
      for (const c of lines) expect(html).not.toContain(c.phone!);
      expect(html).toContain(`href="${facts.jobMarket.url[lang]}"`);
      expect(html).toContain(PAGE_TEXTS[lang].demoTodayHeading);
      // The chat is still offered.
      expect(html.match(/data-chat-widget/g)).toHaveLength(1);
    }
  }
  today = new Date(`${facts.dates.pilotStart.date}T12:00:00Z`);
});

test('the chat page promises what the guide answers on the day: after the pilot period only the home municipality is asked', async () => {
  today = new Date('2026-06-01T12:00:00Z');
  const after = await (await get('/?lang=fi')).text();
  expect(after).toContain(PAGE_TEXTS.fi.leadToday);
  expect(after).toContain(PAGE_TEXTS.fi.privacyToday);
  expect(after).not.toContain(PAGE_TEXTS.fi.lead);
  today = new Date(`${facts.dates.pilotStart.date}T12:00:00Z`);
  const during = await (await get('/?lang=fi')).text();
  expect(during).toContain(PAGE_TEXTS.fi.lead);
  expect(during).not.toContain(PAGE_TEXTS.fi.leadToday);
});

test('the widget loader is small: at most 2.3 KB gzipped, minified, with its texts filled in', async () => {
  const res = await get('/widget.js', { 'Accept-Encoding': 'gzip' });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-encoding')).toBe('gzip');
  // fetch decodes gzip itself; the size on the wire is what Content-Length says.
  const size = Number(res.headers.get('content-length'));
  expect(size).toBeGreaterThan(500);
  expect(size).toBeLessThanOrEqual(2300);
  const text = await res.text();
  expect(text).toContain(JSON.stringify(PAGE_TEXTS.sv.widgetOpen));
  expect(text).not.toMatch(/\/\*|\n {2}/); // no comments, no indentation
});

test('with Azure Direct Line the page may connect to its origin over HTTPS and WebSocket', () => {
  const policy = chatPagePolicy({
    directLineDomain: 'https://europe.directline.botframework.com/v3/directline',
    frameAncestors: "'none'",
    ownWebSocket: 'ws://localhost:3978',
  });
  expect(policy).toContain(
    "connect-src 'self' https://europe.directline.botframework.com wss://europe.directline.botframework.com;",
  );
});

test("the chat pages allow no inline style, and no inline script but their own fallback, by its hash; the demo page allows the widget loader's one <style>", async () => {
  for (const path of ['/', '/embed']) {
    const res = await get(path);
    const csp = res.headers.get('content-security-policy')!;
    const html = await res.text();
    // Inline scripts: <script> with neither src nor a data type. There is one, and the CSP names
    // exactly its hash.
    const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    expect(inline).toHaveLength(1);
    const hash = createHash('sha256').update(inline[0]).digest('base64');
    expect(csp).toContain(`script-src 'self' 'sha256-${hash}';`);
    expect(csp).toContain("style-src 'self';");
    // The built-in channel's stream, named as well: older Safari does not count ws: under 'self'.
    expect(csp).toContain(`connect-src 'self' ${base.replace(/^http/, 'ws')};`);
  }
  const demo = (await get('/demo')).headers.get('content-security-policy')!;
  expect(demo).toContain("style-src 'self' 'unsafe-inline';");
  expect(demo).toContain("script-src 'self';");
});
