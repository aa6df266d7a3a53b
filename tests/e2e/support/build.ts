/**
 * What the browser tests need built: dist/ (the production pane, built once if missing or
 * older than the sources) and the fake-Office bundle for Office mode (built into a temp dir).
 */
import { execFileSync } from 'child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import webpack from 'webpack';

export const ROOT = join(__dirname, '..', '..', '..');
export const DIST = join(ROOT, 'dist');

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

export function ensureDist(): void {
  const html = join(DIST, 'taskpane.html');
  if (existsSync(html) && statSync(html).mtimeMs >= newest(join(ROOT, 'src'))) return;
  execFileSync(process.execPath, [join(ROOT, 'node_modules/webpack-cli/bin/cli.js'), '--mode', 'production'], { cwd: ROOT, stdio: 'ignore' });
}

let fakeBundle: string | undefined;

export async function fakeOfficeBundle(): Promise<string> {
  if (fakeBundle) return fakeBundle;
  const out = mkdtempSync(join(tmpdir(), 'bra-fake-'));
  const compiler = webpack({
    mode: 'development',
    devtool: false,
    target: 'web',
    entry: join(ROOT, 'tests/fakes/browser-fake-office.ts'),
    output: { path: out, filename: 'fake-office.js' },
    resolve: { extensions: ['.ts', '.js'] },
    module: { rules: [{ test: /\.ts$/, loader: 'ts-loader', options: { transpileOnly: true, configFile: join(ROOT, 'tsconfig.json') } }] },
  });
  await new Promise<void>((resolve, reject) =>
    compiler.run((err, stats) => (err || stats?.hasErrors() ? reject(err ?? new Error(stats?.toString('errors-only'))) : resolve())),
  );
  fakeBundle = readFileSync(join(out, 'fake-office.js'), 'utf8');
  return fakeBundle;
}
