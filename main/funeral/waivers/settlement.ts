import type { AppContext } from '../../core/app';
import { recordAudit, type Actor } from '../../core/audit/service';
import type { FileOutput } from '../../core/contract/fields';
import { writeTransaction } from '../../core/db/connection';
import { fontsOf, pdfOutput } from '../../core/documents/service';
import { ServiceError } from '../../core/errors';
import type { HandlerContext } from '../../core/handler';
import { localTodayIso } from '../../core/idnumber/dates';
import { maskResidentId } from '../../core/idnumber/residentId';
import { getSettings } from '../../core/settings/service';
import {
  XLSX_MIME,
  formatFen,
  monthLabel,
  type MonthSummary,
  type SettlementRow,
  type SettlementSheet,
  type WaiverComputation,
} from './contract';
import {
  displayNameOf,
  homeTotalsBetween,
  insertSettlement,
  settleWaivers,
  settlementOf,
  settlementsOfMonth,
  waiversOfHomeMonth,
} from './data';
import { renderSettlementPdf } from './documents/settlementPdf';
import { renderSettlementXlsx } from './documents/settlementXlsx';
import { listHomes, requireHome } from './policy';
import { monthRange } from './service';

// Monthly settlement with each funeral home (殡仪馆): the waivers recorded in the month, item by
// item, with totals and a signature block. Once the month has ended the district approver marks
// it settled: the month's records are locked from then on (service and database triggers).
//
// ID numbers on the sheet: masked to the 6-digit area code and the last 4 characters. The sheet
// leaves the office (to the funeral home, to finance); the home matches each line by name, the
// last 4 characters and the date of death, which identifies a person among a month's cremations
// without handing out whole ID numbers.

const currentMonth = (app: AppContext) => localTodayIso(app.clock.now()).slice(0, 7);

export function settlementSheet(app: AppContext, funeralHomeId: number, month: string): SettlementSheet {
  const home = requireHome(app, funeralHomeId);
  const { from, to } = monthRange(month);
  const waivers = waiversOfHomeMonth(app.db, funeralHomeId, from, to);
  const settings = getSettings(app.db);
  const items: { code: string; name: string }[] = [];
  const byItem: Record<string, number> = {};
  const byCategory = new Map<string, { code: string; name: string; count: number; waivedFen: number }>();
  let sample = false;
  const rows: SettlementRow[] = waivers.map((w, i) => {
    const c = JSON.parse(w.computation) as WaiverComputation;
    sample ||= c.sample;
    const waivedByItem: Record<string, number> = {};
    for (const l of c.lines) {
      if (!items.some((it) => it.code === l.itemCode)) items.push({ code: l.itemCode, name: l.itemName });
      waivedByItem[l.itemCode] = (waivedByItem[l.itemCode] ?? 0) + l.waivedFen;
      byItem[l.itemCode] = (byItem[l.itemCode] ?? 0) + l.waivedFen;
    }
    const cat = byCategory.get(c.categoryCode) ?? { code: c.categoryCode, name: c.categoryName, count: 0, waivedFen: 0 };
    cat.count++;
    cat.waivedFen += w.waived_fen;
    byCategory.set(c.categoryCode, cat);
    return {
      no: i + 1,
      waiverId: w.id,
      number: w.number,
      deceasedName: w.deceased_name,
      deceasedIdMasked: maskResidentId(w.deceased_id_number),
      deathDate: w.death_date,
      categoryName: c.categoryName,
      waivedByItem,
      actualFen: w.actual_fen,
      waivedFen: w.waived_fen,
      familyPaysFen: w.actual_fen - w.waived_fen,
    };
  });
  const settlement = settlementOf(app.db, funeralHomeId, month);
  const sum = (f: (r: SettlementRow) => number) => rows.reduce((s, r) => s + f(r), 0);
  return {
    funeralHome: home,
    month,
    monthLabel: monthLabel(month),
    officeName: settings.officeName,
    divisionCode: settings.divisionCode,
    items,
    rows,
    totals: {
      count: rows.length,
      actualFen: sum((r) => r.actualFen),
      waivedFen: sum((r) => r.waivedFen),
      familyPaysFen: sum((r) => r.familyPaysFen),
      byItem,
    },
    byCategory: [...byCategory.values()],
    status: settlement ? 'settled' : 'open',
    monthEnded: month < currentMonth(app),
    settledAt: settlement?.settled_at ?? null,
    settledBy: settlement ? displayNameOf(app.db, settlement.settled_by) : null,
    sample,
  };
}

export function monthSummary(app: AppContext, month: string): MonthSummary {
  const { from, to } = monthRange(month);
  const totals = new Map(homeTotalsBetween(app.db, from, to).map((t) => [t.funeral_home_id, t]));
  const settled = new Map(settlementsOfMonth(app.db, month).map((s) => [s.funeral_home_id, s]));
  return {
    month,
    monthEnded: month < currentMonth(app),
    homes: listHomes(app)
      .filter((h) => h.active || totals.has(h.id) || settled.has(h.id))
      .map((h) => {
        const t = totals.get(h.id);
        const s = settled.get(h.id);
        return {
          funeralHomeId: h.id,
          funeralHomeName: h.name,
          count: t?.n ?? 0,
          waivedFen: t?.waived ?? 0,
          status: s ? 'settled' : t ? 'open' : 'empty',
          settledAt: s?.settled_at ?? null,
        };
      }),
  };
}

