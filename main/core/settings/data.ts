import type { Db } from '../db/connection';
import { first, queryBuilder, run } from '../db/query';

interface Schema {
  settings: { key: string; value: string; updated_at: string; updated_by: number | null };
}
const q = queryBuilder<Schema>();

export function readSetting(db: Db, key: string): unknown {
  const row = first(db, q.selectFrom('settings').select('value').where('key', '=', key));
  return row === undefined ? undefined : JSON.parse(row.value);
}

export function writeSetting(db: Db, key: string, value: unknown, at: string, by: number | null): void {
  const v = JSON.stringify(value);
  run(
    db,
    q
      .insertInto('settings')
      .values({ key, value: v, updated_at: at, updated_by: by })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: v, updated_at: at, updated_by: by })),
  );
}
