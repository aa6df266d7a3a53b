/**
 * How the pane starts (src/taskpane/boot.ts): whether the page was opened by Office, how long
 * it waits for office.js (a second in a plain browser, longer inside Office), the late switch
 * when office.js turns up after the pane has started in file mode, and the pane's language.
 * The clock is jest's fake one: the tests say what has happened by a given moment of it,
 * never how long anything took.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import {
  NO_OFFICE,
  OFFICE_WAIT_MS,
  localeChoice,
  officeWaitMs,
  openedByOffice,
  paneLocale,
  waitForOffice,
  type BootWindow,
  type OfficeState,
} from '../../src/taskpane/boot';

const HOST_INFO = '_host_Info=Excel$Win32$16.01$zh-CN$$$$0';

/** The #office-js script element: an event target the test fires load / error on. */
class FakeScript {
  private readonly listeners = new Map<string, Array<() => void>>();
  addEventListener(type: string, f: () => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), f]);
  }
  removeEventListener(): void {}
  dispatchEvent(): boolean {
    return true;
  }
  fire(type: 'load' | 'error'): void {
    for (const f of this.listeners.get(type) ?? []) f();
  }
}

/** A memory Storage, or one that throws on every use (as in some webviews and sandboxed frames). */
function memoryStorage(items: Record<string, string> = {}, throws = false): Storage {
  const data = new Map(Object.entries(items));
  const guard = () => {
    if (throws) throw new Error('SecurityError: storage is disabled');
  };
  return {
    get length() {
      guard();
      return data.size;
    },
    clear: () => (guard(), data.clear()),
    getItem: (k: string) => (guard(), data.get(k) ?? null),
    key: (i: number) => (guard(), [...data.keys()][i] ?? null),
    removeItem: (k: string) => void (guard(), data.delete(k)),
    setItem: (k: string, v: string) => void (guard(), data.set(k, v)),
  };
}

interface FakeWin extends BootWindow {
  Office?: { onReady(): Promise<{ host: unknown }>; context?: { displayLanguage?: string } };
  __braBootCheck?: { office?: { failed: boolean } };
  script: FakeScript;
}

function fakeWindow(extra: Partial<BootWindow> & Pick<FakeWin, '__braBootCheck'> = {}): FakeWin {
  const script = new FakeScript();
  return {
    location: { search: '' },
    name: '',
    document: { getElementById: (id: string) => (id === 'office-js' ? (script as unknown as EventTarget) : null) },
    setTimeout: (f, ms) => setTimeout(f, ms) as unknown as number,
    clearTimeout: (id) => clearTimeout(id),
    setInterval: (f, ms) => setInterval(f, ms) as unknown as number,
    clearInterval: (id) => clearInterval(id),
    script,
    ...extra,
  };
}

/** office.js arriving: the global it defines, then its script's load event. */
function officeArrives(win: FakeWin, host: string | null, displayLanguage = 'zh-CN'): void {
  win.Office = { onReady: () => Promise.resolve({ host }), context: { displayLanguage } };
  win.script.fire('load');
}

/** The promise's outcome so far (after the microtasks the fake clock has let run). */
function track<T>(p: Promise<T>): { value?: T; done: boolean } {
  const seen: { value?: T; done: boolean } = { done: false };
  void p.then((v) => {
    seen.value = v;
    seen.done = true;
  });
  return seen;
}

const EXCEL_ZH: OfficeState = { host: 'Excel', displayLanguage: 'zh-CN' };

describe('openedByOffice: the signs office.js itself reads', () => {
  test('a plain browser: none of them', () => {
    // Chromium's own window.external has search-provider methods only
    const external = { AddSearchProvider: () => undefined, IsSearchProviderInstalled: () => 0 };
    expect(openedByOffice(fakeWindow({ external, sessionStorage: memoryStorage() }))).toBe(false);
    expect(officeWaitMs(fakeWindow())).toBe(OFFICE_WAIT_MS.browser);
  });

  test.each([
    ['the _host_Info parameter Office adds to the address', { location: { search: `?${HOST_INFO}` } }],
    ['…after other parameters, in any case', { location: { search: `?et=&_HOST_INFO=Excel$Mac$16.01$en-US` } }],
    ['host information in window.name', { name: JSON.stringify({ hostInfo: 'Excel|Web|16.00', xdmInfo: 'x' }) }],
    ['what office.js stored in this tab on an earlier load', { sessionStorage: memoryStorage({ hostInfoValue: 'Excel$Win32$16.01$zh-CN' }) }],
    ['an old desktop host (window.external.GetContext)', { external: { GetContext: () => ({}) } }],
    ['a WebView2 control', { chrome: { webview: {} } }],
  ] as Array<[string, Partial<BootWindow>]>)('%s', (_what, extra) => {
    expect(openedByOffice(fakeWindow(extra))).toBe(true);
    expect(officeWaitMs(fakeWindow(extra))).toBe(OFFICE_WAIT_MS.office);
  });

  test('a storage that throws is no sign, and no failure', () => {
    expect(openedByOffice(fakeWindow({ sessionStorage: memoryStorage({ hostInfoValue: 'Excel' }, true) }))).toBe(false);
  });

  test('a plain browser waits at most a second; Office longer', () => {
    expect(OFFICE_WAIT_MS.browser).toBeLessThanOrEqual(1000);
    expect(OFFICE_WAIT_MS.office).toBeGreaterThan(OFFICE_WAIT_MS.browser);
  });
});

