import { sql, type Generated } from 'kysely';
import type { Db } from '../../core/db/connection';
import { all, first, queryBuilder, run } from '../../core/db/query';
import type { BurialForm } from '../shared/forms';
import type { Relation, Residency, ReservationStatus } from './contract';

// All SQL of burials, spouse reservations, renewals, use-period versions, certificate prints and
// the name grams behind "contains" search.

export interface BurialRow {
  id: number;
  cemetery_id: number;
  plot_id: number;
  plot_label: string;
  certificate_number: string;
  deceased_name: string;
  deceased_id_number: string | null;
  deceased_sex: 'male' | 'female';
  deceased_birth_date: string | null;
  death_date: string;
  household_division: string;
  death_certificate_no: string;
  cremation_certificate_no: string | null;
  cremation_date: string | null;
  holder_name: string;
  holder_id_number: string;
  holder_relation: Relation;
  holder_phone: string;
  holder_address: string | null;
  applicant_name: string | null;
  applicant_id_number: string | null;
  applicant_relation: Relation | null;
  applicant_phone: string | null;
  burial_date: string;
  form: BurialForm;
  use_period_id: number | null;
  use_years: number;
  expires_on: string;
  fee_fen: number;
  residency: Residency;
  residency_override_reason: string | null;
  takes_reservation_id: number | null;
  note: string | null;
  clerk_id: number | null;
  created_at: string;
  updated_at: string;
}

export interface ReservationRow {
  id: number;
  plot_id: number;
  spouse_of_burial_id: number;
  spouse_name: string;
  spouse_id_number: string;
  note: string | null;
  status: ReservationStatus;
  used_by_burial_id: number | null;
  release_reason: string | null;
  created_by: number | null;
  created_at: string;
  closed_at: string | null;
}

export interface RenewalRow {
  id: number;
  burial_id: number;
  years: number;
  from_expiry: string;
  to_expiry: string;
  fee_fen: number;
  renewed_on: string;
  payer_name: string;
  note: string | null;
  clerk_id: number | null;
  created_at: string;
}

export interface UsePeriodRow {
  id: number;
  years: number;
  effective_from: string;
  basis: string | null;
  is_sample: number;
  created_by: number | null;
  created_at: string;
}

export interface PrintRow {
  id: number;
  kind: 'burialCertificate' | 'storageCertificate';
  record_id: number;
  copy_no: number;
  reason: string | null;
  printed_by: number | null;
  printed_at: string;
}

interface Schema {
  funeral_burials: Omit<BurialRow, 'id'> & { id: Generated<number> };
  funeral_burial_name_grams: { gram: string; burial_id: number };
  funeral_spouse_reservations: Omit<ReservationRow, 'id'> & { id: Generated<number> };
  funeral_renewals: Omit<RenewalRow, 'id'> & { id: Generated<number> };
  funeral_use_periods: Omit<UsePeriodRow, 'id'> & { id: Generated<number> };
  funeral_certificate_prints: Omit<PrintRow, 'id'> & { id: Generated<number> };
  users: { id: number; display_name: string };
}
const q = queryBuilder<Schema>();

// ---- burials

export const insertBurial = (db: Db, row: Omit<BurialRow, 'id'>): number =>
  run(db, q.insertInto('funeral_burials').values(row)).lastInsertRowid;

export const burialById = (db: Db, id: number): BurialRow | undefined =>
  first(db, q.selectFrom('funeral_burials').selectAll().where('id', '=', id));

export const burialsByIds = (db: Db, ids: readonly number[]): BurialRow[] =>
  ids.length === 0
    ? []
    : all(
        db,
        q
          .selectFrom('funeral_burials')
          .selectAll()
          .where('id', 'in', [...ids]),
      );

export const burialsOfPlot = (db: Db, plotId: number): BurialRow[] =>
  all(db, q.selectFrom('funeral_burials').selectAll().where('plot_id', '=', plotId).orderBy('id'));

export const burialOfDeceasedId = (db: Db, idNumber: string): BurialRow | undefined =>
  first(db, q.selectFrom('funeral_burials').selectAll().where('deceased_id_number', '=', idNumber).limit(1));

export function setCertificateNumber(db: Db, id: number, certificateNumber: string): void {
  run(db, q.updateTable('funeral_burials').set({ certificate_number: certificateNumber }).where('id', '=', id));
}

export function updateBurial(db: Db, id: number, patch: Partial<Pick<BurialRow, 'expires_on' | 'updated_at'>>): void {
  run(db, q.updateTable('funeral_burials').set(patch).where('id', '=', id));
}

