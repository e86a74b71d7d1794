// 补领 certificates printed: the BJ / BL booklet for whoever applied, read back with pdftotext and
// pdfinfo. The marriage is registered on 2025-06-01, a BJ issued on 2025-08-01; the divorce is
// received on 2025-09-04 and issued on 2025-10-10 (as in divorce-documents.test.ts), then a BL.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { manualClock } from '../../../../main/core/clock';
import type { FileOutput } from '../../../../main/core/contract/fields';
import { openTestApp, type TestApp } from '../../../helpers/app';
import { localNoon, printingRegistry, residentIdOf, signInOn } from '../../../helpers/marriage';
import { b64, jpegPhoto } from '../../../fixtures/attachments/images';

let t: TestApp;
let clerk: string;
let clock: ReturnType<typeof manualClock>;
let marriageId: number;
let dir: string;
let n = 0;

const flat = (s: string) => s.replace(/\s+/g, '');
function save(file: FileOutput): string {
  const path = join(dir, `doc-${++n}.pdf`);
  writeFileSync(path, Buffer.from(file.base64, 'base64'));
  return path;
}
const pdfText = (file: FileOutput) => flat(execFileSync('pdftotext', ['-enc', 'UTF-8', save(file), '-'], { encoding: 'utf8' }));
const pageTexts = (file: FileOutput) =>
  execFileSync('pdftotext', ['-enc', 'UTF-8', save(file), '-'], { encoding: 'utf8' })
    .split('\f')
    .filter((p) => p.trim() !== '')
    .map(flat);

async function moveTo(date: string) {
  clerk = await signInOn(t, clock, date, 'clerk');
}

const issue = (kind: 'BJ' | 'BL', applicant: 'male' | 'female' | 'both') =>
  t.must(
    'marriage.replacement.issue',
    { kind, registrationId: marriageId, applicant, reason: 'lost', reasonDetail: null },
    clerk,
  );

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'replacement-docs-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeEach(async () => {
  clock = manualClock(localNoon('2025-06-01'));
  t = openTestApp({ clock });
  ({ marriageId, clerk } = await printingRegistry(t, clock));
});
afterEach(() => t.close());

describe('replacement certificate PDFs', () => {
  it('a BJ for the woman alone: one booklet, her name as holder, the BJ number, 补发 with the original J number, the original date', async () => {
    await moveTo('2025-08-01');
    const r = await issue('BJ', 'female');
    const file = await t.must('marriage.documents.replacement', { id: r.id, mode: 'preview', printer: null }, clerk);
    expect(file.fileName).toBe('补领结婚证-BJ500118-2025-000001-预览.pdf');
    const pages = pageTexts(file);
    expect(pages).toHaveLength(1);
    for (const s of [
      '结婚证打印预览（样本）',
      '第1本，共1本',
      '持证人：李娜（女方）',
      'BJ500118-2025-000001',
      '补发（2025年08月01日），原证字号J500118-2025-000001',
      '2025年06月01日', // the marriage's registration date, not the day of the replacement
      '张伟',
      residentIdOf('1992-07-15', 'female'),
      '陈登记员',
      '样本',
    ]) {
      expect(pages[0]).toContain(flat(s));
    }
  });

  it('a BJ for both: two booklets, man first; the overlay carries the values only and the print is in the record history', async () => {
    await moveTo('2025-08-01');
    const r = await issue('BJ', 'both');
    const preview = pageTexts(
      await t.must('marriage.documents.replacement', { id: r.id, mode: 'preview', printer: null }, clerk),
    );
    expect(preview).toHaveLength(2);
    expect(preview[0]).toContain(flat('第 1 本，共 2 本 持证人：张伟（男方）'));
    expect(preview[1]).toContain(flat('第 2 本，共 2 本 持证人：李娜（女方）'));
    const overlay = await t.must('marriage.documents.replacement', { id: r.id, mode: 'overlay', printer: '2号窗口' }, clerk);
    const text = pdfText(overlay);
    expect(text).toContain('BJ500118-2025-000001');
    expect(text).not.toContain('样本');
    expect(text).not.toContain('持证人'); // labels are pre-printed on the booklet
    const history = await t.must('marriage.history', { registrationId: marriageId }, clerk);
    expect(history.filter((h) => h.action === 'print').map((h) => h.detail)).toEqual([
      '打印补领的结婚证 BJ500118-2025-000001（预览），无合影',
      '打印补领的结婚证 BJ500118-2025-000001（套打，打印机“2号窗口”，偏移 2/-1 mm），无合影',
    ]);
  });

  it('a BJ carries the couple’s current joint photo like the original, and the print says which', async () => {
    await moveTo('2025-08-01');
    const photo = await t.must(
      'marriage.photo.set',
      { registrationId: marriageId, fileName: '合影.jpg', base64: b64(jpegPhoto()) },
      clerk,
    );
    const r = await issue('BJ', 'female');
    const path = save(await t.must('marriage.documents.replacement', { id: r.id, mode: 'preview', printer: null }, clerk));
    const images = execFileSync('pdfimages', ['-list', path], { encoding: 'utf8' })
      .split('\n')
      .slice(2)
      .filter((l) => l.trim());
    expect(images).toHaveLength(1);
    expect(images[0]).toMatch(/\bjpeg\b/);
    const history = await t.must('marriage.history', { registrationId: marriageId }, clerk);
    expect(history.filter((h) => h.action === 'print').map((h) => h.detail)).toEqual([
      `打印补领的结婚证 ${r.certificateNumber}（预览），合影 #${photo.id}`,
    ]);
  });

  it('a BL after the divorce: the divorce booklet with 离婚证字号, the divorce date; the earlier BJ no longer prints', async () => {
    await moveTo('2025-08-01');
    const bj = await issue('BJ', 'male');
    await moveTo('2025-09-04');
    const d = await t.must(
      'marriage.divorce.apply',
      {
        marriageId,
        receiptDate: '2025-09-04',
        agreement: { children: '无子女', property: '各自所有', debts: '无共同债务' },
        bothPresent: true,
      },
      clerk,
    );
    await moveTo('2025-10-10');
    const issued = await t.must('marriage.divorce.issue', { id: d.id, bothPresent: true }, clerk);
    await moveTo('2025-11-03');
    const bl = await issue('BL', 'male');
    const text = pdfText(await t.must('marriage.documents.replacement', { id: bl.id, mode: 'preview', printer: null }, clerk));
    for (const s of [
      '离婚证打印预览（样本）',
      '离婚证字号：BL500118-2025-000001',
      `补发（2025年11月03日），原证字号${issued.certificateNumber!}`,
      '2025年10月10日',
      '持证人：张伟（男方）',
    ]) {
      expect(text).toContain(flat(s));
    }
    const old = await t.call('marriage.documents.replacement', { id: bj.id, mode: 'preview', printer: null }, clerk);
    expect(old.ok ? 'ok' : [old.error.code, old.error.message]).toEqual([
      'RULE_VIOLATION',
      expect.stringContaining('补领的结婚证 BJ500118-2025-000001 不能再打印'),
    ]);
    const missing = await t.call('marriage.documents.replacement', { id: bl.id + 9, mode: 'preview', printer: null }, clerk);
    expect(missing.ok ? 'ok' : missing.error.code).toBe('NOT_FOUND');
  });
});
