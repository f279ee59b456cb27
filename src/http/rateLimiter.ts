import type { IncomingMessage } from 'http';
import type { Request, Response, Next } from 'restify';
import { subscriberKey } from './subscriberKey';

/**
 * Token buckets keyed by whatever the caller chooses (a conversation id, a client address).
 * Each key may spend `burst` requests at once and regains `perMinute` a minute. Checking costs O(1)
 * and a refused request is answered at once, so one flooding key never slows the others.
 * Buckets that have refilled are forgotten, and at most `maxKeys` are kept (least recently used
 * dropped first): memory stays bounded and flat even when every request carries a new key.
 */
export interface RateLimiterOptions {
  perMinute: number;
  burst?: number;
  maxKeys?: number;
  now?: () => number;
}

export interface RateDecision {
  allowed: boolean;
  /** Seconds until one more request would be allowed (0 when allowed). */
  retryAfterSeconds: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;
  private readonly burst: number;
  private readonly maxKeys: number;
  private readonly now: () => number;

  constructor(options: RateLimiterOptions) {
    this.perMs = options.perMinute / 60_000;
    this.burst = Math.max(1, options.burst ?? options.perMinute);
    this.maxKeys = options.maxKeys ?? 50_000;
    this.now = options.now ?? Date.now;
  }

  /** Keys currently tracked. */
  get size(): number {
    return this.buckets.size;
  }

  /**
   * A bucket that has refilled completely is the same as no bucket: drop it. The Map is in
   * recency order, so looking at the oldest two per call keeps the Map at the keys active within
   * one refill period (a minute at the defaults) instead of growing to maxKeys.
   */
  private forgetRefilled(now: number): void {
    for (let i = 0; i < 2; i++) {
      const oldest = this.buckets.entries().next().value as [string, Bucket] | undefined;
      if (!oldest || oldest[1].tokens + (now - oldest[1].at) * this.perMs < this.burst) return;
      this.buckets.delete(oldest[0]);
    }
  }

  take(key: string): RateDecision {
    const now = this.now();
    this.forgetRefilled(now); // before this key is touched: it is at the back of the Map anyway
    const old = this.buckets.get(key);
    const bucket: Bucket = old
      ? { tokens: Math.min(this.burst, old.tokens + (now - old.at) * this.perMs), at: now }
      : { tokens: this.burst, at: now };
    this.buckets.delete(key);
    this.buckets.set(key, bucket);
    if (this.buckets.size > this.maxKeys) this.buckets.delete(this.buckets.keys().next().value as string);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true, retryAfterSeconds: 0 };
    }
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / this.perMs / 1000)) };
  }
}

/**
 * The client, as per-address limits count it (src/http/subscriberKey.ts: an IPv6 /64, an IPv4
 * address whole). Its address is the socket peer, or behind `trustedHops` proxies that each append
 * the address they saw to X-Forwarded-For, the entry `trustedHops` places from the end. Entries
 * before it are whatever the client wrote and are never read. A list shorter than the hops did not
 * come through all the proxies: the socket peer is used then.
 */
export function clientAddress(req: IncomingMessage, trustedHops: number): string {
  if (trustedHops > 0) {
    const header = req.headers['x-forwarded-for'];
    const list = (Array.isArray(header) ? header.join(',') : (header ?? ''))
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const entry = list.length >= trustedHops ? list[list.length - trustedHops] : undefined;
    if (entry) return subscriberKey(withoutPort(entry));
  }
  return subscriberKey(req.socket?.remoteAddress ?? 'unknown');
}

/** "1.2.3.4:5678" → "1.2.3.4"; "[2001:db8::1]:5678" → "2001:db8::1"; a bare IPv6 address stays whole. */
function withoutPort(address: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) return bracketed[1];
  return (address.match(/:/g) ?? []).length === 1 ? address.replace(/:\d+$/, '') : address;
}

/** Answers 429 with Retry-After and a small JSON body. */
export function tooManyRequests(res: Response, retryAfterSeconds: number): void {
  res.header('Retry-After', String(retryAfterSeconds));
  res.send(429, { error: 'tooManyRequests', retryAfterSeconds });
}

/**
 * Restify handler that limits each client address. Mount it where the route is known (server.use,
 * or before the route's own handler), so the path counts as the router matched it, not as written.
 */
export function perClientRateLimit(options: RateLimiterOptions & { trustedHops?: number }) {
  const limiter = new RateLimiter(options);
  return function rateLimitByClient(req: Request, res: Response, next: Next): void {
    const decision = limiter.take(clientAddress(req, options.trustedHops ?? 0));
    if (decision.allowed) return next();
    tooManyRequests(res, decision.retryAfterSeconds);
    return next(false);
  };
}
