// The payment roster as an Excel workbook (for the bank's bulk-transfer import and the finance
// office): one sheet 花名册 with the same columns and masking as the PDF, money as numbers in yuan
// (two decimals) so it can be summed, account numbers as text (Excel would round long digits);
// a second sheet 公墓拨付 with the cemetery parts.

import ExcelJS from 'exceljs';
import type { OfficeInfo } from '../../../core/pdf/forms';
import { amountInWords } from './words';
import { cemeteryShares, type RosterData } from './roster';

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEEEEE' } };
const MONEY = '#,##0.00';

export const ROSTER_HEADERS = [
  '序号',
  '申请编号',
  '逝者姓名',
  '逝者身份证号码',
  '安葬方式',
  '收款人',
  '开户银行',
  '银行账号',
  '补给家属（元）',
  '补给公墓（元）',
  '合计（元）',
] as const;

const toYuan = (fen: number): number => fen / 100;

function headerRow(ws: ExcelJS.Worksheet, row: number, values: readonly string[]): void {
  const r = ws.getRow(row);
  values.forEach((v, i) => {
    const c = r.getCell(i + 1);
    c.value = v;
    c.font = { bold: true };
    c.fill = HEADER_FILL;
    c.border = THIN;
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
}

export async function renderRosterXlsx(d: RosterData, office: OfficeInfo): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '民政业务窗口';
  wb.title = `节地生态安葬奖补发放花名册 ${d.batchNumber}`;
  const ws = wb.addWorksheet('花名册', { views: [{ state: 'frozen', ySplit: 4 }] });
  ws.columns = [6, 22, 12, 22, 14, 12, 22, 26, 14, 14, 14].map((width) => ({ width }));
  const span = ROSTER_HEADERS.length;
  ws.mergeCells(1, 1, 1, span);
  ws.getCell(1, 1).value = `${office.officeName} 节地生态安葬奖补发放花名册`;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.mergeCells(2, 1, 2, span);
  ws.getCell(2, 1).value =
    `批次编号：${d.batchNumber}\u3000批次名称：${d.batchTitle}\u3000编制日期：${d.createdOn}\u3000` +
    (d.paid ? `已发放：${d.paid.on}（凭证 ${d.paid.reference}）` : '状态：待发放') +
    `\u3000共 ${d.lines.length} 人`;
  ws.mergeCells(3, 1, 3, span);
  ws.getCell(3, 1).value = d.fullAccounts
    ? '身份证号码已脱敏；银行账号为完整账号，仅供办理转账，注意保密'
    : '身份证号码、银行账号已脱敏（银行账号保留后四位）';
  headerRow(ws, 4, ROSTER_HEADERS);

  let row = 5;
  for (const l of d.lines) {
    const r = ws.getRow(row++);
    r.values = [
      l.seq,
      l.number,
      l.deceasedName,
      l.deceasedIdNumber,
      l.formLabel,
      l.payee,
      l.bankName,
      l.accountNumber,
      toYuan(l.familyFen),
      toYuan(l.cemeteryFen),
      toYuan(l.familyFen + l.cemeteryFen),
    ];
    r.getCell(8).numFmt = '@';
    for (let i = 9; i <= 11; i++) r.getCell(i).numFmt = MONEY;
    for (let i = 1; i <= span; i++) r.getCell(i).border = THIN;
  }
  const family = d.lines.reduce((s, l) => s + l.familyFen, 0);
  const cemetery = d.lines.reduce((s, l) => s + l.cemeteryFen, 0);
  const total = ws.getRow(row);
  ws.mergeCells(row, 1, row, 8);
  total.getCell(1).value = `合计（${d.lines.length} 人）`;
  total.getCell(1).alignment = { horizontal: 'center' };
  [family, cemetery, family + cemetery].forEach((v, i) => {
    total.getCell(9 + i).value = toYuan(v);
    total.getCell(9 + i).numFmt = MONEY;
  });
  for (let i = 1; i <= span; i++) {
    total.getCell(i).font = { bold: true };
    total.getCell(i).border = THIN;
  }
  ws.getCell(row + 1, 1).value = `合计金额（大写）：人民币${amountInWords(family + cemetery)}`;
  ws.getCell(row + 3, 1).value =
    `制表人：${d.preparedBy}\u3000\u3000审核人：\u3000\u3000\u3000\u3000审批人（分管领导）：\u3000\u3000\u3000\u3000财务经办人：\u3000\u3000\u3000\u3000打印日期：${d.printedOn}`;

  const shares = wb.addWorksheet('公墓拨付');
  shares.columns = [{ width: 36 }, { width: 10 }, { width: 16 }];
  headerRow(shares, 1, ['公墓', '件数', '金额（元）']);
  cemeteryShares(d.lines).forEach((s, i) => {
    const r = shares.getRow(i + 2);
    r.values = [s.name, s.count, toYuan(s.fen)];
    r.getCell(3).numFmt = MONEY;
    for (let c = 1; c <= 3; c++) r.getCell(c).border = THIN;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
