import { z } from 'zod';
import { channel, needs, returns } from '../../core/contract/define';
import { recordId } from '../../core/contract/fields';
import { partySchema } from '../contract';

// 补领 (replacement certificates BJ / BL), 更正 (corrections approved by a supervisor) and the
// record's history from the audit log.

export const replacementKinds = ['BJ', 'BL'] as const;
export type ReplacementKind = (typeof replacementKinds)[number];
export const replacementKindLabels: Record<ReplacementKind, string> = { BJ: '补领结婚证', BL: '补领离婚证' };

export const replacementReasons = ['lost', 'damaged', 'other'] as const;
export type ReplacementReason = (typeof replacementReasons)[number];
export const replacementReasonLabels: Record<ReplacementReason, string> = { lost: '遗失', damaged: '损毁', other: '其他' };

/** Who applied: one party for their own booklet, or both. */
export const applicantSchema = z.enum(['male', 'female', 'both']).describe('申请人');

export const replacementIssueInput = z
  .object({
    kind: z.enum(replacementKinds).describe('补领证件'),
    registrationId: recordId.describe('结婚登记记录'),
    applicant: applicantSchema,
    reason: z.enum(replacementReasons).describe('补领原因'),
    reasonDetail: z.string().trim().max(500).nullable().describe('原因说明'),
  })
  .strict();

export interface ReplacementView {
  id: number;
  kind: ReplacementKind;
  kindLabel: string;
  registrationId: number;
  /** The divorce application whose certificate is replaced (BL only). */
  divorceId: number | null;
  /** The J or L number of the original certificate: it stays valid on record. */
  originalNumber: string;
  certificateNumber: string;
  applicant: 'male' | 'female' | 'both';
  reason: ReplacementReason;
  reasonLabel: string;
  reasonDetail: string | null;
  issuedOn: string;
  clerkId: number | null;
  createdAt: string;
}

/** Party fields a correction may change; the values are checked by the registration's own rules. */
export const correctablePartyFields = [
  'name',
  'documentType',
  'documentNumber',
  'birthDate',
  'nationality',
  'ethnicCode',
  'priorStatus',
  'priorEvidence',
  'occupation',
  'phone',
  'address',
  'householdProvince',
] as const;
export type CorrectableField = (typeof correctablePartyFields)[number];

export const correctableFieldLabels: Record<CorrectableField, string> = {
  name: '姓名',
  documentType: '证件类型',
  documentNumber: '证件号码',
  birthDate: '出生日期',
  nationality: '国籍',
  ethnicCode: '民族',
  priorStatus: '婚姻状况',
  priorEvidence: '婚姻状况证明',
  occupation: '职业',
  phone: '联系电话',
  address: '住址',
  householdProvince: '户籍所在省份',
};

/**
 * Fields that define the legal act itself. They are accepted in the input only so the refusal
 * can say why in Chinese (instead of “unknown field”); the service always refuses them.
 */
export const legalActFields = ['registrationDate', 'certificateNumber', 'divisionCode', 'sex', 'status'] as const;
export const legalActFieldLabels: Record<(typeof legalActFields)[number], string> = {
  registrationDate: '登记日期',
  certificateNumber: '证书字号',
  divisionCode: '登记机关区划代码',
  sex: '性别',
  status: '婚姻登记状态',
};

const partyChanges = partySchema
  .pick({
    name: true,
    documentType: true,
    documentNumber: true,
    birthDate: true,
    nationality: true,
    ethnicCode: true,
    priorStatus: true,
    priorEvidence: true,
    occupation: true,
    phone: true,
    address: true,
    householdProvince: true,
  })
  .partial();

export const correctionChangesSchema = partyChanges
  .extend({
    registrationDate: z.string().optional().describe('登记日期'),
    certificateNumber: z.string().optional().describe('证书字号'),
    divisionCode: z.string().optional().describe('登记机关区划代码'),
    sex: z.string().optional().describe('性别'),
    status: z.string().optional().describe('婚姻登记状态'),
  })
  .strict()
  .refine((c) => Object.values(c).some((v) => v !== undefined), { message: '请至少填写一项更正内容' })
  .describe('更正内容');
