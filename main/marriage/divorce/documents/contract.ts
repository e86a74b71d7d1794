import { z } from 'zod';
import { channel, needs, returns } from '../../../core/contract/define';
import { recordId, type FileOutput } from '../../../core/contract/fields';

// Documents of divorce by agreement (协议离婚), each a PDF handed back as a FileOutput. Printing is
// audited.

export const divorceCertificateModes = ['preview', 'overlay'] as const;
export type DivorceCertificateMode = (typeof divorceCertificateModes)[number];

export const divorceDocumentsContract = {
  'marriage.divorce.documents.receipt': channel({
    input: z.object({ id: recordId }).strict(),
    output: returns<FileOutput>(),
    access: needs('marriage.register'),
    summary: '生成离婚登记申请受理回执单 PDF（双方、结婚证字号、冷静期与领证期限及顺延说明、须携带材料、撤回与视为撤回的规定）',
    mutates: true,
  }),
  'marriage.divorce.documents.withdrawal': channel({
    input: z.object({ id: recordId }).strict(),
    output: returns<FileOutput>(),
    access: needs('marriage.register'),
    summary: '生成撤回离婚登记申请确认单 PDF（撤回方、撤回日期、原因）',
    mutates: true,
  }),
  'marriage.divorce.documents.certificate': channel({
    input: z
      .object({
        id: recordId,
        mode: z.enum(divorceCertificateModes).describe('打印方式'),
        printer: z.string().max(60).nullable().describe('打印机'),
      })
      .strict(),
    output: returns<FileOutput>(),
    access: needs('marriage.register'),
    summary: '生成离婚证 PDF（男方、女方各一本，L 字号）：预览带“样本”水印，套打只印变量文字并按打印机偏移校正',
    mutates: true,
  }),
};
