import type { AppContext } from '../../core/app';
import { recordAudit } from '../../core/audit/service';
import { writeTransaction } from '../../core/db/connection';
import { ServiceError } from '../../core/errors';
import type { HandlerContext } from '../../core/handler';
import { localTodayIso } from '../../core/idnumber/dates';
import { allocateNumber } from '../../core/numbering/service';
import { applicationStatusLabels, type BatchRow, type BatchView } from './contract';
import {
  allBatches,
  applicationById,
  applicationsOfBatch,
  batchById,
  batchSums,
  insertBatch,
  insertStep,
  updateApplication,
  updateBatch,
  type BatchRow as StoredBatch,
} from './data';
import { applicationRowView, batchRowView } from './views';

// 发放: the district approver groups approved applications into a payment batch, prints the
// roster for the bank transfer, and records the batch as paid (date and payment reference). Paid
// is final for the batch and every application in it (triggers in migration 0013 hold it too).

const today = (app: AppContext): string => localTodayIso(app.clock.now());

function requireBatch(app: AppContext, id: number): StoredBatch {
  const b = batchById(app.db, id);
  if (!b) throw new ServiceError('NOT_FOUND', '未找到该发放批次');
  return b;
}

export function batchView(app: AppContext, id: number): BatchView {
  const b = requireBatch(app, id);
  const rows = applicationsOfBatch(app.db, id);
  const numbers = new Map([[b.id, b.number]]);
  return { ...batchRowView(app, b), applications: rows.map((r) => applicationRowView(r, numbers)) };
}

export function listBatches(app: AppContext): BatchRow[] {
  const sums = batchSums(app.db);
  return allBatches(app.db).map((b) => batchRowView(app, b, sums.get(b.id) ?? { n: 0, family: 0, cemetery: 0 }));
}

export function createBatch(ctx: HandlerContext, input: { title: string; applicationIds: number[] }): BatchView {
  const { app, actor } = ctx;
  return writeTransaction(app.db, () => {
    const ids = [...new Set(input.applicationIds)];
    const rows = ids.map((id) => {
      const r = applicationById(app.db, id);
      if (!r) throw new ServiceError('NOT_FOUND', `未找到编号为 ${id} 的奖补申请`, 'applicationIds');
      return r;
    });
    const unfit = rows.filter((r) => r.status !== 'approved' || r.batch_id !== null);
    if (unfit.length > 0) {
      throw new ServiceError(
        'RULE_VIOLATION',
        `只有已批准且未编入批次的申请才能编入发放批次：${unfit
          .slice(0, 5)
          .map((r) => `${r.number}（${r.batch_id !== null ? '已在其他批次' : applicationStatusLabels[r.status]}）`)
          .join('、')}${unfit.length > 5 ? ` 等 ${unfit.length} 件` : ''}`,
        'applicationIds',
      );
    }
    const now = app.clock.now().toISOString();
    const id = insertBatch(app.db, {
      number: '（编号分配中）',
      title: input.title,
      status: 'open',
      created_at: now,
      created_by: actor.userId,
      paid_on: null,
      payment_reference: null,
      paid_by: null,
      paid_at: null,
    });
    const number = allocateNumber(
      app.db,
      app.clock,
      actor,
      { series: `FF-${today(app).slice(0, 4)}`, width: 4 },
      { entity: 'subsidyBatch', entityId: id },
    );
    updateBatch(app.db, id, { number });
    for (const r of rows) {
      updateApplication(app.db, r.id, { batch_id: id, updated_at: now });
      insertStep(app.db, {
        application_id: r.id,
        step: 'batch',
        from_status: r.status,
        to_status: r.status,
        at: now,
        user_id: actor.userId,
        note: `编入发放批次 ${number}`,
      });
      recordAudit(app.db, app.clock, actor, {
        action: 'update',
        entity: 'subsidyApplication',
        entityId: r.id,
        before: { batch: null },
        after: { batch: number },
        detail: `${r.number} 编入发放批次 ${number}`,
      });
    }
    const view = batchView(app, id);
    recordAudit(app.db, app.clock, actor, {
      action: 'create',
      entity: 'subsidyBatch',
      entityId: id,
      after: { number, title: input.title, count: view.count, amount: view.amount, applications: rows.map((r) => r.number) },
    });
    return view;
  });
}

