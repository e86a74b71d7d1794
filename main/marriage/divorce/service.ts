import type { AppContext } from '../../core/app';
import { recordAudit, systemActor } from '../../core/audit/service';
import { addDays } from '../../core/calendar/civilDate';
import { divorceWindows } from '../../core/calendar/periods';
import { officialCalendar } from '../../core/calendar/workdays';
import { writeTransaction } from '../../core/db/connection';
import { ServiceError, notFound } from '../../core/errors';
import type { HandlerContext } from '../../core/handler';
import { localTodayIso } from '../../core/idnumber/dates';
import { allocateNumber } from '../../core/numbering/service';
import { getRegistration } from '../service';
import type { DivorceStage, DivorceView, DivorceWorklist, agreementSchema } from './contract';
import type { z } from 'zod';
import {
  deemedSince,
  divorceById,
  dissolveMarriage,
  insertDivorce,
  openDivorceOf,
  pendingAll,
  pendingPast,
  updateDivorce,
  type DivorceRow,
} from './data';

// 协议离婚 (Civil Code Arts. 1076–1078): receipt → 30-day cooling-off (either party may withdraw) →
// within the next 30 days both appear and the certificate is issued, or the application is deemed
// withdrawn. Window dates come from main/core/calendar (Arts. 201, 203) and are fixed at receipt.

const today = (app: AppContext): string => localTodayIso(app.clock.now());

function stageOf(d: DivorceRow, on: string): { stage: DivorceStage; label: string } {
  if (d.status === 'withdrawn') return { stage: 'withdrawn', label: `已于 ${d.withdrawn_on} 撤回` };
  if (d.status === 'issued') return { stage: 'issued', label: `已于 ${d.issued_on} 发给离婚证` };
  if (d.status === 'deemedWithdrawn' || on > d.certificate_to)
    return { stage: 'deemedWithdrawn', label: `领证期限 ${d.certificate_to} 已过，视为撤回` };
  const left = (to: string) => Math.round((Date.parse(to) - Date.parse(on)) / 86_400_000);
  if (on <= d.withdrawal_to)
    return { stage: 'coolingOff', label: `离婚冷静期，剩余 ${left(d.withdrawal_to)} 天（至 ${d.withdrawal_to}）` };
  return { stage: 'awaitingCertificate', label: `可申请发给离婚证，剩余 ${left(d.certificate_to)} 天（至 ${d.certificate_to}）` };
}

function view(app: AppContext, d: DivorceRow, on = today(app)): DivorceView {
  const marriage = getRegistration(app, d.marriage_id);
  const { stage, label } = stageOf(d, on);
  return {
    id: d.id,
    marriageId: d.marriage_id,
    marriageCertificateNumber: marriage.certificateNumber,
    names: [marriage.parties[0].name, marriage.parties[1].name],
    status: d.status,
    stage,
    stageLabel: label,
    receiptDate: d.receipt_date,
    withdrawal: { from: d.withdrawal_from, to: d.withdrawal_to },
    certificate: { from: d.certificate_from, to: d.certificate_to },
    windowsNote: d.windows_note,
    agreement: JSON.parse(d.agreement),
    withdrawnBy: d.withdrawn_by,
    withdrawnOn: d.withdrawn_on,
    certificateNumber: d.certificate_number,
    issuedOn: d.issued_on,
  };
}

/**
 * Marks pending applications whose certificate window has passed as deemed withdrawn (视为撤回).
 * Runs before every divorce read or write, and on the maintenance timer, so no list ever shows a
 * lapsed application as still open.
 */
export function sweepDeemedWithdrawn(app: AppContext): number {
  const on = today(app);
  return writeTransaction(app.db, () => {
    const lapsed = pendingPast(app.db, on);
    for (const d of lapsed) {
      updateDivorce(app.db, d.id, { status: 'deemedWithdrawn', updated_at: app.clock.now().toISOString() });
      recordAudit(app.db, app.clock, systemActor, {
        action: 'status',
        entity: 'divorceApplication',
        entityId: d.id,
        before: { status: 'pending' },
        after: { status: 'deemedWithdrawn' },
        detail: `冷静期届满后三十日内（至 ${d.certificate_to}）未共同申请发给离婚证，视为撤回离婚登记申请`,
      });
    }
    return lapsed.length;
  });
}

function requireDivorce(app: AppContext, id: number): DivorceRow {
  const d = divorceById(app.db, id);
  if (!d) throw notFound('该离婚申请');
  return d;
}

