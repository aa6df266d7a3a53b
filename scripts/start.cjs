#!/usr/bin/env node
/**
 * `npm start`: sideload the add-in into Excel desktop with office-addin-debugging, with the
 * Office CLI tools' usage data turned off first. Where that cannot work (Linux has no Excel
 * desktop; office-addin-debugging is an optional dependency that may not be installed) it says
 * what to do instead and exits 0, because that is not a failure of the project.
 *
 * Also exports the helpers stop.cjs and webpack.config.js share.
 */
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const ROOT = path.join(__dirname, '..');
const MANIFEST = 'manifest.xml';

/**
 * Turns the Office add-in CLI tools' usage data off, the way `npx office-addin-usage-data off`
 * does in the versions that still report: the tools read the level from
 * ~/office-addin-usage-data.json, group "office-addin-usage-data". (office-addin-usage-data 3.x,
 * which this project installs, sends nothing and its `off` command no longer writes the file,
 * but older copies pulled in under office-addin-debugging still read it.) There is no
 * environment variable for it. Never throws; an unreadable file is left alone.
 */
function usageDataOff() {
  const file = path.join(os.homedir(), 'office-addin-usage-data.json');
  const group = 'office-addin-usage-data';
  try {
    let data = {};
    if (fs.existsSync(file)) {
      const text = fs.readFileSync(file, 'utf8').trim();
      if (text !== '' && text !== 'undefined') data = JSON.parse(text);
    }
    if (typeof data !== 'object' || data === null || Array.isArray(data)) return false;
    const instances = (data.usageDataInstances ??= {});
    const settings = (instances[group] ??= {});
    if (settings.usageDataLevel === 'off') return true;
    settings.usageDataLevel = 'off';
    fs.writeFileSync(file, JSON.stringify(data, null, 2));
    return true;
  } catch (err) {
    console.warn(`usage data: could not update ${file}: ${err instanceof Error ? err.message : String(err)}`);
    return false;
  }
}

/** The office-addin-debugging CLI script, or null when the optional dependency is missing. */
function debuggingCli() {
  try {
    const pkgPath = require.resolve('office-addin-debugging/package.json', { paths: [ROOT] });
    const pkg = JSON.parse(fs.readFileSync(pkgPath, 'utf8'));
    const bin = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin && pkg.bin['office-addin-debugging'];
    return bin ? path.join(path.dirname(pkgPath), bin) : null;
  } catch {
    return null;
  }
}

/** Why sideloading cannot work here, or null when it can. */
function cannotSideload(platform = process.platform, cli = debuggingCli()) {
  if (platform === 'linux') {
    return { zh: 'Linux 上没有 Excel 桌面版，无法旁加载（sideload）', en: 'there is no Excel desktop on Linux to sideload into' };
  }
  if (!cli) {
    return {
      zh: '未安装可选依赖 office-addin-debugging',
      en: 'the optional dependency office-addin-debugging is not installed',
    };
  }
  return null;
}

function explain(reason, command) {
  const zh = [
    `${command}：${reason.zh}。`,
    '可以这样使用：',
    '  • 网页（文件模式）：npm run dev-server，然后在浏览器打开 https://localhost:3000/taskpane.html；',
    '    或 npm run build，再用任意静态网站服务器发布 dist/ 目录（放进 Excel 需要 HTTPS）。',
    '  • Excel 网页版：运行 npm run dev-server，在“插入 > 加载项 > 上传我的加载项”中选择 manifest.xml。',
    '  • 命令行：npm run cli -- check 报表.xlsx',
  ];
  const en = [
    `${command}: ${reason.en}.`,
    'Instead:',
    '  • Web page (file mode): npm run dev-server, then open https://localhost:3000/taskpane.html;',
    '    or npm run build and serve the dist/ folder with any static web server (HTTPS for Excel).',
    '  • Excel on the web: run npm run dev-server, then Insert > Add-ins > Upload My Add-in > manifest.xml.',
    '  • Command line: npm run cli -- check FILE.xlsx',
  ];
  console.log([...zh, '', ...en].join('\n'));
}

/** Runs `office-addin-debugging <verb> manifest.xml ...args`, or explains why not. Returns the exit code. */
function runDebugging(verb, args) {
  const cli = debuggingCli();
  const reason = cannotSideload(process.platform, cli);
  if (reason || !cli) {
    explain(reason, verb === 'start' ? 'npm start' : `npm run ${verb}`);
    return 0;
  }
  usageDataOff();
  const result = spawnSync(process.execPath, [cli, verb, MANIFEST, ...args], { cwd: ROOT, stdio: 'inherit' });
  if (result.error) {
    console.error(`office-addin-debugging ${verb}: ${result.error.message}`);
    return 1;
  }
  return result.status ?? 1;
}

if (require.main === module) process.exit(runDebugging('start', process.argv.slice(2)));

module.exports = { usageDataOff, debuggingCli, cannotSideload, runDebugging };