/** The 1- and 2-character pieces of a name: what "contains" search looks up. */
export function nameGrams(name: string): string[] {
  const chars = [...name];
  const grams = new Set<string>(chars);
  for (let i = 0; i + 1 < chars.length; i++) grams.add(chars[i]! + chars[i + 1]!);
  return [...grams];
}

export function insertNameGrams(db: Db, burialId: number, name: string): void {
  run(db, q.insertInto('funeral_burial_name_grams').values(nameGrams(name).map((gram) => ({ gram, burial_id: burialId }))));
}

// ---- search (every branch is an index lookup, newest first)

const prefixRange = (prefix: string): [string, string] => [prefix, `${prefix}\u{10FFFF}`];

export type BurialSearch =
  | { certificateNumber: string }
  | { idNumber: string }
  | { idPrefix: string }
  | { plotLabelPrefix: string }
  | { namePrefix: string }
  | { holderPrefix: string }
  | { nameContains: string };

export function findBurialIds(db: Db, by: BurialSearch, cemeteryId: number | null, limit: number): number[] {
  let sel = q.selectFrom('funeral_burials').select('id');
  if (cemeteryId !== null) sel = sel.where('cemetery_id', '=', cemeteryId);
  if ('certificateNumber' in by) sel = sel.where('certificate_number', '=', by.certificateNumber);
  else if ('idNumber' in by)
    sel = sel.where((eb) => eb.or([eb('deceased_id_number', '=', by.idNumber), eb('holder_id_number', '=', by.idNumber)]));
  else if ('idPrefix' in by) {
    const [lo, hi] = prefixRange(by.idPrefix);
    sel = sel.where('deceased_id_number', '>=', lo).where('deceased_id_number', '<', hi);
  } else if ('plotLabelPrefix' in by) {
    const [lo, hi] = prefixRange(by.plotLabelPrefix);
    sel = sel.where('plot_label', '>=', lo).where('plot_label', '<', hi);
  } else if ('namePrefix' in by) {
    const [lo, hi] = prefixRange(by.namePrefix);
    sel = sel.where('deceased_name', '>=', lo).where('deceased_name', '<', hi);
  } else if ('holderPrefix' in by) {
    const [lo, hi] = prefixRange(by.holderPrefix);
    sel = sel.where('holder_name', '>=', lo).where('holder_name', '<', hi);
  } else {
    return containsIds(db, by.nameContains, cemeteryId, limit);
  }
  return all(db, sel.orderBy('id', 'desc').limit(limit)).map((r) => r.id);
}

/** Names containing `text`: one gram lookup; texts longer than a gram are confirmed with instr(). */
function containsIds(db: Db, text: string, cemeteryId: number | null, limit: number): number[] {
  const chars = [...text];
  let sel = q
    .selectFrom('funeral_burial_name_grams as g')
    .innerJoin('funeral_burials as b', 'b.id', 'g.burial_id')
    .select('g.burial_id as id')
    .where('g.gram', '=', chars.slice(0, 2).join(''));
  if (chars.length > 2) sel = sel.where((eb) => eb(eb.fn('instr', ['b.deceased_name', eb.val(text)]), '>', 0));
  if (cemeteryId !== null) sel = sel.where('b.cemetery_id', '=', cemeteryId);
  return all(db, sel.orderBy('g.burial_id', 'desc').limit(limit)).map((r) => r.id);
}

/** Burials whose use period ends on or before `until`, soonest first. */
export function expiringBurials(
  db: Db,
  until: string,
  cemeteryId: number | null,
  limit: number,
): { rows: BurialRow[]; total: number } {
  let sel = q.selectFrom('funeral_burials').where('expires_on', '<=', until);
  if (cemeteryId !== null) sel = sel.where('cemetery_id', '=', cemeteryId);
  const total =
    first(
      db,
      sel.select((eb) => eb.fn.countAll<number>().as('n')),
    )?.n ?? 0;
  const rows = all(db, sel.selectAll().orderBy('expires_on').orderBy('id').limit(limit));
  return { rows, total };
}

/**
 * Burials per month ('YYYY-MM'), cemetery and form with a burial date in [from, to] (inclusive):
 * the funeral indicators' counts, answered from the (burial_date, cemetery_id, form) index alone.
 */
