import type { Request, Response, Next, RequestHandler } from 'restify';

// The one way this server reads a request body: JSON only, read into memory up to a byte limit
// that is enforced while the bytes arrive, and parsed only when its nesting is shallow enough.
// Nothing is ever written to disk (restify's bodyParser would hand multipart bodies to formidable,
// which stores every uploaded file in the temp folder before any route runs).

/** Writes an error answer in the route's own shape (Bot Connector or Direct Line). */
export type SendError = (res: Response, status: number, code: string, message: string) => void;

export interface JsonBodyOptions {
  maxBytes: number;
  /** Deepest nesting of arrays and objects accepted (recursive code further on must not overflow). */
  maxDepth?: number;
  send: SendError;
}

/** Bot Framework activities with Adaptive Cards nest a few dozen levels at most. */
const DEFAULT_MAX_DEPTH = 64;

/** True when the request carries a body (a declared length above 0, or chunked). */
function hasBody(req: Request): boolean {
  const length = req.headers['content-length'];
  if (length !== undefined) return Number(length) > 0 || !/^\d+$/.test(String(length));
  return req.headers['transfer-encoding'] !== undefined;
}

/** `application/json`, with an optional charset of utf-8, and no content encoding. */
function isPlainJson(req: Request): boolean {
  const type = String(req.headers['content-type'] ?? '').toLowerCase();
  const [media, ...params] = type.split(';').map((s) => s.trim());
  if (media !== 'application/json') return false;
  if (params.some((p) => p.startsWith('charset=') && !/^charset="?utf-8"?$/.test(p))) return false;
  const encoding = String(req.headers['content-encoding'] ?? 'identity').toLowerCase();
  return encoding === 'identity';
}

/**
 * Answers and marks the connection to be closed: the rest of a refused body is read only up to the
 * bound of src/http/unreadBodies.ts, so the client reads this answer, not a reset.
 */
function refuse(res: Response, send: SendError, status: number, code: string, message: string): void {
  res.header('Connection', 'close');
  send(res, status, code, message);
}

/** The deepest nesting of arrays and objects in a JSON text, stopping once past `limit`. */
function jsonDepth(text: string, limit: number): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > limit) return deepest;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return deepest;
}

/** A JSON object (not null, not an array): what a body or a decoded token part must be. */
export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Drops every `__proto__` key (JSON.parse keeps one as an own property). */
const dropProtoKeys = (key: string, value: unknown) => (key === '__proto__' ? undefined : value);

/**
 * The body's value, with no `__proto__` key at any depth: a validator or a spread that copies keys
 * one by one would give its copy that key's value as its prototype, whose fields (a `text`, say)
 * every later reader would then see past the checks. A key can spell `__proto__` only literally or
 * with a \u escape, so only a text holding either is parsed with the (slower) reviver.
 */
export function parseJson(text: string): unknown {
  return text.includes('__proto__') || text.includes('\\u') ? JSON.parse(text, dropProtoKeys) : JSON.parse(text);
}

/**
 * A server.pre handler for the whole server: a request that carries a body other than plain JSON
 * gets 415 on every path, whether or not its route reads bodies.
 */
export function refuseNonJsonBodies(send: SendError) {
  return (req: Request, res: Response, next: Next): void => {
    if (hasBody(req) && !isPlainJson(req)) {
      refuse(res, send, 415, 'UnsupportedMediaType', 'Content-Type must be application/json');
      return next(false);
    }
    return next();
  };
}

/**
 * The route handler that reads the body: 415 for anything but JSON, 413 as soon as more than
 * `maxBytes` have arrived (or are declared), 400 for malformed or too deeply nested JSON. A request
 * without a body gets `req.body` undefined.
 */
export function jsonBody(options: JsonBodyOptions): RequestHandler {
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  const tooLarge = `The body is larger than ${options.maxBytes} bytes.`;
  return (req: Request, res: Response, next: Next): void => {
    req.body = undefined;
    if (!hasBody(req)) return next();
    if (!isPlainJson(req)) {
      refuse(res, options.send, 415, 'UnsupportedMediaType', 'Content-Type must be application/json');
      return next(false);
    }
    if (Number(req.headers['content-length'] ?? 0) > options.maxBytes) {
      refuse(res, options.send, 413, 'PayloadTooLarge', tooLarge);
      return next(false);
    }
    const chunks: Buffer[] = [];
    let received = 0;
    let finished = false;
    const done = (answer?: [number, string, string]) => {
      if (finished) return;
      finished = true;
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      if (answer) {
        refuse(res, options.send, ...answer);
        return next(false);
      }
      return next();
    };
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > options.maxBytes) {
        req.pause();
        return done([413, 'PayloadTooLarge', tooLarge]);
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      const text = Buffer.concat(chunks).toString('utf8');
      if (text.trim() === '') return done();
      if (jsonDepth(text, maxDepth) > maxDepth) return done([400, 'BadRequest', 'The body is nested too deeply.']);
      try {
        req.body = parseJson(text);
      } catch {
        return done([400, 'BadRequest', 'The body is not valid JSON.']);
      }
      return done();
    };
    const onError = () => done([400, 'BadRequest', 'The body could not be read.']);
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  };
}
