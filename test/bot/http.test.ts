import type { Activity } from 'botbuilder';
import { facts } from '../../knowledge';
import { captureLogs } from '../../src/logger';
import { t } from '../../dialogs/replies/texts';
import { request, startHost, type Host } from '../ops/host';
import { readMetrics, total } from '../ops/figures';

// The real server (src/index.ts start) on a free port, spoken to over HTTP with
// deliveryMode "expectReplies": the replies come back in the response body.

let running: Host;
const MAX = 4096;

beforeAll(async () => {
  running = await startHost({ GUIDE_DATE: '2022-06-15', MAX_BODY_BYTES: String(MAX) });
});
afterAll(() => running.close());

/** What the host answers: expectReplies' activities, or an error's message. */
interface Body {
  activities: Partial<Activity>[];
  message: string;
}

interface Answer {
  status: number;
  body: Body;
}

/** The body parsed when it is JSON, else its text. */
async function post(
  path: string,
  body: string | Buffer,
  headers: Record<string, string> = { 'content-type': 'application/json' },
): Promise<Answer> {
  const res = await request(`${running.url}${path}`, { method: 'POST', headers, body });
  return { status: res.status, body: (res.json ?? res.text) as Body };
}

let seq = 0;
function activity(extra: Record<string, unknown> = {}, conversationId = 'http-conv') {
  return {
    type: 'message',
    id: `a${++seq}`,
    channelId: 'test',
    serviceUrl: 'http://127.0.0.1:9/',
    conversation: { id: conversationId },
    from: { id: 'user-1' },
    recipient: { id: 'bot' },
    locale: 'fi-FI',
    deliveryMode: 'expectReplies',
    ...extra,
  };
}
const send = (a: object) => post('/api/messages', JSON.stringify(a));

test('GET /healthz answers ok', async () => {
  const res = await fetch(`${running.url}/healthz`);
  expect(res.status).toBe(200);
  expect(await res.json()).toMatchObject({ status: 'ok' });
});

test('a message with expectReplies gets the answer card in the HTTP body', async () => {
  const m = facts.municipalities.savonlinna.fi;
  const res = await send(activity({ text: `${m}, 24 vuotta, työmarkkinatuki` }, 'http-answer'));
  expect(res.status).toBe(200);
  const activities = res.body.activities;
  const card = activities
    .flatMap((a) => a.attachments ?? [])
    .find((x) => x.contentType === 'application/vnd.microsoft.card.adaptive');
  expect(JSON.stringify(card?.content)).toContain(facts.providers.savonlinnaPilot.name.fi);
  for (const a of activities) {
    expect(a.speak).toBeTruthy();
    expect(a.inputHint).toBeTruthy();
  }
});

test('joining gets the greeting with language buttons', async () => {
  const res = await send(
    activity(
      { type: 'conversationUpdate', text: undefined, locale: 'sv-FI', membersAdded: [{ id: 'user-1' }] },
      'http-join',
    ),
  );
  expect(res.status).toBe(200);
  const actions = res.body.activities.flatMap((a) => a.suggestedActions?.actions ?? []).map((x) => x.title);
  expect(actions).toEqual(['Suomi', 'Svenska', 'English']);
});

describe('bad input gets a 4xx with a short reason, never a 500', () => {
  test.each([
    ['malformed JSON', '{"type": "message", ', 400],
    ['an empty body', '', 400],
    ['a JSON array', '[1,2]', 400],
    ['a JSON string', '"hello"', 400],
  ])('%s', async (_name, body, status) => {
    const res = await post('/api/messages', body);
    expect(res.status).toBe(status);
    expect(typeof res.body.message).toBe('string');
    expect(res.body.message.length).toBeLessThan(200);
  });

  test.each([
    ['no activity type', { type: undefined }, 'type'],
    ['no conversation', { conversation: undefined }, 'conversation'],
    ['no channel', { channelId: undefined }, 'channelId'],
    ['no sender', { from: undefined }, 'from'],
    ['a conversation that is a number', { conversation: 42 }, 'conversation'],
  ])('%s → 400 naming the field', async (_name, change, field) => {
    const res = await send(activity({ text: 'hei', ...change }));
    expect(res.status).toBe(400);
    expect(res.body.message).toContain(field);
  });

  test('a wrong content type → 415', async () => {
    const res = await post('/api/messages', JSON.stringify(activity({ text: 'hei' })), {
      'content-type': 'text/plain',
    });
    expect(res.status).toBe(415);
    expect(res.body.message).toMatch(/application\/json/);
  });

  test('no content type → 415', async () => {
    const res = await post('/api/messages', JSON.stringify(activity({ text: 'hei' })), {});
    expect(res.status).toBe(415);
  });

  test('an oversized body → 413', async () => {
    const res = await send(activity({ text: 'x'.repeat(MAX * 2) }));
    expect(res.status).toBe(413);
    expect(res.body.message).toMatch(/larger than/);
  });

  test('the malformed-JSON answer does not quote the body back', async () => {
    const res = await post('/api/messages', '{"text": "secret-words', { 'content-type': 'application/json' });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).not.toContain('secret-words');
  });

  test('the server still answers after all of that', async () => {
    const res = await send(activity({ text: 'hei' }, 'http-after'));
    expect(res.status).toBe(200);
    expect(res.body.activities.length).toBeGreaterThan(0);
  });
});

