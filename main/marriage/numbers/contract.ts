import { z } from 'zod';
import { channel, needs, returns } from '../../core/contract/define';
import { recordId } from '../../core/contract/fields';

// Certificate numbers as the office manages them: a spoiled print voids its number (kept on record
// with the reason) and the certificate is printed again under a new one; an office continuing a
// paper register starts the year at a given serial; the voided numbers can be listed.

export const certificateKinds = ['J', 'L', 'BJ', 'BL'] as const;
export const certificateKindLabels: Record<(typeof certificateKinds)[number], string> = {
  J: '结婚证',
  L: '离婚证',
  BJ: '补领结婚证',
  BL: '补领离婚证',
};

export interface VoidedNumberView {
  number: string;
  entity: string;
  entityId: string;
  /** The marriage record the number belonged to (directly, or through its divorce or replacement). */
  registrationId: number | null;
  reason: string;
  voidedAt: string;
  /** Display name of whoever voided it. */
  voidedBy: string | null;
  issuedAt: string;
}

/** One certificate series of a year as the office sees it. */
export interface SeriesStateView {
  kind: (typeof certificateKinds)[number];
  kindLabel: string;
  /** e.g. J500118-2026 */
  series: string;
  /** Numbers drawn so far (voided ones included: they were drawn). */
  issued: number;
  voided: number;
  /** The number the next certificate of this kind will get. */
  nextNumber: string;
  /** A starting serial may be set only while nothing has been drawn. */
  canSetStart: boolean;
}

export const marriageNumbersContract = {
  'marriage.numbers.respoil': channel({
    input: z
      .object({
        registrationId: recordId.describe('结婚登记记录'),
        reason: z.string().trim().min(2).max(200).describe('作废原因'),
      })
      .strict(),
    output: returns<{ voided: string; certificateNumber: string }>(),
    access: needs('marriage.register'),
    summary: '结婚证打印出错：原字号作废（留存并注明原因），重新分配新字号',
    mutates: true,
  }),
  'marriage.numbers.voided': channel({
    input: z
      .object({
        kind: z.enum(certificateKinds).describe('证件种类'),
        year: z.number().int().min(1950).max(2100).describe('年份'),
      })
      .strict(),
    output: returns<VoidedNumberView[]>(),
    access: needs('marriage.supervise'),
    summary: '作废字号清单',
    mutates: false,
  }),
  'marriage.numbers.series': channel({
    input: z.object({ year: z.number().int().min(2000).max(2100).describe('年份') }).strict(),
    output: returns<SeriesStateView[]>(),
    access: needs('marriage.supervise'),
    summary: '某年结婚证、离婚证及补领证的字号使用情况：已发、作废、下一个字号、能否设置起始流水号',
    mutates: false,
  }),
  'marriage.numbers.setStart': channel({
    input: z
      .object({
        kind: z.enum(certificateKinds).describe('证件种类'),
        year: z.number().int().min(2000).max(2100).describe('年份'),
        start: z.number().int().min(1).max(999999).describe('起始流水号'),
      })
      .strict(),
    output: returns<{ series: string; nextSerial: number }>(),
    access: needs('marriage.supervise'),
    summary: '设置某年证件字号的起始流水号（续接纸质登记簿；仅在该年尚未发号时）',
    mutates: true,
  }),
};