export function settleMonth(
  ctx: HandlerContext,
  input: { funeralHomeId: number; month: string; expectedCount: number; expectedWaivedFen: number },
): SettlementSheet {
  const { app, actor } = ctx;
  writeTransaction(app.db, () => {
    const sheet = settlementSheet(app, input.funeralHomeId, input.month);
    const label = `${sheet.funeralHome.name} ${sheet.monthLabel}`;
    if (sheet.status === 'settled')
      throw new ServiceError('CONFLICT', `${label}已于 ${sheet.settledAt?.slice(0, 10)} 结算，不能重复结算`);
    if (!sheet.monthEnded)
      throw new ServiceError(
        'RULE_VIOLATION',
        `${sheet.monthLabel}尚未结束（今天是 ${localTodayIso(app.clock.now())}），月份结束后才能确认结算，以免结算后还有本月的新记录`,
        'month',
      );
    if (sheet.rows.length === 0) throw new ServiceError('RULE_VIOLATION', `${label}没有减免记录，无需结算`);
    if (sheet.totals.count !== input.expectedCount || sheet.totals.waivedFen !== input.expectedWaivedFen)
      throw new ServiceError(
        'CONFLICT',
        `结算单已有变动：现为 ${sheet.totals.count} 笔、减免 ${formatFen(sheet.totals.waivedFen)}（您核对的是 ${input.expectedCount} 笔、${formatFen(input.expectedWaivedFen)}），请刷新后重新核对`,
      );
    const at = app.clock.now().toISOString();
    const id = insertSettlement(app.db, {
      funeral_home_id: input.funeralHomeId,
      month: input.month,
      waiver_count: sheet.totals.count,
      actual_fen: sheet.totals.actualFen,
      waived_fen: sheet.totals.waivedFen,
      settled_by: actor.userId,
      settled_at: at,
    });
    const { from, to } = monthRange(input.month);
    const locked = settleWaivers(app.db, input.funeralHomeId, from, to, id, at);
    if (locked !== sheet.totals.count) throw new Error(`settled ${locked} waivers, the sheet has ${sheet.totals.count}`);
    recordAudit(app.db, app.clock, actor, {
      action: 'status',
      entity: 'funeralWaiverSettlement',
      entityId: id,
      after: {
        funeralHomeId: input.funeralHomeId,
        month: input.month,
        count: sheet.totals.count,
        waivedFen: sheet.totals.waivedFen,
        waivers: sheet.rows.map((r) => r.number),
      },
      detail: `确认结算：${label}，${sheet.totals.count} 笔，减免 ${formatFen(sheet.totals.waivedFen)}；相关减免记录已锁定`,
    });
  });
  return settlementSheet(app, input.funeralHomeId, input.month);
}

/** 制表人: the person who printed or exported the sheet. */
const preparedBy = (app: AppContext, actor: Actor): string => displayNameOf(app.db, actor.userId) ?? actor.username ?? '';

function auditDocument(app: AppContext, actor: Actor, action: 'print' | 'export', sheet: SettlementSheet, what: string): void {
  writeTransaction(app.db, () =>
    recordAudit(app.db, app.clock, actor, {
      action,
      entity: 'funeralWaiverSettlement',
      entityId: `${sheet.funeralHome.id}:${sheet.month}`,
      detail: `${what}：${sheet.funeralHome.name} ${sheet.monthLabel}，${sheet.totals.count} 笔，减免 ${formatFen(sheet.totals.waivedFen)}${sheet.status === 'settled' ? '（已结算）' : '（未结算）'}`,
    }),
  );
}

const fileStem = (s: SettlementSheet) => `惠民殡葬减免结算单-${s.funeralHome.name}-${s.month}`;

export async function settlementPdf(app: AppContext, actor: Actor, funeralHomeId: number, month: string): Promise<FileOutput> {
  const sheet = settlementSheet(app, funeralHomeId, month);
  const bytes = await renderSettlementPdf(fontsOf(app), sheet, preparedBy(app, actor), localTodayIso(app.clock.now()));
  auditDocument(app, actor, 'print', sheet, '打印惠民殡葬减免结算单');
  return pdfOutput(`${fileStem(sheet)}.pdf`, bytes);
}

export async function settlementXlsx(app: AppContext, actor: Actor, funeralHomeId: number, month: string): Promise<FileOutput> {
  const sheet = settlementSheet(app, funeralHomeId, month);
  const bytes = await renderSettlementXlsx(sheet, preparedBy(app, actor), localTodayIso(app.clock.now()));
  auditDocument(app, actor, 'export', sheet, '导出惠民殡葬减免结算单（Excel）');
  return { fileName: `${fileStem(sheet)}.xlsx`, mimeType: XLSX_MIME, base64: bytes.toString('base64'), byteLength: bytes.length };
}
