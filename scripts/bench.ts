/**
 * npm run bench                 guide conversations vs a one-line echo turn, over HTTP (autocannon)
 *   --rounds 3 --duration 10     (defaults) rounds alternate bare echo, hardened echo, floor, guide
 * npm run bench -- --soak 300   then N seconds of guide conversations, memory printed every 30 s
 *
 * The servers run in a child process (so autocannon does not share its event loop): the real
 * production wiring (src/index.ts `start`, in-memory state) and, as the reference, an echo bot on
 * the same stack (same server, gate, turn guard, Teams middleware; a bot that replies its input),
 * and the floor of the dialog stack: a one-line Dialog over ConversationState (benchServers.ts).
 * Every turn uses deliveryMode expectReplies, so the replies come back in the HTTP response.
 */
import { fork, type ChildProcess } from 'node:child_process';
import autocannon from 'autocannon';
import { benchActivity, checkReplies, flag, GUIDE_MESSAGES, HELLO, startGuideAndEcho } from './benchServers';

const args = process.argv.slice(2);

// ---------------------------------------------------------------- server side (child process)
async function serve(): Promise<void> {
  const { CloudAdapter, ConfigurationBotFrameworkAuthentication } = await import('botbuilder');
  const { guide, echo, floor, EchoBot } = await startGuideAndEcho();

  // A second reference without the hardening layer (gate, turn guard, eTag storage, activity check,
  // request log): restify + CloudAdapter + the echo bot only. Shows what the hardening costs.
  const restify = await import('restify');
  const bare = restify.createServer({ handleUncaughtExceptions: false });
  const bareAdapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const bareBot = new EchoBot();
  bare.post('/api/messages', restify.plugins.bodyParser({ mapParams: false }), async (req, res) => {
    await bareAdapter.process(req, res, (context) => bareBot.run(context));
  });
  await new Promise<void>((r) => bare.listen(0, '127.0.0.1', () => r()));
  const bareUrl = `http://127.0.0.1:${(bare.address() as { port: number }).port}`;

  process.on('message', (msg: string) => {
    if (msg === 'memory') {
      (global as { gc?: () => void }).gc?.();
      process.send!({ memory: process.memoryUsage() });
    }
    if (msg === 'stop') void Promise.all([guide.close(), echo.close(), floor.close()]).then(() => process.exit(0));
  });
  process.send!({ guide: guide.url, echo: echo.url, floor: floor.url, bare: bareUrl });
}

// ---------------------------------------------------------------- load side
interface Urls {
  guide: string;
  echo: string;
  floor: string;
  bare: string;
}

const activity = benchActivity;

let sequence = 0;
const newConversation = (context: Record<string, unknown>) => (context.conversation = `c-${process.pid}-${++sequence}`);
const post = (body: (context: Record<string, unknown>) => string, first = false): autocannon.Request => ({
  method: 'POST',
  path: '/api/messages',
  headers: { 'content-type': 'application/json' },
  setupRequest: (req, context) => {
    if (first || !context.conversation) newConversation(context);
    return { ...req, body: body(context) };
  },
});

/** A whole guidance conversation: greeting, municipality, age, benefit → the decision. */
const GUIDE_TURNS = [
  post(
    (c) =>
      activity(String(c.conversation), { type: 'conversationUpdate', membersAdded: [{ id: `u-${c.conversation}` }] }),
    true,
  ),
  ...GUIDE_MESSAGES.map((text) => post((c) => activity(String(c.conversation), { type: 'message', text }))),
];
const hello = (first: boolean) =>
  post((c) => activity(String(c.conversation), { type: 'message', text: HELLO }), first);
const ECHO_TURN = [hello(true)];
/** The dialog-stack floor (scripts/benchServers.ts): four one-line dialog turns in one conversation. */
const FLOOR_TURNS = [hello(true), hello(false), hello(false), hello(false)];

type Run = Awaited<ReturnType<typeof load>>;

/** The run with the median throughput; its latencies come with it. */
function median(runs: Run[]): Run {
  return [...runs].sort((a, b) => a.turnsPerSecond - b.turnsPerSecond)[Math.floor(runs.length / 2)];
}

async function load(url: string, requests: autocannon.Request[], duration: number) {
  const result = await autocannon({ url, connections: 8, duration, requests });
  if (result.errors || result.timeouts || result.non2xx) {
    throw new Error(`${url}: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx answers`);
  }
  return {
    turnsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
  };
}

