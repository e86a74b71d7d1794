import { z } from 'zod';
import { channel, needs, returns } from '../../core/contract/define';
import { recordId, type FileOutput } from '../../core/contract/fields';

// Documents of marriage registration, each a PDF handed back as a FileOutput. Printing is audited.

export const certificateModes = ['preview', 'overlay'] as const;
export type CertificateMode = (typeof certificateModes)[number];

export const marriageDocumentsContract = {
  'marriage.documents.certificate': channel({
    input: z
      .object({
        id: recordId,
        mode: z.enum(certificateModes).describe('打印方式'),
        printer: z.string().max(60).nullable().describe('打印机'),
      })
      .strict(),
    output: returns<FileOutput>(),
    access: needs('marriage.register'),
    summary: '生成结婚证 PDF（男方、女方各一本）：预览带“样本”水印，套打只印变量文字并按打印机偏移校正',
    mutates: true,
  }),
  'marriage.documents.reviewForm': channel({
    input: z.object({ id: recordId }).strict(),
    output: returns<FileOutput>(),
    access: needs('marriage.register'),
    summary: '生成结婚登记审查处理表 PDF（双方信息、审查项目与结果、签名栏）',
    mutates: true,
  }),
  'marriage.documents.declarations': channel({
    input: z.object({ id: recordId }).strict(),
    output: returns<FileOutput>(),
    access: needs('marriage.register'),
    summary: '生成双方的申请结婚登记声明书 PDF（每人一页，含监誓人栏）',
    mutates: true,
  }),
  'marriage.documents.replacement': channel({
    input: z
      .object({
        id: recordId.describe('补领证记录'),
        mode: z.enum(certificateModes).describe('打印方式'),
        printer: z.string().max(60).nullable().describe('打印机'),
      })
      .strict(),
    output: returns<FileOutput>(),
    access: needs('marriage.register'),
    summary: '生成补领的结婚证（BJ）或离婚证（BL）PDF：只印申请补领一方（或双方）的一本，备注注明补发与原证字号',
    mutates: true,
  }),
  'marriage.documents.refusalNotice': channel({
    input: z.object({ refusalId: recordId }).strict(),
    output: returns<FileOutput>(),
    access: needs('marriage.register'),
    summary: '生成不予办理结婚登记通知单 PDF（全部理由、法律依据、行政复议与行政诉讼期限）',
    mutates: true,
  }),
};
