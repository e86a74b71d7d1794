import { sql, type Generated } from 'kysely';
import type { Db } from '../../core/db/connection';
import { all, first, queryBuilder, run } from '../../core/db/query';
import type { BurialForm } from '../shared/forms';
import type { ApplicationStatus, BatchStatus, DeadlineBase, StepKind } from './contract';

// All SQL of the eco-burial subsidies: policy versions, applications with their steps, batches.

export interface PolicyVersionRow {
  id: number;
  area_code: string;
  area_name: string;
  title: string;
  basis: string | null;
  effective_from: string;
  effective_to: string | null;
  residency_required: 0 | 1;
  /** JSON: PolicyForm[] */
  forms: string;
  /** JSON: PolicyDocument[] */
  documents: string;
  sample: 0 | 1;
  created_at: string;
  created_by: number | null;
  updated_at: string;
}

export interface ApplicationRow {
  id: number;
  number: string;
  status: ApplicationStatus;
  receipt_date: string;
  policy_version_id: number;
  form: BurialForm;
  burial_date: string;
  burial_id: number | null;
  cemetery_name: string | null;
  plot_label: string | null;
  deceased_name: string;
  deceased_id_number: string;
  deceased_household: string;
  death_date: string;
  cremation_date: string | null;
  applicant_name: string;
  applicant_id_number: string;
  applicant_relation: string;
  applicant_phone: string;
  bank_account_name: string;
  bank_name: string;
  bank_account_number: string;
  required_documents: string;
  submitted_documents: string;
  family_fen: number;
  cemetery_fen: number;
  deadline_base: DeadlineBase;
  deadline_rule: string;
  deadline_base_date: string;
  deadline_last_day: string;
  intake_by: number | null;
  street_reviewer_id: number | null;
  street_reviewed_at: string | null;
  approver_id: number | null;
  approved_at: string | null;
  rejected_stage: 'street' | 'district' | null;
  rejection_reason: string | null;
  rejected_by: number | null;
  rejected_at: string | null;
  batch_id: number | null;
  created_at: string;
  updated_at: string;
}

export interface StepRow {
  id: number;
  application_id: number;
  step: StepKind;
  from_status: ApplicationStatus | null;
  to_status: ApplicationStatus;
  at: string;
  user_id: number | null;
  note: string | null;
}

export interface BatchRow {
  id: number;
  number: string;
  title: string;
  status: BatchStatus;
  created_at: string;
  created_by: number | null;
  paid_on: string | null;
  payment_reference: string | null;
  paid_by: number | null;
  paid_at: string | null;
}

interface Schema {
  subsidy_policy_versions: Omit<PolicyVersionRow, 'id'> & { id: Generated<number> };
  subsidy_applications: Omit<ApplicationRow, 'id'> & { id: Generated<number> };
  subsidy_application_steps: Omit<StepRow, 'id'> & { id: Generated<number> };
  subsidy_batches: Omit<BatchRow, 'id'> & { id: Generated<number> };
}
const q = queryBuilder<Schema>();

// ─── Policy versions ────────────────────────────────────────────────────────────────────────

export const allVersions = (db: Db): PolicyVersionRow[] =>
  all(db, q.selectFrom('subsidy_policy_versions').selectAll().orderBy('area_code').orderBy('effective_from', 'desc'));

export const versionsOfArea = (db: Db, areaCode: string): PolicyVersionRow[] =>
  all(
    db,
    q.selectFrom('subsidy_policy_versions').selectAll().where('area_code', '=', areaCode).orderBy('effective_from', 'desc'),
  );

export const versionById = (db: Db, id: number): PolicyVersionRow | undefined =>
  first(db, q.selectFrom('subsidy_policy_versions').selectAll().where('id', '=', id));

