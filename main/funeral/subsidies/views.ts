import type { AppContext } from '../../core/app';
import { userById } from '../../core/auth/data';
import { daysBetween } from '../../core/calendar/civilDate';
import type { Permission } from '../../core/contract/roles';
import { maskResidentId } from '../../core/idnumber/residentId';
import { burialFormLabels } from '../shared/forms';
import {
  applicationStatusLabels,
  batchStatusLabels,
  maskBankAccount,
  stepLabels,
  type Amount,
  type ApplicationRow as ApplicationRowView,
  type ApplicationView,
  type BatchRow as BatchRowView,
} from './contract';
import { applicationsOfBatch, batchById, stepsOf, versionById, type ApplicationRow, type BatchRow } from './data';
import { policyRefOf } from './policyService';

// Stored rows → what the screens and documents get. Bank account numbers are shown in full only to
// the district approver, who makes the transfers; ID numbers are masked in every list.

/** Display names of users, looked up once per call. */
export function nameCache(app: AppContext): (id: number | null) => string {
  const seen = new Map<number, string>();
  return (id) => {
    if (id === null) return '系统';
    let n = seen.get(id);
    if (n === undefined) seen.set(id, (n = userById(app.db, id)?.display_name ?? `用户 ${id}`));
    return n;
  };
}

export const seesFullAccounts = (permissions: ReadonlySet<Permission>): boolean => permissions.has('funeral.approve');

export const amountOfRow = (r: Pick<ApplicationRow, 'family_fen' | 'cemetery_fen'>): Amount => ({
  totalFen: r.family_fen + r.cemetery_fen,
  familyFen: r.family_fen,
  cemeteryFen: r.cemetery_fen,
});

const parseList = (json: string): string[] => JSON.parse(json) as string[];

export function missingOf(r: Pick<ApplicationRow, 'required_documents' | 'submitted_documents'>): string[] {
  const submitted = parseList(r.submitted_documents);
  return parseList(r.required_documents).filter((d) => !submitted.includes(d));
}

export function applicationView(app: AppContext, r: ApplicationRow, permissions: ReadonlySet<Permission>): ApplicationView {
  const name = nameCache(app);
  const version = versionById(app.db, r.policy_version_id)!;
  const full = seesFullAccounts(permissions);
  const batch = r.batch_id === null ? null : batchById(app.db, r.batch_id)!;
  return {
    id: r.id,
    number: r.number,
    status: r.status,
    statusLabel: applicationStatusLabels[r.status],
    receiptDate: r.receipt_date,
    policy: policyRefOf(version),
    form: r.form,
    formLabel: burialFormLabels[r.form],
    burialDate: r.burial_date,
    burial: r.burial_id === null ? null : { id: r.burial_id, cemeteryName: r.cemetery_name ?? '', plotLabel: r.plot_label },
    deceased: {
      name: r.deceased_name,
      idNumber: r.deceased_id_number,
      household: r.deceased_household,
      deathDate: r.death_date,
      cremationDate: r.cremation_date,
    },
    applicant: {
      name: r.applicant_name,
      idNumber: r.applicant_id_number,
      relation: r.applicant_relation,
      phone: r.applicant_phone,
    },
    bank: {
      accountName: r.bank_account_name,
      bankName: r.bank_name,
      accountNumber: full ? r.bank_account_number : maskBankAccount(r.bank_account_number),
      masked: !full,
    },
    amount: amountOfRow(r),
    deadline: {
      base: r.deadline_base,
      rule: r.deadline_rule,
      baseDate: r.deadline_base_date,
      lastDay: r.deadline_last_day,
      overdueDays: daysBetween(r.deadline_last_day, r.receipt_date),
    },
    documents: {
      required: parseList(r.required_documents),
      submitted: parseList(r.submitted_documents),
      missing: missingOf(r),
    },
    streetReview:
      r.street_reviewer_id === null || r.street_reviewed_at === null
        ? null
        : { by: name(r.street_reviewer_id), at: r.street_reviewed_at },
    approval: r.approver_id === null || r.approved_at === null ? null : { by: name(r.approver_id), at: r.approved_at },
    rejection:
      r.rejected_stage === null || r.rejection_reason === null
        ? null
        : { stage: r.rejected_stage, reason: r.rejection_reason, by: name(r.rejected_by), at: r.rejected_at ?? '' },
    batch: batch ? { id: batch.id, number: batch.number, status: batch.status } : null,
    paid: batch && batch.status === 'paid' ? { on: batch.paid_on!, reference: batch.payment_reference! } : null,
    history: stepsOf(app.db, r.id).map((s) => ({
      step: s.step,
      label: stepLabels[s.step],
      fromStatus: s.from_status,
      toStatus: s.to_status,
      at: s.at,
      userId: s.user_id,
      by: name(s.user_id),
      note: s.note,
    })),
  };
}

export function applicationRowView(r: ApplicationRow, batchNumbers: ReadonlyMap<number, string> = new Map()): ApplicationRowView {
  return {
    id: r.id,
    number: r.number,
    status: r.status,
    statusLabel: applicationStatusLabels[r.status],
    receiptDate: r.receipt_date,
    deceasedName: r.deceased_name,
    deceasedIdNumber: maskResidentId(r.deceased_id_number),
    form: r.form,
    formLabel: burialFormLabels[r.form],
    cemeteryName: r.cemetery_name,
    applicantName: r.applicant_name,
    totalFen: r.family_fen + r.cemetery_fen,
    missingDocuments: missingOf(r),
    streetReviewerId: r.street_reviewer_id,
    batchNumber: r.batch_id === null ? null : (batchNumbers.get(r.batch_id) ?? null),
  };
}

export function batchRowView(app: AppContext, b: BatchRow, sums?: { n: number; family: number; cemetery: number }): BatchRowView {
  const name = nameCache(app);
  const s =
    sums ??
    applicationsOfBatch(app.db, b.id).reduce(
      (acc, r) => ({ n: acc.n + 1, family: acc.family + r.family_fen, cemetery: acc.cemetery + r.cemetery_fen }),
      { n: 0, family: 0, cemetery: 0 },
    );
  return {
    id: b.id,
    number: b.number,
    title: b.title,
    status: b.status,
    statusLabel: batchStatusLabels[b.status],
    count: s.n,
    amount: { totalFen: s.family + s.cemetery, familyFen: s.family, cemeteryFen: s.cemetery },
    createdAt: b.created_at,
    createdBy: name(b.created_by),
    paid:
      b.status === 'paid' && b.paid_on && b.payment_reference
        ? { on: b.paid_on, reference: b.payment_reference, by: name(b.paid_by) }
        : null,
  };
}
