import type { AppContext } from '../../core/app';
import { recordAudit, systemActor, type Actor } from '../../core/audit/service';
import { writeTransaction } from '../../core/db/connection';
import { ServiceError, notFound } from '../../core/errors';
import type { HandlerContext } from '../../core/handler';
import { localTodayIso } from '../../core/idnumber/dates';
import { plotTypeLabels, type PlotType } from '../shared/forms';
import {
  cemeteryKindLabels,
  parsePlotLabel,
  plotLabel,
  plotStatusLabels,
  plotStatuses,
  residentsOnly,
  sectionLabel,
  type AreaLimitView,
  type CemeteryDetail,
  type CemeteryFields,
  type CemeteryView,
  type GenerateResult,
  type Occupancy,
  type PlotCell,
  type PlotDetail,
  type PlotMap,
  type PlotStatus,
  type PlotView,
  type SectionView,
  type addAreaLimitInput,
  type generatePlotsInput,
} from './contract';
import {
  allAreaLimits,
  allCemeteries,
  areaLimitAt,
  areaLimitById,
  areaLimitOn,
  cemeteryById,
  cemeteryByName,
  historyOf,
  insertAreaLimit,
  insertCemetery,
  insertPlots,
  insertSection,
  insertStatusHistory,
  insertStatusHistoryBatch,
  lapsedPlots,
  mapCells,
  occupancyRows,
  plotAt,
  plotById,
  plotsInRange,
  sectionByCode,
  sectionById,
  sectionExtent,
  sectionsOf,
  updateCemeteryRow,
  updatePlotRow,
  type AreaLimitRow,
  type CemeteryRow,
  type NewPlot,
  type OccupancyRow,
  type PlotRow,
} from './data';
import type { z } from 'zod';

// Cemeteries, sections and plots. A plot's status changes only here: every change writes a status
// history row (who, when, why, which burial) and an audit entry in the caller's transaction. The
// burials service (../burials) changes plots only through the functions at the end of this file.

const today = (app: AppContext): string => localTodayIso(app.clock.now());
const cm2ToM2 = (cm2: number): number => cm2 / 10_000;
const m2ToCm2 = (m2: number): number => Math.round(m2 * 10_000);

// ---- occupancy

function emptyOccupancy(): Occupancy {
  const byStatus = Object.fromEntries(plotStatuses.map((s) => [s, 0])) as Record<PlotStatus, number>;
  return { plots: 0, byStatus, capacity: 0, urns: 0, reservedPlaces: 0, remainingPlaces: 0 };
}

function addOccupancy(o: Occupancy, r: OccupancyRow): void {
  o.plots += r.plots;
  o.byStatus[r.status] += r.plots;
  o.urns += r.urns;
  o.reservedPlaces += r.reserved;
  if (r.status === 'blocked') return;
  o.capacity += r.capacity;
  if (r.status !== 'expired') o.remainingPlaces += r.capacity - r.urns - r.reserved;
}

function occupancyBy(rows: readonly OccupancyRow[]): Map<number, Occupancy> {
  const out = new Map<number, Occupancy>();
  for (const r of rows) {
    let o = out.get(r.key);
    if (!o) out.set(r.key, (o = emptyOccupancy()));
    addOccupancy(o, r);
  }
  return out;
}

// ---- cemeteries

function cemeteryView(c: CemeteryRow, occupancy: Occupancy): CemeteryView {
  return {
    id: c.id,
    name: c.name,
    kind: c.kind,
    kindLabel: cemeteryKindLabels[c.kind],
    residentsOnly: residentsOnly(c.kind),
    divisionCode: c.division_code,
    servedDivisions: JSON.parse(c.served_divisions) as string[],
    address: c.address,
    phone: c.phone,
    note: c.note,
    occupancy,
  };
}

function requireCemetery(app: AppContext, id: number): CemeteryRow {
  const c = cemeteryById(app.db, id);
  if (!c) throw notFound('该公墓');
  return c;
}

