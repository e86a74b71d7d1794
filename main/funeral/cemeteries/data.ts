import type { Generated } from 'kysely';
import type { Db } from '../../core/db/connection';
import { all, first, queryBuilder, run } from '../../core/db/query';
import type { PlotType } from '../shared/forms';
import type { CemeteryKind, PlotStatus } from './contract';

// All SQL of cemeteries, sections, plots, plot status history and plot-area limits.

export interface CemeteryRow {
  id: number;
  name: string;
  kind: CemeteryKind;
  division_code: string;
  served_divisions: string;
  address: string | null;
  phone: string | null;
  note: string | null;
  created_at: string;
  updated_at: string;
}

export interface SectionRow {
  id: number;
  cemetery_id: number;
  code: string;
  created_at: string;
}

export interface AreaLimitRow {
  id: number;
  plot_type: PlotType;
  max_area_cm2: number | null;
  effective_from: string;
  basis: string | null;
  is_sample: number;
  created_by: number | null;
  created_at: string;
}

export interface PlotRow {
  id: number;
  section_id: number;
  row_no: number;
  number: number;
  plot_type: PlotType;
  area_cm2: number;
  area_limit_id: number | null;
  urn_capacity: number;
  fee_fen: number;
  status: PlotStatus;
  urns: number;
  reserved_places: number;
  use_expires_on: string | null;
  holder_name: string | null;
  pos_x: number | null;
  pos_y: number | null;
  created_on: string;
  created_at: string;
  updated_at: string;
}

export interface StatusHistoryRow {
  id: number;
  plot_id: number;
  from_status: PlotStatus | null;
  to_status: PlotStatus;
  reason: string;
  burial_id: number | null;
  user_id: number | null;
  username: string | null;
  at: string;
}

interface Schema {
  funeral_cemeteries: Omit<CemeteryRow, 'id'> & { id: Generated<number> };
  funeral_sections: Omit<SectionRow, 'id'> & { id: Generated<number> };
  funeral_plot_area_limits: Omit<AreaLimitRow, 'id'> & { id: Generated<number> };
  funeral_plots: Omit<PlotRow, 'id' | 'urns' | 'reserved_places'> & {
    id: Generated<number>;
    urns: Generated<number>;
    reserved_places: Generated<number>;
  };
  funeral_plot_status_history: Omit<StatusHistoryRow, 'id'> & { id: Generated<number> };
  users: { id: number; display_name: string };
}
const q = queryBuilder<Schema>();

// ---- cemeteries and sections

export const insertCemetery = (db: Db, row: Omit<CemeteryRow, 'id'>): number =>
  run(db, q.insertInto('funeral_cemeteries').values(row)).lastInsertRowid;

export const updateCemeteryRow = (db: Db, id: number, patch: Partial<Omit<CemeteryRow, 'id' | 'created_at'>>): void =>
  void run(db, q.updateTable('funeral_cemeteries').set(patch).where('id', '=', id));

export const cemeteryById = (db: Db, id: number): CemeteryRow | undefined =>
  first(db, q.selectFrom('funeral_cemeteries').selectAll().where('id', '=', id));

export const cemeteryByName = (db: Db, name: string): CemeteryRow | undefined =>
  first(db, q.selectFrom('funeral_cemeteries').selectAll().where('name', '=', name));

export const allCemeteries = (db: Db): CemeteryRow[] => all(db, q.selectFrom('funeral_cemeteries').selectAll().orderBy('name'));

export const sectionById = (db: Db, id: number): SectionRow | undefined =>
  first(db, q.selectFrom('funeral_sections').selectAll().where('id', '=', id));

export const sectionByCode = (db: Db, cemeteryId: number, code: string): SectionRow | undefined =>
  first(db, q.selectFrom('funeral_sections').selectAll().where('cemetery_id', '=', cemeteryId).where('code', '=', code));

export const sectionsOf = (db: Db, cemeteryId: number): SectionRow[] =>
  all(db, q.selectFrom('funeral_sections').selectAll().where('cemetery_id', '=', cemeteryId).orderBy('code'));

export const insertSection = (db: Db, row: Omit<SectionRow, 'id'>): number =>
  run(db, q.insertInto('funeral_sections').values(row)).lastInsertRowid;

// ---- occupancy

export interface OccupancyRow {
  key: number;
  status: PlotStatus;
  plots: number;
  capacity: number;
  urns: number;
  reserved: number;
}

/** Plot counts and places per status, grouped by section (of one cemetery) or by cemetery (all). */
export function occupancyRows(db: Db, by: { cemeteryId: number } | 'allCemeteries'): OccupancyRow[] {
  const base = q
    .selectFrom('funeral_plots as p')
    .innerJoin('funeral_sections as s', 's.id', 'p.section_id')
    .select((eb) => [
      'p.status as status',
      eb.fn.countAll<number>().as('plots'),
      eb.fn.sum<number>('p.urn_capacity').as('capacity'),
      eb.fn.sum<number>('p.urns').as('urns'),
      eb.fn.sum<number>('p.reserved_places').as('reserved'),
    ]);
  if (by === 'allCemeteries') return all(db, base.select('s.cemetery_id as key').groupBy(['s.cemetery_id', 'p.status']));
  return all(db, base.select('s.id as key').where('s.cemetery_id', '=', by.cemeteryId).groupBy(['s.id', 'p.status']));
}

