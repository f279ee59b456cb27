// With MicrosoftAppId set, only the channel service's signed tokens for this bot get in. These run
// with no way to fetch Microsoft's signing keys (no internet here): every refusal must still be a
// quick 401, never a 500 and never a hang.
import { generateKeyPairSync, sign } from 'node:crypto';
import { startHost, user, type Host } from './host';

const APP_ID = '0b5c1a7e-3d0f-4c3e-9a53-2f6f2e0d7a11';
const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });

/** An RS256 token signed with a key of our own: well-formed, but not Microsoft's signature. */
function forgedToken(claims: Record<string, unknown>): string {
  const header = b64({ alg: 'RS256', typ: 'JWT', kid: 'not-a-microsoft-key', x5t: 'not-a-microsoft-key' });
  const body = b64(claims);
  const signature = sign('RSA-SHA256', Buffer.from(`${header}.${body}`), privateKey).toString('base64url');
  return `Bearer ${header}.${body}.${signature}`;
}

const now = () => Math.floor(Date.now() / 1000);
const claims = () => ({
  iss: 'https://api.botframework.com',
  aud: APP_ID,
  exp: now() + 3600,
  nbf: now() - 60,
  serviceurl: 'http://127.0.0.1:9/',
});

let host: Host;
beforeAll(async () => {
  host = await startHost({
    MicrosoftAppId: APP_ID,
    MicrosoftAppPassword: 'not-a-real-secret',
    AUTH_TIMEOUT_MS: '3000',
    WEB_CHAT: 'off',
  });
});
afterAll(async () => {
  await host?.close();
});

describe('with MicrosoftAppId set, a message gets 401', () => {
  const cases: Array<[string, () => Record<string, string>]> = [
    ['without a token', () => ({})],
    ['with a token that is no JWT', () => ({ authorization: 'Bearer hello' })],
    ['with Basic credentials', () => ({ authorization: 'Basic dXNlcjpwYXNz' })],
    ['with an unsigned token', () => ({ authorization: `Bearer ${b64({ alg: 'none' })}.${b64(claims())}.` })],
    ['with an expired token', () => ({ authorization: forgedToken({ ...claims(), exp: now() - 3600 }) })],
    [
      'with a token for another app id',
      () => ({ authorization: forgedToken({ ...claims(), aud: 'another-bots-app-id' }) }),
    ],
    [
      'with a forged token (right shape and audience, wrong signature)',
      () => ({ authorization: forgedToken(claims()) }),
    ],
  ];
  test.each(cases)(
    '%s',
    async (_name, headers) => {
      const alice = user(`auth-${Math.random()}`);
      const res = await alice.say(host.url, 'hei', headers());
      expect(res.status).toBe(401);
      expect(res.replies).toBe('');
    },
    15_000,
  );
});

test('the health check needs no token', async () => {
  const res = await fetch(`${host.url}/healthz`);
  expect(res.status).toBe(200);
});

test('without MicrosoftAppId (local mode) the same message gets an answer', async () => {
  const local = await startHost();
  try {
    const res = await user('local-1').say(local.url, 'hei');
    expect(res.status).toBe(200);
    expect(res.replies).not.toBe('');
  } finally {
    await local.close();
  }
});
