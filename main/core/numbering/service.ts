import type { Clock } from '../clock';
import { recordAudit, type Actor } from '../audit/service';
import type { Db } from '../db/connection';
import { ServiceError } from '../errors';
import {
  countIssued,
  insertIssued,
  insertSeries,
  issuedByNumber,
  listNumbers,
  markVoid,
  seriesByName,
  setNextSerial,
  type IssuedNumberRow,
} from './data';

// Gap-free, duplicate-free serial numbers. Every function here must run inside the caller's write
// transaction (BEGIN IMMEDIATE): the number and the record it belongs to commit together or not at
// all, and a second counter waits for the first — so two counters can never draw the same serial,
// and a failed registration leaves no hole.

export interface SeriesSpec {
  /** e.g. 'J500118-2026' — one series per certificate kind, office and year. */
  series: string;
  /** Digits of the serial part: 6 gives 000001 … 999999. */
  width: number;
}

const format = (spec: SeriesSpec, serial: number): string => `${spec.series}-${String(serial).padStart(spec.width, '0')}`;

function ensureSeries(db: Db, clock: Clock, spec: SeriesSpec): void {
  if (!seriesByName(db, spec.series)) {
    insertSeries(db, {
      series: spec.series,
      next_serial: 1,
      max_serial: 10 ** spec.width - 1,
      created_at: clock.now().toISOString(),
    });
  }
}

/** Hands out the next number of the series to a record. */
export function allocateNumber(
  db: Db,
  clock: Clock,
  actor: Actor,
  spec: SeriesSpec,
  owner: { entity: string; entityId: string | number },
): string {
  if (!db.inTransaction) throw new Error('allocateNumber must run inside the caller’s write transaction');
  ensureSeries(db, clock, spec);
  const s = seriesByName(db, spec.series)!;
  if (s.next_serial > s.max_serial) {
    throw new ServiceError('RULE_VIOLATION', `编号 ${spec.series} 已用完（最大 ${s.max_serial}），请联系系统管理员`);
  }
  const number = format(spec, s.next_serial);
  insertIssued(db, {
    number,
    series: spec.series,
    serial: s.next_serial,
    status: 'issued',
    entity: owner.entity,
    entity_id: String(owner.entityId),
    issued_at: clock.now().toISOString(),
    issued_by: actor.userId,
    void_reason: null,
    voided_at: null,
    voided_by: null,
  });
  setNextSerial(db, spec.series, s.next_serial + 1);
  recordAudit(db, clock, actor, {
    action: 'create',
    entity: 'number',
    entityId: number,
    after: { entity: owner.entity, entityId: String(owner.entityId) },
  });
  return number;
}

/**
 * An office continuing a paper register starts the year at a given serial. Allowed only before the
 * series has issued anything: later it would skip numbers (or, going back, repeat them).
 */
export function setStartingSerial(db: Db, clock: Clock, actor: Actor, spec: SeriesSpec, start: number): void {
  if (!db.inTransaction) throw new Error('setStartingSerial must run inside the caller’s write transaction');
  if (!Number.isInteger(start) || start < 1 || start > 10 ** spec.width - 1) {
    throw new ServiceError('INVALID_INPUT', `起始流水号应为 1 至 ${10 ** spec.width - 1} 之间的整数`, 'start');
  }
  ensureSeries(db, clock, spec);
  if (countIssued(db, spec.series) > 0) {
    throw new ServiceError('RULE_VIOLATION', `${spec.series} 已发出编号，不能再设置起始流水号（否则会跳号或重号）`);
  }
  const before = seriesByName(db, spec.series)!.next_serial;
  setNextSerial(db, spec.series, start);
  recordAudit(db, clock, actor, {
    action: 'update',
    entity: 'number_series',
    entityId: spec.series,
    before: { nextSerial: before },
    after: { nextSerial: start },
    detail: `设置起始流水号为 ${start}`,
  });
}

/** Voids a spoiled or cancelled number: it stays on record with the reason and is never reused. */
export function voidNumber(db: Db, clock: Clock, actor: Actor, number: string, reason: string): IssuedNumberRow {
  if (!db.inTransaction) throw new Error('voidNumber must run inside the caller’s write transaction');
  const row = issuedByNumber(db, number);
  if (!row) throw new ServiceError('NOT_FOUND', `未找到编号 ${number}`);
  if (row.status === 'void') throw new ServiceError('CONFLICT', `编号 ${number} 已于 ${row.voided_at?.slice(0, 10)} 作废`);
  if (reason.trim().length < 2) throw new ServiceError('INVALID_INPUT', '请填写作废原因', 'reason');
  markVoid(db, number, reason.trim(), clock.now().toISOString(), actor.userId);
  recordAudit(db, clock, actor, {
    action: 'status',
    entity: 'number',
    entityId: number,
    before: { status: 'issued' },
    after: { status: 'void', reason: reason.trim() },
    detail: `作废编号：${reason.trim()}`,
  });
  return issuedByNumber(db, number)!;
}

export const numbersOf = listNumbers;

/** Where a series stands: the serial it hands out next (1 for one never used) and how many it issued. */
export function seriesState(db: Db, spec: SeriesSpec): { nextSerial: number; issued: number } {
  return { nextSerial: seriesByName(db, spec.series)?.next_serial ?? 1, issued: countIssued(db, spec.series) };
}
