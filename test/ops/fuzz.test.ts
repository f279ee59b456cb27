// 10 000+ generated bad, odd and hostile activities against the real server: it must stay up and
// answer every one with 2xx or 4xx, never 5xx. Seeded, so a failure can be replayed.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startHost, request, type Host } from './host';

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
  '', ' ', '\u0000', '\uFFFF', '\uD800', '👩‍👩‍👧‍👦', '🇫🇮🇸🇪', 'Ä'.repeat(500), 'ｍｉｋｋｅｌｉ', 'مرحبا', 'Привет', '日本語',
  '<script>alert(1)</script>', "'; DROP TABLE users; --", '${7*7}', '{{7*7}}', '%s%s%s', '../../etc/passwd',
  '131052-308T', 'asun Juvalla, olen 27', 'hjälp', 'help', 'restart', 'poista tietoni', 'in English please',
  'a'.repeat(5000), '\n'.repeat(300), '\u202Eevil', 'null', 'undefined', 'NaN', '-1', '1e309',
];

function junk(depth = 0): unknown {
  switch (int(depth > 2 ? 6 : 9)) {
    case 0: return null;
    case 1: return int(2) === 0;
    case 2: return pick([0, -1, 1.5, 1e308, -0, Number.MAX_SAFE_INTEGER]);
    case 3: return pick(oddStrings);
    case 4: // random code points from the whole Unicode range (lone surrogates come from oddStrings)
      return String.fromCodePoint(...Array.from({ length: 1 + int(40) }, () => {
        const c = int(0x110000);
        return c >= 0xd800 && c <= 0xdfff ? 0x41 : c;
      }));
    case 5: return undefined;
    case 6: return Array.from({ length: int(5) }, () => junk(depth + 1));
    case 7: return Object.fromEntries(Array.from({ length: int(5) }, () => [pick(['type', 'id', 'text', 'a', '__proto__', 'constructor', '']), junk(depth + 1)]));
    default: return { nested: { deeper: [junk(depth + 1), junk(depth + 1)] } };
  }
}

const TYPES = ['message', 'conversationUpdate', 'event', 'invoke', 'typing', 'endOfConversation', 'messageReaction',
  'installationUpdate', 'deleteUserData', 'trace', 'handoff', 'command', 'suggestion', 'contactRelationUpdate', 'unknownType'];
const FIELDS = ['type', 'channelId', 'serviceUrl', 'conversation', 'from', 'recipient', 'text', 'locale', 'value',
  'attachments', 'channelData', 'membersAdded', 'membersRemoved', 'deliveryMode', 'name', 'entities', 'replyToId', 'timestamp'];

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
    return { body: JSON.stringify(junk()), type: pick(['application/json', 'text/plain', 'application/x-www-form-urlencoded', '']) };
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
  host = await startHost({ RATE_CONVERSATION_PER_MINUTE: '100000', MAX_BODY_BYTES: '65536' });
});
afterAll(async () => {
  await host?.close();
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
      if ((res.status >= 500 || res.status === 0) && fiveHundreds.length < 5) fiveHundreds.push(`#${i} ${res.status} ${body.slice(0, 300)}`);
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
  console.info(`fuzz: ${TOTAL} requests, answers by status: ${JSON.stringify(Object.fromEntries([...byStatus].sort()))}`);
  // Still up and answering normally.
  expect((await request(`${host.url}/healthz`)).status).toBe(200);
}, 600_000);
