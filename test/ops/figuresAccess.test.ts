import type { IncomingMessage } from 'node:http';
import { loadConfig } from '../../src/config';
import { figuresAccess } from '../../src/metrics/access';
import { request, startHost, type Host } from './host';

// Who may read the figures. Local mode: this machine only, and not through a proxy. With an app
// id: only a request bearing STATS_KEY (Bearer, as Prometheus sends it; Basic, as a browser
// does once it asked for the key), and nobody at all without a key. A key in the URL opens nothing.

const KEY = 'k3y-for-tests-0123456789abcdef';
const APP = {
  MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
  MicrosoftAppPassword: 'not-a-real-secret',
  MicrosoftAppType: 'MultiTenant',
  WEB_CHAT: 'off',
};
const basic = (password: string) => `Basic ${Buffer.from(`manager:${password}`).toString('base64')}`;
const PATHS = ['/metrics', '/stats', '/stats/stats.js'];

describe('local mode (no app id)', () => {
  let host: Host;
  beforeAll(async () => {
    host = await startHost();
  });
  afterAll(() => host.close());

  test.each(PATHS)('%s answers a caller on this machine', async (path) => {
    expect((await request(`${host.url}${path}`)).status).toBe(200);
  });

  test.each(PATHS)('%s is not found when a proxy forwarded the request', async (path) => {
    for (const header of ['x-forwarded-for', 'forwarded']) {
      const res = await request(`${host.url}${path}`, { headers: { [header]: '203.0.113.9' } });
      expect(res.status).toBe(404);
      expect(res.text).not.toMatch(/guide_|<canvas/);
    }
  });
});

describe('with an app id and no STATS_KEY', () => {
  let host: Host;
  beforeAll(async () => {
    host = await startHost(APP);
  });
  afterAll(() => host.close());

  test.each(PATHS)('%s is not found, whatever the request bears', async (path) => {
    for (const authorization of [undefined, `Bearer ${KEY}`, basic(KEY), 'Bearer ']) {
      const res = await request(`${host.url}${path}`, { headers: authorization ? { authorization } : {} });
      expect(res.status).toBe(404);
    }
  });
});

describe('with an app id and STATS_KEY', () => {
  let host: Host;
  beforeAll(async () => {
    host = await startHost({ ...APP, STATS_KEY: KEY });
  });
  afterAll(() => host.close());

  test('Prometheus with the key as its bearer token reads /metrics; without it, or with another, 401', async () => {
    const ok = await request(`${host.url}/metrics`, { headers: { authorization: `Bearer ${KEY}` } });
    expect(ok.status).toBe(200);
    expect(ok.headers['cache-control']).toBe('no-store');
    for (const authorization of [undefined, `Bearer ${KEY}x`, `Bearer ${KEY.slice(0, -1)}`, `Token ${KEY}`]) {
      const res = await request(`${host.url}/metrics`, { headers: authorization ? { authorization } : {} });
      expect(res.status).toBe(401);
      expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
      expect(res.text).not.toContain('guide_');
    }
  });

  test('a browser is asked for the key (Basic) and opens /stats with it', async () => {
    const asked = await request(`${host.url}/stats`);
    expect(asked.status).toBe(401);
    expect(asked.headers['www-authenticate']).toMatch(/^Basic realm="stats"/);
    const page = await request(`${host.url}/stats`, { headers: { authorization: basic(KEY) } });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect((await request(`${host.url}/stats`, { headers: { authorization: basic('wrong-key') } })).status).toBe(401);
  });

  test('a key in the URL opens nothing', async () => {
    for (const path of [`/metrics?key=${KEY}`, `/stats?key=${KEY}`, `/stats?access_token=${KEY}`]) {
      expect((await request(`${host.url}${path}`)).status).toBe(401);
    }
  });
});

test('local mode refuses a caller from another machine, even one that names a loopback address', () => {
  const access = figuresAccess({ localMode: true });
  const req = (remoteAddress: string, headers: Record<string, string> = {}) =>
    ({ socket: { remoteAddress }, headers }) as unknown as IncomingMessage;
  expect(access(req('127.0.0.1'))).toBe('allowed');
  expect(access(req('::ffff:127.0.0.1'))).toBe('allowed');
  expect(access(req('::1'))).toBe('allowed');
  expect(access(req('203.0.113.9'))).toBe('notFound');
  expect(access(req('10.0.0.5', { host: '127.0.0.1' }))).toBe('notFound');
  expect(access(req('127.0.0.1', { 'x-real-ip': '203.0.113.9' }))).toBe('notFound');
});

test('a short or odd STATS_KEY stops the start with a message naming it', () => {
  for (const STATS_KEY of ['short', 'has spaces in it but is long enough', 'ä'.repeat(30)])
    expect(() => loadConfig({ ...APP, DIRECT_LINE_SECRET: 'x', STATS_KEY } as NodeJS.ProcessEnv)).toThrow(/STATS_KEY/);
  expect(loadConfig({ ...APP, STATS_KEY: KEY } as NodeJS.ProcessEnv).STATS_KEY).toBe(KEY);
});
