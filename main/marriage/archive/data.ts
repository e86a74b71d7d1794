import type { Generated } from 'kysely';
import type { Db } from '../../core/db/connection';
import { all, first, queryBuilder, run } from '../../core/db/query';

// All SQL of the archive import. Imported registrations go into the marriage register's own
// tables (marking their source and batch) plus the archive's provenance table.

export interface BatchRow {
  id: number;
  file_name: string;
  file_format: 'csv' | 'xlsx';
  file_sha256: string;
  row_count: number;
  imported_by: number;
  imported_at: string;
}

export interface ArchiveRegistrationRow {
  id: number;
  status: 'registered' | 'dissolved';
  registration_date: string;
  certificate_number: string;
  division_code: string;
  party_origin: string;
  cross_province: 0;
  clerk_id: null;
  dissolved_at: string | null;
  created_at: string;
  updated_at: string;
  source: 'archive';
  archive_batch_id: number;
}

export interface ArchivePartyRow {
  registration_id: number;
  source: 'archive';
  sex: 'male' | 'female';
  name: string;
  document_type: string;
  document_number: string | null;
  birth_date: string;
  nationality: string;
  ethnic_code: string | null;
  prior_status: string;
  name_initials: string;
}

export interface ArchiveRecordRow {
  registration_id: number;
  batch_id: number;
  row_number: number;
  registry_name: string;
  archive_number: string | null;
  remarks: string | null;
}

interface Schema {
  marriage_archive_batches: Omit<BatchRow, 'id'> & { id: Generated<number> };
  marriage_registrations: ArchiveRegistrationRow;
  marriage_parties: ArchivePartyRow;
  marriage_archive_records: ArchiveRecordRow;
  divorce_applications: { marriage_id: number; certificate_number: string | null };
  marriage_replacements: { registration_id: number; certificate_number: string };
}
const q = queryBuilder<Schema>();

/** The registration a certificate number already belongs to (its own, its divorce's or a replacement's). */
export function certificateHolder(db: Db, number: string): number | undefined {
  return (
    first(db, q.selectFrom('marriage_registrations').select('id').where('certificate_number', '=', number))?.id ??
    first(db, q.selectFrom('divorce_applications').select('marriage_id').where('certificate_number', '=', number))?.marriage_id ??
    first(db, q.selectFrom('marriage_replacements').select('registration_id').where('certificate_number', '=', number))
      ?.registration_id
  );
}

export const batchBySha256 = (db: Db, sha256: string): BatchRow | undefined =>
  first(db, q.selectFrom('marriage_archive_batches').selectAll().where('file_sha256', '=', sha256));

export const batchById = (db: Db, id: number): BatchRow | undefined =>
  first(db, q.selectFrom('marriage_archive_batches').selectAll().where('id', '=', id));

export function insertBatch(db: Db, row: Omit<BatchRow, 'id'>): number {
  return run(db, q.insertInto('marriage_archive_batches').values(row)).lastInsertRowid;
}

export function insertArchiveRegistration(db: Db, row: ArchiveRegistrationRow): void {
  run(db, q.insertInto('marriage_registrations').values(row));
}

export function insertArchiveParty(db: Db, row: ArchivePartyRow): void {
  run(db, q.insertInto('marriage_parties').values(row));
}

export function insertArchiveRecord(db: Db, row: ArchiveRecordRow): void {
  run(db, q.insertInto('marriage_archive_records').values(row));
}

export const listBatches = (db: Db): BatchRow[] =>
  all(db, q.selectFrom('marriage_archive_batches').selectAll().orderBy('id', 'desc'));

/** The first and last registration id a batch created (they are consecutive). */
export function batchRegistrationRange(db: Db, batchId: number): { min: number | null; max: number | null } {
  const r = first(
    db,
    q
      .selectFrom('marriage_registrations')
      .select((eb) => [eb.fn.min('id').as('min'), eb.fn.max('id').as('max')])
      .where('archive_batch_id', '=', batchId),
  );
  return { min: r?.min ?? null, max: r?.max ?? null };
}

export const archiveRecordOf = (db: Db, registrationId: number): ArchiveRecordRow | undefined =>
  first(db, q.selectFrom('marriage_archive_records').selectAll().where('registration_id', '=', registrationId));
