import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { subsidyTotals } from '../../../main/funeral/subsidies/service';
import { userWithRoles } from '../../helpers/app';
import { applicationInput, approved, subsidyWorld, withPolicies, type SubsidyWorld } from './subsidies-fixture';

// 申请 → 街道初审 → 区民政审批 → 发放 on a real database: each step by its role, reasons for
// every refusal, four eyes between street review and district approval, batches, and that paid is
// final. Sea scatterings (no plot) keep the set-up short.

let w: SubsidyWorld;
beforeEach(async () => {
  w = await subsidyWorld('2026-03-02', true);
  await withPolicies(w, 2);
});
afterEach(() => w.t.close());

let serial = 100;
const sea = (name = '王德明') =>
  applicationInput({
    name,
    serial: String(serial++),
    deathDate: '2026-02-10',
    cremationDate: '2026-02-12',
    burialDate: '2026-02-28',
  });

const code = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : r.error!.code);

describe('each step by its role', () => {
  it('takes an application from intake to approval, numbered, with every step in its history', async () => {
    const a = await w.t.must('funeral.subsidies.apply', sea(), w.reviewer);
    expect(a).toMatchObject({
      number: 'JB500118-2026-000001',
      status: 'pendingReview',
      statusLabel: '待街道初审',
      receiptDate: '2026-03-02',
      amount: { totalFen: 600_000, familyFen: 600_000, cemeteryFen: 0 },
      policy: { title: '永川区节地生态安葬奖补办法（2026 年修订）', sample: false },
      burial: null,
    });
    const passed = await w.t.must('funeral.subsidies.review', { id: a.id, decision: 'pass', reason: null }, w.reviewer2);
    expect(passed).toMatchObject({ status: 'pendingApproval', streetReview: { by: 'reviewer2' } });
    const done = await w.t.must('funeral.subsidies.approve', { id: a.id, decision: 'approve', reason: '同意' }, w.approver);
    expect(done).toMatchObject({ status: 'approved', approval: { by: 'approver' } });
    expect(done.history.map((h) => [h.label, h.by, h.fromStatus, h.toStatus, h.note])).toEqual([
      ['受理申请', 'reviewer', null, 'pendingReview', '受理，材料齐全，补贴 6000 元'],
      ['街道初审通过', 'reviewer2', 'pendingReview', 'pendingApproval', '初审通过，报区民政审批'],
      ['区民政审批通过', 'approver', 'pendingApproval', 'approved', '同意'],
    ]);
    const audit = w.t.app.db
      .prepare("SELECT action, username FROM audit_log WHERE entity = 'subsidyApplication' ORDER BY id")
      .all() as { action: string; username: string }[];
    expect(audit).toEqual([
      { action: 'create', username: 'reviewer' },
      { action: 'status', username: 'reviewer2' },
      { action: 'status', username: 'approver' },
    ]);
  });

  it('refuses steps to the wrong role: cemetery managers and administrators see nothing, reviewers cannot approve', async () => {
    const manager = await w.t.call('funeral.subsidies.apply', sea(), w.manager);
    const admin = await w.t.call('funeral.subsidies.list', { status: null, query: null }, w.admin);
    expect([code(manager), code(admin)]).toEqual(['FORBIDDEN', 'FORBIDDEN']);
    const a = await w.t.must('funeral.subsidies.apply', sea(), w.reviewer);
    await w.t.must('funeral.subsidies.review', { id: a.id, decision: 'pass', reason: null }, w.reviewer);
    const byReviewer = await w.t.call('funeral.subsidies.approve', { id: a.id, decision: 'approve', reason: null }, w.reviewer2);
    expect(byReviewer.ok ? 'ok' : byReviewer.error.message).toBe('您没有“殡葬补贴审批与发放”权限，无法执行此操作');
    const batch = await w.t.call('funeral.subsidies.batches.create', { title: '第一批', applicationIds: [a.id] }, w.reviewer);
    expect(code(batch)).toBe('FORBIDDEN');
  });

  it('never lets the street reviewer approve the same application, even when they hold the approver role', async () => {
    const a = await w.t.must('funeral.subsidies.apply', sea(), w.reviewer);
    // The approver role includes street review; having done it, that approver may not decide at district level.
    await w.t.must('funeral.subsidies.review', { id: a.id, decision: 'pass', reason: null }, w.approver);
    for (const decision of ['approve', 'reject'] as const) {
      const self = await w.t.call('funeral.subsidies.approve', { id: a.id, decision, reason: '理由充分' }, w.approver);
      expect(self.ok ? 'ok' : self.error).toMatchObject({ code: 'FORBIDDEN' });
      expect(self.ok ? '' : self.error.message).toContain('您是申请 JB500118-2026-000001 的街道初审人，不能再作区民政审批');
    }
    expect(
      (await w.t.must('funeral.subsidies.approve', { id: a.id, decision: 'approve', reason: null }, w.approver2)).status,
    ).toBe('approved');
  });

  it('needs a reason for every rejection, keeps it, and frees nothing else', async () => {
    const a = await w.t.must('funeral.subsidies.apply', sea(), w.reviewer);
    const bare = await w.t.call('funeral.subsidies.review', { id: a.id, decision: 'reject', reason: null }, w.reviewer);
    expect(bare.ok ? 'ok' : bare.error).toMatchObject({ code: 'INVALID_INPUT', field: 'reason' });
    const street = await w.t.must(
      'funeral.subsidies.review',
      { id: a.id, decision: 'reject', reason: '户籍注销证明系伪造' },
      w.reviewer,
    );
    expect(street).toMatchObject({
      status: 'rejected',
      rejection: { stage: 'street', reason: '户籍注销证明系伪造', by: 'reviewer' },
    });
    const again = await w.t.call('funeral.subsidies.review', { id: a.id, decision: 'pass', reason: null }, w.reviewer);
    expect(again.ok ? 'ok' : again.error.message).toContain('已不予补贴，办理已终结');

    const b = await w.t.must('funeral.subsidies.apply', sea('张秀兰'), w.reviewer);
    await w.t.must('funeral.subsidies.review', { id: b.id, decision: 'pass', reason: null }, w.reviewer);
    const noReason = await w.t.call('funeral.subsidies.approve', { id: b.id, decision: 'reject', reason: ' ' }, w.approver);
    expect(code(noReason)).toBe('INVALID_INPUT');
    const district = await w.t.must(
      'funeral.subsidies.approve',
      { id: b.id, decision: 'reject', reason: '已享受其他地区奖补' },
      w.approver,
    );
    expect(district.rejection).toMatchObject({ stage: 'district', reason: '已享受其他地区奖补', by: 'approver' });
    expect(district.history.at(-1)).toMatchObject({ label: '区民政审批不予批准', note: '已享受其他地区奖补' });
  });

  it('approves only what street review passed', async () => {
    const a = await w.t.must('funeral.subsidies.apply', sea(), w.reviewer);
    const early = await w.t.call('funeral.subsidies.approve', { id: a.id, decision: 'approve', reason: null }, w.approver);
    expect(early.ok ? 'ok' : early.error.message).toContain('当前为“待街道初审”，不在区民政审批阶段');
  });
});

