/**
 * The 下级汇总 tab, wired: its controller, its view, and the hosts it uses. Loaded as a lazy
 * chunk when the tab is first opened (src/taskpane/index.ts), so the pane's startup script
 * carries none of it. District files are read with the xlsx host in both modes; the total is
 * a new xlsx workbook in both modes (a download); the city report is what the pane has open.
 */
import type { Locale, WorkbookPlan } from '../core';
import type { WorkbookSnapshot } from '../workbook/snapshot';
import { DistrictsController, type CityReport, type DistrictsDeps, type TotalWorkbook } from './districts-controller';
import { districtsText } from './districts-text';
import { mountDistrictsView, type PaneWidgets } from './districts-view';
import type { Engine } from './engine';
import type { FileHost, PaneHost } from './pane-host';

type XlsxHost = typeof import('../hosts/xlsx');

/**
 * What the shell hands over. The pane's own modules (the view's widgets and describeError, the
 * xlsx host's loader) come in as values rather than imports, so that this chunk shares no
 * module with the startup script and the startup script keeps its size.
 */
export interface DistrictsMount {
  locale: Locale;
  mode: 'excel' | 'file';
  /** The pane's host: its open workbook (Excel) or file (file mode) is the city's own report. */
  host: PaneHost;
  engine: () => Promise<Engine>;
  save: (bytes: Uint8Array, name: string, mime: string) => void;
  /** The xlsx host, loaded once (file-pane-host.ts: xlsxHost). */
  xlsx: () => Promise<XlsxHost>;
  /** An .xlsx file's report cells (file-pane-host.ts: readXlsxSnapshot). */
  readXlsx: (bytes: ArrayBuffer | Uint8Array) => Promise<WorkbookSnapshot>;
  view: PaneWidgets & { describeError: DistrictsDeps['describeError'] };
}

/** A new workbook from a plan, through the xlsx host. */
export async function newTotalWorkbook(xlsx: () => Promise<XlsxHost>, plan: WorkbookPlan): Promise<TotalWorkbook> {
  const x = await xlsx();
  const wb = x.newReportWorkbook(plan);
  return {
    applyCellEdits: (edits) => x.applyCellEdits(wb, edits),
    snapshot: () => x.reportSnapshot(wb),
    toBytes: () => wb.toBytes(),
  };
}

/** The report the pane has open: the file (file mode, none until one is opened) or the workbook. */
export async function openCityReport(host: PaneHost, locale: Locale): Promise<CityReport | null> {
  if (host.kind === 'file') {
    const name = (host as FileHost).fileName;
    return name === null ? null : { snapshot: await host.readSnapshot(), name };
  }
  return { snapshot: await host.readSnapshot(), name: districtsText(locale).thisWorkbook };
}

export function mountDistricts(doc: Document, panel: { actions: HTMLElement; body: HTMLElement }, m: DistrictsMount): DistrictsController {
  const controller = new DistrictsController({
    locale: m.locale,
    mode: m.mode,
    render: (state) => view.update(state),
    engine: m.engine,
    readXlsx: m.readXlsx,
    newWorkbook: (plan) => newTotalWorkbook(m.xlsx, plan),
    cityReport: () => openCityReport(m.host, m.locale),
    save: m.save,
    describeError: m.view.describeError,
  });
  const view = mountDistrictsView(doc, panel, m.locale, m.mode, m.view, {
    onChoose: (files) => void controller.choose(files),
    onDownloadTotal: () => void controller.downloadTotal(),
    onReconcile: () => void controller.reconcile(),
  });
  view.update(controller.state);
  return controller;
}