export function applyForDivorce(
  ctx: HandlerContext,
  input: { marriageId: number; receiptDate: string; agreement: z.infer<typeof agreementSchema> },
): DivorceView {
  const { app, actor } = ctx;
  if (input.receiptDate !== today(app)) {
    throw new ServiceError('RULE_VIOLATION', `受理日期应为今天（${today(app)}）`, 'receiptDate');
  }
  sweepDeemedWithdrawn(app);
  const windows = divorceWindows(input.receiptDate, officialCalendar);
  return writeTransaction(app.db, () => {
    const marriage = getRegistration(app, input.marriageId);
    if (marriage.status !== 'registered')
      throw new ServiceError('RULE_VIOLATION', `该婚姻已于 ${marriage.dissolvedAt?.slice(0, 10)} 解除`);
    const open = openDivorceOf(app.db, marriage.id);
    if (open) throw new ServiceError('CONFLICT', `该婚姻已有离婚申请在办（${open.receipt_date} 受理），不能重复受理`);
    const notes = [windows.withdrawal.extendedBecause, windows.certificate.extendedBecause, ...windows.warnings].filter(Boolean);
    const now = app.clock.now().toISOString();
    const id = insertDivorce(app.db, {
      marriage_id: marriage.id,
      status: 'pending',
      receipt_date: input.receiptDate,
      withdrawal_from: windows.withdrawal.from,
      withdrawal_to: windows.withdrawal.to,
      certificate_from: windows.certificate.from,
      certificate_to: windows.certificate.to,
      windows_note: notes.length > 0 ? notes.join('；') : null,
      agreement: JSON.stringify(input.agreement),
      withdrawn_by: null,
      withdrawn_on: null,
      withdrawal_reason: null,
      certificate_number: null,
      issued_on: null,
      clerk_id: actor.userId,
      created_at: now,
      updated_at: now,
    });
    const v = view(app, divorceById(app.db, id)!);
    recordAudit(app.db, app.clock, actor, { action: 'create', entity: 'divorceApplication', entityId: id, after: v });
    return v;
  });
}

export function withdrawDivorce(
  ctx: HandlerContext,
  input: { id: number; party: 'male' | 'female'; reason: string | null },
): DivorceView {
  const { app, actor } = ctx;
  sweepDeemedWithdrawn(app);
  return writeTransaction(app.db, () => {
    const d = requireDivorce(app, input.id);
    const on = today(app);
    const { stage, label } = stageOf(d, on);
    if (stage !== 'coolingOff') {
      throw new ServiceError(
        'RULE_VIOLATION',
        `只能在离婚冷静期内（${d.withdrawal_from} 至 ${d.withdrawal_to}）撤回；当前：${label}`,
      );
    }
    updateDivorce(app.db, d.id, {
      status: 'withdrawn',
      withdrawn_by: input.party,
      withdrawn_on: on,
      withdrawal_reason: input.reason,
      updated_at: app.clock.now().toISOString(),
    });
    const v = view(app, divorceById(app.db, d.id)!);
    recordAudit(app.db, app.clock, actor, {
      action: 'status',
      entity: 'divorceApplication',
      entityId: d.id,
      before: { status: 'pending' },
      after: { status: 'withdrawn', by: input.party },
      detail: `${input.party === 'male' ? '男方' : '女方'}撤回离婚登记申请`,
    });
    return v;
  });
}

export function issueDivorceCertificate(ctx: HandlerContext, id: number): DivorceView {
  const { app, actor } = ctx;
  sweepDeemedWithdrawn(app);
  return writeTransaction(app.db, () => {
    const d = requireDivorce(app, id);
    const on = today(app);
    const { stage, label } = stageOf(d, on);
    if (stage !== 'awaitingCertificate') {
      const when = stage === 'coolingOff' ? `冷静期届满后（${addDays(d.withdrawal_to, 1)} 起）方可发证` : label;
      throw new ServiceError('RULE_VIOLATION', `现在不能发给离婚证：${when}`);
    }
    const marriage = getRegistration(app, d.marriage_id);
    const number = allocateNumber(
      app.db,
      app.clock,
      actor,
      { series: `L${marriage.divisionCode}-${on.slice(0, 4)}`, width: 6 },
      {
        entity: 'divorceApplication',
        entityId: d.id,
      },
    );
    const at = app.clock.now().toISOString();
    if (!dissolveMarriage(app.db, d.marriage_id, d.id, at))
      throw new ServiceError('CONFLICT', '该婚姻记录已解除，不能再次发给离婚证');
    updateDivorce(app.db, d.id, { status: 'issued', certificate_number: number, issued_on: on, updated_at: at });
    recordAudit(app.db, app.clock, actor, {
      action: 'status',
      entity: 'marriageRegistration',
      entityId: d.marriage_id,
      before: { status: 'registered' },
      after: { status: 'dissolved', divorceApplication: d.id, divorceCertificate: number },
      detail: `离婚登记，发给离婚证 ${number}`,
    });
    const v = view(app, divorceById(app.db, d.id)!);
    recordAudit(app.db, app.clock, actor, {
      action: 'status',
      entity: 'divorceApplication',
      entityId: d.id,
      before: { status: 'pending' },
      after: v,
    });
    return v;
  });
}

export function getDivorce(app: AppContext, id: number): DivorceView {
  sweepDeemedWithdrawn(app);
  return view(app, requireDivorce(app, id));
}

export function divorceWorklist(app: AppContext): DivorceWorklist {
  sweepDeemedWithdrawn(app);
  const on = today(app);
  const pending = pendingAll(app.db).map((d) => view(app, d, on));
  const eligible = pending.filter((v) => v.stage === 'awaitingCertificate');
  return {
    today: on,
    coolingOff: pending.filter((v) => v.stage === 'coolingOff'),
    eligibleToIssue: eligible,
    expiringSoon: eligible.filter((v) => v.certificate.to <= addDays(on, 3)),
    deemedWithdrawn: deemedSince(app.db, addDays(on, -30)).map((d) => view(app, d, on)),
  };
}
