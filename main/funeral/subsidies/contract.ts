import { z } from 'zod';
import { channel, needs, returns } from '../../core/contract/define';
import { divisionCode, isoDate, recordId, type FileOutput } from '../../core/contract/fields';
import { residentIdSchema } from '../../core/idnumber/residentId';
import { burialForms, type BurialForm } from '../shared/forms';

// 节地生态安葬奖补 (ecoBurialSubsidy): versioned subsidy policies per county, applications linked to a
// burial (or a scattering without a plot), 街道初审 → 区民政审批 → 发放 in payment batches, with
// the approval notice and the payment roster. Money is integer fen (分) everywhere.

// ─── Policies (subsidyPolicy) ────────────────────────────────────────────────────────────────

/** The date a deadline is counted from. */
export const deadlineBases = ['death', 'cremation', 'burial'] as const;
export type DeadlineBase = (typeof deadlineBases)[number];
export const deadlineBaseLabels: Record<DeadlineBase, string> = { death: '死亡', cremation: '火化', burial: '安葬（撒散）' };

export const deadlineUnits = ['days', 'years'] as const;
export type DeadlineUnit = (typeof deadlineUnits)[number];
export const deadlineUnitLabels: Record<DeadlineUnit, string> = { days: '日', years: '年' };

const fen = (label: string) => z.number().int().min(0).max(100_000_000).describe(label);

export const policyFormSchema = z
  .object({
    form: z.enum(burialForms).describe('安葬方式'),
    // The total is the sum: one number cannot disagree with its parts.
    familyFen: fen('补给家属（分）'),
    cemeteryFen: fen('补给公墓（分）'),
    deadline: z
      .object({
        amount: z.number().int().min(1).max(3650).describe('申请期限'),
        unit: z.enum(deadlineUnits).describe('期限单位'),
        from: z.enum(deadlineBases).describe('期限起算'),
      })
      .strict()
      .describe('申请期限'),
  })
  .strict()
  .refine((f) => f.familyFen + f.cemeteryFen > 0, { message: '补贴金额须大于 0', path: ['familyFen'] });
export type PolicyForm = z.infer<typeof policyFormSchema>;

export const policyDocumentSchema = z
  .object({
    label: z.string().trim().min(2).max(40).describe('材料名称'),
    /** Only for these forms (e.g. 安葬证明 for plots, 海葬证明 for sea burial); null: every form. */
    forms: z.array(z.enum(burialForms)).min(1).nullable().describe('适用安葬方式'),
  })
  .strict();
export type PolicyDocument = z.infer<typeof policyDocumentSchema>;

export const policyVersionSchema = z
  .object({
    /** null: a new version; a number: edit a version no application has used yet. */
    id: recordId.nullable().describe('政策版本'),
    areaCode: divisionCode.describe('政策区划代码'),
    areaName: z.string().trim().min(2).max(40).describe('政策区划名称'),
    title: z.string().trim().min(2).max(120).describe('政策名称'),
    basis: z.string().trim().max(200).nullable().describe('政策依据'),
    effectiveFrom: isoDate.describe('生效日期'),
    effectiveTo: isoDate.nullable().describe('废止日期'),
    residencyRequired: z.boolean().describe('须本地户籍'),
    forms: z.array(policyFormSchema).min(1).max(20).describe('补贴安葬方式'),
    documents: z.array(policyDocumentSchema).max(20).describe('申请材料'),
  })
  .strict()
  .refine((v) => new Set(v.forms.map((f) => f.form)).size === v.forms.length, {
    message: '同一安葬方式只能列一次',
    path: ['forms'],
  })
  .refine((v) => new Set(v.documents.map((d) => d.label)).size === v.documents.length, {
    message: '申请材料名称不能重复',
    path: ['documents'],
  })
  .refine((v) => v.effectiveTo === null || v.effectiveTo >= v.effectiveFrom, {
    message: '废止日期不能早于生效日期',
    path: ['effectiveTo'],
  });
export type PolicyVersionInput = z.infer<typeof policyVersionSchema>;

export interface PolicyVersionView extends Omit<PolicyVersionInput, 'id'> {
  id: number;
  /** Shipped as an example (示例政策): not an office's real policy. */
  sample: boolean;
  /** The day before the next version of the area takes effect (or its own 废止日期), null while open. */
  endsOn: string | null;
  /** In force today. */
  inForce: boolean;
  /** Applications assessed under this version: it can no longer be changed. */
  applied: number;
  createdAt: string;
  createdBy: string | null;
}

