/**
 * The intranet build (`npm run build:intranet`): the pages load office.js from the add-in's
 * own server (copied from @microsoft/office-js) and their CSP allows scripts from their own
 * origin only. The rewrite is checked on the real page sources; the full build is too slow
 * for the unit suite.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require(path.join(root, 'webpack.config.js')) as {
  localOfficeHtml: (html: string) => string;
  OFFICE_CDN: string;
  OFFICE_LOCAL: string;
};
const page = (p: string) => readFileSync(path.join(root, p), 'utf8');

describe('intranet build', () => {
  test('the task pane loads office.js from its own server and its CSP names no other origin', () => {
    const before = page('src/taskpane/taskpane.html');
    expect(before).toContain(config.OFFICE_CDN);
    const after = config.localOfficeHtml(before);
    expect(after).not.toContain('appsforoffice.microsoft.com');
    expect(after).toContain(`<script id="office-js" src="${config.OFFICE_LOCAL}" async></script>`);
    const csp = /Content-Security-Policy"\s+content="([^"]+)"/.exec(after)?.[1] ?? '';
    expect(csp).toContain("script-src 'self';");
    expect(csp).not.toMatch(/https?:/);
    // the early script still comes first
    expect(after.indexOf('boot-check.js')).toBeLessThan(after.indexOf(config.OFFICE_LOCAL));
  });

  test('the ribbon\'s function file too', () => {
    const after = config.localOfficeHtml(page('src/commands/commands.html'));
    expect(after).not.toContain('appsforoffice.microsoft.com');
    expect(after).toContain(`src="${config.OFFICE_LOCAL}"`);
  });

  test('the package it copies from is installed and holds office.js and the Excel host scripts', () => {
    const dist = path.join(root, 'node_modules/@microsoft/office-js/dist');
    expect(existsSync(path.join(dist, 'office.js'))).toBe(true);
    expect(existsSync(path.join(dist, 'excel-win32-16.01.js'))).toBe(true);
    expect(existsSync(path.join(dist, 'excel-web-16.00.js'))).toBe(true);
  });
});
