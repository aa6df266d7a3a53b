/**
 * Builds the add-in's web part into dist/: taskpane.html/js, commands.html/js, the stylesheet,
 * manifest.xml and the icons. Entry file names carry no hash so the URLs in manifest.xml stay
 * stable; code loaded with `await import(...)` (the engine, the file host) becomes its own chunk,
 * fetched when first needed.
 *
 *   npm run build            production build, no certificates needed
 *   npm run build:intranet   the same, with office.js served by the add-in's own server
 *   npm run dev-server       https://localhost:3000 with the Office dev certificates
 *
 * The intranet build (`--env intranet`) is for networks that cannot reach Microsoft's CDN:
 * office.js and the host scripts it loads come from the @microsoft/office-js package, copied
 * to dist/office-js/ (the .debug.js files left out: about 34 MB), the pages load it from there,
 * and their CSP allows scripts from the page's own origin only.
 */
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { deploymentManifest } = require('./scripts/manifest-address.cjs');

const DEV_PORT = 3000;

/** Where the pages load office.js from in the normal build. */
const OFFICE_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
/** …and in the intranet build (relative to the page, under dist/). */
const OFFICE_LOCAL = 'office-js/office.js';

/** A page of the intranet build: office.js from the own server, the CDN out of the CSP. */
function localOfficeHtml(html) {
  return html
    .split(OFFICE_CDN)
    .join(OFFICE_LOCAL)
    .replace(/(script-src 'self') https:\/\/appsforoffice\.microsoft\.com/g, '$1');
}

/** Rewrites every page html-webpack-plugin emits (intranet build only). */
class LocalOfficeJs {
  apply(compiler) {
    compiler.hooks.compilation.tap('LocalOfficeJs', (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).beforeEmit.tap('LocalOfficeJs', (data) => {
        data.html = localOfficeHtml(data.html);
        return data;
      });
    });
  }
}

/** HTTPS options for the dev server: the Office dev certificates, or a self-signed fallback. */
async function httpsServer() {
  // The Office CLI tools' usage data goes off before any of them is loaded.
  require('./scripts/start.cjs').usageDataOff();
  try {
    const devCerts = require('office-addin-dev-certs');
    return { type: 'https', options: await devCerts.getHttpsServerOptions() };
  } catch (err) {
    const reason = err instanceof Error ? err.message.split('\n')[0] : String(err);
    console.warn(
      `office-addin-dev-certs: ${reason}\n` +
        '开发证书不可用，改用临时自签名证书（浏览器会提示不安全；Excel 可能拒绝加载）。\n' +
        'Dev certificates unavailable; using a temporary self-signed certificate (browsers will warn; Excel may refuse it).',
    );
    return 'https';
  }
}

module.exports = async (env = {}, argv = {}) => {
  const mode = argv.mode === 'development' ? 'development' : 'production';
  const serving = Boolean(env.WEBPACK_SERVE);
  const dev = mode === 'development';
  const intranet = Boolean(env.intranet);
  const address = typeof env.address === 'string' ? env.address : undefined;

  /** @type {import('webpack').Configuration} */
  const config = {
    mode,
    target: 'web',
    devtool: dev ? 'eval-source-map' : 'source-map',
    entry: {
      taskpane: './src/taskpane/index.ts',
      commands: './src/commands/commands.ts',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: '[name].js',
      // lazily loaded code (the engine, the file host, the Word writer): named with webpackChunkName
      chunkFilename: '[name].chunk.js',
      publicPath: 'auto',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.js'],
    },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              transpileOnly: true,
              configFile: path.resolve(__dirname, 'tsconfig.json'),
              // tsconfig.json targets CommonJS for Node; webpack needs ES modules so that
              // `import()` stays a real dynamic import (a separate chunk), not a require
              compilerOptions: { module: 'es2020', sourceMap: true },
            },
          },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
        scriptLoading: 'defer',
      }),
      new HtmlWebpackPlugin({
        filename: 'commands.html',
        template: './src/commands/commands.html',
        chunks: ['commands'],
        scriptLoading: 'defer',
      }),
      new CopyWebpackPlugin({
        patterns: [
          // the dev server's address, or the deployment's (--env address=https://…), checked
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => (address ? deploymentManifest(content.toString('utf8'), address) : content),
          },
          { from: 'src/taskpane/support.html', to: 'support.html' },
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'src/taskpane/taskpane.css', to: 'taskpane.css' },
          // ES5, loaded first by taskpane.html; copied untouched (no loader may modernise it)
          { from: 'src/taskpane/early/boot-check.js', to: 'boot-check.js' },
          ...(intranet
            ? [
                {
                  from: 'node_modules/@microsoft/office-js/dist',
                  to: 'office-js',
                  globOptions: { ignore: ['**/*.debug.js'] },
                  // Microsoft's files as shipped: not minified again, not hashed
                  info: { minimized: true },
                },
              ]
            : []),
        ],
      }),
      ...(intranet ? [new LocalOfficeJs()] : []),
    ],
    optimization: {
      splitChunks: {
        // The core modules both lazy chunks use (A1 arithmetic, the report locator, errors:
        // ~14 KB) go into one shared chunk rather than into each: the page fetches them once
        // on the way to the first findings. Webpack's default minimum (20 KB) left them twice.
        minSize: 10000,
      },
    },
    performance: {
      // the entries must stay small; the lazily loaded chunks (the Word writer) may be larger
      hints: dev ? false : 'warning',
      maxEntrypointSize: 200 * 1024,
      maxAssetSize: 1536 * 1024,
      assetFilter: (file) => file.endsWith('.js') && !file.startsWith('office-js/'),
    },
  };

  if (serving) {
    config.devServer = {
      port: DEV_PORT,
      host: 'localhost',
      server: await httpsServer(),
      headers: { 'Access-Control-Allow-Origin': '*' },
      static: false,
      hot: false,
      liveReload: true,
      client: { overlay: { errors: true, warnings: false } },
    };
  }
  return config;
};

module.exports.localOfficeHtml = localOfficeHtml;
module.exports.OFFICE_CDN = OFFICE_CDN;
module.exports.OFFICE_LOCAL = OFFICE_LOCAL;
