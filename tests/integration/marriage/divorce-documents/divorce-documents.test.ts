// Divorce-by-agreement documents against a real database, read back with poppler's pdftotext.
// The receipt is taken on 2025-09-04, so the cooling-off period runs into the 2025 National Day
// holiday and is extended (the note must be printed); the certificate is issued on 2025-10-10.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { manualClock } from '../../../../main/core/clock';
import type { FileOutput } from '../../../../main/core/contract/fields';
import { openTestApp, type TestApp } from '../../../helpers/app';
import { localNoon, printingRegistry, residentIdOf, signInOn } from '../../../helpers/marriage';

let t: TestApp;
let clerk: string;
let clock: ReturnType<typeof manualClock>;
let marriageId: number;
let dir: string;
let n = 0;

const agreement = {
  children: '婚生子张小明由女方抚养，男方每月支付抚养费 2000 元',
  property: '住房归女方所有',
  debts: '无共同债务',
};

const flat = (s: string) => s.replace(/\s+/g, '');
function pdfText(file: FileOutput): string {
  const path = join(dir, `doc-${++n}.pdf`);
  writeFileSync(path, Buffer.from(file.base64, 'base64'));
  return flat(execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }));
}
const pages = (file: FileOutput) => {
  const path = join(dir, `doc-${++n}.pdf`);
  writeFileSync(path, Buffer.from(file.base64, 'base64'));
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))![1]);
};

/** Moves to another day; the clerk logs in again, as after any night. */
async function moveTo(date: string) {
  clerk = await signInOn(t, clock, date, 'clerk');
}

async function apply(receipt = '2025-09-04') {
  await moveTo(receipt);
  return t.must('marriage.divorce.apply', { marriageId, receiptDate: receipt, agreement, bothPresent: true }, clerk);
}

const prints = () =>
  t.app.db.prepare("SELECT username, entity, entity_id, detail FROM audit_log WHERE action = 'print' ORDER BY id").all() as {
    username: string;
    entity: string;
    entity_id: string;
    detail: string;
  }[];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'divorce-docs-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeEach(async () => {
  clock = manualClock(localNoon('2025-06-01'));
  t = openTestApp({ clock });
  ({ marriageId, clerk } = await printingRegistry(t, clock));
});
afterEach(() => t.close());

describe('divorce documents', () => {
  it('the receipt shows both parties, the marriage certificate, both windows with the holiday extension, and the rules', async () => {
    const d = await apply();
    const text = pdfText(await t.must('marriage.divorce.documents.receipt', { id: d.id }, clerk));
    for (const s of [
      '离婚登记申请受理回执单',
      '重庆市永川区民政局婚姻登记处',
      '张伟',
      '李娜',
      residentIdOf('1990-03-02', 'male'),
      d.marriageCertificateNumber,
      '2025年09月04日',
      // cooling-off 09-05…10-09 (extended past National Day), certificate window 10-10…11-10
      '2025年09月05日至2025年10月09日',
      '2025年10月10日至2025年11月10日',
      '顺延至2025-10-09',
      '任何一方不愿意离婚的',
      '视为撤回离婚登记申请',
      '本人的结婚证',
      '离婚协议书',
      '住房归女方所有',
      '陈登记员',
    ]) {
      expect(text).toContain(flat(s));
    }
  });

  it('the withdrawal confirmation names who withdrew and when; refused before any withdrawal', async () => {
    const d = await apply();
    const early = await t.call('marriage.divorce.documents.withdrawal', { id: d.id }, clerk);
    expect(early.ok ? 'ok' : early.error.message).toContain('不能出具撤回确认单');
    await moveTo('2025-10-09');
    await t.must('marriage.divorce.withdraw', { id: d.id, party: 'female', reason: '双方和好' }, clerk);
    const text = pdfText(await t.must('marriage.divorce.documents.withdrawal', { id: d.id }, clerk));
    for (const s of [
      '撤回离婚登记申请确认单',
      '李娜（女方）于2025年10月09日',
      '张伟',
      '双方和好',
      '2025年09月04日',
      '离婚冷静期',
    ]) {
      expect(text).toContain(flat(s));
    }
  });

  it('the divorce certificate previews both booklets with the L number and 样本; refused before issuance', async () => {
    const d = await apply();
    const early = await t.call('marriage.divorce.documents.certificate', { id: d.id, mode: 'preview', printer: null }, clerk);
    expect(early.ok ? 'ok' : early.error.message).toContain('尚未发给离婚证');
    await moveTo('2025-10-10');
    const issued = await t.must('marriage.divorce.issue', { id: d.id, bothPresent: true }, clerk);
    expect(issued.certificateNumber).toBe('L500118-2025-000001');
    const file = await t.must('marriage.divorce.documents.certificate', { id: d.id, mode: 'preview', printer: null }, clerk);
    expect(file.fileName).toBe('离婚证-L500118-2025-000001-预览.pdf');
    expect(pages(file)).toBe(2);
    const text = pdfText(file);
    for (const s of [
      '离婚证打印预览（样本）',
      '样本',
      '离婚证字号',
      'L500118-2025-000001',
      '2025年10月10日',
      '张伟',
      '李娜',
      '申请离婚',
    ]) {
      expect(text).toContain(flat(s));
    }
    expect(text).not.toContain('结婚证字号');
    const overlay = await t.must(
      'marriage.divorce.documents.certificate',
      { id: d.id, mode: 'overlay', printer: '2号窗口' },
      clerk,
    );
    const o = pdfText(overlay);
    expect(o).toContain('L500118-2025-000001');
    expect(o).not.toContain('样本');
    expect(o).not.toContain('离婚证字号');
  });

  it('every print writes an audit entry naming the document', async () => {
    const d = await apply();
    const before = prints().length;
    await t.must('marriage.divorce.documents.receipt', { id: d.id }, clerk);
    await moveTo('2025-09-10');
    await t.must('marriage.divorce.withdraw', { id: d.id, party: 'male', reason: null }, clerk);
    await t.must('marriage.divorce.documents.withdrawal', { id: d.id }, clerk);
    const rows = prints().slice(before);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ username: 'clerk', entity: 'divorceApplication', entity_id: String(d.id) });
    expect(rows[0]!.detail).toContain('离婚登记申请受理回执单');
    expect(rows[1]!.detail).toContain('撤回离婚登记申请确认单');
    // A refused print is not audited.
    await t.call('marriage.divorce.documents.certificate', { id: d.id, mode: 'preview', printer: null }, clerk);
    expect(prints().length).toBe(before + 2);
  });

  it('needs the marriage.register permission', async () => {
    const d = await apply();
    const admin = (await t.must('auth.login', { username: 'admin', password: 'Admin1234' })).token;
    const r = await t.call('marriage.divorce.documents.receipt', { id: d.id }, admin);
    expect(r.ok ? 'ok' : r.error.code).toBe('FORBIDDEN');
  });
});
