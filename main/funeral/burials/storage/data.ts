import type { Generated } from 'kysely';
import type { Db } from '../../../core/db/connection';
import { all, first, queryBuilder, run } from '../../../core/db/query';
import type { Relation } from '../contract';

// All SQL of ash storage (骨灰寄存) and its renewals.

export interface StorageRow {
  id: number;
  cemetery_id: number;
  niche_code: string;
  certificate_number: string;
  deceased_name: string;
  deceased_id_number: string | null;
  deceased_sex: 'male' | 'female';
  death_date: string;
  cremation_certificate_no: string | null;
  depositor_name: string;
  depositor_id_number: string;
  depositor_relation: Relation;
  depositor_phone: string;
  start_date: string;
  term_months: number;
  end_date: string;
  fee_fen: number;
  status: 'active' | 'collected';
  collected_on: string | null;
  collector_name: string | null;
  collector_id_number: string | null;
  collector_relation: Relation | null;
  collection_note: string | null;
  note: string | null;
  clerk_id: number | null;
  created_at: string;
  updated_at: string;
}

export interface StorageRenewalRow {
  id: number;
  storage_id: number;
  months: number;
  from_end: string;
  to_end: string;
  fee_fen: number;
  renewed_on: string;
  note: string | null;
  clerk_id: number | null;
  created_at: string;
}

interface Schema {
  funeral_ash_storages: Omit<StorageRow, 'id'> & { id: Generated<number> };
  funeral_storage_renewals: Omit<StorageRenewalRow, 'id'> & { id: Generated<number> };
  users: { id: number; display_name: string };
}
const q = queryBuilder<Schema>();

export const insertStorage = (db: Db, row: Omit<StorageRow, 'id'>): number =>
  run(db, q.insertInto('funeral_ash_storages').values(row)).lastInsertRowid;

export const storageById = (db: Db, id: number): StorageRow | undefined =>
  first(db, q.selectFrom('funeral_ash_storages').selectAll().where('id', '=', id));

export const activeInNiche = (db: Db, cemeteryId: number, nicheCode: string): StorageRow | undefined =>
  first(
    db,
    q
      .selectFrom('funeral_ash_storages')
      .selectAll()
      .where('cemetery_id', '=', cemeteryId)
      .where('niche_code', '=', nicheCode)
      .where('status', '=', 'active'),
  );

export const activeOfDeceased = (db: Db, idNumber: string): StorageRow | undefined =>
  first(
    db,
    q.selectFrom('funeral_ash_storages').selectAll().where('deceased_id_number', '=', idNumber).where('status', '=', 'active'),
  );

export function updateStorage(db: Db, id: number, patch: Partial<Omit<StorageRow, 'id' | 'cemetery_id'>>): void {
  run(db, q.updateTable('funeral_ash_storages').set(patch).where('id', '=', id));
}

const range = (prefix: string): [string, string] => [prefix, `${prefix}\u{10FFFF}`];

/** By certificate, ID number, niche code or names (beginning), newest first. */
export function searchStorages(db: Db, text: string, status: 'current' | 'collected' | 'all', limit: number): StorageRow[] {
  let sel = q.selectFrom('funeral_ash_storages').selectAll();
  if (status === 'current') sel = sel.where('status', '=', 'active');
  if (status === 'collected') sel = sel.where('status', '=', 'collected');
  if (text !== '') {
    const [lo, hi] = range(text);
    sel = sel.where((eb) =>
      eb.or([
        eb('certificate_number', '=', text.toUpperCase()),
        eb('deceased_id_number', '=', text.toUpperCase()),
        eb('niche_code', '=', text),
        eb.and([eb('deceased_name', '>=', lo), eb('deceased_name', '<', hi)]),
        eb.and([eb('depositor_name', '>=', lo), eb('depositor_name', '<', hi)]),
      ]),
    );
  }
  return all(db, sel.orderBy('id', 'desc').limit(limit));
}

export const activeEndingBy = (db: Db, until: string): StorageRow[] =>
  all(
    db,
    q
      .selectFrom('funeral_ash_storages')
      .selectAll()
      .where('status', '=', 'active')
      .where('end_date', '<=', until)
      .orderBy('end_date')
      .limit(2000),
  );

export const insertStorageRenewal = (db: Db, row: Omit<StorageRenewalRow, 'id'>): number =>
  run(db, q.insertInto('funeral_storage_renewals').values(row)).lastInsertRowid;

export const storageRenewalsOf = (db: Db, storageId: number): (StorageRenewalRow & { clerk_name: string | null })[] =>
  all(
    db,
    q
      .selectFrom('funeral_storage_renewals as r')
      .leftJoin('users as u', 'u.id', 'r.clerk_id')
      .selectAll('r')
      .select('u.display_name as clerk_name')
      .where('r.storage_id', '=', storageId)
      .orderBy('r.id'),
  );

export function setStorageCertificate(db: Db, id: number, certificateNumber: string): void {
  run(db, q.updateTable('funeral_ash_storages').set({ certificate_number: certificateNumber }).where('id', '=', id));
}