export type CorrectionChanges = z.infer<typeof correctionChangesSchema>;

export const correctionProposeInput = z
  .object({
    registrationId: recordId.describe('结婚登记记录'),
    /** Which party's details; null when the registration itself is meant. */
    party: z.enum(['male', 'female']).nullable().describe('更正对象'),
    changes: correctionChangesSchema,
    reason: z.string().trim().min(2).max(500).describe('更正理由'),
    evidence: z.string().trim().min(2).max(500).describe('证明材料'),
  })
  .strict();

export type CorrectionStatus = 'proposed' | 'approved' | 'rejected';
export const correctionStatusLabels: Record<CorrectionStatus, string> = {
  proposed: '待审批',
  approved: '已批准',
  rejected: '已驳回',
};

export interface CorrectionFieldChange {
  field: CorrectableField;
  label: string;
  before: string | null;
  after: string | null;
}

export interface CorrectionView {
  id: number;
  registrationId: number;
  certificateNumber: string;
  party: 'male' | 'female';
  /** The party's name as the record reads now. */
  partyName: string;
  status: CorrectionStatus;
  statusLabel: string;
  changes: CorrectionFieldChange[];
  reason: string;
  evidence: string;
  proposedBy: number;
  /** Display names, for the supervisor's work list and the record page. */
  proposedByName: string;
  proposedAt: string;
  decidedBy: number | null;
  decidedByName: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
}

export interface HistoryEntry {
  id: number;
  at: string;
  username: string | null;
  /** The user's display name (王芳), for the record page; null for the system's own entries. */
  displayName: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  detail: string | null;
}

export const amendmentsContract = {
  'marriage.replacement.issue': channel({
    input: replacementIssueInput,
    output: returns<ReplacementView>(),
    access: needs('marriage.register'),
    summary: '补领结婚证（BJ）或离婚证（BL）：同一事务内分配补领证字号并与原记录关联，原证字号仍保留在案',
    mutates: true,
  }),
  'marriage.replacement.list': channel({
    input: z.object({ registrationId: recordId.describe('结婚登记记录') }).strict(),
    output: returns<ReplacementView[]>(),
    access: needs('marriage.register'),
    summary: '一条结婚登记记录的全部补领证记录（含离婚证补领）',
    mutates: false,
  }),
  'marriage.correction.propose': channel({
    input: correctionProposeInput,
    output: returns<CorrectionView>(),
    access: needs('marriage.register'),
    summary: '提出更正当事人信息（须写明理由与证明材料），待负责人审批；登记日期、证书字号等不能更正',
    mutates: true,
  }),
  'marriage.correction.approve': channel({
    input: z.object({ id: recordId, comment: z.string().trim().max(500).nullable().describe('审批意见') }).strict(),
    output: returns<CorrectionView>(),
    access: needs('marriage.supervise'),
    summary: '负责人批准更正：同一事务内改正记录，原值与新值记入审计日志；不得审批本人提出的更正',
    mutates: true,
  }),
  'marriage.correction.reject': channel({
    input: z.object({ id: recordId, reason: z.string().trim().min(2).max(500).describe('驳回理由') }).strict(),
    output: returns<CorrectionView>(),
    access: needs('marriage.supervise'),
    summary: '负责人驳回更正（须写明理由），记录不变',
    mutates: true,
  }),
  'marriage.correction.list': channel({
    input: z
      .object({
        status: z.enum(['proposed', 'approved', 'rejected']).optional().describe('状态'),
        registrationId: recordId.optional().describe('结婚登记记录'),
      })
      .strict(),
    output: returns<CorrectionView[]>(),
    access: needs('marriage.register'),
    summary: '更正申请列表（按状态或登记记录筛选，新的在前）',
    mutates: false,
  }),
  'marriage.history': channel({
    input: z.object({ registrationId: recordId.describe('结婚登记记录') }).strict(),
    output: returns<HistoryEntry[]>(),
    access: needs('marriage.register'),
    summary: '一条结婚登记记录的完整历史（登记、证号、更正、离婚、补领），取自审计日志，按时间先后',
    mutates: false,
  }),
};
