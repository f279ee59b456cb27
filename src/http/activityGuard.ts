import { z } from 'zod';
import { IDENTITY_CODE_PLACEHOLDER, redactIdentityCodes } from '../../knowledge';

/**
 * The shape an activity must have before it reaches the adapter. botbuilder's own checks throw on
 * many malformed bodies (a missing type, a conversation that is a number, a null `from`) and the
 * adapter then answers 500; here such a body gets 400 with a short reason instead. Unknown extra
 * fields pass through untouched (channels add their own).
 */
const id = z.string().min(1).max(512);
const account = z.object({ id, name: z.string().max(512).nullish() }).passthrough();

export const activitySchema = z
  .object({
    type: z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,39}$/, 'unknown activity type'),
    id: z.string().max(512).nullish(),
    channelId: id,
    serviceUrl: z
      .string()
      .max(2048)
      .url()
      .refine((u) => /^https?:\/\//i.test(u), 'must be http(s)'),
    conversation: z.object({ id }).passthrough(),
    from: account,
    recipient: account.nullish(),
    text: z.string().nullish(),
    locale: z.string().max(64).nullish(),
    timestamp: z.string().max(64).nullish(),
    deliveryMode: z.enum(['normal', 'notification', 'expectReplies', 'ephemeral']).nullish(),
    attachments: z
      .array(z.object({ contentType: z.string().max(256) }).passthrough())
      .max(50)
      .nullish(),
    channelData: z.record(z.unknown()).nullish(),
    membersAdded: z.array(account).max(100).nullish(),
    membersRemoved: z.array(account).max(100).nullish(),
  })
  .passthrough();

export type GuardedActivity = z.infer<typeof activitySchema>;

export type ActivityCheck = { ok: true; activity: GuardedActivity; textCut: boolean } | { ok: false; reason: string };

// The fast path: the same rules as activitySchema written out by hand for the common valid activity
// (zod's safeParse is a measurable part of a turn's CPU: docs/operations.md). It only ever says
// "valid" where the schema would; anything it is unsure of (attachments, an odd field, any invalid
// value) goes to the schema, so the answers and reasons for bad input stay the schema's.
const TYPE = /^[A-Za-z][A-Za-z0-9]{0,39}$/;
const HTTP = /^https?:\/\//i;
const DELIVERY = new Set(['normal', 'notification', 'expectReplies', 'ephemeral']);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isId = (v: unknown) => typeof v === 'string' && v.length >= 1 && v.length <= 512;
const nullishString = (v: unknown, max = Infinity) =>
  v === undefined || v === null || (typeof v === 'string' && v.length <= max);
const isAccount = (v: unknown) => isObject(v) && isId(v.id) && nullishString(v.name, 512);
const nullishAccounts = (v: unknown) =>
  v === undefined || v === null || (Array.isArray(v) && v.length <= 100 && v.every(isAccount));
/** serviceUrls already checked by `new URL` (a channel has only a few): a turn need not parse it again. */
const knownUrls = new Set<string>();
function isServiceUrl(v: unknown): boolean {
  if (typeof v !== 'string' || v.length > 2048 || !HTTP.test(v)) return false;
  if (knownUrls.has(v)) return true;
  try {
    new URL(v);
  } catch {
    return false;
  }
  if (knownUrls.size >= 256) knownUrls.clear(); // bounded: a flood of odd urls cannot grow it
  knownUrls.add(v);
  return true;
}
function plainlyValid(b: unknown): b is GuardedActivity {
  return (
    isObject(b) &&
    !Object.prototype.hasOwnProperty.call(b, '__proto__') &&
    typeof b.type === 'string' &&
    TYPE.test(b.type) &&
    nullishString(b.id, 512) &&
    isId(b.channelId) &&
    isServiceUrl(b.serviceUrl) &&
    isObject(b.conversation) &&
    isId(b.conversation.id) &&
    isAccount(b.from) &&
    (b.recipient === undefined || b.recipient === null || isAccount(b.recipient)) &&
    nullishString(b.text) &&
    nullishString(b.locale, 64) &&
    nullishString(b.timestamp, 64) &&
    (b.deliveryMode === undefined ||
      b.deliveryMode === null ||
      (typeof b.deliveryMode === 'string' && DELIVERY.has(b.deliveryMode))) &&
    (b.attachments === undefined || b.attachments === null) &&
    (b.channelData === undefined || b.channelData === null || isObject(b.channelData)) &&
    nullishAccounts(b.membersAdded) &&
    nullishAccounts(b.membersRemoved)
  );
}

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
 * `maxTextChars` characters (whole code points).
 */
export function checkActivity(body: unknown, maxTextChars: number): ActivityCheck {
  let activity: GuardedActivity;
  if (plainlyValid(body)) {
    activity = { ...body }; // a copy, like the schema's result: changing the text leaves the body alone
  } else {
    const parsed = activitySchema.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return { ok: false, reason: `${issue.path.join('.') || 'body'}: ${issue.message}` };
    }
    activity = parsed.data;
  }
  activity = redactIdentityCodes(activity);
  let textCut = false;
  if (typeof activity.text === 'string' && activity.text.length > maxTextChars) {
    activity.text = cutText(activity.text, maxTextChars, activity.text.includes(IDENTITY_CODE_PLACEHOLDER));
    textCut = true;
  }
  return { ok: true, activity, textCut };
}
