/**
 * bench section `bundle`: gzip bytes of the JavaScript the pane loads before the user does
 * anything — the scripts taskpane.html names (office.js from Microsoft's CDN excluded),
 * after a production build. ExcelJS must stay out of it: it loads when a file is picked.
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

module.exports = {
  name: 'bundle',
  async run(_dir, { root, log }) {
    execFileSync(process.execPath, [path.join(root, 'node_modules/webpack-cli/bin/cli.js'), '--mode', 'production'], { cwd: root, stdio: 'ignore' });
    const dist = path.join(root, 'dist');
    const html = fs.readFileSync(path.join(dist, 'taskpane.html'), 'utf8');
    const local = [...html.matchAll(/<script[^>]*\bsrc=(?:"([^"]+)"|'([^']+)'|([^\s>]+))/g)].map((m) => m[1] ?? m[2] ?? m[3]).filter((src) => !/^https?:/.test(src));
    let bytes = 0;
    for (const src of local) bytes += zlib.gzipSync(fs.readFileSync(path.join(dist, src.replace(/^\.?\//, '')))).length;
    const all = fs.readdirSync(dist).filter((f) => f.endsWith('.js'));
    const total = all.reduce((n, f) => n + zlib.gzipSync(fs.readFileSync(path.join(dist, f))).length, 0);
    log(`bundle: ${local.join(', ')} → ${bytes} gzip bytes at startup (all JS in dist/: ${total})`);
    return { bundle: { initial_gzip_bytes: bytes, all_js_gzip_bytes: total } };
  },
};
