#!/usr/bin/env node
/**
 * `npm run bench [-- --json]`: speed as ratios and counts, never as a timed test.
 *   cli.check_vs_exceljs_read  wall time of `check` on a filled annual report ÷ a bare ExcelJS
 *                              read of the same file; whole processes, medians of alternating runs.
 * Sections added by later work register themselves in SECTIONS below. With --json, prints
 * one JSON object; otherwise a readable list.
 */
const { execFileSync, spawnSync } = require('node:child_process');
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

function timeProcess(args) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

/** A filled annual report (the bundled sample), made with the command line itself. */
function filledReport(dir) {
  const t = path.join(dir, 'template.xlsx');
  const f = path.join(dir, 'filled.xlsx');
  execFileSync(process.execPath, [entry, 'template', 'annual', '--out', t, '--unit', '示例市司法局', '--period', '2025'], { stdio: 'ignore' });
  execFileSync(process.execPath, [entry, 'fill', t, '--data', path.join(root, 'assets/sample/annual-2025.csv'), '--out', f], { stdio: 'ignore' });
  return f;
}

async function cliSection(dir) {
  const file = filledReport(dir);
  const bare = path.join(dir, 'bare-read.js');
  fs.writeFileSync(bare, `const ExcelJS = require(${JSON.stringify(path.join(root, 'node_modules/exceljs'))});\nnew ExcelJS.Workbook().xlsx.readFile(process.argv[2]).then((wb) => { if (!wb.worksheets.length) process.exit(3); });\n`);
  const runs = Number(process.env.BENCH_RUNS || 9);
  const check = [];
  const read = [];
  timeProcess([entry, 'check', file, '--json']);
  timeProcess([bare, file]);
  for (let i = 0; i < runs; i++) {
    check.push(timeProcess([entry, 'check', file, '--json']));
    read.push(timeProcess([bare, file]));
  }
  const ratio = median(check) / median(read);
  log(`cli: check ${median(check).toFixed(0)} ms, bare ExcelJS read ${median(read).toFixed(0)} ms (medians of ${runs}) → ratio ${ratio.toFixed(3)}`);
  return { cli: { check_vs_exceljs_read: Number(ratio.toFixed(3)), check_ms_median: Math.round(median(check)), exceljs_read_ms_median: Math.round(median(read)) } };
}

const SECTIONS = { cli: cliSection };
for (const f of fs.readdirSync(__dirname).filter((n) => /^bench-.*\.cjs$/.test(n)).sort()) {
  const mod = require(path.join(__dirname, f));
  SECTIONS[mod.name] = mod.run;
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
      merge(out, await run(dir, { root, log, median, timeProcess, entry }));
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
