// restify 11 asks for find-my-way ^7, whose multi-parameter route matching can backtrack for
// seconds on a crafted path (GHSA-rrr8-f88r-h8q6, fixed in 8.2.2). package.json's overrides
// entry installs a fixed major; the restify-facing tests run against it.
import * as fs from 'node:fs';
import * as path from 'node:path';

const installed = (name: string): string =>
  JSON.parse(
    fs.readFileSync(
      path.join(
        path.dirname(require.resolve(`${name}/package.json`, { paths: [path.dirname(require.resolve('restify'))] })),
        'package.json',
      ),
      'utf8',
    ),
  ).version;

test('the router restify loads is find-my-way 8.2.2 or newer', () => {
  const [major, minor, patch] = installed('find-my-way').split('.').map(Number);
  expect(major > 8 || (major === 8 && (minor > 2 || (minor === 2 && patch >= 2)))).toBe(true);
});
