/*
 * 报表助手 · early check. Loaded first by taskpane.html, before office.js and the pane's
 * bundle, and copied as is to dist/ (no build step): ES5 only, no modules, no arrow
 * functions (the tests run `es-check es5` on this file).
 *
 * Office 2016/2019 (volume licensed) and retail Office without WebView2 run add-ins in
 * Internet Explorer 11 or EdgeHTML, which cannot parse the pane's ES2020 bundle: the pane
 * would say 正在加载… forever. This script notices such a webview (a feature check; no
 * eval, which the page's CSP forbids anyway) and says, in Chinese and English, what to do
 * instead. If the pane still has not started after a while (a webview that passes the
 * check but cannot run the bundle), it says the same, more cautiously.
 */
(function (root) {
  'use strict';

  var START_TIMEOUT_MS = 30000;

  /** Features of the same vintage as the syntax the bundle uses (ES2020). */
  function supported(g) {
    try {
      return (
        typeof g.Promise === 'function' &&
        typeof g.Promise.allSettled === 'function' &&
        typeof g.fetch === 'function' &&
        typeof g.Symbol === 'function' &&
        typeof g.Object.fromEntries === 'function' &&
        typeof g.Array.prototype.flat === 'function' &&
        typeof g.String.prototype.matchAll === 'function' &&
        typeof g.globalThis === 'object' &&
        typeof g.TextEncoder === 'function'
      );
      // eslint-disable-next-line no-unused-vars
    } catch (e) {
      return false;
    }
  }

  function pageAddress(g) {
    var href = String((g.location && g.location.href) || '');
    return href.split('#')[0].split('?')[0];
  }

  var TEXT = {
    zh: {
      title: '此 Excel 无法运行报表助手的任务窗格',
      lead: '这台电脑上的 Excel 用旧版浏览器组件（Internet Explorer 11 或旧版 Edge）显示加载项，报表助手需要更新的组件。可以改用以下任一方式：',
      late: '报表助手长时间未能启动。如果这台电脑上的 Excel 使用旧版浏览器组件（Internet Explorer 11 或旧版 Edge），任务窗格无法运行。可以改用以下任一方式：',
      web: '在新版 Edge、Chrome 或 Firefox 中打开网页版，打开 .xlsx 文件即可校验、标记：',
      cli: '使用命令行校验：npm run --silent cli -- check 报表.xlsx',
      update: '或请管理员为 Office 安装 Microsoft Edge WebView2 运行时，或升级到 Microsoft 365 / Office 2021 及以上版本。'
    },
    en: {
      title: 'This Excel cannot run the Report Assistant pane',
      lead: 'Excel on this computer shows add-ins with an old browser component (Internet Explorer 11 or legacy Edge); the Report Assistant needs a newer one. Use one of these instead:',
      late: 'The Report Assistant has not started. If Excel on this computer uses an old browser component (Internet Explorer 11 or legacy Edge), the pane cannot run. Use one of these instead:',
      web: 'Open the web page in a current Edge, Chrome or Firefox and open the .xlsx file there to check and mark it:',
      cli: 'Check on the command line: npm run --silent cli -- check report.xlsx',
      update: 'Or ask your administrator to install the Microsoft Edge WebView2 Runtime for Office, or to upgrade to Microsoft 365 / Office 2021 or later.'
    }
  };

  function el(doc, tag, text) {
    var node = doc.createElement(tag);
    if (text !== undefined) node.appendChild(doc.createTextNode(text));
    return node;
  }

  function section(doc, t, lang, late, address) {
    var box = el(doc, 'section');
    box.setAttribute('lang', lang);
    box.className = 'boot-check';
    box.appendChild(el(doc, 'h2', t.title));
    box.appendChild(el(doc, 'p', late ? t.late : t.lead));
    var list = el(doc, 'ol');
    var web = el(doc, 'li', t.web + ' ');
    web.appendChild(el(doc, 'code', address));
    list.appendChild(web);
    list.appendChild(el(doc, 'li', t.cli));
    box.appendChild(list);
    box.appendChild(el(doc, 'p', t.update));
    return box;
  }

  /** Replaces the pane's loading line with the advice, zh-CN first, then en-US. */
  function show(g, late) {
    var doc = g.document;
    var app = doc && doc.getElementById('app');
    if (!app) return false;
    if (late && !app.querySelector('.boot')) return false;
    while (app.firstChild) app.removeChild(app.firstChild);
    var address = pageAddress(g);
    app.appendChild(section(doc, TEXT.zh, 'zh-CN', late, address));
    app.appendChild(section(doc, TEXT.en, 'en-US', late, address));
    return true;
  }

  function whenReady(g, f) {
    var doc = g.document;
    if (!doc) return;
    if (doc.readyState === 'interactive' || doc.readyState === 'complete') f();
    else doc.addEventListener('DOMContentLoaded', f, false);
  }

  /*
   * office.js is loaded `async` after this script (taskpane.html), so its request can fail
   * before the pane's own script runs and listens (a network that refuses at once). A
   * listener here, on the document in the capture phase (a script's error event does not
   * bubble), records the failure for the pane (src/taskpane/boot.ts), which then starts in
   * file mode at once instead of waiting out its timeout.
   */
  function watchOffice(g) {
    var seen = { failed: false };
    var doc = g.document;
    if (doc && typeof doc.addEventListener === 'function') {
      doc.addEventListener(
        'error',
        function (e) {
          var target = e && e.target;
          if (target && target.id === 'office-js') seen.failed = true;
        },
        true
      );
    }
    return seen;
  }

  var ok = supported(root);
  root.__braBootCheck = { supported: ok, show: show, check: supported, office: watchOffice(root) };
  if (!ok) {
    whenReady(root, function () {
      show(root, false);
    });
  } else if (typeof root.setTimeout === 'function') {
    root.setTimeout(function () {
      show(root, true);
    }, START_TIMEOUT_MS);
  }
})(this);