export function listCemeteries(app: AppContext): CemeteryView[] {
  sweepExpiredPlots(app);
  const occ = occupancyBy(occupancyRows(app.db, 'allCemeteries'));
  return allCemeteries(app.db).map((c) => cemeteryView(c, occ.get(c.id) ?? emptyOccupancy()));
}

function sectionView(app: AppContext, s: { id: number; cemetery_id: number; code: string }, occupancy: Occupancy): SectionView {
  const ext = sectionExtent(app.db, s.id);
  return {
    id: s.id,
    cemeteryId: s.cemetery_id,
    code: s.code,
    label: sectionLabel(s.code),
    rows: ext.rows ?? 0,
    numbers: ext.numbers ?? 0,
    occupancy,
  };
}

export function getCemetery(app: AppContext, id: number): CemeteryDetail {
  sweepExpiredPlots(app);
  const c = requireCemetery(app, id);
  const rows = occupancyRows(app.db, { cemeteryId: id });
  const bySection = occupancyBy(rows);
  const total = emptyOccupancy();
  for (const r of rows) addOccupancy(total, r);
  return {
    ...cemeteryView(c, total),
    sections: sectionsOf(app.db, id).map((s) => sectionView(app, s, bySection.get(s.id) ?? emptyOccupancy())),
  };
}

function checkCemeteryFields(f: CemeteryFields): void {
  if (residentsOnly(f.kind) && f.servedDivisions.length === 0) {
    throw new ServiceError(
      'RULE_VIOLATION',
      '公益性公墓只为本地居民提供安葬，请填写其服务的乡镇（街道）或村的行政区划代码',
      'servedDivisions',
    );
  }
  if (new Set(f.servedDivisions).size !== f.servedDivisions.length)
    throw new ServiceError('INVALID_INPUT', '服务范围中有重复的行政区划代码', 'servedDivisions');
}

const cemeteryColumns = (f: CemeteryFields) => ({
  name: f.name,
  kind: f.kind,
  division_code: f.divisionCode,
  served_divisions: JSON.stringify(f.servedDivisions),
  address: f.address || null,
  phone: f.phone || null,
  note: f.note || null,
});

export function createCemetery(ctx: HandlerContext, f: CemeteryFields): CemeteryView {
  const { app, actor } = ctx;
  checkCemeteryFields(f);
  return writeTransaction(app.db, () => {
    if (cemeteryByName(app.db, f.name)) throw new ServiceError('CONFLICT', `已有名为“${f.name}”的公墓`, 'name');
    const now = app.clock.now().toISOString();
    const id = insertCemetery(app.db, { ...cemeteryColumns(f), created_at: now, updated_at: now });
    const v = cemeteryView(cemeteryById(app.db, id)!, emptyOccupancy());
    recordAudit(app.db, app.clock, actor, { action: 'create', entity: 'funeralCemetery', entityId: id, after: f });
    return v;
  });
}

export function updateCemetery(ctx: HandlerContext, id: number, f: CemeteryFields): CemeteryView {
  const { app, actor } = ctx;
  checkCemeteryFields(f);
  writeTransaction(app.db, () => {
    const before = requireCemetery(app, id);
    const other = cemeteryByName(app.db, f.name);
    if (other && other.id !== id) throw new ServiceError('CONFLICT', `已有名为“${f.name}”的公墓`, 'name');
    updateCemeteryRow(app.db, id, { ...cemeteryColumns(f), updated_at: app.clock.now().toISOString() });
    recordAudit(app.db, app.clock, actor, {
      action: 'update',
      entity: 'funeralCemetery',
      entityId: id,
      before: cemeteryView(before, emptyOccupancy()),
      after: f,
    });
  });
  return listCemeteries(app).find((c) => c.id === id)!;
}

// ---- area limits (versioned)

function limitView(l: AreaLimitRow & { created_by_name?: string | null }, inForce: boolean): AreaLimitView {
  return {
    id: l.id,
    plotType: l.plot_type,
    maxAreaM2: l.max_area_cm2 === null ? null : cm2ToM2(l.max_area_cm2),
    effectiveFrom: l.effective_from,
    basis: l.basis,
    isSample: l.is_sample === 1,
    inForce,
    createdBy: l.created_by_name ?? null,
    createdAt: l.created_at,
  };
}