export interface PolicyArea {
  areaCode: string;
  areaName: string;
  /** Newest first. */
  versions: PolicyVersionView[];
}

// ─── Applications ───────────────────────────────────────────────────────────────────────────

export const applicantRelations = ['配偶', '子女', '父母', '兄弟姐妹', '孙子女、外孙子女', '其他亲属', '其他'] as const;

/** 户籍地: a division code of 6 (county), 9 (township) or 12 (village) digits. */
export const householdCodeSchema = z
  .string()
  .trim()
  .regex(/^\d{6}(\d{3}(\d{3})?)?$/, { message: '「户籍地区划代码」应为 6、9 或 12 位数字' })
  .describe('户籍地区划代码');

export const deceasedSchema = z
  .object({
    name: z.string().trim().min(1).max(60).describe('逝者姓名'),
    idNumber: residentIdSchema.describe('逝者身份证号码'),
    household: householdCodeSchema,
    deathDate: isoDate.describe('死亡日期'),
    cremationDate: isoDate.nullable().describe('火化日期'),
  })
  .strict();

export const applicantSchema = z
  .object({
    name: z.string().trim().min(1).max(60).describe('申请人姓名'),
    idNumber: residentIdSchema.describe('申请人身份证号码'),
    relation: z.enum(applicantRelations).describe('与逝者关系'),
    phone: z
      .string()
      .trim()
      .regex(/^[0-9+\-\s]{7,20}$/, { message: '「联系电话」应为 7–20 位数字' })
      .describe('联系电话'),
  })
  .strict();

export const bankSchema = z
  .object({
    accountName: z.string().trim().min(1).max(60).describe('户名'),
    bankName: z.string().trim().min(2).max(60).describe('开户银行'),
    accountNumber: z
      .string()
      .transform((s) => s.replace(/[\s-]/g, ''))
      .pipe(z.string().regex(/^\d{8,32}$/, { message: '「银行账号」应为 8–32 位数字' }))
      .describe('银行账号'),
  })
  .strict();

export const applicationInputSchema = z
  .object({
    areaCode: divisionCode.describe('政策区划代码'),
    form: z.enum(burialForms).describe('安葬方式'),
    /** The burial record (cemetery plot); null for sea/river scattering and deep burial. */
    burialId: recordId.nullable().describe('安葬记录'),
    burialDate: isoDate.describe('安葬（撒散）日期'),
    deceased: deceasedSchema.describe('逝者'),
    applicant: applicantSchema.describe('申请人'),
    bank: bankSchema.describe('收款账户'),
    documents: z.array(z.string().trim().min(1).max(40)).max(30).describe('已提交材料'),
  })
  .strict();
export type ApplicationInput = z.input<typeof applicationInputSchema>;
export type ApplicationData = z.output<typeof applicationInputSchema>;

export const reasonCodes = [
  'NO_POLICY',
  'FORM_NOT_ELIGIBLE',
  'NOT_RESIDENT',
  'DEADLINE_PASSED',
  'BASE_DATE_MISSING',
  'DATE_ORDER',
  'BURIAL_REQUIRED',
  'BURIAL_MISMATCH',
  'DUPLICATE',
] as const;
export type ReasonCode = (typeof reasonCodes)[number];

export interface AssessmentReason {
  code: ReasonCode;
  message: string;
  /** The input field it is about (form highlights it), when there is one. */
  field?: string;
}

export interface PolicyRef {
  id: number;
  title: string;
  areaCode: string;
  areaName: string;
  effectiveFrom: string;
  sample: boolean;
}

export interface Amount {
  totalFen: number;
  familyFen: number;
  cemeteryFen: number;
}

export interface DeadlineView {
  base: DeadlineBase;
  /** e.g. 自火化之日起 60 日内 */
  rule: string;
  baseDate: string;
  lastDay: string;
  /** Days from lastDay to the receipt date: ≤ 0 in time, > 0 late by that many days. */
  overdueDays: number;
}

/** What the policy in force says about a draft application: computed, never typed in. */
export interface Assessment {
  eligible: boolean;
  receiptDate: string;
  reasons: AssessmentReason[];
  notices: string[];
  policy: PolicyRef | null;
  amount: Amount | null;
  deadline: DeadlineView | null;
  requiredDocuments: string[];
  missingDocuments: string[];
  /** The existing application for the same deceased (any cemetery), when there is one. */
  duplicateOf: { id: number; number: string; status: ApplicationStatus } | null;
}

