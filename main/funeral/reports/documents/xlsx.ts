// 殡葬统计报表 as an Excel workbook: the same tables as the PDF, counts as numbers and money as
// yuan numbers (so they can be summed further), Chinese sheet names and headers. Sheets: 汇总 (the
// rates and every table but two, with the counting notes), 分月 (a yearly report's months),
// 乡镇覆盖 (the township list with the cemeteries serving each).

import ExcelJS from 'exceljs';
import { percentText, type ColumnKind, type FuneralIndicators, type ReportTable } from '../contract';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEEEEE' } };
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
const MONEY = '#,##0.00';

function cellValue(kind: ColumnKind, v: number | string | null): ExcelJS.CellValue {
  if (v === null) return '—';
  if (kind === 'fen' && typeof v === 'number') return v / 100;
  return v;
}

/** Writes one table from `row`; returns the row after it. */
function writeTable(ws: ExcelJS.Worksheet, t: ReportTable, row: number): number {
  ws.getCell(row, 1).value = t.title;
  ws.getCell(row, 1).font = { bold: true, size: 11 };
  row++;
  const header = ws.getRow(row);
  t.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = t.kinds[i - 1] === 'fen' ? `${c}（元）` : c;
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
      const kind = t.kinds[i]!;
      const cell = line.getCell(i + 2);
      cell.value = cellValue(kind, v);
      if (kind === 'fen' && typeof v === 'number') cell.numFmt = MONEY;
      cell.alignment = { horizontal: kind === 'text' ? 'left' : 'right' };
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

function heading(ws: ExcelJS.Worksheet, r: FuneralIndicators, title: string, span: number): number {
  ws.mergeCells(1, 1, 1, span);
  ws.getCell(1, 1).value = `${r.officeName} ${title}`;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.mergeCells(2, 1, 2, span);
  ws.getCell(2, 1).value =
    `统计期间：${r.label}（${r.from} 至 ${r.to}）${r.complete ? '' : `，期间尚未结束，数据截至 ${r.asOf}`}\u3000行政区划代码：${r.divisionCode}`;
  return 4;
}

export async function renderIndicatorsXlsx(r: FuneralIndicators, preparedBy: string): Promise<Buffer> {
  const title = `殡葬统计${r.period.month === null ? '年报' : '月报'}`;
  const wb = new ExcelJS.Workbook();
  wb.creator = '民政业务窗口';
  wb.title = `${title} ${r.label}`;
  const apart = new Set(['months', 'coverage']);

  const summary = wb.addWorksheet('汇总', { views: [{ state: 'frozen', ySplit: 2 }] });
  summary.columns = [{ width: 44 }, { width: 16 }, { width: 16 }, { width: 22 }, { width: 18 }, { width: 16 }];
  let row = heading(summary, r, title, 6);
  summary.getCell(row, 1).value = '节地生态安葬率';
  summary.getCell(row, 2).value = percentText(r.ecoRate.percent) ?? '—';
  summary.getCell(row + 1, 1).value = '公益性安葬设施覆盖率';
  summary.getCell(row + 1, 2).value = percentText(r.coverage.percent) ?? '—';
  for (const k of [row, row + 1]) summary.getRow(k).font = { bold: true };
  row += 3;
  for (const t of r.tables.filter((x) => !apart.has(x.key))) row = writeTable(summary, t, row);
  summary.getCell(row, 1).value = '统计口径说明：';
  summary.getCell(row, 1).font = { bold: true };
  r.notes.forEach((n, i) => (summary.getCell(row + 1 + i, 1).value = `${i + 1}. ${n}`));
  row += r.notes.length + 2;
  summary.getCell(row, 1).value = `填表人：${preparedBy}\u3000报出日期：${r.asOf}`;

  const months = r.tables.find((t) => t.key === 'months');
  if (months) {
    const ws = wb.addWorksheet('分月', { views: [{ state: 'frozen', ySplit: 5, xSplit: 1 }] });
    ws.columns = months.columns.map((_, i) => ({ width: i === 0 ? 8 : 9 }));
    writeTable(ws, months, heading(ws, r, `${title}（分月）`, months.columns.length));
  }
  const coverage = r.tables.find((t) => t.key === 'coverage')!;
  const ws = wb.addWorksheet('乡镇覆盖', { views: [{ state: 'frozen', ySplit: 5 }] });
  ws.columns = [{ width: 22 }, { width: 16 }, { width: 14 }, { width: 50 }];
  writeTable(ws, coverage, heading(ws, r, `${title}（公益性安葬设施覆盖）`, 4));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
