// Uploads must never reach the disk: every route reads JSON only, into memory, within its limit.
import * as fs from 'node:fs';
import * as http from 'node:http';
import { URL } from 'node:url';
import { request, startHost, type Host } from '../ops/host';
import { multipart, privateTempDir, startConversation } from './attack';

const temp = privateTempDir();
let host: Host;
let conv: { conversationId: string; token: string };
beforeAll(async () => {
  host = await startHost();
  conv = await startConversation(host);
});
afterAll(async () => {
  await host.close();
  fs.rmSync(temp, { recursive: true, force: true });
});

const routes = (): Array<[string, Record<string, string>]> => [
  ['/api/messages', {}],
  ['/api/directline/token', {}],
  ['/v3/directline/conversations', {}],
  [`/v3/directline/conversations/${conv.conversationId}/activities`, { authorization: `Bearer ${conv.token}` }],
  ['/v3/directline/tokens/refresh', { authorization: `Bearer ${conv.token}` }],
  [`/v3/conversations/${conv.conversationId}/activities`, {}],
  [`/v3/conversations/${conv.conversationId}/activities/reply-1`, {}],
  ['/healthz', {}],
];

test('a multipart upload (1 MB file) to any route → 415, and no file lands in the temp folder', async () => {
  const upload = multipart(1024 * 1024);
  const seen: Array<[string, number, string[]]> = [];
  for (const [path, headers] of routes()) {
    const res = await request(`${host.url}${path}`, {
      method: 'POST',
      headers: { ...headers, 'content-type': upload.type },
      body: upload.body,
    });
    seen.push([path, res.status, fs.readdirSync(temp)]);
  }
  expect(seen).toEqual(routes().map(([path]) => [path, 415, []]));
});

test('a urlencoded or text body to any route → 415', async () => {
  const seen: Array<[string, string, number]> = [];
  for (const [path, headers] of routes()) {
    for (const type of ['application/x-www-form-urlencoded', 'text/plain', 'application/json; charset=latin1']) {
      const res = await request(`${host.url}${path}`, {
        method: 'POST',
        headers: { ...headers, 'content-type': type },
        body: 'type=message&text=hei',
      });
      seen.push([path, type, res.status]);
    }
  }
  expect(seen.filter(([, , status]) => status !== 415)).toEqual([]);
});

test('a gzip-encoded JSON body → 415 (no decompression bomb is inflated)', async () => {
  const res = await request(`${host.url}/v3/directline/conversations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
    body: Buffer.from([0x1f, 0x8b, 0, 0]),
  });
  expect(res.status).toBe(415);
});

test('a chunked JSON body (no length declared) is cut off at the limit while it is read → 413', async () => {
  const url = new URL(`${host.url}/v3/directline/conversations/${conv.conversationId}/activities`);
  const offered = 64 * 1024 * 1024;
  let sent = 0;
  const status = await new Promise<number>((resolve) => {
    let answered = false;
    const req = http.request(
      url,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${conv.token}`,
          'transfer-encoding': 'chunked',
        },
      },
      (res) => {
        answered = true;
        res.resume();
        req.destroy();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', () => resolve(answered ? 0 : -1));
    req.setTimeout(10_000, () => req.destroy());
    req.write('{"type":"message","text":"');
    // 64 MB offered in 64 KB chunks; the server answers long before, and the writes stop.
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    const pump = () => {
      while (!answered && !req.destroyed && sent < offered) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!answered && !req.destroyed) req.end('"}');
    };
    pump();
  });
  expect(status).toBe(413);
  expect(sent).toBeLessThan(offered);
});
