import { sql, type SelectQueryBuilder } from 'kysely';
import type { Db } from '../../core/db/connection';
import { all, first, queryBuilder, run } from '../../core/db/query';
import { ARCHIVE_TOKEN, ID_ROOM, idOfSearchKey } from './names';

// All SQL of marriage search: the FTS5 name index and the lookups behind the one search box.
// Every lookup walks an index newest first and stops at the limit, so a query costs about the
// same at 1,000 records as at 1,000,000.

interface Schema {
  marriage_registrations: {
    id: number;
    status: 'registered' | 'dissolved';
    registration_date: string;
    certificate_number: string;
    source: 'counter' | 'archive';
  };
  marriage_parties: {
    registration_id: number;
    sex: 'male' | 'female';
    name: string;
    name_initials: string;
    document_number: string | null;
  };
  marriage_name_search: { rowid: number; terms: string };
  divorce_applications: { marriage_id: number; certificate_number: string | null };
  marriage_replacements: { registration_id: number; certificate_number: string };
}
const q = queryBuilder<Schema>();

export interface SearchFilters {
  from?: string | undefined;
  to?: string | undefined;
  status?: 'registered' | 'dissolved' | undefined;
  source?: 'counter' | 'archive' | undefined;
}

// ── Index upkeep ────────────────────────────────────────────────────────────────────────────────

export function namesOfRegistration(
  db: Db,
  id: number,
): { registrationDate: string; source: 'counter' | 'archive'; parties: { sex: 'male' | 'female'; name: string }[] } | undefined {
  const r = first(db, q.selectFrom('marriage_registrations').select(['registration_date', 'source']).where('id', '=', id));
  if (!r) return undefined;
  const parties = all(db, q.selectFrom('marriage_parties').select(['sex', 'name']).where('registration_id', '=', id));
  return { registrationDate: r.registration_date, source: r.source, parties };
}

export function setPartyInitials(db: Db, id: number, sex: 'male' | 'female', initials: string): void {
  run(
    db,
    q.updateTable('marriage_parties').set({ name_initials: initials }).where('registration_id', '=', id).where('sex', '=', sex),
  );
}

export function insertSearchEntry(db: Db, key: number, terms: string): void {
  run(db, q.insertInto('marriage_name_search').values({ rowid: key, terms }));
}

/** One row per registration: the old row (if any) goes, the new one comes. */
export function replaceSearchEntry(db: Db, key: number, terms: string): void {
  run(db, q.deleteFrom('marriage_name_search').where('rowid', '=', key));
  run(db, q.insertInto('marriage_name_search').values({ rowid: key, terms }));
}

// ── Lookups ─────────────────────────────────────────────────────────────────────────────────────

type RegistrationQuery<O> = SelectQueryBuilder<Schema, 'marriage_registrations', O>;

function filtered<O>(query: RegistrationQuery<O>, f: SearchFilters): RegistrationQuery<O> {
  let out = query;
  if (f.from) out = out.where('marriage_registrations.registration_date', '>=', f.from);
  if (f.to) out = out.where('marriage_registrations.registration_date', '<=', f.to);
  if (f.status) out = out.where('marriage_registrations.status', '=', f.status);
  if (f.source) out = out.where('marriage_registrations.source', '=', f.source);
  return out;
}

const withSource = (match: string, source: SearchFilters['source']): string =>
  source === 'archive' ? `(${match}) AND "${ARCHIVE_TOKEN}"` : source === 'counter' ? `(${match}) NOT "${ARCHIVE_TOKEN}"` : match;

/**
 * Registrations whose name tokens match an FTS5 query, newest registration date first, within a
 * key range (the date filter). The source is a token of the index, so it is decided there too.
 */
export function idsByNameTokens(
  db: Db,
  match: string,
  keyRange: [number, number],
  source: SearchFilters['source'],
  limit: number,
): number[] {
  const query = q
    .selectFrom('marriage_name_search')
    .select('marriage_name_search.rowid as key')
    .where(sql<boolean>`marriage_name_search MATCH ${withSource(match, source)}`)
    .where('marriage_name_search.rowid', '>=', keyRange[0])
    .where('marriage_name_search.rowid', '<=', keyRange[1])
    .orderBy('marriage_name_search.rowid', 'desc')
    .limit(limit);
  return all(db, query).map((r) => idOfSearchKey(r.key));
}

