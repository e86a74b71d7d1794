import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { AppContext } from '../../../core/app';
import { recordAudit } from '../../../core/audit/service';
import { daysBetween } from '../../../core/calendar/civilDate';
import { writeTransaction } from '../../../core/db/connection';
import { ServiceError, notFound } from '../../../core/errors';
import type { HandlerContext } from '../../../core/handler';
import { localTodayIso } from '../../../core/idnumber/dates';
import { maskResidentId } from '../../../core/idnumber/residentId';
import { allocateNumber } from '../../../core/numbering/service';
import { cemeteryFacts, cemeteryOptions } from '../../cemeteries/service';
import { relationLabels } from '../contract';
import { burialOfDeceasedId, printsOf, userName } from '../data';
import { addMonths } from '../dates';
import {
  storageStatusLabels,
  type StorageListItem,
  type StorageStatus,
  type StorageView,
  type collectStorageInput,
  type registerStorageInput,
  type renewStorageInput,
} from './contract';
import {
  activeEndingBy,
  activeInNiche,
  activeOfDeceased,
  insertStorage,
  insertStorageRenewal,
  searchStorages,
  setStorageCertificate,
  storageById,
  storageRenewalsOf,
  updateStorage,
  type StorageRow,
} from './data';

// 骨灰寄存: a deposit runs from its start date for a term of months; a renewal continues from the
// old end date; collection ends it and frees the niche. A deposit past its end without renewal is
// 逾期未续 (shown as such; the ashes stay until collected).

const today = (app: AppContext): string => localTodayIso(app.clock.now());
export const STORAGE_CERTIFICATE_PREFIX = 'GHJC';

const statusOf = (s: StorageRow, on: string): StorageStatus =>
  s.status === 'collected' ? 'collected' : s.end_date < on ? 'overdue' : 'active';

const cemeteryNames = (app: AppContext) => new Map(cemeteryOptions(app).map((c) => [c.id, c.name]));

function storageView(app: AppContext, s: StorageRow): StorageView {
  const status = statusOf(s, today(app));
  return {
    id: s.id,
    certificateNumber: s.certificate_number,
    cemeteryId: s.cemetery_id,
    cemeteryName: cemeteryNames(app).get(s.cemetery_id) ?? '',
    nicheCode: s.niche_code,
    deceased: {
      name: s.deceased_name,
      idNumber: s.deceased_id_number,
      sex: s.deceased_sex,
      deathDate: s.death_date,
      cremationCertificateNo: s.cremation_certificate_no,
    },
    depositor: {
      name: s.depositor_name,
      idNumber: s.depositor_id_number,
      relation: s.depositor_relation,
      relationLabel: relationLabels[s.depositor_relation],
      phone: s.depositor_phone,
    },
    startDate: s.start_date,
    termMonths: s.term_months,
    endDate: s.end_date,
    feeFen: s.fee_fen,
    status,
    statusLabel: storageStatusLabels[status],
    collection:
      s.collected_on === null || s.collector_name === null
        ? null
        : {
            on: s.collected_on,
            name: s.collector_name,
            idNumber: s.collector_id_number,
            relationLabel: s.collector_relation === null ? null : relationLabels[s.collector_relation],
            note: s.collection_note,
          },
    renewals: storageRenewalsOf(app.db, s.id).map((r) => ({
      id: r.id,
      months: r.months,
      fromEnd: r.from_end,
      toEnd: r.to_end,
      feeFen: r.fee_fen,
      renewedOn: r.renewed_on,
      note: r.note,
      clerk: r.clerk_name,
    })),
    prints: printsOf(app.db, 'storageCertificate', s.id).length,
    note: s.note,
    clerk: userName(app.db, s.clerk_id),
    createdAt: s.created_at,
  };
}

function listItem(s: StorageRow, names: Map<number, string>, on: string): StorageListItem {
  const status = statusOf(s, on);
  return {
    id: s.id,
    certificateNumber: s.certificate_number,
    cemeteryName: names.get(s.cemetery_id) ?? '',
    nicheCode: s.niche_code,
    deceasedName: s.deceased_name,
    deceasedIdNumber: s.deceased_id_number === null ? null : maskResidentId(s.deceased_id_number),
    depositorName: s.depositor_name,
    depositorPhone: s.depositor_phone,
    startDate: s.start_date,
    endDate: s.end_date,
    status,
    daysLeft: daysBetween(on, s.end_date),
  };
}

function requireStorage(app: AppContext, id: number): StorageRow {
  const s = storageById(app.db, id);
  if (!s) throw notFound('该骨灰寄存记录');
  return s;
}

export const getStorage = (app: AppContext, id: number): StorageView => storageView(app, requireStorage(app, id));

const refuse = (message: string, field?: string): never => {
  throw new ServiceError('RULE_VIOLATION', message, field);
};

