import { isObject } from './jsonBody';

/**
 * A cheap first look at the Bot Framework bearer token, before the adapter spends a network round
 * trip on the signing keys: no header, not a JWT, an unsigned token, an expired or not-yet-valid
 * one, or one for another bot (audience) is refused at once. It decodes only and verifies no
 * signature: a token that passes still goes to the adapter, which verifies it properly.
 */
export type TokenProblem = 'missing' | 'malformed' | 'unsigned' | 'expired' | 'notYetValid' | 'wrongAudience';

/** Bot Framework tolerates this much clock skew; so do we, to refuse nothing the adapter would accept. */
const CLOCK_SKEW_SECONDS = 5 * 60;

function decodePart(part: string): unknown {
  if (!/^[A-Za-z0-9_-]+={0,2}$/.test(part)) return undefined;
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

export function precheckToken(
  authorization: string | string[] | undefined,
  appId: string,
  nowMs = Date.now(),
): TokenProblem | undefined {
  if (typeof authorization !== 'string' || authorization.trim() === '') return 'missing';
  const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  if (!match) return 'malformed';
  const parts = match[1].split('.');
  if (parts.length !== 3) return 'malformed';
  const header = decodePart(parts[0]);
  const payload = decodePart(parts[1]);
  if (!isObject(header) || !isObject(payload)) return 'malformed';
  if (typeof header.alg !== 'string' || header.alg.toLowerCase() === 'none' || parts[2] === '') return 'unsigned';
  const now = nowMs / 1000;
  if (typeof payload.exp !== 'number' || payload.exp + CLOCK_SKEW_SECONDS < now) return 'expired';
  if (typeof payload.nbf === 'number' && payload.nbf - CLOCK_SKEW_SECONDS > now) return 'notYetValid';
  const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
  if (!audiences.includes(appId)) return 'wrongAudience';
  return undefined;
}