export function listAreaLimits(app: AppContext): AreaLimitView[] {
  const on = today(app);
  const inForceIds = new Set<number>();
  const rows = allAreaLimits(app.db);
  for (const r of rows) {
    const current = areaLimitOn(app.db, r.plot_type, on);
    if (current) inForceIds.add(current.id);
  }
  return rows.map((r) => limitView(r, inForceIds.has(r.id)));
}

/**
 * A new version applies to plots created on or after its date; versions already in force are never
 * changed, and a new one may not start in the past (that would re-judge plots already built).
 */
export function addAreaLimit(ctx: HandlerContext, input: z.output<typeof addAreaLimitInput>): AreaLimitView {
  const { app, actor } = ctx;
  const on = today(app);
  if (input.effectiveFrom < on) {
    throw new ServiceError(
      'RULE_VIOLATION',
      `施行日期不能早于今天（${on}）：已建墓位按建位时施行的上限核验，新上限只能对以后新建的墓位适用`,
      'effectiveFrom',
    );
  }
  return writeTransaction(app.db, () => {
    if (areaLimitAt(app.db, input.plotType, input.effectiveFrom)) {
      throw new ServiceError(
        'CONFLICT',
        `${plotTypeLabels[input.plotType]}在 ${input.effectiveFrom} 已有一个上限版本；版本只能新增，请选择其他施行日期`,
        'effectiveFrom',
      );
    }
    const id = insertAreaLimit(app.db, {
      plot_type: input.plotType,
      max_area_cm2: input.maxAreaM2 === null ? null : m2ToCm2(input.maxAreaM2),
      effective_from: input.effectiveFrom,
      basis: input.basis,
      is_sample: 0,
      created_by: actor.userId,
      created_at: app.clock.now().toISOString(),
    });
    const row = areaLimitById(app.db, id)!;
    const v = limitView(row, areaLimitOn(app.db, input.plotType, on)?.id === id);
    recordAudit(app.db, app.clock, actor, {
      action: 'create',
      entity: 'funeralPlotAreaLimit',
      entityId: id,
      after: v,
      detail: `${plotTypeLabels[input.plotType]}墓位面积上限自 ${input.effectiveFrom} 起为 ${input.maxAreaM2 === null ? '不设上限' : `${input.maxAreaM2} 平方米`}`,
    });
    return v;
  });
}

// ---- plots

interface PlotContext {
  cemetery: CemeteryRow;
  sectionCode: string;
}

function plotContext(app: AppContext, p: PlotRow): PlotContext {
  const s = sectionById(app.db, p.section_id)!;
  return { cemetery: cemeteryById(app.db, s.cemetery_id)!, sectionCode: s.code };
}

function plotView(app: AppContext, p: PlotRow, c: PlotContext = plotContext(app, p)): PlotView {
  const limit = p.area_limit_id === null ? null : areaLimitById(app.db, p.area_limit_id);
  return {
    id: p.id,
    cemeteryId: c.cemetery.id,
    cemeteryName: c.cemetery.name,
    cemeteryKind: c.cemetery.kind,
    sectionId: p.section_id,
    sectionCode: c.sectionCode,
    row: p.row_no,
    number: p.number,
    label: plotLabel(c.sectionCode, p.row_no, p.number),
    type: p.plot_type,
    typeLabel: plotTypeLabels[p.plot_type],
    areaM2: cm2ToM2(p.area_cm2),
    areaLimit: limit
      ? {
          id: limit.id,
          maxAreaM2: limit.max_area_cm2 === null ? null : cm2ToM2(limit.max_area_cm2),
          effectiveFrom: limit.effective_from,
          isSample: limit.is_sample === 1,
        }
      : null,
    urnCapacity: p.urn_capacity,
    urns: p.urns,
    reservedPlaces: p.reserved_places,
    remainingPlaces: p.urn_capacity - p.urns - p.reserved_places,
    feeFen: p.fee_fen,
    status: p.status,
    statusLabel: plotStatusLabels[p.status],
    useExpiresOn: p.use_expires_on,
    holderName: p.holder_name,
    position: p.pos_x === null || p.pos_y === null ? null : { x: p.pos_x, y: p.pos_y },
    createdOn: p.created_on,
  };
}