export const sectionExtent = (db: Db, sectionId: number): { rows: number | null; numbers: number | null } =>
  first(
    db,
    q
      .selectFrom('funeral_plots')
      .select((eb) => [eb.fn.max<number>('row_no').as('rows'), eb.fn.max<number>('number').as('numbers')])
      .where('section_id', '=', sectionId),
  ) ?? { rows: null, numbers: null };

// ---- area limits

export const allAreaLimits = (db: Db): (AreaLimitRow & { created_by_name: string | null })[] =>
  all(
    db,
    q
      .selectFrom('funeral_plot_area_limits as l')
      .leftJoin('users as u', 'u.id', 'l.created_by')
      .selectAll('l')
      .select('u.display_name as created_by_name')
      .orderBy('l.plot_type')
      .orderBy('l.effective_from', 'desc'),
  );

/** The version in force on a date: the latest effective_from on or before it. */
export const areaLimitOn = (db: Db, plotType: PlotType, on: string): AreaLimitRow | undefined =>
  first(
    db,
    q
      .selectFrom('funeral_plot_area_limits')
      .selectAll()
      .where('plot_type', '=', plotType)
      .where('effective_from', '<=', on)
      .orderBy('effective_from', 'desc')
      .limit(1),
  );

export const areaLimitById = (db: Db, id: number): AreaLimitRow | undefined =>
  first(db, q.selectFrom('funeral_plot_area_limits').selectAll().where('id', '=', id));

export const areaLimitAt = (db: Db, plotType: PlotType, effectiveFrom: string): AreaLimitRow | undefined =>
  first(
    db,
    q
      .selectFrom('funeral_plot_area_limits')
      .selectAll()
      .where('plot_type', '=', plotType)
      .where('effective_from', '=', effectiveFrom),
  );

export const insertAreaLimit = (db: Db, row: Omit<AreaLimitRow, 'id'>): number =>
  run(db, q.insertInto('funeral_plot_area_limits').values(row)).lastInsertRowid;

// ---- plots

export const plotById = (db: Db, id: number): PlotRow | undefined =>
  first(db, q.selectFrom('funeral_plots').selectAll().where('id', '=', id));

export const plotAt = (db: Db, sectionId: number, row: number, number: number): PlotRow | undefined =>
  first(
    db,
    q
      .selectFrom('funeral_plots')
      .selectAll()
      .where('section_id', '=', sectionId)
      .where('row_no', '=', row)
      .where('number', '=', number),
  );

/** Existing plots inside a row × number rectangle of a section (for overlap refusals). */
export function plotsInRange(
  db: Db,
  sectionId: number,
  r: { rowFrom: number; rowTo: number; numberFrom: number; numberTo: number },
  limit: number,
): { count: number; sample: { row_no: number; number: number }[] } {
  const where = q
    .selectFrom('funeral_plots')
    .where('section_id', '=', sectionId)
    .where('row_no', '>=', r.rowFrom)
    .where('row_no', '<=', r.rowTo)
    .where('number', '>=', r.numberFrom)
    .where('number', '<=', r.numberTo);
  const count =
    first(
      db,
      where.select((eb) => eb.fn.countAll<number>().as('n')),
    )?.n ?? 0;
  const sample = count === 0 ? [] : all(db, where.select(['row_no', 'number']).orderBy('row_no').orderBy('number').limit(limit));
  return { count, sample };
}

export type NewPlot = Omit<PlotRow, 'id' | 'urns' | 'reserved_places'>;

/** Inserts plots in chunks (one statement per 400 rows) and returns the id of the first. */
export function insertPlots(db: Db, rows: readonly NewPlot[]): number[] {
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += 400) {
    const chunk = rows.slice(i, i + 400);
    const returned = all(db, q.insertInto('funeral_plots').values(chunk).returning('id'));
    ids.push(...returned.map((r) => r.id));
  }
  return ids;
}

export function insertStatusHistoryBatch(db: Db, rows: readonly Omit<StatusHistoryRow, 'id'>[]): void {
  for (let i = 0; i < rows.length; i += 800) run(db, q.insertInto('funeral_plot_status_history').values(rows.slice(i, i + 800)));
}

export const insertStatusHistory = (db: Db, row: Omit<StatusHistoryRow, 'id'>): number =>
  run(db, q.insertInto('funeral_plot_status_history').values(row)).lastInsertRowid;

export const historyOf = (db: Db, plotId: number): StatusHistoryRow[] =>
  all(db, q.selectFrom('funeral_plot_status_history').selectAll().where('plot_id', '=', plotId).orderBy('id'));

export function updatePlotRow(db: Db, id: number, patch: Partial<Omit<PlotRow, 'id' | 'section_id'>>): void {
  run(db, q.updateTable('funeral_plots').set(patch).where('id', '=', id));
}

/** The map: every plot of a section, only the columns it draws. */
export const mapCells = (db: Db, sectionId: number) =>
  all(
    db,
    q
      .selectFrom('funeral_plots')
      .select(['id', 'row_no', 'number', 'status', 'plot_type', 'holder_name', 'pos_x', 'pos_y'])
      .where('section_id', '=', sectionId)
      .orderBy('row_no')
      .orderBy('number'),
  );

/** Occupied or reserved plots whose use period ended before `today`. */
export const lapsedPlots = (db: Db, today: string): PlotRow[] =>
  all(
    db,
    q.selectFrom('funeral_plots').selectAll().where('status', 'in', ['occupied', 'reserved']).where('use_expires_on', '<', today),
  );
