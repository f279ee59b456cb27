import * as restify from 'restify';
import { AddressInfo } from 'net';
import { WebSocket } from 'ws';
import { mountDirectLine, LocalDirectLine } from '../../src/directline';

// The local Direct Line channel against a small fake bot that answers like CloudAdapter does:
// it receives activities on /api/messages and replies through the serviceUrl's Bot Connector
// route. What is checked is what a Direct Line client (the chat's DirectLineJS) relies on: the
// wire format, the echo, the watermark, the stream, and that a token opens only its own
// conversation.

/** An activity as the channel sends it (to the bot, and to the page). */
interface Activity {
  type: string;
  id?: string;
  text?: string;
  locale?: string;
  serviceUrl?: string;
  timestamp: string;
  conversation: { id: string };
  from: { id: string; role?: string };
  membersAdded?: { id: string }[];
  [k: string]: unknown;
}

let server: restify.Server;
let channel: LocalDirectLine;
let base: string;
const botSaw: Activity[] = [];
/** The channel's answer to each reply the stand-in bot posted: checked by a test below, as an expect in a handler never reaches jest. */
const replyStatuses: number[] = [];

beforeAll(async () => {
  server = restify.createServer();
  server.post(
    '/api/messages',
    restify.plugins.jsonBodyParser({ mapParams: false }),
    async (req: restify.Request, res: restify.Response) => {
      const a = req.body as Activity;
      botSaw.push(a);
      if (a.type === 'message') {
        const url = `${a.serviceUrl}v3/conversations/${encodeURIComponent(a.conversation.id)}/activities/${encodeURIComponent(a.id!)}`;
        const reply = await fetch(url, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ type: 'message', text: `you said ${a.text}`, replyToId: a.id, from: a.recipient }),
        });
        replyStatuses.push(reply.status);
      }
      res.send(200);
    },
  );
  channel = mountDirectLine(server, { maxActivitiesPerConversation: 50 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v3/directline`;
});

afterAll(async () => {
  channel.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const call = async (method: string, path: string, token?: string, body?: unknown) => {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
};

const start = async () => {
  const res = await call('POST', '/conversations');
  expect(res.status).toBe(201);
  return res.body as { conversationId: string; token: string; streamUrl: string; expires_in: number };
};

const send = (conv: { conversationId: string; token: string }, text: string, clientActivityID = `c-${text}`) =>
  call('POST', `/conversations/${conv.conversationId}/activities`, conv.token, {
    type: 'message',
    text,
    from: { id: 'someone-else' },
    channelData: { clientActivityID },
  });

test('starting a conversation returns a token bound to it, a streamUrl and tells the bot', async () => {
  const conv = await start();
  expect(conv.conversationId).toMatch(/^[A-Za-z0-9_-]{16,}$/);
  expect(conv.expires_in).toBeGreaterThan(0);
  expect(conv.streamUrl).toMatch(
    new RegExp(`^ws://127\\.0\\.0\\.1:\\d+/v3/directline/conversations/${conv.conversationId}/stream\\?`),
  );
  const payload = JSON.parse(Buffer.from(conv.token.split('.')[1], 'base64url').toString());
  expect(payload.user).toMatch(/^dl_/); // the user id lives in the token; DirectLineJS decodes it (parseToken)
  await waitFor(() => botSaw.some((a) => a.type === 'conversationUpdate' && a.conversation.id === conv.conversationId));
  const update = botSaw.find((a) => a.type === 'conversationUpdate' && a.conversation.id === conv.conversationId)!;
  expect(update.membersAdded?.map((m) => m.id)).toContain(payload.user);
});

test('a token issued elsewhere starts its own conversation, not a new one', async () => {
  const issued = channel.createConversation('sv-SE');
  const res = await call('POST', '/conversations', issued.token);
  expect(res.status).toBe(201);
  expect(res.body.conversationId).toBe(issued.conversationId);
  await waitFor(() => botSaw.some((a) => a.conversation.id === issued.conversationId));
  expect(botSaw.find((a) => a.conversation.id === issued.conversationId)!.locale).toBe('sv-SE');
});

test('a sent message is echoed with its clientActivityID and the reply arrives by polling', async () => {
  const conv = await start();
  const posted = await send(conv, 'hello', 'client-1');
  expect(posted.status).toBe(200);
  expect(posted.body.id).toMatch(new RegExp(`^${conv.conversationId}\\|\\d+$`));

  const all = await call('GET', `/conversations/${conv.conversationId}/activities`, conv.token);
  expect(all.status).toBe(200);
  const [echo, reply] = all.body.activities as Activity[];
  expect(echo).toMatchObject({ id: posted.body.id, text: 'hello', channelData: { clientActivityID: 'client-1' } });
  expect(echo.from.id).toMatch(/^dl_/); // the token's user, not what the page claimed
  expect(Date.parse(echo.timestamp)).not.toBeNaN();
  expect(reply).toMatchObject({ type: 'message', text: 'you said hello', replyToId: posted.body.id });
  expect(reply.from.role).toBe('bot');

  // Only what came after the watermark is returned.
  const later = await call(
    'GET',
    `/conversations/${conv.conversationId}/activities?watermark=${all.body.watermark}`,
    conv.token,
  );
  expect(later.body).toEqual({ activities: [], watermark: all.body.watermark });
  await send(conv, 'again');
  const next = await call(
    'GET',
    `/conversations/${conv.conversationId}/activities?watermark=${all.body.watermark}`,
    conv.token,
  );
  expect(next.body.activities.map((a: Activity) => a.text)).toEqual(['again', 'you said again']);
});

