// The Teams app manifest, after templating, is what Teams accepts: valid against the official
// schema bundled in @microsoft/app-manifest (offline), in Finnish with English and Swedish.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { understand } from '../../knowledge';
import { TEAMS_DIR, TEMPLATE_FILE, renderManifest, teamsValues } from '../../scripts/teams-package';
import { localizationErrors, manifestErrors } from './schemas';

const sample = teamsValues({ appId: '0f8fad5b-d9cb-469f-a165-70867728950e', domain: 'guide-demo.azurewebsites.net' });
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- manifest JSON, read field by field

describe('Teams manifest template', () => {
  const manifest = renderManifest(sample) as Json;

  it('validates against the bundled official schema of its manifest version', async () => {
    expect(await manifestErrors(manifest)).toEqual([]);
  });

  it('uses a current manifest version that the installed package bundles', () => {
    const bundled = readdirSync(
      join(dirname(require.resolve('@microsoft/app-manifest/package.json')), 'build', 'json-schemas', 'teams'),
    );
    expect(bundled).toContain(`v${manifest.manifestVersion}`);
    const [major, minor] = String(manifest.manifestVersion).split('.').map(Number);
    expect(major).toBe(1);
    expect(minor).toBeGreaterThanOrEqual(19);
    expect(manifest.$schema).toContain(`/v${manifest.manifestVersion}/`);
  });

  it('is rejected by the same validator when the bot id is not a GUID', async () => {
    const broken = { ...manifest, bots: [{ ...manifest.bots[0], botId: 'not-a-guid' }] };
    expect((await manifestErrors(broken)).join('\n')).toMatch(/botId/);
  });

  it('fills every placeholder: app id, bot id, domain and version', () => {
    expect(JSON.stringify(manifest)).not.toContain('${{');
    expect(manifest.id).toBe(sample.MicrosoftAppId);
    expect(manifest.bots[0].botId).toBe(sample.MicrosoftAppId);
    expect(manifest.validDomains).toEqual([sample.BOT_DOMAIN]);
    expect(manifest.developer.websiteUrl).toBe(`https://${sample.BOT_DOMAIN}/`);
    expect(manifest.version).toBe(
      JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')).version,
    );
    // The template itself stays plain JSON with only the placeholders the packager knows.
    const template = readFileSync(TEMPLATE_FILE, 'utf8');
    const used = new Set([...template.matchAll(/\$\{\{(\w+)\}\}/g)].map((m) => m[1]));
    expect([...used].sort()).toEqual(Object.keys(sample).sort());
  });

  it('offers the bot in personal scope and group chat, and nowhere a conversation could be overheard unasked', () => {
    expect(manifest.bots).toHaveLength(1);
    expect([...manifest.bots[0].scopes].sort()).toEqual(['groupChat', 'personal']);
    expect(manifest.bots[0].isNotificationOnly).toBe(false);
  });

  it('refers to icons that exist', () => {
    expect(existsSync(join(TEAMS_DIR, manifest.icons.color))).toBe(true);
    expect(existsSync(join(TEAMS_DIR, manifest.icons.outline))).toBe(true);
  });
});

describe('Teams manifest languages', () => {
  const manifest = renderManifest(sample) as Json;
  const extra: { languageTag: string; file: string }[] = manifest.localizationInfo.additionalLanguages;

  it('has Finnish as the default language and English and Swedish as additional ones', () => {
    expect(manifest.localizationInfo.defaultLanguageTag).toBe('fi-fi');
    expect(extra.map((l) => l.languageTag).sort()).toEqual(['en-us', 'sv-se']);
  });

  it.each(['en-us', 'sv-se'])('%s localization file exists and validates against the bundled schema', (tag) => {
    const entry = extra.find((l) => l.languageTag === tag)!;
    const file = JSON.parse(readFileSync(join(TEAMS_DIR, entry.file), 'utf8')) as Json;
    expect(localizationErrors(file, manifest.manifestVersion)).toEqual([]);
    // Translates the descriptions, and differs from the Finnish text (not a copy left untranslated).
    expect(file['description.short']).not.toBe(manifest.description.short);
    expect(file['description.full']).not.toBe(manifest.description.full);
  });

  it.each(['en-us', 'sv-se'])('%s translates exactly the bot commands the manifest has', (tag) => {
    const entry = extra.find((l) => l.languageTag === tag)!;
    const file = JSON.parse(readFileSync(join(TEAMS_DIR, entry.file), 'utf8')) as Json;
    const commands: unknown[] = manifest.bots[0].commandLists[0].commands;
    const keys = Object.keys(file).filter((k) => k.startsWith('bots['));
    const expected = commands.flatMap((_, i) => [
      `bots[0].commandLists[0].commands[${i}].title`,
      `bots[0].commandLists[0].commands[${i}].description`,
    ]);
    expect(keys.sort()).toEqual(expected.sort());
  });

  it('localization files fit the schema limits the validator checks (a too-long text fails)', () => {
    const entry = extra[0];
    const file = JSON.parse(readFileSync(join(TEAMS_DIR, entry.file), 'utf8')) as Json;
    expect(localizationErrors({ ...file, 'description.short': 'x'.repeat(81) }, manifest.manifestVersion)).not.toEqual(
      [],
    );
  });
});

describe('Teams command menu', () => {
  // Teams sends a chosen command's title as the message text: each title must be a command the
  // guide understands, and the same command in every language.
  const manifest = renderManifest(sample) as Json;
  const titles = (file: Json, i: number) => file[`bots[0].commandLists[0].commands[${i}].title`] as string;
  const commands: { title: string }[] = manifest.bots[0].commandLists[0].commands;
  const files = manifest.localizationInfo.additionalLanguages.map(
    (l: { file: string }) => JSON.parse(readFileSync(join(TEAMS_DIR, l.file), 'utf8')) as Json,
  );

  it.each(commands.map((c, i) => [c.title, i]))(
    '"%s" is understood as a command in Finnish, English and Swedish alike',
    (title, i) => {
      const command = understand(title as string).command;
      expect(command).toBeDefined();
      for (const file of files) expect(understand(titles(file, i as number)).command).toBe(command);
    },
  );
});
