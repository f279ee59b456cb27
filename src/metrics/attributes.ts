import { facts, LANGS, SLOTS, TOPICS, type ProviderId } from '../../knowledge';

// Every value an exported figure may carry, by attribute: closed sets, derived from the
// knowledge's ids where they exist (languages, slots, topics, providers, employment areas) and
// fixed words elsewhere. Whatever the code passes is checked against its set and counted as
// 'other' when it is not in it, so no text, id or number from a request can become a label.

const OTHER = 'other';

const PROVIDERS = Object.keys(facts.providers) as ProviderId[];
const AREAS = facts.employmentAreas.map((a) => a.id);

/** Bot Framework channel ids worth telling apart; any other channel counts as 'other'. */
export const CHANNELS = ['directline', 'webchat', 'msteams', 'emulator', OTHER] as const;

/** Which routing an answer follows: the pilot period's (a provider) or today's (an employment area). */
export const PERIODS = ['pilot', 'today'] as const;

/**
 * The service an answer named: a provider (pilot period) or an employment area (today); outside
 * = not an Etelä-Savo municipality, several = the answer named more than one, disputed = the
 * sources disagree on the area.
 */
export const SERVICES = [...PROVIDERS, ...AREAS, 'outside', 'several', 'disputed', OTHER] as const;

/** Why a conversation ended with a question open: the person's command, or the state's expiry. */
export const LEFT_REASONS = ['restart', 'cancel', 'deleteData', 'idle', 'full', OTHER] as const;

/** HTTP statuses the host's gates answer with; any other 4xx counts as '4xx'. */
export const STATUSES = ['400', '401', '403', '404', '405', '413', '415', '429', '4xx'] as const;

/** Where a refused request was sent; the path itself is never a label. */
export const ROUTES = ['messages', 'directline', 'token', 'figures', 'web', OTHER] as const;

/** Every attribute an exported figure may carry, with every value it may take. */
export const ATTRIBUTE_VALUES: Readonly<Record<string, readonly string[]>> = {
  channel: CHANNELS,
  lang: [...LANGS, OTHER],
  period: [...PERIODS, OTHER],
  service: SERVICES,
  slot: [...SLOTS, OTHER],
  topic: [...TOPICS, OTHER],
  reason: LEFT_REASONS,
  helpful: ['yes', 'no'],
  status: STATUSES,
  route: ROUTES,
};

/** `value` when the attribute's set holds it, else 'other'. */
export function closed(attribute: keyof typeof ATTRIBUTE_VALUES, value: unknown): string {
  const values = ATTRIBUTE_VALUES[attribute];
  return typeof value === 'string' && values.includes(value) ? value : OTHER;
}

/** A channel id as a closed value. */
export const channelOf = (channelId: unknown): string => closed('channel', channelId);

/** An HTTP status as a closed value. */
export const statusOf = (status: number): string => {
  const s = String(status);
  return (STATUSES as readonly string[]).includes(s) ? s : '4xx';
};

/** A request path as a closed value (only its first segment is looked at). */
export function routeOf(path: string): string {
  if (path === '/api/messages') return 'messages';
  if (path.startsWith('/api/directline/token')) return 'token';
  if (path.startsWith('/v3/directline')) return 'directline';
  if (path === '/metrics' || path === '/stats' || path.startsWith('/stats/')) return 'figures';
  if (/^\/(?:$|embed|demo|widget\.js|chat\/|static\/)/.test(path)) return 'web';
  return OTHER;
}