export const burialCountsBetween = (
  db: Db,
  from: string,
  to: string,
): { month: string; cemetery_id: number; form: BurialForm; n: number }[] => {
  const month = sql<string>`substr(burial_date, 1, 7)`;
  return all(
    db,
    q
      .selectFrom('funeral_burials')
      .select([month.as('month'), 'cemetery_id', 'form', (eb) => eb.fn.countAll<number>().as('n')])
      .where('burial_date', '>=', from)
      .where('burial_date', '<=', to)
      .groupBy([month, 'cemetery_id', 'form']),
  );
};

// ---- spouse reservations

export const insertReservation = (db: Db, row: Omit<ReservationRow, 'id'>): number =>
  run(db, q.insertInto('funeral_spouse_reservations').values(row)).lastInsertRowid;

export const reservationById = (db: Db, id: number): ReservationRow | undefined =>
  first(db, q.selectFrom('funeral_spouse_reservations').selectAll().where('id', '=', id));

export const keptReservationOfPlot = (db: Db, plotId: number): ReservationRow | undefined =>
  first(db, q.selectFrom('funeral_spouse_reservations').selectAll().where('plot_id', '=', plotId).where('status', '=', 'kept'));

export const reservationsOfPlot = (db: Db, plotId: number): ReservationRow[] =>
  all(db, q.selectFrom('funeral_spouse_reservations').selectAll().where('plot_id', '=', plotId).orderBy('id'));

export const reservationForBurial = (db: Db, burialId: number): ReservationRow | undefined =>
  first(
    db,
    q
      .selectFrom('funeral_spouse_reservations')
      .selectAll()
      .where('spouse_of_burial_id', '=', burialId)
      .orderBy('id', 'desc')
      .limit(1),
  );

export const keptReservationFor = (db: Db, idNumber: string): ReservationRow | undefined =>
  first(
    db,
    q.selectFrom('funeral_spouse_reservations').selectAll().where('spouse_id_number', '=', idNumber).where('status', '=', 'kept'),
  );

export function closeReservation(
  db: Db,
  id: number,
  patch: Pick<ReservationRow, 'status' | 'closed_at'> & Partial<Pick<ReservationRow, 'used_by_burial_id' | 'release_reason'>>,
): void {
  run(db, q.updateTable('funeral_spouse_reservations').set(patch).where('id', '=', id).where('status', '=', 'kept'));
}

// ---- renewals

export const insertRenewal = (db: Db, row: Omit<RenewalRow, 'id'>): number =>
  run(db, q.insertInto('funeral_renewals').values(row)).lastInsertRowid;

export const renewalsOf = (db: Db, burialId: number): (RenewalRow & { clerk_name: string | null })[] =>
  all(
    db,
    q
      .selectFrom('funeral_renewals as r')
      .leftJoin('users as u', 'u.id', 'r.clerk_id')
      .selectAll('r')
      .select('u.display_name as clerk_name')
      .where('r.burial_id', '=', burialId)
      .orderBy('r.id'),
  );

// ---- use period versions

export const allUsePeriods = (db: Db): (UsePeriodRow & { created_by_name: string | null })[] =>
  all(
    db,
    q
      .selectFrom('funeral_use_periods as p')
      .leftJoin('users as u', 'u.id', 'p.created_by')
      .selectAll('p')
      .select('u.display_name as created_by_name')
      .orderBy('p.effective_from', 'desc'),
  );

export const usePeriodOn = (db: Db, on: string): UsePeriodRow | undefined =>
  first(
    db,
    q.selectFrom('funeral_use_periods').selectAll().where('effective_from', '<=', on).orderBy('effective_from', 'desc').limit(1),
  );

export const usePeriodAt = (db: Db, effectiveFrom: string): UsePeriodRow | undefined =>
  first(db, q.selectFrom('funeral_use_periods').selectAll().where('effective_from', '=', effectiveFrom));

export const insertUsePeriod = (db: Db, row: Omit<UsePeriodRow, 'id'>): number =>
  run(db, q.insertInto('funeral_use_periods').values(row)).lastInsertRowid;

// ---- certificate prints

export const printsOf = (db: Db, kind: PrintRow['kind'], recordId: number): PrintRow[] =>
  all(
    db,
    q
      .selectFrom('funeral_certificate_prints')
      .selectAll()
      .where('kind', '=', kind)
      .where('record_id', '=', recordId)
      .orderBy('copy_no'),
  );

export const insertPrint = (db: Db, row: Omit<PrintRow, 'id'>): number =>
  run(db, q.insertInto('funeral_certificate_prints').values(row)).lastInsertRowid;

export const userName = (db: Db, id: number | null): string | null =>
  id === null ? null : (first(db, q.selectFrom('users').select('display_name').where('id', '=', id))?.display_name ?? null);
