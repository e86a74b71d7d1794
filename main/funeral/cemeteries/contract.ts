import { z } from 'zod';
import { channel, needs, returns, sessionAccess } from '../../core/contract/define';
import { isoDate, recordId } from '../../core/contract/fields';
import { plotTypes, type PlotType } from '../shared/forms';

// 公墓、墓区、墓位: cemeteries with the divisions they serve, sections, plots generated in ranges,
// the plot map, block / unblock, and the provincial plot-area limits (versioned by effective date).
// Burials, renewals and ash storage are in ../burials/contract.ts.

export const cemeteryKinds = ['urbanPublic', 'ruralPublic', 'commercial'] as const;
export type CemeteryKind = (typeof cemeteryKinds)[number];
export const cemeteryKindLabels: Record<CemeteryKind, string> = {
  urbanPublic: '城市公益性公墓',
  ruralPublic: '农村公益性公墓',
  commercial: '经营性公墓',
};
/** Public welfare cemeteries serve local residents only (殡葬管理条例; 民事发〔1998〕10号). */
export const residentsOnly = (kind: CemeteryKind): boolean => kind !== 'commercial';

export const plotStatuses = ['available', 'reserved', 'occupied', 'blocked', 'expired'] as const;
export type PlotStatus = (typeof plotStatuses)[number];
export const plotStatusLabels: Record<PlotStatus, string> = {
  available: '可用',
  reserved: '配偶保留',
  occupied: '已安葬',
  blocked: '停用',
  expired: '期满未续',
};

/** Default urns per plot type, offered when generating (the manager may change it). */
export const defaultUrnCapacity: Record<PlotType, number> = {
  single: 1,
  double: 2,
  family: 6,
  niche: 2,
  tree: 1,
  flowerBed: 1,
  lawn: 1,
  wall: 1,
  tower: 1,
};

/** 'A' → 'A区'; a code already ending in 区 stays as it is. */
export const sectionLabel = (code: string): string => (code.endsWith('区') ? code : `${code}区`);
/** The plot's name on every screen and document: A区3排12号. */
export const plotLabel = (sectionCode: string, row: number, number: number): string =>
  `${sectionLabel(sectionCode)}${row}排${number}号`;
/** Reads 'A区3排12号' back into its parts; null when the text is not a plot label. */
export function parsePlotLabel(text: string): { sectionCode: string; row: number; number: number } | null {
  const m = /^\s*(.+?)区\s*(\d{1,3})\s*排\s*(\d{1,4})\s*号\s*$/.exec(text);
  if (!m) return null;
  return { sectionCode: m[1]!, row: Number(m[2]), number: Number(m[3]) };
}

