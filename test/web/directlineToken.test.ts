import * as http from 'http';
import * as restify from 'restify';
import { AddressInfo } from 'net';
import { mountDirectLine } from '../../src/directline';
import { mountDirectLineToken } from '../../src/directline/tokenRoute';

// /api/directline/token in both modes. Azure mode runs against a fake Direct Line service on
// 127.0.0.1 (there is no internet): what matters is that the secret goes only to Direct Line and
// never to the browser, and that the user id is a `dl_` id bound into the token.

const SECRET = 'test-secret-never-in-a-browser';

const listen = async (s: {
  listen: (port: number, host: string, done: () => void) => unknown;
  address: () => unknown;
}) => {
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  return (s.address() as AddressInfo).port;
};
const stop = (s: { close: (cb: () => void) => unknown }) => new Promise<void>((resolve) => s.close(() => resolve()));

describe('Azure mode', () => {
  const seen: { auth?: string; body: unknown; url?: string }[] = [];
  let refuse = false;
  const fakeDirectLine = http.createServer((req, res) => {
    let data = '';
    req.on('data', (c) => (data += c));
    req.on('end', () => {
      seen.push({ auth: req.headers.authorization, body: JSON.parse(data || '{}'), url: req.url });
      if (refuse) {
        res.statusCode = 403;
        res.end();
        return;
      }
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ conversationId: 'conv-from-azure', token: 'token-from-azure', expires_in: 3600 }));
    });
  });
  let server: restify.Server;
  let url: string;
  let domain: string;

  beforeAll(async () => {
    domain = `http://127.0.0.1:${await listen(fakeDirectLine)}/v3/directline`;
    server = restify.createServer();
    mountDirectLineToken(server, { mode: 'azure', secret: SECRET, domain });
    url = `http://127.0.0.1:${await listen(server)}/api/directline/token`;
  });
  afterAll(async () => {
    await stop(server);
    await stop(fakeDirectLine);
  });

  test('swaps the secret for a token with a dl_ user id; the secret stays on the server', async () => {
    const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).not.toContain(SECRET);
    const body = JSON.parse(text);
    expect(body).toMatchObject({
      token: 'token-from-azure',
      conversationId: 'conv-from-azure',
      expires_in: 3600,
      domain,
    });
    expect(body.userId).toMatch(/^dl_[0-9a-f-]{36}$/);
    const call = seen[seen.length - 1];
    expect(call.url).toBe('/v3/directline/tokens/generate');
    expect(call.auth).toBe(`Bearer ${SECRET}`);
    expect(call.body).toEqual({ user: { id: body.userId } });
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  test('every visitor gets a different user id', async () => {
    const a = await (await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' } })).json();
    const b = await (await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' } })).json();
    expect(a.userId).not.toBe(b.userId);
  });

  test('a refusal by Direct Line is a 502 for the page, not a crash and not the secret', async () => {
    refuse = true;
    const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' } });
    refuse = false;
    expect(res.status).toBe(502);
    expect(await res.text()).not.toContain(SECRET);
  });

  test('an unreachable Direct Line is a 502', async () => {
    const lonely = restify.createServer();
    mountDirectLineToken(lonely, { mode: 'azure', secret: SECRET, domain: 'http://127.0.0.1:1/v3/directline' });
    const port = await listen(lonely);
    const res = await fetch(`http://127.0.0.1:${port}/api/directline/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
    });
    await stop(lonely);
    expect(res.status).toBe(502);
  });
});

describe('local mode', () => {
  test('returns a token of the local channel and the domain the browser used', async () => {
    const server = restify.createServer();
    const channel = mountDirectLine(server);
    mountDirectLineToken(server, { mode: 'local', channel });
    const port = await listen(server);
    const res = await fetch(`http://127.0.0.1:${port}/api/directline/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ locale: 'sv-SE' }),
    });
    const body = await res.json();
    expect(body.domain).toBe(`http://127.0.0.1:${port}/v3/directline`);
    expect(body.userId).toMatch(/^dl_/);
    expect(channel.conversations.get(body.conversationId)?.locale).toBe('sv-SE');
    const polled = await fetch(`${body.domain}/conversations/${body.conversationId}/activities`, {
      headers: { Authorization: `Bearer ${body.token}` },
    });
    expect(polled.status).toBe(200);
    channel.close();
    await stop(server);
  });
});
