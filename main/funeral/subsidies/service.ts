import type { AppContext } from '../../core/app';
import { recordAudit, type Actor } from '../../core/audit/service';
import { daysBetween } from '../../core/calendar/civilDate';
import { writeTransaction } from '../../core/db/connection';
import { ServiceError, notFound } from '../../core/errors';
import type { HandlerContext } from '../../core/handler';
import { localTodayIso } from '../../core/idnumber/dates';
import { maskResidentId } from '../../core/idnumber/residentId';
import { allocateNumber } from '../../core/numbering/service';
import { formsWithoutPlot, burialFormLabels, type BurialForm } from '../shared/forms';
import { burialMismatches, requireBurial, type BurialFacts } from './burialLink';
import {
  applicationStatusLabels,
  applicationStatuses,
  type ApplicationData,
  type ApplicationList,
  type ApplicationStatus,
  type ApplicationView,
  type Assessment,
  type AssessmentReason,
  type StepKind,
  type SubsidyTotalRow,
} from './contract';
import {
  activeApplicationOf,
  allBatches,
  applicationById,
  insertApplication,
  insertStep,
  listApplications as listRows,
  statusCounts,
  plotlessBurialsBetween,
  totalsBetween,
  updateApplication,
  versionsOfArea,
  type ApplicationRow,
  type PolicyVersionRow,
} from './data';
import { policyRefOf, policyRowInForce, rulesOf } from './policyService';
import { judge, missingDocuments } from './rules';
import { applicationRowView, applicationView, missingOf } from './views';

// 奖补申请: 受理 (street office, funeralReviewer) → 街道初审 (funeralReviewer) → 区民政审批
// (funeralApprover, never the street reviewer) → 发放 (batches, batchService.ts).
//
// Eligibility and amount come from the policy version in force on the burial / scattering date,
// judged on the day the application is received; nothing about money is typed in. An application
// that does not qualify is not received (the reasons are shown, nothing is stored). Missing papers
// do not stop the receipt — the deadline is kept by the day the family came — but the application
// waits as 待补材料 and cannot pass street review until every required paper is in.