describe('waitForOffice', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  test('office.js hangs in a plain browser: nothing until the second is up, then file mode', async () => {
    const win = fakeWindow();
    const onLate = jest.fn();
    const result = track(waitForOffice(win, officeWaitMs(win), onLate));
    await jest.advanceTimersByTimeAsync(OFFICE_WAIT_MS.browser - 1);
    expect(result.done).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    expect(result).toEqual({ done: true, value: NO_OFFICE });
    expect(onLate).not.toHaveBeenCalled();
  });

  test('office.js arriving within the wait decides: Excel, and no late call', async () => {
    const win = fakeWindow();
    const onLate = jest.fn();
    const result = track(waitForOffice(win, officeWaitMs(win), onLate));
    await jest.advanceTimersByTimeAsync(400);
    officeArrives(win, 'Excel', 'en-US');
    await jest.advanceTimersByTimeAsync(0);
    expect(result).toEqual({ done: true, value: { host: 'Excel', displayLanguage: 'en-US' } });
    await jest.advanceTimersByTimeAsync(10 * OFFICE_WAIT_MS.office);
    expect(onLate).not.toHaveBeenCalled();
  });

  test('office.js after the wait: file mode first, then the late call with Excel', async () => {
    const win = fakeWindow();
    const onLate = jest.fn();
    const result = track(waitForOffice(win, officeWaitMs(win), onLate));
    await jest.advanceTimersByTimeAsync(OFFICE_WAIT_MS.browser);
    expect(result.value).toEqual(NO_OFFICE);
    expect(onLate).not.toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(2000);
    officeArrives(win, 'Excel');
    await jest.advanceTimersByTimeAsync(0);
    expect(onLate).toHaveBeenCalledTimes(1);
    expect(onLate).toHaveBeenCalledWith(EXCEL_ZH);
  });

  test('a late Office is also found by polling (no load event seen)', async () => {
    const win = fakeWindow();
    const onLate = jest.fn();
    void waitForOffice(win, OFFICE_WAIT_MS.browser, onLate);
    await jest.advanceTimersByTimeAsync(OFFICE_WAIT_MS.browser + 500);
    win.Office = { onReady: () => Promise.resolve({ host: 'Excel' }), context: { displayLanguage: 'zh-CN' } };
    await jest.advanceTimersByTimeAsync(100);
    expect(onLate).toHaveBeenCalledWith(EXCEL_ZH);
  });

  test('a late office.js outside Office (host null) changes nothing', async () => {
    const win = fakeWindow();
    const onLate = jest.fn();
    const result = track(waitForOffice(win, OFFICE_WAIT_MS.browser, onLate));
    await jest.advanceTimersByTimeAsync(OFFICE_WAIT_MS.browser + 3000);
    officeArrives(win, null);
    await jest.advanceTimersByTimeAsync(0);
    expect(result.value).toEqual(NO_OFFICE);
    expect(onLate).not.toHaveBeenCalled();
  });

  test('inside Office, a slow CDN is waited for: Excel, never file mode on the way', async () => {
    const win = fakeWindow({ location: { search: `?${HOST_INFO}` } });
    const onLate = jest.fn();
    const result = track(waitForOffice(win, officeWaitMs(win), onLate));
    await jest.advanceTimersByTimeAsync(5000);
    expect(result.done).toBe(false);
    officeArrives(win, 'Excel');
    await jest.advanceTimersByTimeAsync(0);
    expect(result.value).toEqual(EXCEL_ZH);
    expect(onLate).not.toHaveBeenCalled();
  });

  test('inside Office with office.js hanging: file mode when the longer wait is up', async () => {
    const win = fakeWindow({ location: { search: `?${HOST_INFO}` } });
    const result = track(waitForOffice(win, officeWaitMs(win)));
    await jest.advanceTimersByTimeAsync(OFFICE_WAIT_MS.office - 1);
    expect(result.done).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    expect(result.value).toEqual(NO_OFFICE);
  });

  test('office.js failing (its error event) means file mode at once', async () => {
    const win = fakeWindow({ location: { search: `?${HOST_INFO}` } });
    const result = track(waitForOffice(win, officeWaitMs(win)));
    await jest.advanceTimersByTimeAsync(0);
    expect(result.done).toBe(false);
    win.script.fire('error');
    await jest.advanceTimersByTimeAsync(0);
    expect(result.value).toEqual(NO_OFFICE);
  });

  test('a failure boot-check.js saw before the pane listened means file mode at once', async () => {
    const win = fakeWindow({ location: { search: `?${HOST_INFO}` }, __braBootCheck: { office: { failed: true } } });
    const result = track(waitForOffice(win, officeWaitMs(win)));
    await jest.advanceTimersByTimeAsync(0);
    expect(result.value).toEqual(NO_OFFICE);
  });

  test('an Office already there (office.js ran first) answers at once', async () => {
    const win = fakeWindow();
    win.Office = { onReady: () => Promise.resolve({ host: 'Excel' }), context: { displayLanguage: 'zh-CN' } };
    const result = track(waitForOffice(win, OFFICE_WAIT_MS.browser));
    await jest.advanceTimersByTimeAsync(0);
    expect(result.value).toEqual(EXCEL_ZH);
  });

  test('Office.onReady failing means file mode', async () => {
    const win = fakeWindow();
    win.Office = { onReady: () => Promise.reject(new Error('no host')) };
    const result = track(waitForOffice(win, OFFICE_WAIT_MS.browser));
    await jest.advanceTimersByTimeAsync(0);
    expect(result.value).toEqual(NO_OFFICE);
  });
});