describe('work lists', () => {
  it('count by status, find by number, name or ID, and mask ID numbers', async () => {
    const a = await approved(w, sea('赵桂芳'));
    await w.t.must('funeral.subsidies.apply', sea('钱永强'), w.reviewer);
    const all = await w.t.must('funeral.subsidies.list', { status: null, query: null }, w.reviewer);
    expect(all.total).toBe(2);
    expect(all.counts).toMatchObject({ approved: 1, pendingReview: 1, paid: 0 });
    expect(all.unbatched).toBe(1);
    expect(all.rows.every((r) => /^500118\*{8}\w{4}$/.test(r.deceasedIdNumber))).toBe(true);
    expect((await w.t.must('funeral.subsidies.list', { status: null, query: '赵' }, w.reviewer)).rows.map((r) => r.id)).toEqual([
      a.id,
    ]);
    expect((await w.t.must('funeral.subsidies.list', { status: null, query: a.number }, w.reviewer)).total).toBe(1);
    expect((await w.t.must('funeral.subsidies.list', { status: null, query: a.deceased.idNumber }, w.reviewer)).total).toBe(1);
    expect(
      (await w.t.must('funeral.subsidies.list', { status: 'pendingReview', query: null }, w.reviewer)).rows[0]!.deceasedName,
    ).toBe('钱永强');
  });

  it('show the bank account in full only to the district approver', async () => {
    const a = await w.t.must('funeral.subsidies.apply', sea(), w.reviewer);
    expect((await w.t.must('funeral.subsidies.get', { id: a.id }, w.reviewer)).bank).toMatchObject({
      accountNumber: '***************0123',
      masked: true,
    });
    expect((await w.t.must('funeral.subsidies.get', { id: a.id }, w.approver)).bank).toMatchObject({
      accountNumber: '6217001234567890123',
      masked: false,
    });
  });
});

