/** Other clients than ExcelJS, for the package tests: openpyxl and LibreOffice headless. */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

/** In CI (.ci/run installs both clients) a missing client fails the run instead of skipping tests. */
function required(ok: boolean, what: string): boolean {
  if (!ok && process.env['CI']) throw new Error(`${what} is missing: .ci/run installs it (apt-get install python3-openpyxl libreoffice-calc-nogui libreoffice-writer-nogui)`);
  return ok;
}

export function hasOpenpyxl(): boolean {
  return required(spawnSync(PYTHON, ['-c', 'import openpyxl'], { stdio: 'ignore' }).status === 0, 'openpyxl');
}

export function hasSoffice(): boolean {
  return required(spawnSync('soffice', ['--version'], { stdio: 'ignore', timeout: 30000 }).status === 0, 'LibreOffice (soffice)');
}

/** LibreOffice with Writer (libreoffice-writer-nogui), to print a .docx. */
export function hasWriter(): boolean {
  return required(hasSoffice() && existsSync('/usr/lib/libreoffice/program/libswlo.so'), 'LibreOffice Writer (libreoffice-writer-nogui)');
}

export function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'bra-pkg-'));
}

/** Runs a Python snippet; returns its stdout. */
export function python(code: string, ...args: string[]): string {
  return execFileSync(PYTHON, ['-c', code, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

export function runScript(script: string, ...args: string[]): void {
  execFileSync(PYTHON, [script, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
}

/** openpyxl opens the bytes; returns the sheet names it sees. */
export function openpyxlSheets(bytes: Uint8Array): string[] {
  const dir = tmp();
  const f = join(dir, 'x.xlsx');
  writeFileSync(f, bytes);
  const out = python('import sys,openpyxl,json; wb=openpyxl.load_workbook(sys.argv[1]); print(json.dumps(wb.sheetnames))', f);
  return JSON.parse(out) as string[];
}

/** LibreOffice converts the bytes to .xlsx again; returns the converted bytes. */
export function sofficeRoundTrip(bytes: Uint8Array): Uint8Array {
  const dir = tmp();
  const f = join(dir, 'in.xlsx');
  writeFileSync(f, bytes);
  const outDir = join(dir, 'out');
  execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', outDir, f], { stdio: 'ignore', timeout: 120000 });
  return new Uint8Array(readFileSync(join(outDir, 'in.xlsx')));
}
