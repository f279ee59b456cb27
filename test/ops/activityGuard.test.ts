// The activity guard is one zod schema: what it lets through and what it refuses, with the field
// named in the reason; and what it hands on holds no identity code and no borrowed prototype.
import { checkActivity } from '../../src/http/activityGuard';
import { parseJson } from '../../src/http/jsonBody';
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
const members = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `u${i}` }));

test.each<[string, unknown]>([
  ['type', 'invoke'],
  ['type', 'conversationUpdate'],
  ['serviceUrl', 'HTTP://EXAMPLE.TEST'],
  ['serviceUrl', 'https://[::1]:3978/'],
  ['recipient', undefined],
  ['recipient', null],
  ['text', ''],
  ['text', undefined],
  ['attachments', [{ contentType: 'text/plain', content: 'x' }]],
  ['membersAdded', members(100)],
  ['channelData', {}],
  ['channelData', { constructor: null, prototype: 5 }],
  ['channelData', { constructor: 5 }],
  ['extra', [1, 'two']],
])('%s = %j passes, the other fields unchanged', (key, value) => {
  const body: Record<string, unknown> = { ...base, [key]: value };
  if (value === undefined) delete body[key];
  const got = checkActivity(body, 10_000);
  expect(got).toEqual({ ok: true, activity: body, textCut: false });
});

test.each<[string, unknown]>([
  ['type', undefined],
  ['type', '1message'],
  ['type', 'message!'],
  ['type', 'x'.repeat(41)],
  ['id', 'x'.repeat(513)],
  ['channelId', ''],
  ['channelId', 'x'.repeat(513)],
  ['serviceUrl', 'http://'],
  ['serviceUrl', 'http://a b'],
  ['serviceUrl', 'ftp://example.test'],
  ['serviceUrl', `https://example.test/${'x'.repeat(3000)}`],
  ['conversation', {}],
  ['conversation', { id: '' }],
  ['conversation', 'c1'],
  ['from', undefined],
  ['from', { id: 'ok', name: 5 }],
  ['recipient', { id: '' }],
  ['text', 5],
  ['locale', 'x'.repeat(65)],
  ['timestamp', 'x'.repeat(65)],
  ['deliveryMode', 'notify'],
  ['attachments', [{}]],
  ['attachments', Array.from({ length: 51 }, () => ({ contentType: 'text/plain' }))],
  ['channelData', []],
  ['channelData', 'x'],
  ['membersAdded', members(101)],
  ['membersRemoved', [{ id: '' }]],
])('%s = %j is refused, the reason naming the field', (key, value) => {
  const body: Record<string, unknown> = { ...base, [key]: value };
  if (value === undefined) delete body[key];
  const got = checkActivity(body, 10_000);
  expect(got.ok).toBe(false);
  if (!got.ok) expect(got.reason.split(/[.:]/)[0]).toBe(key);
});

test('a body that is no object is refused', () => {
  for (const body of [undefined, null, '', 5, [base]]) expect(checkActivity(body, 10_000).ok).toBe(false);
});

test('a __proto__ key in the JSON, plain or escaped, lends the activity nothing: no text, no identity code', () => {
  const { text: _text, ...noText } = base;
  const json = JSON.stringify(noText);
  for (const key of ['__proto__', '__pro\\u0074o__']) {
    const body = `${json.slice(0, -1)},"${key}":{"text":"hetuni 131052-308T","type":"message"},"from":{"id":"u","${key}":{"name":"131052-308T"}}}`;
    const got = checkActivity(parseJson(body), 10_000);
    if (!got.ok) throw new Error(got.reason);
    expect(Object.getPrototypeOf(got.activity)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(got.activity.from)).toBe(Object.prototype);
    expect(got.activity.text).toBeUndefined();
    expect(got.activity.from.name).toBeUndefined();
  }
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
