// Builds the Teams app package (dist/teams/app.zip) from deploymentTemplates/teams/:
// manifest.template.json with its ${{NAME}} placeholders filled in, the two icons and the
// localization files. Values come from the command line or the environment (.env is read):
//
//   npm run teams:package -- --app-id <GUID> --domain <host> [--version 1.2.3] [--out file.zip]
//   MicrosoftAppId=<GUID> BOT_DOMAIN=<host> npm run teams:package
//
// It refuses, with a message that says what to fix, when a value is missing or malformed:
// a package with a wrong bot id or domain installs in Teams and then silently never answers.
import 'dotenv/config';
import AdmZip from 'adm-zip';
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export const TEAMS_DIR = join(__dirname, '..', 'deploymentTemplates', 'teams');
export const TEMPLATE_FILE = join(TEAMS_DIR, 'manifest.template.json');
export const DEFAULT_OUT = join(__dirname, '..', 'dist', 'teams', 'app.zip');

/** Every placeholder the template may use. */
export interface TeamsValues {
  MicrosoftAppId: string;
  BOT_DOMAIN: string;
  APP_VERSION: string;
  PUBLISHER_NAME: string;
  PRIVACY_URL: string;
  TERMS_URL: string;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// A public DNS host name: dot-separated labels of letters, digits and inner hyphens. No scheme,
// port or path: Teams' validDomains and the bot's messaging endpoint both want the bare host.
const HOST = /^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/i;
const SEMVER = /^\d+\.\d+\.\d+$/;

/** The id of the privacy heading on the bot's own web page. */
export const PRIVACY_ANCHOR = 'privacy-heading';

export class TeamsPackageError extends Error {}

export interface RawInputs {
  appId?: string;
  domain?: string;
  version?: string;
  publisher?: string;
  privacyUrl?: string;
  termsUrl?: string;
}

/** Checks the inputs and fills the defaults; throws one error listing every problem. */
export function teamsValues(input: RawInputs): TeamsValues {
  const problems: string[] = [];
  const appId = input.appId?.trim() ?? '';
  const domain = input.domain?.trim() ?? '';
  if (!appId)
    problems.push("MicrosoftAppId is missing: pass --app-id <GUID> or set MicrosoftAppId (the Azure Bot's app id).");
  else if (!GUID.test(appId))
    problems.push(`MicrosoftAppId "${appId}" is not a GUID (like 00000000-0000-0000-0000-000000000000).`);
  if (!domain)
    problems.push('BOT_DOMAIN is missing: pass --domain <host> or set BOT_DOMAIN (e.g. my-guide.azurewebsites.net).');
  else if (/^[a-z]+:\/\//i.test(domain) || domain.includes('/') || domain.includes(':'))
    problems.push(`BOT_DOMAIN "${domain}" must be the host name only, without https://, a port or a path.`);
  else if (!HOST.test(domain))
    problems.push(`BOT_DOMAIN "${domain}" is not a public host name (like my-guide.azurewebsites.net).`);
  const version = input.version?.trim() || packageVersion();
  if (!SEMVER.test(version)) problems.push(`App version "${version}" must look like 1.2.3.`);
  const publisher = input.publisher?.trim() || 'Etelä-Savon työnhakijan opas';
  if (publisher.length > 32)
    problems.push(`Publisher name "${publisher}" is longer than the 32 characters Teams allows.`);
  const site = `https://${domain}/`;
  // The web page at / has a privacy section (src/web/pages.ts); link to it.
  const privacyUrl = input.privacyUrl?.trim() || `${site}#${PRIVACY_ANCHOR}`;
  const termsUrl = input.termsUrl?.trim() || site;
  for (const [name, url] of [
    ['TEAMS_PRIVACY_URL', privacyUrl],
    ['TEAMS_TERMS_URL', termsUrl],
  ]) {
    if (!/^https:\/\/\S+$/.test(url)) problems.push(`${name} "${url}" must be an https:// address.`);
  }
  if (problems.length) throw new TeamsPackageError(problems.join('\n'));
  return {
    MicrosoftAppId: appId.toLowerCase(),
    BOT_DOMAIN: domain.toLowerCase(),
    APP_VERSION: version,
    PUBLISHER_NAME: publisher,
    PRIVACY_URL: privacyUrl,
    TERMS_URL: termsUrl,
  };
}

function packageVersion(): string {
  return (JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as { version: string }).version;
}

/** Replaces ${{NAME}} in every string of a parsed JSON value (so values never break the JSON). */
function fill(value: unknown, values: TeamsValues): unknown {
  if (typeof value === 'string') {
    return value.replace(/\$\{\{(\w+)\}\}/g, (_, name: string) => {
      if (!(name in values))
        throw new TeamsPackageError(`The manifest template uses an unknown placeholder \${{${name}}}.`);
      return values[name as keyof TeamsValues];
    });
  }
  if (Array.isArray(value)) return value.map((item) => fill(item, values));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, fill(item, values)]));
  }
  return value;
}

export function renderManifest(values: TeamsValues): Record<string, unknown> {
  return fill(JSON.parse(readFileSync(TEMPLATE_FILE, 'utf8')), values) as Record<string, unknown>;
}

/** The files that go into the zip next to manifest.json: icons and localization files. */
export function packageFiles(): string[] {
  return readdirSync(TEAMS_DIR).filter((name) => name !== 'manifest.template.json' && /\.(png|json)$/.test(name));
}

/** Writes the package; returns its path. Teams wants the files at the zip's root, not in a folder. */
export function buildTeamsPackage(values: TeamsValues, outFile = DEFAULT_OUT): string {
  const zip = new AdmZip();
  zip.addFile('manifest.json', Buffer.from(JSON.stringify(renderManifest(values), null, 2) + '\n', 'utf8'));
  for (const name of packageFiles()) zip.addFile(name, readFileSync(join(TEAMS_DIR, name)));
  const target = resolve(outFile);
  mkdirSync(dirname(target), { recursive: true });
  zip.writeZip(target);
  return target;
}

function argValue(args: string[], flag: string): string | undefined {
  const at = args.indexOf(flag);
  return at >= 0 ? args[at + 1] : undefined;
}

if (require.main === module) {
  const args = process.argv.slice(2);
  try {
    const values = teamsValues({
      appId: argValue(args, '--app-id') ?? process.env.MicrosoftAppId,
      domain: argValue(args, '--domain') ?? process.env.BOT_DOMAIN,
      version: argValue(args, '--version') ?? process.env.TEAMS_APP_VERSION,
      publisher: argValue(args, '--publisher') ?? process.env.TEAMS_PUBLISHER_NAME,
      privacyUrl: argValue(args, '--privacy-url') ?? process.env.TEAMS_PRIVACY_URL,
      termsUrl: argValue(args, '--terms-url') ?? process.env.TEAMS_TERMS_URL,
    });
    const out = buildTeamsPackage(values, argValue(args, '--out') ?? DEFAULT_OUT);
    console.log(
      `Teams app package written: ${out} (bot ${values.MicrosoftAppId}, domain ${values.BOT_DOMAIN}, version ${values.APP_VERSION})`,
    );
  } catch (error) {
    if (!(error instanceof TeamsPackageError)) throw error;
    console.error(`teams:package: cannot build the Teams app package:\n${error.message}`);
    process.exitCode = 1;
  }
}
