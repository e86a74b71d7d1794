import { sql, type Generated } from 'kysely';
import type { Db } from '../../core/db/connection';
import { all, first, queryBuilder, run } from '../../core/db/query';
import type { WaiverStatus } from './contract';

// All SQL of the fee waivers: standards (versions, items, categories), funeral homes, waiver
// records and monthly settlements.

export interface VersionRow {
  id: number;
  effective_from: string;
  title: string;
  basis: string | null;
  is_sample: number;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}
export interface ItemRow {
  version_id: number;
  code: string;
  name: string;
  unit: string;
  standard_price_fen: number;
  waivable_quantity: number;
  sort: number;
}
export interface CategoryRow {
  version_id: number;
  code: string;
  name: string;
  cap_fen: number;
  local_only: number;
  evidence_label: string | null;
  sort: number;
}
export interface CategoryItemRow {
  version_id: number;
  category_code: string;
  item_code: string;
}
export interface HomeRow {
  id: number;
  name: string;
  division_code: string;
  contact: string | null;
  phone: string | null;
  active: number;
  created_at: string;
  updated_at: string;
}
export interface SettlementRowDb {
  id: number;
  funeral_home_id: number;
  month: string;
  waiver_count: number;
  actual_fen: number;
  waived_fen: number;
  settled_by: number | null;
  settled_at: string;
}
export interface WaiverRow {
  id: number;
  number: string;
  status: WaiverStatus;
  deceased_name: string;
  deceased_id_number: string;
  deceased_sex: 'male' | 'female';
  deceased_birth_date: string;
  household_division: string;
  death_date: string;
  version_id: number;
  category_code: string;
  evidence_ref: string | null;
  funeral_home_id: number;
  computation: string;
  actual_fen: number;
  waived_fen: number;
  cap_fen: number;
  note: string | null;
  recorded_on: string;
  recorded_by: number | null;
  settlement_id: number | null;
  void_reason: string | null;
  voided_at: string | null;
  voided_by: number | null;
  created_at: string;
  updated_at: string;
}

interface Schema {
  funeral_waiver_versions: Omit<VersionRow, 'id'> & { id: Generated<number> };
  funeral_service_items: ItemRow;
  funeral_waiver_categories: CategoryRow;
  funeral_waiver_category_items: CategoryItemRow;
  funeral_homes: Omit<HomeRow, 'id'> & { id: Generated<number> };
  funeral_waiver_settlements: Omit<SettlementRowDb, 'id'> & { id: Generated<number> };
  funeral_waivers: Omit<WaiverRow, 'id'> & { id: Generated<number> };
  users: { id: number; display_name: string };
}
const q = queryBuilder<Schema>();

// ---- standards ------------------------------------------------------------------------------------

export const allVersions = (db: Db): VersionRow[] =>
  all(db, q.selectFrom('funeral_waiver_versions').selectAll().orderBy('effective_from'));

export const versionById = (db: Db, id: number): VersionRow | undefined =>
  first(db, q.selectFrom('funeral_waiver_versions').selectAll().where('id', '=', id));

export const versionByDate = (db: Db, effectiveFrom: string): VersionRow | undefined =>
  first(db, q.selectFrom('funeral_waiver_versions').selectAll().where('effective_from', '=', effectiveFrom));

/** The version in force on `date`: the latest effective_from on or before it. */
export const versionInForce = (db: Db, date: string): VersionRow | undefined =>
  first(
    db,
    q
      .selectFrom('funeral_waiver_versions')
      .selectAll()
      .where('effective_from', '<=', date)
      .orderBy('effective_from', 'desc')
      .limit(1),
  );

export const itemsOf = (db: Db, versionId: number): ItemRow[] =>
  all(db, q.selectFrom('funeral_service_items').selectAll().where('version_id', '=', versionId).orderBy('sort'));

export const categoriesOf = (db: Db, versionId: number): CategoryRow[] =>
  all(db, q.selectFrom('funeral_waiver_categories').selectAll().where('version_id', '=', versionId).orderBy('sort'));

export const categoryItemsOf = (db: Db, versionId: number): CategoryItemRow[] =>
  all(db, q.selectFrom('funeral_waiver_category_items').selectAll().where('version_id', '=', versionId));

