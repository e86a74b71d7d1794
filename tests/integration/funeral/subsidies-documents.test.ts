// The subsidy documents from a real database, read back the way a viewer sees them: the approval
// notice and the payment roster with poppler's pdftotext / pdfinfo, the roster workbook with
// exceljs. Masking differs by role: ID numbers are always masked; bank accounts are shown in full
// only to the district approver.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FileOutput } from '../../../main/core/contract/fields';
import { amountInWords } from '../../../main/funeral/subsidies/documents/words';
import { burialInput, createCemetery, generateInput, plotByLabel } from './cemeteries-fixture';
import { applicationInput, approved, subsidyWorld, withPolicies, type SubsidyWorld } from './subsidies-fixture';

let w: SubsidyWorld;
let dir: string;
let n = 0;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'subsidy-docs-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeEach(async () => {
  w = await subsidyWorld('2026-03-02');
  const s = await w.t.must('settings.get', {}, w.admin);
  await w.t.must('settings.update', { ...s, officeName: '重庆市永川区民政局', divisionCode: '500118' }, w.admin);
  await withPolicies(w, 2);
});
afterEach(() => w.t.close());

function save(file: FileOutput): string {
  const path = join(dir, `doc-${++n}.pdf`);
  writeFileSync(path, Buffer.from(file.base64, 'base64'));
  return path;
}
const text = (file: FileOutput, page?: number) =>
  execFileSync(
    'pdftotext',
    ['-layout', '-enc', 'UTF-8', ...(page ? ['-f', String(page), '-l', String(page)] : []), save(file), '-'],
    {
      encoding: 'utf8',
    },
  ).replace(/\s+/g, '');
const pages = (file: FileOutput) =>
  Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [save(file)], { encoding: 'utf8' }))![1]);

let serial = 200;
const sea = (name: string, over: { accountNumber?: string } = {}) => {
  const i = applicationInput({
    name,
    serial: String(serial++),
    deathDate: '2026-02-10',
    cremationDate: '2026-02-12',
    burialDate: '2026-02-28',
  });
  return { ...i, bank: { ...i.bank, accountName: name, ...(over.accountNumber ? { accountNumber: over.accountNumber } : {}) } };
};

describe('amount in words', () => {
  it('writes 人民币大写 with 零, 角 and 分 where they belong', () => {
    expect(amountInWords(500_000)).toBe('伍仟元整');
    expect(amountInWords(123_456)).toBe('壹仟贰佰叁拾肆元伍角陆分');
    expect(amountInWords(1_200_000_00)).toBe('壹佰贰拾万元整');
    expect(amountInWords(100_050_00)).toBe('壹拾万零伍拾元整');
    expect(amountInWords(1_205)).toBe('壹拾贰元零伍分');
    expect(amountInWords(50)).toBe('伍角整');
    expect(amountInWords(0)).toBe('零元整');
  });
});

describe('the approval notice', () => {
  it('states the policy, the amount in figures and words, the masked ID and account, and who decided', async () => {
    const a = await approved(w, sea('王德明'));
    const file = await w.t.must('funeral.subsidies.notice.pdf', { id: a.id }, w.reviewer);
    expect(file.fileName).toBe(`奖补审批通知书-${a.number}.pdf`);
    const t = text(file);
    for (const s of [
      '节地生态安葬奖补审批通知书',
      `编号：${a.number}`,
      '王德明',
      '《永川区节地生态安葬奖补办法（2026年修订）》',
      '¥6,000.00（人民币陆仟元整）',
      '500118********',
      '***************0123（仅显示后四位）',
      '重庆农村商业银行永川支行',
      'reviewer（通过）',
      'approver（批准）',
      '重庆市永川区民政局',
      '2026年03月02日',
    ])
      expect(t).toContain(s.replace(/\s+/g, ''));
    expect(t).not.toContain(a.deceased.idNumber);
    expect(t).not.toContain('6217001234567890123');
    expect(t).not.toContain('示例政策');
  });

  it('is only for approved applications, and every print is audited', async () => {
    const a = await w.t.must('funeral.subsidies.apply', sea('李秀英'), w.reviewer);
    const early = await w.t.call('funeral.subsidies.notice.pdf', { id: a.id }, w.reviewer);
    expect(early.ok ? 'ok' : early.error.message).toContain('批准后才能出具审批通知书');
    const b = await approved(w, sea('张桂英'));
    await w.t.must('funeral.subsidies.notice.pdf', { id: b.id }, w.approver);
    const prints = w.t.app.db
      .prepare("SELECT username, entity_id, detail FROM audit_log WHERE action = 'print' ORDER BY id")
      .all() as { username: string; entity_id: string; detail: string }[];
    expect(prints).toEqual([
      { username: 'approver', entity_id: String(b.id), detail: `打印节地生态安葬奖补审批通知书（${b.number}，张桂英）` },
    ]);
  });

  it('says so when the policy is the shipped sample', async () => {
    await w.t.must('funeral.subsidies.policies.loadSample', {}, w.approver);
    const i = applicationInput({
      name: '赵示例',
      serial: '299',
      deathDate: '2026-02-10',
      burialDate: '2026-02-28',
      household: '610104001001',
    });
    const a = await approved(w, { ...i, areaCode: '610100', deceased: { ...i.deceased } });
    expect(a.policy.sample).toBe(true);
    expect(text(await w.t.must('funeral.subsidies.notice.pdf', { id: a.id }, w.reviewer))).toContain(
      '示例政策”生成，仅供演示和培训，不作为发放依据',
    );
  });
});

