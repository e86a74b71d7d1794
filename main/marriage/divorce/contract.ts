import { z } from 'zod';
import { channel, needs, returns } from '../../core/contract/define';
import { isoDate, recordId } from '../../core/contract/fields';

// 协议离婚: receipt, withdrawal during the cooling-off period, issuance of the divorce certificate,
// and the clerk's daily work list.

export const agreementSchema = z
  .object({
    children: z.string().trim().min(2).max(2000).describe('子女抚养'),
    property: z.string().trim().min(2).max(2000).describe('财产处理'),
    debts: z.string().trim().min(2).max(2000).describe('债务处理'),
  })
  .strict();

export type DivorceStatus = 'pending' | 'withdrawn' | 'deemedWithdrawn' | 'issued';
export type DivorceStage = 'coolingOff' | 'awaitingCertificate' | 'deemedWithdrawn' | 'withdrawn' | 'issued';

export interface DivorceView {
  id: number;
  marriageId: number;
  marriageCertificateNumber: string;
  names: [string, string];
  status: DivorceStatus;
  /** Where it stands today (from the stored windows). */
  stage: DivorceStage;
  stageLabel: string;
  receiptDate: string;
  withdrawal: { from: string; to: string };
  certificate: { from: string; to: string };
  /** Why a window was extended (Art. 203) or that the holiday data was provisional. */
  windowsNote: string | null;
  agreement: z.infer<typeof agreementSchema>;
  withdrawnBy: 'male' | 'female' | null;
  withdrawnOn: string | null;
  certificateNumber: string | null;
  issuedOn: string | null;
}

export interface DivorceWorklist {
  today: string;
  coolingOff: DivorceView[];
  eligibleToIssue: DivorceView[];
  /** Certificate window ends within 3 days: call the parties. */
  expiringSoon: DivorceView[];
  /** Deemed withdrawn in the last 30 days. */
  deemedWithdrawn: DivorceView[];
}

export const divorceContract = {
  'marriage.divorce.apply': channel({
    input: z
      .object({
        marriageId: recordId.describe('结婚登记记录'),
        receiptDate: isoDate.describe('受理日期'),
        agreement: agreementSchema.describe('离婚协议'),
        bothPresent: z.literal(true, { message: '协议离婚须双方共同到场申请' }).describe('双方到场'),
      })
      .strict(),
    output: returns<DivorceView>(),
    access: needs('marriage.register'),
    summary: '受理协议离婚申请：计算冷静期与领证期限（遇法定节假日顺延），出具受理回执',
    mutates: true,
  }),
  'marriage.divorce.withdraw': channel({
    input: z
      .object({
        id: recordId,
        party: z.enum(['male', 'female']).describe('撤回方'),
        reason: z.string().trim().max(500).nullable().describe('撤回原因'),
      })
      .strict(),
    output: returns<DivorceView>(),
    access: needs('marriage.register'),
    summary: '冷静期内一方撤回离婚登记申请（撤回确认）',
    mutates: true,
  }),
  'marriage.divorce.issue': channel({
    input: z
      .object({ id: recordId, bothPresent: z.literal(true, { message: '须双方共同到场申请发给离婚证' }).describe('双方到场') })
      .strict(),
    output: returns<DivorceView>(),
    access: needs('marriage.register'),
    summary: '冷静期届满后三十日内双方到场：发给离婚证（L 字号），婚姻记录改为解除（只此一次）',
    mutates: true,
  }),
  'marriage.divorce.get': channel({
    input: z.object({ id: recordId }).strict(),
    output: returns<DivorceView>(),
    access: needs('marriage.register'),
    summary: '读取一件离婚申请',
    mutates: false,
  }),
  'marriage.divorce.worklist': channel({
    input: z.object({}).strict(),
    output: returns<DivorceWorklist>(),
    access: needs('marriage.register'),
    summary: '今日离婚工作清单：冷静期中、可发证、即将到期、视为撤回',
    mutates: false,
  }),
};
