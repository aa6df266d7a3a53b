/**
 * bench section `web`: the plain web page (file mode) in Debian's Chromium, driven by
 * playwright-core against dist/ served on 127.0.0.1 (office.js unreachable, nothing else
 * allowed out).
 *   check_vs_exceljs_load  in the page, the time from the file chosen (mark bra:file-chosen)
 *                          to its findings shown (mark bra:findings-shown) ÷ a bare ExcelJS
 *                          load of the same bytes in the same page (ExcelJS's own browser
 *                          build, injected by the bench after the page's first findings: the
 *                          product itself carries no ExcelJS); medians of alternating rounds,
 *                          after a hover has warmed the chunks
 *   initial_js_gzip_bytes  gzip bytes of all JavaScript the page fetched before any interaction,
 *                          from the network log (compare bundle.initial_gzip_bytes)
 *   js_gzip_bytes_to_findings  gzip bytes of all JavaScript the page fetched from load to the
 *                          first findings shown
 * BENCH_WEB_RUNS sets the rounds (default 7); CHROMIUM_PATH the browser (/usr/bin/chromium).
 */
/* global window, performance, atob -- in functions that run in the page */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const { URL } = require('node:url');
const zlib = require('node:zlib');

const INPUTS = ['src', 'assets', 'webpack.config.js', 'manifest.xml', 'tsconfig.json', 'package.json'];
const OFFICE_JS = /^https:\/\/appsforoffice\.microsoft\.com\//;
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.png': 'image/png' };

function newest(p) {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return fs.readdirSync(p).reduce((t, e) => Math.max(t, newest(path.join(p, e))), 0);
}

/** dist/ as the e2e tests judge it (tests/e2e/support/build.ts): fresh when newer than every input. */
function ensureDist(root, log) {
  const dist = path.join(root, 'dist');
  const fresh = fs.existsSync(path.join(dist, 'taskpane.html')) && newest(dist) >= Math.max(...INPUTS.map((p) => newest(path.join(root, p))));
  if (fresh) return dist;
  log('web: building dist/ (webpack --mode production)');
  execFileSync(process.execPath, [path.join(root, 'node_modules/webpack-cli/bin/cli.js'), '--mode', 'production'], { cwd: root, stdio: 'ignore' });
  fs.writeFileSync(path.join(dist, '.e2e-built'), `${new Date().toISOString()}\n`);
  return dist;
}

/** Where the bench serves the yardstick from (same origin, so the page's CSP allows it). */
const YARDSTICK = '/__bench/exceljs.min.js';

function serve(dist, root) {
  const server = http.createServer((req, res) => {
    const p = decodeURIComponent(new URL(req.url || '/', 'http://x').pathname);
    if (p === YARDSTICK) {
      return void fs.readFile(path.join(root, 'node_modules/exceljs/dist/exceljs.min.js'), (err, body) =>
        err ? res.writeHead(404).end() : res.writeHead(200, { 'content-type': TYPES['.js'] }).end(body),
      );
    }
    const file = path.normalize(path.join(dist, p === '/' ? 'taskpane.html' : p));
    if (!file.startsWith(path.normalize(dist))) return void res.writeHead(403).end();
    fs.readFile(file, (err, body) => {
      if (err) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' }).end(body);
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(r)) })));
}

