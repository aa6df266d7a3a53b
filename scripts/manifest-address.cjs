#!/usr/bin/env node
/**
 * The add-in's address in manifest.xml. The manifest in the repository points at the dev server
 * (https://localhost:3000); a deployment build takes the address of the server that serves dist/:
 *
 *   npm run build -- --env address=https://reports.sfj.example.gov.cn/bra
 *   npm run check:manifest            # refuses dist/manifest.xml if it still points at localhost
 *
 * `deploymentManifest(xml, address)` is what webpack.config.js applies when it copies the manifest.
 */
const fs = require('node:fs');
const path = require('node:path');

const DEV = 'https://localhost:3000';

/** Why an address cannot serve a deployed add-in, or null. */
function addressProblem(address) {
  let url;
  try {
    url = new URL(address);
  } catch {
    return `not a URL: ${address}`;
  }
  if (url.protocol !== 'https:') return `Office loads add-ins over HTTPS only: ${address}`;
  if (/^(localhost|127\.|\[::1\]|0\.0\.0\.0)/.test(url.hostname)) return `a deployment cannot point at this machine: ${address}`;
  if (url.search || url.hash) return `no query or fragment in the add-in's address: ${address}`;
  return null;
}

/** Where a manifest still points at this machine (every URL attribute), or []. */
function localUrls(xml) {
  return [...xml.matchAll(/(?:DefaultValue|Value)="(https?:\/\/(?:localhost|127\.[0-9.]+|\[::1\])[^"]*)"/g)].map((m) => m[1]);
}

function deploymentManifest(xml, address) {
  const problem = addressProblem(address);
  if (problem) throw new Error(`manifest: ${problem}`);
  const base = address.replace(/\/+$/, '');
  const out = xml.split(DEV).join(base);
  const left = localUrls(out);
  if (left.length) throw new Error(`manifest: still points at this machine: ${left.join(', ')}`);
  return out;
}

module.exports = { deploymentManifest, localUrls, addressProblem, DEV };

if (require.main === module) {
  const file = process.argv.includes('--check') ? process.argv[process.argv.indexOf('--check') + 1] : path.join(__dirname, '..', 'dist', 'manifest.xml');
  const left = localUrls(fs.readFileSync(file, 'utf8'));
  if (left.length) {
    process.stderr.write(`${file} is a development manifest (it points at ${left[0]}); build with: npm run build -- --env address=https://your-server/path\n`);
    process.exit(1);
  }
  process.stdout.write(`${file}: no development addresses\n`);
}
