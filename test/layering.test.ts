// The layers stay one way: knowledge <- dialogs <- src. The core moves unchanged to another bot
// host (knowledge imports no bot SDK and nothing outside itself); the conversation never leans on
// its host (dialogs imports nothing from src); each layer is reached through its one door
// (knowledge/index.ts, dialogs/index.ts). scripts/ and test/ may import anything.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { folderOf, importsUnder, LAYERS, type Import } from '../scripts/import-graph';

const ROOT = path.join(__dirname, '..');
const imports = importsUnder(ROOT, LAYERS);
const filesOf = (folder: string) => [...new Set(imports.filter((i) => folderOf(i.from) === folder).map((i) => i.from))];
const importsOf = (file: string): Import[] => imports.filter((i) => i.from === file);
/** Relative imports, as `spec -> folder of the target`, for readable failures. */
const foldersReached = (file: string) =>
  importsOf(file).flatMap((i) => (i.to === undefined ? [] : [`${i.spec} -> ${folderOf(i.to)}/`]));

test('every layer has files to check', () => {
  for (const folder of LAYERS) expect(filesOf(folder).length).toBeGreaterThan(3);
});

test.each(filesOf('knowledge'))('%s imports no bot SDK or web server and nothing outside knowledge/', (file) => {
  const packages = importsOf(file).flatMap((i) => (i.to === undefined ? [i.spec] : []));
  expect(packages.filter((p) => /botbuilder|botframework|restify|@microsoft/.test(p))).toEqual([]);
  expect(foldersReached(file).filter((f) => !f.endsWith('-> knowledge/'))).toEqual([]);
});

/** The files of `folder` that `file` imports, other than its index.ts. */
const pastTheDoor = (file: string, folder: string) =>
  importsOf(file).flatMap((i) =>
    i.to !== undefined && folderOf(i.to) === folder && i.to !== `${folder}/index.ts` ? [i.to] : [],
  );

test.each(filesOf('dialogs'))(
  '%s imports nothing from src/ (only dialogs/ and knowledge/), and no web server',
  (file) => {
    expect(foldersReached(file).filter((f) => !/-> (dialogs|knowledge)\/$/.test(f))).toEqual([]);
    expect(importsOf(file).filter((i) => i.to === undefined && /restify/.test(i.spec))).toEqual([]);
    expect(pastTheDoor(file, 'knowledge')).toEqual([]);
    // The Bot Framework SDK only through dialogs/sdk.ts: a port to its successor changes that file.
    if (file !== 'dialogs/sdk.ts')
      expect(importsOf(file).filter((i) => i.to === undefined && /botbuilder|@microsoft\/agents/.test(i.spec))).toEqual(
        [],
      );
  },
);

test.each(filesOf('src'))(
  '%s reaches dialogs/ and knowledge/ only through their index.ts, and nothing in scripts/ or test/',
  (file) => {
    expect(pastTheDoor(file, 'dialogs')).toEqual([]);
    expect(pastTheDoor(file, 'knowledge')).toEqual([]);
    expect(foldersReached(file).filter((f) => !/-> (src|dialogs|knowledge)\/$/.test(f))).toEqual([]);
  },
);

test('a dynamic import(), a require() and a type-only import count as imports too', () => {
  // A check that missed these would let a backward import through unseen.
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'layering-'));
  try {
    fs.mkdirSync(path.join(root, 'knowledge'));
    fs.writeFileSync(
      path.join(root, 'knowledge', 'a.ts'),
      "import type { X } from '../src/x';\nexport const later = () => import('../dialogs/b');\nconst sdk = require('botbuilder');\n",
    );
    expect(importsUnder(root, ['knowledge']).map((i) => i.to ?? i.spec)).toEqual(['src/x', 'dialogs/b', 'botbuilder']);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('the dialogs never import OpenTelemetry or Azure Monitor: they report through their services', () => {
  const telemetry = (file: string) =>
    importsOf(file).filter((i) => i.to === undefined && /^@opentelemetry\/|^@azure\/monitor/.test(i.spec));
  for (const folder of ['knowledge', 'dialogs'])
    for (const file of filesOf(folder)) expect(telemetry(file)).toEqual([]);
});

test('the figures have one set of instruments, in one module of the host (src/metrics/instruments.ts)', () => {
  const makers = filesOf('src').filter((file) =>
    /\.create(Counter|Histogram|UpDownCounter|Gauge|ObservableGauge|ObservableCounter)\(/.test(
      fs.readFileSync(path.join(ROOT, file), 'utf8'),
    ),
  );
  expect(makers).toEqual(['src/metrics/instruments.ts']);
});
