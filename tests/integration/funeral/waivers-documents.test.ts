// The monthly settlement sheet as files: the PDF read back with poppler's pdftotext (a month long
// enough to run onto a second page, whose table repeats its header), and the workbook read back
// with exceljs. Both mask ID numbers and carry the totals; printing and exporting are audited.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileOutput } from '../../../main/core/contract/fields';
import type { WaiverView } from '../../../main/funeral/waivers/contract';
import { deceasedId, localNoon, waiverInput, waiverWorld, type WaiverWorld } from './waivers-fixture';

let w: WaiverWorld;
let dir: string;
const recorded: WaiverView[] = [];
const ROWS = 32;

const flat = (s: string) => s.replace(/[ \t\u3000]+/g, ' ');
function pdfText(file: FileOutput, pages?: [number, number]): string {
  const path = join(dir, `sheet-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(path, Buffer.from(file.base64, 'base64'));
  const range = pages ? ['-f', String(pages[0]), '-l', String(pages[1])] : [];
  return flat(execFileSync('pdftotext', ['-enc', 'UTF-8', ...range, path, '-'], { encoding: 'utf8' }));
}
function pageCount(file: FileOutput): number {
  const path = join(dir, `count-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(path, Buffer.from(file.base64, 'base64'));
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))![1]);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'waiver-docs-'));
  w = await waiverWorld('2026-05-25');
  const names = ['张德明', '李秀兰', '王建国', '赵桂芳', '陈志强', '刘淑珍', '杨国华', '黄玉梅'];
  for (let i = 0; i < ROWS; i++) {
    const local = i % 4 === 3;
    recorded.push(
      await w.t.must(
        'funeral.waivers.record',
        waiverInput(w.homeId, {
          deceasedName: `${names[i % names.length]}${['', '甲', '乙', '丙'][Math.floor(i / names.length)]}`,
          deceasedIdNumber: deceasedId(`19${30 + i}0${(i % 9) + 1}15`, String(11 + 2 * i).padStart(3, '0')),
          deathDate: `2026-05-${String((i % 20) + 1).padStart(2, '0')}`,
          categoryCode: local ? 'localResident' : 'minimumLiving',
          evidenceRef: local ? '户籍证明' : `低保 ${i}`,
          lines: [
            { itemCode: 'bodyTransport', quantity: 1, actualFen: 45000 + i * 100 },
            { itemCode: 'bodyStorage', quantity: 2, actualFen: 16000 },
            { itemCode: 'cremation', quantity: 1, actualFen: 65000 },
            ...(i % 2 === 0 ? [{ itemCode: 'urn', quantity: 1, actualFen: 60000 }] : []),
          ],
        }),
        w.reviewer,
      ),
    );
  }
}, 180_000);
afterAll(() => {
  w.t.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('settlement sheet PDF', () => {
  it('lists every waiver with masked IDs and totals, repeating the table header on every page', async () => {
    const pdf = await w.t.must('funeral.waivers.settlementPdf', { funeralHomeId: w.homeId, month: '2026-05' }, w.reviewer);
    expect(pdf.fileName).toBe('惠民殡葬减免结算单-永川区殡仪馆-2026-05.pdf');
    // WAIVER_SHEET_PNG=<prefix>: also render the pages to PNG, to look at the layout.
    if (process.env.WAIVER_SHEET_PNG) {
      writeFileSync(join(dir, 'keep.pdf'), Buffer.from(pdf.base64, 'base64'));
      execFileSync('pdftoppm', ['-png', '-r', '70', join(dir, 'keep.pdf'), process.env.WAIVER_SHEET_PNG]);
    }
    const pages = pageCount(pdf);
    expect(pages).toBeGreaterThanOrEqual(2);
    const text = pdfText(pdf);
    expect(text).toContain('惠民殡葬基本服务费用减免结算单');
    expect(text).toContain('永川区民政局');
    expect(text).toContain('殡仪馆：永川区殡仪馆');
    expect(text).toContain('结算月份：2026年5月');
    expect(text).toContain(`共 ${ROWS} 笔`);
    expect(text).toContain('未确认结算');
    // Sample standard: the sheet says so.
    expect(text).toContain('示例数据，请按本地政策修改');
    for (const v of recorded) {
      expect(text).toContain(v.number);
      expect(text).toContain(v.deceasedIdMasked);
      expect(text).not.toContain(v.deceasedIdNumber);
    }
    const sheet = await w.t.must('funeral.waivers.settlement', { funeralHomeId: w.homeId, month: '2026-05' }, w.reviewer);
    const yuan = (fen: number) => (fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2 });
    expect(text).toContain(yuan(sheet.totals.waivedFen));
    expect(text).toContain(yuan(sheet.totals.actualFen));
    expect(text).toMatch(/减免合计（大写）：[零壹贰叁肆伍陆柒捌玖拾佰仟万元角分整]+/);
    expect(text).toContain('殡仪馆（盖章）');
    expect(text).toContain('民政部门（盖章）');
    expect(text).toContain('制表人：reviewer');
    // Every page after the first: the running title and the table header again.
    for (let p = 2; p <= pages; p++) {
      const page = pdfText(pdf, [p, p]);
      expect(page).toContain(`（续，第 ${p} 页）`);
      expect(page).toContain('减免编号');
      expect(page).toContain('身份证号码');
      expect(page).toContain('遗体火化');
    }
  });

  it('prints the settlement once the month is settled', async () => {
    w.clock.set(localNoon('2026-06-01'));
    const approver = (await w.t.must('auth.login', { username: 'approver', password: 'Passw0rd9' })).token;
    const sheet = await w.t.must('funeral.waivers.settlement', { funeralHomeId: w.homeId, month: '2026-05' }, approver);
    await w.t.must(
      'funeral.waivers.settle',
      { funeralHomeId: w.homeId, month: '2026-05', expectedCount: sheet.totals.count, expectedWaivedFen: sheet.totals.waivedFen },
      approver,
    );
    const text = pdfText(
      await w.t.must('funeral.waivers.settlementPdf', { funeralHomeId: w.homeId, month: '2026-05' }, approver),
    );
    expect(text).toContain('已于 2026年06月01日 确认结算（approver）');
    const audit = w.t.app.db
      .prepare("SELECT action FROM audit_log WHERE entity = 'funeralWaiverSettlement' ORDER BY id")
      .all() as { action: string }[];
    expect(audit.map((a) => a.action)).toEqual(['print', 'status', 'print']);
  });
});

describe('settlement sheet workbook', () => {
  it('reads back with the same rows, amounts as numbers and masked IDs', async () => {
    // (The clock stands on 1 June now: yesterday's session has ended.)
    const reviewer = (await w.t.must('auth.login', { username: 'reviewer', password: 'Passw0rd9' })).token;
    const file = await w.t.must('funeral.waivers.settlementXlsx', { funeralHomeId: w.homeId, month: '2026-05' }, reviewer);
    expect(file.fileName).toBe('惠民殡葬减免结算单-永川区殡仪馆-2026-05.xlsx');
    expect(file.mimeType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('结算单')!;
    expect(String(ws.getCell(1, 1).value)).toContain('惠民殡葬基本服务费用减免结算单');
    expect(String(ws.getCell(2, 1).value)).toContain('殡仪馆：永川区殡仪馆');
    const header = (ws.getRow(4).values as unknown[]).slice(1);
    expect(header).toEqual([
      '序号',
      '减免编号',
      '逝者姓名',
      '身份证号码',
      '死亡日期',
      '减免类别',
      '遗体接运（元）',
      '遗体冷藏暂存（元）',
      '遗体火化（元）',
      '骨灰盒（元）',
      '实际费用（元）',
      '减免合计（元）',
      '家属自付（元）',
    ]);
    const sheet = await w.t.must('funeral.waivers.settlement', { funeralHomeId: w.homeId, month: '2026-05' }, reviewer);
    sheet.rows.forEach((r, i) => {
      const row = ws.getRow(5 + i);
      expect(row.getCell(2).value).toBe(r.number);
      expect(row.getCell(4).value).toBe(r.deceasedIdMasked);
      expect(row.getCell(4).value).toMatch(/^500118\*{8}\d{3}[\dX]$/);
      expect(row.getCell(12).value).toBe(r.waivedFen / 100);
      expect(row.getCell(10).value).toBe(r.waivedByItem.urn === undefined ? null : r.waivedByItem.urn / 100);
    });
    const total = ws.getRow(5 + sheet.rows.length);
    expect(total.getCell(2).value).toBe('合计');
    expect(total.getCell(12).value).toBe(sheet.totals.waivedFen / 100);
    expect(total.getCell(11).value).toBe(sheet.totals.actualFen / 100);
    const sum = sheet.rows.reduce((s, r) => s + r.waivedFen, 0);
    expect(sheet.totals.waivedFen).toBe(sum);

    const cats = wb.getWorksheet('分类汇总')!;
    expect((cats.getRow(2).values as unknown[]).slice(1)).toEqual(['低保对象', 24, sheet.byCategory[0]!.waivedFen / 100]);
    expect((cats.getRow(3).values as unknown[]).slice(1)).toEqual(['本地户籍居民', 8, sheet.byCategory[1]!.waivedFen / 100]);
    const exported = w.t.app.db
      .prepare("SELECT COUNT(*) AS n FROM audit_log WHERE entity = 'funeralWaiverSettlement' AND action = 'export'")
      .get() as { n: number };
    expect(exported.n).toBe(1);
  });
});
