// What an attacker or a careless channel can make the server say or write down: no stack traces
// in answers, no remote error texts or identity codes in logs, no identity code kept in the
// built-in channel's transcript, no Direct Line secret sent in clear.
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { captureLogs } from '../../src/logger';
import { loadConfig } from '../../src/config';
import { t } from '../../dialogs/replies/texts';
import { request, startHost, type Host } from '../ops/host';
import { nested, postJson, startConversation } from './attack';

const CODE = '131052-308T';
let host: Host;
beforeAll(async () => {
  host = await startHost();
});
afterAll(() => host.close());

const poll = async (
  conv: { conversationId: string; token: string },
  until: (text: string) => boolean,
): Promise<string> => {
  for (let i = 0; i < 100; i++) {
    const res = await request(`${host.url}/v3/directline/conversations/${conv.conversationId}/activities`, {
      headers: { authorization: `Bearer ${conv.token}` },
    });
    if (until(res.text)) return res.text;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('no such reply');
};

test('a deeply nested Direct Line activity → 400 with a generic text, no stack overflow named', async () => {
  const conv = await startConversation(host);
  const res = await request(`${host.url}/v3/directline/conversations/${conv.conversationId}/activities`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${conv.token}` },
    body: `{"type":"message","text":"hei","channelData":${nested(7000)}}`,
  });
  expect(res.status).toBe(400);
  expect(res.text).not.toMatch(/RangeError|stack|Maximum call/i);
});

test('a turn that fails on a remote error logs its name, code and status, never the remote text', async () => {
  const remote = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'BadArgument', message: `remote-quotes-user salainen-sana ${CODE}` } }));
    });
  });
  await new Promise<void>((r) => remote.listen(0, '127.0.0.1', r));
  const logs = captureLogs('trace');
  try {
    const res = await postJson(`${host.url}/api/messages`, {
      type: 'message',
      text: 'hei',
      channelId: 'emulator',
      serviceUrl: `http://127.0.0.1:${(remote.address() as AddressInfo).port}/`,
      conversation: { id: 'remote-error' },
      from: { id: 'u1' },
      recipient: { id: 'bot' },
      locale: 'fi-FI',
    });
    // The bot's reply fails at the channel; the turn's error handler takes it, so the request is answered.
    expect(res.status).toBe(200);
    expect(res.text).not.toContain('salainen-sana');
  } finally {
    logs.restore();
    remote.closeAllConnections();
    await new Promise((r) => remote.close(r));
  }
  const log = logs.lines.join('');
  expect(log).toContain('turn failed');
  expect(log).not.toContain('salainen-sana');
  expect(log).not.toContain('131052');
});

test('a conversation id holding an identity code is not logged as is', async () => {
  const logs = captureLogs('trace');
  try {
    const res = await postJson(`${host.url}/api/messages`, {
      type: 'message',
      text: 'hei',
      channelId: 'test',
      serviceUrl: 'http://127.0.0.1:9/',
      deliveryMode: 'expectReplies',
      conversation: { id: `conv-${CODE}` },
      from: { id: `user-${CODE}` },
      recipient: { id: 'bot' },
      locale: 'fi-FI',
    });
    expect(res.status).toBe(200);
  } finally {
    logs.restore();
  }
  // The capture holds this request's own log line, its conversation id with the code cut out.
  const request = logs.lines.map((l) => JSON.parse(l)).find((l) => l.msg === 'request');
  expect(request).toMatchObject({ status: 200, conversationId: expect.stringMatching(/^conv-/) });
  expect(logs.lines.join('')).not.toContain('131052');
});

test('the built-in channel keeps no identity code in its transcript; the bot still warns', async () => {
  const conv = await startConversation(host);
  const sent = await postJson(
    `${host.url}/v3/directline/conversations/${conv.conversationId}/activities`,
    { type: 'message', text: `hetuni on ${CODE}` },
    { authorization: `Bearer ${conv.token}` },
  );
  expect(sent.status).toBe(200);
  const transcript = await poll(conv, (text) =>
    text.includes(JSON.stringify(t('identityCodeWarning', 'fi')).slice(1, 30)),
  );
  expect(transcript).not.toContain('131052');
});

test('DIRECT_LINE_DOMAIN must be https (loopback aside): the secret never travels in clear', () => {
  const env = { DIRECT_LINE_SECRET: 's' };
  expect(() => loadConfig({ ...env, DIRECT_LINE_DOMAIN: 'http://directline.example.com/v3/directline' })).toThrow(
    /DIRECT_LINE_DOMAIN/,
  );
  expect(
    loadConfig({ ...env, DIRECT_LINE_DOMAIN: 'https://europe.directline.botframework.com/v3/directline' })
      .DIRECT_LINE_DOMAIN,
  ).toMatch(/^https:/);
  expect(loadConfig({ ...env, DIRECT_LINE_DOMAIN: 'http://127.0.0.1:8080/v3/directline' }).DIRECT_LINE_DOMAIN).toMatch(
    /^http:/,
  );
});