/** ¥1,234.00 — money (integer fen) as shown on screens and documents. */
export function formatFen(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}¥${yuan}.${String(abs % 100).padStart(2, '0')}`;
}

/** m² shown with two decimals; stored as integer cm². */
export const formatArea = (m2: number): string => `${m2.toFixed(2)} m²`;

export const divisionCodeAnyLevel = z
  .string()
  .trim()
  .regex(/^(\d{6}|\d{9}|\d{12})$/, { message: '行政区划代码应为 6 位（县级）、9 位（乡镇）或 12 位（村级）数字' })
  .describe('行政区划代码');

const optionalText = (max: number, label: string) => z.string().trim().max(max).nullable().describe(label);

export const cemeteryFields = z
  .object({
    name: z.string().trim().min(2).max(60).describe('公墓名称'),
    kind: z.enum(cemeteryKinds).describe('公墓类型'),
    divisionCode: divisionCodeAnyLevel.describe('所在地行政区划代码'),
    servedDivisions: z.array(divisionCodeAnyLevel).max(50).describe('服务范围（行政区划代码）'),
    address: optionalText(120, '地址'),
    phone: optionalText(40, '联系电话'),
    note: optionalText(500, '备注'),
  })
  .strict();
export type CemeteryFields = z.infer<typeof cemeteryFields>;

export const areaM2 = z
  .number()
  .positive({ message: '墓位面积应大于 0' })
  .max(100, { message: '墓位面积不应超过 100 平方米' })
  .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, { message: '墓位面积最多保留两位小数' })
  .describe('墓位面积（平方米）');

export const amountFen = z.number().int().min(0).max(100_000_000).describe('金额（分）');

/** At most this many plots in one generation (a whole section of 5,000 fits). */
export const MAX_PLOTS_PER_GENERATION = 10_000;

export const generatePlotsInput = z
  .object({
    cemeteryId: recordId.describe('公墓'),
    sectionCode: z
      .string()
      .trim()
      .min(1)
      .max(20)
      .regex(/^[^\d\s][^\s]*$/, { message: '墓区名称不能以数字开头，也不能含空格（如 A、B、松园）' })
      .describe('墓区'),
    rowFrom: z.number().int().min(1).max(999).describe('起始排'),
    rowTo: z.number().int().min(1).max(999).describe('终止排'),
    numberFrom: z.number().int().min(1).max(9999).describe('起始号'),
    numberTo: z.number().int().min(1).max(9999).describe('终止号'),
    plotType: z.enum(plotTypes).describe('墓位类型'),
    areaM2,
    urnCapacity: z.number().int().min(1).max(20).describe('可安放骨灰数'),
    feeFen: amountFen.describe('墓位费（分）'),
  })
  .strict()
  .refine((v) => v.rowFrom <= v.rowTo, { message: '起始排不能大于终止排', path: ['rowTo'] })
  .refine((v) => v.numberFrom <= v.numberTo, { message: '起始号不能大于终止号', path: ['numberTo'] })
  .refine((v) => (v.rowTo - v.rowFrom + 1) * (v.numberTo - v.numberFrom + 1) <= MAX_PLOTS_PER_GENERATION, {
    message: `一次最多生成 ${MAX_PLOTS_PER_GENERATION} 个墓位，请分批生成`,
    path: ['numberTo'],
  });

export const reasonText = z.string().trim().min(2, { message: '请说明原因（至少 2 个字）' }).max(500).describe('原因');

export const addAreaLimitInput = z
  .object({
    plotType: z.enum(plotTypes).describe('墓位类型'),
    maxAreaM2: areaM2.nullable().describe('面积上限（平方米，空 = 不设上限）'),
    effectiveFrom: isoDate.describe('施行日期'),
    basis: z.string().trim().min(2).max(300).describe('依据（文件名称、文号）'),
  })
  .strict();

export interface Occupancy {
  plots: number;
  byStatus: Record<PlotStatus, number>;
  /** Urns all plots can hold (blocked ones not counted). */
  capacity: number;
  urns: number;
  reservedPlaces: number;
  /** Places still free in plots that can take a burial (available or occupied with room). */
  remainingPlaces: number;
}

export interface CemeteryView extends CemeteryFields {
  id: number;
  kindLabel: string;
  residentsOnly: boolean;
  occupancy: Occupancy;
}

export interface SectionView {
  id: number;
  cemeteryId: number;
  code: string;
  label: string;
  /** Highest row and number in the section: the map's grid size. */
  rows: number;
  numbers: number;
  occupancy: Occupancy;
}

export interface CemeteryDetail extends CemeteryView {
  sections: SectionView[];
}

export interface AreaLimitView {
  id: number;
  plotType: PlotType;
  maxAreaM2: number | null;
  effectiveFrom: string;
  basis: string | null;
  isSample: boolean;
  /** The version in force today for its type. */
  inForce: boolean;
  createdBy: string | null;
  createdAt: string;
}

export interface PlotView {
  id: number;
  cemeteryId: number;
  cemeteryName: string;
  cemeteryKind: CemeteryKind;
  sectionId: number;
  sectionCode: string;
  row: number;
  number: number;
  label: string;
  type: PlotType;
  typeLabel: string;
  areaM2: number;
  /** The limit version the area was checked against when the plot was created. */
  areaLimit: { id: number; maxAreaM2: number | null; effectiveFrom: string; isSample: boolean } | null;
  urnCapacity: number;
  urns: number;
  reservedPlaces: number;
  remainingPlaces: number;
  feeFen: number;
  status: PlotStatus;
  statusLabel: string;
  useExpiresOn: string | null;
  holderName: string | null;
  position: { x: number; y: number } | null;
  createdOn: string;
}

export interface PlotStatusChange {
  id: number;
  from: PlotStatus | null;
  to: PlotStatus;
  reason: string;
  burialId: number | null;
  username: string | null;
  at: string;
}

export interface PlotDetail extends PlotView {
  history: PlotStatusChange[];
}

/** One plot on the map: [id, row, number, status, type, holder, x, y] — compact for 5,000 plots. */
export type PlotCell = [number, number, number, PlotStatus, PlotType, string | null, number | null, number | null];

export interface PlotMap {
  cemeteryId: number;
  cemeteryName: string;
  section: SectionView;
  cells: PlotCell[];
  /** Every plot has coordinates: draw them there; otherwise the row × number grid. */
  usesPositions: boolean;
}

export interface GenerateResult {
  sectionId: number;
  created: number;
  firstLabel: string;
  lastLabel: string;
  areaLimit: AreaLimitView | null;
}

export const cemeteriesContract = {
  'funeral.cemeteries.list': channel({
    input: z.object({}).strict(),
    output: returns<CemeteryView[]>(),
    access: needs('funeral.cemetery'),
    summary: '公墓列表，含各公墓墓位数、各状态数量、可安放骨灰总数与剩余容量',
    mutates: false,
  }),
  'funeral.cemeteries.get': channel({
    input: z.object({ id: recordId }).strict(),
    output: returns<CemeteryDetail>(),
    access: needs('funeral.cemetery'),
    summary: '读取一个公墓及其各墓区（排数、号数、占用与剩余容量）',
    mutates: false,
  }),
  'funeral.cemeteries.create': channel({
    input: cemeteryFields,
    output: returns<CemeteryView>(),
    access: needs('funeral.cemetery'),
    summary: '新建公墓（公益性公墓须填写服务的乡镇 / 村行政区划代码）',
    mutates: true,
  }),
  'funeral.cemeteries.update': channel({
    input: z.object({ id: recordId, fields: cemeteryFields.describe('公墓信息') }).strict(),
    output: returns<CemeteryView>(),
    access: needs('funeral.cemetery'),
    summary: '修改公墓信息（名称、类型、服务范围等）',
    mutates: true,
  }),
  'funeral.plots.generate': channel({
    input: generatePlotsInput,
    output: returns<GenerateResult>(),
    access: needs('funeral.cemetery'),
    summary: '按范围批量生成墓位（墓区、排、号、类型、面积、容量、墓位费）：面积按当日施行的上限核验，与已有墓位重叠则整批不生成',
    mutates: true,
  }),
  'funeral.plots.map': channel({
    input: z.object({ sectionId: recordId.describe('墓区') }).strict(),
    output: returns<PlotMap>(),
    access: needs('funeral.cemetery'),
    summary: '墓位图数据：一个墓区全部墓位的排、号、状态、类型与使用权人（紧凑格式）',
    mutates: false,
  }),
  'funeral.plots.get': channel({
    input: z.object({ id: recordId }).strict(),
    output: returns<PlotDetail>(),
    access: needs('funeral.cemetery'),
    summary: '读取一个墓位及其全部状态变更记录（谁、何时、为何）',
    mutates: false,
  }),
  'funeral.plots.find': channel({
    input: z
      .object({ cemeteryId: recordId.describe('公墓'), label: z.string().trim().min(3).max(40).describe('墓位号') })
      .strict(),
    output: returns<PlotView | null>(),
    access: needs('funeral.cemetery'),
    summary: '按墓位号（如 A区3排12号）查找墓位',
    mutates: false,
  }),
  'funeral.plots.block': channel({
    input: z.object({ id: recordId, reason: reasonText }).strict(),
    output: returns<PlotDetail>(),
    access: needs('funeral.cemetery'),
    summary: '停用一个可用墓位（须说明原因，如维修、地质隐患）',
    mutates: true,
  }),
  'funeral.plots.unblock': channel({
    input: z.object({ id: recordId, reason: reasonText }).strict(),
    output: returns<PlotDetail>(),
    access: needs('funeral.cemetery'),
    summary: '恢复一个停用墓位为可用（须说明原因）',
    mutates: true,
  }),
  'funeral.plots.update': channel({
    input: z
      .object({
        id: recordId,
        feeFen: amountFen.describe('墓位费（分）'),
        position: z
          .object({
            x: z.number().min(-100000).max(100000).describe('横坐标'),
            y: z.number().min(-100000).max(100000).describe('纵坐标'),
          })
          .strict()
          .nullable()
          .describe('墓位图坐标（可不填）'),
      })
      .strict(),
    output: returns<PlotDetail>(),
    access: needs('funeral.cemetery'),
    summary: '修改墓位费与墓位图坐标（坐标可不填，墓位图按排号网格绘制）',
    mutates: true,
  }),
  'funeral.plotLimits.list': channel({
    input: z.object({}).strict(),
    output: returns<AreaLimitView[]>(),
    access: sessionAccess,
    summary: '墓位面积上限的全部版本（按类型、施行日期），标明今日施行的版本与示例值',
    mutates: false,
  }),
  'funeral.plotLimits.add': channel({
    input: addAreaLimitInput,
    output: returns<AreaLimitView>(),
    access: needs('system.settings'),
    summary: '新增一个墓位面积上限版本（自施行日期起对新建墓位适用；已施行的版本不可修改）',
    mutates: true,
  }),
};
