// The built-in Direct Line belongs to local mode only. Its bot-side routes take the bot's replies
// only with the per-process key the bot was given in its serviceUrl, so no one else (not even a
// process on the same machine) can write into a visitor's conversation.
import { loadConfig } from '../../src/config';
import { request, startHost } from '../ops/host';
import { postJson, startConversation } from './attack';

test('a forged bot reply from this machine without the channel key → refused, nothing reaches the transcript', async () => {
  const host = await startHost();
  try {
    const conv = await startConversation(host);
    const forged = { type: 'message', text: 'forged-reply: call 0700 123 456', from: { id: 'etela-savo-guide' } };
    for (const path of [
      `/v3/conversations/${conv.conversationId}/activities`,
      `/v3/conversations/${conv.conversationId}/activities/x`,
    ]) {
      const res = await postJson(`${host.url}${path}`, forged);
      expect([path, res.status >= 400 && res.status < 500]).toEqual([path, true]);
    }
    const transcript = await request(`${host.url}/v3/directline/conversations/${conv.conversationId}/activities`, {
      headers: { authorization: `Bearer ${conv.token}` },
    });
    expect(transcript.status).toBe(200);
    expect(transcript.text).not.toContain('forged-reply');
  } finally {
    await host.close();
  }
});

test('with an app id the built-in channel is not mounted: its routes are 404, the token route uses Azure Direct Line', async () => {
  const host = await startHost({ MicrosoftAppId: 'app', MicrosoftAppPassword: 'pw', DIRECT_LINE_SECRET: 'secret' });
  try {
    expect((await request(`${host.url}/v3/directline/conversations`, { method: 'POST' })).status).toBe(404);
    expect((await postJson(`${host.url}/v3/conversations/c/activities`, { type: 'message' })).status).toBe(404);
  } finally {
    await host.close();
  }
});

test('an app id needs DIRECT_LINE_SECRET unless the web page is turned off', () => {
  const app = { MicrosoftAppId: 'app', MicrosoftAppPassword: 'pw' };
  expect(() => loadConfig(app)).toThrow(/DIRECT_LINE_SECRET/);
  expect(loadConfig({ ...app, WEB_CHAT: 'off' }).WEB_CHAT).toBe('off');
  expect(loadConfig({ ...app, DIRECT_LINE_SECRET: 's' }).WEB_CHAT).toBe('on');
});

test('with the web page off no page, widget or token route is served', async () => {
  const host = await startHost({ WEB_CHAT: 'off' });
  try {
    for (const path of ['/', '/embed', '/demo', '/widget.js', '/api/directline/token']) {
      expect([path, (await request(`${host.url}${path}`)).status]).toEqual([path, 404]);
    }
    expect((await request(`${host.url}/healthz`)).status).toBe(200);
  } finally {
    await host.close();
  }
});
