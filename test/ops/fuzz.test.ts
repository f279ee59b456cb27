// 10 000+ generated bad, odd and hostile activities against the real server: it must stay up and
// answer every one with 2xx or 4xx, never 5xx. Then every route gets every kind of body an
// attacker can send (multipart, urlencoded, chunked, deeply nested, not JSON at all): the same
// rule holds, and nothing lands in the temp folder. Seeded, so a failure can be replayed.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startHost, request, type Host } from './host';

// A private temp folder: formidable (behind restify's bodyParser) would write uploads here.
const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'fuzz-'));
process.env.TMPDIR = temp;

const TOTAL = Number(process.env.FUZZ_TOTAL ?? 10_400); // FUZZ_TOTAL: a smaller run while debugging
const CONCURRENCY = 8;

/** mulberry32: small, fast, seedable. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rnd = prng(20210217);
const int = (n: number) => Math.floor(rnd() * n);
const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)];

const oddStrings = [
  '',
  ' ',
  '\u0000',
  '\uFFFF',
  '\uD800',
  '👩‍👩‍👧‍👦',
  '🇫🇮🇸🇪',
  'Ä'.repeat(500),
  'ｍｉｋｋｅｌｉ',
  'مرحبا',
  'Привет',
  '日本語',
  '<script>alert(1)</script>',
  "'; DROP TABLE users; --",
  '${7*7}',
  '{{7*7}}',
  '%s%s%s',
  '../../etc/passwd',
  '131052-308T',
  'asun Juvalla, olen 27',
  'hjälp',
  'help',
  'restart',
  'poista tietoni',
  'in English please',
  'a'.repeat(5000),
  '\n'.repeat(300),
  '\u202Eevil',
  'null',
  'undefined',
  'NaN',
  '-1',
  '1e309',
];

function junk(depth = 0): unknown {
  switch (int(depth > 2 ? 6 : 9)) {
    case 0:
      return null;
    case 1:
      return int(2) === 0;
    case 2:
      return pick([0, -1, 1.5, 1e308, -0, Number.MAX_SAFE_INTEGER]);
    case 3:
      return pick(oddStrings);
    case 4: // random code points from the whole Unicode range (lone surrogates come from oddStrings)
      return String.fromCodePoint(
        ...Array.from({ length: 1 + int(40) }, () => {
          const c = int(0x110000);
          return c >= 0xd800 && c <= 0xdfff ? 0x41 : c;
        }),
      );
    case 5:
      return undefined;
    case 6:
      return Array.from({ length: int(5) }, () => junk(depth + 1));
    case 7:
      return Object.fromEntries(
        Array.from({ length: int(5) }, () => [
          pick(['type', 'id', 'text', 'a', '__proto__', 'constructor', '']),
          junk(depth + 1),
        ]),
      );
    default:
      return { nested: { deeper: [junk(depth + 1), junk(depth + 1)] } };
  }
}

const TYPES = [
  'message',
  'conversationUpdate',
  'event',
  'invoke',
  'typing',
  'endOfConversation',
  'messageReaction',
  'installationUpdate',
  'deleteUserData',
  'trace',
  'handoff',
  'command',
  'suggestion',
  'contactRelationUpdate',
  'unknownType',
];
const FIELDS = [
  'type',
  'channelId',
  'serviceUrl',
  'conversation',
  'from',
  'recipient',
  'text',
  'locale',
  'value',
  'attachments',
  'channelData',
  'membersAdded',
  'membersRemoved',
  'deliveryMode',
  'name',
  'entities',
  'replyToId',
  'timestamp',
];

let serviceUrl = '';

function baseActivity(i: number): Record<string, unknown> {
  return {
    type: pick(TYPES),
    channelId: pick(['test', 'webchat', 'msteams', 'directline', 'emulator']),
    serviceUrl,
    conversation: { id: `fuzz-${i % 400}` },
    from: { id: `u-${i % 97}` },
    recipient: { id: 'bot' },
    locale: pick(['fi-FI', 'sv-SE', 'en-US', 'xx', '', 'fi']),
    deliveryMode: pick(['expectReplies', 'expectReplies', 'normal']),
    text: pick(oddStrings),
  };
}

/** One generated request body (and content type): mostly activities with something wrong. */
function generate(i: number): { body: string; type: string } {
  const activity = baseActivity(i);
  const kind = int(10);
  if (kind <= 3) {
    // one to three fields replaced with junk or removed
    for (let k = 0; k <= int(3); k++) activity[pick(FIELDS)] = junk();
  } else if (kind === 4) {
    activity.value = junk();
    activity.attachments = [{ contentType: 'application/vnd.microsoft.card.adaptive', content: junk() }];
    activity.type = pick(['message', 'invoke', 'event']);
    activity.name = pick(['adaptiveCard/action', 'signin/verifyState', 'task/fetch', 'x']);
  } else if (kind === 5) {
    const json = JSON.stringify(activity);
    return { body: json.slice(0, int(json.length)), type: 'application/json' }; // truncated JSON
  } else if (kind === 6) {
    return {
      body: JSON.stringify(junk()),
      type: pick(['application/json', 'text/plain', 'application/x-www-form-urlencoded', '']),
    };
  } else if (kind === 7) {
    activity.text = pick(oddStrings).repeat(1 + int(200)); // huge text, sometimes over the body limit
  } else if (kind === 8) {
    activity.membersAdded = Array.from({ length: int(300) }, () => ({ id: junk() }));
  }
  return { body: JSON.stringify(activity), type: 'application/json' };
}