/** One conversation by hand on each: proves the bench drives the guide to its decision, and the floor answers. */
async function checkConversations(urls: Urls): Promise<void> {
  const say = async (url: string, id: string, text: string) =>
    (
      await fetch(`${url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: activity(id, { type: 'message', text }),
      })
    ).text();
  let last = '';
  for (const text of GUIDE_MESSAGES) last = await say(urls.guide, `check-${process.pid}`, text);
  await checkReplies(last, await say(urls.floor, `floor-check-${process.pid}`, HELLO));
}

function memoryOf(child: ChildProcess): Promise<NodeJS.MemoryUsage> {
  return new Promise((resolve) => {
    const onMessage = (msg: { memory?: NodeJS.MemoryUsage }) => {
      if (msg.memory) {
        child.off('message', onMessage);
        resolve(msg.memory);
      }
    };
    child.on('message', onMessage);
    child.send('memory');
  });
}

const mb = (n: number) => `${(n / 1048576).toFixed(1)} MB`;
const row = (name: string, r: { turnsPerSecond: number; p50: number; p99: number; total: number }) =>
  `${name.padEnd(26)} ${r.turnsPerSecond.toFixed(0).padStart(7)} turns/s   p50 ${String(r.p50).padStart(3)} ms   p99 ${String(r.p99).padStart(3)} ms   (${r.total} turns)`;

async function main(): Promise<void> {
  const duration = flag('--duration', 10);
  const rounds = flag('--rounds', 3);
  const soak = flag('--soak', 0);
  const child = fork(__filename, ['--serve'], {
    execArgv: ['-r', 'ts-node/register/transpile-only', '--expose-gc'],
    env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: process.env.LOG_LEVEL ?? 'info' },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const urls = await new Promise<Urls>((resolve) => child.once('message', (m: Urls) => resolve(m)));
  try {
    await checkConversations(urls);
    console.log(
      `node ${process.version}, 8 connections, ${rounds} rounds of ${duration} s, expectReplies, request logs on (info)`,
    );
    await load(urls.echo, ECHO_TURN, 3); // warm-up
    await load(urls.guide, GUIDE_TURNS, 3);
    await load(urls.bare, ECHO_TURN, 3);
    await load(urls.floor, FLOOR_TURNS, 3);
    // Rounds alternate the four kinds, so a burst of load from elsewhere on the machine hits all
    // of them alike; each figure is the median over the rounds.
    const runs: Record<'bare' | 'echo' | 'floor' | 'guide', Run[]> = { bare: [], echo: [], floor: [], guide: [] };
    for (let round = 1; round <= rounds; round++) {
      runs.bare.push(await load(urls.bare, ECHO_TURN, duration));
      runs.echo.push(await load(urls.echo, ECHO_TURN, duration));
      runs.floor.push(await load(urls.floor, FLOOR_TURNS, duration));
      runs.guide.push(await load(urls.guide, GUIDE_TURNS, duration));
      const tps = (kind: keyof typeof runs) => runs[kind][round - 1].turnsPerSecond.toFixed(0);
      console.log(
        `round ${round}: bare ${tps('bare')}, echo ${tps('echo')}, floor ${tps('floor')}, guide ${tps('guide')} turns/s`,
      );
    }
    const [bare, echo, floor, guide] = [median(runs.bare), median(runs.echo), median(runs.floor), median(runs.guide)];
    console.log(row('echo, bare CloudAdapter', bare));
    console.log(row('echo turn (reference)', echo));
    console.log(row('one-line dialog (floor)', floor));
    console.log(row('guide conversation turns', guide));
    const over = (r: Run) => echo.turnsPerSecond / r.turnsPerSecond - 1;
    const signed = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x * 100).toFixed(0)} %`;
    console.log(
      `the hardened stack vs a bare CloudAdapter (echo vs echo): ${signed(bare.turnsPerSecond / echo.turnsPerSecond - 1)} a turn`,
    );
    console.log(
      `a one-line dialog turn with conversation state (the floor of design.md's stack) costs ${(over(floor) * 100).toFixed(0)} % more than an echo turn`,
    );
    console.log(
      `a guide turn costs ${(over(guide) * 100).toFixed(0)} % more than an echo turn (limit 25 %): ${over(guide) <= 0.25 ? 'OK' : 'OVER'}`,
    );

    if (soak > 0) {
      console.log(`soak: ${soak} s of guide conversations; memory after a full GC every 30 s`);
      let firstMinute: NodeJS.MemoryUsage | undefined;
      let last: NodeJS.MemoryUsage | undefined;
      for (let t = 30; t <= soak; t += 30) {
        const r = await load(urls.guide, GUIDE_TURNS, 30);
        last = await memoryOf(child);
        if (t === 60) firstMinute = last;
        console.log(
          `${String(t).padStart(4)} s  ${r.turnsPerSecond.toFixed(0)} turns/s  rss ${mb(last.rss)}  heapUsed ${mb(last.heapUsed)}  heapTotal ${mb(last.heapTotal)}`,
        );
      }
      if (firstMinute && last) {
        const growth = (a: number, b: number) => ((b / a - 1) * 100).toFixed(1);
        console.log(
          `after the soak vs after the first minute: rss ${growth(firstMinute.rss, last.rss)} %, heapUsed ${growth(firstMinute.heapUsed, last.heapUsed)} % (limit 10 %)`,
        );
      }
    }
  } finally {
    child.send('stop');
  }
}

if (args.includes('--serve')) {
  serve().catch((e) => {
    // Straight to stderr: the server this script starts sends console.error to its logger.
    process.stderr.write(`${(e as Error)?.stack ?? String(e)}\n`);
    process.exit(1);
  });
} else {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