export const appliedCounts = (db: Db): { version_id: number; n: number }[] =>
  all(
    db,
    q
      .selectFrom('funeral_waivers')
      .select(['version_id', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('version_id'),
  );

export const appliedCount = (db: Db, versionId: number): number =>
  first(
    db,
    q
      .selectFrom('funeral_waivers')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('version_id', '=', versionId),
  )?.n ?? 0;

export const insertVersion = (db: Db, row: Omit<VersionRow, 'id'>): number =>
  run(db, q.insertInto('funeral_waiver_versions').values(row)).lastInsertRowid;

export function updateVersion(
  db: Db,
  id: number,
  patch: Pick<VersionRow, 'effective_from' | 'title' | 'basis' | 'updated_at'>,
): void {
  run(
    db,
    q
      .updateTable('funeral_waiver_versions')
      .set({ ...patch, is_sample: 0 })
      .where('id', '=', id),
  );
}

/** Removes a version's items and categories (only ever for a version no waiver uses; triggers guard it). */
export function clearVersionContent(db: Db, versionId: number): void {
  run(db, q.deleteFrom('funeral_waiver_category_items').where('version_id', '=', versionId));
  run(db, q.deleteFrom('funeral_waiver_categories').where('version_id', '=', versionId));
  run(db, q.deleteFrom('funeral_service_items').where('version_id', '=', versionId));
}

export function insertVersionContent(db: Db, items: ItemRow[], categories: CategoryRow[], links: CategoryItemRow[]): void {
  for (const it of items) run(db, q.insertInto('funeral_service_items').values(it));
  for (const c of categories) run(db, q.insertInto('funeral_waiver_categories').values(c));
  for (const l of links) run(db, q.insertInto('funeral_waiver_category_items').values(l));
}

// ---- funeral homes ----------------------------------------------------------------------------------

export const allHomes = (db: Db): (HomeRow & { waivers: number })[] =>
  all(
    db,
    q
      .selectFrom('funeral_homes as h')
      .selectAll('h')
      .select((eb) =>
        eb
          .selectFrom('funeral_waivers as w')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('w.funeral_home_id', '=', 'h.id')
          .where('w.status', '<>', 'void')
          .as('waivers'),
      )
      .orderBy('h.active', 'desc')
      .orderBy('h.name'),
  ) as (HomeRow & { waivers: number })[];

export const homeById = (db: Db, id: number): HomeRow | undefined =>
  first(db, q.selectFrom('funeral_homes').selectAll().where('id', '=', id));

export const homeByName = (db: Db, name: string): HomeRow | undefined =>
  first(db, q.selectFrom('funeral_homes').selectAll().where('name', '=', name));

export const insertHome = (db: Db, row: Omit<HomeRow, 'id'>): number =>
  run(db, q.insertInto('funeral_homes').values(row)).lastInsertRowid;

export function updateHome(db: Db, id: number, patch: Omit<HomeRow, 'id' | 'created_at'>): void {
  run(db, q.updateTable('funeral_homes').set(patch).where('id', '=', id));
}

// ---- waivers ------------------------------------------------------------------------------------

/** The id the next waiver will get (read inside the write transaction that inserts it). */
export const nextWaiverId = (db: Db): number =>
  (first(
    db,
    q.selectFrom('funeral_waivers').select((eb) => eb.fn.max<number | null>('id').as('m')),
  )?.m ?? 0) + 1;

export function insertWaiver(db: Db, row: WaiverRow): void {
  run(db, q.insertInto('funeral_waivers').values(row));
}

export const waiverById = (db: Db, id: number): WaiverRow | undefined =>
  first(db, q.selectFrom('funeral_waivers').selectAll().where('id', '=', id));

/** The deceased's waiver that still counts (recorded or settled), if any. */
export const liveWaiverOf = (db: Db, idNumber: string): WaiverRow | undefined =>
  first(db, q.selectFrom('funeral_waivers').selectAll().where('deceased_id_number', '=', idNumber).where('status', '<>', 'void'));

export function updateWaiver(db: Db, id: number, patch: Partial<Omit<WaiverRow, 'id' | 'number'>>): void {
  run(db, q.updateTable('funeral_waivers').set(patch).where('id', '=', id));
}

export interface WaiverFilter {
  from: string | null;
  to: string | null;
  funeralHomeId: number | null;
  status: WaiverStatus | null;
  /** A name fragment, or a whole ID number. */
  name: string | null;
  idNumber: string | null;
}

function filtered(f: WaiverFilter) {
  let query = q.selectFrom('funeral_waivers');
  if (f.from) query = query.where('recorded_on', '>=', f.from);
  if (f.to) query = query.where('recorded_on', '<=', f.to);
  if (f.funeralHomeId !== null) query = query.where('funeral_home_id', '=', f.funeralHomeId);
  if (f.status) query = query.where('status', '=', f.status);
  if (f.idNumber) query = query.where('deceased_id_number', '=', f.idNumber);
  // instr(), not LIKE: a name is matched as typed, with no wildcard characters to escape.
  if (f.name) query = query.where(sql<boolean>`instr(deceased_name, ${f.name}) > 0`);
  return query;
}

export function listWaivers(db: Db, f: WaiverFilter, limit: number, offset: number): { rows: WaiverRow[]; total: number } {
  const base = filtered(f);
  const rows = all(db, base.selectAll().orderBy('recorded_on', 'desc').orderBy('id', 'desc').limit(limit).offset(offset));
  const total =
    first(
      db,
      base.select((eb) => eb.fn.countAll<number>().as('n')),
    )?.n ?? 0;
  return { rows, total };
}

/** Non-void waivers of a funeral home recorded in [from, to], in recording order. */
export const waiversOfHomeMonth = (db: Db, homeId: number, from: string, to: string): WaiverRow[] =>
  all(
    db,
    q
      .selectFrom('funeral_waivers')
      .selectAll()
      .where('funeral_home_id', '=', homeId)
      .where('recorded_on', '>=', from)
      .where('recorded_on', '<=', to)
      .where('status', '<>', 'void')
      .orderBy('recorded_on')
      .orderBy('id'),
  );

export const homeTotalsBetween = (db: Db, from: string, to: string): { funeral_home_id: number; n: number; waived: number }[] =>
  all(
    db,
    q
      .selectFrom('funeral_waivers')
      .select(['funeral_home_id', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.sum<number>('waived_fen').as('waived')])
      .where('recorded_on', '>=', from)
      .where('recorded_on', '<=', to)
      .where('status', '<>', 'void')
      .groupBy('funeral_home_id'),
  );

export const categoryTotalsBetween = (
  db: Db,
  from: string,
  to: string,
): { category_code: string; n: number; actual: number; waived: number }[] =>
  all(
    db,
    q
      .selectFrom('funeral_waivers')
      .select([
        'category_code',
        (eb) => eb.fn.countAll<number>().as('n'),
        (eb) => eb.fn.sum<number>('actual_fen').as('actual'),
        (eb) => eb.fn.sum<number>('waived_fen').as('waived'),
      ])
      .where('recorded_on', '>=', from)
      .where('recorded_on', '<=', to)
      .where('status', '<>', 'void')
      .groupBy('category_code')
      .orderBy('category_code'),
  );

/** The category's name as the latest version that has the code calls it. */
export const latestCategoryName = (db: Db, code: string): string | undefined =>
  first(
    db,
    q
      .selectFrom('funeral_waiver_categories as c')
      .innerJoin('funeral_waiver_versions as v', 'v.id', 'c.version_id')
      .select('c.name')
      .where('c.code', '=', code)
      .orderBy('v.effective_from', 'desc')
      .limit(1),
  )?.name;

export const displayNameOf = (db: Db, userId: number | null): string | null =>
  userId === null
    ? null
    : (first(db, q.selectFrom('users').select('display_name').where('id', '=', userId))?.display_name ?? null);

// ---- settlements ------------------------------------------------------------------------------

export const settlementOf = (db: Db, homeId: number, month: string): SettlementRowDb | undefined =>
  first(
    db,
    q.selectFrom('funeral_waiver_settlements').selectAll().where('funeral_home_id', '=', homeId).where('month', '=', month),
  );

export const settlementById = (db: Db, id: number): SettlementRowDb | undefined =>
  first(db, q.selectFrom('funeral_waiver_settlements').selectAll().where('id', '=', id));

export const settlementsOfMonth = (db: Db, month: string): SettlementRowDb[] =>
  all(db, q.selectFrom('funeral_waiver_settlements').selectAll().where('month', '=', month));

export const insertSettlement = (db: Db, row: Omit<SettlementRowDb, 'id'>): number =>
  run(db, q.insertInto('funeral_waiver_settlements').values(row)).lastInsertRowid;

/** Locks the month's recorded waivers of the home under the settlement; returns how many. */
export function settleWaivers(db: Db, homeId: number, from: string, to: string, settlementId: number, at: string): number {
  return run(
    db,
    q
      .updateTable('funeral_waivers')
      .set({ status: 'settled', settlement_id: settlementId, updated_at: at })
      .where('funeral_home_id', '=', homeId)
      .where('recorded_on', '>=', from)
      .where('recorded_on', '<=', to)
      .where('status', '=', 'recorded'),
  ).changes;
}
