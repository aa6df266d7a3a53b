#!/usr/bin/env node
/**
 * The package reader (src/hosts/xlsx/package), measured on the compiled build/ output, as whole
 * processes, medians of alternating runs (like bench.cjs's cli section). Runs standalone
 * (`node scripts/bench-package.cjs [--json]`) and as the `package` section of `npm run bench`.
 *   package.check_vs_exceljs_read        a check-equivalent (open, snapshot of what the report
 *                                         needs, checkWorkbook, JSON out) of the filled annual
 *                                         sample ÷ a bare ExcelJS read of the same file (target ≤ 0.6)
 *   package.check_100k_rows_vs_plain     the same on the report plus a pasted 100k-row × 8-column
 *                                         sheet (text through the shared strings) ÷ on the plain
 *                                         report (target ≤ 2.0)
 *   package.check_100k_rows_peak_rss_mb  peak RSS of that process (target ≤ 150)
 */
const { execFileSync, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function timeProcess(args) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return { ms, stdout: String(r.stdout) };
}

const CHECK_SCRIPT = (b) => `
const fs = require('node:fs');
const { XlsxPackage } = require(${JSON.stringify(path.join(b, 'hosts/xlsx/package/index.js'))});
const { checkWorkbook } = require(${JSON.stringify(path.join(b, 'core/check.js'))});
const { reportJson } = require(${JSON.stringify(path.join(b, 'cli/report-text.js'))});
const pkg = XlsxPackage.open(new Uint8Array(fs.readFileSync(process.argv[2])));
const { report } = checkWorkbook(pkg.snapshot({ names: () => true, sheets: ['历史数据'] }));
process.stdout.write(JSON.stringify(reportJson(report)) + '\\n');
if (process.argv[3] === '--rss') process.stderr.write('maxRSS ' + process.resourceUsage().maxRSS + '\\n');
`;

function filledReport(dir, entry) {
  const t = path.join(dir, 'pkg-template.xlsx');
  const f = path.join(dir, 'pkg-filled.xlsx');
  execFileSync(process.execPath, [entry, 'template', 'annual', '--out', t, '--unit', '示例市司法局', '--period', '2025'], { stdio: 'ignore' });
  execFileSync(process.execPath, [entry, 'fill', t, '--data', path.join(root, 'assets/sample/annual-2025.csv'), '--out', f], { stdio: 'ignore' });
  return f;
}

