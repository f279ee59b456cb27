import * as fs from 'fs';
import * as path from 'path';
import type { BuildOptions, Metafile, OutputFile, Plugin } from 'esbuild';
import { LANGS } from '../../knowledge';

// The chat's own build of Bot Framework Web Chat: src/web/client/webchat.js bundled with esbuild
// from Web Chat's packages (botframework-webchat-component, -api, -core and the full package's
// Adaptive Cards and Markdown parts, all 4.18.x from node_modules). Web Chat's prebuilt
// webchat.js carries speech, every card type, all its languages and a polyfilled React, which a
// phone downloads and compiles before the first question. This build keeps what the bot uses,
// leaves Adaptive Cards in a chunk fetched after the first question, and names each file by its
// content's hash so browsers may cache it for a year (figures: docs/operations.md).
//
// `npm run build` writes it to dist/webchat (scripts/build-webchat.ts); a server started from the
// TypeScript sources (tests, ts-node scripts) builds it in memory instead, so it is never stale.

/** One output file, named by its content hash. */
export interface BundleFile {
  name: string;
  body: Buffer;
}

export interface WebChatBundle {
  /** The entry's file name (the page's <script type="module">). */
  entry: string;
  /** Files the entry imports statically (the page preloads them alongside). */
  preload: string[];
  files: BundleFile[];
}

const MANIFEST = 'manifest.json';
const CLIENT_DIR = path.join(__dirname, 'client');

/** Where a package's folder is (its `exports` hide package.json, so go from its main file). */
function packageDir(name: string): string {
  let dir = path.dirname(require.resolve(name));
  while (!fs.existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  return dir;
}

/** The version of Web Chat's packages being bundled (4.18.x, all the same). */
function webChatVersion(): string {
  return (
    JSON.parse(fs.readFileSync(path.join(packageDir('botframework-webchat-component'), 'package.json'), 'utf8')) as {
      version: string;
    }
  ).version;
}

/** Web Chat's UI strings for our three languages only (its own table holds every language it speaks). */
function localizedStringsModule(apiDir: string): string {
  const dir = path.join(apiDir, 'src', 'localization');
  // Keyed as Web Chat's own table keys them (by its file names, language and region): it maps a page's locale there.
  const files = fs.readdirSync(dir);
  const locales = LANGS.map((l) =>
    files.find((f) => f.startsWith(`${l}-`) && f.endsWith('.json'))!.slice(0, -'.json'.length),
  );
  const imports = locales.map((l, i) => `import l${i} from ${JSON.stringify(path.join(dir, `${l}.json`))};`);
  const table = locales.map((l, i) => `${JSON.stringify(l)}: l${i}`).join(', ');
  return `${imports.join('\n')}
import overrides from ${JSON.stringify(path.join(dir, 'overrides.json'))};
import merge from ${JSON.stringify(path.join(dir, 'mergeLocalizedStrings'))};
let strings;
export default function getAllLocalizedStrings() { return strings || (strings = merge({ ${table} }, overrides)); }
`;
}

const TRIMMED: Record<string, string> = {
  'no-streaming': 'export const DirectLineStreaming = undefined;',
  mime: 'export default { getType() { return null; } };',
};

const camel = (kebab: string) => kebab.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());
const GLOBAL_NAMES: Record<string, string> = { json: 'JSON', url: 'URL', 'url-search-params': 'URLSearchParams' };
/** A core-js entry's built-in: "instance/map" → its method; "object/keys" → Object.keys; "set-timeout" → setTimeout. */
function nativeModule(entry: string): string | undefined {
  const [head, member, ...more] = entry.split('/');
  if (more.length || !/^[a-z-]+$/.test(head) || (member !== undefined && !/^[a-z-]+$/.test(member))) return undefined;
  if (head === 'instance' && member) return `export default function (it) { return it.${camel(member)}; }`;
  if (head === 'get-iterator-method')
    return 'export default function (it) { return it == null ? undefined : it[Symbol.iterator]; }';
  if (head === 'get-iterator') return 'export default function (it) { return it[Symbol.iterator](); }';
  if (head === 'is-iterable')
    return "export default function (it) { return it != null && typeof it[Symbol.iterator] === 'function'; }";
  // Functions are kebab-case of a lower-case name (set-timeout), constructors of a capitalised one.
  const lower = ['set-timeout', 'set-interval', 'parse-int', 'parse-float', 'queue-microtask', 'global-this'];
  const global = GLOBAL_NAMES[head] ?? (lower.includes(head) ? camel(head) : camel(`-${head}`));
  return `export default ${member ? `${global}.${camel(member)}` : global};`;
}

