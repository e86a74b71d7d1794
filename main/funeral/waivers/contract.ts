import { z } from 'zod';
import { channel, needs, returns } from '../../core/contract/define';
import type { FileOutput } from '../../core/contract/fields';
import { isoDate, page, pageSize, recordId } from '../../core/contract/fields';
import { residentIdSchema } from '../../core/idnumber/residentId';

// 惠民殡葬 / 基本殡葬服务减免 (funeralFeeWaiver): the standard prices of the basic services and who
// may have which of them waived up to what per-body cap — versioned data with effective dates —,
// the waiver record per deceased, and the monthly settlement with each funeral home (殡仪馆).
//
// Who does what: the street office's 殡葬审核员 (funeral.review) records, corrects and voids
// waivers and prints settlement sheets; the district's 殡葬审批员 (funeral.approve) sets the
// standards, keeps the list of funeral homes and marks a month settled (the bureau pays).

/** Money in fen (分); ¥1,000,000 is far beyond any basic funeral service. */
export const fenSchema = z.number().int().min(0).max(100_000_000);

/** YYYY-MM, the settlement month. */
export const monthSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: '月份格式应为 YYYY-MM' })
  .describe('结算月份');

/** 户籍所在地: a GB/T 2260 county code (6 digits), or a township (9) or village (12) code under it. */
export const householdDivisionSchema = z
  .string()
  .trim()
  .regex(/^\d{6}(\d{3}(\d{3})?)?$/, { message: '「户籍所在地区划代码」应为 6 位（县级）、9 位（乡镇）或 12 位（村居）数字' })
  .describe('户籍所在地区划代码');

const codeSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z][A-Za-z0-9_-]{0,31}$/, { message: '代码只能由字母开头，含字母、数字、下划线或连字符，最长 32 位' });

// ---- standards (versioned) ----------------------------------------------------------------------

export const serviceItemSchema = z
  .object({
    code: codeSchema.describe('项目代码'),
    name: z.string().trim().min(2).max(30).describe('项目名称'),
    unit: z.string().trim().min(1).max(6).describe('计价单位'),
    standardPriceFen: fenSchema.describe('标准单价（分）'),
    // e.g. 遗体冷藏 ¥80/天, at most 3 days waived.
    waivableQuantity: z.number().int().min(1).max(3650).describe('最多减免数量'),
  })
  .strict();
export type ServiceItem = z.infer<typeof serviceItemSchema>;

export const waiverCategorySchema = z
  .object({
    code: codeSchema.describe('类别代码'),
    name: z.string().trim().min(2).max(30).describe('类别名称'),
    capFen: fenSchema.min(1, { message: '「每具封顶金额」应大于 0' }).describe('每具封顶金额（分）'),
    itemCodes: z.array(codeSchema).min(1, { message: '每个类别至少要有一个可减免项目' }).max(30).describe('可减免项目'),
    // 本地户籍居民: the household registration must lie within the office's division.
    localOnly: z.boolean().describe('限本地户籍'),
    evidenceLabel: z.string().trim().min(2).max(30).nullable().describe('身份证明材料'),
  })
  .strict();
export type WaiverCategory = z.infer<typeof waiverCategorySchema>;

export const standardVersionSchema = z
  .object({
    // A version not yet applied to any waiver may be replaced; an applied one never changes.
    id: recordId.nullable().describe('替换的版本'),
    effectiveFrom: isoDate.describe('生效日期'),
    title: z.string().trim().min(2).max(80).describe('标准名称'),
    basis: z.string().trim().max(200).nullable().describe('政策依据'),
    items: z.array(serviceItemSchema).min(1).max(30).describe('服务项目'),
    categories: z.array(waiverCategorySchema).min(1).max(20).describe('减免对象类别'),
  })
  .strict()
  .superRefine((v, ctx) => {
    const items = new Set<string>();
    v.items.forEach((it, i) => {
      if (items.has(it.code)) ctx.addIssue({ code: 'custom', message: `项目代码“${it.code}”重复`, path: ['items', i, 'code'] });
      items.add(it.code);
    });
    const cats = new Set<string>();
    v.categories.forEach((c, i) => {
      if (cats.has(c.code)) ctx.addIssue({ code: 'custom', message: `类别代码“${c.code}”重复`, path: ['categories', i, 'code'] });
      cats.add(c.code);
      const unknown = c.itemCodes.filter((code) => !items.has(code));
      if (unknown.length > 0)
        ctx.addIssue({
          code: 'custom',
          message: `类别“${c.name}”的可减免项目 ${unknown.join('、')} 不在本版本的服务项目中`,
          path: ['categories', i, 'itemCodes'],
        });
      if (new Set(c.itemCodes).size !== c.itemCodes.length)
        ctx.addIssue({ code: 'custom', message: `类别“${c.name}”的可减免项目有重复`, path: ['categories', i, 'itemCodes'] });
    });
  });
