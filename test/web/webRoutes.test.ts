import * as restify from 'restify';
import { AddressInfo } from 'net';
import { facts } from '../../knowledge';
import { chatPagePolicy, mountWeb } from '../../src/web';
import { PAGE_TEXTS } from '../../src/web/texts';

// The website's HTTP side (the browser tests drive the same pages in Chromium).

let server: restify.Server;
let base: string;

beforeAll(async () => {
  server = restify.createServer();
  mountWeb(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
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

test('the page loads Web Chat from our own server, never from another host', async () => {
  const html = await (await get('/')).text();
  const sources = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
  expect(sources).toContain('/webchat/webchat.js');
  for (const src of sources) expect(src.startsWith('/') || src.startsWith('#') || src === 'data:,').toBe(true);
  const bundle = await get('/webchat/webchat.js', { 'Accept-Encoding': 'gzip' });
  expect(bundle.status).toBe(200);
  expect(bundle.headers.get('content-type')).toContain('javascript');
  expect((await bundle.arrayBuffer()).byteLength).toBeGreaterThan(100_000);
});

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

test("only Web Chat's bundle file is served, not its dist folder", async () => {
  for (const path of ['/webchat/stats.json', '/webchat/webchat-es5.js', '/webchat/../package.json', '/static/../index.ts', '/static/nope.js']) {
    expect((await get(path)).status).toBe(404);
  }
});

test('the demo page shows the TE office phone lines from knowledge, each with a chat link', async () => {
  const html = await (await get('/demo?lang=en')).text();
  for (const contact of [facts.contacts.tePersonalCustomers, facts.contacts.teEmployers]) {
    expect(html).toContain(`href="tel:${contact.phone!.replace(/\s/g, '')}"`);
    expect(html).toContain(`>${contact.phone}<`);
    expect(html).toContain(contact.role.en);
  }
  expect(html.match(/data-chat-widget/g)).toHaveLength(2);
  expect(html).toContain('<script src="/widget.js"');
});

test('the widget loader is small: at most 5 KB gzipped, with its texts filled in', async () => {
  const res = await get('/widget.js', { 'Accept-Encoding': 'gzip' });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-encoding')).toBe('gzip');
  // fetch decodes gzip itself; the size on the wire is what Content-Length says.
  const size = Number(res.headers.get('content-length'));
  expect(size).toBeGreaterThan(500);
  expect(size).toBeLessThanOrEqual(5 * 1024);
  expect(await res.text()).toContain(JSON.stringify(PAGE_TEXTS.sv.widgetOpen));
});

test('with Azure Direct Line the page may connect to its origin over HTTPS and WebSocket', () => {
  const policy = chatPagePolicy('https://europe.directline.botframework.com/v3/directline', "'none'");
  expect(policy).toContain("connect-src 'self' https://europe.directline.botframework.com wss://europe.directline.botframework.com");
});