describe('the payment roster', () => {
  async function batchOf(count: number) {
    const ids: number[] = [];
    for (let i = 0; i < count; i++) ids.push((await approved(w, sea(`逝者${String(i + 1).padStart(2, '0')}`))).id);
    return w.t.must('funeral.subsidies.batches.create', { title: '2026年3月第一批', applicationIds: ids }, w.approver);
  }

  it('masks bank accounts for the street reviewer and shows them in full to the approver; IDs masked for both', async () => {
    const batch = await batchOf(2);
    const forReviewer = text(await w.t.must('funeral.subsidies.roster.pdf', { batchId: batch.id }, w.reviewer));
    const forApprover = text(await w.t.must('funeral.subsidies.roster.pdf', { batchId: batch.id }, w.approver));
    expect(forReviewer).toContain('***************0123');
    expect(forReviewer).not.toContain('6217001234567890123');
    expect(forReviewer).toContain('身份证号码、银行账号已脱敏');
    expect(forApprover).toContain('6217001234567890123');
    expect(forApprover).toContain('银行账号为完整账号，仅供办理转账，注意保密');
    for (const t of [forReviewer, forApprover]) {
      expect(t).toMatch(/500118\*{8}\w{4}/);
      expect(t).not.toMatch(/50011819\d{10}/);
    }
    const prints = w.t.app.db
      .prepare("SELECT username, detail FROM audit_log WHERE action = 'print' AND entity = 'subsidyBatch' ORDER BY id")
      .all();
    expect(prints).toEqual([
      { username: 'reviewer', detail: '打印发放花名册 FF-2026-0001（2 人，银行账号已脱敏）' },
      { username: 'approver', detail: '打印发放花名册 FF-2026-0001（2 人，含完整银行账号）' },
    ]);
  });

  it('runs over pages with the header on each, page subtotals, the total in words and the signature lines', async () => {
    const batch = await batchOf(26);
    const file = await w.t.must('funeral.subsidies.roster.pdf', { batchId: batch.id }, w.approver);
    expect(pages(file)).toBe(2);
    for (const p of [1, 2]) {
      const t = text(file, p);
      expect(t).toContain('节地生态安葬奖补发放花名册');
      expect(t).toContain('批次编号：FF-2026-0001');
      expect(t).toContain('逝者身份证号码');
      expect(t).toContain(`第${p}页共2页`);
    }
    const first = text(file, 1);
    const last = text(file, 2);
    expect(first).toContain('逝者23');
    expect(first).not.toContain('逝者24');
    expect(first).toContain('本页小计（23人）138,000.00');
    expect(last).toContain('本页小计（3人）18,000.00');
    expect(last).toContain('合计（26人）156,000.00');
    expect(last).toContain('人民币壹拾伍万陆仟元整');
    for (const s of ['制表人', '审核人', '审批人（分管领导）', '财务经办人']) expect(last).toContain(s);
  });

  it('exports the same roster as a workbook: numbers as numbers, accounts as text, masked per role', async () => {
    const batch = await batchOf(3);
    const file = await w.t.must('funeral.subsidies.roster.xlsx', { batchId: batch.id }, w.reviewer);
    expect(file).toMatchObject({ fileName: '奖补发放花名册-FF-2026-0001.xlsx' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('花名册')!;
    expect(ws.getRow(4).values).toEqual([
      undefined,
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
    ]);
    const row = ws.getRow(5).values as unknown[];
    expect(row.slice(1, 12)).toEqual([
      1,
      'JB500118-2026-000001',
      '逝者01',
      expect.stringMatching(/^500118\*{8}\w{4}$/),
      '海葬',
      '逝者01',
      '重庆农村商业银行永川支行',
      '***************0123',
      6000,
      0,
      6000,
    ]);
    expect(ws.getRow(8).getCell(1).value).toBe('合计（3 人）');
    expect(ws.getRow(8).getCell(11).value).toBe(18000);
    expect(String(ws.getRow(9).getCell(1).value)).toBe('合计金额（大写）：人民币壹万捌仟元整');

    const full = await w.t.must('funeral.subsidies.roster.xlsx', { batchId: batch.id }, w.approver);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(Buffer.from(full.base64, 'base64') as unknown as ArrayBuffer);
    expect(wb2.getWorksheet('花名册')!.getRow(5).getCell(8).value).toBe('6217001234567890123');
    const exports = w.t.app.db
      .prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'export' AND entity = 'subsidyBatch'")
      .get();
    expect(exports).toEqual({ n: 2 });
  });

  it('lists what goes to each cemetery when the policy splits the subsidy', async () => {
    // A tree burial: ¥2,000 to the family, ¥1,000 to the cemetery.
    const cemeteryId = (await createCemetery(w)).id;
    await w.t.must(
      'funeral.plots.generate',
      generateInput(cemeteryId, { sectionCode: 'T', plotType: 'tree', rowTo: 1, numberTo: 1 }),
      w.manager,
    );
    const plot = await plotByLabel(w, cemeteryId, 'T区1排1号');
    const b = await w.t.must(
      'funeral.burials.register',
      burialInput(plot.id, { serial: '311', burialDate: '2026-02-20', deathDate: '2026-02-15', form: 'tree' }),
      w.manager,
    );
    const a = await approved(w, {
      ...applicationInput({ form: 'tree', burialId: b.id, serial: '311', burialDate: '2026-02-20', deathDate: '2026-02-15' }),
    });
    const batch = await w.t.must('funeral.subsidies.batches.create', { title: '树葬', applicationIds: [a.id] }, w.approver);
    const t = text(await w.t.must('funeral.subsidies.roster.pdf', { batchId: batch.id }, w.approver));
    expect(t).toContain('补给公墓部分（按公墓拨付）');
    expect(t).toContain('永川区松柏公益性公墓11,000.00');
    expect(t).toContain('合计（1人）2,000.001,000.003,000.00');
  });
});