export function registerStorage(ctx: HandlerContext, input: z.output<typeof registerStorageInput>): StorageView {
  const { app, actor } = ctx;
  const on = today(app);
  if (input.startDate > on) refuse(`寄存开始日期不能晚于今天（${on}）`, 'startDate');
  if (input.deceased.deathDate > input.startDate) refuse('寄存开始日期不能早于死亡日期', 'startDate');
  if (input.deceased.idNumber !== null && input.depositor.idNumber === input.deceased.idNumber)
    refuse('寄存人应为逝者的在世亲属或受托人，不能是逝者本人', 'depositor.idNumber');
  const id = writeTransaction(app.db, () => {
    const cemetery = cemeteryFacts(app, input.cemeteryId);
    const occupied = activeInNiche(app.db, cemetery.id, input.nicheCode);
    if (occupied)
      throw new ServiceError(
        'CONFLICT',
        `格位 ${input.nicheCode} 正在寄存 ${occupied.deceased_name} 的骨灰（至 ${occupied.end_date}）`,
        'nicheCode',
      );
    if (input.deceased.idNumber !== null) {
      const kept = activeOfDeceased(app.db, input.deceased.idNumber);
      if (kept)
        throw new ServiceError(
          'CONFLICT',
          `${input.deceased.name}的骨灰已寄存在 ${kept.niche_code}（寄存证 ${kept.certificate_number}）`,
        );
      const buried = burialOfDeceasedId(app.db, input.deceased.idNumber);
      if (buried) refuse(`${input.deceased.name}已于 ${buried.burial_date} 安葬在 ${buried.plot_label}，不能再登记寄存`);
    }
    const now = app.clock.now().toISOString();
    const endDate = addMonths(input.startDate, input.termMonths);
    const storageId = insertStorage(app.db, {
      cemetery_id: cemetery.id,
      niche_code: input.nicheCode,
      certificate_number: `待编号-${randomUUID()}`, // replaced below, in the same transaction
      deceased_name: input.deceased.name,
      deceased_id_number: input.deceased.idNumber,
      deceased_sex: input.deceased.sex,
      death_date: input.deceased.deathDate,
      cremation_certificate_no: input.deceased.cremationCertificateNo,
      depositor_name: input.depositor.name,
      depositor_id_number: input.depositor.idNumber,
      depositor_relation: input.depositor.relation,
      depositor_phone: input.depositor.phone,
      start_date: input.startDate,
      term_months: input.termMonths,
      end_date: endDate,
      fee_fen: input.feeFen,
      status: 'active',
      collected_on: null,
      collector_name: null,
      collector_id_number: null,
      collector_relation: null,
      collection_note: null,
      note: input.note || null,
      clerk_id: actor.userId,
      created_at: now,
      updated_at: now,
    });
    const number = allocateNumber(
      app.db,
      app.clock,
      actor,
      { series: `${STORAGE_CERTIFICATE_PREFIX}-${on.slice(0, 4)}`, width: 6 },
      { entity: 'funeralAshStorage', entityId: storageId },
    );
    setStorageCertificate(app.db, storageId, number);
    recordAudit(app.db, app.clock, actor, {
      action: 'create',
      entity: 'funeralAshStorage',
      entityId: storageId,
      after: { ...input, certificateNumber: number, endDate },
      detail: `${cemetery.name} 格位 ${input.nicheCode} 寄存 ${input.deceased.name} 的骨灰，寄存证 ${number}，至 ${endDate}`,
    });
    return storageId;
  });
  return getStorage(app, id);
}

export function renewStorage(ctx: HandlerContext, input: z.output<typeof renewStorageInput>): StorageView {
  const { app, actor } = ctx;
  writeTransaction(app.db, () => {
    const s = requireStorage(app, input.id);
    if (s.status === 'collected') refuse(`骨灰已于 ${s.collected_on} 领取，不能续存`);
    const to = addMonths(s.end_date, input.months);
    const now = app.clock.now().toISOString();
    insertStorageRenewal(app.db, {
      storage_id: s.id,
      months: input.months,
      from_end: s.end_date,
      to_end: to,
      fee_fen: input.feeFen,
      renewed_on: today(app),
      note: input.note || null,
      clerk_id: actor.userId,
      created_at: now,
    });
    updateStorage(app.db, s.id, { end_date: to, updated_at: now });
    recordAudit(app.db, app.clock, actor, {
      action: 'update',
      entity: 'funeralAshStorage',
      entityId: s.id,
      before: { endDate: s.end_date },
      after: { endDate: to, months: input.months, feeFen: input.feeFen },
      detail: `续存 ${input.months} 个月：${s.end_date} → ${to}${s.end_date < today(app) ? '（逾期续存）' : ''}`,
    });
  });
  return getStorage(app, input.id);
}

export function collectStorage(ctx: HandlerContext, input: z.output<typeof collectStorageInput>): StorageView {
  const { app, actor } = ctx;
  writeTransaction(app.db, () => {
    const s = requireStorage(app, input.id);
    if (s.status === 'collected') refuse(`骨灰已于 ${s.collected_on} 由 ${s.collector_name} 领取`);
    const on = today(app);
    updateStorage(app.db, s.id, {
      status: 'collected',
      collected_on: on,
      collector_name: input.collector.name,
      collector_id_number: input.collector.idNumber,
      collector_relation: input.collector.relation,
      collection_note: input.note || null,
      updated_at: app.clock.now().toISOString(),
    });
    recordAudit(app.db, app.clock, actor, {
      action: 'status',
      entity: 'funeralAshStorage',
      entityId: s.id,
      before: { status: 'active' },
      after: { status: 'collected', collector: input.collector.name },
      detail: `${input.collector.name}（${relationLabels[input.collector.relation]}）领取 ${s.deceased_name} 的骨灰，格位 ${s.niche_code} 腾空${s.end_date < on ? `；寄存已于 ${s.end_date} 到期` : ''}`,
    });
  });
  return getStorage(app, input.id);
}

export function findStorages(app: AppContext, query: string, status: 'current' | 'collected' | 'all'): StorageListItem[] {
  const names = cemeteryNames(app);
  const on = today(app);
  return searchStorages(app.db, query.trim(), status, 100).map((s) => listItem(s, names, on));
}

export function storageExpiring(app: AppContext, months: number): { today: string; until: string; rows: StorageListItem[] } {
  const on = today(app);
  const until = addMonths(on, months);
  const names = cemeteryNames(app);
  return { today: on, until, rows: activeEndingBy(app.db, until).map((s) => listItem(s, names, on)) };
}
