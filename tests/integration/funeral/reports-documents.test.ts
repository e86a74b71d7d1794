// The funeral indicators as documents: the PDF read back with pdftotext, the XLSX read back with
// exceljs (counts as numbers, money as yuan), and each print or export in the audit log.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/app';
import { auditRows } from './cemeteries-fixture';
import { COMMERCIAL, PUBLIC_A, reportsWorld, type ReportsWorld } from './reports-fixture';

let w: ReportsWorld;
const dir = tempDir();
beforeAll(async () => {
  w = await reportsWorld();
}, 120_000);
afterAll(() => {
  w.t.close();
  dir.cleanup();
});

const pdfText = (base64: string, name: string): string => {
  const path = join(dir.dir, name);
  writeFileSync(path, Buffer.from(base64, 'base64'));
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
};

/** Every row of a sheet as plain values (rich text and formulas flattened), for searching. */
function rows(ws: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  ws.eachRow((r) => out.push((r.values as unknown[]).slice(1)));
  return out;
}
const rowStarting = (ws: ExcelJS.Worksheet, label: string) => rows(ws).find((r) => r[0] === label);

describe('funeral indicators as PDF and XLSX', () => {
  it('prints the yearly report with the rates, every table and the counting definition', async () => {
    const file = await w.t.must('funeral.reports.pdf', { year: 2026, month: null }, w.reviewer);
    expect(file.fileName).toBe('殡葬统计年报-2026年.pdf');
    expect(file.mimeType).toBe('application/pdf');
    const text = pdfText(file.base64, 'year.pdf');
    for (const s of [
      '永川区民政局',
      '殡葬统计年报',
      '期间尚未结束，数据截至 2026年03月10日',
      '节地生态安葬率',
      '62.50%',
      '公益性安葬设施覆盖率',
      '60.00%',
      '二、按安葬方式',
      '三、分月安葬',
      '四、按公墓',
      PUBLIC_A,
      COMMERCIAL,
      '茶山竹海街道',
      '500118106',
      '节地生态安葬奖补',
      '¥12,000.00', // subsidies not refused
      '¥3,000.00',
      '惠民殡葬减免',
      '¥3,450.00', // waived
      '统计口径说明',
      '2000-01-01 起施行的示例口径',
      '填表人',
      'reviewer',
    ])
      expect(text, s).toContain(s);
    // pdftotext -layout keeps each table row on one line.
    expect(text).toMatch(/墓穴安葬\s+否\s+3\s+0\s+3\s+37\.50%/);
    expect(text).toMatch(/2月\s+2\s+1\s+0\s+1\s+0\s+0\s+0\s+1\s+0\s+0\s+5\s+3\s+60\.00%/);
    expect(auditRows(w.t, 'funeralIndicators').map((a) => [a.action, a.entity_id])).toEqual([['print', '2026']]);

    const month = await w.t.must('funeral.reports.pdf', { year: 2026, month: 2 }, w.manager);
    const monthText = pdfText(month.base64, 'month.pdf');
    expect(month.fileName).toBe('殡葬统计月报-2026年2月.pdf');
    expect(monthText).toContain('殡葬统计月报');
    expect(monthText).not.toContain('分月安葬');
    expect(monthText).toContain('三、按公墓');
    expect(monthText).not.toContain('期间尚未结束');
  });

  it('exports the same tables to Excel with counts as numbers and money as yuan', async () => {
    const file = await w.t.must('funeral.reports.xlsx', { year: 2026, month: null }, w.approver);
    expect(file.fileName).toBe('殡葬统计年报-2026年.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['汇总', '分月', '乡镇覆盖']);

    const summary = wb.getWorksheet('汇总')!;
    expect(summary.getCell(1, 1).value).toBe('永川区民政局 殡葬统计年报');
    expect(rowStarting(summary, '节地生态安葬率')).toEqual(['节地生态安葬率', '62.50%']);
    expect(rowStarting(summary, '公益性安葬设施覆盖率')).toEqual(['公益性安葬设施覆盖率', '60.00%']);
    expect(rowStarting(summary, '墓穴安葬')).toEqual(['墓穴安葬', '否', 3, 0, 3, '37.50%']);
    expect(rowStarting(summary, PUBLIC_A)).toEqual([PUBLIC_A, '农村公益性公墓', 3, 1, '33.33%']);
    // 海葬 appears in the forms table first, then in the subsidies by form.
    expect(rows(summary).filter((r) => r[0] === '海葬')[1]).toEqual(['海葬', 1, 0, 6000, 6000, 0]);
    expect(rowStarting(summary, '已发放')).toEqual(['已发放', 1, 3000]);
    expect(rowStarting(summary, '低保对象')).toEqual(['低保对象', 2, 2300, 2300]);
    const moneyHeader = rows(summary).find((r) => r[0] === '减免类别');
    expect(moneyHeader).toEqual(['减免类别', '人数', '实际费用（元）', '减免金额（元）']);

    const months = wb.getWorksheet('分月')!;
    expect(rowStarting(months, '全年')!.slice(-3)).toEqual([8, 5, '62.50%']);
    expect(rowStarting(months, '1月')!.slice(0, 2)).toEqual(['1月', 1]);

    const coverage = wb.getWorksheet('乡镇覆盖')!;
    expect(rowStarting(coverage, '中山路街道')).toEqual(['中山路街道', '500118102', '是', `${PUBLIC_A}、永川区青峰公益性公墓`]);
    expect(rowStarting(coverage, '合计')).toEqual(['合计', '共 5 个', '覆盖 3 个', '覆盖率 60.00%']);

    expect(auditRows(w.t, 'funeralIndicators').at(-1)).toMatchObject({
      action: 'export',
      entity_id: '2026',
      username: 'approver',
    });
  });
});