function requirePlot(app: AppContext, id: number): PlotRow {
  const p = plotById(app.db, id);
  if (!p) throw notFound('该墓位');
  return p;
}

export function getPlot(app: AppContext, id: number): PlotDetail {
  sweepExpiredPlots(app);
  const p = requirePlot(app, id);
  return {
    ...plotView(app, p),
    history: historyOf(app.db, id).map((h) => ({
      id: h.id,
      from: h.from_status,
      to: h.to_status,
      reason: h.reason,
      burialId: h.burial_id,
      username: h.username,
      at: h.at,
    })),
  };
}

export function findPlot(app: AppContext, cemeteryId: number, label: string): PlotView | null {
  const parsed = parsePlotLabel(label);
  if (!parsed) throw new ServiceError('INVALID_INPUT', `“${label}”不是墓位号，应形如 A区3排12号`, 'label');
  requireCemetery(app, cemeteryId);
  const s = sectionByCode(app.db, cemeteryId, parsed.sectionCode);
  const p = s ? plotAt(app.db, s.id, parsed.row, parsed.number) : undefined;
  return p ? plotView(app, p) : null;
}

/** Writes the status change, its history row and its audit entry. Inside the caller's transaction. */
function changeStatus(
  app: AppContext,
  actor: Actor,
  p: PlotRow,
  to: PlotStatus,
  reason: string,
  burialId: number | null,
  patch: Partial<PlotRow> = {},
): void {
  const at = app.clock.now().toISOString();
  updatePlotRow(app.db, p.id, { ...patch, status: to, updated_at: at });
  insertStatusHistory(app.db, {
    plot_id: p.id,
    from_status: p.status,
    to_status: to,
    reason,
    burial_id: burialId,
    user_id: actor.userId,
    username: actor.username,
    at,
  });
  const { cemetery, sectionCode } = plotContext(app, p);
  recordAudit(app.db, app.clock, actor, {
    action: 'status',
    entity: 'funeralPlot',
    entityId: p.id,
    before: { status: p.status },
    after: { status: to, ...(burialId === null ? {} : { burialId }) },
    detail: `${cemetery.name} ${plotLabel(sectionCode, p.row_no, p.number)}：${plotStatusLabels[p.status]} → ${plotStatusLabels[to]}（${reason}）`,
  });
}

/**
 * Generates the plots of a row × number range in one transaction: the area is checked against the
 * limit in force today for the type, and a range touching any existing plot is refused whole.
 */