describe('boot-check.js records an office.js failure before the pane listens', () => {
  const source = readFileSync(path.resolve(__dirname, '../../src/taskpane/early/boot-check.js'), 'utf8');

  function run(): { fire: (target: { id: string }) => void; sandbox: Record<string, unknown> } {
    const captured: Array<(e: { target: { id: string } }) => void> = [];
    const sandbox: Record<string, unknown> = {
      document: {
        readyState: 'loading',
        getElementById: () => null,
        addEventListener: (type: string, f: (e: { target: { id: string } }) => void, capture?: boolean) => {
          if (type === 'error' && capture === true) captured.push(f);
        },
      },
      location: { href: 'https://reports.example.gov.cn/addin/taskpane.html' },
      setTimeout: () => 0,
    };
    sandbox['window'] = sandbox;
    vm.createContext(sandbox);
    vm.runInContext(source, sandbox);
    return { fire: (target) => captured.forEach((f) => f({ target })), sandbox };
  }

  const failed = (sandbox: Record<string, unknown>) => (sandbox['__braBootCheck'] as { office: { failed: boolean } }).office.failed;

  test('the error of #office-js, caught in the capture phase', () => {
    const page = run();
    expect(failed(page.sandbox)).toBe(false);
    page.fire({ id: 'some-image' });
    expect(failed(page.sandbox)).toBe(false);
    page.fire({ id: 'office-js' });
    expect(failed(page.sandbox)).toBe(true);
  });
});

describe('the pane’s language', () => {
  test('the person’s choice wins; else Office’s display language; else the browser’s', () => {
    expect(paneLocale('en-US', 'zh-CN', 'zh-CN')).toBe('en-US');
    expect(paneLocale('zh-CN', 'en-US', 'en-GB')).toBe('zh-CN');
    expect(paneLocale(null, 'en-US', 'zh-CN')).toBe('en-US');
    expect(paneLocale(null, null, 'en-GB')).toBe('en-US');
    expect(paneLocale(null, null, 'zh-TW')).toBe('zh-CN');
    expect(paneLocale(null, null, undefined)).toBe('zh-CN');
  });

  test('a choice is remembered in localStorage and read back by the next page', () => {
    const localStorage = memoryStorage();
    const first = localeChoice({ localStorage });
    expect(first.get()).toBeNull();
    first.set('en-US');
    expect(first.get()).toBe('en-US');
    expect(localeChoice({ localStorage }).get()).toBe('en-US');
  });

  test('a stored value that is not a pane language is no choice', () => {
    expect(localeChoice({ localStorage: memoryStorage({ 'bra.locale': 'fr-FR' }) }).get()).toBeNull();
  });

  test('a webview whose localStorage throws: the choice lasts as long as the page, and nothing fails', () => {
    const choice = localeChoice({ localStorage: memoryStorage({}, true) });
    expect(choice.get()).toBeNull();
    expect(() => choice.set('en-US')).not.toThrow();
    expect(choice.get()).toBe('en-US');
    const absent = localeChoice({});
    absent.set('zh-CN');
    expect(absent.get()).toBe('zh-CN');
  });

  test('a localStorage getter that throws (a sandboxed frame)', () => {
    const win = {} as { localStorage?: Storage };
    Object.defineProperty(win, 'localStorage', {
      get() {
        throw new Error('SecurityError');
      },
    });
    const choice = localeChoice(win);
    expect(choice.get()).toBeNull();
    choice.set('en-US');
    expect(choice.get()).toBe('en-US');
  });
});
