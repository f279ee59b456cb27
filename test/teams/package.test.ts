// `npm run teams:package` builds a zip Teams can upload, and refuses values that would give a
// package that installs but never answers.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AdmZip from 'adm-zip';
import { buildTeamsPackage, teamsValues } from '../../scripts/teams-package';
import { manifestErrors } from './schemas';

const APP_ID = '0f8fad5b-d9cb-469f-a165-70867728950e';
const DOMAIN = 'guide-demo.azurewebsites.net';

describe('teams:package', () => {
  const dir = mkdtempSync(join(tmpdir(), 'teams-package-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes manifest.json, both icons and every localization file at the zip root', async () => {
    const zipPath = buildTeamsPackage(teamsValues({ appId: APP_ID, domain: DOMAIN }), join(dir, 'app.zip'));
    const zip = new AdmZip(zipPath);
    const names = zip.getEntries().map((e) => e.entryName);
    const manifest = JSON.parse(zip.readAsText('manifest.json')) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- manifest JSON, read field by field
    const referenced = [
      'manifest.json',
      manifest.icons.color,
      manifest.icons.outline,
      ...manifest.localizationInfo.additionalLanguages.map((l: { file: string }) => l.file),
    ];
    expect(names.sort()).toEqual(referenced.sort());
    expect(names.every((n) => !n.includes('/'))).toBe(true);
    expect(manifest.bots[0].botId).toBe(APP_ID);
    expect(manifest.validDomains).toEqual([DOMAIN]);
    expect(await manifestErrors(manifest)).toEqual([]);
  });

  it.each([
    [{ domain: DOMAIN }, /MicrosoftAppId is missing/],
    [{ appId: 'my-bot', domain: DOMAIN }, /not a GUID/],
    [{ appId: APP_ID }, /BOT_DOMAIN is missing/],
    [{ appId: APP_ID, domain: `https://${DOMAIN}/api/messages` }, /host name only/],
    [{ appId: APP_ID, domain: 'localhost' }, /not a public host name/],
    [{ appId: APP_ID, domain: 'bad_host.example.com' }, /not a public host name/],
    [{ appId: APP_ID, domain: DOMAIN, version: 'v2' }, /must look like 1\.2\.3/],
  ])('refuses %j', (input, message) => {
    expect(() => teamsValues(input)).toThrow(message);
  });

  it('the npm script exits non-zero with a message naming what is missing', () => {
    const env = { ...process.env };
    delete env.MicrosoftAppId;
    delete env.BOT_DOMAIN;
    // Run from an empty folder so that no .env fills the values in.
    const result = spawnSync(
      process.execPath,
      [
        require.resolve('ts-node/dist/bin.js'),
        '--transpile-only',
        join(__dirname, '..', '..', 'scripts', 'teams-package.ts'),
        '--out',
        join(dir, 'never.zip'),
      ],
      {
        cwd: dir,
        env,
        encoding: 'utf8',
      },
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/MicrosoftAppId is missing/);
    expect(result.stderr).toMatch(/BOT_DOMAIN is missing/);
    expect(() => execFileSync('test', ['-e', join(dir, 'never.zip')])).toThrow();
  });
});