export type StandardVersionInput = z.infer<typeof standardVersionSchema>;

export interface StandardVersionView {
  id: number;
  effectiveFrom: string;
  /** The day before the next version takes effect; null while it is the latest. */
  effectiveTo: string | null;
  title: string;
  basis: string | null;
  /** Shipped sample (示例数据): to be replaced by the local policy. */
  sample: boolean;
  items: ServiceItem[];
  categories: WaiverCategory[];
  /** Waivers computed under it: once > 0 the version is frozen. */
  appliedCount: number;
  inForceToday: boolean;
  createdAt: string;
}

// ---- funeral homes ------------------------------------------------------------------------------

export const funeralHomeSchema = z
  .object({
    id: recordId.nullable().describe('殡仪馆'),
    name: z.string().trim().min(2).max(60).describe('殡仪馆名称'),
    divisionCode: householdDivisionSchema.describe('所在地区划代码'),
    contact: z.string().trim().max(30).nullable().describe('联系人'),
    phone: z.string().trim().max(30).nullable().describe('联系电话'),
    active: z.boolean().describe('启用'),
  })
  .strict();

export interface FuneralHomeView {
  id: number;
  name: string;
  divisionCode: string;
  contact: string | null;
  phone: string | null;
  active: boolean;
  waiverCount: number;
}

// ---- waivers ------------------------------------------------------------------------------------

export const waiverLineSchema = z
  .object({
    itemCode: codeSchema.describe('服务项目'),
    quantity: z.number().int().min(1).max(3650).describe('数量'),
    actualFen: fenSchema.describe('实际费用（分）'),
  })
  .strict();
export type WaiverLineInput = z.infer<typeof waiverLineSchema>;

const lines = z
  .array(waiverLineSchema)
  .min(1, { message: '请至少填写一项实际发生的服务项目' })
  .max(30)
  .describe('服务项目及实际费用')
  .refine((ls) => new Set(ls.map((l) => l.itemCode)).size === ls.length, { message: '同一服务项目只能填写一行' });

export const waiverFields = {
  deceasedName: z.string().trim().min(1).max(60).describe('逝者姓名'),
  deceasedIdNumber: residentIdSchema.describe('逝者身份证号码'),
  householdDivision: householdDivisionSchema,
  deathDate: isoDate.describe('死亡日期'),
  categoryCode: codeSchema.describe('减免对象类别'),
  evidenceRef: z.string().trim().max(60).nullable().describe('证明材料编号'),
  funeralHomeId: recordId.describe('殡仪馆'),
  lines,
  note: z.string().trim().max(500).nullable().describe('备注'),
};
export const waiverInputSchema = z.object(waiverFields).strict();
export type WaiverInput = z.infer<typeof waiverInputSchema>;

export const reasonSchema = z.string().trim().min(2, { message: '请填写原因（至少 2 个字）' }).max(500).describe('原因');

export type WaiverStatus = 'recorded' | 'void' | 'settled';
export const waiverStatusLabels: Record<WaiverStatus, string> = { recorded: '已登记', void: '已作废', settled: '已结算' };

/** One service line as the service worked it out. */
export interface WaiverLineComputation {
  itemCode: string;
  itemName: string;
  unit: string;
  quantity: number;
  actualFen: number;
  standardPriceFen: number;
  /** Units counted for the allowance: min(quantity, the item's waivable quantity). */
  countedQuantity: number;
  /** standard price × counted quantity. */
  allowanceFen: number;
  /** Whether the category may waive this item at all. */
  waivable: boolean;
  /** min(actual, allowance), or 0 when not waivable. */
  beforeCapFen: number;
  /** After the per-body cap. */
  waivedFen: number;
  /** The line's working in words. */
  explanation: string;
}

export interface WaiverComputation {
  versionId: number;
  versionTitle: string;
  versionEffectiveFrom: string;
  sample: boolean;
  categoryCode: string;
  categoryName: string;
  capFen: number;
  lines: WaiverLineComputation[];
  actualFen: number;
  beforeCapFen: number;
  waivedFen: number;
  /** What the family pays the funeral home: actual − waived. */
  familyPaysFen: number;
  capApplied: boolean;
  /** The working in words, line by line and the cap. */
  steps: string[];
}

export interface WaiverQuote {
  computation: WaiverComputation | null;
  /** What recording would refuse (residency, unknown category …), as sentences. */
  problems: string[];
  categories: {
    code: string;
    name: string;
    capFen: number;
    localOnly: boolean;
    evidenceLabel: string | null;
    itemCodes: string[];
  }[];
  items: ServiceItem[];
}

