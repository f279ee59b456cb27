// In local mode anyone may post to /api/messages, so the serviceUrl an activity names must not
// make the bot send requests to other hosts (or probe their ports by timing).
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../../src/config';
import { startHost, type Host } from '../ops/host';
import { postJson } from './attack';

let host: Host;
let listener: http.Server;
let port = 0;
const reached: string[] = [];
beforeAll(async () => {
  listener = http.createServer((req, res) => {
    reached.push(`${req.method} ${req.url}`);
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"id":"1"}');
    });
  });
  await new Promise<void>((r) => listener.listen(0, '127.0.0.1', r));
  port = (listener.address() as AddressInfo).port;
  host = await startHost();
});
afterAll(async () => {
  await host.close();
  listener.closeAllConnections();
  await new Promise((r) => listener.close(r));
});

const message = (serviceUrl: string, conversation: string) => ({
  type: 'message',
  text: 'hei',
  channelId: 'emulator',
  serviceUrl,
  conversation: { id: conversation },
  from: { id: 'u1' },
  recipient: { id: 'bot' },
  locale: 'fi-FI',
});

test.each([
  ['another address of this machine', () => `http://0.0.0.0:${port}/`],
  ['a name for another host', () => `http://${port}.example.invalid/`],
  ['an IPv4-mapped address', () => `http://[::ffff:7f00:1]:${port}/`],
])('a serviceUrl naming %s → 403, and no request leaves the bot', async (_name, url) => {
  reached.length = 0;
  const res = await postJson(`${host.url}/api/messages`, message(url(), `ssrf-${port}`), {}, 10_000);
  expect(res.status).toBe(403);
  await new Promise((r) => setTimeout(r, 300));
  expect(reached).toEqual([]);
});

test('a loopback serviceUrl (the Emulator, a local test channel) still gets its replies', async () => {
  reached.length = 0;
  const res = await postJson(
    `${host.url}/api/messages`,
    message(`http://127.0.0.1:${port}/`, 'loopback-ok'),
    {},
    10_000,
  );
  expect(res.status).toBe(200);
  expect(reached.length).toBeGreaterThan(0);
});

test('without an app id the server listens on 127.0.0.1 unless HOST says otherwise', () => {
  expect(loadConfig({}).HOST).toBe('127.0.0.1');
  expect(loadConfig({ HOST: '0.0.0.0' }).HOST).toBe('0.0.0.0');
  expect(loadConfig({ MicrosoftAppId: 'a', MicrosoftAppPassword: 'p', DIRECT_LINE_SECRET: 's' }).HOST).toBeUndefined();
});
