import { z } from 'zod';
import { channel, needs, returns } from '../../../core/contract/define';
import { recordId, type FileOutput } from '../../../core/contract/fields';

// Certificates and notices of the burials area, each a PDF handed back as a FileOutput. Every print
// is logged and audited; a second or later copy of a certificate (补打) needs a reason.

const reprintReason = z.string().trim().max(200).nullable().describe('补打原因（第二份起必填，如遗失、污损）');

export const burialDocumentsContract = {
  'funeral.burials.documents.certificate': channel({
    input: z.object({ id: recordId.describe('安葬记录'), reprintReason }).strict(),
    output: returns<FileOutput>(),
    access: needs('funeral.cemetery'),
    summary: '生成公墓安葬证（墓位使用证）PDF：墓位、逝者、使用权人、使用期限与续期记录；补打须说明原因并记入审计',
    mutates: true,
  }),
  'funeral.burials.documents.expiryNotices': channel({
    input: z.object({ burialIds: z.array(recordId).min(1).max(500).describe('安葬记录') }).strict(),
    output: returns<FileOutput>(),
    access: needs('funeral.cemetery'),
    summary: '生成墓位使用期限届满续期通知书 PDF（每条安葬记录一页，致使用权人）',
    mutates: true,
  }),
  'funeral.storage.documents.certificate': channel({
    input: z.object({ id: recordId.describe('寄存记录'), reprintReason }).strict(),
    output: returns<FileOutput>(),
    access: needs('funeral.cemetery'),
    summary: '生成骨灰寄存证 PDF：格位、逝者、寄存人、寄存期限与续存、领取情况；补打须说明原因并记入审计',
    mutates: true,
  }),
};
