import { facts, LANGS, municipalityName, type Lang } from '../../knowledge';
import { t } from '../../dialogs/replies/texts';
import { ATTRIBUTE_VALUES } from '../../src/metrics';
import { BoundedMemoryStorage } from '../../src/storage';
import { request, startHost, type Host } from './host';
import { readMetrics, total, type Sample } from './figures';

// The service's figures, read as Prometheus reads them (GET /metrics), after conversations driven
// over HTTP (POST /api/messages, expectReplies) in every language and on every kind of channel:
// each count is exactly what was said, and no label carries anything but its closed values.

const CHANNELS = ['directline', 'msteams', 'slack'] as const;
/** What each channel id is counted as. */
const COUNTED_AS: Record<(typeof CHANNELS)[number], string> = {
  directline: 'directline',
  msteams: 'msteams',
  slack: 'other',
};
const LOCALE: Record<Lang, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-US' };
/** Questions about the personal coach, as people write them (test input, not facts). */
const COACH: Record<Lang, string> = {
  fi: 'mikä on omavalmentaja',
  sv: 'vad är en egen coach',
  en: 'what is a personal coach',
};
const CANCEL: Record<Lang, string> = { fi: 'peruuta', sv: 'avbryt', en: 'cancel' };

let seq = 0;
/** One message on `channel` in `conversation`; returns the HTTP status and the replies' JSON. */
async function say(url: string, channel: string, conversation: string, lang: Lang, text: string) {
  const res = await request(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'message',
      id: `m${++seq}`,
      channelId: channel,
      serviceUrl: 'http://127.0.0.1:9/',
      conversation: { id: conversation, conversationType: 'personal' },
      from: { id: `user-${conversation}` },
      recipient: { id: 'bot' },
      locale: LOCALE[lang],
      deliveryMode: 'expectReplies',
      text,
    }),
  });
  expect(res.status).toBe(200);
  return res.text;
}

/** Every sample of the guide's counters (histograms aside), as `name{k=v,…}` → value. */
function counters(samples: Sample[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of samples) {
    if (!s.name.endsWith('_total')) continue;
    const labels = Object.entries(s.labels)
      .sort()
      .map(([k, v]) => `${k}=${v}`)
      .join(',');
    out[`${s.name}{${labels}}`] = s.value;
  }
  return out;
}

const key = (name: string, labels: Record<string, string>) =>
  `${name}{${Object.entries(labels)
    .sort()
    .map(([k, v]) => `${k}=${v}`)
    .join(',')}}`;