/**
 * Builds Web Chat's packages from their TypeScript sources (which tree-shake, unlike their
 * prebuilt single files) and leaves out what this bot never uses.
 */
function trimPlugin(): Plugin {
  const api = packageDir('botframework-webchat-api');
  const component = packageDir('botframework-webchat-component');
  const full = packageDir('botframework-webchat');
  const sources: Record<string, string> = {
    'botframework-webchat-api': path.join(api, 'src', 'index.ts'),
    'botframework-webchat-api/internal': path.join(api, 'src', 'internal.ts'),
    'botframework-webchat-api/decorator': path.join(api, 'src', 'decorator', 'index.ts'),
    'botframework-webchat-component': path.join(component, 'src', 'index.ts'),
    'botframework-webchat-component/internal': path.join(component, 'src', 'internal.ts'),
  };
  return {
    name: 'webchat-trim',
    setup(build) {
      build.onResolve({ filter: /^botframework-webchat-(api|component)(\/[a-z]+)?$/ }, (a) =>
        sources[a.path] ? { path: sources[a.path] } : undefined,
      );
      // The full package's Adaptive Cards and Markdown modules, from its sources.
      build.onResolve({ filter: /^botframework-webchat\/src\// }, (a) =>
        build.resolve(`./${a.path.slice('botframework-webchat/'.length)}`, { resolveDir: full, kind: a.kind }),
      );
      build.onResolve({ filter: /\/getAllLocalizedStrings$/ }, (a) =>
        a.importer.startsWith(api) ? { path: 'localized-strings', namespace: 'webchat-trim' } : undefined,
      );
      // Direct Line App Service Extension (DirectLineStreaming) is not used: Direct Line 3.0 only.
      build.onResolve({ filter: /^\.\/directLineStreaming$/ }, (a) =>
        a.importer.includes(`${path.sep}botframework-directlinejs${path.sep}`)
          ? { path: 'no-streaming', namespace: 'webchat-trim' }
          : undefined,
      );
      // sanitize-html brings an HTML parser and PostCSS; the browser has a parser of its own.
      build.onResolve({ filter: /^sanitize-html$/ }, () => ({ path: path.join(CLIENT_DIR, 'sanitizeHtml.js') }));
      // A whole Markdown parser, used only to list a message's link definitions.
      build.onResolve({ filter: /^mdast-util-from-markdown$/ }, () => ({
        path: path.join(CLIENT_DIR, 'linkDefinitions.js'),
      }));
      // File types for uploads, which the chat hides.
      build.onResolve({ filter: /^mime$/ }, () => ({ path: 'mime', namespace: 'webchat-trim' }));
      // Babel's core-js helpers: the built-ins themselves (every ES2020 browser has them).
      build.onResolve({ filter: /^@babel\/runtime-corejs3\/core-js(-stable)?\// }, (a) => {
        const contents = nativeModule(a.path.replace(/^@babel\/runtime-corejs3\/core-js(-stable)?\//, ''));
        return contents ? { path: a.path, namespace: 'webchat-native', pluginData: contents } : undefined;
      });
      build.onResolve({ filter: /^@babel\/runtime-corejs3\/helpers\// }, (a) =>
        build.resolve(a.path.replace('@babel/runtime-corejs3/', '@babel/runtime/'), { resolveDir: full, kind: a.kind }),
      );
      build.onLoad({ filter: /.*/, namespace: 'webchat-native' }, (a) => ({
        contents: a.pluginData as string,
        loader: 'js',
      }));
      build.onLoad({ filter: /.*/, namespace: 'webchat-trim' }, (a) => ({
        contents: TRIMMED[a.path] ?? localizedStringsModule(api),
        resolveDir: api,
        loader: 'js',
      }));
    },
  };
}

function buildOptions(outdir: string): BuildOptions {
  return {
    entryPoints: [path.join(CLIENT_DIR, 'webchat.js')],
    bundle: true,
    splitting: true,
    format: 'esm',
    outdir,
    minify: true,
    // Browsers that run ES modules and ES2020; older ones get the page's "could not load" text.
    target: 'es2020',
    // Web Chat reads its build's name and version from process.env, as its own build defines them.
    define: {
      'process.env.NODE_ENV': '"production"',
      'process.env.node_env': '"production"',
      'process.env.build_tool': '"esbuild"',
      'process.env.module_format': '"esmodules"',
      'process.env.npm_package_version': JSON.stringify(webChatVersion()),
      global: 'globalThis',
    },
    // Web Chat's .js sources hold JSX.
    loader: { '.js': 'jsx' },
    jsx: 'transform',
    entryNames: 'webchat-[hash]',
    chunkNames: 'chunk-[hash]',
    legalComments: 'none',
    // Preact's React compatibility layer runs Web Chat's React components with a fraction of react-dom's code.
    alias: { react: 'preact/compat', 'react-dom': 'preact/compat' },
    metafile: true,
    write: false,
    logLevel: 'silent',
    plugins: [trimPlugin()],
  };
}

function toBundle(outputs: OutputFile[], metafile: Metafile): WebChatBundle {
  const entryOut = Object.entries(metafile.outputs).find(([, o]) => o.entryPoint);
  if (!entryOut) throw new Error('Web Chat build: no entry output');
  const files = outputs.map((o) => ({ name: path.basename(o.path), body: Buffer.from(o.contents) }));
  return {
    entry: path.basename(entryOut[0]),
    preload: entryOut[1].imports.filter((i) => i.kind === 'import-statement').map((i) => path.basename(i.path)),
    files,
  };
}

/** Runs esbuild; nothing is written. */
async function buildWebChat(): Promise<WebChatBundle> {
  // Loaded only here: a compiled server that finds the built files never needs esbuild.
  const esbuild = await import('esbuild');
  const outdir = path.join(__dirname, 'webchat-out');
  const result = await esbuild.build(buildOptions(outdir));
  return toBundle(result.outputFiles ?? [], result.metafile!);
}

/** Writes the bundle and its manifest (entry, preloads, file names) to `dir`, emptied first. */
export async function writeWebChat(dir: string): Promise<WebChatBundle> {
  const bundle = await buildWebChat();
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (const f of bundle.files) fs.writeFileSync(path.join(dir, f.name), f.body);
  const manifest = { entry: bundle.entry, preload: bundle.preload, files: bundle.files.map((f) => f.name) };
  fs.writeFileSync(path.join(dir, MANIFEST), JSON.stringify(manifest, null, 2));
  return bundle;
}

/** The bundle written by `npm run build`, or undefined when there is none. */
function readWebChat(dir: string): WebChatBundle | undefined {
  const file = path.join(dir, MANIFEST);
  if (!fs.existsSync(file)) return undefined;
  const m = JSON.parse(fs.readFileSync(file, 'utf8')) as { entry: string; preload: string[]; files: string[] };
  return {
    entry: m.entry,
    preload: m.preload,
    files: m.files.map((name) => ({ name, body: fs.readFileSync(path.join(dir, name)) })),
  };
}

/** dist/webchat: next to the compiled src/ folder (this file is dist/src/web/webChatBundle.js). */
export const BUILT_DIR = path.join(__dirname, '..', '..', 'webchat');

/** True when the server runs compiled (`npm start`); false under ts-node (tests, scripts). */
export const RUNS_COMPILED = __filename.endsWith('.js');

/** Compiled: the built files. From the TypeScript sources: a fresh build in memory. */
export async function loadWebChat(): Promise<WebChatBundle> {
  return (RUNS_COMPILED && readWebChat(BUILT_DIR)) || buildWebChat();
}
