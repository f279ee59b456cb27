// The per-address limits hold for what the router serves, whatever the path looks like on the
// wire: a percent-encoded, absolute-form or query-laden path that reaches a route counts in the
// same bucket as the plain one, and a form the router does not serve is never served unlimited.
// Addresses are counted by the block one subscriber holds (an IPv6 /64; an IPv4 address whole,
// also written IPv4-mapped), and the token route answers POST only.
import * as net from 'node:net';
import { startHost, type Host } from '../ops/host';

/** One request over a raw socket, the request line exactly as given; resolves with the status. */
export function rawStatus(host: Host, method: string, target: string, headers: Record<string, string> = {}) {
  return new Promise<number>((resolve, reject) => {
    const socket = net.connect(host.port, '127.0.0.1');
    let received = '';
    socket.on('data', (c: Buffer) => {
      received += c.toString('latin1');
      const m = /^HTTP\/1\.1 (\d{3})/.exec(received);
      if (m) {
        socket.destroy();
        resolve(Number(m[1]));
      }
    });
    socket.on('error', reject);
    const lines = Object.entries({
      host: '127.0.0.1',
      'content-type': 'application/json',
      'content-length': '0',
      connection: 'close',
      ...headers,
    }).map(([k, v]) => `${k}: ${v}`);
    socket.write(`${method} ${target} HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n`);
  });
}

const TOKEN_FORMS = [
  '/api/directline/token',
  '/api/directline/toke%6e',
  '/api/directline/%74%6F%6B%65%6E',
  '/%61pi/directline/token',
  '/api/direct%6cine/token?x=1',
  '/api/directline/token#fragment',
  'http://127.0.0.1/api/directline/toke%6E',
];
const NOT_SERVED = [
  '/api/directline/token/',
  '/api//directline/token',
  '//api/directline/token',
  '/API/directline/token',
  '/api/directline%2Ftoken',
  '/api/directline/token%20',
  '/api/directline/./token',
];

describe('limits keyed on the route', () => {
  let host: Host;
  beforeAll(async () => {
    host = await startHost({ RATE_CLIENT_PER_MINUTE: String(TOKEN_FORMS.length), TRUST_PROXY: '1' });
  });
  afterAll(() => host.close());

  test('every form of the token path that the router serves spends the same bucket', async () => {
    const from = { 'x-forwarded-for': '203.0.113.7' };
    const served = [];
    for (const target of TOKEN_FORMS) served.push([target, await rawStatus(host, 'POST', target, from)]);
    expect(served).toEqual(TOKEN_FORMS.map((t) => [t, 200]));
    // The bucket is empty now, whichever form comes next.
    for (const target of TOKEN_FORMS)
      expect([target, await rawStatus(host, 'POST', target, from)]).toEqual([target, 429]);
    // Another address is untouched.
    expect(await rawStatus(host, 'POST', '/api/directline/token', { 'x-forwarded-for': '203.0.113.8' })).toBe(200);
  });

  test('a form the router does not serve gets 404, never a token', async () => {
    for (const target of NOT_SERVED) {
      expect([target, await rawStatus(host, 'POST', target, { 'x-forwarded-for': '203.0.113.9' })]).toEqual([
        target,
        404,
      ]);
    }
  });

  test('the built-in channel counts an encoded path like the plain one', async () => {
    const from = { 'x-forwarded-for': '198.51.100.40' };
    const forms = ['/v3/directline/conversations', '/v3/directline/conversation%73', '/v3/%64irectline/conversations'];
    const statuses: number[] = [];
    for (let i = 0; i < TOKEN_FORMS.length + 2; i++) statuses.push(await rawStatus(host, 'POST', forms[i % 3], from));
    expect(statuses.slice(0, TOKEN_FORMS.length).every((s) => s === 201)).toBe(true);
    expect(statuses.slice(TOKEN_FORMS.length)).toEqual([429, 429]);
  });

  test('the token route answers POST only: GET, HEAD and others get 405 and start nothing', async () => {
    const from = { 'x-forwarded-for': '198.51.100.77' };
    for (const method of ['GET', 'HEAD', 'PUT', 'DELETE']) {
      expect([method, await rawStatus(host, method, '/api/directline/token', from)]).toEqual([method, 405]);
    }
    expect(host.hardening).toBeDefined();
    expect(await rawStatus(host, 'POST', '/api/directline/token', from)).toBe(200);
  });
});