export function generatePlots(ctx: HandlerContext, input: z.output<typeof generatePlotsInput>): GenerateResult {
  const { app, actor } = ctx;
  const on = today(app);
  const areaCm2 = m2ToCm2(input.areaM2);
  return writeTransaction(app.db, () => {
    const cemetery = requireCemetery(app, input.cemeteryId);
    const limit = areaLimitOn(app.db, input.plotType, on);
    if (limit && limit.max_area_cm2 !== null && areaCm2 > limit.max_area_cm2) {
      throw new ServiceError(
        'RULE_VIOLATION',
        `${plotTypeLabels[input.plotType]}墓位面积 ${input.areaM2.toFixed(2)} 平方米超过规定上限 ${cm2ToM2(limit.max_area_cm2).toFixed(2)} 平方米（自 ${limit.effective_from} 起施行${limit.is_sample === 1 ? '，示例值' : ''}）`,
        'areaM2',
      );
    }
    const now = app.clock.now().toISOString();
    const existing = sectionByCode(app.db, cemetery.id, input.sectionCode);
    const sectionId =
      existing?.id ?? insertSection(app.db, { cemetery_id: cemetery.id, code: input.sectionCode, created_at: now });
    if (existing) {
      const overlap = plotsInRange(app.db, sectionId, input, 5);
      if (overlap.count > 0) {
        const shown = overlap.sample.map((p) => plotLabel(input.sectionCode, p.row_no, p.number)).join('、');
        throw new ServiceError(
          'CONFLICT',
          `所选范围与已有墓位重叠（${shown}${overlap.count > 5 ? ` 等共 ${overlap.count} 个` : ''}），本次未生成任何墓位。请调整排号范围`,
          'rowFrom',
        );
      }
    }
    const rows: NewPlot[] = [];
    for (let r = input.rowFrom; r <= input.rowTo; r++) {
      for (let n = input.numberFrom; n <= input.numberTo; n++) {
        rows.push({
          section_id: sectionId,
          row_no: r,
          number: n,
          plot_type: input.plotType,
          area_cm2: areaCm2,
          area_limit_id: limit?.id ?? null,
          urn_capacity: input.urnCapacity,
          fee_fen: input.feeFen,
          status: 'available',
          use_expires_on: null,
          holder_name: null,
          pos_x: null,
          pos_y: null,
          created_on: on,
          created_at: now,
          updated_at: now,
        });
      }
    }
    const ids = insertPlots(app.db, rows);
    const range = `${sectionLabel(input.sectionCode)}${input.rowFrom}–${input.rowTo}排、${input.numberFrom}–${input.numberTo}号`;
    insertStatusHistoryBatch(
      app.db,
      ids.map((id) => ({
        plot_id: id,
        from_status: null,
        to_status: 'available' as const,
        reason: `批量生成墓位（${range}）`,
        burial_id: null,
        user_id: actor.userId,
        username: actor.username,
        at: now,
      })),
    );
    const firstLabel = plotLabel(input.sectionCode, input.rowFrom, input.numberFrom);
    const lastLabel = plotLabel(input.sectionCode, input.rowTo, input.numberTo);
    recordAudit(app.db, app.clock, actor, {
      action: 'create',
      entity: 'funeralSection',
      entityId: sectionId,
      after: { ...input, created: ids.length, areaLimitId: limit?.id ?? null },
      detail: `${cemetery.name} 生成墓位 ${ids.length} 个（${range}，${plotTypeLabels[input.plotType]}，${input.areaM2.toFixed(2)} 平方米）`,
    });
    return {
      sectionId,
      created: ids.length,
      firstLabel,
      lastLabel,
      areaLimit: limit ? limitView(limit, true) : null,
    };
  });
}

export function plotMap(app: AppContext, sectionId: number): PlotMap {
  sweepExpiredPlots(app);
  const s = sectionById(app.db, sectionId);
  if (!s) throw notFound('该墓区');
  const cemetery = cemeteryById(app.db, s.cemetery_id)!;
  const occupancy = emptyOccupancy();
  for (const r of occupancyRows(app.db, { cemeteryId: s.cemetery_id })) if (r.key === s.id) addOccupancy(occupancy, r);
  const rows = mapCells(app.db, sectionId);
  let rowsMax = 0;
  let numbersMax = 0;
  let positioned = rows.length > 0;
  const cells = rows.map((r): PlotCell => {
    if (r.row_no > rowsMax) rowsMax = r.row_no;
    if (r.number > numbersMax) numbersMax = r.number;
    if (r.pos_x === null) positioned = false;
    return [r.id, r.row_no, r.number, r.status, r.plot_type, r.holder_name, r.pos_x, r.pos_y];
  });
  return {
    cemeteryId: cemetery.id,
    cemeteryName: cemetery.name,
    section: {
      id: s.id,
      cemeteryId: s.cemetery_id,
      code: s.code,
      label: sectionLabel(s.code),
      rows: rowsMax,
      numbers: numbersMax,
      occupancy,
    },
    cells,
    usesPositions: positioned,
  };
}

