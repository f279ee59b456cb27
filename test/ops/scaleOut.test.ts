// Conversation state in Azure Blob Storage (a real Azurite): it survives a restart, follows the user
// to a second instance, and two instances answering one conversation at once lose nothing.
import { facts } from '../../knowledge';
import { captureLogs } from '../../src/logger';
import { startAzurite, type Azurite } from './azurite';
import { startHost, user, type Host } from './host';

// Juva, 27, labour market subsidy: the Mikkeli region pilot, but only once all three are known.
const PILOT = facts.providers.mikkeliPilot.name.fi;
const MUNICIPALITY = 'asun Juvalla';
const AGE = 'olen 27';
const BENEFIT = 'saan työmarkkinatukea';

let azurite: Azurite;
let container = 0;
let blobEnv: Record<string, string>;
beforeAll(async () => {
  azurite = await startAzurite();
});
afterAll(async () => {
  await azurite?.stop();
});
beforeEach(() => {
  blobEnv = {
    STORAGE: 'blob',
    BLOB_CONNECTION_STRING: azurite.connectionString,
    BLOB_CONTAINER: `state-${process.pid}-${++container}`,
  };
});

const hosts: Host[] = [];
async function host(env: Record<string, string> = blobEnv): Promise<Host> {
  const h = await startHost(env);
  hosts.push(h);
  return h;
}
afterEach(async () => {
  await Promise.all(hosts.splice(0).map((h) => h.close()));
});

test('without the earlier answers the last one alone gets no decision (the control)', async () => {
  const a = await host();
  const res = await user('control').say(a.url, `${AGE} ja ${BENEFIT}`);
  expect(res.status).toBe(200);
  expect(res.replies).not.toContain(PILOT);
});

test('a conversation continues after the server restarts', async () => {
  const first = await host();
  const alice = user('restart');
  expect((await alice.say(first.url, MUNICIPALITY)).replies).not.toContain(PILOT);
  await first.close();
  const second = await host();
  const res = await alice.say(second.url, `${AGE} ja ${BENEFIT}`);
  expect(res.status).toBe(200);
  expect(res.replies).toContain(PILOT);
});

test('a conversation continues when its next turn lands on a second instance', async () => {
  const [a, b] = [await host(), await host()];
  const bob = user('two-instances');
  await bob.say(a.url, MUNICIPALITY);
  await bob.say(b.url, AGE);
  expect((await bob.say(a.url, BENEFIT)).replies).toContain(PILOT);
});

test('two instances answering one conversation at the same moment: both answers are kept (eTag conflict → retry)', async () => {
  const [a, b] = [await host(), await host()];
  const logs = captureLogs('warn');
  try {
    for (let i = 0; i < 5; i++) {
      const carol = user(`race-${i}`);
      // Brand-new conversation: both turns find no state and both want to create it.
      const [one, two] = await Promise.all([carol.say(a.url, MUNICIPALITY), carol.say(b.url, AGE)]);
      expect([one.status, two.status]).toEqual([200, 200]);
      expect((await carol.say(a.url, BENEFIT)).replies).toContain(PILOT);
    }
  } finally {
    logs.restore();
  }
  // The race really happened: at least one save was refused and its turn ran again.
  expect(logs.lines.filter((l) => l.includes('turn retried')).length).toBeGreaterThan(0);
}, 60_000);

test('in one process, two turns of one conversation at once are run one after the other', async () => {
  const a = await host({});
  for (let i = 0; i < 5; i++) {
    const dave = user(`double-click-${i}`);
    const [one, two] = await Promise.all([dave.say(a.url, MUNICIPALITY), dave.say(a.url, AGE)]);
    expect([one.status, two.status]).toEqual([200, 200]);
    expect((await dave.say(a.url, BENEFIT)).replies).toContain(PILOT);
  }
});
