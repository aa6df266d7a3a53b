#!/usr/bin/env node
/**
 * Compiles the command line (src → build/) with tsc when a source file is newer than the
 * build, so `npm run cli` always runs the current code. Runs on `npm ci` (prepare).
 * --force rebuilds regardless. Type errors are reported but do not stop the build;
 * `npm test` is where they fail.
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const entry = path.join(root, 'build', 'cli', 'main.js');

function newest(dir) {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

function stale() {
  if (!fs.existsSync(entry)) return true;
  const built = fs.statSync(entry).mtimeMs;
  return newest(path.join(root, 'src')) > built || fs.statSync(path.join(root, 'tsconfig.cli.json')).mtimeMs > built;
}

function build() {
  const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  try {
    execFileSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.cli.json')], { stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    if (!fs.existsSync(entry)) {
      process.stderr.write(String(e.stdout || '') + String(e.stderr || ''));
      process.exit(2);
    }
  }
  const now = new Date();
  fs.utimesSync(entry, now, now);
}

module.exports = { stale, build, entry };

if (require.main === module) {
  if (process.argv.includes('--force') || stale()) build();
}
