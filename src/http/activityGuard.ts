import { z } from 'zod/v4';
import { IDENTITY_CODE_PLACEHOLDER, redactIdentityCodes } from '../../knowledge';

/**
 * The shape an activity must have before it reaches the adapter. botbuilder's own checks throw on
 * many malformed bodies (a missing type, a conversation that is a number, a null `from`) and the
 * adapter then answers 500; here such a body gets 400 with a short reason instead. Unknown extra
 * fields pass through untouched (channels add their own).
 *
 * Written with zod's version 4 engine (`zod/v4`, shipped inside the zod package the knowledge
 * uses): it checks a turn's activity in about a third of version 3's time, so this one schema is
 * the whole check (figures: docs/operations.md). An own `__proto__` key never reaches it: the JSON
 * reader drops such keys (src/http/jsonBody.ts).
 */
const id = z.string().min(1).max(512);
const account = z.looseObject({ id, name: z.string().max(512).nullish() });
const HTTP_URL = /^https?:\/\//i;

export const activitySchema = z.looseObject({
  type: z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,39}$/, 'unknown activity type'),
  id: z.string().max(512).nullish(),
  channelId: id,
  serviceUrl: z
    .string()
    .max(2048)
    .refine((u) => HTTP_URL.test(u) && URL.canParse(u), 'must be an http(s) URL'),
  conversation: z.looseObject({ id }),
  from: account,
  recipient: account.nullish(),
  text: z.string().nullish(),
  locale: z.string().max(64).nullish(),
  timestamp: z.string().max(64).nullish(),
  deliveryMode: z.enum(['normal', 'notification', 'expectReplies', 'ephemeral']).nullish(),
  attachments: z
    .array(z.looseObject({ contentType: z.string().max(256) }))
    .max(50)
    .nullish(),
  // Any object: zod 4's record throws on an object whose `constructor` key is null, and refuses one
  // whose `constructor` is a number; a loose object takes every key as it comes.
  channelData: z.looseObject({}).nullish(),
  membersAdded: z.array(account).max(100).nullish(),
  membersRemoved: z.array(account).max(100).nullish(),
});

export type GuardedActivity = z.infer<typeof activitySchema>;

export type ActivityCheck = { ok: true; activity: GuardedActivity; textCut: boolean } | { ok: false; reason: string };

/**
 * The first `max` characters (whole code points) of a text whose identity codes are already the
 * knowledge's placeholder. A code in the part cut away leaves its placeholder at the end: the bot
 * still warns about a code it never reads.
 */
function cutText(redacted: string, max: number, hadCode: boolean): string {
  const cut = Array.from(redacted).slice(0, max).join('');
  if (!hadCode || cut.includes(IDENTITY_CODE_PLACEHOLDER)) return cut;
  return `${Array.from(cut)
    .slice(0, max - IDENTITY_CODE_PLACEHOLDER.length - 1)
    .join('')} ${IDENTITY_CODE_PLACEHOLDER}`;
}

/**
 * Validates `body`; in every string of it (text, value, channelData, entities, names,
 * attachments, keys too) identity codes become the knowledge's placeholder, so nothing after this
 * point (adapter, dialogs, state, logs) ever holds one; and an overlong text is cut to
 * `maxTextChars` characters (whole code points): the one length limit a message's text meets.
 */
export function checkActivity(body: unknown, maxTextChars: number): ActivityCheck {
  const parsed = activitySchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: `${issue.path.join('.') || 'body'}: ${issue.message}` };
  }
  const activity = redactIdentityCodes(parsed.data);
  let textCut = false;
  if (typeof activity.text === 'string' && activity.text.length > maxTextChars) {
    activity.text = cutText(activity.text, maxTextChars, activity.text.includes(IDENTITY_CODE_PLACEHOLDER));
    textCut = true;
  }
  return { ok: true, activity, textCut };
}
