// The logs of a whole conversation never hold what the user said or anything personal in it:
// text, age, benefit, municipality, identity code. Everything the server writes is captured:
// the pino logger (all levels) and the console.
import { captureLogs } from '../../src/logger';
import { startHost, user, type Host } from './host';

const AGE = 58;
const IDENTITY_CODE = '131052-308T';
const TURNS = [
  'hei',
  `asun Juvalla ja henkilötunnukseni on ${IDENTITY_CODE}`,
  `olen ${AGE} vuotta`,
  'saan ansiopäivärahaa työttömyyskassasta',
  'en ole maahanmuuttaja',
];
// Personal values as they could appear in a log: the words, the ids the core uses for them.
const FORBIDDEN = [
  'juva',
  'ansiopäiväraha',
  'earningsRelated',
  'työttömyyskassa',
  'maahanmuuttaja',
  IDENTITY_CODE,
  '131052',
  'henkilötunnus',
];
// Numbers in these fields are technical (timings, ports, statuses), not the user's age.
const TECHNICAL_NUMBERS = new Set([
  'ms',
  'port',
  'status',
  'statusCode',
  'time',
  'level',
  'pid',
  'inFlight',
  'attempt',
  'retryAfterSeconds',
]);

function problemsIn(line: string): string[] {
  const problems: string[] = [];
  const lower = line.toLowerCase();
  for (const word of [...FORBIDDEN, ...TURNS])
    if (lower.includes(word.toLowerCase())) problems.push(`contains "${word}"`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return problems; // console text: the substring check above is all we can do
  }
  const walk = (value: unknown, key: string): void => {
    if (/^(text|age|benefit|municipality|municipalityId|identityCode|profile|person)$/i.test(key))
      problems.push(`has a "${key}" field`);
    if (typeof value === 'number' && value === AGE && !TECHNICAL_NUMBERS.has(key)) problems.push(`${key}=${AGE}`);
    if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, k);
  };
  walk(parsed, '');
  return problems;
}

let host: Host;
beforeAll(async () => {
  host = await startHost();
});
afterAll(async () => {
  await host?.close();
});

test('a whole conversation leaves request logs with ids and timings, and nothing personal', async () => {
  const consoleLines: string[] = [];
  const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) =>
    jest.spyOn(console, m).mockImplementation((...args: unknown[]) => {
      consoleLines.push(
        args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a, Object.getOwnPropertyNames(a ?? {})))).join(' '),
      );
    }),
  );
  const logs = captureLogs('trace');
  const conversationId = 'privacy-1';
  const replies: string[] = [];
  try {
    const person = user(conversationId);
    expect(await person.join(host.url)).toBe(200);
    for (const text of TURNS) {
      const res = await person.say(host.url, text);
      expect(res.status).toBe(200);
      replies.push(res.replies);
    }
  } finally {
    logs.restore();
    spies.forEach((s) => s.mockRestore());
  }
  // The conversation really happened and reached a decision.
  expect(replies.join('\n')).not.toBe('');
  // Request logs exist, with the conversation id and a timing, one per request.
  const requests = logs.lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'request');
  expect(requests).toHaveLength(TURNS.length + 1);
  for (const r of requests) {
    expect(r).toMatchObject({ conversationId, status: 200 });
    expect(typeof r.ms).toBe('number');
  }
  const found = [...logs.lines, ...consoleLines].flatMap((line) =>
    problemsIn(line).map((p) => `${p}: ${line.slice(0, 200)}`),
  );
  expect(found).toEqual([]);
});

test('a Direct Line token handed to a browser never appears in the logs', async () => {
  const logs = captureLogs('trace');
  let token = '';
  try {
    const res = await fetch(`${host.url}/api/directline/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
    });
    token = ((await res.json()) as { token?: string }).token ?? '';
  } finally {
    logs.restore();
  }
  expect(token.length).toBeGreaterThan(20);
  expect(logs.lines.filter((l) => l.includes(token))).toEqual([]);
});

test('the scan itself catches personal data (so the test above can fail)', () => {
  expect(problemsIn(JSON.stringify({ msg: 'x', text: 'asun Juvalla' }))).not.toEqual([]);
  expect(problemsIn(JSON.stringify({ msg: 'x', n: AGE }))).toEqual([`n=${AGE}`]);
  expect(problemsIn(JSON.stringify({ msg: 'x', ms: AGE }))).toEqual([]);
  expect(problemsIn(`error ${IDENTITY_CODE}`)).not.toEqual([]);
});
