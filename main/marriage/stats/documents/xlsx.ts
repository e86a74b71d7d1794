// 婚姻登记统计报表 as an Excel workbook: the same tables as the PDF, figures as numbers (so they
// can be summed further), Chinese sheet names and headers. Sheets: 汇总 (the category tables and
// the counting notes), 分月 (a yearly report's month-by-month table).

import ExcelJS from 'exceljs';
import type { StatsReport, StatsTable } from '../contract';
import { COUNTING_NOTES } from './pdf';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEEEEE' } };
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

/** Writes one table from `row`; returns the row after it. */
function writeTable(ws: ExcelJS.Worksheet, t: StatsTable, row: number, withTitle: boolean): number {
  if (withTitle) {
    ws.getCell(row, 1).value = t.title;
    ws.getCell(row, 1).font = { bold: true, size: 11 };
    row++;
  }
  const header = ws.getRow(row);
  t.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = THIN;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  row++;
  for (const r of t.rows) {
    const line = ws.getRow(row);
    const label = line.getCell(1);
    label.value = r.label;
    label.alignment = { indent: r.indent ? 2 : 0 };
    r.values.forEach((v, i) => {
      const cell = line.getCell(i + 2);
      // Ages stay numbers with two decimals; a percentage change stays the text shown on screen.
      cell.value = v === null ? '—' : typeof v === 'string' && /^\d+\.\d+$/.test(v) ? Number(v) : v;
      if (typeof cell.value === 'number' && typeof v === 'string') cell.numFmt = '0.00';
      cell.alignment = { horizontal: 'right' };
    });
    for (let i = 1; i <= t.columns.length; i++) {
      line.getCell(i).border = THIN;
      if (r.total) line.getCell(i).font = { bold: true };
    }
    row++;
  }
  return row + 1;
}

function heading(ws: ExcelJS.Worksheet, r: StatsReport, title: string, span: number): number {
  ws.mergeCells(1, 1, 1, span);
  ws.getCell(1, 1).value = `${r.officeName} ${title}`;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.mergeCells(2, 1, 2, span);
  ws.getCell(2, 1).value =
    `统计期间：${r.label}（${r.from} 至 ${r.to}）${r.complete ? '' : `，期间尚未结束，数据截至 ${r.asOf}`}\u3000行政区划代码：${r.divisionCode}`;
  return 4;
}

export async function renderStatsXlsx(r: StatsReport, preparedBy: string): Promise<Buffer> {
  const title = `婚姻登记统计${r.period.month === null ? '年报' : '月报'}`;
  const wb = new ExcelJS.Workbook();
  wb.creator = '民政业务窗口';
  wb.title = `${title} ${r.label}`;

  const summary = wb.addWorksheet('汇总', { views: [{ state: 'frozen', ySplit: 2 }] });
  summary.columns = [{ width: 34 }, { width: 22 }, { width: 22 }, { width: 14 }];
  let row = heading(summary, r, title, 4);
  for (const t of r.tables) row = writeTable(summary, t, row, true);
  summary.getCell(row, 1).value = '统计口径说明：';
  summary.getCell(row, 1).font = { bold: true };
  COUNTING_NOTES.forEach((n, i) => (summary.getCell(row + 1 + i, 1).value = `${i + 1}. ${n}`));
  row += COUNTING_NOTES.length + 2;
  summary.getCell(row, 1).value = `填表人：${preparedBy}\u3000报出日期：${r.asOf}`;

  if (r.monthlyTable) {
    const months = wb.addWorksheet('分月', { views: [{ state: 'frozen', ySplit: 3, xSplit: 1 }] });
    months.columns = r.monthlyTable.columns.map((_, i) => ({ width: i === 0 ? 8 : 12 }));
    writeTable(months, r.monthlyTable, heading(months, r, `${title}（分月）`, r.monthlyTable.columns.length) - 1, false);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
