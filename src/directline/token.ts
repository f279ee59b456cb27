import { createHmac, randomBytes, timingSafeEqual } from 'crypto';

// Local Direct Line tokens: a JWT (HS256) that binds one conversation and one user id.
// A `dl_` user id must come from the token, never from the page: DirectLineJS decodes the token's
// payload (parseToken) and takes no user id from the page when the token carries one, nor ever a
// `dl_` one, so the shape is a real JWT, like Azure Direct Line's; the signature makes it
// unforgeable. (Our own page takes the same id from the token route's answer.)

export interface TokenClaims {
  /** Conversation id the token may read and write. */
  conv: string;
  /** The user id the chat sends as (prefixed `dl_`, like Direct Line's enhanced authentication). */
  user: string;
  /** Expiry, seconds since the epoch. */
  exp: number;
}

const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');
const HEADER = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));

export class TokenSigner {
  private readonly key: Buffer;

  /** A key given in `key` survives a restart; otherwise a random one lives with the process. */
  constructor(key?: string) {
    this.key = key ? Buffer.from(key) : randomBytes(32);
  }

  sign(conv: string, user: string, ttlSeconds: number, now = Date.now()): string {
    const claims: TokenClaims = { conv, user, exp: Math.floor(now / 1000) + ttlSeconds };
    const body = `${HEADER}.${b64url(JSON.stringify(claims))}`;
    return `${body}.${this.mac(body)}`;
  }

  /** The claims of a valid, unexpired token; undefined for anything else. */
  verify(token: string | undefined, now = Date.now()): TokenClaims | undefined {
    if (!token || token.length > 2048) return undefined;
    const parts = token.split('.');
    if (parts.length !== 3 || parts[0] !== HEADER) return undefined;
    const expected = Buffer.from(this.mac(`${parts[0]}.${parts[1]}`));
    const given = Buffer.from(parts[2]);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    try {
      const claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as TokenClaims;
      if (typeof claims.conv !== 'string' || typeof claims.user !== 'string' || typeof claims.exp !== 'number') {
        return undefined;
      }
      return claims.exp * 1000 > now ? claims : undefined;
    } catch {
      return undefined;
    }
  }

  private mac(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url');
  }
}
