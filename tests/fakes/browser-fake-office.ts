/**
 * Browser entry for end-to-end tests: installs the strict fake Excel as global Office/Excel
 * before the pane loads. The test puts its options on window.__BRA_FAKE__ (a snapshot to
 * seed the workbook, requirement sets, display language) with an init script; the fake is
 * left on window.__braFake so the test can inspect what the pane wrote.
 */
import type { WorkbookSnapshot } from '../../src/workbook/snapshot';
import { createFakeExcel, installFakeOffice, type FakeExcel } from './fake-excel';

interface FakeSetup {
  snapshot?: WorkbookSnapshot;
  requirementSets?: Record<string, string>;
  displayLanguage?: string;
}

const w = window as unknown as { __BRA_FAKE__?: FakeSetup; __braFake?: FakeExcel };
const setup = w.__BRA_FAKE__ ?? {};
const fake = createFakeExcel({
  ...(setup.snapshot ? { snapshot: setup.snapshot } : {}),
  ...(setup.requirementSets ? { requirementSets: setup.requirementSets } : {}),
});
installFakeOffice(window, fake, { displayLanguage: setup.displayLanguage ?? 'zh-CN' });
w.__braFake = fake;
