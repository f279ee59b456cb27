import pino from 'pino';
import { redactIdentityCodes } from '../knowledge';

// One structured logger for the whole host. Never log a user's text, age, benefit,
// municipality or identity code: log ids, outcomes and timings only.
//
// The destination can be swapped at run time (captureLogs) so a test can read every line the
// server writes, including lines from child loggers created before the swap.

type Sink = { write(line: string): unknown };

let sink: Sink = pino.destination({ dest: 1, sync: true });
const forwarder: Sink = { write: (line) => sink.write(line) };

const isPlainObject = (v: object) => [Object.prototype, null].includes(Object.getPrototypeOf(v));

/**
 * What of a value may reach a log line: an error as its summary (never its message), a plain
 * object or array field by field, any other object (a request, a socket, a buffer) by its kind.
 */
function loggable(value: unknown, depth = 0): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (value instanceof Error) return errorSummary(value);
  if (value instanceof Date) return value.toISOString();
  if (depth > 8) return '[deep]';
  if (Array.isArray(value)) return value.map((v) => loggable(v, depth + 1));
  if (!isPlainObject(value)) return `[${value.constructor?.name ?? 'object'}]`;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, loggable(v, depth + 1)]));
}

/**
 * Each argument of a log call as it may be logged, with its identity codes redacted before it
 * becomes JSON (ids come from channels and callers: a conversation id can be anything, and a code
 * with a tab or a zero-width space inside is found only before JSON escapes them).
 */
const safe = (value: unknown): unknown => redactIdentityCodes(loggable(value));

export const logger = pino(
  {
    hooks: {
      logMethod(args, method) {
        return method.apply(this, args.map(safe) as Parameters<typeof method>);
      },
    },
    formatters: {
      // A child logger's fields (restify makes children) pass the same way.
      bindings: (bindings) => safe(bindings) as Record<string, unknown>,
    },
    // LOG_LEVEL comes from the validated config (src/index.ts `start` sets it): read here, before
    // the config reads .env, it would miss a value there and crash pino on an empty one.
    level: process.env.NODE_ENV === 'test' ? 'silent' : 'info',
    base: undefined,
    // Belt and braces: even if a caller passes a whole activity, these never reach the log.
    redact: {
      paths: ['text', '*.text', 'activity.text', 'value', '*.value', 'body', '*.body', 'req.body'],
      censor: '[redacted]',
    },
  },
  forwarder,
);

/**
 * Sends every log line (as JSON text) to `lines` until `restore()` is called, at `level` or above.
 * For tests; children created before the call follow too, since they share the destination.
 */
export function captureLogs(level: pino.LevelWithSilent = 'trace'): { lines: string[]; restore(): void } {
  const lines: string[] = [];
  const previousSink = sink;
  const previousLevel = logger.level;
  sink = { write: (line) => lines.push(line) };
  logger.level = level;
  return {
    lines,
    restore() {
      sink = previousSink;
      logger.level = previousLevel;
    },
  };
}

/**
 * What of an error may be logged: its name, code, status and stack frames, never its message (a
 * remote service's answer can quote the user's words).
 */
export function errorSummary(error: unknown): { name?: string; code?: string; statusCode?: number; frames?: string[] } {
  const e = (error ?? {}) as { name?: unknown; code?: unknown; statusCode?: unknown; stack?: unknown };
  const frames =
    typeof e.stack === 'string'
      ? e.stack
          .split('\n')
          .filter((l) => /^\s+at /.test(l))
          .slice(0, 5)
          .map((l) => l.trim())
      : [];
  return {
    name: typeof e.name === 'string' ? e.name : undefined,
    code: typeof e.code === 'string' || typeof e.code === 'number' ? String(e.code) : undefined,
    statusCode: typeof e.statusCode === 'number' ? e.statusCode : undefined,
    frames: frames.length > 0 ? frames : undefined,
  };
}

let consoleRouted = false;

/**
 * Sends what libraries print with console.error and console.warn (botbuilder's CloudAdapter prints
 * every error of `process`, the token validator prints failed verifications) to the logger
 * instead of stderr: as a line that says which library call printed and the kinds of its
 * arguments, an error by its summary, never a text or an error's message. Once per process.
 */
export function routeConsoleToLogger(): void {
  if (consoleRouted) return;
  consoleRouted = true;
  const describe = (args: unknown[]) =>
    args.map((a) => (a instanceof Error ? errorSummary(a) : a === null ? 'null' : typeof a));
  console.error = (...args: unknown[]) => logger.error({ console: describe(args) }, 'a library printed an error');
  console.warn = (...args: unknown[]) => logger.warn({ console: describe(args) }, 'a library printed a warning');
  // Node's own warnings (a library's use of a deprecated API) are no errors of a turn: one line at
  // warn level, by name and code, instead of Node's printing through console.error.
  process.removeAllListeners('warning');
  process.on('warning', (w: Error & { code?: string }) =>
    logger.warn({ warning: w.name, code: w.code }, 'the runtime warned'),
  );
}
