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
  /** Set by the database (default 'counter'); archive imports write 'archive' (search/, archive/). */
  source?: 'counter' | 'archive';
}

export interface PartyRow {
  registration_id: number;
  sex: 'male' | 'female';
  name: string;
  document_type: string;
  /** Null only in legacy archive records (a CHECK keeps it so). */
  document_number: string | null;
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
  audit_log: {
    id: number;
    at: string;
    username: string | null;
    action: string;
    entity: string;
    entity_id: string | null;
    after: string | null;
  };
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

/** Several registrations and their parties in two queries (search results: up to 50 at a time). */
export function registrationsWithParties(
  db: Db,
  ids: readonly number[],
): { registrations: RegistrationRow[]; parties: PartyRow[] } {
  if (ids.length === 0) return { registrations: [], parties: [] };
  const wanted = [...ids];
  return {
    registrations: all(db, q.selectFrom('marriage_registrations').selectAll().where('id', 'in', wanted)),
    parties: all(db, q.selectFrom('marriage_parties').selectAll().where('registration_id', 'in', wanted)),
  };
}

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

/** A supervisor's removal: the entry's last day in force moves to the day before the removal. */
export function endBlacklist(db: Db, id: number, listedUntil: string): void {
  run(db, q.updateTable('credit_blacklist').set({ listed_until: listedUntil }).where('id', '=', id));
}

/**
 * Removals as audited by marriage.blacklist.end (read-only), oldest first: the table keeps the end
 * date, the audit entry keeps why and who, so no column is needed for them.
 */
export const blacklistRemovalEntries = (db: Db, id?: number) =>
  all(
    db,
    q
      .selectFrom('audit_log')
      .select(['entity_id', 'at', 'username', 'after'])
      .where('entity', '=', 'creditBlacklist')
      .$if(id !== undefined, (qb) => qb.where('entity_id', '=', String(id)))
      .where('action', '=', 'status')
      .orderBy('id'),
  );
