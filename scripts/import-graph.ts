// The import graph between the three layers, knowledge <- dialogs <- src: how many file-to-file
// imports run from each folder to each other one, and the files behind any import that runs
// against the arrows. test/layering.test.ts enforces the arrows with the same reading.
//
//   npm run graph              this checkout
//   npm run graph -- DIR       another checkout (e.g. a `git worktree` of an older commit)
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

/** The layers, lowest first: each may import only itself and the layers before it. */
export const LAYERS = ['knowledge', 'dialogs', 'src'] as const;
type Layer = (typeof LAYERS)[number];

/** One import: a file (path relative to the root, with `/`) and what it names. */
export interface Import {
  from: string;
  spec: string;
  /** The imported file relative to the root, for a relative import; undefined for a package. */
  to?: string;
}

/** Every .ts file under `dir`, recursively. */
function tsFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory() ? tsFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
    );
}

const posix = (p: string) => p.split(path.sep).join('/');

/** The file a relative import names: `x.ts`, `x.d.ts`, `x/index.ts`, or the name itself (a .json, a .js). */
function resolveRelative(file: string, spec: string): string {
  const base = path.resolve(path.dirname(file), spec);
  for (const candidate of [`${base}.ts`, `${base}.d.ts`, path.join(base, 'index.ts')]) {
    if (fs.existsSync(candidate)) return candidate;
  }
  return base;
}

/**
 * Every import, export-from, `require()` and `import()` of the .ts files under the given folders
 * of `root`, read with TypeScript's own pre-processor (type-only imports included: they couple
 * the layers just the same).
 */
export function importsUnder(root: string, folders: readonly string[]): Import[] {
  const out: Import[] = [];
  for (const folder of folders) {
    for (const file of tsFiles(path.join(root, folder))) {
      const info = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
      for (const { fileName: spec } of info.importedFiles) {
        const from = posix(path.relative(root, file));
        out.push(
          spec.startsWith('.')
            ? { from, spec, to: posix(path.relative(root, resolveRelative(file, spec))) }
            : { from, spec },
        );
      }
    }
  }
  return out;
}

/** The top folder of a root-relative path (knowledge, dialogs, src, scripts, test, …). */
export const folderOf = (relative: string): string => relative.split('/')[0];

/** A layer may import only itself and the layers before it. */
function isBackward(from: Layer, to: Layer): boolean {
  return LAYERS.indexOf(to) > LAYERS.indexOf(from);
}

const isLayer = (folder: string): folder is Layer => (LAYERS as readonly string[]).includes(folder);

/** The graph of `root` as printable lines. */
function graphReport(root: string): string[] {
  const edges = new Set<string>();
  const backward: string[] = [];
  const count = new Map<string, number>();
  for (const i of importsUnder(root, LAYERS)) {
    if (i.to === undefined) continue;
    const from = folderOf(i.from);
    const to = folderOf(i.to);
    if (!isLayer(from) || !isLayer(to)) continue;
    const edge = `${i.from} -> ${i.to}`;
    if (edges.has(edge)) continue;
    edges.add(edge);
    count.set(`${from} -> ${to}`, (count.get(`${from} -> ${to}`) ?? 0) + 1);
    if (isBackward(from, to)) backward.push(edge);
  }
  const lines = ['Imports between folders (file-to-file edges), layers knowledge <- dialogs <- src:'];
  for (const from of LAYERS) {
    for (const to of LAYERS) {
      const n = count.get(`${from} -> ${to}`) ?? 0;
      if (n > 0)
        lines.push(
          `  ${`${from} -> ${to}`.padEnd(22)}${String(n).padStart(4)}${isBackward(from, to) ? '   BACKWARD' : ''}`,
        );
    }
  }
  lines.push(backward.length === 0 ? 'Backward edges: none' : `Backward edges: ${backward.length}`);
  for (const edge of backward.sort()) lines.push(`  ${edge}`);
  return lines;
}

if (require.main === module) {
  const root = path.resolve(process.argv[2] ?? path.join(__dirname, '..'));
  console.log(graphReport(root).join('\n'));
}