export function blockPlot(ctx: HandlerContext, id: number, reason: string): PlotDetail {
  const { app, actor } = ctx;
  writeTransaction(app.db, () => {
    const p = requirePlot(app, id);
    if (p.status !== 'available') {
      throw new ServiceError('RULE_VIOLATION', `只能停用可用的墓位；该墓位当前为“${plotStatusLabels[p.status]}”`);
    }
    changeStatus(app, actor, p, 'blocked', `停用：${reason}`, null);
  });
  return getPlot(app, id);
}

export function unblockPlot(ctx: HandlerContext, id: number, reason: string): PlotDetail {
  const { app, actor } = ctx;
  writeTransaction(app.db, () => {
    const p = requirePlot(app, id);
    if (p.status !== 'blocked') throw new ServiceError('RULE_VIOLATION', `该墓位未停用（当前为“${plotStatusLabels[p.status]}”）`);
    changeStatus(app, actor, p, 'available', `恢复可用：${reason}`, null);
  });
  return getPlot(app, id);
}

export function updatePlot(
  ctx: HandlerContext,
  input: { id: number; feeFen: number; position: { x: number; y: number } | null },
): PlotDetail {
  const { app, actor } = ctx;
  writeTransaction(app.db, () => {
    const p = requirePlot(app, input.id);
    updatePlotRow(app.db, p.id, {
      fee_fen: input.feeFen,
      pos_x: input.position?.x ?? null,
      pos_y: input.position?.y ?? null,
      updated_at: app.clock.now().toISOString(),
    });
    recordAudit(app.db, app.clock, actor, {
      action: 'update',
      entity: 'funeralPlot',
      entityId: p.id,
      before: { feeFen: p.fee_fen, position: p.pos_x === null ? null : { x: p.pos_x, y: p.pos_y } },
      after: { feeFen: input.feeFen, position: input.position },
    });
  });
  return getPlot(app, input.id);
}

/**
 * Marks plots whose use period has ended as expired (期满未续). Runs before every read of plots
 * and before every burial write, so no screen shows a lapsed plot as occupied; it writes only when
 * something lapsed.
 */
export function sweepExpiredPlots(app: AppContext): number {
  const on = today(app);
  if (lapsedPlots(app.db, on).length === 0) return 0;
  return writeTransaction(app.db, () => {
    const lapsed = lapsedPlots(app.db, on);
    for (const p of lapsed) {
      changeStatus(app, systemActor, p, 'expired', `使用期限已于 ${p.use_expires_on} 届满，未办理续期`, null);
    }
    return lapsed.length;
  });
}

// ---- what the burials service may do to a plot (inside its own write transaction)

export interface PlotForBurial extends PlotView {
  servedDivisions: string[];
}

/** The plot with its cemetery's rules, read inside the burial's transaction. */
export function plotForBurial(app: AppContext, plotId: number): PlotForBurial {
  const p = requirePlot(app, plotId);
  const c = plotContext(app, p);
  return { ...plotView(app, p, c), servedDivisions: JSON.parse(c.cemetery.served_divisions) as string[] };
}

/** Cemetery facts the burials area prints and reports (name, kind, served divisions). */
export function cemeteryFacts(app: AppContext, id: number): CemeteryView {
  return cemeteryView(requireCemetery(app, id), emptyOccupancy());
}

export const cemeteryOptions = (app: AppContext): { id: number; name: string }[] =>
  allCemeteries(app.db).map((c) => ({ id: c.id, name: c.name }));

/**
 * Every cemetery with its kind and the divisions it serves, for the funeral indicators (coverage of
 * townships, burials per cemetery). Plain facts: no occupancy, no expiry sweep.
 */
export const cemeteryServiceAreas = (
  app: AppContext,
): { id: number; name: string; kind: CemeteryRow['kind']; servedDivisions: string[] }[] =>
  allCemeteries(app.db).map((c) => ({
    id: c.id,
    name: c.name,
    kind: c.kind,
    servedDivisions: JSON.parse(c.served_divisions) as string[],
  }));

