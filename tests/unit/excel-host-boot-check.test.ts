/**
 * The early script of taskpane.html: ES5 that an IE11 / EdgeHTML webview can parse, which
 * tells such a webview's user what to do instead of leaving 正在加载… on screen.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import vm from 'node:vm';

const root = path.resolve(__dirname, '../..');
const file = path.join(root, 'src/taskpane/early/boot-check.js');
const source = readFileSync(file, 'utf8');

/** Just enough DOM for the script: elements with children, text, class names. */
class FakeNode {
  children: FakeNode[] = [];
  attrs: Record<string, string> = {};
  className = '';
  constructor(readonly tag: string, readonly text = '') {}
  get firstChild(): FakeNode | null {
    return this.children[0] ?? null;
  }
  appendChild(n: FakeNode): FakeNode {
    this.children.push(n);
    return n;
  }
  removeChild(n: FakeNode): FakeNode {
    this.children.splice(this.children.indexOf(n), 1);
    return n;
  }
  setAttribute(k: string, v: string): void {
    this.attrs[k] = v;
  }
  querySelector(sel: string): FakeNode | null {
    const cls = sel.replace(/^\./, '');
    for (const c of this.children) {
      if (c.className === cls) return c;
      const deep = c.querySelector(sel);
      if (deep) return deep;
    }
    return null;
  }
  get textContent(): string {
    return this.text + this.children.map((c) => c.textContent).join('');
  }
}

function page(globals: Record<string, unknown>) {
  const app = new FakeNode('div');
  const boot = app.appendChild(new FakeNode('p'));
  boot.className = 'boot';
  boot.appendChild(new FakeNode('#text', '正在加载… Loading…'));
  const timers: Array<() => void> = [];
  const listeners: Array<() => void> = [];
  const document = {
    readyState: 'loading',
    getElementById: (id: string) => (id === 'app' ? app : null),
    createElement: (tag: string) => new FakeNode(tag),
    createTextNode: (text: string) => new FakeNode('#text', text),
    addEventListener: (_type: string, f: () => void) => void listeners.push(f),
  };
  const sandbox: Record<string, unknown> = {
    document,
    location: { href: 'https://reports.example.gov.cn/addin/taskpane.html?_host_Info=Excel$Win32$16.01$zh-CN' },
    setTimeout: (f: () => void) => void timers.push(f),
    ...globals,
  };
  sandbox.window = sandbox;
  vm.createContext(sandbox);
  // As a classic script: `this` at the top is the global object.
  vm.runInContext(source, sandbox);
  const ready = () => {
    document.readyState = 'interactive';
    listeners.forEach((f) => f());
  };
  return { app, boot, timers, ready, sandbox };
}

/** What IE11 has of the features the script looks at. */
const ie11 = { Object, Array, String, Symbol: undefined, Promise: undefined, fetch: undefined };
/** A current webview. */
const modern = { Object, Array, String, Symbol, Promise, fetch: () => undefined, globalThis: {}, TextEncoder };

describe('boot-check.js (the ES5 early script)', () => {
  test('es-check es5 accepts it (no let/const, arrows, classes, modules)', () => {
    const bin = path.join(root, 'node_modules/es-check/lib/cli/index.js');
    const out = execFileSync(process.execPath, [bin, 'es5', file], { encoding: 'utf8', stdio: 'pipe' });
    expect(out + '').not.toMatch(/error/i);
  });

  test('es-check rejects an ES2015 line, so the check above can fail', () => {
    const bin = path.join(root, 'node_modules/es-check/lib/cli/index.js');
    const bad = path.join(tmpdir(), `boot-check-bad-${process.pid}.js`);
    writeFileSync(bad, source.replace("'use strict';", "'use strict';\n  const late = () => 1;"));
    expect(() => execFileSync(process.execPath, [bin, 'es5', bad], { stdio: 'pipe' })).toThrow();
  });

  test('an IE11-like webview gets the advice in zh-CN and en-US, with the page address and the command line', () => {
    const { app, ready, sandbox } = page(ie11);
    expect((sandbox.__braBootCheck as { supported: boolean }).supported).toBe(false);
    ready();
    const text = app.textContent;
    expect(app.querySelector('.boot')).toBeNull();
    expect(app.children.map((c) => c.attrs.lang)).toEqual(['zh-CN', 'en-US']);
    expect(text).toContain('此 Excel 无法运行报表助手的任务窗格');
    expect(text).toContain('This Excel cannot run the Report Assistant pane');
    expect(text).toContain('https://reports.example.gov.cn/addin/taskpane.html');
    expect(text).not.toContain('_host_Info');
    expect(text).toContain('npm run --silent cli -- check');
    expect(text).toContain('WebView2');
  });

  test.each([
    ['no Object.fromEntries (EdgeHTML 18)', { ...modern, Object: { ...Object, fromEntries: undefined } }],
    ['no Promise.allSettled', { ...modern, Promise: Object.assign(function P() {}, { allSettled: undefined }) }],
    ['no globalThis', { ...modern, globalThis: undefined }],
  ])('%s counts as too old', (_label, globals) => {
    const { sandbox } = page(globals as Record<string, unknown>);
    expect((sandbox.__braBootCheck as { supported: boolean }).supported).toBe(false);
  });

  test('a current webview is left alone; only a pane that never started gets the cautious advice', () => {
    const started = page(modern);
    started.ready();
    expect((started.sandbox.__braBootCheck as { supported: boolean }).supported).toBe(true);
    expect(started.app.querySelector('.boot')).not.toBeNull();
    // the bundle rendered the pane: the timer finds no loading line and does nothing
    started.app.removeChild(started.boot);
    started.app.appendChild(new FakeNode('main', '校验'));
    started.timers.forEach((f) => f());
    expect(started.app.textContent).toBe('校验');

    const stuck = page(modern);
    stuck.ready();
    stuck.timers.forEach((f) => f());
    expect(stuck.app.textContent).toContain('报表助手长时间未能启动');
    expect(stuck.app.textContent).toContain('has not started');
  });

  test('taskpane.html loads it first, not deferred, and webpack copies it to dist/', () => {
    const html = readFileSync(path.join(root, 'src/taskpane/taskpane.html'), 'utf8');
    const at = html.indexOf('<script src="boot-check.js"></script>');
    expect(at).toBeGreaterThan(0);
    expect(at).toBeLessThan(html.indexOf('id="office-js"'));
    const config = readFileSync(path.join(root, 'webpack.config.js'), 'utf8');
    expect(config).toContain("{ from: 'src/taskpane/early/boot-check.js', to: 'boot-check.js' }");
  });
});
