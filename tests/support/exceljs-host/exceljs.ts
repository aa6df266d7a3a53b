/**
 * The one place ExcelJS is loaded. It is imported lazily so the task pane does not pay for
 * it until a file is opened, and so the same code runs in Node and in a webpack bundle
 * (which resolves `exceljs` to its browser build). Everything else in this folder imports
 * only ExcelJS *types*.
 */
import type * as ExcelJSType from 'exceljs';

export type ExcelJSModule = typeof ExcelJSType;
export type Workbook = ExcelJSType.Workbook;
export type Worksheet = ExcelJSType.Worksheet;
export type Cell = ExcelJSType.Cell;

let loaded: Promise<ExcelJSModule> | undefined;

export async function exceljs(): Promise<ExcelJSModule> {
  if (!loaded) {
    loaded = import(/* webpackChunkName: "exceljs" */ 'exceljs').then(
      (m) => ((m as { default?: ExcelJSModule }).default ?? m) as ExcelJSModule,
      (err: unknown) => {
        loaded = undefined; // let a later call try again
        throw err;
      },
    );
  }
  return loaded;
}

/** An empty workbook, for writing a template or a summary from scratch. */
export async function newWorkbook(): Promise<Workbook> {
  const ExcelJS = await exceljs();
  return new ExcelJS.Workbook();
}