export const applicationStatuses = [
  'pendingDocuments',
  'pendingReview',
  'pendingApproval',
  'approved',
  'paid',
  'rejected',
] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];
export const applicationStatusLabels: Record<ApplicationStatus, string> = {
  pendingDocuments: '待补材料',
  pendingReview: '待街道初审',
  pendingApproval: '待区民政审批',
  approved: '已批准待发放',
  paid: '已发放',
  rejected: '不予补贴',
};

export const stepKinds = [
  'apply',
  'documents',
  'streetPass',
  'streetReject',
  'districtApprove',
  'districtReject',
  'batch',
  'unbatch',
  'paid',
] as const;
export type StepKind = (typeof stepKinds)[number];
export const stepLabels: Record<StepKind, string> = {
  apply: '受理申请',
  documents: '补充材料',
  streetPass: '街道初审通过',
  streetReject: '街道初审不通过',
  districtApprove: '区民政审批通过',
  districtReject: '区民政审批不予批准',
  batch: '编入发放批次',
  unbatch: '移出发放批次',
  paid: '已发放',
};

export interface StepView {
  step: StepKind;
  label: string;
  fromStatus: ApplicationStatus | null;
  toStatus: ApplicationStatus;
  at: string;
  userId: number | null;
  /** 显示姓名 of the user who took the step. */
  by: string;
  note: string | null;
}

export interface ApplicationView {
  id: number;
  number: string;
  status: ApplicationStatus;
  statusLabel: string;
  receiptDate: string;
  policy: PolicyRef;
  form: BurialForm;
  formLabel: string;
  burialDate: string;
  burial: { id: number; cemeteryName: string; plotLabel: string | null } | null;
  deceased: {
    name: string;
    /** Full in the record view (the reviewer checks it against the papers); masked in lists. */
    idNumber: string;
    household: string;
    deathDate: string;
    cremationDate: string | null;
  };
  applicant: { name: string; idNumber: string; relation: string; phone: string };
  bank: {
    accountName: string;
    bankName: string;
    /** Masked (keep last 4) unless the user is a funeralApprover. */
    accountNumber: string;
    masked: boolean;
  };
  amount: Amount;
  deadline: DeadlineView;
  documents: { required: string[]; submitted: string[]; missing: string[] };
  streetReview: { by: string; at: string } | null;
  approval: { by: string; at: string } | null;
  rejection: { stage: 'street' | 'district'; reason: string; by: string; at: string } | null;
  batch: { id: number; number: string; status: BatchStatus } | null;
  paid: { on: string; reference: string } | null;
  history: StepView[];
}

/** One row of a work list (ID numbers masked). */
export interface ApplicationRow {
  id: number;
  number: string;
  status: ApplicationStatus;
  statusLabel: string;
  receiptDate: string;
  deceasedName: string;
  deceasedIdNumber: string;
  form: BurialForm;
  formLabel: string;
  cemeteryName: string | null;
  applicantName: string;
  totalFen: number;
  missingDocuments: string[];
  streetReviewerId: number | null;
  batchNumber: string | null;
}

export interface ApplicationList {
  rows: ApplicationRow[];
  total: number;
  counts: Record<ApplicationStatus, number>;
  /** Approved applications not yet in a batch (the approver's next batch). */
  unbatched: number;
}

// ─── Batches (payment / paymentRoster) ──────────────────────────────────────────────────────

export const batchStatuses = ['open', 'paid'] as const;
export type BatchStatus = (typeof batchStatuses)[number];
export const batchStatusLabels: Record<BatchStatus, string> = { open: '待发放', paid: '已发放' };

export interface BatchRow {
  id: number;
  number: string;
  title: string;
  status: BatchStatus;
  statusLabel: string;
  count: number;
  amount: Amount;
  createdAt: string;
  createdBy: string;
  paid: { on: string; reference: string; by: string } | null;
}

export interface BatchView extends BatchRow {
  applications: ApplicationRow[];
}

// ─── Totals for the indicators ──────────────────────────────────────────────────────────────

export interface SubsidyTotalRow {
  form: BurialForm;
  status: ApplicationStatus;
  count: number;
  amountFen: number;
}

// ─── Shared wording ─────────────────────────────────────────────────────────────────────────

