import { z } from 'zod';
import { channel, needs, returns } from '../../core/contract/define';
import type { FileOutput } from '../../core/contract/fields';
import type { PartyOrigin } from '../contract';

// 婚姻登记统计 (monthly and yearly, in the Ministry's categories). Supervisors do statistics, so
// every channel needs `marriage.supervise`. The definitions of each figure are in ./data.ts.

export const statsPeriodSchema = z
  .object({
    year: z.number().int().min(1950).max(2100).describe('统计年份'),
    // null: the yearly report (年报), with one row per month.
    month: z.number().int().min(1).max(12).nullable().describe('统计月份'),
  })
  .strict()
  .describe('统计期间');
export type StatsPeriod = z.infer<typeof statsPeriodSchema>;

const periodInput = z.object({ period: statsPeriodSchema }).strict();

/** The Ministry's split of marriages (and divorces) by where the parties come from. */
export const statsOrigins = ['mainland', 'foreign', 'hongkong', 'macao', 'taiwan'] as const satisfies readonly PartyOrigin[];
export const originLabels: Record<PartyOrigin, string> = {
  mainland: '内地居民',
  foreign: '涉外（一方为外国人）',
  hongkong: '涉港（一方为香港居民）',
  macao: '涉澳（一方为澳门居民）',
  taiwan: '涉台（一方为台湾居民）',
};
/** Short forms for chart legends and narrow table columns. */
export const originShortLabels: Record<PartyOrigin, string> = {
  mainland: '内地',
  foreign: '涉外',
  hongkong: '涉港',
  macao: '涉澳',
  taiwan: '涉台',
};

/**
 * Age in full years (周岁) on the registration date. 20–24 … 40+ are the Ministry's bands; a
 * registration today is never under 20 (Art. 1047), but archive records under older law may be,
 * and an archive record may lack a usable birth date: those two bands show only when not empty.
 */
export const ageBands = ['under20', '20-24', '25-29', '30-34', '35-39', '40+', 'unknown'] as const;
export type AgeBand = (typeof ageBands)[number];
export const ageBandLabels: Record<AgeBand, string> = {
  under20: '20 岁以下',
  '20-24': '20–24 岁',
  '25-29': '25–29 岁',
  '30-34': '30–34 岁',
  '35-39': '35–39 岁',
  '40+': '40 岁及以上',
  unknown: '出生日期不详',
};
/** Bands shown even when empty. */
export const mainAgeBands: readonly AgeBand[] = ['20-24', '25-29', '30-34', '35-39', '40+'];

export interface BySex {
  male: number;
  female: number;
  total: number;
}

export type ByOrigin = Record<PartyOrigin, number> & { total: number };

export interface StatsFigures {
  /** 结婚登记（对）: couples registered in the period, by origin. */
  marriages: ByOrigin;
  /** 跨省通办: couples whose household registers are not both in the registry's province. */
  crossProvince: number;
  /** 初婚人数: registrants (persons) declaring 未婚 (10). */
  firstMarriage: BySex;
  /** 再婚人数: registrants declaring 离婚 (40) or 丧偶 (30). */
  remarriage: BySex & { afterDivorce: BySex; afterWidowhood: BySex };
  /** Archive records whose prior status was not stated (90 未说明): neither first marriage nor remarriage. */
  priorUnstated: BySex;
  /** 结婚登记人员年龄: registrants (persons) by full years on the registration date. */
  ageBands: Record<AgeBand, BySex>;
  /** 平均初婚年龄 (years, 2 decimals): first-marriage registrants only; null when there are none. */
  averageFirstMarriageAge: { male: number | null; female: number | null; all: number | null };
  /** 离婚登记（对）: divorce certificates issued in the period, by the marriage's origin. */
  divorces: ByOrigin;
  /** 离婚申请: received, withdrawn (撤回) and deemed withdrawn (视为撤回) in the period. */
  divorceApplications: { received: number; withdrawn: number; deemedWithdrawn: number };
  /** 补领婚姻登记证: BJ and BL certificates issued in the period. */
  replacements: { marriage: number; divorce: number };
}

export interface StatsMonth {
  /** 'YYYY-MM' */
  month: string;
  figures: StatsFigures;
}

/** A table of the report as printed, exported and shown: one definition of the rows for all three. */
export interface StatsTable {
  key: string;
  title: string;
  /** Header of each column; the first is the row label's. */
  columns: string[];
  rows: StatsTableRow[];
}
export interface StatsTableRow {
  label: string;
  /** One per column after the label: a count, a formatted figure ('27.45', '+12.5%') or null (—). */
  values: (number | string | null)[];
  /** 1: a “其中” row, shown indented under the row above. */
  indent?: 1;
  /** A total row, shown in bold. */
  total?: true;
}

export interface StatsReport {
  period: StatsPeriod;
  /** '2025年6月' or '2025年' */
  label: string;
  /** First and last day of the period (inclusive). */
  from: string;
  to: string;
  /** The day the figures were taken (the registry's today). */
  asOf: string;
  /** False while the period has not ended yet: its figures can still grow. */
  complete: boolean;
  officeName: string;
  divisionCode: string;
  figures: StatsFigures;
  /** One row per month of the period: 1 for a monthly report, 12 for a yearly one. */
  months: StatsMonth[];
  /** Marriages and divorces (couples) in the 12 months ending with the period, for the trend chart. */
  trend: { month: string; marriages: number; divorces: number }[];
  /** The same period a year earlier, for comparison. */
  previous: { label: string; marriages: number; divorces: number };
  /** The period's tables in the Ministry's categories, in print order. */
  tables: StatsTable[];
  /** Yearly report: one row per month and the year's total; null for a monthly report. */
  monthlyTable: StatsTable | null;
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const marriageStatsContract = {
  'marriage.stats.report': channel({
    input: periodInput,
    output: returns<StatsReport>(),
    access: needs('marriage.supervise'),
    summary:
      '婚姻登记统计（月报或年报）：结婚登记对数及涉外/港澳台分类、初婚再婚人数、年龄段、平均初婚年龄、跨省通办、离婚登记、撤回与视为撤回',
    mutates: false,
  }),
  'marriage.stats.documents.pdf': channel({
    input: periodInput,
    output: returns<FileOutput>(),
    access: needs('marriage.supervise'),
    summary: '生成婚姻登记统计报表 PDF（单位名称、统计期间、各类统计表；年报附分月表）',
    mutates: true,
  }),
  'marriage.stats.documents.xlsx': channel({
    input: periodInput,
    output: returns<FileOutput>(),
    access: needs('marriage.supervise'),
    summary: '导出婚姻登记统计报表 Excel（XLSX，中文工作表：汇总；年报另有分月表）',
    mutates: true,
  }),
};
