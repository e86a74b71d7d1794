import type { Generated, Selectable } from 'kysely';
import type { Db } from '../db/connection';
import { all, first, queryBuilder, run } from '../db/query';
import { GENESIS_HASH, entryHash, type HashedFields } from './hash';

interface AuditLogColumns extends HashedFields {
  id: Generated<number>;
  prev_hash: string;
  hash: string;
}
interface Schema {
  audit_log: AuditLogColumns;
}
export type AuditLogTable = Selectable<AuditLogColumns>;

const q = queryBuilder<Schema>();

/** Appends one entry, chained to the last. Must run inside the caller's write transaction. */
export function appendEntry(db: Db, fields: HashedFields): number {
  const last = first(db, q.selectFrom('audit_log').select('hash').orderBy('id', 'desc').limit(1));
  const prev_hash = last?.hash ?? GENESIS_HASH;
  const hash = entryHash(prev_hash, fields);
  return run(db, q.insertInto('audit_log').values({ ...fields, prev_hash, hash })).lastInsertRowid;
}

export interface AuditFilter {
  page: number;
  pageSize: number;
  username?: string | undefined;
  action?: string | undefined;
  entity?: string | undefined;
  entityId?: string | undefined;
  fromIso?: string | undefined;
  toIso?: string | undefined;
  text?: string | undefined;
}

export function listEntries(db: Db, f: AuditFilter): { rows: AuditLogTable[]; total: number } {
  let base = q.selectFrom('audit_log');
  if (f.username) base = base.where('username', '=', f.username);
  if (f.action) base = base.where('action', '=', f.action);
  if (f.entity) base = base.where('entity', '=', f.entity);
  if (f.entityId) base = base.where('entity_id', '=', f.entityId);
  if (f.fromIso) base = base.where('at', '>=', f.fromIso);
  if (f.toIso) base = base.where('at', '<', f.toIso);
  if (f.text) {
    const like = `%${f.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    base = base.where((eb) =>
      eb.or([
        eb('detail', 'like', eb.val(like)),
        eb('before', 'like', eb.val(like)),
        eb('after', 'like', eb.val(like)),
        eb('entity_id', 'like', eb.val(like)),
      ]),
    );
  }
  const total =
    first(
      db,
      base.select((eb) => eb.fn.countAll<number>().as('n')),
    )?.n ?? 0;
  const rows = all(
    db,
    base
      .selectAll()
      .orderBy('id', 'desc')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
  );
  return { rows, total };
}

export function distinctValues(db: Db): { actions: string[]; entities: string[] } {
  const actions = all(db, q.selectFrom('audit_log').select('action').distinct().orderBy('action')).map((r) => r.action);
  const entities = all(db, q.selectFrom('audit_log').select('entity').distinct().orderBy('entity')).map((r) => r.entity);
  return { actions, entities };
}

export function countEntries(db: Db): number {
  return (
    first(
      db,
      q.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')),
    )?.n ?? 0
  );
}

/** Walks the log in order without loading it whole (verification of millions of entries). */
export function* iterateEntries(db: Db): Generator<AuditLogTable> {
  const { sql, parameters } = q.selectFrom('audit_log').selectAll().orderBy('id').compile();
  yield* db.prepare(sql).iterate(...(parameters as unknown[])) as IterableIterator<AuditLogTable>;
}
