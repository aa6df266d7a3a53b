/** A deployment manifest: the build writes the server's address; a manifest left on localhost is refused. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { deploymentManifest, localUrls, addressProblem } = require('../../scripts/manifest-address.cjs') as {
  deploymentManifest(xml: string, address: string): string;
  localUrls(xml: string): string[];
  addressProblem(address: string): string | null;
};

const ROOT = join(__dirname, '..', '..');
const XML = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');

describe('the deployment manifest', () => {
  test('the repository manifest is the development one (every URL on the dev server), with a SupportUrl', () => {
    expect(localUrls(XML).length).toBeGreaterThan(5);
    expect(XML).toMatch(/<SupportUrl DefaultValue="https:\/\/localhost:3000\/support\.html"\/>/);
  });

  test('the address replaces every development URL, and the result still validates offline', () => {
    const out = deploymentManifest(XML, 'https://reports.sfj.example.gov.cn/bra/');
    expect(localUrls(out)).toEqual([]);
    expect(out).toContain('<SourceLocation DefaultValue="https://reports.sfj.example.gov.cn/bra/taskpane.html"/>');
    expect(out).toContain('<SupportUrl DefaultValue="https://reports.sfj.example.gov.cn/bra/support.html"/>');
    const dir = mkdtempSync(join(tmpdir(), 'bra-manifest-'));
    writeFileSync(join(dir, 'manifest.xml'), out);
    if (spawnSync('xmllint', ['--version']).status === 0) execFileSync('bash', [join(ROOT, 'scripts/validate-manifest.sh'), join(dir, 'manifest.xml')], { stdio: 'ignore' });
  });

  test('an address Office cannot load from, or this machine, is refused', () => {
    expect(addressProblem('http://reports.example/bra')).toMatch(/HTTPS/);
    expect(addressProblem('https://localhost:8443/')).toMatch(/this machine/);
    expect(addressProblem('https://127.0.0.1/')).toMatch(/this machine/);
    expect(addressProblem('not a url')).toMatch(/not a URL/);
    expect(addressProblem('https://reports.example/bra')).toBeNull();
    expect(() => deploymentManifest(XML, 'https://localhost:8443')).toThrow(/this machine/);
  });

  test('check:manifest refuses a manifest that still points at localhost, accepts a deployed one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bra-manifest-'));
    writeFileSync(join(dir, 'dev.xml'), XML);
    writeFileSync(join(dir, 'prod.xml'), deploymentManifest(XML, 'https://reports.example/bra'));
    const script = join(ROOT, 'scripts/manifest-address.cjs');
    const dev = spawnSync(process.execPath, [script, '--check', join(dir, 'dev.xml')], { encoding: 'utf8' });
    expect(dev.status).toBe(1);
    expect(dev.stderr).toMatch(/development manifest/);
    expect(spawnSync(process.execPath, [script, '--check', join(dir, 'prod.xml')]).status).toBe(0);
  });
});
