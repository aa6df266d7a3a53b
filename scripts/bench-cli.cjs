/**
 * bench sections `cli` and `batch`: the command line as a user runs it (build/cli/main.js),
 * whole processes, medians of alternating runs.
 *   cli.check_vs_exceljs_read        `check --json` of the filled annual sample ÷ a bare ExcelJS read
 *                                    of the same file (target ≤ 0.6)
 *   cli.check_100k_rows_vs_plain     `check` of the report plus a pasted 100k-row × 8-column sheet
 *                                    (its text through the shared strings) ÷ `check` of the plain
 *                                    report (target ≤ 2.0)
 *   cli.check_100k_rows_peak_rss_mb  peak RSS of that `check` process (target ≤ 150)
 *   batch.check_100_files_vs_one     `check` of 100 district files in one call ÷ `check` of one
 *                                    file in one call (target ≤ 8)
 *   batch.merge_100_files_ms         `merge` of 100 district files, beside batch.check_one_ms
 */
const { execFileSync, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');

function timeProcess(args) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return { ms, stdout: String(r.stdout), stderr: String(r.stderr) };
}

/** The command line, run as itself, that also reports its peak RSS on stderr at exit. */
const RSS_WRAPPER = (entry) => `
const { run } = require(${JSON.stringify(entry)});
run(process.argv.slice(2)).then((code) => {
  process.stderr.write('maxRSS ' + process.resourceUsage().maxRSS + '\\n');
  process.exitCode = code;
});
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
  // A workbook our host wrote may have no shared strings yet (its text is inline): give it some.
  if (!parts['xl/sharedStrings.xml']) {
    parts['xl/sharedStrings.xml'] = strToU8('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"></sst>');
    parts['xl/_rels/workbook.xml.rels'] = strToU8(strFromU8(parts['xl/_rels/workbook.xml.rels']).replace('</Relationships>', '<Relationship Id="rIdSst" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>'));
    parts['[Content_Types].xml'] = strToU8(strFromU8(parts['[Content_Types].xml']).replace('</Types>', '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'));
  }
  const sst = strFromU8(parts['xl/sharedStrings.xml']);
  const base = Number(/uniqueCount="(\d+)"/.exec(sst)?.[1] ?? /count="(\d+)"/.exec(sst)?.[1] ?? 0);
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


/** District reports: the sample under 100 unit names, each filled by the command line. */
/**
 * n district reports: one template filled by the command line, then copies with their own
 * 填报单位 written by the file host in this process (two processes in all, not 2n).
 */
function districtFiles(dir, entry, n) {
  const t = path.join(dir, 'district-template.xlsx');
  const first = path.join(dir, 'district-filled.xlsx');
  execFileSync(process.execPath, [entry, 'template', 'annual', '--out', t, '--unit', '第1区司法局', '--period', '2025', '--force'], { stdio: 'ignore' });
  execFileSync(process.execPath, [entry, 'fill', t, '--data', path.join(root, 'assets/sample/annual-2025.csv'), '--out', first, '--force'], { stdio: 'ignore' });
  const host = require(path.join(path.dirname(entry), '..', 'hosts', 'xlsx'));
  const bytes = new Uint8Array(fs.readFileSync(first));
  const unit = host.reportSnapshot(host.openWorkbook(bytes)).names.find((x) => x.name === 'RPT_UNIT');
  if (!unit) throw new Error('batch: the filled template has no RPT_UNIT');
  const files = [];
  for (let i = 1; i <= n; i++) {
    const f = path.join(dir, `district-${i}.xlsx`);
    const wb = host.openWorkbook(bytes);
    host.applyCellEdits(wb, [{ sheet: unit.sheet, address: unit.address, value: `第${i}区司法局` }]);
    fs.writeFileSync(f, wb.toBytes());
    files.push(f);
  }
  return files;
}

const cli = {
  name: 'cli',
  async run(dir, ctx) {
    const { log, median, entry } = ctx;
    const file = filledReport(dir, entry);
    const big = withPastedSheet(file, path.join(dir, 'pkg-100k.xlsx'));
    const bare = path.join(dir, 'bare-read.js');
    fs.writeFileSync(bare, `const ExcelJS = require(${JSON.stringify(path.join(root, 'node_modules/exceljs'))});\nnew ExcelJS.Workbook().xlsx.readFile(process.argv[2]).then((wb) => { if (!wb.worksheets.length) process.exit(3); });\n`);
    const wrapper = path.join(dir, 'cli-rss.js');
    fs.writeFileSync(wrapper, RSS_WRAPPER(entry));
    // the 100k-row workbook gives the plain report's findings
    const plainJson = timeProcess([entry, 'check', file, '--json']).stdout.trim();
    if (timeProcess([entry, 'check', big, '--json']).stdout.trim() !== plainJson) throw new Error('cli: the 100k-row workbook checks differently from the plain report');
    const runs = Number(process.env.BENCH_RUNS || 9);
    const t = { check: [], read: [], big: [] };
    timeProcess([bare, file]);
    for (let i = 0; i < runs; i++) {
      t.check.push(timeProcess([entry, 'check', file, '--json']).ms);
      t.read.push(timeProcess([bare, file]).ms);
      t.big.push(timeProcess([entry, 'check', big, '--json']).ms);
    }
    const rssKb = Number(/maxRSS (\d+)/.exec(timeProcess([wrapper, 'check', big, '--json']).stderr)?.[1] ?? NaN);
    const out = {
      check_vs_exceljs_read: Number((median(t.check) / median(t.read)).toFixed(3)),
      check_100k_rows_vs_plain: Number((median(t.big) / median(t.check)).toFixed(3)),
      check_100k_rows_peak_rss_mb: Math.round(rssKb / 1024),
      check_ms_median: Math.round(median(t.check)),
      exceljs_read_ms_median: Math.round(median(t.read)),
      check_100k_ms_median: Math.round(median(t.big)),
    };
    log(`cli: check ${out.check_ms_median} ms, bare ExcelJS read ${out.exceljs_read_ms_median} ms → ${out.check_vs_exceljs_read}; with a 100k-row sheet ${out.check_100k_ms_median} ms → ×${out.check_100k_rows_vs_plain}; peak RSS ${out.check_100k_rows_peak_rss_mb} MB`);
    return { cli: out };
  },
};

const batch = {
  name: 'batch',
  async run(dir, ctx) {
    const { log, median, entry } = ctx;
    const files = districtFiles(dir, entry, Number(process.env.BENCH_DISTRICTS || 100));
    const runs = Number(process.env.BENCH_BATCH_RUNS || 3);
    const one = [];
    const many = [];
    const merge = [];
    timeProcess([entry, 'check', files[0]]);
    for (let i = 0; i < runs; i++) {
      one.push(timeProcess([entry, 'check', files[0]]).ms);
      many.push(timeProcess([entry, 'check', ...files]).ms);
      merge.push(timeProcess([entry, 'merge', ...files, '--out', path.join(dir, 'total.xlsx'), '--force']).ms);
    }
    const out = {
      check_100_files_vs_one: Number((median(many) / median(one)).toFixed(3)),
      check_one_ms: Math.round(median(one)),
      check_100_files_ms: Math.round(median(many)),
      merge_100_files_ms: Math.round(median(merge)),
    };
    log(`batch: check of ${files.length} files ${out.check_100_files_ms} ms vs one ${out.check_one_ms} ms → ×${out.check_100_files_vs_one}; merge ${out.merge_100_files_ms} ms`);
    return { batch: out };
  },
};

module.exports = [cli, batch];
