import ExcelJS from 'exceljs';

// A plain table (a header row, then rows of text) written as XLSX or CSV: search exports and the
// archive import template. Every cell is written as text, so Excel keeps 18-digit ID numbers and
// leading zeros exactly (as a number it would round them to 15 significant digits).

export type Cell = string | null;

export async function tableToXlsx(
  sheetName: string,
  headers: readonly string[],
  rows: readonly (readonly Cell[])[],
  options: { widths?: readonly number[]; notes?: readonly string[] } = {},
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '民政业务窗口';
  const ws = wb.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = headers.map((h, i) => ({
    width: options.widths?.[i] ?? Math.max(12, [...h].length * 2 + 2),
    style: { numFmt: '@' },
  }));
  const head = ws.addRow([...headers]);
  head.font = { bold: true };
  head.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEEEEE' } };
  for (const r of rows) ws.addRow(r.map((c) => c ?? ''));
  if (options.notes && options.notes.length > 0) {
    const notes = wb.addWorksheet('填写说明');
    notes.getColumn(1).width = 110;
    for (const line of options.notes) notes.addRow([line]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const csvCell = (v: Cell): string => {
  const s = v ?? '';
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

/** UTF-8 with a byte-order mark and CRLF line ends: what Excel on Windows opens without garbling Chinese. */
export function tableToCsv(headers: readonly string[], rows: readonly (readonly Cell[])[]): Buffer {
  const lines = [headers, ...rows].map((r) => r.map(csvCell).join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_MIME = 'text/csv; charset=utf-8';
