import { z } from 'zod';
import { channel, needs, returns } from '../../core/contract/define';
import { isoDate, type FileOutput } from '../../core/contract/fields';
import { formatFen, type CemeteryKind } from '../cemeteries/contract';
import { burialForms, type BurialForm } from '../shared/forms';
import type { ApplicationStatus } from '../subsidies/contract';
import type { WaiverTotals } from '../waivers/contract';

// 殡葬统计报表: burials by month, cemetery and form; 节地生态安葬率 (which forms count is versioned
// data); 公益性安葬设施覆盖率 over the district's township list; subsidies by form, status and
// amount; fee waivers by category and amount — on screen, as PDF and as XLSX.
//
// Access: cemetery managers (funeral.cemetery) and the street reviewers / district approvers
// (funeral.review) all read the indicators. Only the district approver (funeral.approve) changes
// the counting definition and the township list: they are the bureau's reporting settings.

export const indicatorsInput = z
  .object({
    year: z.number().int().min(2000).max(2100).describe('统计年份'),
    // null: the whole year, with one row per month.
    month: z.number().int().min(1).max(12).nullable().describe('统计月份（空为全年）'),
  })
  .strict();
export type IndicatorsPeriod = z.infer<typeof indicatorsInput>;

export const addEcoFormsInput = z
  .object({
    effectiveFrom: isoDate.describe('施行日期'),
    forms: z
      .array(z.enum(burialForms).describe('安葬方式'))
      .min(1, { message: '请至少选择一种计入节地生态安葬的安葬方式' })
      .max(burialForms.length)
      .refine((f) => new Set(f).size === f.length, { message: '安葬方式不能重复' })
      .describe('计入节地生态安葬的安葬方式'),
    basis: z.string().trim().min(2, { message: '请填写依据（文件名称、文号）' }).max(300).describe('依据（文件名称、文号）'),
  })
  .strict();

export const townshipCode = z
  .string()
  .trim()
  .regex(/^\d{9}$/, { message: '乡镇（街道）代码应为 9 位数字（县级代码 6 位 + 乡级 3 位）' })
  .describe('乡镇（街道）代码');

export const saveTownshipInput = z
  .object({
    code: townshipCode,
    name: z.string().trim().min(2, { message: '请填写乡镇（街道）名称' }).max(40).describe('乡镇（街道）名称'),
  })
  .strict();

export const removeTownshipInput = z
  .object({
    code: townshipCode,
    reason: z.string().trim().min(2, { message: '请说明删除原因（至少 2 个字）' }).max(200).describe('删除原因'),
  })
  .strict();

export interface EcoFormsVersionView {
  id: number;
  effectiveFrom: string;
  forms: BurialForm[];
  basis: string | null;
  isSample: boolean;
  /** The version in force today. */
  inForce: boolean;
  createdBy: string | null;
  createdAt: string;
}

export interface TownshipView {
  code: string;
  name: string;
  /** Public welfare cemeteries serving it (the township, its county or one of its villages). */
  servedBy: string[];
  updatedAt: string;
}

export interface TownshipList {
  townships: TownshipView[];
  /**
   * Township codes (9 digits) that public welfare cemeteries serve, in full or through a village,
   * but that the list lacks: a hint that the list may be incomplete.
   */
  unlisted: string[];
}

/**
 * What a value column holds: a count, money in fen (shown ¥1,234.00, exported as yuan numbers), a
 * percentage already formatted ('62.50%') or text.
 */
export type ColumnKind = 'count' | 'fen' | 'percent' | 'text';

/** A table of the report as shown, printed and exported: one definition of the rows for all three. */
export interface ReportTable {
  key: string;
  title: string;
  /** Header of each column; the first is the row label's. */
  columns: string[];
  /** One per column after the label. */
  kinds: ColumnKind[];
  rows: ReportRow[];
  /** A line printed under the table (how it is counted). */
  note?: string;
}
export interface ReportRow {
  label: string;
  /** One per column after the label (see the table's kinds); null is shown as —. */
  values: (number | string | null)[];
  /** 1: a “其中” row, shown indented under the row above. */
  indent?: 1;
  /** A total row, shown in bold. */
  total?: true;
}

export interface FormFigures {
  form: BurialForm;
  /** Counted as 节地生态安葬 by the version applied. */
  eco: boolean;
  /** Burial records in cemeteries. */
  inCemeteries: number;
  /** Burials without a plot known from subsidy applications (scattering, deep burial). */
  plotless: number;
  total: number;
}

export interface MonthFigures {
  /** 'YYYY-MM' */
  month: string;
  byForm: Record<BurialForm, number>;
  total: number;
  eco: number;
}

export interface CemeteryFigures {
  id: number;
  name: string;
  kind: CemeteryKind;
  kindLabel: string;
  total: number;
  eco: number;
}

export interface TownshipCoverage {
  code: string;
  name: string;
  covered: boolean;
  cemeteries: string[];
}

export interface SubsidyFigures {
  /** Applications received in the period, per form and status (count and amount in fen). */
  rows: { form: BurialForm; status: ApplicationStatus; count: number; amountFen: number }[];
  /** Forms with applications only. amountFen leaves refused applications out. */
  byForm: { form: BurialForm; count: number; refused: number; amountFen: number; grantedFen: number; paidFen: number }[];
  /** Every status, in the order of the flow. */
  byStatus: { status: ApplicationStatus; count: number; amountFen: number }[];
  /** Applications received, refused ones included. */
  count: number;
  refused: number;
  /** Amount of the applications not refused. */
  amountFen: number;
  /** Approved (awaiting payment) and paid. */
  grantedFen: number;
  paidFen: number;
}

