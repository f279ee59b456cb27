// Loaded with `node -r` before the compiled server: every module the server resolves from
// node_modules is checked against package-lock.json, and a package that only devDependencies
// bring (marked "dev") is not found, exactly as in the deployed package, whose dev dependencies
// are pruned (a library that tries an optional one, as debug tries supports-color, goes on
// without it). The check runs for the whole life of the process, lazy imports included; each
// refusal is noted on stderr.
'use strict';
const Module = require('node:module');
const path = require('node:path');
const fs = require('node:fs');

const root = path.join(__dirname, '..', '..');
const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8'));
const devOnly = new Set(
  Object.entries(lock.packages)
    .filter(([key, entry]) => key && entry.dev)
    .map(([key]) => key),
);

/** "node_modules/a/node_modules/@s/b/lib/x.js" → "node_modules/a/node_modules/@s/b". */
function packageKey(file) {
  const relative = path.relative(root, file).split(path.sep).join('/');
  const match = /^((?:node_modules\/(?:@[^/]+\/)?[^/]+\/?)+)/.exec(relative);
  return match ? match[1].replace(/\/$/, '') : undefined;
}

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  const file = resolve.call(this, request, ...rest);
  const key = typeof file === 'string' ? packageKey(file) : undefined;
  if (key && devOnly.has(key)) {
    process.stderr.write(`not found, as after pruning: ${key}\n`);
    const error = new Error(`Cannot find module '${request}' (a dev-only package: ${key})`);
    error.code = 'MODULE_NOT_FOUND';
    throw error;
  }
  return file;
};