test('the WebSocket stream delivers the backlog and then live activities', async () => {
  const conv = await start();
  await send(conv, 'first');
  const ws = new WebSocket(conv.streamUrl);
  const received: Activity[] = [];
  ws.on('message', (data) => {
    const text = data.toString();
    if (text) received.push(...JSON.parse(text).activities);
  });
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  await waitFor(() => received.length >= 2);
  await send(conv, 'second');
  await waitFor(() => received.length >= 4);
  ws.close();
  expect(received.map((a) => a.text)).toEqual(['first', 'you said first', 'second', 'you said second']);
});

test('a stream opened with a watermark sends only what came after it', async () => {
  const conv = await start();
  await send(conv, 'one');
  const seenSoFar = await call('GET', `/conversations/${conv.conversationId}/activities`, conv.token);
  await send(conv, 'two');
  const resumed = await call(
    'GET',
    `/conversations/${conv.conversationId}?watermark=${seenSoFar.body.watermark}`,
    conv.token,
  );
  const ws = new WebSocket(resumed.body.streamUrl);
  const received: Activity[] = [];
  ws.on('message', (data) => data.toString() && received.push(...JSON.parse(data.toString()).activities));
  await waitFor(() => received.length >= 2);
  ws.close();
  expect(received.map((a) => a.text)).toEqual(['two', 'you said two']);
});

test('reconnect returns a fresh token and a streamUrl that resumes from the watermark', async () => {
  const conv = await start();
  const res = await call('GET', `/conversations/${conv.conversationId}?watermark=3`, conv.token);
  expect(res.status).toBe(200);
  expect(res.body.conversationId).toBe(conv.conversationId);
  expect(res.body.streamUrl).toContain('watermark=3');
  const polled = await call('GET', `/conversations/${conv.conversationId}/activities`, res.body.token);
  expect(polled.status).toBe(200);
});

test('a refreshed token keeps working for the same conversation', async () => {
  const conv = await start();
  const res = await call('POST', '/tokens/refresh', conv.token);
  expect(res.status).toBe(200);
  expect(res.body.conversationId).toBe(conv.conversationId);
  expect((await send({ ...conv, token: res.body.token }, 'after refresh')).status).toBe(200);
});

test("one conversation's token cannot read or write another conversation", async () => {
  const mine = await start();
  const theirs = await start();
  await send(theirs, 'a private message');
  const path = `/conversations/${theirs.conversationId}`;
  expect((await call('GET', `${path}/activities`, mine.token)).status).toBe(403);
  expect((await call('GET', `${path}?watermark=`, mine.token)).status).toBe(403);
  expect((await send({ ...theirs, token: mine.token }, 'intrusion')).status).toBe(403);

  const streamUrl = theirs.streamUrl.replace(/t=[^&]+/, `t=${encodeURIComponent(mine.token)}`);
  const ws = new WebSocket(streamUrl);
  const status = await new Promise<number>((resolve) =>
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode!)),
  );
  expect(status).toBe(403);

  // And they never saw the intrusion.
  const theirView = await call('GET', `${path}/activities`, theirs.token);
  expect(theirView.body.activities.map((a: Activity) => a.text)).not.toContain('intrusion');
});

test('bad tokens and bad activities get clear 4xx answers', async () => {
  const conv = await start();
  const forged = conv.token.slice(0, -2) + (conv.token.endsWith('AA') ? 'BB' : 'AA');
  expect((await call('GET', `/conversations/${conv.conversationId}/activities`, forged)).status).toBe(403);
  expect((await call('GET', `/conversations/${conv.conversationId}/activities`)).status).toBe(403);
  const post = (body: unknown) => call('POST', `/conversations/${conv.conversationId}/activities`, conv.token, body);
  expect((await post({ text: 'no type' })).status).toBe(400);
  expect((await post({ type: 'conversationUpdate' })).status).toBe(400);
  const raw = await fetch(`${base}/conversations/${conv.conversationId}/activities`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${conv.token}` },
    body: '{not json',
  });
  expect(raw.status).toBe(400);
  expect((await post({ type: 'message', text: 'x'.repeat(20_000) })).status).toBe(413);
  // A reply to a conversation that does not exist.
  const bot = await fetch(base.replace('/v3/directline', '/v3/conversations/nope/activities'), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ type: 'message' }),
  });
  expect(bot.status).toBe(404);
});

test('a dropped conversation answers 404, so the chat client ends it', async () => {
  const conv = await start();
  channel.conversations.drop(conv.conversationId);
  expect((await call('GET', `/conversations/${conv.conversationId}/activities`, conv.token)).status).toBe(404);
});

async function waitFor(check: () => boolean, ms = 5000) {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

test("the channel took every reply the stand-in bot sent in this file's conversations", () => {
  expect(replyStatuses.length).toBeGreaterThan(0);
  expect(replyStatuses.filter((status) => status !== 200)).toEqual([]);
});