describe('addresses counted by the block one subscriber holds', () => {
  let host: Host;
  beforeAll(async () => {
    host = await startHost({ RATE_CLIENT_PER_MINUTE: '2', TRUST_PROXY: '1' });
  });
  afterAll(() => host.close());

  const token = (address: string) => rawStatus(host, 'POST', '/api/directline/token', { 'x-forwarded-for': address });

  test('every address of one IPv6 /64 shares one bucket; the next /64 has its own', async () => {
    const inOne = [
      '2001:db8:1:2::1',
      '2001:DB8:1:2:ffff:ffff:ffff:ffff',
      '[2001:db8:1:2::3]:443',
      '2001:0db8:0001:0002::9',
    ];
    const statuses = [];
    for (const a of inOne) statuses.push(await token(a));
    expect(statuses).toEqual([200, 200, 429, 429]);
    expect(await token('2001:db8:1:3::1')).toBe(200);
  });

  test('an IPv4-mapped address counts as its IPv4 address, whole', async () => {
    expect(await token('192.0.2.10')).toBe(200);
    expect(await token('::ffff:192.0.2.10')).toBe(200);
    expect(await token('::ffff:c000:020a')).toBe(429);
    // The neighbouring IPv4 address is another subscriber.
    expect(await token('::ffff:192.0.2.11')).toBe(200);
  });

  test("the built-in channel's conversation cap per address counts a /64 as one address", async () => {
    const capped = await startHost({ TRUST_PROXY: '1', RATE_CLIENT_PER_MINUTE: '1000' });
    try {
      const statuses: number[] = [];
      for (let i = 1; i <= 25; i++) {
        statuses.push(
          await rawStatus(capped, 'POST', '/v3/directline/conversations', {
            'x-forwarded-for': `2001:db8:aa:bb::${i.toString(16)}`,
          }),
        );
      }
      expect(statuses.filter((s) => s === 201).length).toBeLessThan(25);
      expect(statuses.at(-1)).toBe(429);
    } finally {
      await capped.close();
    }
  });
});

describe('conversations start only from our own page', () => {
  let host: Host;
  beforeAll(async () => {
    host = await startHost();
  });
  afterAll(() => host.close());

  test('the token route wants a JSON request; a request a browser marks cross-site gets 403', async () => {
    expect(await rawStatus(host, 'POST', '/api/directline/token', { 'content-type': 'text/plain' })).toBe(415);
    expect(
      await rawStatus(host, 'POST', '/api/directline/token', { 'content-type': 'application/x-www-form-urlencoded' }),
    ).toBe(415);
    expect(await rawStatus(host, 'POST', '/api/directline/token', { 'sec-fetch-site': 'cross-site' })).toBe(403);
    expect(await rawStatus(host, 'POST', '/v3/directline/conversations', { 'sec-fetch-site': 'cross-site' })).toBe(403);
    expect(await rawStatus(host, 'POST', '/api/directline/token', { 'sec-fetch-site': 'same-origin' })).toBe(200);
  });
});

describe('the stream, reached by Upgrade, is matched as the router matches', () => {
  let host: Host;
  beforeAll(async () => {
    host = await startHost();
  });
  afterAll(() => host.close());

  /** Opens an Upgrade and resolves with its status line; the socket stays open until `close`. */
  function upgrade(target: string): Promise<{ status: number; close(): void }> {
    return new Promise((resolve, reject) => {
      const socket = net.connect(host.port, '127.0.0.1');
      socket.once('data', (c: Buffer) =>
        resolve({
          status: Number(/^HTTP\/1\.1 (\d{3})/.exec(c.toString('latin1'))?.[1]),
          close: () => socket.destroy(),
        }),
      );
      socket.on('error', reject);
      socket.write(
        `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n` +
          `Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n`,
      );
    });
  }

  test('an encoded stream path is the stream, and counts against the streams an address may hold', async () => {
    const forms = (id: string) => [
      `/v3/directline/conversations/${id}/stream`,
      `/v3/directline/conversations/${id}/strea%6d`,
      `/v3/%64irectline/conversations/${id}/stream`,
    ];
    const open: { status: number; close(): void }[] = [];
    try {
      // Three conversations, three forms each: 8 streams an address are allowed, the 9th is not.
      for (let c = 0; c < 3; c++) {
        const conv = (await (await fetch(`${host.url}/v3/directline/conversations`, { method: 'POST' })).json()) as {
          conversationId: string;
          token: string;
        };
        for (const path of forms(conv.conversationId)) {
          open.push(await upgrade(`${path}?t=${encodeURIComponent(conv.token)}`));
        }
      }
      expect(open.map((o) => o.status)).toEqual([101, 101, 101, 101, 101, 101, 101, 101, 429]);
    } finally {
      for (const o of open) o.close();
    }
  });
});
