// Offline access to the official Teams manifest JSON schemas that @microsoft/app-manifest bundles.
// The schema file is read from the package and passed explicitly, so validation never falls back
// to fetching it over the network.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { AppManifestUtils } from '@microsoft/app-manifest';

// The library loads strip-bom 5, an ES module that jest's CommonJS runtime cannot require
// (plain Node 20 can). Only the library's file readers use it; validation does not.
jest.mock('strip-bom', () => (text: string) => text.replace(/^\uFEFF/, ''));

const SCHEMA_ROOT = join(
  dirname(require.resolve('@microsoft/app-manifest/package.json')),
  'build',
  'json-schemas',
  'teams',
);

export function teamsSchema(version: string, file = 'MicrosoftTeams.schema.json'): Record<string, unknown> {
  return JSON.parse(readFileSync(join(SCHEMA_ROOT, `v${version}`, file), 'utf8')) as Record<string, unknown>;
}

/** Schema errors of a Teams app manifest against the bundled schema of its manifestVersion (empty = valid). */
export async function manifestErrors(manifest: Record<string, unknown>): Promise<string[]> {
  const schema = teamsSchema(String(manifest.manifestVersion));
  // The library's own validator, given the schema so that it does not fetch one.
  return AppManifestUtils.validateAgainstSchema(manifest as never, schema as never);
}

/**
 * Schema errors of a localization file. The library's validator compiles patterns with the
 * `u` flag, and one pattern of the official localization schema (`\b]`) is not valid there,
 * so this compiles the same schema with the same draft-04 validator without that flag.
 */
export function localizationErrors(file: Record<string, unknown>, version: string): string[] {
  const ajv = new Ajv({ allErrors: true, strictTypes: false, unicodeRegExp: false });
  addFormats(ajv, ['uri', 'email', 'regex']);
  const validate = ajv.compile(teamsSchema(version, 'MicrosoftTeams.Localization.schema.json'));
  return validate(file)
    ? []
    : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}