let host: Host;
let sink: http.Server;
beforeAll(async () => {
  // Where replies of non-expectReplies activities go: a stand-in channel that accepts everything.
  sink = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"id":"1"}');
    });
  });
  await new Promise<void>((r) => sink.listen(0, '127.0.0.1', r));
  serviceUrl = `http://127.0.0.1:${(sink.address() as AddressInfo).port}/`;
  host = await startHost({
    RATE_CONVERSATION_PER_MINUTE: '100000',
    RATE_CLIENT_PER_MINUTE: '100000',
    MAX_BODY_BYTES: '65536',
  });
});
afterAll(async () => {
  await host?.close();
  fs.rmSync(temp, { recursive: true, force: true });
  sink?.closeAllConnections();
  await new Promise((r) => sink?.close(r));
});

test(`${TOTAL} malformed, odd and oversized activities: every answer is 2xx or 4xx`, async () => {
  const byStatus = new Map<number, number>();
  const fiveHundreds: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < TOTAL) {
      const i = next++;
      const { body, type } = generate(i);
      const res = await request(`${host.url}/api/messages`, {
        method: 'POST',
        headers: type ? { 'content-type': type } : {},
        body,
        timeoutMs: 10_000,
      }).catch((e: Error) => ({ status: 0, text: e.message }));
      byStatus.set(res.status, (byStatus.get(res.status) ?? 0) + 1);
      if ((res.status >= 500 || res.status === 0) && fiveHundreds.length < 5)
        fiveHundreds.push(`#${i} ${res.status} ${body.slice(0, 300)}`);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const total = [...byStatus.values()].reduce((a, b) => a + b, 0);
  expect(total).toBe(TOTAL);
  expect(fiveHundreds).toEqual([]);
  expect([...byStatus.keys()].filter((s) => s < 200 || s >= 500)).toEqual([]);
  // The generator really produced both accepted and refused requests.
  expect(byStatus.get(200) ?? 0).toBeGreaterThan(TOTAL * 0.05);
  expect([...byStatus.entries()].filter(([s]) => s >= 400).reduce((a, [, n]) => a + n, 0)).toBeGreaterThan(TOTAL * 0.2);
  console.info(
    `fuzz: ${TOTAL} requests, answers by status: ${JSON.stringify(Object.fromEntries([...byStatus].sort()))}`,
  );
  // Still up and answering normally.
  expect((await request(`${host.url}/healthz`)).status).toBe(200);
}, 600_000);

