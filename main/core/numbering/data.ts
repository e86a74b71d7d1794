import type { Db } from '../db/connection';
import { all, first, queryBuilder, run } from '../db/query';

export interface SeriesRow {
  series: string;
  next_serial: number;
  max_serial: number;
  created_at: string;
}

export interface IssuedNumberRow {
  number: string;
  series: string;
  serial: number;
  status: 'issued' | 'void';
  entity: string;
  entity_id: string;
  issued_at: string;
  issued_by: number | null;
  void_reason: string | null;
  voided_at: string | null;
  voided_by: number | null;
}

interface Schema {
  number_series: SeriesRow;
  issued_numbers: IssuedNumberRow;
}
const q = queryBuilder<Schema>();

export const seriesByName = (db: Db, series: string): SeriesRow | undefined =>
  first(db, q.selectFrom('number_series').selectAll().where('series', '=', series));

export function insertSeries(db: Db, row: SeriesRow): void {
  run(db, q.insertInto('number_series').values(row));
}

export function setNextSerial(db: Db, series: string, next: number): void {
  run(db, q.updateTable('number_series').set({ next_serial: next }).where('series', '=', series));
}

export function insertIssued(db: Db, row: IssuedNumberRow): void {
  run(db, q.insertInto('issued_numbers').values(row));
}

export const issuedByNumber = (db: Db, number: string): IssuedNumberRow | undefined =>
  first(db, q.selectFrom('issued_numbers').selectAll().where('number', '=', number));

export const countIssued = (db: Db, series: string): number =>
  first(
    db,
    q
      .selectFrom('issued_numbers')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('series', '=', series),
  )?.n ?? 0;

export function markVoid(db: Db, number: string, reason: string, at: string, by: number | null): void {
  run(
    db,
    q
      .updateTable('issued_numbers')
      .set({ status: 'void', void_reason: reason, voided_at: at, voided_by: by })
      .where('number', '=', number),
  );
}

export function listNumbers(db: Db, series: string, status?: 'issued' | 'void'): IssuedNumberRow[] {
  let query = q.selectFrom('issued_numbers').selectAll().where('series', '=', series);
  if (status) query = query.where('status', '=', status);
  return all(db, query.orderBy('serial'));
}