/** 123456 → ¥1,234.56 */
export function formatFen(fenValue: number): string {
  const sign = fenValue < 0 ? '-' : '';
  const abs = Math.abs(fenValue);
  const yuan = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}¥${yuan}.${String(abs % 100).padStart(2, '0')}`;
}

/** Bank accounts in lists and rosters: only the last 4 digits stay (**** **** 1234). */
export function maskBankAccount(account: string): string {
  const digits = account.replace(/\s/g, '');
  if (digits.length <= 4) return '*'.repeat(digits.length);
  return `${'*'.repeat(digits.length - 4)}${digits.slice(-4)}`;
}

/** 自火化之日起 60 日内 / 自火化之日起 5 年内 */
export const deadlineRule = (d: PolicyForm['deadline']): string =>
  `自${deadlineBaseLabels[d.from]}之日起 ${d.amount} ${deadlineUnitLabels[d.unit]}内`;

// ─── Channels ───────────────────────────────────────────────────────────────────────────────

const reasonText = z.string().trim().min(2, { message: '请写明理由（至少 2 个字）' }).max(500).describe('理由');

export const subsidiesContract = {
  'funeral.subsidies.policies.list': channel({
    input: z.object({}).strict(),
    output: returns<PolicyArea[]>(),
    access: needs('funeral.review', 'funeral.policy'),
    summary: '奖补政策：按区划列出各版本（生效日期、金额、期限、材料、是否已用于申请、是否现行）',
    mutates: false,
  }),
  'funeral.subsidies.policies.save': channel({
    input: policyVersionSchema,
    output: returns<PolicyVersionView>(),
    access: needs('funeral.policy'),
    summary: '新增奖补政策版本，或修改尚未用于任何申请的版本（已用版本不可改，须新增版本）',
    mutates: true,
  }),
  'funeral.subsidies.policies.loadSample': channel({
    input: z.object({}).strict(),
    output: returns<PolicyArea[]>(),
    access: needs('funeral.policy'),
    summary: '载入示例政策（标明“示例政策”，参考西安、福州公开标准；已有同区划同生效日期的版本则跳过）',
    mutates: true,
  }),
  'funeral.subsidies.policies.inForce': channel({
    input: z.object({ areaCode: divisionCode.describe('政策区划代码'), date: isoDate.describe('日期') }).strict(),
    output: returns<PolicyVersionView | null>(),
    access: needs('funeral.review'),
    summary: '某日现行的奖补政策版本（生效日期不晚于该日的最新版本，且未废止）',
    mutates: false,
  }),
  'funeral.subsidies.burial': channel({
    input: z.object({ burialId: recordId.describe('安葬记录') }).strict(),
    output: returns<{
      id: number;
      cemeteryName: string;
      plotLabel: string | null;
      deceasedName: string;
      deceasedIdNumber: string | null;
      deceasedHousehold: string;
      deathDate: string;
      cremationDate: string | null;
      burialDate: string;
      form: BurialForm;
    }>(),
    access: needs('funeral.review'),
    summary: '读取安葬记录的逝者与安葬信息，用于填写奖补申请',
    mutates: false,
  }),
  'funeral.subsidies.assess': channel({
    input: applicationInputSchema,
    output: returns<Assessment>(),
    access: needs('funeral.review'),
    summary: '按安葬日期现行政策测算：是否符合条件（方式、户籍、期限、重复申请）、金额与分配、须交材料与缺少材料',
    mutates: false,
  }),
  'funeral.subsidies.apply': channel({
    input: applicationInputSchema,
    output: returns<ApplicationView>(),
    access: needs('funeral.review'),
    summary: '受理奖补申请：符合条件方可受理，金额由政策计算；材料不全为“待补材料”，齐全为“待街道初审”；同一逝者只能申请一次',
    mutates: true,
  }),
  'funeral.subsidies.updateDocuments': channel({
    input: z
      .object({
        id: recordId,
        documents: z.array(z.string().trim().min(1).max(40)).max(30).describe('已提交材料'),
      })
      .strict(),
    output: returns<ApplicationView>(),
    access: needs('funeral.review'),
    summary: '登记补交的申请材料；材料齐全后转为“待街道初审”',
    mutates: true,
  }),
  'funeral.subsidies.review': channel({
    input: z
      .object({ id: recordId, decision: z.enum(['pass', 'reject']).describe('初审意见'), reason: reasonText.nullable() })
      .strict(),
    output: returns<ApplicationView>(),
    access: needs('funeral.review'),
    summary: '街道初审：通过（转区民政审批）或不通过（须写明理由）',
    mutates: true,
  }),
  'funeral.subsidies.approve': channel({
    input: z
      .object({ id: recordId, decision: z.enum(['approve', 'reject']).describe('审批意见'), reason: reasonText.nullable() })
      .strict(),
    output: returns<ApplicationView>(),
    access: needs('funeral.approve'),
    summary: '区民政审批：批准或不予批准（须写明理由）；审批人不得是街道初审人',
    mutates: true,
  }),
  'funeral.subsidies.get': channel({
    input: z.object({ id: recordId }).strict(),
    output: returns<ApplicationView>(),
    access: needs('funeral.review'),
    summary: '读取一件奖补申请及其办理经过（银行账号除审批员外脱敏）',
    mutates: false,
  }),
  'funeral.subsidies.list': channel({
    input: z
      .object({
        status: z.enum(applicationStatuses).nullable().describe('状态'),
        query: z.string().trim().max(60).nullable().describe('申请编号、逝者姓名或身份证号码'),
        unbatchedOnly: z.boolean().default(false).describe('仅未编入批次'),
        page: z.number().int().min(1).default(1).describe('页码'),
        pageSize: z.number().int().min(1).max(500).default(50).describe('每页条数'),
      })
      .strict(),
    output: returns<ApplicationList>(),
    access: needs('funeral.review'),
    summary: '奖补申请工作清单（按状态、编号、姓名或身份证号码查找；身份证号码脱敏）',
    mutates: false,
  }),
  'funeral.subsidies.batches.create': channel({
    input: z
      .object({
        title: z.string().trim().min(2).max(60).describe('批次名称'),
        applicationIds: z.array(recordId).min(1).max(5000).describe('申请'),
      })
      .strict(),
    output: returns<BatchView>(),
    access: needs('funeral.approve'),
    summary: '将已批准的申请编入发放批次',
    mutates: true,
  }),
  'funeral.subsidies.batches.remove': channel({
    input: z.object({ batchId: recordId.describe('批次'), applicationId: recordId.describe('申请') }).strict(),
    output: returns<BatchView>(),
    access: needs('funeral.approve'),
    summary: '从尚未发放的批次中移出一件申请',
    mutates: true,
  }),
  'funeral.subsidies.batches.list': channel({
    input: z.object({}).strict(),
    output: returns<BatchRow[]>(),
    access: needs('funeral.review'),
    summary: '发放批次列表（人数、金额、发放情况）',
    mutates: false,
  }),
  'funeral.subsidies.batches.get': channel({
    input: z.object({ id: recordId }).strict(),
    output: returns<BatchView>(),
    access: needs('funeral.review'),
    summary: '读取一个发放批次及其申请',
    mutates: false,
  }),
  'funeral.subsidies.batches.markPaid': channel({
    input: z
      .object({
        id: recordId,
        paidOn: isoDate.describe('发放日期'),
        reference: z.string().trim().min(2).max(60).describe('支付凭证号'),
      })
      .strict(),
    output: returns<BatchView>(),
    access: needs('funeral.approve'),
    summary: '登记批次已发放（发放日期、支付凭证号）；批次内申请改为“已发放”并锁定',
    mutates: true,
  }),
  'funeral.subsidies.notice.pdf': channel({
    input: z.object({ id: recordId }).strict(),
    output: returns<FileOutput>(),
    access: needs('funeral.review'),
    summary: '生成节地生态安葬奖补审批通知书 PDF（已批准或已发放的申请）',
    mutates: true,
  }),
  'funeral.subsidies.roster.pdf': channel({
    input: z.object({ batchId: recordId.describe('批次') }).strict(),
    output: returns<FileOutput>(),
    access: needs('funeral.review'),
    summary: '生成发放花名册 PDF（分页、每页重复表头与小计、合计、签字栏；身份证号码脱敏，银行账号除审批员外脱敏）',
    mutates: true,
  }),
  'funeral.subsidies.roster.xlsx': channel({
    input: z.object({ batchId: recordId.describe('批次') }).strict(),
    output: returns<FileOutput>(),
    access: needs('funeral.review'),
    summary: '导出发放花名册 Excel（XLSX；脱敏规则同 PDF）',
    mutates: true,
  }),
};

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
