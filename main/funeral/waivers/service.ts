import type { z } from 'zod';
import type { AppContext } from '../../core/app';
import { recordAudit } from '../../core/audit/service';
import { toDayNumber } from '../../core/calendar/civilDate';
import { writeTransaction } from '../../core/db/connection';
import { ServiceError, notFound } from '../../core/errors';
import type { HandlerContext } from '../../core/handler';
import { daysInMonth, localTodayIso } from '../../core/idnumber/dates';
import { maskResidentId, normalizeResidentId, parseResidentId } from '../../core/idnumber/residentId';
import { allocateNumber } from '../../core/numbering/service';
import { getSettings } from '../../core/settings/service';
import {
  formatFen,
  waiverStatusLabels,
  type WaiverComputation,
  type WaiverInput,
  type WaiverLineInput,
  type WaiverListRow,
  type WaiverQuote,
  type WaiverTotals,
  type WaiverView,
  type waiverListSchema,
} from './contract';
import { WaiverRuleError, computeWaiver, divisionPrefix, isWithinDivision, type StandardVersion } from './compute';
import {
  categoryTotalsBetween,
  displayNameOf,
  homeById,
  insertWaiver,
  latestCategoryName,
  listWaivers as listRows,
  liveWaiverOf,
  nextWaiverId,
  settlementById,
  settlementOf,
  updateWaiver,
  waiverById,
  type WaiverRow,
} from './data';
import { standardById, standardOn } from './policy';

// Waiver records (惠民殡葬减免登记). The amounts are the service's to compute, from the standard in
// force on the date of death (see policy.ts and compute.ts); the form only says which services were
// used at what actual cost. One waiver per deceased (by ID number). A record may be corrected or
// voided, with its reason, until its month is settled with the funeral home; then it is locked.
//
// Settlement month: the month the waiver is recorded in. A month is settled only after it has
// ended, so no record can join a settled sheet later (a late paper simply goes on the next sheet).

const todayOf = (app: AppContext) => localTodayIso(app.clock.now());

/** First and last day of 'YYYY-MM'. */
export function monthRange(month: string): { from: string; to: string } {
  const days = daysInMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7)));
  return { from: `${month}-01`, to: `${month}-${String(days).padStart(2, '0')}` };
}

function validDate(date: string, field: string, label: string): void {
  try {
    toDayNumber(date);
  } catch {
    throw new ServiceError('INVALID_INPUT', `「${label}」不是有效日期：${date}`, field);
  }
}

/** The standard in force on the date of death, or a refusal that says what is missing. */
function standardForDeath(app: AppContext, deathDate: string): StandardVersion {
  const standard = standardOn(app, deathDate);
  if (!standard)
    throw new ServiceError(
      'RULE_VIOLATION',
      `死亡日期 ${deathDate} 之前尚无施行的惠民殡葬减免标准，无法计算减免金额；请区民政殡葬审批员核对减免标准的生效日期`,
      'deathDate',
    );
  return standard;
}

function compute(standard: StandardVersion, categoryCode: string, lines: readonly WaiverLineInput[]): WaiverComputation {
  try {
    return computeWaiver(standard, categoryCode, lines);
  } catch (e) {
    if (e instanceof WaiverRuleError) throw new ServiceError('RULE_VIOLATION', e.message, e.field);
    throw e;
  }
}

/** What the category asks beyond the arithmetic: local household registration, evidence. */
function eligibilityProblems(
  app: AppContext,
  standard: StandardVersion,
  categoryCode: string,
  household: string | null,
  evidenceRef: string | null | undefined,
): { message: string; field: string }[] {
  const category = standard.categories.find((c) => c.code === categoryCode);
  if (!category) return [];
  const problems: { message: string; field: string }[] = [];
  if (category.localOnly && household) {
    const office = getSettings(app.db).divisionCode;
    if (office === '000000')
      problems.push({
        message: `「${category.name}」限本地户籍，但本单位行政区划代码尚未设置（系统管理 → 单位设置），无法判断户籍是否在本地`,
        field: 'householdDivision',
      });
    else if (!isWithinDivision(household, office))
      problems.push({
        message: `「${category.name}」限本地户籍：户籍所在地 ${household} 不在本单位辖区（${office}，区划代码应以 ${divisionPrefix(office)} 开头）内，不能按此类别减免`,
        field: 'householdDivision',
      });
  }
  if (evidenceRef !== undefined && category.evidenceLabel && !evidenceRef)
    problems.push({ message: `「${category.name}」须填写${category.evidenceLabel}`, field: 'evidenceRef' });
  return problems;
}

function parseComputation(row: WaiverRow): WaiverComputation {
  return JSON.parse(row.computation) as WaiverComputation;
}