export interface FuneralIndicators {
  period: IndicatorsPeriod;
  /** '2026年3月' or '2026年' */
  label: string;
  /** First and last day of the period (inclusive). */
  from: string;
  to: string;
  /** The day the figures were taken. */
  asOf: string;
  /** False while the period has not ended yet: its figures can still grow. */
  complete: boolean;
  officeName: string;
  divisionCode: string;
  /** The counted-forms version in force on the period's last day (applied to every month shown). */
  ecoForms: EcoFormsVersionView;
  ecoRate: { eco: number; total: number; percent: number | null };
  coverage: { townships: number; covered: number; percent: number | null; rows: TownshipCoverage[]; unlisted: string[] };
  burials: {
    total: number;
    inCemeteries: number;
    plotless: number;
    eco: number;
    byForm: FormFigures[];
    cemeteries: CemeteryFigures[];
    /** The 12 months ending with the period's last month (a yearly report's own months). */
    months: MonthFigures[];
  };
  subsidies: SubsidyFigures;
  waivers: WaiverTotals;
  /** The tables in print order. */
  tables: ReportTable[];
  /** How each figure is counted, printed under the tables. */
  notes: string[];
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Short names for the month-by-month table's narrow columns and the chart legend. */
export const formShortLabels: Record<BurialForm, string> = {
  traditional: '墓穴',
  tree: '树葬',
  flowerBed: '花坛葬',
  lawn: '草坪葬',
  wall: '壁葬',
  tower: '塔葬',
  niche: '格位',
  seaScattering: '海葬',
  riverScattering: '江葬',
  deepBurial: '深埋',
};

/** 62.5 → '62.50%'; null (no denominator) → null, shown as —. */
export const percentText = (percent: number | null): string | null => (percent === null ? null : `${percent.toFixed(2)}%`);

/** A cell as the screen and the PDF show it. */
export function cellText(kind: ColumnKind, v: number | string | null): string {
  if (v === null) return '—';
  if (kind === 'fen' && typeof v === 'number') return formatFen(v);
  return String(v);
}

const readers = '（公墓管理员、殡葬审核员、殡葬审批员可用）';

export const funeralReportsContract = {
  'funeral.reports.indicators': channel({
    input: indicatorsInput,
    output: returns<FuneralIndicators>(),
    access: needs('funeral.cemetery', 'funeral.review'),
    summary: `殡葬统计（月报或年报）：按月份、公墓、安葬方式的安葬数，节地生态安葬率，公益性安葬设施乡镇覆盖率，奖补按方式与状态的件数金额，惠民殡葬减免按类别的人数金额${readers}`,
    mutates: false,
  }),
  'funeral.reports.pdf': channel({
    input: indicatorsInput,
    output: returns<FileOutput>(),
    access: needs('funeral.cemetery', 'funeral.review'),
    summary: `生成殡葬统计报表 PDF（单位名称、统计期间、各统计表与口径说明）${readers}`,
    mutates: true,
  }),
  'funeral.reports.xlsx': channel({
    input: indicatorsInput,
    output: returns<FileOutput>(),
    access: needs('funeral.cemetery', 'funeral.review'),
    summary: `导出殡葬统计报表 Excel（XLSX：汇总、分月、乡镇覆盖）${readers}`,
    mutates: true,
  }),
  'funeral.reports.ecoForms.list': channel({
    input: z.object({}).strict(),
    output: returns<EcoFormsVersionView[]>(),
    access: needs('funeral.cemetery', 'funeral.review'),
    summary: `节地生态安葬统计口径（计入的安葬方式）的全部版本，标明今日施行的版本与示例口径${readers}`,
    mutates: false,
  }),
  'funeral.reports.ecoForms.add': channel({
    input: addEcoFormsInput,
    output: returns<EcoFormsVersionView>(),
    access: needs('funeral.approve'),
    summary: '新增一个节地生态安葬统计口径版本（施行日期不早于今天；已施行的版本不可修改，已结束期间的报表不变）',
    mutates: true,
  }),
  'funeral.reports.townships.list': channel({
    input: z.object({}).strict(),
    output: returns<TownshipList>(),
    access: needs('funeral.cemetery', 'funeral.review'),
    summary: `本区乡镇（街道）名单（覆盖率的分母），各乡镇由哪些公益性公墓服务，及公墓服务范围中未列入名单的乡镇代码${readers}`,
    mutates: false,
  }),
  'funeral.reports.townships.save': channel({
    input: saveTownshipInput,
    output: returns<TownshipView>(),
    access: needs('funeral.approve'),
    summary: '新增乡镇（街道）或修改其名称（代码须属于本单位行政区划）',
    mutates: true,
  }),
  'funeral.reports.townships.remove': channel({
    input: removeTownshipInput,
    output: returns<{ code: string }>(),
    access: needs('funeral.approve'),
    summary: '从乡镇（街道）名单删除一个乡镇（须说明原因，如撤并）',
    mutates: true,
  }),
};
