/**
 * What the browser tests need built: dist/ (the production pane, built once if missing or
 * older than its sources) and the fake-Office bundle for Office mode (built into a temp dir).
 *
 * webpack rewrites only the files whose content changed, so the age of dist/taskpane.html
 * says little. dist/ counts as fresh when a build stamp written after our own build, or any
 * file in dist/ (a `npm run build` rewrites at least the source maps of what changed), is
 * newer than every input of the build.
 */
import { spawn } from 'child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import webpack from 'webpack';

export const ROOT = join(__dirname, '..', '..', '..');
export const DIST = join(ROOT, 'dist');
const STAMP = join(DIST, '.e2e-built');
/** What the production build reads. */
const INPUTS = ['src', 'assets', 'webpack.config.js', 'manifest.xml', 'tsconfig.json', 'package.json'];

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let t = 0;
  for (const e of readdirSync(path)) t = Math.max(t, newest(join(path, e)));
  return t;
}

/** True when dist/ holds a production build at least as new as its inputs. */
export function distIsFresh(): boolean {
  if (!existsSync(join(DIST, 'taskpane.html')) || !existsSync(join(DIST, 'taskpane.js'))) return false;
  const inputs = Math.max(...INPUTS.map((p) => newest(join(ROOT, p))));
  return newest(DIST) >= inputs;
}

let building: Promise<void> | undefined;

/** Builds dist/ with webpack (production) unless it is fresh; at most once per process. */
export function ensureDist(): Promise<void> {
  if (distIsFresh()) return Promise.resolve();
  building ??= new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'node_modules/webpack-cli/bin/cli.js'), '--mode', 'production'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) {
        reject(new Error(`webpack --mode production exited ${code}:\n${output.slice(-4000)}`));
        return;
      }
      writeFileSync(STAMP, `${new Date().toISOString()}\n`);
      resolve();
    });
  }).finally(() => {
    building = undefined;
  });
  return building;
}

let fakeBundle: Promise<string> | undefined;

/** tests/fakes/browser-fake-office.ts as one classic script (no eval: the pane's CSP allows none). */
export function fakeOfficeBundle(): Promise<string> {
  fakeBundle ??= (async () => {
    const out = mkdtempSync(join(tmpdir(), 'bra-fake-'));
    try {
      const compiler = webpack({
        mode: 'development',
        devtool: false,
        target: 'web',
        entry: join(ROOT, 'tests/fakes/browser-fake-office.ts'),
        output: { path: out, filename: 'fake-office.js', iife: true },
        resolve: { extensions: ['.ts', '.js'] },
        module: {
          rules: [
            {
              test: /\.ts$/,
              loader: 'ts-loader',
              options: { transpileOnly: true, configFile: join(ROOT, 'tsconfig.json'), compilerOptions: { module: 'es2020', sourceMap: false } },
            },
          ],
        },
      });
      await new Promise<void>((resolve, reject) =>
        compiler.run((err, stats) => {
          compiler.close(() => undefined);
          if (err || stats?.hasErrors()) reject(err ?? new Error(stats?.toString('errors-only')));
          else resolve();
        }),
      );
      return readFileSync(join(out, 'fake-office.js'), 'utf8');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  })();
  return fakeBundle;
}