function toView(app: AppContext, row: WaiverRow): WaiverView {
  const c = parseComputation(row);
  const settlement = row.settlement_id === null ? undefined : settlementById(app.db, row.settlement_id);
  const standard = standardById(app, row.version_id);
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    statusLabel: waiverStatusLabels[row.status],
    deceasedName: row.deceased_name,
    deceasedIdNumber: row.deceased_id_number,
    deceasedIdMasked: maskResidentId(row.deceased_id_number),
    sex: row.deceased_sex,
    birthDate: row.deceased_birth_date,
    householdDivision: row.household_division,
    deathDate: row.death_date,
    categoryCode: row.category_code,
    categoryName: c.categoryName,
    evidenceLabel: standard.categories.find((x) => x.code === row.category_code)?.evidenceLabel ?? null,
    evidenceRef: row.evidence_ref,
    funeralHomeId: row.funeral_home_id,
    funeralHomeName: homeById(app.db, row.funeral_home_id)?.name ?? '',
    computation: c,
    note: row.note,
    recordedOn: row.recorded_on,
    recordedBy: displayNameOf(app.db, row.recorded_by),
    settlementMonth: row.recorded_on.slice(0, 7),
    settledAt: settlement?.settled_at ?? null,
    voidReason: row.void_reason,
    voidedAt: row.voided_at,
  };
}

export function toListRow(app: AppContext, row: WaiverRow): WaiverListRow {
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    deceasedName: row.deceased_name,
    deceasedIdMasked: maskResidentId(row.deceased_id_number),
    deathDate: row.death_date,
    categoryName: parseComputation(row).categoryName,
    funeralHomeName: homeById(app.db, row.funeral_home_id)?.name ?? '',
    actualFen: row.actual_fen,
    waivedFen: row.waived_fen,
    recordedOn: row.recorded_on,
  };
}

function requireWaiver(app: AppContext, id: number): WaiverRow {
  const row = waiverById(app.db, id);
  if (!row) throw notFound('该减免记录');
  return row;
}

/** The sentence that refuses a second waiver, naming the record that already counts. */
function duplicateMessage(app: AppContext, existing: WaiverRow): string {
  const home = homeById(app.db, existing.funeral_home_id)?.name ?? '';
  const settled = existing.status === 'settled' ? '，已结算' : '';
  return (
    `该逝者（${existing.deceased_name}，身份证号码 ${maskResidentId(existing.deceased_id_number)}）已有减免记录 ${existing.number}` +
    `（${existing.recorded_on} 登记，${home}，减免 ${formatFen(existing.waived_fen)}${settled}）。每名逝者只能减免一次；如原记录有误，请更正原记录`
  );
}

interface Checked {
  idNumber: string;
  birthDate: string;
  sex: 'male' | 'female';
  standard: StandardVersion;
  computation: WaiverComputation;
}

/** Every check of a waiver's content that does not depend on other records. */
function checkInput(app: AppContext, input: WaiverInput): Checked {
  const today = todayOf(app);
  validDate(input.deathDate, 'deathDate', '死亡日期');
  const id = parseResidentId(input.deceasedIdNumber, today);
  if (!id.ok) throw new ServiceError('INVALID_INPUT', id.message, 'deceasedIdNumber');
  if (input.deathDate > today)
    throw new ServiceError('RULE_VIOLATION', `死亡日期 ${input.deathDate} 晚于今天（${today}）`, 'deathDate');
  if (input.deathDate < id.value.birthDate)
    throw new ServiceError(
      'RULE_VIOLATION',
      `死亡日期 ${input.deathDate} 早于身份证号码所载出生日期 ${id.value.birthDate}，请核对`,
      'deathDate',
    );
  const home = homeById(app.db, input.funeralHomeId);
  if (!home) throw new ServiceError('NOT_FOUND', '未找到所选殡仪馆', 'funeralHomeId');
  const standard = standardForDeath(app, input.deathDate);
  const computation = compute(standard, input.categoryCode, input.lines);
  const problem = eligibilityProblems(app, standard, input.categoryCode, input.householdDivision, input.evidenceRef)[0];
  if (problem) throw new ServiceError('RULE_VIOLATION', problem.message, problem.field);
  return { idNumber: id.value.id, birthDate: id.value.birthDate, sex: id.value.sex, standard, computation };
}