/** Every kind of body, as raw bytes with its headers. */
function bodies(): Array<{
  kind: string;
  headers: Record<string, string>;
  body?: string | Buffer;
  chunked?: Buffer[];
}> {
  const activity = JSON.stringify({ ...baseActivity(int(1000)), type: 'message', deliveryMode: 'expectReplies' });
  const boundary = `----fuzz${int(1e9)}`;
  const file = Buffer.alloc(1 + int(200_000), 0x41);
  const multipart = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    file,
    Buffer.from(
      `\r\n--${boundary}\r\nContent-Disposition: form-data; name="type"\r\n\r\nmessage\r\n--${boundary}--\r\n`,
    ),
  ]);
  const depth = pick([50, 65, 500, 5000, 20_000]);
  const json = { 'content-type': 'application/json' };
  return [
    { kind: 'multipart', headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, body: multipart },
    {
      kind: 'urlencoded',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'type=message&text=hei&from[id]=x',
    },
    {
      kind: 'chunked json',
      headers: json,
      chunked: [Buffer.from(activity.slice(0, 10)), Buffer.from(activity.slice(10))],
    },
    { kind: 'chunked oversized', headers: json, chunked: Array.from({ length: 40 }, () => Buffer.alloc(8192, 0x20)) },
    {
      kind: 'nested',
      headers: json,
      body: `{"type":"message","channelData":${'['.repeat(depth)}${']'.repeat(depth)}}`,
    },
    { kind: 'nested objects', headers: json, body: `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}` },
    {
      kind: 'not json',
      headers: json,
      body: pick(['hello', '<xml/>', '\u0000\u0001', 'type=message', '{"a":1}{"b":2}']),
    },
    {
      kind: 'binary',
      headers: { 'content-type': 'application/octet-stream' },
      body: Buffer.from(Array.from({ length: 64 }, () => int(256))),
    },
    {
      kind: 'gzip',
      headers: { ...json, 'content-encoding': 'gzip' },
      body: Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0]),
    },
    { kind: 'text', headers: { 'content-type': 'text/plain' }, body: activity },
    { kind: 'no type', headers: {}, body: activity },
    { kind: 'json', headers: json, body: activity },
    { kind: 'empty', headers: json, body: '' },
  ];
}

function send(
  url: string,
  method: string,
  headers: Record<string, string>,
  body?: string | Buffer,
  chunked?: Buffer[],
): Promise<number> {
  return new Promise((resolve) => {
    const req = http.request(url, { method, headers, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', () => resolve(0));
    req.setTimeout(10_000, () => req.destroy());
    if (chunked) {
      for (const c of chunked) req.write(c);
    } else if (body !== undefined) req.write(body);
    req.end();
  });
}

test('every route, every kind of body: 2xx or 4xx, never 5xx, and nothing in the temp folder', async () => {
  const started = await request(`${host.url}/v3/directline/conversations`, { method: 'POST' });
  const { conversationId, token } = started.json as { conversationId: string; token: string };
  const auth = { authorization: `Bearer ${token}` };
  const routes: Array<[string, string, Record<string, string>]> = [
    ['POST', '/api/messages', {}],
    ['POST', '/api/directline/token', {}],
    ['GET', '/api/directline/token', {}],
    ['POST', '/v3/directline/conversations', {}],
    ['POST', '/v3/directline/conversations', auth],
    ['POST', `/v3/directline/conversations/${conversationId}/activities`, auth],
    ['POST', `/v3/directline/conversations/${conversationId}/activities`, {}],
    ['GET', `/v3/directline/conversations/${conversationId}/activities`, auth],
    ['GET', `/v3/directline/conversations/${conversationId}`, auth],
    ['POST', '/v3/directline/tokens/refresh', auth],
    ['POST', `/v3/conversations/${conversationId}/activities`, {}],
    ['POST', `/directline-bot/guess/v3/conversations/${conversationId}/activities/x`, {}],
    ['GET', '/', {}],
    ['GET', '/embed', {}],
    ['GET', '/demo', {}],
    ['GET', '/widget.js', {}],
    ['GET', '/static/chat.css', {}],
    ['GET', '/chat/chat-0.js', {}],
    ['GET', '/healthz', {}],
    ['PUT', '/api/messages', {}],
  ];
  const bad: string[] = [];
  const byStatus = new Map<number, number>();
  for (let round = 0; round < 3; round++) {
    for (const [method, route, headers] of routes) {
      for (const b of bodies()) {
        const status = await send(`${host.url}${route}`, method, { ...headers, ...b.headers }, b.body, b.chunked);
        byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
        if (status === 0 || status >= 500) bad.push(`${method} ${route} ${b.kind} → ${status}`);
      }
    }
  }
  console.info(`fuzz (bodies): answers by status: ${JSON.stringify(Object.fromEntries([...byStatus].sort()))}`);
  expect(bad).toEqual([]);
  expect(fs.readdirSync(temp)).toEqual([]);
  expect(byStatus.get(415) ?? 0).toBeGreaterThan(0);
  expect((await request(`${host.url}/healthz`)).status).toBe(200);
}, 600_000);
