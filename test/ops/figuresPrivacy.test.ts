import { request, startHost, type Host } from './host';
import { parseMetrics } from './figures';

// Nothing a person types, nor any id a channel sends, reaches an exported figure or the /stats
// page: messages that look like names, e-mail addresses, phone numbers, user ids and personal
// identity codes, sent in the text and in every id field of the activity.

const PROBES = [
  'Matti Meikäläinen',
  'Liisa-Virtanen',
  '131052-308T',
  '010101A1234',
  'matti.meikalainen@example.com',
  '040 123 4567',
  'user-7f3a9c0d',
  'Jyväskylänkatu 12 B 7',
];

let host: Host;
beforeAll(async () => {
  host = await startHost({ GUIDE_DATE: '2022-06-15' });
});
afterAll(() => host.close());

async function send(fields: Record<string, unknown>, text: string): Promise<void> {
  const res = await request(`${host.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'message',
      serviceUrl: 'http://127.0.0.1:9/',
      recipient: { id: 'bot' },
      deliveryMode: 'expectReplies',
      text,
      ...fields,
    }),
  });
  expect(res.status).toBe(200);
}

test('names, ids and identity codes sent in messages and ids appear in no figure, on /metrics or /stats', async () => {
  for (const [i, probe] of PROBES.entries()) {
    const ids = {
      channelId: `ch-${probe}`,
      conversation: { id: `conv-${probe}-${i}`, name: probe },
      from: { id: `from-${probe}`, name: probe },
      locale: `fi-FI`,
    };
    await send(ids, `Hei, olen ${probe}, asun Juvalla ja henkilötunnukseni on ${probe}`);
    await send(ids, `${probe}`);
    await send(ids, `nimeni on ${probe}, olen 37 ja saan työmarkkinatukea`);
    await send(ids, 'aloita alusta');
    await send({ ...ids, channelId: 'msteams' }, `my name is ${probe}`);
  }
  const metrics = await request(`${host.url}/metrics`);
  const stats = await request(`${host.url}/stats?lang=fi`);
  expect(metrics.status).toBe(200);
  expect(stats.status).toBe(200);
  // The conversations were counted…
  expect(parseMetrics(metrics.text).some((s) => s.name === 'guide_conversations_started_total')).toBe(true);
  // …and none of what they carried is in the figures.
  for (const probe of PROBES) {
    for (const [where, text] of [
      ['/metrics', metrics.text],
      ['/stats', stats.text],
    ]) {
      expect({ where, probe, found: text.includes(probe) }).toEqual({ where, probe, found: false });
      // Escaped, or with its spaces as underscores (Prometheus names), it is not there either.
      const variants = [probe.replace(/ /g, '_'), encodeURIComponent(probe), JSON.stringify(probe).slice(1, -1)];
      for (const v of variants) expect({ where, v, found: text.includes(v) }).toEqual({ where, v, found: false });
    }
  }
});
