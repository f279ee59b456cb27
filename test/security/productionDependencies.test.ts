// What ships is what runs: the deployment builds, then prunes the dev dependencies, so the
// compiled server must never load one at run time (esbuild, the chat's browser libraries, the test
// tools, and what they bring: azurite's axios and xml2js, @azure/identity 3). Here the server is
// built as `npm run build` builds it, then run with a loader that refuses every package the lock
// file marks as dev-only, and used as a visitor and a channel would: every page, the widget, the
// chat's script, a conversation on the built-in channel, a bot turn.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startChild, type Child } from '../ops/child';
import { request, user } from '../ops/host';
import { postJson } from './attack';

jest.setTimeout(240_000);

const root = path.join(__dirname, '..', '..');
// Inside the repository, so the compiled files find its node_modules as dist/ would.
const out = path.join(root, `.prod-check-${process.pid}`);
const dist = path.join(out, 'dist');

function run(args: string[]): void {
  const result = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
}

let child: Child;
beforeAll(async () => {
  // `npm run build`, into a folder of its own.
  run([path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json', '--outDir', dist]);
  for (const d of ['knowledge/data', 'src/web/static', 'src/web/client'])
    fs.cpSync(path.join(root, d), path.join(dist, d), { recursive: true });
  run([path.join(dist, 'scripts', 'build-chat.js')]);
  child = await startChild({ LOG_LEVEL: 'warn' }, [
    '-r',
    path.join(__dirname, 'refuseDevPackages.cjs'),
    path.join(dist, 'src', 'index.js'),
  ]);
});
afterAll(async () => {
  if (child) {
    child.proc.kill('SIGTERM');
    await child.exit;
  }
  fs.rmSync(out, { recursive: true, force: true });
});

test('the compiled server serves pages, the widget, the chat, the built-in channel and a turn without one dev-only package', async () => {
  const page = await request(`${child.url}/`);
  expect(page.status).toBe(200);
  const entry = /src="(\/chat\/chat-[^"]+\.js)"/.exec(page.text)?.[1];
  expect(entry).toBeDefined();
  for (const p of [entry!, '/embed', '/demo', '/widget.js', '/static/chat.css', '/healthz'])
    expect([p, (await request(`${child.url}${p}`)).status]).toEqual([p, 200]);
  // The widget loader is minified at build time.
  const widget = await request(`${child.url}/widget.js`);
  expect(widget.text.split('\n').length).toBeLessThan(5);

  const token = await postJson(`${child.url}/api/directline/token`, {});
  expect(token.status).toBe(200);
  const { conversationId, token: bearer } = token.json as { conversationId: string; token: string };
  const sent = await postJson(
    `${child.url}/v3/directline/conversations/${conversationId}/activities`,
    { type: 'message', text: 'hei' },
    { authorization: `Bearer ${bearer}` },
  );
  expect(sent.status).toBe(200);

  const turn = await user('prod-check').say(child.url, 'asun Juvalla');
  expect(turn.status).toBe(200);
  expect(turn.replies).not.toBe('');
  // Nothing it needed was missing: only optional tries (a library probing for a helper) were refused.
  expect(
    child
      .stderr()
      .split('\n')
      .filter((l) => l && !/node_modules\/supports-color$/.test(l)),
  ).toEqual([]);
});

test('the deployment prunes the dev dependencies after its build, and the start command needs no build', () => {
  const template = fs.readFileSync(
    path.join(root, 'deploymentTemplates', 'deployUseExistResourceGroup', 'template-BotApp-with-rg.json'),
    'utf8',
  );
  expect(template).toMatch(/"SCM_DO_BUILD_DURING_DEPLOYMENT",\s*"value": "true"/);
  expect(template).toMatch(/"POST_BUILD_COMMAND",\s*"value": "npm prune --omit=dev"/);
});