export function recordWaiver(ctx: HandlerContext, input: WaiverInput): WaiverView {
  const { app, actor } = ctx;
  const checked = checkInput(app, input);
  return writeTransaction(app.db, () => {
    const home = homeById(app.db, input.funeralHomeId)!;
    if (home.active !== 1)
      throw new ServiceError('RULE_VIOLATION', `殡仪馆“${home.name}”已停用，不能登记新的减免`, 'funeralHomeId');
    const existing = liveWaiverOf(app.db, checked.idNumber);
    if (existing) throw new ServiceError('CONFLICT', duplicateMessage(app, existing), 'deceasedIdNumber');
    const today = todayOf(app);
    const now = app.clock.now().toISOString();
    // The number is drawn in the same transaction as the record (no hole if anything fails), and
    // the id is known first so the number's entry points at its waiver.
    const division = getSettings(app.db).divisionCode;
    const id = nextWaiverId(app.db);
    const number = allocateNumber(
      app.db,
      app.clock,
      actor,
      { series: `HM${division}-${today.slice(0, 4)}`, width: 5 },
      { entity: 'funeralWaiver', entityId: id },
    );
    insertWaiver(app.db, {
      id,
      number,
      status: 'recorded',
      deceased_name: input.deceasedName,
      deceased_id_number: checked.idNumber,
      deceased_sex: checked.sex,
      deceased_birth_date: checked.birthDate,
      household_division: input.householdDivision,
      death_date: input.deathDate,
      version_id: checked.standard.id,
      category_code: input.categoryCode,
      evidence_ref: input.evidenceRef || null,
      funeral_home_id: input.funeralHomeId,
      computation: JSON.stringify(checked.computation),
      actual_fen: checked.computation.actualFen,
      waived_fen: checked.computation.waivedFen,
      cap_fen: checked.computation.capFen,
      note: input.note || null,
      recorded_on: today,
      recorded_by: actor.userId,
      settlement_id: null,
      void_reason: null,
      voided_at: null,
      voided_by: null,
      created_at: now,
      updated_at: now,
    });
    const view = toView(app, waiverById(app.db, id)!);
    recordAudit(app.db, app.clock, actor, {
      action: 'create',
      entity: 'funeralWaiver',
      entityId: id,
      after: view,
      detail: `登记惠民殡葬减免 ${number}：${view.deceasedName}，${view.categoryName}，减免 ${formatFen(view.computation.waivedFen)}`,
    });
    return view;
  });
}

/** Refuses changes to a settled or void record, saying why. */
function assertOpen(app: AppContext, row: WaiverRow, what: string): void {
  if (row.status === 'settled') {
    const s = row.settlement_id === null ? undefined : settlementById(app.db, row.settlement_id);
    throw new ServiceError(
      'RULE_VIOLATION',
      `减免记录 ${row.number} 已于 ${s?.settled_at.slice(0, 10) ?? ''} 随 ${row.recorded_on.slice(0, 7)} 月结算单结算，已锁定，不能${what}`,
    );
  }
  if (row.status === 'void')
    throw new ServiceError('RULE_VIOLATION', `减免记录 ${row.number} 已作废（${row.void_reason ?? ''}），不能${what}`);
}

export function correctWaiver(ctx: HandlerContext, input: WaiverInput & { id: number; reason: string }): WaiverView {
  const { app, actor } = ctx;
  const checked = checkInput(app, input);
  return writeTransaction(app.db, () => {
    const row = requireWaiver(app, input.id);
    assertOpen(app, row, '更正');
    const existing = liveWaiverOf(app.db, checked.idNumber);
    if (existing && existing.id !== row.id)
      throw new ServiceError('CONFLICT', duplicateMessage(app, existing), 'deceasedIdNumber');
    if (input.funeralHomeId !== row.funeral_home_id) {
      const month = row.recorded_on.slice(0, 7);
      const home = homeById(app.db, input.funeralHomeId)!;
      if (settlementOf(app.db, input.funeralHomeId, month))
        throw new ServiceError(
          'RULE_VIOLATION',
          `殡仪馆“${home.name}” ${month} 月已结算，不能把记录改到该殡仪馆的已结算月份`,
          'funeralHomeId',
        );
    }
    const before = toView(app, row);
    updateWaiver(app.db, row.id, {
      deceased_name: input.deceasedName,
      deceased_id_number: checked.idNumber,
      deceased_sex: checked.sex,
      deceased_birth_date: checked.birthDate,
      household_division: input.householdDivision,
      death_date: input.deathDate,
      version_id: checked.standard.id,
      category_code: input.categoryCode,
      evidence_ref: input.evidenceRef || null,
      funeral_home_id: input.funeralHomeId,
      computation: JSON.stringify(checked.computation),
      actual_fen: checked.computation.actualFen,
      waived_fen: checked.computation.waivedFen,
      cap_fen: checked.computation.capFen,
      note: input.note || null,
      updated_at: app.clock.now().toISOString(),
    });
    const after = toView(app, waiverById(app.db, row.id)!);
    recordAudit(app.db, app.clock, actor, {
      action: 'update',
      entity: 'funeralWaiver',
      entityId: row.id,
      before,
      after,
      detail: `更正减免记录 ${row.number}：${input.reason}（减免 ${formatFen(before.computation.waivedFen)} → ${formatFen(after.computation.waivedFen)}）`,
    });
    return after;
  });
}