/** The report plus a pasted 100k × 8 sheet whose text cells grow the shared strings. */
function withPastedSheet(file, out) {
  const { unzipSync, zipSync, strToU8, strFromU8 } = require(path.join(root, 'node_modules/fflate'));
  const parts = unzipSync(new Uint8Array(fs.readFileSync(file)));
  const sst = strFromU8(parts['xl/sharedStrings.xml']);
  const base = Number(/uniqueCount="(\d+)"/.exec(sst)?.[1] ?? /count="(\d+)"/.exec(sst)[1]);
  const ROWS = 100000;
  const rows = [];
  const si = [];
  for (let r = 1; r <= ROWS; r++) {
    si.push(`<si><t>粘贴的文本第${r}行</t></si>`);
    rows.push(`<row r="${r}"><c r="A${r}" t="s"><v>${base + r - 1}</v></c><c r="B${r}"><v>${r}</v></c><c r="C${r}"><v>${r * 1.5}</v></c><c r="D${r}" t="inlineStr"><is><t>类${r % 97}</t></is></c><c r="E${r}"><v>${r * 2}</v></c><c r="F${r}"><v>${r % 7}</v></c><c r="G${r}"><v>${r * 3.25}</v></c><c r="H${r}"><v>${r * 5}</v></c></row>`);
  }
  parts['xl/sharedStrings.xml'] = strToU8(sst.replace(/<\/sst>\s*$/, `${si.join('')}</sst>`).replace(/(uniqueCount|count)="\d+"/g, `$1="${base + ROWS}"`));
  parts['xl/worksheets/sheet99.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join('')}</sheetData></worksheet>`);
  parts['xl/_rels/workbook.xml.rels'] = strToU8(strFromU8(parts['xl/_rels/workbook.xml.rels']).replace('</Relationships>', '<Relationship Id="rIdPaste" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet99.xml"/></Relationships>'));
  parts['xl/workbook.xml'] = strToU8(strFromU8(parts['xl/workbook.xml']).replace('</sheets>', '<sheet name="粘贴" sheetId="99" r:id="rIdPaste"/></sheets>'));
  parts['[Content_Types].xml'] = strToU8(strFromU8(parts['[Content_Types].xml']).replace('</Types>', '<Override PartName="/xl/worksheets/sheet99.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'));
  fs.writeFileSync(out, zipSync(parts, { level: 6 }));
  return out;
}

async function run(dir, ctx = {}) {
  const log = ctx.log ?? ((s) => process.stderr.write(s + '\n'));
  const entry = ctx.entry ?? path.join(root, 'build', 'cli', 'main.js');
  const build = path.join(root, 'build');
  if (!fs.existsSync(path.join(build, 'hosts/xlsx/package/index.js'))) throw new Error('build/hosts/xlsx/package missing: run node scripts/build-cli.cjs --force');
  const file = filledReport(dir, entry);
  const big = withPastedSheet(file, path.join(dir, 'pkg-100k.xlsx'));
  const check = path.join(dir, 'pkg-check.js');
  fs.writeFileSync(check, CHECK_SCRIPT(build));
  const bare = path.join(dir, 'pkg-bare-read.js');
  fs.writeFileSync(bare, `const ExcelJS = require(${JSON.stringify(path.join(root, 'node_modules/exceljs'))});\nnew ExcelJS.Workbook().xlsx.readFile(process.argv[2]).then((wb) => { if (!wb.worksheets.length) process.exit(3); });\n`);
  // the check-equivalent must print what `check --json` prints
  const cliJson = spawnSync(process.execPath, [entry, 'check', file, '--json'], { encoding: 'utf8' }).stdout.trim();
  const ours = timeProcess([check, file]).stdout.trim();
  if (cliJson !== ours) throw new Error('the package check-equivalent disagrees with `check --json`');
  const runs = Number(process.env.BENCH_RUNS || 9);
  const t = { check: [], read: [], big: [] };
  timeProcess([bare, file]);
  timeProcess([check, big]);
  for (let i = 0; i < runs; i++) {
    t.check.push(timeProcess([check, file]).ms);
    t.read.push(timeProcess([bare, file]).ms);
    t.big.push(timeProcess([check, big]).ms);
  }
  const r = spawnSync(process.execPath, [check, big, '--rss'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const rssKb = Number(/maxRSS (\d+)/.exec(r.stderr)?.[1] ?? NaN);
  const out = {
    check_vs_exceljs_read: Number((median(t.check) / median(t.read)).toFixed(3)),
    check_100k_rows_vs_plain: Number((median(t.big) / median(t.check)).toFixed(3)),
    check_100k_rows_peak_rss_mb: Math.round(rssKb / 1024),
    check_ms_median: Math.round(median(t.check)),
    exceljs_read_ms_median: Math.round(median(t.read)),
    check_100k_ms_median: Math.round(median(t.big)),
    file_bytes: fs.statSync(file).size,
    file_100k_bytes: fs.statSync(big).size,
  };
  log(`package: check-equivalent ${out.check_ms_median} ms, bare ExcelJS read ${out.exceljs_read_ms_median} ms → ${out.check_vs_exceljs_read}; 100k rows ${out.check_100k_ms_median} ms → ×${out.check_100k_rows_vs_plain}; peak RSS ${out.check_100k_rows_peak_rss_mb} MB`);
  return { package: out };
}

module.exports = { name: 'package', run };

if (require.main === module) {
  const json = process.argv.includes('--json');
  const { stale, build } = require('./build-cli.cjs');
  if (stale()) build();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bra-bench-pkg-'));
  run(dir, { log: json ? () => {} : undefined })
    .then((out) => process.stdout.write(JSON.stringify(out, null, json ? 0 : 2) + '\n'))
    .catch((e) => {
      process.stderr.write(`bench-package: ${e.message}\n`);
      process.exitCode = 1;
    })
    .finally(() => fs.rmSync(dir, { recursive: true, force: true }));
}