const today = (app: AppContext): string => localTodayIso(app.clock.now());
const birthDateOf = (id: string): string => `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;

interface Evaluation {
  assessment: Assessment;
  version: PolicyVersionRow | null;
  burial: BurialFacts | null;
  /** The submitted papers kept: those the policy asks for. */
  submitted: string[];
}

function evaluate(app: AppContext, a: ApplicationData, receiptDate: string): Evaluation {
  const reasons: AssessmentReason[] = [];
  const notices: string[] = [];

  let burial: BurialFacts | null = null;
  if (a.burialId !== null) {
    burial = requireBurial(app, a.burialId);
    reasons.push(...burialMismatches(burial, a));
  } else if (!formsWithoutPlot.has(a.form)) {
    reasons.push({
      code: 'BURIAL_REQUIRED',
      message: `「${burialFormLabels[a.form]}」须关联公墓安葬记录（只有海葬、江葬、深埋不留坟头可不关联）`,
      field: 'burialId',
    });
  }

  const version = policyRowInForce(app, a.areaCode, a.burialDate);
  if (version === null) {
    const known = versionsOfArea(app.db, a.areaCode);
    const area = known[0]?.area_name ?? `区划 ${a.areaCode}`;
    reasons.push({
      code: 'NO_POLICY',
      message:
        known.length === 0
          ? `${area}尚未录入节地生态安葬奖补政策`
          : `安葬（撒散）日期 ${a.burialDate} 时${area}没有现行的奖补政策（各版本生效日期：${known
              .map((v) => `${v.effective_from}${v.effective_to ? ` 至 ${v.effective_to}` : ''}`)
              .join('、')}）`,
      field: 'burialDate',
    });
  }
  const rules = version === null ? null : rulesOf(version);
  const outcome = judge(rules, {
    form: a.form,
    burialDate: a.burialDate,
    deathDate: a.deceased.deathDate,
    cremationDate: a.deceased.cremationDate,
    birthDate: birthDateOf(a.deceased.idNumber),
    household: a.deceased.household,
    receiptDate,
  });
  reasons.push(...outcome.reasons);

  const existing = activeApplicationOf(app.db, a.deceased.idNumber);
  if (existing) {
    reasons.push({
      code: 'DUPLICATE',
      message: `逝者 ${existing.deceased_name}（${maskResidentId(existing.deceased_id_number)}）已有奖补申请 ${existing.number}（${applicationStatusLabels[existing.status]}，${existing.receipt_date} 受理${existing.cemetery_name ? `，${existing.cemetery_name}` : `，${burialFormLabels[existing.form]}`}），每位逝者只能享受一次奖补`,
      field: 'deceased.idNumber',
    });
  }

  const submitted = outcome.requiredDocuments.filter((d) => a.documents.includes(d));
  const missing = missingDocuments(outcome.requiredDocuments, submitted);
  if (outcome.deadline && outcome.deadline.overdueDays <= 0)
    notices.push(`申请期限${outcome.deadline.rule}，最迟 ${outcome.deadline.lastDay}，还剩 ${-outcome.deadline.overdueDays} 天`);
  if (a.bank.accountName !== a.applicant.name)
    notices.push(`收款户名（${a.bank.accountName}）与申请人（${a.applicant.name}）不同，请核实委托材料`);
  if (missing.length > 0) notices.push(`缺少材料：${missing.join('、')}（可先受理，补齐后方可初审）`);

  return {
    assessment: {
      eligible: reasons.length === 0,
      receiptDate,
      reasons,
      notices,
      policy: version === null ? null : policyRefOf(version),
      amount: outcome.amount,
      deadline: outcome.deadline,
      requiredDocuments: outcome.requiredDocuments,
      missingDocuments: missing,
      duplicateOf: existing ? { id: existing.id, number: existing.number, status: existing.status } : null,
    },
    version,
    burial,
    submitted,
  };
}

export function assessApplication(ctx: HandlerContext, a: ApplicationData): Assessment {
  return evaluate(ctx.app, a, today(ctx.app)).assessment;
}

function requireRow(app: AppContext, id: number): ApplicationRow {
  const r = applicationById(app.db, id);
  if (!r) throw notFound('该奖补申请');
  return r;
}

/** Writes one step of the 办理经过 and its audit entry (inside the caller's transaction). */
function recordStep(
  app: AppContext,
  actor: Actor,
  r: ApplicationRow,
  step: StepKind,
  to: ApplicationStatus,
  note: string | null,
  from: ApplicationStatus | null = r.status,
): void {
  const at = app.clock.now().toISOString();
  insertStep(app.db, { application_id: r.id, step, from_status: from, to_status: to, at, user_id: actor.userId, note });
  if (step === 'apply') return; // the create entry carries it
  recordAudit(app.db, app.clock, actor, {
    action: 'status',
    entity: 'subsidyApplication',
    entityId: r.id,
    before: { status: from },
    after: { status: to, step },
    detail: `${r.number}：${note ?? step}`,
  });
}

export function applyForSubsidy(ctx: HandlerContext, a: ApplicationData): ApplicationView {
  const { app, actor } = ctx;
  const receiptDate = today(app);
  return writeTransaction(app.db, () => {
    const e = evaluate(app, a, receiptDate);
    const { assessment } = e;
    if (!assessment.eligible || !e.version || !assessment.amount || !assessment.deadline) {
      const first = assessment.reasons[0];
      throw new ServiceError(
        assessment.duplicateOf ? 'CONFLICT' : 'RULE_VIOLATION',
        `不能受理：${assessment.reasons.map((r) => r.message).join('；')}`,
        first?.field,
      );
    }
    const status: ApplicationStatus = assessment.missingDocuments.length > 0 ? 'pendingDocuments' : 'pendingReview';
    const now = app.clock.now().toISOString();
    const id = insertApplication(app.db, {
      // Replaced below in this same write transaction, before anyone else can see the row.
      number: '（编号分配中）',
      status,
      receipt_date: receiptDate,
      policy_version_id: e.version.id,
      form: a.form,
      burial_date: a.burialDate,
      burial_id: a.burialId,
      cemetery_name: e.burial?.cemeteryName ?? null,
      plot_label: e.burial?.plotLabel ?? null,
      deceased_name: a.deceased.name,
      deceased_id_number: a.deceased.idNumber,
      deceased_household: a.deceased.household,
      death_date: a.deceased.deathDate,
      cremation_date: a.deceased.cremationDate,
      applicant_name: a.applicant.name,
      applicant_id_number: a.applicant.idNumber,
      applicant_relation: a.applicant.relation,
      applicant_phone: a.applicant.phone,
      bank_account_name: a.bank.accountName,
      bank_name: a.bank.bankName,
      bank_account_number: a.bank.accountNumber,
      required_documents: JSON.stringify(assessment.requiredDocuments),
      submitted_documents: JSON.stringify(e.submitted),
      family_fen: assessment.amount.familyFen,
      cemetery_fen: assessment.amount.cemeteryFen,
      deadline_base: assessment.deadline.base,
      deadline_rule: assessment.deadline.rule,
      deadline_base_date: assessment.deadline.baseDate,
      deadline_last_day: assessment.deadline.lastDay,
      intake_by: actor.userId,
      street_reviewer_id: null,
      street_reviewed_at: null,
      approver_id: null,
      approved_at: null,
      rejected_stage: null,
      rejection_reason: null,
      rejected_by: null,
      rejected_at: null,
      batch_id: null,
      created_at: now,
      updated_at: now,
    });
    // The number is drawn for the stored record, in the same transaction (no gaps, no repeats).
    const number = allocateNumber(
      app.db,
      app.clock,
      actor,
      { series: `JB${e.version.area_code}-${receiptDate.slice(0, 4)}`, width: 6 },
      { entity: 'subsidyApplication', entityId: id },
    );
    updateApplication(app.db, id, { number });
    const row = requireRow(app, id);
    const note =
      status === 'pendingDocuments'
        ? `受理，缺少材料：${assessment.missingDocuments.join('、')}`
        : `受理，材料齐全，补贴 ${assessment.amount.totalFen / 100} 元`;
    recordStep(app, actor, row, 'apply', status, note, null);
    const view = applicationView(app, row, ctx.permissions);
    recordAudit(app.db, app.clock, actor, {
      action: 'create',
      entity: 'subsidyApplication',
      entityId: id,
      after: { ...view, bank: { ...view.bank, accountNumber: undefined }, history: undefined },
      detail: `受理奖补申请 ${number}（${a.deceased.name}，${burialFormLabels[a.form]}）`,
    });
    return view;
  });
}

const notLocked = (r: ApplicationRow): void => {
  if (r.status === 'paid') throw new ServiceError('RULE_VIOLATION', `申请 ${r.number} 已发放，已锁定，不能再修改`);
  if (r.status === 'rejected') throw new ServiceError('RULE_VIOLATION', `申请 ${r.number} 已不予补贴，办理已终结`);
};

export function updateDocuments(ctx: HandlerContext, id: number, documents: string[]): ApplicationView {
  const { app, actor } = ctx;
  return writeTransaction(app.db, () => {
    const r = requireRow(app, id);
    notLocked(r);
    if (r.status !== 'pendingDocuments' && r.status !== 'pendingReview') {
      throw new ServiceError('RULE_VIOLATION', `申请 ${r.number} 已${applicationStatusLabels[r.status]}，初审后不再变更材料`);
    }
    const required = JSON.parse(r.required_documents) as string[];
    const before = JSON.parse(r.submitted_documents) as string[];
    const submitted = required.filter((d) => documents.includes(d));
    const missing = missingDocuments(required, submitted);
    const status: ApplicationStatus = missing.length > 0 ? 'pendingDocuments' : 'pendingReview';
    const added = submitted.filter((d) => !before.includes(d));
    const removed = before.filter((d) => !submitted.includes(d));
    if (added.length === 0 && removed.length === 0) return applicationView(app, r, ctx.permissions);
    updateApplication(app.db, r.id, {
      submitted_documents: JSON.stringify(submitted),
      status,
      updated_at: app.clock.now().toISOString(),
    });
    const note = [
      added.length > 0 ? `补交：${added.join('、')}` : '',
      removed.length > 0 ? `撤下：${removed.join('、')}` : '',
      missing.length > 0 ? `仍缺：${missing.join('、')}` : '材料齐全',
    ]
      .filter(Boolean)
      .join('；');
    recordStep(app, actor, r, 'documents', status, note);
    return applicationView(app, requireRow(app, r.id), ctx.permissions);
  });
}

const needReason = (reason: string | null): string => {
  if (reason === null || reason.trim().length < 2)
    throw new ServiceError('INVALID_INPUT', '不予通过须写明理由（至少 2 个字）', 'reason');
  return reason.trim();
};

export function streetReview(
  ctx: HandlerContext,
  input: { id: number; decision: 'pass' | 'reject'; reason: string | null },
): ApplicationView {
  const { app, actor } = ctx;
  return writeTransaction(app.db, () => {
    const r = requireRow(app, input.id);
    notLocked(r);
    const now = app.clock.now().toISOString();
    if (input.decision === 'reject') {
      if (r.status !== 'pendingDocuments' && r.status !== 'pendingReview')
        throw new ServiceError(
          'RULE_VIOLATION',
          `申请 ${r.number} 当前为“${applicationStatusLabels[r.status]}”，不在街道初审阶段`,
        );
      const reason = needReason(input.reason);
      updateApplication(app.db, r.id, {
        status: 'rejected',
        rejected_stage: 'street',
        rejection_reason: reason,
        rejected_by: actor.userId,
        rejected_at: now,
        street_reviewer_id: actor.userId,
        street_reviewed_at: now,
        updated_at: now,
      });
      recordStep(app, actor, r, 'streetReject', 'rejected', reason);
    } else {
      if (r.status === 'pendingDocuments') {
        throw new ServiceError('RULE_VIOLATION', `材料不全，不能通过初审：缺少${missingOf(r).join('、')}`);
      }
      if (r.status !== 'pendingReview')
        throw new ServiceError(
          'RULE_VIOLATION',
          `申请 ${r.number} 当前为“${applicationStatusLabels[r.status]}”，不在街道初审阶段`,
        );
      updateApplication(app.db, r.id, {
        status: 'pendingApproval',
        street_reviewer_id: actor.userId,
        street_reviewed_at: now,
        updated_at: now,
      });
      recordStep(app, actor, r, 'streetPass', 'pendingApproval', input.reason?.trim() || '初审通过，报区民政审批');
    }
    return applicationView(app, requireRow(app, r.id), ctx.permissions);
  });
}

export function districtApproval(
  ctx: HandlerContext,
  input: { id: number; decision: 'approve' | 'reject'; reason: string | null },
): ApplicationView {
  const { app, actor } = ctx;
  return writeTransaction(app.db, () => {
    const r = requireRow(app, input.id);
    notLocked(r);
    if (r.status !== 'pendingApproval')
      throw new ServiceError(
        'RULE_VIOLATION',
        `申请 ${r.number} 当前为“${applicationStatusLabels[r.status]}”，不在区民政审批阶段`,
      );
    // Four eyes: the district decision is never taken by the person who reviewed it at the street.
    if (r.street_reviewer_id !== null && r.street_reviewer_id === actor.userId) {
      throw new ServiceError('FORBIDDEN', `您是申请 ${r.number} 的街道初审人，不能再作区民政审批；请由其他审批员审批`);
    }
    const now = app.clock.now().toISOString();
    if (input.decision === 'reject') {
      const reason = needReason(input.reason);
      updateApplication(app.db, r.id, {
        status: 'rejected',
        rejected_stage: 'district',
        rejection_reason: reason,
        rejected_by: actor.userId,
        rejected_at: now,
        updated_at: now,
      });
      recordStep(app, actor, r, 'districtReject', 'rejected', reason);
    } else {
      if (missingOf(r).length > 0) throw new ServiceError('RULE_VIOLATION', `申请 ${r.number} 材料不全，不能批准`);
      updateApplication(app.db, r.id, { status: 'approved', approver_id: actor.userId, approved_at: now, updated_at: now });
      recordStep(app, actor, r, 'districtApprove', 'approved', input.reason?.trim() || '审批通过');
    }
    return applicationView(app, requireRow(app, r.id), ctx.permissions);
  });
}

export function getApplication(ctx: HandlerContext, id: number): ApplicationView {
  return applicationView(ctx.app, requireRow(ctx.app, id), ctx.permissions);
}

export function listApplications(
  app: AppContext,
  f: { status: ApplicationStatus | null; query: string | null; unbatchedOnly: boolean; page: number; pageSize: number },
): ApplicationList {
  const { rows, total } = listRows(app.db, {
    status: f.status,
    query: f.query,
    unbatchedOnly: f.unbatchedOnly,
    offset: (f.page - 1) * f.pageSize,
    limit: f.pageSize,
  });
  const counts = Object.fromEntries(applicationStatuses.map((s) => [s, 0])) as Record<ApplicationStatus, number>;
  let unbatched = 0;
  for (const c of statusCounts(app.db)) {
    counts[c.status] = c.n;
    if (c.status === 'approved') unbatched = c.unbatched;
  }
  const batchNumbers = new Map(allBatches(app.db).map((b) => [b.id, b.number]));
  return { rows: rows.map((r) => applicationRowView(r, batchNumbers)), total, counts, unbatched };
}

/** The burial record's facts for the application form (read through the burials service). */
export function burialForSubsidy(app: AppContext, burialId: number) {
  const f = requireBurial(app, burialId);
  return {
    id: f.id,
    cemeteryName: f.cemeteryName,
    plotLabel: f.plotLabel,
    deceasedName: f.deceasedName,
    deceasedIdNumber: f.deceasedIdNumber,
    deceasedHousehold: f.deceasedHousehold,
    deathDate: f.deathDate,
    cremationDate: f.cremationDate,
    burialDate: f.burialDate,
    form: f.form,
  };
}

/**
 * Subsidy figures for the indicators: per burial form and status, how many applications were
 * received in [from, to] (by receipt date) and how much they carry (total of both parts, in fen).
 */
export function subsidyTotals(app: AppContext, from: string, to: string): SubsidyTotalRow[] {
  if (daysBetween(from, to) < 0) throw new ServiceError('INVALID_INPUT', `统计期间有误：${from} 晚于 ${to}`);
  return totalsBetween(app.db, from, to);
}

/**
 * Burials without a plot (sea / river scattering, deep burial) have no burial record: the indicators
 * learn of them from applications not refused, counted per month of the burial date in [from, to].
 */
export function plotlessBurialCounts(
  app: AppContext,
  from: string,
  to: string,
): { month: string; form: BurialForm; count: number }[] {
  if (daysBetween(from, to) < 0) throw new ServiceError('INVALID_INPUT', `统计期间有误：${from} 晚于 ${to}`);
  return plotlessBurialsBetween(app.db, from, to);
}