/** Which of these registrations have the status. */
export function idsWithStatus(db: Db, ids: readonly number[], status: 'registered' | 'dissolved'): Set<number> {
  if (ids.length === 0) return new Set();
  const rows = all(
    db,
    q
      .selectFrom('marriage_registrations')
      .select('id')
      .where('id', 'in', [...ids])
      .where('status', '=', status),
  );
  return new Set(rows.map((r) => r.id));
}

/**
 * The other way round, for a status few registrations have: walk the registrations of that status
 * newest first (status/date index) and look each up in the name index by its key.
 */
export function idsByStatusThenName(
  db: Db,
  match: string,
  f: SearchFilters & { status: 'registered' | 'dissolved' },
  limit: number,
): number[] {
  const query = q
    .selectFrom('marriage_registrations')
    .select('marriage_registrations.id')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('marriage_name_search')
          .select(sql`1`.as('one'))
          .where(
            sql<boolean>`marriage_name_search.rowid = CAST(replace(marriage_registrations.registration_date, '-', '') AS INTEGER) * ${ID_ROOM} + marriage_registrations.id`,
          )
          .where(sql<boolean>`marriage_name_search MATCH ${withSource(match, f.source)}`),
      ),
    );
  return all(
    db,
    filtered(query, { ...f, source: undefined })
      .orderBy('marriage_registrations.registration_date', 'desc')
      .orderBy('marriage_registrations.id', 'desc')
      .limit(limit),
  ).map((r) => r.id);
}

/** Some registrations, filtered, newest registration date first. */
function filteredIds(db: Db, ids: readonly number[], f: SearchFilters): number[] {
  if (ids.length === 0) return [];
  const query = q
    .selectFrom('marriage_registrations')
    .select('marriage_registrations.id')
    .where('marriage_registrations.id', 'in', [...new Set(ids)]);
  return all(
    db,
    filtered(query, f).orderBy('marriage_registrations.registration_date', 'desc').orderBy('marriage_registrations.id', 'desc'),
  ).map((r) => r.id);
}

/** Registrations a document number appears in (a person marries a few times at most), newest first. */
export function idsByDocument(db: Db, number: string, f: SearchFilters): number[] {
  const ids = all(db, q.selectFrom('marriage_parties').select('registration_id').where('document_number', '=', number));
  return filteredIds(
    db,
    ids.map((r) => r.registration_id),
    f,
  );
}

/**
 * The marriage a certificate number belongs to: its own 结婚证 number (legacy formats included),
 * the 离婚证 that dissolved it, or a replacement (BJ/BL) issued for it. Three unique-index lookups.
 */
export function idsByCertificate(db: Db, numbers: readonly string[], f: SearchFilters): number[] {
  const wanted = [...new Set(numbers)];
  const ids = [
    ...all(db, q.selectFrom('marriage_registrations').select('id').where('certificate_number', 'in', wanted)).map((r) => r.id),
    ...all(db, q.selectFrom('divorce_applications').select('marriage_id').where('certificate_number', 'in', wanted)).map(
      (r) => r.marriage_id,
    ),
    ...all(db, q.selectFrom('marriage_replacements').select('registration_id').where('certificate_number', 'in', wanted)).map(
      (r) => r.registration_id,
    ),
  ];
  return filteredIds(db, ids, f);
}

/** No text, only filters: the registration-date index, newest first. */
export function idsByFilters(db: Db, f: SearchFilters, limit: number): number[] {
  const query = q.selectFrom('marriage_registrations').select('marriage_registrations.id');
  return all(
    db,
    filtered(query, f)
      .orderBy('marriage_registrations.registration_date', 'desc')
      .orderBy('marriage_registrations.id', 'desc')
      .limit(limit),
  ).map((r) => r.id);
}

/** Names and stored initials of some registrations' parties, to confirm long queries. */
export function partyNames(db: Db, ids: readonly number[]): { registration_id: number; name: string; name_initials: string }[] {
  if (ids.length === 0) return [];
  return all(
    db,
    q
      .selectFrom('marriage_parties')
      .select(['registration_id', 'name', 'name_initials'])
      .where('registration_id', 'in', [...ids]),
  );
}
