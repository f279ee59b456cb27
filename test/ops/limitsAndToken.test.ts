import type { Request } from 'restify';
import { RateLimiter, clientAddress } from '../../src/http/rateLimiter';
import { precheckToken } from '../../src/http/tokenPrecheck';
import { checkActivity } from '../../src/http/activityGuard';

const APP = '11111111-2222-3333-4444-555555555555';
const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
const jwt = (payload: object, header: object = { alg: 'RS256', typ: 'JWT', kid: 'k1' }) =>
  `Bearer ${b64(header)}.${b64(payload)}.c2lnbmF0dXJl`;
const now = Date.UTC(2026, 0, 1);
const nowS = now / 1000;

describe('rate limiter', () => {
  test('a key gets its burst, then is refused with a Retry-After, and regains requests over time', () => {
    let t = 0;
    const limiter = new RateLimiter({ perMinute: 6, burst: 3, now: () => t });
    expect([1, 2, 3].map(() => limiter.take('c1').allowed)).toEqual([true, true, true]);
    const refused = limiter.take('c1');
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: 10 });
    t += 10_000;
    expect(limiter.take('c1').allowed).toBe(true);
    expect(limiter.take('c1').allowed).toBe(false);
  });

  test("one flooding key does not use up anyone else's requests", () => {
    const limiter = new RateLimiter({ perMinute: 10, now: () => 0 });
    for (let i = 0; i < 1000; i++) limiter.take('flood');
    expect(limiter.take('flood').allowed).toBe(false);
    expect(limiter.take('calm').allowed).toBe(true);
  });

  test('keeps at most maxKeys buckets', () => {
    const limiter = new RateLimiter({ perMinute: 1, burst: 1, maxKeys: 100, now: () => 0 });
    for (let i = 0; i < 10_000; i++) limiter.take(`k${i}`);
    expect(limiter.size).toBe(100);
  });

  test('forgets keys whose bucket has refilled, so a stream of new keys does not pile up', () => {
    let t = 0;
    const limiter = new RateLimiter({ perMinute: 60, burst: 5, now: () => t });
    let flooderAllowed = 0;
    for (let i = 0; i < 10_000; i++) {
      t += 10; // a hundred new conversations a second, each sending once
      limiter.take(`conversation-${i}`);
      if (limiter.take('flooder').allowed) flooderAllowed++; // a hundred a second from one key
    }
    // One token refills in a second: only about a second's worth of one-off keys is still held.
    expect(limiter.size).toBeLessThanOrEqual(110);
    // ... while a key over its limit is remembered: 100 s at 60 a minute, plus its burst of 5.
    expect(flooderAllowed).toBeGreaterThanOrEqual(100);
    expect(flooderAllowed).toBeLessThanOrEqual(105);
  });
});

describe('client address', () => {
  const req = (forwarded: string | undefined, peer = '10.0.0.1') =>
    ({
      headers: forwarded ? { 'x-forwarded-for': forwarded } : {},
      socket: { remoteAddress: peer },
    }) as unknown as Request;
  test('is the socket peer unless the proxy is trusted', () => {
    expect(clientAddress(req('6.6.6.6'), 0)).toBe('10.0.0.1');
  });
  test.each([
    ['1.2.3.4:5678', '1.2.3.4'],
    ['9.9.9.9, 1.2.3.4:5678', '1.2.3.4'], // the first entry is whatever the client sent
    // IPv6 addresses count by the /64 a subscriber holds (src/http/subscriberKey.ts).
    ['[2001:db8::1]:5678', '2001:db8:0:0::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['::ffff:1.2.3.4', '1.2.3.4'],
  ])('behind a trusted proxy, X-Forwarded-For %s counts as %s', (header, address) => {
    expect(clientAddress(req(header), 1)).toBe(address);
  });
});

describe('token pre-check (no network)', () => {
  const good = { aud: APP, iss: 'https://api.botframework.com', exp: nowS + 3600, nbf: nowS - 60 };
  test.each([
    ['no header', undefined, 'missing'],
    ['empty header', '', 'missing'],
    ['not a bearer token', 'Basic dXNlcjpwYXNz', 'malformed'],
    ['not a JWT', 'Bearer abc', 'malformed'],
    ['junk in the parts', 'Bearer a.b.c', 'malformed'],
    ['unsigned (alg none)', jwt(good, { alg: 'none' }), 'unsigned'],
    ['expired an hour ago', jwt({ ...good, exp: nowS - 3600 }), 'expired'],
    ['without expiry', jwt({ aud: APP }), 'expired'],
    ['not valid yet', jwt({ ...good, nbf: nowS + 3600 }), 'notYetValid'],
    ['for another bot', jwt({ ...good, aud: 'another-app-id' }), 'wrongAudience'],
  ])('%s → %s', (_name, header, problem) => {
    expect(precheckToken(header, APP, now)).toBe(problem);
  });

  test('a well-formed, current token for this bot passes on to the real verification', () => {
    expect(precheckToken(jwt(good), APP, now)).toBeUndefined();
    expect(precheckToken(jwt({ ...good, aud: ['x', APP] }), APP, now)).toBeUndefined();
    // Within Bot Framework's 5-minute clock skew.
    expect(precheckToken(jwt({ ...good, exp: nowS - 120 }), APP, now)).toBeUndefined();
  });
});

describe('activity guard', () => {
  const valid = {
    type: 'message',
    channelId: 'test',
    serviceUrl: 'http://127.0.0.1:1',
    conversation: { id: 'c1' },
    from: { id: 'u1' },
    text: 'moi',
  };

  test('a valid activity passes unchanged, with its extra fields', () => {
    const result = checkActivity({ ...valid, channelData: { tenant: { id: 't' } }, extra: 1 }, 1000);
    expect(result).toMatchObject({ ok: true, textCut: false, activity: { ...valid, extra: 1 } });
  });

  test.each([
    ['no body', undefined],
    ['an array', [valid]],
    ['no type', { ...valid, type: undefined }],
    ['a numeric type', { ...valid, type: 7 }],
    ['a conversation that is a string', { ...valid, conversation: 'c1' }],
    ['a null sender', { ...valid, from: null }],
    ['a service URL that is no URL', { ...valid, serviceUrl: 'not a url' }],
    ['a non-http service URL', { ...valid, serviceUrl: 'file:///etc/passwd' }],
    ['a text that is an object', { ...valid, text: { a: 1 } }],
    ['an unknown delivery mode', { ...valid, deliveryMode: 'pigeon' }],
  ])('%s is refused with a reason', (_name, body) => {
    const result = checkActivity(body, 1000);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/\S/);
  });

  test('an overlong text is cut to the limit without splitting an emoji', () => {
    const result = checkActivity({ ...valid, text: '👋'.repeat(2000) }, 1000);
    expect(result.ok && result.textCut).toBe(true);
    if (result.ok) {
      expect(Array.from(result.activity.text ?? '')).toHaveLength(1000);
      expect(result.activity.text).toBe('👋'.repeat(1000));
    }
  });
});