module.exports = {
  name: 'web',
  async run(dir, { root, log, median, entry }) {
    const { chromium } = require(path.join(root, 'node_modules/playwright-core'));
    const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
    if (!fs.existsSync(executablePath)) throw new Error(`web: Chromium not found at ${executablePath} (apt-get install chromium, or set CHROMIUM_PATH)`);
    const dist = ensureDist(root, log);

    // The demo report with its slips, made by the command line.
    const demoDir = path.join(dir, 'web-demo');
    execFileSync(process.execPath, [entry, 'demo', '--out', demoDir], { stdio: 'ignore' });
    const file = path.join(demoDir, 'annual-2025-demo.xlsx');
    const bytes = fs.readFileSync(file);

    const server = await serve(dist, root);
    const browser = await chromium.launch({
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    });
    try {
      const context = await browser.newContext({ viewport: { width: 360, height: 900 }, locale: 'zh-CN' });
      const page = await context.newPage();
      const leaks = [];
      await page.route('**/*', (route) => {
        const url = route.request().url();
        if (url.startsWith(`${server.url}/`)) return route.continue();
        if (OFFICE_JS.test(url)) return route.abort('internetdisconnected');
        leaks.push(url);
        return route.abort('blockedbyclient');
      });
      const scripts = [];
      const toFindings = [];
      let interacted = false;
      let shown = false;
      page.on('response', (response) => {
        const url = response.url();
        if (response.request().resourceType() !== 'script' || !url.startsWith(`${server.url}/`)) return;
        const gzip = response.body().then((b) => ({ url, gzip: zlib.gzipSync(b).length }));
        if (!interacted) scripts.push(gzip);
        if (!shown) toFindings.push(gzip);
      });

      await page.goto(`${server.url}/taskpane.html`, { waitUntil: 'networkidle' });
      await page.waitForSelector('.app[data-mode="file"]');
      await page.waitForTimeout(300); // nothing more is fetched unasked
      interacted = true;
      const initial = await Promise.all(scripts);
      const initialGzip = initial.reduce((n, s) => n + s.gzip, 0);

      // A person at work: the pointer over the open button starts fetching the lazy chunks.
      const warmed = Promise.all(['engine', 'xlsx-host'].map((chunk) => page.waitForResponse((r) => r.url().endsWith(`/${chunk}.chunk.js`))));
      await page.hover('[data-action="open"]');
      await warmed;
      await page.evaluate((b64) => {
        const raw = atob(b64);
        const u = new Uint8Array(raw.length);
        for (let i = 0; i < raw.length; i++) u[i] = raw.charCodeAt(i);
        window.__benchBytes = u;
      }, bytes.toString('base64'));

      const openOnce = async () => {
        await page.evaluate(() => performance.clearMarks());
        await page.setInputFiles('[data-action="open"] input[type="file"]', file);
        await page.waitForFunction(() => performance.getEntriesByName('bra:findings-shown').length > 0);
        const ms = await page.evaluate(() => {
          const [chosen] = performance.getEntriesByName('bra:file-chosen');
          const [shown] = performance.getEntriesByName('bra:findings-shown');
          return shown.startTime - chosen.startTime;
        });
        const n = await page.locator('[data-finding-code]').count();
        if (n !== 7) throw new Error(`web: expected the demo's 7 findings, the page shows ${n}`);
        return ms;
      };
      const bareOnce = () =>
        page.evaluate(async () => {
          const t0 = performance.now();
          const wb = new window.ExcelJS.Workbook();
          await wb.xlsx.load(window.__benchBytes.slice().buffer);
          return performance.now() - t0;
        });

      const runs = Number(process.env.BENCH_WEB_RUNS || 7);
      await openOnce(); // first use of each code path (JIT), not measured
      shown = true;
      const fetchedToFindings = (await Promise.all(toFindings)).reduce((n, x) => n + x.gzip, 0);
      // The yardstick, loaded only now: the product never fetches ExcelJS.
      await page.addScriptTag({ url: `${server.url}${YARDSTICK}` });
      await bareOnce();
      const open = [];
      const bare = [];
      for (let i = 0; i < runs; i++) {
        open.push(await openOnce());
        bare.push(await bareOnce());
      }
      if (leaks.length) throw new Error(`web: the page reached outside its origin: ${leaks.join(', ')}`);
      const ratio = median(open) / median(bare);
      log(`web: file chosen → findings shown ${median(open).toFixed(1)} ms, bare ExcelJS load ${median(bare).toFixed(1)} ms (medians of ${runs}) → ratio ${ratio.toFixed(3)}`);
      log(`web: JS fetched from load to the first findings: ${fetchedToFindings} gzip bytes`);
      log(`web: JS fetched before any interaction: ${initial.map((s) => `${new URL(s.url).pathname} ${s.gzip}`).join(', ')} → ${initialGzip} gzip bytes`);
      return {
        web: {
          check_vs_exceljs_load: Number(ratio.toFixed(3)),
          open_to_findings_ms_median: Number(median(open).toFixed(1)),
          exceljs_load_ms_median: Number(median(bare).toFixed(1)),
          initial_js_gzip_bytes: initialGzip,
          js_gzip_bytes_to_findings: fetchedToFindings,
        },
      };
    } finally {
      await browser.close();
      await server.close();
    }
  },
};
