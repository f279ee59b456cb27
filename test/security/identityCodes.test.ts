// Identity codes are redacted in every string of an activity, in every form people type them,
// before the bot reads, stores or logs it and before the built-in channel keeps it; and the
// channel's transcript keeps only what the bot accepted.
import { IDENTITY_CODE_PLACEHOLDER, redactIdentityCodes } from '../../knowledge';
import { t } from '../../dialogs/replies/texts';
import { captureLogs } from '../../src/logger';
import { request, startHost, type Host } from '../ops/host';
import { postJson, startConversation } from './attack';

// Two real codes (their check characters are right) and the digits that must never be seen.
const CODE = '131052-308T';
const CODE_2000 = '010101A123N';
const SEEN = [/131052.{0,6}308/i, /010101.{0,6}123/i];
/** True when a code shows in `text`, once invisible characters are gone and wide digits are plain. */
const leaks = (text: string) =>
  SEEN.some((d) =>
    d.test(
      text
        .normalize('NFKC')
        .replace(/[\p{Cf}\u00ad]/gu, '')
        .replace(/\\[tu]/g, ''),
    ),
  );

const FORMS: Record<string, string> = {
  hyphen: '131052-308T',
  plus: '131052+308T',
  'century letter': '131052A308T',
  'lower case': '131052a308t',
  'en dash': '131052\u2013308T',
  'em dash': '131052\u2014308T',
  'minus sign': '131052\u2212308T',
  'non-breaking hyphen': '131052\u2011308T',
  'full-width hyphen': '131052\uff0d308T',
  'spaces around the sign': '131052 - 308T',
  'a space instead of the sign': '131052 308T',
  'a no-break space instead': '131052\u00a0308T',
  'a tab instead': '131052\t308T',
  'no separator': '131052308T',
  'full-width digits': '\uff11\uff13\uff11\uff10\uff15\uff12\uff0d\uff13\uff10\uff18\uff34',
  'zero-width space inside': '1310\u200b52-30\u200b8T',
  'zero-width joiner and soft hyphen inside': '13\u200d1052-3\u00ad08T',
  'word joiner and BOM inside': '131052\u2060-\ufeff308T',
  'in a sentence': 'hetuni on 131052-308T, asun Juvalla',
  'after a colon, before a full stop': 'hetu:131052-308T.',
  '2000s code': CODE_2000,
};

describe('every typed form of a code', () => {
  test.each(Object.entries(FORMS))('%s is redacted', (_form, text) => {
    const redacted = redactIdentityCodes(text);
    expect(redacted).toContain(IDENTITY_CODE_PLACEHOLDER);
    expect(leaks(redacted)).toBe(false);
  });

  test.each([
    '0401234567',
    '040 123 4567',
    '+358 40 1234567',
    '0501234567',
    '1310523081',
    'tilausnumero 123456-7890',
    'vuonna 2021, 27 vuotta',
  ])('%s (a phone number or other number, no code) is left alone', (text) => {
    expect(redactIdentityCodes(text)).toBe(text);
  });

  test('a form with a sign and a wrong check character is still redacted (a typo is still personal data)', () => {
    expect(redactIdentityCodes('131052-308A')).toBe(IDENTITY_CODE_PLACEHOLDER);
  });
});

/** An activity with a code in every kind of field. */
const everywhere = (base: Record<string, unknown>) => ({
  ...base,
  text: `asun Juvalla ${FORMS['en dash']}`,
  value: { hetu: FORMS['no separator'], list: [FORMS['zero-width space inside']] },
  channelData: { note: FORMS['full-width digits'], [CODE]: 'key' },
  entities: [{ type: 'note', text: FORMS['a tab instead'] }],
  from: { ...(base.from as object), name: FORMS['spaces around the sign'] },
  attachments: [{ contentType: 'text/plain', content: FORMS['2000s code'] }],
});

test('a code in any string of a structure is redacted, keys included; a structure without one is the same object', () => {
  const clean = { text: 'hei', value: { a: [1, 'b'] } };
  expect(redactIdentityCodes(clean)).toBe(clean);
  const redacted = redactIdentityCodes(everywhere({ type: 'message', from: { id: 'u' } }));
  expect(leaks(JSON.stringify(redacted))).toBe(false);
});

describe('through the running server', () => {
  let host: Host;
  beforeAll(async () => {
    host = await startHost();
  });
  afterAll(() => host.close());

  test('the bot reads no code from any field and warns; no log line holds one, tab or not', async () => {
    const logs = captureLogs('trace');
    let replies: string;
    try {
      const res = await postJson(
        `${host.url}/api/messages`,
        everywhere({
          type: 'message',
          channelId: 'test',
          serviceUrl: 'http://127.0.0.1:9/',
          // Ids are logged: one with a tab inside a code must not dodge the redaction.
          conversation: { id: `conv-${FORMS['a tab instead']}` },
          from: { id: `user-${CODE}` },
          recipient: { id: 'bot' },
          locale: 'fi-FI',
          deliveryMode: 'expectReplies',
        }),
      );
      expect(res.status).toBe(200);
      replies = res.text;
    } finally {
      logs.restore();
    }
    expect(replies).toContain(t('identityCodeWarning', 'fi'));
    // The capture holds this request's own log line, so the scan below reads what the server wrote.
    expect(logs.lines.map((l) => JSON.parse(l)).find((l) => l.msg === 'request')).toMatchObject({ status: 200 });
    expect(logs.lines.filter(leaks)).toEqual([]);
  });

  test("the built-in channel keeps no code, in any field, in its transcript or its stream's backlog", async () => {
    const conv = await startConversation(host);
    const url = `${host.url}/v3/directline/conversations/${conv.conversationId}/activities`;
    const auth = { authorization: `Bearer ${conv.token}` };
    const sent = await postJson(url, everywhere({ type: 'message', from: { id: 'ignored' } }), auth);
    expect(sent.status).toBe(200);
    const transcript = await request(url, { headers: auth });
    expect(transcript.text).toContain(t('identityCodeWarning', 'fi').slice(0, 30));
    expect(leaks(transcript.text)).toBe(false);
  });

  test('an activity the bot refuses is not kept in the transcript', async () => {
    const conv = await startConversation(host);
    const url = `${host.url}/v3/directline/conversations/${conv.conversationId}/activities`;
    const auth = { authorization: `Bearer ${conv.token}` };
    // A locale longer than any real one: the bot's guard refuses the activity (400).
    const refused = await postJson(url, { type: 'message', text: 'refused-marker', locale: 'x'.repeat(100) }, auth);
    expect(refused.status).toBe(400);
    const accepted = await postJson(url, { type: 'message', text: 'accepted-marker' }, auth);
    expect(accepted.status).toBe(200);
    const transcript = await request(url, { headers: auth });
    expect(transcript.text).toContain('accepted-marker');
    expect(transcript.text).not.toContain('refused-marker');
  });
});
