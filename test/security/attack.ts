import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { request, type Host, type Reply } from '../ops/host';

// Shared pieces of the attack tests: what an anonymous caller can send, and where it would show.

/** A private temp folder for this test file: os.tmpdir() (where formidable writes uploads) points at it. */
export function privateTempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sec-'));
  process.env.TMPDIR = dir;
  return dir;
}

/** A multipart/form-data body with one file part, as a browser form upload sends it. */
export function multipart(bytes: number): { body: Buffer; type: string } {
  const boundary = '----attackboundary7MA4YWxkTrZu0gW';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="evil.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  const tail = `\r\n--${boundary}--\r\n`;
  return {
    body: Buffer.concat([Buffer.from(head), Buffer.alloc(bytes, 0x41), Buffer.from(tail)]),
    type: `multipart/form-data; boundary=${boundary}`,
  };
}

/**
 * A conversation of the built-in Direct Line, started with POST /conversations as DirectLineJS
 * starts one (here with no token: the channel answers with a new conversation and its token).
 */
export async function startConversation(
  host: Host,
): Promise<{ conversationId: string; token: string; streamUrl: string }> {
  const res = await request(`${host.url}/v3/directline/conversations`, { method: 'POST' });
  if (res.status !== 201) throw new Error(`conversation not started: ${res.status}`);
  return res.json as { conversationId: string; token: string; streamUrl: string };
}

export const postJson = (
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
  timeoutMs = 10_000,
): Promise<Reply> =>
  request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
    timeoutMs,
  });

/** `[[[…]]]` nested `depth` deep. */
export const nested = (depth: number): string => '['.repeat(depth) + ']'.repeat(depth);
