import type { Clock } from '../clock';
import type { Db } from '../db/connection';
import type { z } from 'zod';
import type { AuditEntryView, AuditVerifyResult, auditListInput } from './contract';
import { GENESIS_HASH, entryHash } from './hash';
import { appendEntry, countEntries, distinctValues, iterateEntries, listEntries, type AuditLogTable } from './data';

/** Who did it. Failed logins of unknown names have no user id but keep the name typed. */
export interface Actor {
  userId: number | null;
  username: string | null;
}

export const systemActor: Actor = { userId: null, username: '系统' };

export type AuditAction =
  | 'create'
  | 'update'
  | 'status'
  | 'print'
  | 'export'
  | 'login'
  | 'login_failed'
  | 'logout'
  | 'lock'
  | 'unlock'
  | 'password'
  | 'backup'
  | 'restore'
  | 'verify'
  | (string & {});

export interface AuditEvent {
  action: AuditAction;
  entity: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
  detail?: string | null;
}

const json = (v: unknown): string | null => (v === undefined || v === null ? null : JSON.stringify(v));

/**
 * Appends an audit entry. Call it inside the same write transaction as the change it describes,
 * so a change without its entry (or an entry without its change) cannot exist.
 */
export function recordAudit(db: Db, clock: Clock, actor: Actor, event: AuditEvent): number {
  return appendEntry(db, {
    at: clock.now().toISOString(),
    user_id: actor.userId,
    username: actor.username,
    action: event.action,
    entity: event.entity,
    entity_id: event.entityId === undefined || event.entityId === null ? null : String(event.entityId),
    before: json(event.before),
    after: json(event.after),
    detail: event.detail ?? null,
  });
}

function toView(r: AuditLogTable): AuditEntryView {
  return {
    id: r.id,
    at: r.at,
    userId: r.user_id,
    username: r.username,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    before: r.before === null ? null : JSON.parse(r.before),
    after: r.after === null ? null : JSON.parse(r.after),
    detail: r.detail,
  };
}

/** A local calendar date (the clerk's day) as the UTC instant it starts at. */
const localDayStart = (isoDate: string, addDays = 0): string => {
  const d = new Date(`${isoDate}T00:00:00`);
  d.setDate(d.getDate() + addDays);
  return d.toISOString();
};

export function listAudit(db: Db, input: z.output<typeof auditListInput>): { rows: AuditEntryView[]; total: number } {
  const { rows, total } = listEntries(db, {
    ...input,
    fromIso: input.from ? localDayStart(input.from) : undefined,
    toIso: input.to ? localDayStart(input.to, 1) : undefined,
  });
  return { rows: rows.map(toView), total };
}

export const auditFilterValues = distinctValues;

/** Recomputes the whole chain; reports the first entry that does not match. */
export function verifyAuditChain(db: Db, onProgress: (done: number, total: number) => void = () => {}): AuditVerifyResult {
  const total = countEntries(db);
  let prev = GENESIS_HASH;
  let checked = 0;
  for (const row of iterateEntries(db)) {
    if (row.prev_hash !== prev) {
      return { checked, intact: false, firstBroken: { id: row.id, reason: '与上一条记录的链接不符（上一条被修改或删除）' } };
    }
    if (entryHash(prev, row) !== row.hash) {
      return { checked, intact: false, firstBroken: { id: row.id, reason: '本条记录内容与其哈希不符（记录被修改）' } };
    }
    prev = row.hash;
    checked++;
    if (checked % 5000 === 0) onProgress(checked, total);
  }
  onProgress(checked, total);
  return { checked, intact: true, firstBroken: null };
}