export interface WaiverView {
  id: number;
  number: string;
  status: WaiverStatus;
  statusLabel: string;
  deceasedName: string;
  deceasedIdNumber: string;
  deceasedIdMasked: string;
  sex: 'male' | 'female';
  birthDate: string;
  householdDivision: string;
  deathDate: string;
  categoryCode: string;
  categoryName: string;
  evidenceLabel: string | null;
  evidenceRef: string | null;
  funeralHomeId: number;
  funeralHomeName: string;
  computation: WaiverComputation;
  note: string | null;
  recordedOn: string;
  recordedBy: string | null;
  /** YYYY-MM: the month whose settlement sheet lists it (the month it was recorded). */
  settlementMonth: string;
  settledAt: string | null;
  voidReason: string | null;
  voidedAt: string | null;
}

export interface WaiverListRow {
  id: number;
  number: string;
  status: WaiverStatus;
  deceasedName: string;
  deceasedIdMasked: string;
  deathDate: string;
  categoryName: string;
  funeralHomeName: string;
  actualFen: number;
  waivedFen: number;
  recordedOn: string;
}

export const waiverListSchema = z
  .object({
    month: monthSchema.nullable(),
    funeralHomeId: recordId.nullable().describe('殡仪馆'),
    status: z.enum(['recorded', 'void', 'settled']).nullable().describe('状态'),
    query: z.string().trim().max(40).nullable().describe('姓名或身份证号码'),
    page,
    pageSize,
  })
  .strict();

// ---- settlement ---------------------------------------------------------------------------------

export interface SettlementRow {
  no: number;
  waiverId: number;
  number: string;
  deceasedName: string;
  /** 6-digit area code and last 4 kept: with the name and death date enough to match the home's records. */
  deceasedIdMasked: string;
  deathDate: string;
  categoryName: string;
  /** Waived fen per item code (columns of the sheet). */
  waivedByItem: Record<string, number>;
  actualFen: number;
  waivedFen: number;
  familyPaysFen: number;
}

export interface SettlementSheet {
  funeralHome: FuneralHomeView;
  month: string;
  monthLabel: string;
  officeName: string;
  divisionCode: string;
  /** The item columns, in standard order (items that appear on some row). */
  items: { code: string; name: string }[];
  rows: SettlementRow[];
  totals: { count: number; actualFen: number; waivedFen: number; familyPaysFen: number; byItem: Record<string, number> };
  byCategory: { code: string; name: string; count: number; waivedFen: number }[];
  status: 'open' | 'settled';
  /** A month can be settled only after it has ended (no more records can join it). */
  monthEnded: boolean;
  settledAt: string | null;
  settledBy: string | null;
  /** Some row was computed under the shipped sample standard. */
  sample: boolean;
}

export interface MonthSummary {
  month: string;
  monthEnded: boolean;
  homes: {
    funeralHomeId: number;
    funeralHomeName: string;
    count: number;
    waivedFen: number;
    status: 'open' | 'settled' | 'empty';
    settledAt: string | null;
  }[];
}

export interface WaiverTotals {
  from: string;
  to: string;
  categories: { code: string; name: string; count: number; actualFen: number; waivedFen: number }[];
  count: number;
  actualFen: number;
  waivedFen: number;
}

