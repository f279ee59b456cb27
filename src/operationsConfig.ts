import { z } from 'zod';
import { blankAsUnset, optionalText, wholeNumber as number, withDefault } from './envVars';

// The configuration variables of state, limits, auth and shutdown. Spread into the host's
// schema in src/config.ts, so they are validated, defaulted and reported like every other one.

export const operationsShape = {
  /** memory (default: one instance, bounded, forgets idle conversations) | blob (Azure Blob Storage, shared). */
  STORAGE: withDefault(
    'memory',
    z.enum(['memory', 'blob'], { errorMap: () => ({ message: 'must be memory or blob' }) }),
  ),
  /** With STORAGE=blob: the storage account's connection string. */
  BLOB_CONNECTION_STRING: optionalText,
  /**
   * With STORAGE=blob and no connection string: the account's blob endpoint, reached with the app's
   * managed identity (no key in any setting).
   */
  BLOB_ACCOUNT_URL: optionalText.refine(
    (v) => v === undefined || /^https:\/\/[^\s/]+\/?$/.test(v),
    'must be https://<account>.blob.core.windows.net',
  ),
  /** With BLOB_ACCOUNT_URL: a user-assigned identity's client id; unset = the system-assigned identity. */
  BLOB_IDENTITY_CLIENT_ID: optionalText,
  /** With STORAGE=blob: the container that holds the state (created if missing). */
  BLOB_CONTAINER: withDefault(
    'botstate',
    z
      .string()
      .regex(/^[a-z0-9](?:[a-z0-9-]{1,61})[a-z0-9]$/, 'must be a valid blob container name (3-63 of a-z, 0-9, -)'),
  ),
  /** Memory store: forget a conversation unused this many minutes. */
  STATE_IDLE_MINUTES: number(30, 1),
  /** Memory store: most state items (one per conversation) held at once. */
  STATE_MAX_ITEMS: number(20000, 10),
  /** Longer message texts are cut to this many characters before understanding. */
  MAX_TEXT_CHARS: number(1000, 10),
  /** Turns per minute one conversation may send to /api/messages (burst of the same size). */
  RATE_CONVERSATION_PER_MINUTE: number(30, 1),
  /** Requests per minute one client address may make to the browser-facing routes. */
  RATE_CLIENT_PER_MINUTE: number(300, 1),
  /**
   * Proxies in front of the server that append to X-Forwarded-For (App Service: 1; Front Door before
   * App Service: 2). The client address is the entry this many places from the end. true = 1,
   * false = 0; unset = 1 on App Service (WEBSITE_SITE_NAME set), else 0.
   */
  TRUST_PROXY: z.preprocess(
    (v) => (v === 'true' ? 1 : v === 'false' ? 0 : blankAsUnset(v)),
    z.coerce
      .number({ invalid_type_error: 'must be a hop count (0, 1, 2, …) or true/false' })
      .int('must be a whole number of hops')
      .min(0)
      .max(10)
      .optional(),
  ),
  /** Set by App Service itself; only read to choose TRUST_PROXY's default. */
  WEBSITE_SITE_NAME: optionalText,
  /** A request whose token cannot be verified within this time (e.g. signing keys unreachable) gets 401. */
  AUTH_TIMEOUT_MS: number(5000, 100),
  /** On SIGTERM, wait at most this long for turns in flight before exiting. */
  SHUTDOWN_GRACE_MS: number(10000, 0),
};

export type OperationsConfig = z.infer<z.ZodObject<typeof operationsShape>>;
