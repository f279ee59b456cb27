// The activity guard's hand-written fast path must agree with its schema: same verdict, same
// activity, for valid bodies and for every single-field mutation of them.
import { activitySchema, checkActivity } from '../../src/http/activityGuard';
import { IDENTITY_CODE_PLACEHOLDER } from '../../knowledge';

const base = {
  type: 'message',
  id: 'a1',
  channelId: 'webchat',
  serviceUrl: 'https://example.test/api/',
  conversation: { id: 'c1', isGroup: false },
  from: { id: 'u1', name: 'User' },
  recipient: { id: 'bot', name: null },
  text: 'hei',
  locale: 'fi-FI',
  timestamp: '2021-02-17T10:00:00Z',
  deliveryMode: 'expectReplies',
  channelData: { clientActivityID: 'x' },
  membersAdded: [{ id: 'u1' }],
  extra: { any: 1 },
};
const odd: unknown[] = [
  undefined,
  null,
  '',
  ' ',
  'x'.repeat(65),
  'x'.repeat(513),
  'x'.repeat(3000),
  0,
  5,
  true,
  {},
  [],
  [{}],
  [{ id: '' }],
  { id: '' },
  { id: 'ok' },
  { id: 'ok', name: 5 },
  'http://',
  'http://a b',
  'ftp://example.test',
  'HTTP://EXAMPLE.TEST',
  'https://[::1]:3978/',
  'notify',
  'normal',
  'invoke',
  '1message',
  'message!',
  [{ id: 'u' }],
  Array.from({ length: 101 }, () => ({ id: 'u' })),
  [{ contentType: 'text/plain' }],
];

test('fast path and schema agree on every single-field mutation of a valid activity', () => {
  let compared = 0;
  for (const key of [...Object.keys(base), 'attachments', 'membersRemoved', '__proto__']) {
    for (const value of odd) {
      const body: Record<string, unknown> = { ...base };
      if (key === '__proto__')
        Object.defineProperty(body, '__proto__', { value, enumerable: true, configurable: true, writable: true });
      else if (value === undefined) delete body[key];
      else body[key] = value;
      const expected = activitySchema.safeParse(body);
      const got = checkActivity(body, 10_000);
      expect({ key, value, ok: got.ok }).toEqual({ key, value, ok: expected.success });
      if (got.ok && expected.success) expect(got.activity).toEqual(expected.data);
      compared++;
    }
  }
  expect(compared).toBeGreaterThan(400);
});

test('a valid body is not changed when its text is cut', () => {
  const body = { ...base, text: 'å'.repeat(20) };
  const got = checkActivity(body, 5);
  expect(got.ok && got.activity.text).toBe('å'.repeat(5));
  expect(body.text).toBe('å'.repeat(20));
});

test('an identity code in any text, short or long, becomes the knowledge placeholder before the bot reads it', () => {
  for (const text of ['hetuni 131052-308T kiitos', `${'a '.repeat(600)}131052-308T`]) {
    const check = checkActivity({ ...base, text }, 1000);
    if (!check.ok) throw new Error(check.reason);
    expect(check.activity.text).not.toContain('131052');
    expect(check.activity.text).toContain(IDENTITY_CODE_PLACEHOLDER);
  }
});
