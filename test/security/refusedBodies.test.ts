// A refused request still gets its answer: the server reads and drops a bounded part of a body it
// refuses (or that its route never reads) before it closes, so a client still sending reads the
// status instead of a reset (RFC 9112 §9.6). What it reads is bounded, and slow headers or bodies
// are cut after the configured seconds.
import * as net from 'node:net';
import { Readable } from 'node:stream';
import { startHost, type Host } from '../ops/host';

const MB = 1024 * 1024;

/** A body stream of `bytes` bytes, in 64 KB chunks, counting what the client managed to send. */
function counted(bytes: number, fill = 0x20): { stream: Readable; sent: () => number } {
  let sent = 0;
  const chunk = Buffer.alloc(64 * 1024, fill);
  const stream = new Readable({
    read() {
      if (sent >= bytes) return this.push(null);
      sent += chunk.length;
      this.push(chunk);
    },
  });
  return { stream, sent: () => sent };
}

describe('refused bodies', () => {
  let host: Host;
  beforeAll(async () => {
    host = await startHost({ MAX_BODY_BYTES: String(64 * 1024) });
  });
  afterAll(() => host.close());

  test.each([
    ['declared length', true],
    ['chunked', false],
  ])("Node's fetch reads a 413 for a 16 MB body (%s), not a reset", async (_kind, declared) => {
    const { stream } = counted(16 * MB, 0x20);
    const res = await fetch(`${host.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(declared ? { 'content-length': String(16 * MB) } : {}) },
      body: Readable.toWeb(stream) as ReadableStream,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
  });

  test.each([
    ['/api/messages', 'text/plain'],
    ['/api/directline/token', 'multipart/form-data; boundary=x'],
    ['/no/such/route', 'application/octet-stream'],
  ])("Node's fetch reads a 415 for an 8 MB body to %s (%s), not a reset", async (path, type) => {
    const { stream } = counted(8 * MB);
    const res = await fetch(`${host.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': type },
      body: Readable.toWeb(stream) as ReadableStream,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(415);
  });

  /**
   * Sends the headers and then the whole declared body over a raw socket, reading the answer
   * meanwhile; resolves with the answer and how the connection ended (an orderly end, or an error
   * such as a reset while the client was still sending).
   */
  function sendWhole(head: string, bytes: number): Promise<{ answer: string; error?: string }> {
    return new Promise((resolve) => {
      const socket = net.connect(host.port, '127.0.0.1');
      let answer = '';
      let error: string | undefined;
      socket.on('data', (c: Buffer) => (answer += c.toString('latin1')));
      socket.on('error', (e: NodeJS.ErrnoException) => (error = e.code ?? e.message));
      socket.on('close', () => resolve({ answer, error }));
      socket.write(head);
      const chunk = Buffer.alloc(16 * 1024, 0x20);
      let sent = 0;
      const pump = () => {
        while (sent < bytes && !socket.destroyed) {
          sent += chunk.length;
          if (!socket.write(chunk)) return void socket.once('drain', pump);
        }
        if (!socket.destroyed) socket.end();
      };
      // Write on after the answer has come: the client is still sending when it is refused.
      socket.once('data', pump);
    });
  }

  test.each([
    ['413, too large', 'application/json', /^HTTP\/1\.1 413 /],
    ['415, not JSON', 'text/plain', /^HTTP\/1\.1 415 /],
  ])('a refused body (%s) that the client goes on sending is read to its end: no reset', async (_k, type, status) => {
    const bytes = 512 * 1024;
    const { answer, error } = await sendWhole(
      `POST /api/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: ${type}\r\nContent-Length: ${bytes}\r\n\r\n`,
      bytes,
    );
    expect(answer).toMatch(status);
    expect(error).toBeUndefined();
  });

  test('a 200 MB body on GET /healthz: answered at once, and the server stops reading and closes', async () => {
    const total = 200 * MB;
    const socket = net.connect(host.port, '127.0.0.1');
    let answer = '';
    let written = 0;
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    socket.on('error', () => undefined);
    socket.on('data', (c: Buffer) => (answer += c.toString('latin1')));
    socket.write(
      `GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${total}\r\n\r\n`,
    );
    const chunk = Buffer.alloc(256 * 1024, 0x20);
    // Write as fast as the server reads, until it closes or everything is sent.
    while (!socket.destroyed && written < total) {
      written += chunk.length;
      if (!socket.write(chunk)) {
        await new Promise<void>((resolve) => {
          socket.once('drain', resolve);
          socket.once('close', resolve);
        });
      }
    }
    await closed;
    expect(answer).toMatch(/^HTTP\/1\.1 200 /);
    // What it read is bounded: far from the 200 MB (the rest never left the client's buffers).
    expect(written).toBeLessThan(total / 4);
  });
});

describe('slow requests', () => {
  let host: Host;
  beforeAll(async () => {
    host = await startHost({ HEADERS_TIMEOUT_SECONDS: '1', REQUEST_TIMEOUT_SECONDS: '2' });
  });
  afterAll(() => host.close());

  /** Sends `first`, then nothing more; resolves with what the server answered when it closed. */
  function stall(first: string): Promise<string> {
    return new Promise((resolve) => {
      const socket = net.connect(host.port, '127.0.0.1');
      let answer = '';
      socket.on('data', (c: Buffer) => (answer += c.toString('latin1')));
      socket.on('error', () => undefined);
      socket.on('close', () => resolve(answer));
      socket.write(first);
    });
  }

  test('headers that never finish are cut with 408 after HEADERS_TIMEOUT_SECONDS', async () => {
    expect(await stall('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ')).toMatch(/^HTTP\/1\.1 408 /);
  });

  test('a body that never finishes is cut with 408 after REQUEST_TIMEOUT_SECONDS', async () => {
    const answer = await stall(
      'POST /api/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"ty',
    );
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
  });

  test('the timeouts are validated: the request timeout cannot be shorter than the headers timeout', async () => {
    const { loadConfig } = await import('../../src/config');
    expect(() => loadConfig({ HEADERS_TIMEOUT_SECONDS: '30', REQUEST_TIMEOUT_SECONDS: '10' })).toThrow(
      /REQUEST_TIMEOUT_SECONDS/,
    );
    expect(loadConfig({}).HEADERS_TIMEOUT_SECONDS).toBeLessThan(60);
    expect(loadConfig({}).REQUEST_TIMEOUT_SECONDS).toBeLessThan(300);
  });
});
