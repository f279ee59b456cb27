// Tokens refused for the right reason. A stand-in OpenID configuration and key set on 127.0.0.1
// (BotOpenIdMetadata, ToBotFromChannelTokenIssuer: the variables for other clouds) let the SDK's
// real verification run offline, against the server as `start` builds it. Each bad token is
// refused on its own merits while the signing keys are there to be fetched; a valid one is taken.
import * as http from 'node:http';
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { CachedConnectorAuthentication } from '../../src/connectorCache';
import { captureLogs } from '../../src/logger';
import { startHost, type Host } from '../ops/host';
import { startChild } from '../ops/child';
import { postJson } from './attack';

const APP_ID = '6f1d9c2e-3b4a-4c5d-8e7f-0a1b2c3d4e5f';
const ISSUER = 'https://api.botframework.com';
const KID = 'stand-in-key';
const SERVICE_URL = 'https://smba.trafficmanager.net/emea/';
const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
const jwk = keys.publicKey.export({ format: 'jwk' });
const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');

let openId: http.Server;
let keyRequests = 0;
let metadataUrl = '';
let host: Host;
beforeAll(async () => {
  openId = http.createServer((req, res) => {
    const base = `http://127.0.0.1:${(openId.address() as AddressInfo).port}`;
    if (req.url === '/keys') keyRequests++;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify(
        req.url === '/keys'
          ? { keys: [{ kty: 'RSA', use: 'sig', kid: KID, n: jwk.n, e: jwk.e, endorsements: ['test'] }] }
          : { issuer: ISSUER, jwks_uri: `${base}/keys`, id_token_signing_alg_values_supported: ['RS256'] },
      ),
    );
  });
  await new Promise<void>((r) => openId.listen(0, '127.0.0.1', r));
  metadataUrl = `http://127.0.0.1:${(openId.address() as AddressInfo).port}/openid`;
  host = await startHost({
    MicrosoftAppId: APP_ID,
    MicrosoftAppPassword: 'not-used-offline',
    WEB_CHAT: 'off',
    BotOpenIdMetadata: metadataUrl,
    ToBotFromChannelTokenIssuer: ISSUER,
  });
});
afterAll(async () => {
  await host?.close();
  openId.closeAllConnections();
  await new Promise((r) => openId.close(r));
});

interface Claims {
  iss?: string;
  aud?: string;
  exp?: number;
  nbf?: number;
  serviceurl?: string;
}

const now = () => Math.floor(Date.now() / 1000);
const validClaims = (): Claims => ({
  iss: ISSUER,
  aud: APP_ID,
  nbf: now() - 60,
  exp: now() + 3600,
  serviceurl: SERVICE_URL,
});

function token(claims: Claims, opts: { kid?: string; alg?: string; key?: KeyObject } = {}): string {
  const header = b64({ alg: opts.alg ?? 'RS256', typ: 'JWT', kid: opts.kid ?? KID });
  const body = b64(claims);
  if (opts.alg === 'none') return `${header}.${body}.`;
  const signature = sign('RSA-SHA256', Buffer.from(`${header}.${body}`), opts.key ?? keys.privateKey);
  return `${header}.${body}.${signature.toString('base64url')}`;
}

// Each bad token differs from the valid one in exactly one way.
const BAD: Record<string, () => string> = {
  'bad signature': () => token(validClaims(), { key: other.privateKey }),
  expired: () => token({ ...validClaims(), nbf: now() - 7200, exp: now() - 3600 }),
  'not yet valid': () => token({ ...validClaims(), nbf: now() + 3600, exp: now() + 7200 }),
  'wrong audience': () => token({ ...validClaims(), aud: 'another-bot' }),
  'wrong issuer': () => token({ ...validClaims(), iss: 'https://attacker.example' }),
  'unknown key id': () => token(validClaims(), { kid: 'no-such-key' }),
  'alg none': () => token(validClaims(), { alg: 'none' }),
};
// What the SDK itself says, for each: the reason is the token's fault, never a missing key set.
const SDK_REASON: Record<string, RegExp> = {
  'bad signature': /invalid signature/i,
  expired: /expired/i,
  'not yet valid': /not active|not yet valid/i,
  'wrong audience': /audience|appid/i,
  'wrong issuer': /issuer|no valid identity/i,
  'unknown key id': /signing key could not be retrieved/i,
  'alg none': /signature is required|unsigned|algorithm|alg/i,
};

