import type { Generated } from 'kysely';
import type { Db } from '../../core/db/connection';
import { all, first, queryBuilder, run } from '../../core/db/query';

// All SQL of the funeral reports' own tables: the counted-forms versions of 节地生态安葬 and the
// district's township list. The figures themselves come from the other areas' services.

export interface EcoFormsRow {
  id: number;
  effective_from: string;
  /** JSON array of burial forms. */
  forms: string;
  basis: string | null;
  is_sample: number;
  created_by: number | null;
  created_at: string;
}

export interface TownshipRow {
  code: string;
  name: string;
  created_at: string;
  updated_at: string;
}

interface Schema {
  funeral_eco_form_versions: Omit<EcoFormsRow, 'id'> & { id: Generated<number> };
  funeral_townships: TownshipRow;
  users: { id: number; display_name: string };
}
const q = queryBuilder<Schema>();

// ---- counted-forms versions

export const allEcoFormVersions = (db: Db): (EcoFormsRow & { created_by_name: string | null })[] =>
  all(
    db,
    q
      .selectFrom('funeral_eco_form_versions as v')
      .leftJoin('users as u', 'u.id', 'v.created_by')
      .selectAll('v')
      .select('u.display_name as created_by_name')
      .orderBy('v.effective_from', 'desc'),
  );

/** The version in force on a date: the latest effective_from on or before it. */
export const ecoFormVersionOn = (db: Db, on: string): EcoFormsRow | undefined =>
  first(
    db,
    q
      .selectFrom('funeral_eco_form_versions')
      .selectAll()
      .where('effective_from', '<=', on)
      .orderBy('effective_from', 'desc')
      .limit(1),
  );

export const ecoFormVersionAt = (db: Db, effectiveFrom: string): EcoFormsRow | undefined =>
  first(db, q.selectFrom('funeral_eco_form_versions').selectAll().where('effective_from', '=', effectiveFrom));

export const insertEcoFormVersion = (db: Db, row: Omit<EcoFormsRow, 'id'>): number =>
  run(db, q.insertInto('funeral_eco_form_versions').values(row)).lastInsertRowid;

export const userDisplayName = (db: Db, id: number | null): string | null =>
  id === null ? null : (first(db, q.selectFrom('users').select('display_name').where('id', '=', id))?.display_name ?? null);

// ---- townships

export const allTownships = (db: Db): TownshipRow[] => all(db, q.selectFrom('funeral_townships').selectAll().orderBy('code'));

export const townshipByCode = (db: Db, code: string): TownshipRow | undefined =>
  first(db, q.selectFrom('funeral_townships').selectAll().where('code', '=', code));

export const insertTownship = (db: Db, row: TownshipRow): void => void run(db, q.insertInto('funeral_townships').values(row));

export const renameTownship = (db: Db, code: string, name: string, at: string): void =>
  void run(db, q.updateTable('funeral_townships').set({ name, updated_at: at }).where('code', '=', code));

export const deleteTownship = (db: Db, code: string): void =>
  void run(db, q.deleteFrom('funeral_townships').where('code', '=', code));