test('a whole dialog over HTTP: question, language switch, answer, then delete my data', async () => {
  const conv = 'http-dialog';
  const textsOf = (r: Answer) => r.body.activities.map((a) => a.text);
  let r = await send(activity({ text: facts.municipalities.mantyharju.fi }, conv));
  expect(textsOf(r)).toContain(facts.texts.questions.age['fi']);
  r = await send(activity({ text: 'in English please' }, conv));
  expect(textsOf(r)).toEqual([t('languageSwitched', 'en'), facts.texts.questions.age['en']]);
  r = await send(activity({ text: '19' }, conv));
  expect(JSON.stringify(r.body)).toContain(facts.providers.mikkeliPilot.name.en);
  r = await send(activity({ text: 'delete my data' }, conv));
  expect(textsOf(r)).toContain(t('dataDeleted', 'en'));
  // Nothing is left: the language and the answers are gone, the next message starts afresh.
  r = await send(activity({ text: '45' }, conv));
  expect(textsOf(r)).toEqual([facts.texts.questions.municipality.fi]);
});

test('nothing the user types reaches the log, an identity code least of all', async () => {
  const logs = captureLogs('trace');
  try {
    const r = await send(activity({ text: 'asun Juvalla ja hetu on 131052-308T, salainen-sana' }, 'http-private'));
    expect(r.status).toBe(200);
    expect(JSON.stringify(r.body)).toContain(t('identityCodeWarning', 'fi'));
    await send(activity({ text: '{"broken json' }, 'http-private'));
  } finally {
    logs.restore();
  }
  // The capture holds both requests' own log lines: the scan below reads what the server wrote.
  const requests = logs.lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'request' || l.status === 400);
  expect(requests.length).toBeGreaterThanOrEqual(2);
  const log = logs.lines.join('\n');
  expect(log).not.toContain('131052');
  expect(log).not.toContain('salainen-sana');
});

test('"was this helpful?" answers are counted in the figures (/metrics), as numbers only', async () => {
  const counts = async () => {
    const samples = await readMetrics(running.url);
    return {
      helpful: total(samples, 'guide_feedback_total', { helpful: 'yes' }),
      notHelpful: total(samples, 'guide_feedback_total', { helpful: 'no' }),
    };
  };
  const before = await counts();
  for (const [conv, answer] of [
    ['http-fb-1', t('buttonYes', 'fi')],
    ['http-fb-2', t('buttonYes', 'fi')],
    ['http-fb-3', t('buttonNo', 'fi')],
  ]) {
    const r = await send(activity({ text: facts.municipalities.pieksamaki.fi }, conv));
    expect(JSON.stringify(r.body)).toContain(t('askHelpful', 'fi'));
    await send(activity({ text: answer }, conv));
  }
  expect(await counts()).toEqual({
    helpful: before.helpful + 2,
    notHelpful: before.notHelpful + 1,
  });
});

test('activities without text (an image, a typing signal, an event) never break the dialog', async () => {
  const conv = 'http-notext';
  let r = await send(activity({ text: facts.municipalities.juva.fi }, conv));
  expect(r.status).toBe(200);
  r = await send(
    activity(
      { text: undefined, attachments: [{ contentType: 'image/png', contentUrl: 'http://127.0.0.1:9/x.png' }] },
      conv,
    ),
  );
  expect(r.status).toBe(200);
  expect(JSON.stringify(r.body)).toContain(facts.texts.questions.age.fi);
  for (const type of ['typing', 'event']) {
    r = await send(activity({ type, text: undefined, name: type === 'event' ? 'webchat/join' : undefined }, conv));
    expect(r.status).toBe(200);
  }
  r = await send(activity({ text: '24' }, conv));
  expect(JSON.stringify(r.body)).toContain(facts.providers.mikkeliPilot.name.fi);
});