const activity = (id: string) => ({
  type: 'message',
  text: 'hei',
  channelId: 'test',
  serviceUrl: SERVICE_URL,
  deliveryMode: 'expectReplies',
  conversation: { id },
  from: { id: 'u' },
  recipient: { id: APP_ID },
  locale: 'fi-FI',
});

describe('the started server', () => {
  test('a valid token signed with the published key is accepted, and the bot answers', async () => {
    const res = await postJson(`${host.url}/api/messages`, activity('valid'), {
      authorization: `Bearer ${token(validClaims())}`,
    });
    expect(res.status).toBe(200);
    expect((res.json as { activities: unknown[] }).activities.length).toBeGreaterThan(0);
    expect(keyRequests).toBeGreaterThan(0);
  });

  test.each(Object.keys(BAD))('%s → 401, with a generic answer and no turn', async (kind) => {
    const logs = captureLogs('info');
    let res;
    try {
      res = await postJson(`${host.url}/api/messages`, activity(`bad-${kind}`), {
        authorization: `Bearer ${BAD[kind]()}`,
      });
    } finally {
      logs.restore();
    }
    expect(res.status).toBe(401);
    expect(res.json).toEqual({ code: 'Unauthorized', message: expect.any(String) });
    const request = logs.lines.map((l) => JSON.parse(l)).find((l) => l.msg === 'request');
    expect(request).toMatchObject({ status: 401 });
    // The keys were there to be had: the refusal is the token's own.
    expect(keyRequests).toBeGreaterThan(0);
  });
});

describe("the SDK's own verification, with the same settings and no pre-check", () => {
  const auth = () =>
    new CachedConnectorAuthentication({
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: 'not-used-offline',
      MicrosoftAppType: 'MultiTenant',
      BotOpenIdMetadata: metadataUrl,
      ToBotFromChannelTokenIssuer: ISSUER,
    });

  test('accepts the valid token', async () => {
    const result = await auth().authenticateRequest(activity('sdk-valid') as never, `Bearer ${token(validClaims())}`);
    expect(result.claimsIdentity.isAuthenticated).toBe(true);
  });

  test.each(Object.keys(BAD))('refuses %s for that reason', async (kind) => {
    // The SDK prints what it refuses; the server routes that to its logger (tested elsewhere).
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      await expect(
        auth().authenticateRequest(activity(`sdk-${kind}`) as never, `Bearer ${BAD[kind]()}`),
      ).rejects.toThrow(SDK_REASON[kind]);
    } finally {
      quiet.mockRestore();
    }
  });
});

test('nothing of a refused token reaches stderr: the SDK prints into the logger, without messages', async () => {
  // The server as production runs it, in a process of its own, with its stdout and stderr read.
  const child = await startChild({
    MicrosoftAppId: APP_ID,
    MicrosoftAppPassword: 'not-used-offline',
    WEB_CHAT: 'off',
    BotOpenIdMetadata: metadataUrl,
    ToBotFromChannelTokenIssuer: ISSUER,
    LOG_LEVEL: 'info',
  });
  try {
    for (const [i, kind] of ['bad signature', 'wrong issuer', 'unknown key id', 'expired'].entries()) {
      const res = await postJson(`${child.url}/api/messages`, activity(`quiet-${i}`), {
        authorization: `Bearer ${BAD[kind]()}`,
      });
      expect(res.status).toBe(401);
    }
    const valid = await postJson(`${child.url}/api/messages`, activity('quiet-valid'), {
      authorization: `Bearer ${token(validClaims())}`,
    });
    expect(valid.status).toBe(200);
  } finally {
    child.proc.kill('SIGTERM');
    await child.exit;
  }
  expect(child.stderr()).toBe('');
  const lines = child
    .stdout()
    .split('\n')
    .filter((l) => l.startsWith('{'));
  expect(lines.length).toBeGreaterThan(0);
  for (const line of lines)
    expect(line).not.toMatch(
      /invalid signature|issuer|Signing Key|BEGIN PUBLIC KEY|Available keys|jwt (expired|malformed)/i,
    );
});

test('the settings for other clouds are validated: a key source over plain http elsewhere is refused', async () => {
  const { loadConfig } = await import('../../src/config');
  expect(() => loadConfig({ BotOpenIdMetadata: 'http://keys.example/openid' })).toThrow(/BotOpenIdMetadata/);
  expect(
    loadConfig({ BotOpenIdMetadata: 'https://login.botframework.azure.us/v1/.well-known/openidconfiguration' }),
  ).toBeDefined();
});
