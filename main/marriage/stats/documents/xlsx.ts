// 婚姻登记统计报表 as an Excel workbook: the same tables as the PDF, figures as numbers (so they
// can be summed further), Chinese sheet names and headers. Sheets: 汇总 (the category tables and
// the counting notes), 分月 (a yearly report's month-by-month table).

import ExcelJS from 'exceljs';
import { writeReportHeading, writeReportNotes, writeReportTable, type XlsxCell } from '../../../core/documents/xlsxReport';
import type { StatsReport, StatsTable } from '../contract';
import { COUNTING_NOTES } from './pdf';

/** Counts stay numbers; ages stay numbers with two decimals; a percentage change stays the text shown. */
function cellOf(v: number | string | null): XlsxCell {
  if (v === null) return { value: '—' };
  if (typeof v === 'string' && /^\d+\.\d+$/.test(v)) return { value: Number(v), numFmt: '0.00' };
  return { value: v };
}

/** Writes one table from `row`; returns the row after it. */
const writeTable = (ws: ExcelJS.Worksheet, t: StatsTable, row: number, withTitle: boolean): number =>
  writeReportTable(ws, t, row, { withTitle, cell: cellOf });

export async function renderStatsXlsx(r: StatsReport, preparedBy: string): Promise<Buffer> {
  const title = `婚姻登记统计${r.period.month === null ? '年报' : '月报'}`;
  const wb = new ExcelJS.Workbook();
  wb.creator = '民政业务窗口';
  wb.title = `${title} ${r.label}`;

  const summary = wb.addWorksheet('汇总', { views: [{ state: 'frozen', ySplit: 2 }] });
  summary.columns = [{ width: 34 }, { width: 22 }, { width: 22 }, { width: 14 }];
  let row = writeReportHeading(summary, r, title, 4);
  for (const t of r.tables) row = writeTable(summary, t, row, true);
  writeReportNotes(summary, row, COUNTING_NOTES, preparedBy, r.asOf);

  if (r.monthlyTable) {
    const months = wb.addWorksheet('分月', { views: [{ state: 'frozen', ySplit: 3, xSplit: 1 }] });
    months.columns = r.monthlyTable.columns.map((_, i) => ({ width: i === 0 ? 8 : 12 }));
    writeTable(
      months,
      r.monthlyTable,
      writeReportHeading(months, r, `${title}（分月）`, r.monthlyTable.columns.length) - 1,
      false,
    );
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