export function voidWaiver(ctx: HandlerContext, input: { id: number; reason: string }): WaiverView {
  const { app, actor } = ctx;
  return writeTransaction(app.db, () => {
    const row = requireWaiver(app, input.id);
    assertOpen(app, row, '作废');
    const now = app.clock.now().toISOString();
    updateWaiver(app.db, row.id, {
      status: 'void',
      void_reason: input.reason,
      voided_at: now,
      voided_by: actor.userId,
      updated_at: now,
    });
    const after = toView(app, waiverById(app.db, row.id)!);
    recordAudit(app.db, app.clock, actor, {
      action: 'status',
      entity: 'funeralWaiver',
      entityId: row.id,
      before: { status: row.status },
      after: { status: 'void', reason: input.reason },
      detail: `作废减免记录 ${row.number}（${row.deceased_name}）：${input.reason}`,
    });
    return after;
  });
}

export const getWaiver = (app: AppContext, id: number): WaiverView => toView(app, requireWaiver(app, id));

export function lookupWaiver(app: AppContext, idNumber: string): WaiverListRow | null {
  const row = liveWaiverOf(app.db, idNumber);
  return row ? toListRow(app, row) : null;
}

export function listWaivers(app: AppContext, input: z.output<typeof waiverListSchema>): { rows: WaiverListRow[]; total: number } {
  const range = input.month ? monthRange(input.month) : null;
  const query = input.query ?? '';
  // A typed ID number (15 or 18 characters) searches by number; anything else by name.
  const asId = /^[0-9０-９]{15}$|^[0-9０-９]{17}[0-9０-９XxＸｘ]$/.test(normalizeResidentId(query))
    ? parseResidentId(query)
    : null;
  const { rows, total } = listRows(
    app.db,
    {
      from: range?.from ?? null,
      to: range?.to ?? null,
      funeralHomeId: input.funeralHomeId,
      status: input.status,
      name: asId || query === '' ? null : query,
      idNumber: asId ? (asId.ok ? asId.value.id : normalizeResidentId(query)) : null,
    },
    input.pageSize,
    (input.page - 1) * input.pageSize,
  );
  return { rows: rows.map((r) => toListRow(app, r)), total };
}

export function quoteWaiver(
  app: AppContext,
  input: { deathDate: string; categoryCode: string | null; householdDivision: string | null; lines: WaiverLineInput[] },
): WaiverQuote {
  validDate(input.deathDate, 'deathDate', '死亡日期');
  const standard = standardOn(app, input.deathDate);
  if (!standard)
    return {
      computation: null,
      problems: [`死亡日期 ${input.deathDate} 之前尚无施行的惠民殡葬减免标准`],
      categories: [],
      items: [],
    };
  const problems: string[] = [];
  let computation: WaiverComputation | null = null;
  if (input.categoryCode && input.lines.length > 0) {
    try {
      computation = computeWaiver(standard, input.categoryCode, input.lines);
    } catch (e) {
      if (!(e instanceof WaiverRuleError)) throw e;
      problems.push(e.message);
    }
  }
  if (input.categoryCode) {
    const household =
      input.householdDivision && /^\d{6}(\d{3}(\d{3})?)?$/.test(input.householdDivision) ? input.householdDivision : null;
    problems.push(...eligibilityProblems(app, standard, input.categoryCode, household, undefined).map((p) => p.message));
  }
  return { computation, problems, categories: standard.categories, items: standard.items };
}

/**
 * Waivers by category for a period (by recording date, void ones left out): counts, actual costs
 * and amounts waived. The funeral indicators read this; a category keeps the name the latest
 * standard gives it.
 */
export function waiverTotals(app: AppContext, from: string, to: string): WaiverTotals {
  validDate(from, 'from', '起始日期');
  validDate(to, 'to', '截止日期');
  if (from > to) throw new ServiceError('INVALID_INPUT', `起始日期 ${from} 晚于截止日期 ${to}`, 'from');
  const rows = categoryTotalsBetween(app.db, from, to);
  const categories = rows.map((r) => ({
    code: r.category_code,
    name: latestCategoryName(app.db, r.category_code) ?? r.category_code,
    count: r.n,
    actualFen: r.actual,
    waivedFen: r.waived,
  }));
  return {
    from,
    to,
    categories,
    count: categories.reduce((s, c) => s + c.count, 0),
    actualFen: categories.reduce((s, c) => s + c.actualFen, 0),
    waivedFen: categories.reduce((s, c) => s + c.waivedFen, 0),
  };
}
