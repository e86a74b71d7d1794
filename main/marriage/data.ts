import type { Generated } from 'kysely';
import type { Db } from '../core/db/connection';
import { all, first, queryBuilder, run } from '../core/db/query';

// All SQL of marriage registration. The service is the only caller.

export interface RegistrationRow {
  id: number;
  status: 'registered' | 'dissolved';
  registration_date: string;
  certificate_number: string;
  division_code: string;
  party_origin: string;
  cross_province: number;
  clerk_id: number | null;
  dissolved_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface PartyRow {
  registration_id: number;
  sex: 'male' | 'female';
  name: string;
  document_type: string;
  document_number: string;
  birth_date: string;
  nationality: string;
  ethnic_code: string | null;
  prior_status: string;
  prior_evidence: string | null;
  occupation: string | null;
  phone: string | null;
  address: string | null;
  household_province: string | null;
}

export interface RefusalRow {
  id: number;
  refusal_date: string;
  reasons: string;
  application: string;
  clerk_id: number | null;
  created_at: string;
}

export interface BlacklistRow {
  id: number;
  document_number: string;
  name: string;
  reason: string;
  source_document: string;
  listed_from: string;
  listed_until: string | null;
  created_at: string;
  created_by: number | null;
}

type WithGeneratedId<T> = Omit<T, 'id'> & { id: Generated<number> };

interface Schema {
  marriage_registrations: WithGeneratedId<RegistrationRow>;
  marriage_parties: PartyRow;
  marriage_refusals: WithGeneratedId<RefusalRow>;
  credit_blacklist: WithGeneratedId<BlacklistRow>;
}
const q = queryBuilder<Schema>();

/** The id is chosen by the caller (inside its write transaction) so the certificate number can point at it. */
export function insertRegistration(db: Db, row: RegistrationRow): void {
  run(db, q.insertInto('marriage_registrations').values(row));
}

export const nextRegistrationId = (db: Db): number =>
  (first(
    db,
    q.selectFrom('marriage_registrations').select((eb) => eb.fn.max('id').as('max')),
  )?.max ?? 0) + 1;

/** A spoiled print: the registration moves to its newly drawn certificate number. */
export function replaceCertificateNumber(db: Db, id: number, number: string, at: string): void {
  run(db, q.updateTable('marriage_registrations').set({ certificate_number: number, updated_at: at }).where('id', '=', id));
}

export function insertParty(db: Db, row: PartyRow): void {
  run(db, q.insertInto('marriage_parties').values(row));
}

export const registrationById = (db: Db, id: number): RegistrationRow | undefined =>
  first(db, q.selectFrom('marriage_registrations').selectAll().where('id', '=', id));

export const partiesOf = (db: Db, registrationId: number): PartyRow[] =>
  all(db, q.selectFrom('marriage_parties').selectAll().where('registration_id', '=', registrationId).orderBy('sex', 'desc'));

/** The registrations a document number appears in, newest first. */
export function registrationsOfDocument(db: Db, documentNumber: string): RegistrationRow[] {
  return all(
    db,
    q
      .selectFrom('marriage_registrations as r')
      .innerJoin('marriage_parties as p', 'p.registration_id', 'r.id')
      .selectAll('r')
      .where('p.document_number', '=', documentNumber)
      .orderBy('r.registration_date', 'desc')
      .orderBy('r.id', 'desc'),
  );
}

export function insertRefusal(db: Db, row: Omit<RefusalRow, 'id'>): number {
  return run(db, q.insertInto('marriage_refusals').values(row)).lastInsertRowid;
}

export const refusalById = (db: Db, id: number): RefusalRow | undefined =>
  first(db, q.selectFrom('marriage_refusals').selectAll().where('id', '=', id));

/** Entries in force on a date: listed on or before it and not yet removed. */
export function activeBlacklistEntry(db: Db, documentNumber: string, onDate: string): BlacklistRow | undefined {
  return first(
    db,
    q
      .selectFrom('credit_blacklist')
      .selectAll()
      .where('document_number', '=', documentNumber)
      .where('listed_from', '<=', onDate)
      .where((eb) => eb.or([eb('listed_until', 'is', null), eb('listed_until', '>=', onDate)]))
      .limit(1),
  );
}

export function insertBlacklist(db: Db, row: Omit<BlacklistRow, 'id'>): number {
  return run(db, q.insertInto('credit_blacklist').values(row)).lastInsertRowid;
}

export const blacklistById = (db: Db, id: number): BlacklistRow | undefined =>
  first(db, q.selectFrom('credit_blacklist').selectAll().where('id', '=', id));

export const listBlacklist = (db: Db): BlacklistRow[] =>
  all(db, q.selectFrom('credit_blacklist').selectAll().orderBy('listed_from', 'desc').orderBy('id', 'desc'));

/**
 * Registrations matching a certificate number, a document number, or a name (full or beginning),
 * newest first. Every branch is an index lookup: the counter searches while the couple waits.
 */
export function findRegistrationIds(
  db: Db,
  by: { certificateNumber: string } | { documentNumber: string } | { namePrefix: string },
  limit: number,
): number[] {
  if ('certificateNumber' in by) {
    return all(
      db,
      q.selectFrom('marriage_registrations').select('id').where('certificate_number', '=', by.certificateNumber),
    ).map((r) => r.id);
  }
  let parties = q.selectFrom('marriage_parties').select('registration_id');
  if ('documentNumber' in by) parties = parties.where('document_number', '=', by.documentNumber);
  // A range instead of LIKE: it uses the name index for any script, CJK included.
  else parties = parties.where('name', '>=', by.namePrefix).where('name', '<', `${by.namePrefix}\u{10FFFF}`);
  return all(db, parties.orderBy('registration_id', 'desc').limit(limit)).map((r) => r.registration_id);
}
