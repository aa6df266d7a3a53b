/**
 * bench section `officejs`: context.sync round trips of the Office.js host, counted on the
 * strict fake Excel (which applies queued writes only at sync and counts every sync).
 *   syncs.check_and_mark_annual  read the filled annual report with six slips, check, mark
 *   syncs.insert_template        insert the annual template into an empty workbook
 *   read_response_bytes_100k_rows  the read's largest response (the fake's estimate: JSON
 *                                of every loaded value) for the annual report plus a sheet of
 *                                the user's own, 100k rows × 8 columns; must stay ≤ 1 MB
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

module.exports = {
  name: 'officejs',
  async run(dir, { root, log, entry }) {
    execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.bench.json')], { stdio: 'ignore' });
    const out = path.join(root, 'build/bench');
    const { ExcelHost } = require(path.join(out, 'src/hosts/excel'));
    const { createFakeExcel } = require(path.join(out, 'tests/fakes/fake-excel'));
    const core = require(path.join(out, 'src/core'));
    const xlsx = require(path.join(out, 'src/hosts/xlsx'));

    // The demo report with its slips, made by the command line.
    const demo = path.join(dir, 'officejs-demo');
    execFileSync(process.execPath, [entry, 'demo', '--out', demo], { stdio: 'ignore' });
    const snapshot = xlsx.reportSnapshot(xlsx.openWorkbook(new Uint8Array(fs.readFileSync(path.join(demo, 'annual-2025-demo.xlsx')))));

    const fake = createFakeExcel({ snapshot });
    const host = new ExcelHost({ run: fake.run, isSetSupported: fake.isSetSupported });
    const before = fake.syncCount;
    const read = await host.readSnapshot();
    const { report } = core.checkWorkbook(read);
    const outcome = await host.applyMarks(core.planMarks(report));
    const checkAndMark = fake.syncCount - before;

    const empty = createFakeExcel();
    const host2 = new ExcelHost({ run: empty.run, isSetSupported: empty.isSetSupported });
    const b2 = empty.syncCount;
    await host2.applyWorkbookPlan(core.buildTemplatePlan('annual', { unit: '示例市司法局', period: '2025' }));
    const insert = empty.syncCount - b2;

    // The same report in a workbook that also holds 100k rows × 8 columns of the user's own.
    const big = createFakeExcel({ snapshot });
    big.addSheet('用户数据');
    for (let r = 1; r <= 100000; r++) {
      big.setCell('用户数据', `A${r}`, `客户${r}`);
      for (const c of 'BCDEFGH') big.setCell('用户数据', `${c}${r}`, r * 7 + c.charCodeAt(0));
    }
    const host3 = new ExcelHost({ run: big.run, isSetSupported: big.isSetSupported });
    const bigRead = await host3.readSnapshot();
    const sameFindings = core.checkWorkbook(bigRead).report.findings.length === report.findings.length;
    const readBytes = big.maxResponse;

    log(`officejs: check and mark ${checkAndMark} syncs (${report.findings.length} findings, ${outcome.marked} cells marked), insert template ${insert} syncs, read beside 100k user rows ${readBytes} bytes (same findings: ${sameFindings})`);
    if (!sameFindings) throw new Error('officejs bench: the read beside 100k user rows gave other findings');
    return {
      officejs: {
        syncs: { check_and_mark_annual: checkAndMark, insert_template: insert },
        read_response_bytes_100k_rows: readBytes,
      },
    };
  },
};
