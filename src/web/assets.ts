import * as fs from 'fs';
import * as path from 'path';
import { brotliCompress, brotliCompressSync, constants as zlibConstants, gzip, gzipSync } from 'zlib';
import { promisify } from 'util';
import { createHash } from 'crypto';
import type * as restify from 'restify';
import { pickEncoding } from './encoding';

// Our static files as they are sent: read and compressed once (gzip and Brotli), with an ETag and
// their cache lifetime, then answered in the encoding the browser accepts (or 304).

export interface Asset {
  type: string;
  body: Buffer;
  gzip: Buffer;
  /** Brotli, for the browsers that accept it (all current ones): smaller than gzip. */
  br: Buffer;
  etag: string;
  /** Cache-Control's value. */
  cache: string;
}

const TYPES: Record<string, string> = {
  '.js': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

const etagOf = (body: Buffer) => `"${createHash('sha1').update(body).digest('base64url')}"`;
const revalidateAfter = (seconds: number) => `public, max-age=${seconds}`;
/** The chat's built files are named by their content's hash: a new build has new names. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

const BROTLI = { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } };

/** A small file of ours, read and compressed once at start-up. */
export function asset(file: string, maxAge: number, body: Buffer = fs.readFileSync(file)): Asset {
  const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
  return {
    type,
    body,
    gzip: gzipSync(body, { level: 9 }),
    br: brotliCompressSync(body, BROTLI),
    etag: etagOf(body),
    cache: revalidateAfter(maxAge),
  };
}

/** A big file: compressed off the event loop (zlib's thread pool), so no conversation waits for it. */
export async function bigAsset(name: string, body: Buffer): Promise<Asset> {
  const [gz, br] = await Promise.all([promisify(gzip)(body, { level: 9 }), promisify(brotliCompress)(body, BROTLI)]);
  return { type: TYPES[path.extname(name)], body, gzip: gz, br, etag: etagOf(body), cache: IMMUTABLE };
}

export function sendAsset(req: restify.Request, res: restify.Response, a: Asset): void {
  res.setHeader('Content-Type', a.type);
  res.setHeader('Cache-Control', a.cache);
  res.setHeader('ETag', a.etag);
  res.setHeader('Vary', 'Accept-Encoding');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  if (req.headers['if-none-match'] === a.etag) {
    res.writeHead(304);
    res.end();
    return;
  }
  const encoding = pickEncoding(req);
  if (encoding) res.setHeader('Content-Encoding', encoding);
  const body = encoding === 'br' ? a.br : encoding === 'gzip' ? a.gzip : a.body;
  res.setHeader('Content-Length', body.length);
  res.writeHead(200);
  res.end(body);
}

export function notFound(res: restify.Response): void {
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end('Not found');
}
