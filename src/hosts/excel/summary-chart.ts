/**
 * A native Excel chart beside the 领导参阅 key-indicator table: one clustered bar per key
 * indicator, its year-on-year change in percent. The bars read the table's own YoY column
 * (the range the summary plan gives its data bar), so the chart follows the cells and needs
 * no data of its own. One Excel.run, one sync.
 *
 * Charts are ExcelApi 1.1. Naming the bars after the indicators (setXAxisValues) and listing
 * them top-down in table order (reversePlotOrder) are 1.7; an older Excel gets numbered bars.
 */
import type { SheetPlan } from '../../core';
import type { ExcelHostDeps } from './host';

export type ChartDeps = Pick<ExcelHostDeps, 'run' | 'isSetSupported'>;

export interface YoyChartText {
  title: string;
  series: string;
}

/** The name the chart is given, so a later version could find and replace it. */
export const YOY_CHART_NAME = 'BRA-YoY';

/** Columns the chart spans, right of the summary table (A..G) with column H left as a gap. */
const FROM_COL = 'I';
const TO_COL = 'O';
const MIN_ROWS = 12;

/** Rows of the key-indicator table: the summary plan's data bar range (`E7:E15`). */
export function yoyRows(sheet: SheetPlan): { col: string; first: number; last: number } | null {
  const bar = sheet.dataBars?.[0];
  const m = bar ? /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(bar.range.replace(/\$/g, '')) : null;
  if (!m || m[1] !== m[3]) return null;
  const first = Number(m[2]);
  const last = Number(m[4]);
  return last >= first ? { col: m[1] as string, first, last } : null;
}

/**
 * Adds the chart to the summary sheet (already written). Resolves to false when there is
 * nothing to chart or this Excel has no chart API at all; rejects only on an Excel error.
 */
export async function addYoyChart(deps: ChartDeps, sheet: SheetPlan, text: YoyChartText): Promise<boolean> {
  const rows = yoyRows(sheet);
  if (!rows) return false;
  const has = (v: string) => {
    try {
      return deps.isSetSupported('ExcelApi', v);
    } catch {
      return false;
    }
  };
  if (!has('1.1')) return false;
  const names = has('1.7');
  return deps.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem(sheet.name);
    const values = ws.getRange(`${rows.col}${rows.first}:${rows.col}${rows.last}`);
    const chart = ws.charts.add('BarClustered', values, 'Columns');
    chart.name = YOY_CHART_NAME;
    chart.title.text = text.title;
    chart.title.visible = true;
    chart.legend.visible = false;
    chart.dataLabels.showValue = true;
    const top = Math.max(1, rows.first - 1);
    chart.setPosition(`${FROM_COL}${top}`, `${TO_COL}${Math.max(rows.last, top + MIN_ROWS) + 1}`);
    const series = chart.series.getItemAt(0);
    series.name = text.series;
    if (names) {
      series.setXAxisValues(ws.getRange(`A${rows.first}:A${rows.last}`));
      chart.axes.categoryAxis.reversePlotOrder = true;
    }
    await ctx.sync();
    return true;
  });
}
