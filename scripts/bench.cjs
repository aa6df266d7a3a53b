#!/usr/bin/env node
/**
 * `npm run bench [-- --json]`: speed as ratios and counts, never as a timed test. Each
 * scripts/bench-*.cjs file gives one or more sections (cli, batch, bundle, officejs, web); each
 * documents its keys. With --json, prints
 * one JSON object; otherwise a readable list.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { stale, build, entry } = require('./build-cli.cjs');

const root = path.resolve(__dirname, '..');
const json = process.argv.includes('--json');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);
const log = (s) => { if (!json) process.stderr.write(s + '\n'); };

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const SECTIONS = {};
for (const f of fs.readdirSync(__dirname).filter((n) => /^bench-.*\.cjs$/.test(n)).sort()) {
  // a file gives one section ({ name, run }) or several
  for (const mod of [require(path.join(__dirname, f))].flat()) SECTIONS[mod.name] = mod.run;
}

function merge(into, from) {
  for (const [k, v] of Object.entries(from)) {
    if (v && typeof v === 'object' && !Array.isArray(v)) merge((into[k] ??= {}), v);
    else into[k] = v;
  }
  return into;
}

(async () => {
  if (stale()) build();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bra-bench-'));
  const out = {};
  try {
    for (const [name, run] of Object.entries(SECTIONS)) {
      if (only && !only.split(',').includes(name)) continue;
      merge(out, await run(dir, { root, log, median, entry }));
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  if (json) process.stdout.write(JSON.stringify(out) + '\n');
  else {
    const flat = [];
    (function walk(o, p) { for (const [k, v] of Object.entries(o)) v && typeof v === 'object' ? walk(v, p + k + '.') : flat.push(`${p}${k} = ${v}`); })(out, '');
    process.stdout.write(flat.join('\n') + '\n');
  }
})().catch((e) => {
  process.stderr.write(`bench: ${e.message}\n`);
  process.exit(1);
});
