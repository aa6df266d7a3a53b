/**
 * manifest.xml: the things the offline schema check (npm run validate) does not see — every
 * resource the ribbon uses exists and has an en-US Override, the icons it names exist in assets/
 * with the pixel size the manifest promises, and the URLs match what webpack builds.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
const xml = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8').replace(/<!--[\s\S]*?-->/g, '');
const DEV_ORIGIN = 'https://localhost:3000/';

function attrs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of text.matchAll(/([\w:]+)="([^"]*)"/g)) out[m[1] ?? ''] = m[2] ?? '';
  return out;
}

/** The text between <tag ...> and </tag> (first occurrence). */
function section(source: string, tag: string): string {
  const m = new RegExp(`<${tag}\\b[^>]*>([\\s\\S]*?)</${tag}>`).exec(source);
  if (!m) throw new Error(`<${tag}> not found`);
  return m[1] ?? '';
}

interface Resource {
  kind: 'Image' | 'Url' | 'String';
  id: string;
  defaultValue: string;
  overrides: Record<string, string>;
}

function resources(): Map<string, Resource> {
  const out = new Map<string, Resource>();
  const res = section(xml, 'Resources');
  for (const m of res.matchAll(/<bt:(Image|Url|String)\b([^>]*?)(?:\/>|>([\s\S]*?)<\/bt:\1>)/g)) {
    const a = attrs(m[2] ?? '');
    const overrides: Record<string, string> = {};
    for (const o of (m[3] ?? '').matchAll(/<bt:Override\b([^>]*)\/>/g)) {
      const oa = attrs(o[1] ?? '');
      if (oa['Locale']) overrides[oa['Locale']] = oa['Value'] ?? '';
    }
    const id = a['id'] ?? '';
    expect(out.has(id)).toBe(false); // ids are unique
    out.set(id, { kind: m[1] as Resource['kind'], id, defaultValue: a['DefaultValue'] ?? '', overrides });
  }
  return out;
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const buf = fs.readFileSync(file);
  expect(buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
  expect(buf.toString('ascii', 12, 16)).toBe('IHDR');
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

function assetFile(url: string): string {
  expect(url.startsWith(`${DEV_ORIGIN}assets/`)).toBe(true);
  return path.join(ROOT, url.slice(DEV_ORIGIN.length));
}

const CJK = /[\u3400-\u9fff\uff00-\uffef]/;

describe('manifest.xml', () => {
  test('is a task-pane add-in for Excel with a stable GUID, zh-CN by default', () => {
    expect(xml).toMatch(/<OfficeApp\b[^>]*xsi:type="TaskPaneApp"/);
    expect(section(xml, 'Id')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(section(xml, 'DefaultLocale')).toBe('zh-CN');
    expect(xml).toMatch(/<Hosts>\s*<Host Name="Workbook"\s*\/>\s*<\/Hosts>/);
    expect(section(xml, 'Permissions')).toBe('ReadWriteDocument');
  });

  test('asks only for ExcelApi 1.1 to start', () => {
    const sets = [...section(xml, 'Requirements').matchAll(/<Set\b([^>]*)\/>/g)].map((m) => attrs(m[1] ?? ''));
    expect(sets).toEqual([{ Name: 'ExcelApi', MinVersion: '1.1' }]);
  });

  test('DisplayName and Description have en-US overrides', () => {
    for (const tag of ['DisplayName', 'Description']) {
      const m = new RegExp(`<${tag} DefaultValue="([^"]+)">\\s*<Override Locale="en-US" Value="([^"]+)"\\s*/>`).exec(xml);
      expect(m).not.toBeNull();
      expect(m?.[1]).toMatch(CJK);
      expect(m?.[2]).not.toMatch(CJK);
    }
  });

  test('every resid in VersionOverrides resolves to a resource with an en-US Override', () => {
    const res = resources();
    const used = new Set([...section(xml, 'VersionOverrides').matchAll(/resid="([^"]+)"/g)].map((m) => m[1] ?? ''));
    expect(used.size).toBeGreaterThan(0);
    for (const id of used) {
      const r = res.get(id);
      expect({ id, found: r !== undefined }).toEqual({ id, found: true });
      const en = r?.overrides['en-US'];
      expect({ id, en: typeof en === 'string' && en.length > 0 }).toEqual({ id, en: true });
      if (r?.kind === 'String') {
        expect(r.defaultValue).toMatch(CJK); // zh-CN default
        expect(en).not.toMatch(CJK); // really translated
      }
    }
    // and nothing is defined that nobody uses
    expect([...res.keys()].filter((id) => !used.has(id))).toEqual([]);
  });

  test('the ribbon button sits on the Home tab and opens the task pane', () => {
    const res = resources();
    const ext = section(xml, 'DesktopFormFactor');
    expect(ext).toMatch(/<OfficeTab id="TabHome">/);
    expect(ext).toMatch(/<Action xsi:type="ShowTaskpane">[\s\S]*<TaskpaneId>[^<]+<\/TaskpaneId>/);
    const label = (resid: string | undefined) => res.get(resid ?? '')?.defaultValue;
    expect(label(/<Group\b[^>]*>\s*<Label resid="([^"]+)"/.exec(ext)?.[1])).toBe('司法报表');
    expect(label(/<Control\b[^>]*>\s*<Label resid="([^"]+)"/.exec(ext)?.[1])).toBe('报表助手');
    expect(res.get('Group.Label')?.overrides['en-US']).toBe('Bureau reports');
    expect(res.get('Button.Label')?.overrides['en-US']).toBe('Report assistant');
  });

  test('URLs point at the pages webpack builds', () => {
    const res = resources();
    expect(xml).toMatch(/<SourceLocation DefaultValue="https:\/\/localhost:3000\/taskpane.html"\s*\/>/);
    const taskpane = /<SourceLocation resid="([^"]+)"/.exec(section(xml, 'VersionOverrides'))?.[1];
    expect(res.get(taskpane ?? '')?.defaultValue).toBe(`${DEV_ORIGIN}taskpane.html`);
    const functionFile = /<FunctionFile resid="([^"]+)"/.exec(xml)?.[1];
    expect(res.get(functionFile ?? '')?.defaultValue).toBe(`${DEV_ORIGIN}commands.html`);
    expect(fs.existsSync(path.join(ROOT, 'src/taskpane/taskpane.html'))).toBe(true);
    expect(fs.existsSync(path.join(ROOT, 'src/commands/commands.html'))).toBe(true);
  });

  test('icons exist in assets/ with the pixel size the manifest names', () => {
    const res = resources();
    const expected: Array<{ url: string; size: number }> = [
      { url: /<IconUrl DefaultValue="([^"]+)"/.exec(xml)?.[1] ?? '', size: 32 },
      { url: /<HighResolutionIconUrl DefaultValue="([^"]+)"/.exec(xml)?.[1] ?? '', size: 64 },
    ];
    for (const m of section(xml, 'DesktopFormFactor').matchAll(/<bt:Image size="(\d+)" resid="([^"]+)"/g)) {
      const r = res.get(m[2] ?? '');
      expect(r?.kind).toBe('Image');
      for (const url of [r?.defaultValue ?? '', ...Object.values(r?.overrides ?? {})]) {
        expected.push({ url, size: Number(m[1]) });
      }
    }
    expect(new Set(expected.map((e) => e.size))).toEqual(new Set([16, 32, 64, 80]));
    for (const { url, size } of expected) {
      const file = assetFile(url);
      expect({ url, exists: fs.existsSync(file) }).toEqual({ url, exists: true });
      expect({ url, ...pngSize(file) }).toEqual({ url, width: size, height: size });
    }
  });
});
