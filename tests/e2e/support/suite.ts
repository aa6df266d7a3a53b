/**
 * What every browser test file starts and ends with: dist/ built if stale, the demo workbooks,
 * dist/ served on 127.0.0.1, Debian's Chromium launched, the fake Office bundle ready; and all
 * of it closed again.
 */
import { mkdirSync } from 'fs';
import { join } from 'path';
import type { Browser } from 'playwright-core';
import { launch } from './browser';
import { DIST, ROOT, ensureDist, fakeOfficeBundle } from './build';
import { makeDemo, type Demo } from './demo';
import { serve, type StaticServer } from './server';

export interface Suite {
  browser: Browser;
  server: StaticServer;
  demo: Demo;
  /** The strict fake Office as a script to install before the pane loads (openOfficeMode). */
  fakeBundle: string;
}

export async function startSuite(): Promise<Suite> {
  const [, fakeBundle, demo] = await Promise.all([ensureDist(), fakeOfficeBundle(), makeDemo()]);
  const server = await serve(DIST);
  const browser = await launch();
  mkdirSync(join(ROOT, 'docs', 'screenshots'), { recursive: true });
  return { browser, server, demo, fakeBundle };
}

export async function stopSuite(suite: Suite | undefined): Promise<void> {
  await suite?.browser.close();
  await suite?.server.close();
  suite?.demo.remove();
}
