import type ExcelJS from 'exceljs';

// The pieces every statistics workbook shares (marriage statistics, funeral indicators): the two
// heading lines, a table with a shaded ruled header and bold totals, and the counting notes with
// who prepared it. What a cell holds (a count, yuan, a formatted figure) stays with each report.

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEEEEE' } };
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

/** What a period report says about itself in its heading. */
export interface ReportPeriodInfo {
  officeName: string;
  divisionCode: string;
  label: string;
  from: string;
  to: string;
  /** False while the period is still running: the figures are as of `asOf`. */
  complete: boolean;
  asOf: string;
}

export interface XlsxTable {
  title: string;
  /** Header of each column; the first is the row label's. */
  columns: readonly string[];
  rows: readonly { label: string; values: readonly (number | string | null)[]; indent?: 1; total?: true }[];
  note?: string | undefined;
}

export interface XlsxCell {
  value: ExcelJS.CellValue;
  numFmt?: string;
  align?: 'left' | 'right';
}

/** Title and period lines across `span` columns; returns the first free row. */
export function writeReportHeading(ws: ExcelJS.Worksheet, r: ReportPeriodInfo, title: string, span: number): number {
  ws.mergeCells(1, 1, 1, span);
  ws.getCell(1, 1).value = `${r.officeName} ${title}`;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.mergeCells(2, 1, 2, span);
  ws.getCell(2, 1).value =
    `统计期间：${r.label}（${r.from} 至 ${r.to}）${r.complete ? '' : `，期间尚未结束，数据截至 ${r.asOf}`}\u3000行政区划代码：${r.divisionCode}`;
  return 4;
}

/**
 * Writes one table from `row` (its title first unless `withTitle` is false); `cell` turns a value of
 * column i (after the label) into what the sheet holds. Returns the row after a blank line.
 */
export function writeReportTable(
  ws: ExcelJS.Worksheet,
  t: XlsxTable,
  row: number,
  o: {
    withTitle?: boolean;
    header?: (column: string, i: number) => string;
    cell: (v: number | string | null, i: number) => XlsxCell;
  },
): number {
  if (o.withTitle !== false) {
    ws.getCell(row, 1).value = t.title;
    ws.getCell(row, 1).font = { bold: true, size: 11 };
    row++;
  }
  const header = ws.getRow(row);
  t.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = o.header ? o.header(c, i) : c;
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
      const c = o.cell(v, i);
      const cell = line.getCell(i + 2);
      cell.value = c.value;
      if (c.numFmt) cell.numFmt = c.numFmt;
      cell.alignment = { horizontal: c.align ?? 'right' };
    });
    for (let i = 1; i <= t.columns.length; i++) {
      line.getCell(i).border = THIN;
      if (r.total) line.getCell(i).font = { bold: true };
    }
    row++;
  }
  if (t.note) {
    ws.getCell(row, 1).value = t.note;
    ws.getCell(row, 1).font = { color: { argb: 'FF555555' }, size: 9 };
    row++;
  }
  return row + 1;
}

/** 统计口径说明 with numbered notes, then 填表人 and 报出日期. */
export function writeReportNotes(
  ws: ExcelJS.Worksheet,
  row: number,
  notes: readonly string[],
  preparedBy: string,
  asOf: string,
): void {
  ws.getCell(row, 1).value = '统计口径说明：';
  ws.getCell(row, 1).font = { bold: true };
  notes.forEach((n, i) => (ws.getCell(row + 1 + i, 1).value = `${i + 1}. ${n}`));
  ws.getCell(row + notes.length + 2, 1).value = `填表人：${preparedBy}\u3000报出日期：${asOf}`;
}