const statusWithRemains = (p: Pick<PlotRow, 'reserved_places'>): PlotStatus => (p.reserved_places > 0 ? 'reserved' : 'occupied');

/**
 * One more urn in the plot: capacity checked, the use period's end moved to the latest expiry,
 * the holder shown on the map updated, and (when a kept place is taken) the reservation consumed.
 */
export function placeUrn(
  app: AppContext,
  actor: Actor,
  plotId: number,
  o: { burialId: number; holderName: string; expiresOn: string; takesKeptPlace: boolean; reason: string },
): void {
  const p = requirePlot(app, plotId);
  const reserved = p.reserved_places - (o.takesKeptPlace ? 1 : 0);
  if (reserved < 0) throw new Error('no kept place to take');
  if (p.urns + 1 + reserved > p.urn_capacity) {
    throw new ServiceError(
      'RULE_VIOLATION',
      `该墓位可安放骨灰 ${p.urn_capacity} 份，已安放 ${p.urns} 份${p.reserved_places > 0 ? `、为配偶保留 ${p.reserved_places} 穴` : ''}，不能再安放`,
    );
  }
  const expires = p.use_expires_on !== null && p.use_expires_on > o.expiresOn ? p.use_expires_on : o.expiresOn;
  const patch = { urns: p.urns + 1, reserved_places: reserved, use_expires_on: expires, holder_name: o.holderName };
  const to = statusWithRemains({ reserved_places: reserved });
  if (to !== p.status) changeStatus(app, actor, p, to, o.reason, o.burialId, patch);
  else updatePlotRow(app.db, p.id, { ...patch, updated_at: app.clock.now().toISOString() });
}

/** Keeps one place of the plot for a surviving spouse (the plot becomes 配偶保留). */
export function keepPlace(app: AppContext, actor: Actor, plotId: number, o: { burialId: number; reason: string }): void {
  const p = requirePlot(app, plotId);
  if (p.urns + p.reserved_places + 1 > p.urn_capacity)
    throw new ServiceError('RULE_VIOLATION', `该墓位可安放骨灰 ${p.urn_capacity} 份，已无空余穴位可保留`);
  const patch = { reserved_places: p.reserved_places + 1 };
  if (p.status === 'expired') updatePlotRow(app.db, p.id, { ...patch, updated_at: app.clock.now().toISOString() });
  else changeStatus(app, actor, p, 'reserved', o.reason, o.burialId, patch);
}

/** Gives a kept place up (the spouse chose another resting place, or died and was buried elsewhere). */
export function releaseKeptPlace(
  app: AppContext,
  actor: Actor,
  plotId: number,
  o: { burialId: number | null; reason: string },
): void {
  const p = requirePlot(app, plotId);
  if (p.reserved_places < 1) throw new Error('no kept place to release');
  const patch = { reserved_places: p.reserved_places - 1 };
  const to = p.status === 'expired' ? 'expired' : statusWithRemains(patch);
  if (to !== p.status) changeStatus(app, actor, p, to, o.reason, o.burialId, patch);
  else updatePlotRow(app.db, p.id, { ...patch, updated_at: app.clock.now().toISOString() });
}

/** A renewal moved a burial's expiry: the plot's end moves with it, and an expired plot is in use again. */
export function extendPlotUse(
  app: AppContext,
  actor: Actor,
  plotId: number,
  o: { burialId: number; expiresOn: string; reason: string },
): void {
  const p = requirePlot(app, plotId);
  const expires = p.use_expires_on !== null && p.use_expires_on > o.expiresOn ? p.use_expires_on : o.expiresOn;
  const patch = { use_expires_on: expires };
  if (p.status === 'expired' && expires >= today(app))
    changeStatus(app, actor, p, statusWithRemains(p), o.reason, o.burialId, patch);
  else updatePlotRow(app.db, p.id, { ...patch, updated_at: app.clock.now().toISOString() });
}

/** Whether a plot type can hold a place for a surviving spouse. */
export const keepsSpousePlace = (type: PlotType): boolean => type === 'double';
