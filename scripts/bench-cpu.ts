/**
 * npx ts-node --transpile-only scripts/bench-cpu.ts [--conversations 800] [--rounds 3]
 * CPU time per turn, in process: the real server (src/index.ts `start`, in-memory state) and the
 * echo reference on the same stack, driven over loopback by a client in the same process.
 * process.cpuUsage() around N turns is steadier than throughput on a shared machine (waiting for a
 * core does not count). Client CPU is included in both figures alike.
 */
import http from 'node:http';
import { benchActivity, startGuideAndEcho } from './benchServers';

const args = process.argv.slice(2);
const flag = (name: string, fallback: number) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? Number(args[i + 1]) : fallback;
};

async function main(): Promise<void> {
  process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'info';
  const { guide, echo } = await startGuideAndEcho();

  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const post = (port: number, body: string) =>
    new Promise<string>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port, path: '/api/messages', method: 'POST', agent, headers: { 'content-type': 'application/json' } }, (res) => {
        let data = '';
        res.setEncoding('utf8');
        res.on('data', (c) => (data += c));
        res.on('end', () => (res.statusCode === 200 ? resolve(data) : reject(new Error(`${res.statusCode} ${data}`))));
      });
      req.on('error', reject);
      req.end(body);
    });
  const activity = benchActivity;
  let seq = 0;
  const guideConversation = async () => {
    const id = `g-${++seq}`;
    await post(guide.port, activity(id, { type: 'conversationUpdate', membersAdded: [{ id: `u-${id}` }] }));
    await post(guide.port, activity(id, { type: 'message', text: 'asun Juvalla' }));
    await post(guide.port, activity(id, { type: 'message', text: 'olen 27' }));
    return post(guide.port, activity(id, { type: 'message', text: 'saan työmarkkinatukea' }));
  };
  const echoTurns = async () => {
    for (let i = 0; i < 4; i++) await post(echo.port, activity(`e-${++seq}`, { type: 'message', text: 'hei' }));
  };
  const { facts } = await import('../knowledge');
  if (!(await guideConversation()).includes(facts.providers.mikkeliPilot.name.fi)) throw new Error('no decision');

  const n = flag('--conversations', 400);
  const rounds = flag('--rounds', 3);
  const cpuPerTurn = async (work: () => Promise<unknown>) => {
    const before = process.cpuUsage();
    for (let i = 0; i < n; i++) await work();
    const used = process.cpuUsage(before);
    return (used.user + used.system) / 1000 / (n * 4);
  };
  await cpuPerTurn(echoTurns); // warm-up
  await cpuPerTurn(guideConversation);
  const e: number[] = [];
  const g: number[] = [];
  for (let r = 0; r < rounds; r++) {
    e.push(await cpuPerTurn(echoTurns));
    g.push(await cpuPerTurn(guideConversation));
    console.log(`round ${r + 1}: echo ${e[r].toFixed(3)} ms, guide ${g[r].toFixed(3)} ms CPU a turn`);
  }
  const med = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
  console.log(`median CPU a turn (client included): echo ${med(e).toFixed(3)} ms, guide ${med(g).toFixed(3)} ms: guide +${((med(g) / med(e) - 1) * 100).toFixed(0)} %`);
  agent.destroy();
  await Promise.all([guide.close(), echo.close()]);
  process.exit(0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
