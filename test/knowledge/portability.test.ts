// The core must move unchanged to another bot host: nothing in knowledge/ imports a bot SDK
// or anything outside knowledge/.
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '../../knowledge');
const files = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));

test.each(files(ROOT).map((f) => [path.relative(ROOT, f), f]))('knowledge/%s imports no bot SDK and nothing outside knowledge/', (_name, file) => {
  const source = fs.readFileSync(file, 'utf8');
  const imports = [...source.matchAll(/(?:from\s+|require\()\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);
  for (const spec of imports) {
    expect(spec).not.toMatch(/botbuilder|botframework|restify|@microsoft/);
    if (spec.startsWith('.')) expect(path.resolve(path.dirname(file), spec).startsWith(ROOT)).toBe(true);
  }
});
