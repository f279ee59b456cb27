import * as fs from 'fs';
import * as path from 'path';
import type { BuildOptions, Metafile, OutputFile, Plugin } from 'esbuild';

// The chat's script, built with esbuild from src/web/client: chat.js with Direct Line
// (botframework-directlinejs) in the file the page loads, and the Adaptive Cards renderer with
// markdown-it in a chunk fetched once the bot has spoken. Each file is named by its content's hash
// so browsers may cache it for a year (figures: docs/operations.md).
//
// `npm run build` writes it to dist/chat (scripts/build-chat.ts); a server started from the
// TypeScript sources (tests, ts-node scripts) builds it in memory instead, so it is never stale.

/** One output file, named by its content hash. */
export interface BundleFile {
  name: string;
  body: Buffer;
}

export interface ChatBundle {
  /** The entry's file name (the page's <script type="module">). */
  entry: string;
  /** Files the entry imports statically (the page preloads them alongside). */
  preload: string[];
  files: BundleFile[];
}

const MANIFEST = 'manifest.json';
const CLIENT_DIR = path.join(__dirname, 'client');

/** What DirectLineJS brings that the chat leaves out, each replaced by a module of its own. */
const LEFT_OUT: Record<string, string> = {
  // Direct Line App Service Extension (DirectLineStreaming, with its streaming library): the
  // chat speaks Direct Line 3.0 only.
  './directLineStreaming': 'export const DirectLineStreaming = undefined;',
  // Polyfills for browsers without Promise or URLSearchParams, which cannot run the chat's ES2020
  // modules anyway: about a quarter of the file, and CPU time on a phone before the first question.
  'core-js/features/promise': '',
  'url-search-params-polyfill': '',
};

function leaveOutPlugin(): Plugin {
  const dlDir = `${path.sep}botframework-directlinejs${path.sep}`;
  const names = Object.keys(LEFT_OUT).map((k) => k.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
  const filter = new RegExp(`^(${names.join('|')})$`);
  return {
    name: 'leave-out',
    setup(build) {
      build.onResolve({ filter }, (a) =>
        a.importer.includes(dlDir) ? { path: a.path, namespace: 'left-out' } : undefined,
      );
      build.onLoad({ filter: /.*/, namespace: 'left-out' }, (a) => ({ contents: LEFT_OUT[a.path], loader: 'js' }));
    },
  };
}

function buildOptions(outdir: string): BuildOptions {
  return {
    entryPoints: [path.join(CLIENT_DIR, 'chat.js')],
    bundle: true,
    splitting: true,
    format: 'esm',
    outdir,
    minify: true,
    // Browsers that run ES modules and ES2020 (every current one); an older one gets the page's
    // "could not be opened" line from its inline fallback (src/web/pages.ts).
    target: 'es2020',
    // DirectLineJS's dependencies read these as their own builds define them.
    define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
    entryNames: 'chat-[hash]',
    chunkNames: 'chunk-[hash]',
    legalComments: 'none',
    metafile: true,
    write: false,
    logLevel: 'silent',
    plugins: [leaveOutPlugin()],
  };
}

function toBundle(outputs: OutputFile[], metafile: Metafile): ChatBundle {
  const entryOut = Object.entries(metafile.outputs).find(([, o]) => o.entryPoint);
  if (!entryOut) throw new Error('chat build: no entry output');
  const files = outputs.map((o) => ({ name: path.basename(o.path), body: Buffer.from(o.contents) }));
  return {
    entry: path.basename(entryOut[0]),
    preload: entryOut[1].imports.filter((i) => i.kind === 'import-statement').map((i) => path.basename(i.path)),
    files,
  };
}

/** Runs esbuild; nothing is written. */
async function buildChat(): Promise<ChatBundle> {
  // Loaded only here: a compiled server that finds the built files never needs esbuild.
  const esbuild = await import('esbuild');
  const outdir = path.join(__dirname, 'chat-out');
  const result = await esbuild.build(buildOptions(outdir));
  return toBundle(result.outputFiles ?? [], result.metafile!);
}

/** Writes the bundle and its manifest (entry, preloads, file names) to `dir`, emptied first. */
export async function writeChat(dir: string): Promise<ChatBundle> {
  const bundle = await buildChat();
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (const f of bundle.files) fs.writeFileSync(path.join(dir, f.name), f.body);
  const manifest = { entry: bundle.entry, preload: bundle.preload, files: bundle.files.map((f) => f.name) };
  fs.writeFileSync(path.join(dir, MANIFEST), JSON.stringify(manifest, null, 2));
  return bundle;
}

/** The bundle written by `npm run build`, or undefined when there is none. */
function readChat(dir: string): ChatBundle | undefined {
  const file = path.join(dir, MANIFEST);
  if (!fs.existsSync(file)) return undefined;
  const m = JSON.parse(fs.readFileSync(file, 'utf8')) as { entry: string; preload: string[]; files: string[] };
  return {
    entry: m.entry,
    preload: m.preload,
    files: m.files.map((name) => ({ name, body: fs.readFileSync(path.join(dir, name)) })),
  };
}

/** dist/chat: next to the compiled src/ folder (this file is dist/src/web/chatBundle.js). */
export const BUILT_DIR = path.join(__dirname, '..', '..', 'chat');

/** True when the server runs compiled (`npm start`); false under ts-node (tests, scripts). */
export const RUNS_COMPILED = __filename.endsWith('.js');

/** Compiled: the built files. From the TypeScript sources: a fresh build in memory. */
export async function loadChat(): Promise<ChatBundle> {
  return (RUNS_COMPILED && readChat(BUILT_DIR)) || buildChat();
}