describe('payment batches', () => {
  it('take only approved applications, once; paid locks the batch and every application in it', async () => {
    const a = await approved(w, sea('孙立新'));
    const b = await approved(w, sea('周美华'));
    const pending = await w.t.must('funeral.subsidies.apply', sea('吴国庆'), w.reviewer);
    const wrong = await w.t.call(
      'funeral.subsidies.batches.create',
      { title: '第一批', applicationIds: [a.id, pending.id] },
      w.approver,
    );
    expect(wrong.ok ? 'ok' : wrong.error.message).toContain(`${pending.number}（待街道初审）`);

    const batch = await w.t.must(
      'funeral.subsidies.batches.create',
      { title: '2026年3月第一批', applicationIds: [a.id, b.id] },
      w.approver,
    );
    expect(batch).toMatchObject({ number: 'FF-2026-0001', status: 'open', count: 2, amount: { totalFen: 1_200_000 } });
    const twice = await w.t.call('funeral.subsidies.batches.create', { title: '重复', applicationIds: [a.id] }, w.approver);
    expect(twice.ok ? 'ok' : twice.error.message).toContain('已在其他批次');

    const removed = await w.t.must('funeral.subsidies.batches.remove', { batchId: batch.id, applicationId: b.id }, w.approver);
    expect(removed.count).toBe(1);
    await w.t.must('funeral.subsidies.batches.create', { title: '2026年3月第二批', applicationIds: [b.id] }, w.approver);

    const future = await w.t.call(
      'funeral.subsidies.batches.markPaid',
      { id: batch.id, paidOn: '2026-03-03', reference: 'ZF-1' },
      w.approver,
    );
    expect(future.ok ? 'ok' : future.error).toMatchObject({ field: 'paidOn' });
    const paid = await w.t.must(
      'funeral.subsidies.batches.markPaid',
      { id: batch.id, paidOn: '2026-03-02', reference: 'ZF20260302-01' },
      w.approver,
    );
    expect(paid).toMatchObject({ status: 'paid', paid: { on: '2026-03-02', reference: 'ZF20260302-01', by: 'approver' } });
    const view = await w.t.must('funeral.subsidies.get', { id: a.id }, w.reviewer);
    expect(view).toMatchObject({
      status: 'paid',
      paid: { on: '2026-03-02', reference: 'ZF20260302-01' },
      batch: { number: 'FF-2026-0001' },
    });
    expect(view.history.at(-1)!.note).toBe('批次 FF-2026-0001 于 2026-03-02 发放，凭证 ZF20260302-01');

    const repay = await w.t.call(
      'funeral.subsidies.batches.markPaid',
      { id: batch.id, paidOn: '2026-03-02', reference: 'ZF-2' },
      w.approver,
    );
    expect(repay.ok ? 'ok' : repay.error.message).toContain('已锁定');
    const remove = await w.t.call('funeral.subsidies.batches.remove', { batchId: batch.id, applicationId: a.id }, w.approver);
    expect(remove.ok ? 'ok' : remove.error.message).toContain('已锁定');
    const reject = await w.t.call('funeral.subsidies.approve', { id: a.id, decision: 'reject', reason: '事后撤销' }, w.approver2);
    expect(reject.ok ? 'ok' : reject.error.message).toContain('已发放，已锁定');
    const docs = await w.t.call('funeral.subsidies.updateDocuments', { id: a.id, documents: [] }, w.reviewer);
    expect(docs.ok ? 'ok' : docs.error.message).toContain('已发放，已锁定');
    // The deceased stays taken: a paid subsidy blocks any new claim.
    const dup = await w.t.call(
      'funeral.subsidies.apply',
      { ...sea('孙立新'), deceased: { ...sea('孙立新').deceased, idNumber: a.deceased.idNumber } },
      w.reviewer,
    );
    expect(dup.ok ? 'ok' : dup.error.message).toContain(`${a.number}（已发放`);
    expect(() => w.t.app.db.prepare('UPDATE subsidy_applications SET family_fen = 1 WHERE id = ?').run(a.id)).toThrow(/locked/);
  });
});

describe('subsidyTotals', () => {
  it('sums per form and status over the receipt dates asked for', async () => {
    await approved(w, sea('郑一'));
    await approved(w, sea('郑二'));
    await w.t.must(
      'funeral.subsidies.apply',
      applicationInput({ form: 'deepBurial', serial: String(serial++), deathDate: '2026-02-10', burialDate: '2026-02-20' }),
      w.reviewer,
    );
    expect(subsidyTotals(w.t.app, '2026-03-01', '2026-03-31')).toEqual([
      { form: 'deepBurial', status: 'pendingReview', count: 1, amountFen: 300_000 },
      { form: 'seaScattering', status: 'approved', count: 2, amountFen: 1_200_000 },
    ]);
    expect(subsidyTotals(w.t.app, '2026-04-01', '2026-04-30')).toEqual([]);
    const auditor = await userWithRoles(w.t, w.admin, 'auditor1', ['auditor']);
    expect(code(await w.t.call('funeral.subsidies.get', { id: 1 }, auditor))).toBe('FORBIDDEN');
  });
});
