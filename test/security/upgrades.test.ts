// Upgrade requests that no route serves: each gets an HTTP error and a closed socket, in local and
// Azure mode, so a flood of them cannot pile up open sockets and take the server down.
import * as net from 'node:net';
import { request, startHost, type Host } from '../ops/host';
import { startConversation } from './attack';

interface UpgradeAnswer {
  /** The status line the server wrote, '' when it wrote none. */
  statusLine: string;
  /** True when the server closed the socket (without the client closing first). */
  closedByServer: boolean;
}

/** Sends one Upgrade request over a raw socket and waits (at most 5 s) for the server to close it. */
function upgrade(host: Host, path: string, extra = ''): Promise<UpgradeAnswer> {
  return new Promise((resolve) => {
    const socket = net.connect(host.port, '127.0.0.1');
    let received = '';
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ statusLine: received.split('\r\n')[0], closedByServer: false });
    }, 5000);
    socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ statusLine: received.split('\r\n')[0], closedByServer: true });
    });
    socket.write(
      `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n` +
        `Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n${extra}\r\n`,
    );
  });
}

const connections = (host: Host): Promise<number> =>
  new Promise((resolve, reject) => host.server.server.getConnections((err, n) => (err ? reject(err) : resolve(n))));

/** The server's open sockets once the last closes have been processed (it sees a close after the client does). */
async function settledConnections(host: Host): Promise<number> {
  let n = await connections(host);
  for (let i = 0; i < 40 && n > 0; i++) {
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setTimeout(r, 25));
    n = await connections(host);
  }
  return n;
}

const PATHS = [
  '/',
  '/healthz',
  '/api/messages',
  '/widget.js',
  '/no/such/path',
  '/v3/directline/',
  '/%2e%2e/x',
  '/api/directline/token',
];

describe.each([
  ['local mode', {}],
  ['Azure mode', { MicrosoftAppId: 'app', MicrosoftAppPassword: 'pw', DIRECT_LINE_SECRET: 'secret' }],
])('%s', (_mode, env) => {
  let host: Host;
  beforeAll(async () => {
    host = await startHost(env);
  });
  afterAll(() => host.close());

  test.each(PATHS)('an Upgrade to %s gets an HTTP error and a closed socket', async (path) => {
    const answer = await upgrade(host, path);
    expect(answer.statusLine).toMatch(/^HTTP\/1\.1 4\d\d /);
    expect(answer.closedByServer).toBe(true);
  });

  test('300 unserved Upgrades leave no socket open, and /healthz still answers', async () => {
    const answers = await Promise.all(Array.from({ length: 300 }, (_, i) => upgrade(host, `/flood/${i}`)));
    expect(answers.filter((a) => !a.closedByServer)).toEqual([]);
    expect(await settledConnections(host)).toBe(0);
    expect((await request(`${host.url}/healthz`)).status).toBe(200);
  });
});

test('the built-in channel still takes its own stream, and refuses a stream with a wrong token with 403', async () => {
  const host = await startHost();
  try {
    const conv = await startConversation(host);
    const wrong = await upgrade(host, `/v3/directline/conversations/${conv.conversationId}/stream?t=forged`);
    expect(wrong.statusLine).toBe('HTTP/1.1 403 Forbidden');
    expect(wrong.closedByServer).toBe(true);

    const stream = new URL(conv.streamUrl);
    const socket = net.connect(host.port, '127.0.0.1');
    const first = await new Promise<string>((resolve) => {
      socket.once('data', (chunk: Buffer) => resolve(chunk.toString('latin1').split('\r\n')[0]));
      socket.write(
        `GET ${stream.pathname}${stream.search} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade\r\n` +
          `Upgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n`,
      );
    });
    socket.destroy();
    expect(first).toBe('HTTP/1.1 101 Switching Protocols');
  } finally {
    await host.close();
  }
});
