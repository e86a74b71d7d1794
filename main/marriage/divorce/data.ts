import type { Generated } from 'kysely';
import type { Db } from '../../core/db/connection';
import { all, first, queryBuilder, run } from '../../core/db/query';

// All SQL of divorce by agreement.

export interface DivorceRow {
  id: number;
  marriage_id: number;
  status: 'pending' | 'withdrawn' | 'deemedWithdrawn' | 'issued';
  receipt_date: string;
  withdrawal_from: string;
  withdrawal_to: string;
  certificate_from: string;
  certificate_to: string;
  windows_note: string | null;
  agreement: string;
  withdrawn_by: 'male' | 'female' | null;
  withdrawn_on: string | null;
  withdrawal_reason: string | null;
  certificate_number: string | null;
  issued_on: string | null;
  clerk_id: number | null;
  created_at: string;
  updated_at: string;
}

interface MarriageColumns {
  id: number;
  status: 'registered' | 'dissolved';
  dissolved_at: string | null;
  dissolved_by_divorce: number | null;
  updated_at: string;
}

interface Schema {
  divorce_applications: Omit<DivorceRow, 'id'> & { id: Generated<number> };
  marriage_registrations: MarriageColumns;
}
const q = queryBuilder<Schema>();

export function insertDivorce(db: Db, row: Omit<DivorceRow, 'id'>): number {
  return run(db, q.insertInto('divorce_applications').values(row)).lastInsertRowid;
}

export const divorceById = (db: Db, id: number): DivorceRow | undefined =>
  first(db, q.selectFrom('divorce_applications').selectAll().where('id', '=', id));

export const openDivorceOf = (db: Db, marriageId: number): DivorceRow | undefined =>
  first(
    db,
    q
      .selectFrom('divorce_applications')
      .selectAll()
      .where('marriage_id', '=', marriageId)
      .where('status', 'in', ['pending', 'issued']),
  );

export function updateDivorce(db: Db, id: number, patch: Partial<Omit<DivorceRow, 'id' | 'marriage_id'>>): void {
  run(db, q.updateTable('divorce_applications').set(patch).where('id', '=', id));
}

/** Pending applications whose certificate window ended before `today`. */
export const pendingPast = (db: Db, today: string): DivorceRow[] =>
  all(db, q.selectFrom('divorce_applications').selectAll().where('status', '=', 'pending').where('certificate_to', '<', today));

export const pendingAll = (db: Db): DivorceRow[] =>
  all(db, q.selectFrom('divorce_applications').selectAll().where('status', '=', 'pending').orderBy('receipt_date'));

export const deemedSince = (db: Db, since: string): DivorceRow[] =>
  all(
    db,
    q
      .selectFrom('divorce_applications')
      .selectAll()
      .where('status', '=', 'deemedWithdrawn')
      .where('certificate_to', '>=', since)
      .orderBy('certificate_to', 'desc'),
  );

/** Dissolves the marriage if, and only if, it is still registered; returns whether it did. */
export function dissolveMarriage(db: Db, marriageId: number, divorceId: number, at: string): boolean {
  return (
    run(
      db,
      q
        .updateTable('marriage_registrations')
        .set({ status: 'dissolved', dissolved_at: at, dissolved_by_divorce: divorceId, updated_at: at })
        .where('id', '=', marriageId)
        .where('status', '=', 'registered'),
    ).changes === 1
  );
}
