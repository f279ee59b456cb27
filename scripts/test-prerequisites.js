// Runs before `npm test` (npm's pretest): the browser tests drive Debian's Chromium, which npm
// cannot install. When it is missing and this user may install packages (root with apt-get, as in
// a container or CI), it is installed; otherwise the tests stop at once with the exact command to
// run, instead of failing one by one later. CHROMIUM_PATH points at another Chromium.
// Plain JavaScript, so it runs before anything is compiled.
'use strict';
const fs = require('fs');
const { spawnSync } = require('child_process');

const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const INSTALL = 'apt-get update && apt-get install -y --no-install-recommends chromium';

function works(path) {
  if (!fs.existsSync(path)) return false;
  return spawnSync(path, ['--version'], { encoding: 'utf8' }).status === 0;
}

if (works(chromium)) process.exit(0);

const root = typeof process.getuid === 'function' && process.getuid() === 0;
const apt = spawnSync('sh', ['-c', 'command -v apt-get'], { encoding: 'utf8' }).status === 0;
if (process.env.CHROMIUM_PATH || !root || !apt) {
  console.error(
    `The browser tests need Chromium at ${chromium}, and it is not there.\n` +
      (process.env.CHROMIUM_PATH
        ? 'Set CHROMIUM_PATH to a working Chromium, or unset it to use Debian\u2019s.\n'
        : `Install Debian's Chromium, then run the tests again:\n  sudo sh -c '${INSTALL}'\n`),
  );
  process.exit(1);
}

console.log(`Chromium is missing; installing Debian's package for the browser tests (${INSTALL}) …`);
const result = spawnSync('sh', ['-c', INSTALL], {
  stdio: 'inherit',
  env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
});
if (result.status !== 0 || !works(chromium)) {
  console.error(`Installing Chromium failed (exit ${result.status}). Run it by hand:\n  ${INSTALL}`);
  process.exit(1);
}
console.log('Chromium installed.');