const sheetInput = z.object({ funeralHomeId: recordId.describe('殡仪馆'), month: monthSchema }).strict();

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** ¥1,234.00 — money as printed on screens and sheets. */
export function formatFen(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}¥${yuan}.${String(abs % 100).padStart(2, '0')}`;
}

/** '2026-05' → '2026年5月'. */
export const monthLabel = (month: string): string => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;

export const waiversContract = {
  'funeral.waivers.standards': channel({
    input: z.object({}).strict(),
    output: returns<StandardVersionView[]>(),
    access: needs('funeral.review'),
    summary: '惠民殡葬减免标准的各个版本（服务项目标准价、减免对象类别、每具封顶），按生效日期',
    mutates: false,
  }),
  'funeral.waivers.saveStandard': channel({
    input: standardVersionSchema,
    output: returns<StandardVersionView>(),
    access: needs('funeral.approve'),
    summary: '新增减免标准版本（或替换尚未被任何减免记录采用的版本）；已采用的版本不能修改',
    mutates: true,
  }),
  'funeral.waivers.homes': channel({
    input: z.object({}).strict(),
    output: returns<FuneralHomeView[]>(),
    access: needs('funeral.review'),
    summary: '殡仪馆名录',
    mutates: false,
  }),
  'funeral.waivers.saveHome': channel({
    input: funeralHomeSchema,
    output: returns<FuneralHomeView>(),
    access: needs('funeral.approve'),
    summary: '新增或修改殡仪馆（名称、所在地、联系人、启用）',
    mutates: true,
  }),
  'funeral.waivers.quote': channel({
    input: z
      .object({
        deathDate: isoDate.describe('死亡日期'),
        categoryCode: codeSchema.nullable().describe('减免对象类别'),
        householdDivision: z.string().trim().max(12).nullable().describe('户籍所在地区划代码'),
        lines: z.array(waiverLineSchema).max(30).describe('服务项目及实际费用'),
      })
      .strict(),
    output: returns<WaiverQuote>(),
    access: needs('funeral.review'),
    summary: '按死亡日期适用的减免标准试算减免金额（逐项标准价、类别可减免项目、每具封顶），不保存',
    mutates: false,
  }),
  'funeral.waivers.lookup': channel({
    input: z.object({ idNumber: residentIdSchema.describe('逝者身份证号码') }).strict(),
    output: returns<WaiverListRow | null>(),
    access: needs('funeral.review'),
    summary: '按身份证号码查找该逝者未作废的减免记录（一名逝者只能减免一次）',
    mutates: false,
  }),
  'funeral.waivers.record': channel({
    input: waiverInputSchema,
    output: returns<WaiverView>(),
    access: needs('funeral.review'),
    summary: '登记惠民殡葬费用减免：由服务按死亡日期适用的标准计算减免金额（不可手填），每名逝者一次',
    mutates: true,
  }),
  'funeral.waivers.correct': channel({
    input: z.object({ id: recordId, ...waiverFields, reason: reasonSchema.describe('更正原因') }).strict(),
    output: returns<WaiverView>(),
    access: needs('funeral.review'),
    summary: '更正未结算的减免记录（重新计算），须写明原因',
    mutates: true,
  }),
  'funeral.waivers.void': channel({
    input: z.object({ id: recordId, reason: reasonSchema.describe('作废原因') }).strict(),
    output: returns<WaiverView>(),
    access: needs('funeral.review'),
    summary: '作废未结算的减免记录，须写明原因',
    mutates: true,
  }),
  'funeral.waivers.get': channel({
    input: z.object({ id: recordId }).strict(),
    output: returns<WaiverView>(),
    access: needs('funeral.review'),
    summary: '读取一条减免记录及其计算过程',
    mutates: false,
  }),
  'funeral.waivers.list': channel({
    input: waiverListSchema,
    output: returns<{ rows: WaiverListRow[]; total: number }>(),
    access: needs('funeral.review'),
    summary: '减免记录列表（按结算月份、殡仪馆、状态、姓名或身份证号码筛选；身份证号码脱敏）',
    mutates: false,
  }),
  'funeral.waivers.monthSummary': channel({
    input: z.object({ month: monthSchema }).strict(),
    output: returns<MonthSummary>(),
    access: needs('funeral.review'),
    summary: '某月各殡仪馆的减免笔数、金额与结算状态',
    mutates: false,
  }),
  'funeral.waivers.settlement': channel({
    input: sheetInput,
    output: returns<SettlementSheet>(),
    access: needs('funeral.review'),
    summary: '某殡仪馆某月的减免结算单（逐笔逐项金额、合计、分类汇总）',
    mutates: false,
  }),
  'funeral.waivers.settlementPdf': channel({
    input: sheetInput,
    output: returns<FileOutput>(),
    access: needs('funeral.review'),
    summary: '打印减免结算单 PDF（身份证号码脱敏，含签章栏）',
    mutates: true,
  }),
  'funeral.waivers.settlementXlsx': channel({
    input: sheetInput,
    output: returns<FileOutput>(),
    access: needs('funeral.review'),
    summary: '导出减免结算单 Excel（身份证号码脱敏）',
    mutates: true,
  }),
  'funeral.waivers.settle': channel({
    input: sheetInput
      .extend({
        // The approver confirms the figures seen on screen; a sheet that changed meanwhile is refused.
        expectedCount: z.number().int().min(0).describe('核对笔数'),
        expectedWaivedFen: fenSchema.describe('核对减免金额（分）'),
      })
      .strict(),
    output: returns<SettlementSheet>(),
    access: needs('funeral.approve'),
    summary: '确认某殡仪馆某月结算（月份结束后）：该月减免记录随之锁定，不能再更正或作废',
    mutates: true,
  }),
  'funeral.waivers.totals': channel({
    input: z.object({ from: isoDate.describe('起始日期'), to: isoDate.describe('截止日期') }).strict(),
    output: returns<WaiverTotals>(),
    access: needs('funeral.review'),
    summary: '期间内（按登记日期）各减免对象类别的笔数与金额',
    mutates: false,
  }),
};
