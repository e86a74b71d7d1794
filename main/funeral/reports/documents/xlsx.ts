// 殡葬统计报表 as an Excel workbook: the same tables as the PDF, counts as numbers and money as
// yuan numbers (so they can be summed further), Chinese sheet names and headers. Sheets: 汇总 (the
// rates and every table but two, with the counting notes), 分月 (a yearly report's months),
// 乡镇覆盖 (the township list with the cemeteries serving each).

import ExcelJS from 'exceljs';
import { writeReportHeading, writeReportNotes, writeReportTable, type XlsxCell } from '../../../core/documents/xlsxReport';
import { percentText, type ColumnKind, type FuneralIndicators, type ReportTable } from '../contract';

const MONEY = '#,##0.00';

function cellOf(kind: ColumnKind, v: number | string | null): XlsxCell {
  if (v === null) return { value: '—', align: kind === 'text' ? 'left' : 'right' };
  if (kind === 'fen' && typeof v === 'number') return { value: v / 100, numFmt: MONEY };
  return { value: v, align: kind === 'text' ? 'left' : 'right' };
}

/** Writes one table from `row`; money columns in yuan. Returns the row after it. */
const writeTable = (ws: ExcelJS.Worksheet, t: ReportTable, row: number): number =>
  writeReportTable(ws, t, row, {
    header: (c, i) => (t.kinds[i - 1] === 'fen' ? `${c}（元）` : c),
    cell: (v, i) => cellOf(t.kinds[i]!, v),
  });

export async function renderIndicatorsXlsx(r: FuneralIndicators, preparedBy: string): Promise<Buffer> {
  const title = `殡葬统计${r.period.month === null ? '年报' : '月报'}`;
  const wb = new ExcelJS.Workbook();
  wb.creator = '民政业务窗口';
  wb.title = `${title} ${r.label}`;
  const apart = new Set(['months', 'coverage']);

  const summary = wb.addWorksheet('汇总', { views: [{ state: 'frozen', ySplit: 2 }] });
  summary.columns = [{ width: 44 }, { width: 16 }, { width: 16 }, { width: 22 }, { width: 18 }, { width: 16 }];
  let row = writeReportHeading(summary, r, title, 6);
  summary.getCell(row, 1).value = '节地生态安葬率';
  summary.getCell(row, 2).value = percentText(r.ecoRate.percent) ?? '—';
  summary.getCell(row + 1, 1).value = '公益性安葬设施覆盖率';
  summary.getCell(row + 1, 2).value = percentText(r.coverage.percent) ?? '—';
  for (const k of [row, row + 1]) summary.getRow(k).font = { bold: true };
  row += 3;
  for (const t of r.tables.filter((x) => !apart.has(x.key))) row = writeTable(summary, t, row);
  writeReportNotes(summary, row, r.notes, preparedBy, r.asOf);

  const months = r.tables.find((t) => t.key === 'months');
  if (months) {
    const ws = wb.addWorksheet('分月', { views: [{ state: 'frozen', ySplit: 5, xSplit: 1 }] });
    ws.columns = months.columns.map((_, i) => ({ width: i === 0 ? 8 : 9 }));
    writeTable(ws, months, writeReportHeading(ws, r, `${title}（分月）`, months.columns.length));
  }
  const coverage = r.tables.find((t) => t.key === 'coverage')!;
  const ws = wb.addWorksheet('乡镇覆盖', { views: [{ state: 'frozen', ySplit: 5 }] });
  ws.columns = [{ width: 22 }, { width: 16 }, { width: 14 }, { width: 50 }];
  writeTable(ws, coverage, writeReportHeading(ws, r, `${title}（公益性安葬设施覆盖）`, 4));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
