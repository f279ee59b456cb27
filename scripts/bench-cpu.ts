/**
 * npm run bench:cpu [-- --conversations 300] [--rounds 11]
 * CPU time per turn, in process: the real server (src/index.ts `start`, in-memory state), the echo
 * reference and the dialog-stack floor on the same stack (scripts/benchServers.ts), driven over
 * loopback by a client in the same process. process.cpuUsage() around N turns is steadier than
 * throughput on a shared machine (waiting for a core does not count). Client CPU is included in
 * every figure alike. Each round measures the three back to back, so a ratio compares turns run
 * moments apart; the figures are medians over the rounds.
 */
import http from 'node:http';
import { benchActivity, checkReplies, flag, GUIDE_MESSAGES, HELLO, startGuideAndEcho } from './benchServers';

async function main(): Promise<void> {
  process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'info';
  const { guide, echo, floor } = await startGuideAndEcho();

  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const post = (port: number, body: string) =>
    new Promise<string>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          path: '/api/messages',
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json' },
        },
        (res) => {
          let data = '';
          res.setEncoding('utf8');
          res.on('data', (c) => (data += c));
          res.on('end', () =>
            res.statusCode === 200 ? resolve(data) : reject(new Error(`${res.statusCode} ${data}`)),
          );
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  const activity = benchActivity;
  let seq = 0;
  const guideConversation = async () => {
    const id = `g-${++seq}`;
    await post(guide.port, activity(id, { type: 'conversationUpdate', membersAdded: [{ id: `u-${id}` }] }));
    let last = '';
    for (const text of GUIDE_MESSAGES) last = await post(guide.port, activity(id, { type: 'message', text }));
    return last;
  };
  const echoTurns = async () => {
    for (let i = 0; i < 4; i++) await post(echo.port, activity(`e-${++seq}`, { type: 'message', text: HELLO }));
  };
  const floorConversation = async () => {
    const id = `f-${++seq}`;
    for (let i = 0; i < 4; i++) await post(floor.port, activity(id, { type: 'message', text: HELLO }));
  };
  await checkReplies(
    await guideConversation(),
    await post(floor.port, activity('f-check', { type: 'message', text: HELLO })),
  );

  const n = flag('--conversations', 300);
  const rounds = flag('--rounds', 11);
  const cpuPerTurn = async (work: () => Promise<unknown>) => {
    const before = process.cpuUsage();
    for (let i = 0; i < n; i++) await work();
    const used = process.cpuUsage(before);
    return (used.user + used.system) / 1000 / (n * 4);
  };
  for (const warmUp of [echoTurns, floorConversation, guideConversation]) await cpuPerTurn(warmUp);
  const e: number[] = [];
  const f: number[] = [];
  const g: number[] = [];
  const floorRatio: number[] = [];
  const guideRatio: number[] = [];
  for (let r = 0; r < rounds; r++) {
    e.push(await cpuPerTurn(echoTurns));
    f.push(await cpuPerTurn(floorConversation));
    g.push(await cpuPerTurn(guideConversation));
    floorRatio.push(f[r] / e[r]);
    guideRatio.push(g[r] / e[r]);
  }
  const med = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
  const over = (ratios: number[]) => `+${((med(ratios) - 1) * 100).toFixed(0)} %`;
  console.log(
    `node ${process.version}, ${rounds} rounds of ${n} conversations (4 turns each), CPU a turn, client included, medians:`,
  );
  console.log(`  echo turn (reference)           ${med(e).toFixed(3)} ms`);
  console.log(`  one-line dialog turn (floor)    ${med(f).toFixed(3)} ms   ${over(floorRatio)} over echo`);
  console.log(
    `  guide conversation turn         ${med(g).toFixed(3)} ms   ${over(guideRatio)} over echo (limit 25 %): ${med(guideRatio) <= 1.25 ? 'OK' : 'OVER'}`,
  );
  console.log(
    `  the guide's own share: ${(((med(g) - med(f)) / med(g)) * 100).toFixed(0)} % of its turn is above the floor`,
  );
  agent.destroy();
  await Promise.all([guide.close(), echo.close(), floor.close()]);
  process.exit(0);
}

main().catch((e) => {
  // Straight to stderr: the server this script starts sends console.error to its (silenced) logger.
  process.stderr.write(`${(e as Error)?.stack ?? String(e)}\n`);
  process.exit(1);
});
