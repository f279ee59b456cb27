// WebSocket streams of the built-in Direct Line: an address cannot hold more open streams than the
// caps, upgrades are rate-limited per address, and a stream that stops answering is cut.
import * as net from 'node:net';
import * as restify from 'restify';
import type { AddressInfo } from 'node:net';
import { mountDirectLine, type LocalDirectLine } from '../../src/directline';

let server: restify.Server;
let channel: LocalDirectLine;
let port = 0;
beforeAll(async () => {
  server = restify.createServer();
  channel = mountDirectLine(server, {
    maxSocketsPerConversation: 2,
    maxSocketsPerAddress: 6,
    upgradesPerMinute: 30,
    streamHeartbeatMs: 300,
    maxConversationsPerAddress: 100,
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  channel.close();
  await new Promise<void>((r) => server.close(() => r()));
});

interface Raw {
  socket: net.Socket;
  status: Promise<number>;
  closed: boolean;
}

/** A WebSocket client that completes the handshake and then never reads, answers or closes. */
function deafClient(path: string, localAddress = '127.0.0.1'): Raw {
  const socket = net.connect({ port, host: '127.0.0.1', localAddress });
  const raw: Raw = { socket, closed: false, status: Promise.resolve(0) };
  raw.status = new Promise((resolve) => {
    socket.once('data', (d: Buffer) => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(d.toString('latin1'))?.[1] ?? 0)));
    socket.once('close', () => resolve(0));
  });
  socket.on('close', () => (raw.closed = true));
  socket.on('error', () => undefined);
  socket.write(
    `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
      `Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`,
  );
  return raw;
}

const streamPath = (c: { conversationId: string; token: string }) =>
  `/v3/directline/conversations/${c.conversationId}/stream?t=${encodeURIComponent(c.token)}`;
/** Resolves once `check` holds (the server's closes have reached the clients), or fails after `ms`. */
async function until(check: () => boolean, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
const destroyAll = (clients: Raw[]) => clients.forEach((c) => c.socket.destroy());

test('20 streams on one conversation whose clients never answer a close frame: at most the cap stay open', async () => {
  const conv = channel.createConversation(undefined, '127.0.0.9');
  const clients: Raw[] = [];
  for (let i = 0; i < 20; i++) {
    const c = deafClient(streamPath(conv), '127.0.0.9');
    clients.push(c);
    await c.status;
  }
  await until(() => clients.filter((c) => !c.closed).length <= 2);
  destroyAll(clients);
});

test('one address cannot hold more open streams than its cap across conversations', async () => {
  const clients: Raw[] = [];
  const statuses: number[] = [];
  for (let i = 0; i < 10; i++) {
    const conv = channel.createConversation(undefined, '127.0.0.10');
    const c = deafClient(streamPath(conv), '127.0.0.10');
    clients.push(c);
    statuses.push(await c.status);
  }
  await until(() => clients.filter((c) => !c.closed).length <= 6);
  expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
  destroyAll(clients);
});

test('upgrades are rate-limited per address: the 31st within a minute gets 429', async () => {
  const statuses: number[] = [];
  for (let i = 0; i < 35; i++) {
    const c = deafClient('/v3/directline/conversations/nope/stream?t=x', '127.0.0.11');
    statuses.push(await c.status);
    c.socket.destroy();
  }
  expect(statuses.slice(0, 30).every((s) => s !== 429)).toBe(true);
  expect(statuses.slice(30)).toEqual([429, 429, 429, 429, 429]);
});

test('a stream that answers no ping is cut within two heartbeats', async () => {
  const conv = channel.createConversation(undefined, '127.0.0.12');
  const c = deafClient(streamPath(conv), '127.0.0.12');
  expect(await c.status).toBe(101);
  await until(() => c.closed);
});