export function removeFromBatch(ctx: HandlerContext, batchId: number, applicationId: number): BatchView {
  const { app, actor } = ctx;
  return writeTransaction(app.db, () => {
    const b = requireBatch(app, batchId);
    if (b.status === 'paid') throw new ServiceError('RULE_VIOLATION', `批次 ${b.number} 已发放，已锁定`);
    const r = applicationById(app.db, applicationId);
    if (!r || r.batch_id !== b.id) throw new ServiceError('NOT_FOUND', `批次 ${b.number} 中没有该申请`, 'applicationId');
    const now = app.clock.now().toISOString();
    updateApplication(app.db, r.id, { batch_id: null, updated_at: now });
    insertStep(app.db, {
      application_id: r.id,
      step: 'unbatch',
      from_status: r.status,
      to_status: r.status,
      at: now,
      user_id: actor.userId,
      note: `移出发放批次 ${b.number}`,
    });
    recordAudit(app.db, app.clock, actor, {
      action: 'update',
      entity: 'subsidyApplication',
      entityId: r.id,
      before: { batch: b.number },
      after: { batch: null },
      detail: `${r.number} 移出发放批次 ${b.number}`,
    });
    return batchView(app, b.id);
  });
}

export function markBatchPaid(ctx: HandlerContext, input: { id: number; paidOn: string; reference: string }): BatchView {
  const { app, actor } = ctx;
  return writeTransaction(app.db, () => {
    const b = requireBatch(app, input.id);
    if (b.status === 'paid')
      throw new ServiceError(
        'RULE_VIOLATION',
        `批次 ${b.number} 已于 ${b.paid_on} 登记发放（凭证 ${b.payment_reference}），已锁定`,
      );
    const rows = applicationsOfBatch(app.db, b.id);
    if (rows.length === 0) throw new ServiceError('RULE_VIOLATION', `批次 ${b.number} 中没有申请`);
    const created = localTodayIso(new Date(b.created_at));
    if (input.paidOn > today(app)) throw new ServiceError('RULE_VIOLATION', `发放日期不能晚于今天（${today(app)}）`, 'paidOn');
    if (input.paidOn < created) throw new ServiceError('RULE_VIOLATION', `发放日期不能早于批次编制日期（${created}）`, 'paidOn');
    const now = app.clock.now().toISOString();
    for (const r of rows) {
      updateApplication(app.db, r.id, { status: 'paid', updated_at: now });
      insertStep(app.db, {
        application_id: r.id,
        step: 'paid',
        from_status: r.status,
        to_status: 'paid',
        at: now,
        user_id: actor.userId,
        note: `批次 ${b.number} 于 ${input.paidOn} 发放，凭证 ${input.reference}`,
      });
      recordAudit(app.db, app.clock, actor, {
        action: 'status',
        entity: 'subsidyApplication',
        entityId: r.id,
        before: { status: r.status },
        after: { status: 'paid', batch: b.number, paidOn: input.paidOn, reference: input.reference },
        detail: `${r.number} 已发放`,
      });
    }
    updateBatch(app.db, b.id, {
      status: 'paid',
      paid_on: input.paidOn,
      payment_reference: input.reference,
      paid_by: actor.userId,
      paid_at: now,
    });
    const view = batchView(app, b.id);
    recordAudit(app.db, app.clock, actor, {
      action: 'status',
      entity: 'subsidyBatch',
      entityId: b.id,
      before: { status: 'open' },
      after: { status: 'paid', paidOn: input.paidOn, reference: input.reference, count: view.count, amount: view.amount },
      detail: `发放批次 ${b.number} 登记已发放`,
    });
    return view;
  });
}
