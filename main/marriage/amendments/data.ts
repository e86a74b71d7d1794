import type { Generated } from 'kysely';
import type { Db } from '../../core/db/connection';
import { all, first, queryBuilder, run } from '../../core/db/query';
import type { PartyRow } from '../data';

// All SQL of replacements, corrections and the record's history. The history reads audit_log and
// issued_numbers read-only; nothing here writes to them (the audit and numbering services do).

export interface ReplacementRow {
  id: number;
  kind: 'BJ' | 'BL';
  registration_id: number;
  divorce_id: number | null;
  original_number: string;
  certificate_number: string;
  applicant: 'male' | 'female' | 'both';
  reason: 'lost' | 'damaged' | 'other';
  reason_detail: string | null;
  issued_on: string;
  clerk_id: number | null;
  created_at: string;
}

export interface CorrectionRow {
  id: number;
  registration_id: number;
  party: 'male' | 'female';
  status: 'proposed' | 'approved' | 'rejected';
  changes: string;
  previous: string;
  reason: string;
  evidence: string;
  proposed_by: number;
  proposed_at: string;
  decided_by: number | null;
  decided_at: string | null;
  decision_reason: string | null;
}

interface IssuedDivorceColumns {
  id: number;
  marriage_id: number;
  status: string;
  certificate_number: string | null;
}

interface RegistrationColumns {
  id: number;
  party_origin: string;
  cross_province: number;
  updated_at: string;
}

interface AuditColumns {
  id: number;
  at: string;
  user_id: number | null;
  username: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  before: string | null;
  after: string | null;
  detail: string | null;
}

interface Schema {
  marriage_replacements: ReplacementRow;
  marriage_corrections: Omit<CorrectionRow, 'id'> & { id: Generated<number> };
  divorce_applications: IssuedDivorceColumns;
  marriage_registrations: RegistrationColumns;
  marriage_parties: PartyRow;
  audit_log: AuditColumns;
  issued_numbers: { number: string; entity: string; entity_id: string };
}
const q = queryBuilder<Schema>();

// ── Replacements ────────────────────────────────────────────────────────────────────────────────

/** The id is chosen inside the caller's write transaction so the number can point at it. */
export const nextReplacementId = (db: Db): number =>
  (first(
    db,
    q.selectFrom('marriage_replacements').select((eb) => eb.fn.max('id').as('max')),
  )?.max ?? 0) + 1;

export function insertReplacement(db: Db, row: ReplacementRow): void {
  run(db, q.insertInto('marriage_replacements').values(row));
}

export const replacementById = (db: Db, id: number): ReplacementRow | undefined =>
  first(db, q.selectFrom('marriage_replacements').selectAll().where('id', '=', id));

export const replacementsOf = (db: Db, registrationId: number): ReplacementRow[] =>
  all(db, q.selectFrom('marriage_replacements').selectAll().where('registration_id', '=', registrationId).orderBy('id'));

/** The divorce that dissolved this marriage with an issued certificate, if any. */
export const issuedDivorceOf = (db: Db, marriageId: number): IssuedDivorceColumns | undefined =>
  first(
    db,
    q
      .selectFrom('divorce_applications')
      .select(['id', 'marriage_id', 'status', 'certificate_number'])
      .where('marriage_id', '=', marriageId)
      .where('status', '=', 'issued'),
  );

export const divorceIdsOf = (db: Db, marriageId: number): number[] =>
  all(db, q.selectFrom('divorce_applications').select('id').where('marriage_id', '=', marriageId)).map((r) => r.id);

// ── Corrections ─────────────────────────────────────────────────────────────────────────────────

export function insertCorrection(db: Db, row: Omit<CorrectionRow, 'id'>): number {
  return run(db, q.insertInto('marriage_corrections').values(row)).lastInsertRowid;
}

export const correctionById = (db: Db, id: number): CorrectionRow | undefined =>
  first(db, q.selectFrom('marriage_corrections').selectAll().where('id', '=', id));

export function listCorrections(db: Db, f: { status?: CorrectionRow['status']; registrationId?: number }): CorrectionRow[] {
  let query = q.selectFrom('marriage_corrections').selectAll();
  if (f.status) query = query.where('status', '=', f.status);
  if (f.registrationId) query = query.where('registration_id', '=', f.registrationId);
  return all(db, query.orderBy('id', 'desc').limit(500));
}

export const correctionIdsOf = (db: Db, registrationId: number): number[] =>
  all(db, q.selectFrom('marriage_corrections').select('id').where('registration_id', '=', registrationId)).map((r) => r.id);

/** Decides a proposed correction; returns whether it was still proposed. */
export function decideCorrection(
  db: Db,
  id: number,
  decision: { status: 'approved' | 'rejected'; decided_by: number; decided_at: string; decision_reason: string | null },
): boolean {
  return (
    run(db, q.updateTable('marriage_corrections').set(decision).where('id', '=', id).where('status', '=', 'proposed')).changes ===
    1
  );
}

/** Applies approved values to one party of a registration. */
export function updateParty(db: Db, registrationId: number, sex: 'male' | 'female', patch: Partial<PartyRow>): void {
  run(db, q.updateTable('marriage_parties').set(patch).where('registration_id', '=', registrationId).where('sex', '=', sex));
}

/** Keeps the derived statistics columns in step with corrected nationality or household province. */
export function updateRegistrationDerived(
  db: Db,
  id: number,
  patch: { party_origin: string; cross_province: number; updated_at: string },
): void {
  run(db, q.updateTable('marriage_registrations').set(patch).where('id', '=', id));
}

// ── History (audit_log, read-only) ──────────────────────────────────────────────────────────────

/**
 * Numbers ever drawn for these records, voided ones included (a spoiled print keeps its number on
 * record). Read-only, through the issued_numbers (entity, entity_id) index.
 */
export function numbersDrawnFor(db: Db, owners: { entity: string; ids: string[] }[]): string[] {
  const wanted = owners.filter((o) => o.ids.length > 0);
  if (wanted.length === 0) return [];
  return all(
    db,
    q
      .selectFrom('issued_numbers')
      .select('number')
      .where((eb) => eb.or(wanted.map((o) => eb.and([eb('entity', '=', o.entity), eb('entity_id', 'in', o.ids)])))),
  ).map((r) => r.number);
}

/** Every audit entry about any of these (entity, ids) pairs, oldest first. */
export function auditEntriesFor(db: Db, owners: { entity: string; ids: string[] }[]): AuditColumns[] {
  const wanted = owners.filter((o) => o.ids.length > 0);
  if (wanted.length === 0) return [];
  return all(
    db,
    q
      .selectFrom('audit_log')
      .select(['id', 'at', 'user_id', 'username', 'action', 'entity', 'entity_id', 'before', 'after', 'detail'])
      .where((eb) => eb.or(wanted.map((o) => eb.and([eb('entity', '=', o.entity), eb('entity_id', 'in', o.ids)]))))
      .orderBy('id'),
  );
}
