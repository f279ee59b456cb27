// Limits a user (or an attacker) would run into on the real server: body size, text length,
// flooding one conversation, flooding the browser-facing routes from one address.
import { t } from '../../dialogs/replies/texts';
import { startHost, request, user, type Host } from './host';

let host: Host;
beforeAll(async () => {
  host = await startHost({
    MAX_BODY_BYTES: '8192',
    MAX_TEXT_CHARS: '1000',
    RATE_CONVERSATION_PER_MINUTE: '5',
    RATE_CLIENT_PER_MINUTE: '10',
  });
});
afterAll(async () => {
  await host?.close();
});

const post = (body: string) =>
  request(`${host.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

test('a body over MAX_BODY_BYTES gets 413 and the server keeps answering', async () => {
  const big = JSON.stringify(user('big').activity({ type: 'message', text: 'x'.repeat(20_000) }));
  expect((await post(big)).status).toBe(413);
  expect((await user('after-big').say(host.url, 'hei')).status).toBe(200);
});

test('an overlong text within the body limit is cut, not refused: the user gets an answer', async () => {
  const res = await user('long').say(host.url, 'ö'.repeat(3000));
  expect(res.status).toBe(200);
  expect(res.replies).not.toBe('');
});

test('an identity code in the part of a text that is cut away still gets the warning', async () => {
  const res = await user('long-code').say(host.url, `${'asun Juvalla '.repeat(100)} hetuni on 131052-308T`);
  expect(res.status).toBe(200);
  expect(res.replies).toContain(t('identityCodeWarning', 'fi'));
});

test('flooding one conversation gets 429 with Retry-After; another conversation is answered meanwhile', async () => {
  const flooder = user('flood');
  const statuses: number[] = [];
  for (let i = 0; i < 8; i++) statuses.push((await flooder.say(host.url, 'hei')).status);
  expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
  expect(statuses.slice(5)).toEqual([429, 429, 429]);
  const refused = await request(`${host.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(flooder.activity({ type: 'message', text: 'hei' })),
  });
  expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  expect((await user('calm').say(host.url, 'hei')).status).toBe(200);
});

test('one address flooding the browser-facing routes gets 429; the bot endpoint is not affected', async () => {
  const statuses: number[] = [];
  for (let i = 0; i < 12; i++)
    statuses.push(
      (
        await request(`${host.url}/api/directline/token`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
        })
      ).status,
    );
  expect(statuses.filter((s) => s === 429)).toHaveLength(2);
  expect(statuses.slice(0, 10).every((s) => s === 200)).toBe(true);
  const conv = await request(`${host.url}/v3/directline/conversations`, { method: 'POST' });
  expect(conv.status).toBe(429);
  expect((await user('bot-endpoint').say(host.url, 'hei')).status).toBe(200);
});

test('GET /healthz reports the storage', async () => {
  const res = await request(`${host.url}/healthz`);
  expect(res.status).toBe(200);
  expect(res.json).toEqual({ status: 'ok', storage: 'ok' });
});

test('/healthz answers 503 when the blob store cannot be reached', async () => {
  const unreachable = await startHost({
    STORAGE: 'blob',
    BLOB_CONTAINER: 'nowhere',
    BLOB_CONNECTION_STRING:
      'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:9/devstoreaccount1;',
  });
  try {
    const res = await request(`${unreachable.url}/healthz`);
    expect(res.status).toBe(503);
    expect(res.json).toMatchObject({ storage: 'error' });
  } finally {
    await unreachable.close();
  }
});