export const versionAt = (db: Db, areaCode: string, effectiveFrom: string): PolicyVersionRow | undefined =>
  first(
    db,
    q
      .selectFrom('subsidy_policy_versions')
      .selectAll()
      .where('area_code', '=', areaCode)
      .where('effective_from', '=', effectiveFrom),
  );

export const insertVersion = (db: Db, row: Omit<PolicyVersionRow, 'id'>): number =>
  run(db, q.insertInto('subsidy_policy_versions').values(row)).lastInsertRowid;

export function updateVersion(db: Db, id: number, patch: Partial<Omit<PolicyVersionRow, 'id' | 'created_at' | 'created_by'>>) {
  run(db, q.updateTable('subsidy_policy_versions').set(patch).where('id', '=', id));
}

/** Applications per version: a version with any is frozen. */
export function appliedCounts(db: Db): Map<number, number> {
  const rows = all(
    db,
    q
      .selectFrom('subsidy_applications')
      .select(['policy_version_id', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('policy_version_id'),
  );
  return new Map(rows.map((r) => [r.policy_version_id, Number(r.n)]));
}

/** The latest burial date assessed under a version (a new version may not start on or before it). */
export const latestBurialDateUnder = (db: Db, versionId: number): string | null =>
  first(
    db,
    q
      .selectFrom('subsidy_applications')
      .select((eb) => eb.fn.max('burial_date').as('d'))
      .where('policy_version_id', '=', versionId),
  )?.d ?? null;

// ─── Applications ───────────────────────────────────────────────────────────────────────────

export const insertApplication = (db: Db, row: Omit<ApplicationRow, 'id'>): number =>
  run(db, q.insertInto('subsidy_applications').values(row)).lastInsertRowid;

export const applicationById = (db: Db, id: number): ApplicationRow | undefined =>
  first(db, q.selectFrom('subsidy_applications').selectAll().where('id', '=', id));

export function updateApplication(db: Db, id: number, patch: Partial<Omit<ApplicationRow, 'id'>>): void {
  run(db, q.updateTable('subsidy_applications').set(patch).where('id', '=', id));
}

/** The application that holds the deceased's one subsidy (any cemetery), if any. */
export const activeApplicationOf = (db: Db, deceasedIdNumber: string): ApplicationRow | undefined =>
  first(
    db,
    q
      .selectFrom('subsidy_applications')
      .selectAll()
      .where('deceased_id_number', '=', deceasedIdNumber)
      .where('status', '<>', 'rejected'),
  );

export interface ListFilter {
  status: ApplicationStatus | null;
  query: string | null;
  unbatchedOnly: boolean;
  offset: number;
  limit: number;
}

function filtered(f: Omit<ListFilter, 'offset' | 'limit'>) {
  let s = q.selectFrom('subsidy_applications');
  if (f.status !== null) s = s.where('status', '=', f.status);
  if (f.unbatchedOnly) s = s.where('batch_id', 'is', null);
  if (f.query !== null && f.query !== '') {
    const text = f.query;
    s = s.where((eb) =>
      eb.or([
        eb('number', '=', text),
        eb('deceased_id_number', '=', text.toUpperCase()),
        eb('deceased_name', 'like', `${text.replace(/[%_\\]/g, (c) => `\\${c}`)}%`),
      ]),
    );
  }
  return s;
}

export function listApplications(db: Db, f: ListFilter): { rows: ApplicationRow[]; total: number } {
  const rows = all(
    db,
    filtered(f).selectAll().orderBy('receipt_date', 'desc').orderBy('id', 'desc').limit(f.limit).offset(f.offset),
  );
  const total = Number(
    first(
      db,
      filtered(f).select((eb) => eb.fn.countAll<number>().as('n')),
    )?.n ?? 0,
  );
  return { rows, total };
}

export function statusCounts(db: Db): { status: ApplicationStatus; n: number; unbatched: number }[] {
  return all(
    db,
    q
      .selectFrom('subsidy_applications')
      .select([
        'status',
        (eb) => eb.fn.countAll<number>().as('n'),
        sql<number>`sum(case when batch_id is null then 1 else 0 end)`.as('unbatched'),
      ])
      .groupBy('status'),
  ).map((r) => ({ status: r.status, n: Number(r.n), unbatched: Number(r.unbatched) }));
}

export const applicationsOfBatch = (db: Db, batchId: number): ApplicationRow[] =>
  all(db, q.selectFrom('subsidy_applications').selectAll().where('batch_id', '=', batchId).orderBy('id'));

export const insertStep = (db: Db, row: Omit<StepRow, 'id'>): number =>
  run(db, q.insertInto('subsidy_application_steps').values(row)).lastInsertRowid;

export const stepsOf = (db: Db, applicationId: number): StepRow[] =>
  all(db, q.selectFrom('subsidy_application_steps').selectAll().where('application_id', '=', applicationId).orderBy('id'));

/** Counts and sums per form and status for applications received in [from, to]. */
export const totalsBetween = (db: Db, from: string, to: string) =>
  all(
    db,
    q
      .selectFrom('subsidy_applications')
      .select(['form', 'status', (eb) => eb.fn.countAll<number>().as('n'), sql<number>`sum(family_fen + cemetery_fen)`.as('fen')])
      .where('receipt_date', '>=', from)
      .where('receipt_date', '<=', to)
      .groupBy(['form', 'status'])
      .orderBy('form')
      .orderBy('status'),
  ).map((r) => ({ form: r.form, status: r.status, count: Number(r.n), amountFen: Number(r.fen) }));

/**
 * Burials without a plot (scattering, deep burial) that only applications tell of: applications not
 * refused, with no burial record, per month of the burial (scattering) date in [from, to] and form.
 */
export const plotlessBurialsBetween = (db: Db, from: string, to: string) =>
  all(
    db,
    q
      .selectFrom('subsidy_applications')
      .select([sql<string>`substr(burial_date, 1, 7)`.as('month'), 'form', (eb) => eb.fn.countAll<number>().as('n')])
      .where('burial_id', 'is', null)
      .where('status', '<>', 'rejected')
      .where('burial_date', '>=', from)
      .where('burial_date', '<=', to)
      .groupBy([sql`substr(burial_date, 1, 7)`, 'form']),
  ).map((r) => ({ month: r.month, form: r.form, count: Number(r.n) }));

// ─── Batches ────────────────────────────────────────────────────────────────────────────────

export const insertBatch = (db: Db, row: Omit<BatchRow, 'id'>): number =>
  run(db, q.insertInto('subsidy_batches').values(row)).lastInsertRowid;

export const batchById = (db: Db, id: number): BatchRow | undefined =>
  first(db, q.selectFrom('subsidy_batches').selectAll().where('id', '=', id));

export const allBatches = (db: Db): BatchRow[] => all(db, q.selectFrom('subsidy_batches').selectAll().orderBy('id', 'desc'));

export function updateBatch(db: Db, id: number, patch: Partial<Omit<BatchRow, 'id'>>): void {
  run(db, q.updateTable('subsidy_batches').set(patch).where('id', '=', id));
}

/** Per batch: how many applications and how much (for the batch list). */
export function batchSums(db: Db): Map<number, { n: number; family: number; cemetery: number }> {
  const rows = all(
    db,
    q
      .selectFrom('subsidy_applications')
      .select([
        'batch_id',
        (eb) => eb.fn.countAll<number>().as('n'),
        (eb) => eb.fn.sum<number>('family_fen').as('family'),
        (eb) => eb.fn.sum<number>('cemetery_fen').as('cemetery'),
      ])
      .where('batch_id', 'is not', null)
      .groupBy('batch_id'),
  );
  return new Map(rows.map((r) => [r.batch_id!, { n: Number(r.n), family: Number(r.family), cemetery: Number(r.cemetery) }]));
}