describe('in the pilot period', () => {
  let host: Host;
  beforeAll(async () => {
    host = await startHost({ GUIDE_DATE: '2022-06-15' });
  });
  afterAll(() => host.close());

  test('scripted conversations in fi, sv and en on Direct Line, Teams and a generic channel give exact counts', async () => {
    const pieksamaki = (lang: Lang) => municipalityName(facts.municipalities.pieksamaki, lang);
    const juva = (lang: Lang) => municipalityName(facts.municipalities.juva, lang);
    await Promise.all(
      LANGS.flatMap((lang) =>
        CHANNELS.map(async (channel) => {
          const c = `${channel}-${lang}`;
          // A: the answer at once (the TE office serves Pieksämäki), then "helpful".
          expect(await say(host.url, channel, `${c}-a`, lang, pieksamaki(lang))).toContain(t('askHelpful', lang));
          await say(host.url, channel, `${c}-a`, lang, t('buttonYes', lang));
          // B: the age is asked, an answer that tells nothing, start again, then cancel.
          expect(await say(host.url, channel, `${c}-b`, lang, juva(lang))).toContain(
            JSON.stringify(facts.texts.questions.age[lang]).slice(1, -1),
          );
          await say(host.url, channel, `${c}-b`, lang, 'qwerty');
          await say(host.url, channel, `${c}-b`, lang, t('buttonStartAgain', lang));
          await say(host.url, channel, `${c}-b`, lang, CANCEL[lang]);
          // C: only a question about the pilots.
          await say(host.url, channel, `${c}-c`, lang, COACH[lang]);
        }),
      ),
    );
    // Refused requests: a form body (415) and a path nobody serves (404).
    const refused = await request(`${host.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'a=1',
    });
    expect(refused.status).toBe(415);
    expect((await request(`${host.url}/no-such-page`)).status).toBe(404);

    const expected: Record<string, number> = {};
    const add = (name: string, labels: Record<string, string>, n: number) => {
      const k = key(name, labels);
      expected[k] = (expected[k] ?? 0) + n;
    };
    for (const lang of LANGS) {
      for (const channel of CHANNELS) {
        const counted = COUNTED_AS[channel];
        add('guide_conversations_started_total', { channel: counted, lang }, 3);
        add('guide_answers_total', { period: 'pilot', service: 'teOffice', lang, channel: counted }, 1);
      }
      add('guide_questions_asked_total', { slot: 'age', lang }, 3);
      add('guide_questions_asked_total', { slot: 'municipality', lang }, 3);
      add('guide_questions_not_understood_total', { slot: 'age', lang }, 3);
      add('guide_topics_total', { topic: 'coach', lang }, 3);
    }
    add('guide_feedback_total', { period: 'pilot', service: 'teOffice', helpful: 'yes' }, 9);
    add('guide_conversations_left_total', { slot: 'age', reason: 'restart' }, 9);
    add('guide_conversations_left_total', { slot: 'municipality', reason: 'cancel' }, 9);
    add('guide_requests_refused_total', { status: '415', route: 'messages' }, 1);
    add('guide_requests_refused_total', { status: '404', route: 'other' }, 1);

    const samples = await readMetrics(host.url);
    expect(counters(samples)).toEqual(expected);
    // Every turn is timed: 3 × 3 × (2 + 4 + 1) turns.
    expect(total(samples, 'guide_turn_duration_count')).toBe(63);
  });

  test('every label of every exported figure is one of its closed values', async () => {
    const samples = await readMetrics(host.url);
    expect(samples.length).toBeGreaterThan(0);
    const buckets = new Set(samples.filter((s) => s.name === 'guide_turn_duration_bucket').map((s) => s.labels.le));
    for (const s of samples) {
      expect(s.name).toMatch(/^guide_/);
      for (const [name, value] of Object.entries(s.labels)) {
        if (name === 'le' && s.name === 'guide_turn_duration_bucket') {
          expect(value).toMatch(/^(\d+(\.\d+)?|\+Inf)$/);
          continue;
        }
        expect({ name, value, allowed: ATTRIBUTE_VALUES[name]?.includes(value) ?? false }).toEqual({
          name,
          value,
          allowed: true,
        });
      }
    }
    expect(buckets.size).toBeGreaterThan(5);
  });

  test('100 people answering "was this helpful?" at the same moment are all counted, with no storage item for it', async () => {
    const storage = host.storage.inner as BoundedMemoryStorage;
    const before = await readMetrics(host.url);
    const people = Array.from({ length: 100 }, (_, i) => `crowd-${i}`);
    await Promise.all(people.map((c) => say(host.url, 'directline', c, 'fi', facts.municipalities.pieksamaki.fi)));
    const held = storage.size;
    await Promise.all(
      people.map((c, i) => say(host.url, 'directline', c, 'fi', t(i % 5 < 3 ? 'buttonYes' : 'buttonNo', 'fi'))),
    );
    const after = await readMetrics(host.url);
    const feedback = (samples: Sample[], helpful: string) =>
      total(samples, 'guide_feedback_total', { helpful, service: 'teOffice' });
    expect(feedback(after, 'yes') - feedback(before, 'yes')).toBe(60);
    expect(feedback(after, 'no') - feedback(before, 'no')).toBe(40);
    // The answers were counted without a single new item in the conversations' store.
    expect(storage.size).toBe(held);
  });
});

test('after the pilot period an answer counts the employment area that serves the municipality now', async () => {
  const host = await startHost({ GUIDE_DATE: '2025-03-01' });
  try {
    const enonkoski = facts.areaMembership.enonkoski;
    expect(enonkoski.status).not.toBe('disputed');
    await say(host.url, 'directline', 'today-1', 'fi', facts.municipalities.enonkoski.fi);
    await say(host.url, 'directline', 'today-1', 'fi', t('buttonNo', 'fi'));
    await say(host.url, 'msteams', 'today-2', 'sv', municipalityName(facts.municipalities.pieksamaki, 'sv'));
    const samples = await readMetrics(host.url);
    expect(counters(samples)).toMatchObject({
      [key('guide_answers_total', {
        period: 'today',
        service: enonkoski.areaIds[0],
        lang: 'fi',
        channel: 'directline',
      })]: 1,
      [key('guide_feedback_total', { period: 'today', service: enonkoski.areaIds[0], helpful: 'no' })]: 1,
      [key('guide_answers_total', {
        period: 'today',
        service:
          facts.areaMembership.pieksamaki.status === 'disputed'
            ? 'disputed'
            : facts.areaMembership.pieksamaki.areaIds[0],
        lang: 'sv',
        channel: 'msteams',
      })]: 1,
    });
  } finally {
    await host.close();
  }
});
