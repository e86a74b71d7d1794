// The settlement sheet as an Excel workbook for the funeral home's and the bureau's accounts: the
// same rows and columns as the PDF, amounts as numbers in yuan (so they sum and reconcile), ID
// numbers masked as on paper. Sheets: 结算单 (rows, totals, signature lines), 分类汇总.

import ExcelJS from 'exceljs';
import type { SettlementSheet } from '../contract';
import { MASKING_NOTE, amountInWords } from './settlementPdf';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEEEEE' } };
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
const MONEY = '#,##0.00';
const yuan = (fen: number): number => fen / 100;

export async function renderSettlementXlsx(sheet: SettlementSheet, preparedBy: string, printedOn: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '民政业务窗口';
  wb.title = `惠民殡葬减免结算单 ${sheet.funeralHome.name} ${sheet.monthLabel}`;

  const headers = [
    '序号',
    '减免编号',
    '逝者姓名',
    '身份证号码',
    '死亡日期',
    '减免类别',
    ...sheet.items.map((it) => `${it.name}（元）`),
    '实际费用（元）',
    '减免合计（元）',
    '家属自付（元）',
  ];
  const span = headers.length;
  const ws = wb.addWorksheet('结算单', { views: [{ state: 'frozen', ySplit: 4 }] });
  ws.columns = headers.map((_, i) => ({ width: [6, 22, 10, 22, 12, 14][i] ?? 14 }));

  ws.mergeCells(1, 1, 1, span);
  ws.getCell(1, 1).value = `${sheet.officeName} 惠民殡葬基本服务费用减免结算单`;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.mergeCells(2, 1, 2, span);
  ws.getCell(2, 1).value =
    `殡仪馆：${sheet.funeralHome.name}\u3000结算月份：${sheet.monthLabel}\u3000共 ${sheet.totals.count} 笔\u3000` +
    (sheet.status === 'settled' ? `已于 ${sheet.settledAt!.slice(0, 10)} 确认结算` : '未确认结算') +
    (sheet.sample ? '\u3000（减免标准为示例数据，请按本地政策修改）' : '');

  const head = ws.getRow(4);
  headers.forEach((h, i) => {
    const cell = head.getCell(i + 1);
    cell.value = h;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = THIN;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });

  let r = 5;
  const moneyFrom = 7; // first amount column
  const writeLine = (values: (string | number | null)[], bold = false) => {
    const row = ws.getRow(r++);
    values.forEach((v, i) => {
      const cell = row.getCell(i + 1);
      cell.value = v;
      cell.border = THIN;
      if (bold) cell.font = { bold: true };
      if (i + 1 >= moneyFrom && typeof v === 'number') cell.numFmt = MONEY;
    });
  };
  for (const row of sheet.rows) {
    writeLine([
      row.no,
      row.number,
      row.deceasedName,
      row.deceasedIdMasked,
      row.deathDate,
      row.categoryName,
      ...sheet.items.map((it) => (row.waivedByItem[it.code] === undefined ? null : yuan(row.waivedByItem[it.code]!))),
      yuan(row.actualFen),
      yuan(row.waivedFen),
      yuan(row.familyPaysFen),
    ]);
  }
  writeLine(
    [
      null,
      '合计',
      `${sheet.totals.count} 人`,
      null,
      null,
      null,
      ...sheet.items.map((it) => yuan(sheet.totals.byItem[it.code] ?? 0)),
      yuan(sheet.totals.actualFen),
      yuan(sheet.totals.waivedFen),
      yuan(sheet.totals.familyPaysFen),
    ],
    true,
  );
  r++;
  ws.getCell(r++, 1).value = `减免合计（大写）：${amountInWords(sheet.totals.waivedFen)}`;
  ws.getCell(r++, 1).value = MASKING_NOTE;
  r++;
  ws.getCell(r, 1).value = '殡仪馆（盖章）\u3000经办人：';
  ws.getCell(r, 5).value = '民政部门（盖章）\u3000审核人：';
  ws.getCell(r, 8).value = `制表人：${preparedBy}`;
  r++;
  ws.getCell(r, 1).value = '日期：';
  ws.getCell(r, 5).value = '日期：';
  ws.getCell(r, 8).value = `制表日期：${printedOn}`;

  const cats = wb.addWorksheet('分类汇总');
  cats.columns = [{ width: 18 }, { width: 10 }, { width: 16 }];
  ['减免类别', '笔数', '减免金额（元）'].forEach((h, i) => {
    const cell = cats.getCell(1, i + 1);
    cell.value = h;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = THIN;
  });
  sheet.byCategory.forEach((c, i) => {
    cats.getCell(i + 2, 1).value = c.name;
    cats.getCell(i + 2, 2).value = c.count;
    cats.getCell(i + 2, 3).value = yuan(c.waivedFen);
    cats.getCell(i + 2, 3).numFmt = MONEY;
  });
  const last = sheet.byCategory.length + 2;
  cats.getCell(last, 1).value = '合计';
  cats.getCell(last, 2).value = sheet.totals.count;
  cats.getCell(last, 3).value = yuan(sheet.totals.waivedFen);
  cats.getCell(last, 3).numFmt = MONEY;
  cats.getRow(last).font = { bold: true };

  return Buffer.from(await wb.xlsx.writeBuffer());
}
