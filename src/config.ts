import * as dotenv from 'dotenv';
import { z } from 'zod';
import { optionalChoice, optionalText, wholeNumber, withDefault } from './envVars';
import { operationsShape } from './operationsConfig';
import { metricsShape } from './metrics/config';
import { isLoopbackUrl } from './http/loopback';

// The host's configuration: read once at start from the environment (and an optional .env file),
// validated with zod, and refused with a message that names the variable. Every variable is
// documented in .env.example and the README's configuration table.

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const isRealDay = (iso: string) => {
  const day = new Date(`${iso}T12:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === iso;
};

const schema = z
  .object({
    PORT: wholeNumber(3978, 0, 65535),
    /**
     * Address to listen on; empty = all interfaces (what a container needs) with an app id, and
     * 127.0.0.1 without one (local mode takes unauthenticated messages).
     */
    HOST: optionalText,
    MicrosoftAppType: optionalChoice(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']),
    MicrosoftAppId: optionalText,
    MicrosoftAppPassword: optionalText,
    MicrosoftAppTenantId: optionalText,
    /** Pins "today" (YYYY-MM-DD) for demos and tests; unset = the real date. */
    GUIDE_DATE: optionalText.refine(
      // A real day: 2021-02-30 would parse, as 2 March.
      (v) => v === undefined || (isoDate.test(v) && isRealDay(v)),
      'must be a date like 2021-03-15',
    ),
    /** Largest accepted POST /api/messages body in bytes (Bot Framework activities are small). */
    MAX_BODY_BYTES: wholeNumber(262144, 1024),
    LOG_LEVEL: optionalChoice(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
    // --- the web page and Direct Line ---
    /** The Direct Line secret the server swaps for tokens (never sent to a browser). */
    DIRECT_LINE_SECRET: optionalText,
    /** Azure Direct Line's base URL, e.g. a regional one (default: the global service). */
    DIRECT_LINE_DOMAIN: optionalText.refine(
      // The secret travels to this URL: https only, except to a stand-in on this machine.
      (v) =>
        v === undefined || (/^https?:\/\/[^\s/]+(\/\S*)?$/.test(v) && (v.startsWith('https://') || isLoopbackUrl(v))),
      'must be an https URL like https://europe.directline.botframework.com/v3/directline',
    ),
    /**
     * on: the web page, widget and token route (with an app id through Azure Direct Line, which
     * needs DIRECT_LINE_SECRET; without one through the built-in channel). off: none of them.
     */
    WEB_CHAT: withDefault('on', z.enum(['on', 'off'], { errorMap: () => ({ message: 'must be on or off' }) })),
    ...operationsShape,
    ...metricsShape,
  })
  .superRefine((c, ctx) => {
    // Cross-field rules of Bot Framework authentication, so a half-filled .env fails at start
    // instead of at the first message.
    const needs = (field: keyof typeof c, why: string) => {
      if (!c[field]) ctx.addIssue({ code: z.ZodIssueCode.custom, path: [field], message: `is required ${why}` });
    };
    if (c.MicrosoftAppId) {
      const type = c.MicrosoftAppType ?? 'MultiTenant';
      if (type !== 'UserAssignedMSI')
        needs('MicrosoftAppPassword', `when MicrosoftAppId is set (MicrosoftAppType ${type})`);
      if (type !== 'MultiTenant') needs('MicrosoftAppTenantId', `when MicrosoftAppType is ${type}`);
      // The built-in channel cannot work with an app id (it has no Bot Framework tokens).
      if (c.WEB_CHAT === 'on')
        needs('DIRECT_LINE_SECRET', 'when MicrosoftAppId is set and WEB_CHAT is on (the page uses Azure Direct Line)');
    } else if (c.MicrosoftAppType && c.MicrosoftAppType !== 'MultiTenant') {
      needs('MicrosoftAppId', `when MicrosoftAppType is ${c.MicrosoftAppType}`);
    }
  });

/** Every environment variable the host reads; tools and tests check against it (e.g. test/deploy: Azure app settings). */
export const configVariables: readonly string[] = Object.keys(schema.innerType().shape);

export type Config = Omit<z.infer<typeof schema>, 'TRUST_PROXY'> & {
  /** Trusted proxy hops in front of the server (resolved: never unset). */
  TRUST_PROXY: number;
  /** "Today" for the guidance: GUIDE_DATE when pinned, else the real date at each call. */
  today: () => Date;
  /** true when no MicrosoftAppId is set: the adapter accepts unauthenticated local requests. */
  localMode: boolean;
};

export class ConfigError extends Error {}

/**
 * Validates `env` (default: process.env after loading .env if present).
 * Throws ConfigError whose message names every bad variable.
 */
export function loadConfig(env?: NodeJS.ProcessEnv): Config {
  if (!env) {
    dotenv.config(); // a missing .env is fine: the real environment is enough
    env = process.env;
  }
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(config)'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration (see .env.example):\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  const pinned = c.GUIDE_DATE ? new Date(`${c.GUIDE_DATE}T12:00:00Z`) : undefined;
  return {
    ...c,
    HOST: c.HOST ?? (c.MicrosoftAppId ? undefined : '127.0.0.1'),
    TRUST_PROXY: c.TRUST_PROXY ?? (c.WEBSITE_SITE_NAME ? 1 : 0),
    today: () => (pinned ? new Date(pinned) : new Date()),
    localMode: !c.MicrosoftAppId,
  };
}
