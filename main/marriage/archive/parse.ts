import ExcelJS from 'exceljs';

// Reads an archive file into rows of cells, whatever it was saved as: XLSX (Excel, WPS) or CSV
// in UTF-8 (with or without BOM) or GB18030/GBK (what Excel on Chinese Windows writes by
// default). Nothing is judged here beyond "is this a readable table"; validate.ts judges rows.

/** A cell as read: its text, and whether the spreadsheet held it as a number or a date. */
export interface RawCell {
  text: string;
  kind: 'text' | 'number' | 'date';
}

export interface RawRow {
  /** The spreadsheet's own row number (the header is row 1). */
  row: number;
  cells: RawCell[];
}

export interface RawSheet {
  format: 'csv' | 'xlsx';
  headers: string[];
  rows: RawRow[];
}

export class UnreadableFile extends Error {}

const text = (t: string): RawCell => ({ text: t, kind: 'text' });

/** UTF-8 if it decodes cleanly, else GB18030 (a superset of GBK and GB2312). */
function decodeText(bytes: Uint8Array): string {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const body = bytes.subarray(start);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return new TextDecoder('gb18030').decode(body);
  }
}

/** RFC 4180: commas, double quotes doubled inside quoted fields, CRLF or LF; quoted fields may span lines. */
export function parseCsv(source: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (quoted) {
      if (c === '"') {
        if (source[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && source[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += c;
  }
  if (quoted) throw new UnreadableFile('CSV 文件中有未闭合的引号，文件可能不完整');
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

function readCsv(bytes: Uint8Array): RawSheet {
  const records = parseCsv(decodeText(bytes));
  const [head, ...body] = records;
  if (!head) throw new UnreadableFile('文件是空的');
  return {
    format: 'csv',
    headers: head.map((h) => h.trim()),
    rows: body.map((cells, i) => ({ row: i + 2, cells: cells.map(text) })),
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Excel stores dates as days; exceljs gives them as Date at UTC midnight of the calendar day. */
const isoOfCellDate = (d: Date): string => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

function cellOf(value: ExcelJS.CellValue): RawCell {
  if (value === null || value === undefined) return text('');
  if (value instanceof Date) return { text: isoOfCellDate(value), kind: 'date' };
  if (typeof value === 'number') return { text: String(value), kind: 'number' };
  if (typeof value === 'string') return text(value);
  if (typeof value === 'boolean') return text(value ? '是' : '否');
  if ('richText' in value) return text(value.richText.map((r) => r.text).join(''));
  if ('result' in value) return cellOf((value.result ?? null) as ExcelJS.CellValue);
  if ('text' in value && typeof value.text === 'string') return text(value.text);
  if ('error' in value) return text(String(value.error));
  return text('');
}

async function readXlsx(bytes: Uint8Array): Promise<RawSheet> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new UnreadableFile('无法读取该 Excel 文件，文件可能已损坏或不是 .xlsx 格式');
  }
  // The data is on the first sheet (the template's second sheet holds its notes).
  const ws = wb.worksheets[0];
  if (!ws || ws.rowCount === 0) throw new UnreadableFile('Excel 文件的第一个工作表是空的');
  const width = ws.getRow(1).cellCount;
  const headers: string[] = [];
  for (let c = 1; c <= width; c++) headers.push(cellOf(ws.getRow(1).getCell(c).value).text.trim());
  const rows: RawRow[] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: RawCell[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellOf(row.getCell(c).value));
    rows.push({ row: r, cells });
  }
  return { format: 'xlsx', headers, rows };
}

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
const isOle = (b: Uint8Array) => b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

/** The table in the file; which reader by the file's content, not its name. */
export async function readArchiveFile(bytes: Uint8Array): Promise<RawSheet> {
  if (bytes.length === 0) throw new UnreadableFile('文件是空的');
  if (isOle(bytes)) throw new UnreadableFile('不支持 .xls（Excel 97–2003）格式，请在 Excel 中另存为 .xlsx 或 CSV 后再导入');
  if (isZip(bytes)) return readXlsx(bytes);
  return readCsv(bytes);
}
