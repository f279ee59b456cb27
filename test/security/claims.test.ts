// With an app id, the SDK ties a token to the serviceUrl the channel service signed into it: an
// activity that names another serviceUrl is refused before any turn runs, so a stolen or replayed
// token cannot send the bot's replies elsewhere. The signing keys come from a stand-in OpenID
// endpoint on 127.0.0.1 (BotOpenIdMetadata), so the SDK's real verification runs offline.
import * as http from 'node:http';
import { generateKeyPairSync, sign } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { ActivityHandler, CloudAdapter } from 'botbuilder';
import { CachedConnectorAuthentication } from '../../src/connectorCache';
import { gateAdapter } from '../../src/http/adapterGate';
import { createServer, type RunningServer } from '../../src/server';
import { logger } from '../../src/logger';
import { postJson } from './attack';

const APP_ID = '3d3f7c52-1a6b-4c1e-8f0e-5b7a2b9c4d10';
const KID = 'stand-in-key';
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const jwk = publicKey.export({ format: 'jwk' });
const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');

let keys: http.Server;
let host: RunningServer;
let turns = 0;
beforeAll(async () => {
  keys = http.createServer((req, res) => {
    const base = `http://127.0.0.1:${(keys.address() as AddressInfo).port}`;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify(
        req.url === '/keys'
          ? { keys: [{ kty: 'RSA', kid: KID, n: jwk.n, e: jwk.e, endorsements: ['test', 'msteams'] }] }
          : { issuer: 'https://api.botframework.com', jwks_uri: `${base}/keys` },
      ),
    );
  });
  await new Promise<void>((r) => keys.listen(0, '127.0.0.1', r));
  const auth = new CachedConnectorAuthentication({
    MicrosoftAppId: APP_ID,
    MicrosoftAppPassword: 'not-used',
    MicrosoftAppType: 'MultiTenant',
    ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
    BotOpenIdMetadata: `http://127.0.0.1:${(keys.address() as AddressInfo).port}/openid`,
  });
  const bot = new ActivityHandler();
  bot.onMessage(async (context, next) => {
    turns++;
    await context.sendActivity('ok');
    await next();
  });
  host = await createServer({
    adapter: gateAdapter(new CloudAdapter(auth), {
      appId: APP_ID,
      authTimeoutMs: 5000,
      conversationsPerMinute: 100,
      log: logger,
    }),
    bot,
    port: 0,
    host: '127.0.0.1',
    maxBodyBytes: 65536,
    maxTextChars: 1000,
  });
});
afterAll(async () => {
  await host.close();
  keys.closeAllConnections();
  await new Promise((r) => keys.close(r));
});

function token(serviceurl: string): string {
  const now = Math.floor(Date.now() / 1000);
  const header = b64({ alg: 'RS256', typ: 'JWT', kid: KID });
  const body = b64({ iss: 'https://api.botframework.com', aud: APP_ID, exp: now + 3600, nbf: now - 60, serviceurl });
  return `Bearer ${header}.${body}.${sign('RSA-SHA256', Buffer.from(`${header}.${body}`), privateKey).toString('base64url')}`;
}

const message = (serviceUrl: string) => ({
  type: 'message',
  text: 'hei',
  channelId: 'test',
  serviceUrl,
  deliveryMode: 'expectReplies',
  conversation: { id: 'claims' },
  from: { id: 'u' },
  recipient: { id: APP_ID },
});

test('a token signed for one serviceUrl is accepted with that serviceUrl', async () => {
  const before = turns;
  const res = await postJson(`${host.url}/api/messages`, message('https://smba.trafficmanager.net/emea/'), {
    authorization: token('https://smba.trafficmanager.net/emea/'),
  });
  expect(res.status).toBe(200);
  expect(turns).toBe(before + 1);
});

test('the same valid token with another serviceUrl in the activity → 401, no turn runs', async () => {
  const before = turns;
  const res = await postJson(`${host.url}/api/messages`, message('https://attacker.example/'), {
    authorization: token('https://smba.trafficmanager.net/emea/'),
  });
  expect(res.status).toBe(401);
  expect(turns).toBe(before);
});
