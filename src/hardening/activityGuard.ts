import { z } from 'zod';

/**
 * The shape an activity must have before it reaches the adapter. botbuilder's own checks throw on
 * many malformed bodies (a missing type, a conversation that is a number, a null `from`) and the
 * adapter then answers 500; here such a body gets 400 with a short reason instead. Unknown extra
 * fields pass through untouched (channels add their own).
 */
const id = z.string().min(1).max(512);
const account = z.object({ id, name: z.string().max(512).nullish() }).passthrough();

const activitySchema = z
  .object({
    type: z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,39}$/, 'unknown activity type'),
    id: z.string().max(512).nullish(),
    channelId: id,
    serviceUrl: z.string().max(2048).url().refine((u) => /^https?:\/\//i.test(u), 'must be http(s)'),
    conversation: z.object({ id }).passthrough(),
    from: account,
    recipient: account.nullish(),
    text: z.string().nullish(),
    locale: z.string().max(64).nullish(),
    timestamp: z.string().max(64).nullish(),
    deliveryMode: z.enum(['normal', 'notification', 'expectReplies', 'ephemeral']).nullish(),
    attachments: z.array(z.object({ contentType: z.string().max(256) }).passthrough()).max(50).nullish(),
    channelData: z.record(z.unknown()).nullish(),
    membersAdded: z.array(account).max(100).nullish(),
    membersRemoved: z.array(account).max(100).nullish(),
  })
  .passthrough();

export type GuardedActivity = z.infer<typeof activitySchema>;

export type ActivityCheck =
  | { ok: true; activity: GuardedActivity; textCut: boolean }
  | { ok: false; reason: string };

/** Validates `body` and cuts an overlong text to `maxTextChars` characters (whole code points). */
export function checkActivity(body: unknown, maxTextChars: number): ActivityCheck {
  const parsed = activitySchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: `${issue.path.join('.') || 'body'}: ${issue.message}` };
  }
  const activity = parsed.data;
  let textCut = false;
  if (typeof activity.text === 'string' && activity.text.length > maxTextChars) {
    activity.text = Array.from(activity.text).slice(0, maxTextChars).join('');
    textCut = true;
  }
  return { ok: true, activity, textCut };
}
