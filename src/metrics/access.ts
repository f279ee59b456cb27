import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { isLoopbackAddress } from '../http/loopback';

// Who may read the figures (/metrics and /stats). They are for the service's operators:
// - local mode (no app id): callers on this machine only, and only when no proxy forwarded the
//   request (a reverse proxy on the same machine would otherwise make every caller look local);
// - with an app id: only a request that bears STATS_KEY, as Prometheus sends it
//   (`Authorization: Bearer <key>`) or as a browser does after asking for it (HTTP Basic, the key
//   as the password), and nobody at all when no key is set.
// Everyone else gets 404 (nothing tells them the figures exist), or 401 for a wrong key.

export type Access = 'allowed' | 'notFound' | 'unauthorized';

export interface AccessOptions {
  localMode: boolean;
  /** STATS_KEY. */
  key?: string;
}

const FORWARDING_HEADERS = ['forwarded', 'x-forwarded-for', 'x-forwarded-host', 'x-real-ip'];

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/** The key a request presents: a bearer token, or a Basic password. */
export function presentedKey(authorization: string | undefined): string | undefined {
  const match = /^(Bearer|Basic)\s+(\S+)\s*$/i.exec(authorization ?? '');
  if (!match) return undefined;
  if (match[1].toLowerCase() === 'bearer') return match[2];
  const decoded = Buffer.from(match[2], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? undefined : decoded.slice(colon + 1);
}

export function figuresAccess(options: AccessOptions): (req: IncomingMessage) => Access {
  const expected = options.key ? digest(options.key) : undefined;
  return (req) => {
    if (options.localMode) {
      const forwarded = FORWARDING_HEADERS.some((h) => req.headers[h] !== undefined);
      return isLoopbackAddress(req.socket?.remoteAddress) && !forwarded ? 'allowed' : 'notFound';
    }
    if (!expected) return 'notFound';
    const presented = presentedKey(req.headers.authorization);
    // Compared as hashes: equal lengths for timingSafeEqual, and no early exit on the first byte.
    return presented !== undefined && timingSafeEqual(digest(presented), expected) ? 'allowed' : 'unauthorized';
  };
}
