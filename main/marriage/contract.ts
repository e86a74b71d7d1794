import { z } from 'zod';
import { ethnicGroupCodeSchema } from '../core/codes/ethnicGroups';
import { nationalityCodeSchema } from '../core/codes/nationalities';
import { provinceCodeSchema } from '../core/codes/provinces';
import { channel, needs, returns } from '../core/contract/define';
import { isoDate, recordId } from '../core/contract/fields';
import { documentTypeSchema, type DocumentType } from '../core/idnumber/otherDocuments';
import { registrationSearchSchema, type RegistrationSource } from './search/contract';

// 结婚登记: what the counter sends and gets back. The same schemas drive the renderer's form.

export const priorStatuses = ['10', '30', '40'] as const; // 未婚, 丧偶, 离婚 (GB/T 2261.2)
export const priorStatusLabels: Record<(typeof priorStatuses)[number], string> = { '10': '未婚', '30': '丧偶', '40': '离婚' };

export const declarationsSchema = z
  .object({
    voluntary: z.boolean().describe('完全自愿'),
    noSpouse: z.boolean().describe('无配偶'),
    noProhibitedKinship: z.boolean().describe('无禁止结婚的亲属关系'),
    illnessDisclosed: z.boolean().describe('已如实告知重大疾病'),
  })
  .strict();

export const partySchema = z
  .object({
    name: z.string().trim().min(1).max(60).describe('姓名'),
    sex: z.enum(['male', 'female']).describe('性别'),
    documentType: documentTypeSchema,
    documentNumber: z.string().trim().min(1).max(40).describe('证件号码'),
    birthDate: isoDate.describe('出生日期'),
    nationality: nationalityCodeSchema,
    ethnicCode: ethnicGroupCodeSchema.nullable().describe('民族'),
    priorStatus: z.enum(priorStatuses).describe('婚姻状况'),
    // 离婚 / 丧偶 declared: which document proves it (divorce certificate, judgment, death certificate).
    priorEvidence: z.string().trim().max(200).nullable().describe('婚姻状况证明'),
    occupation: z.string().trim().max(60).nullable().describe('职业'),
    phone: z.string().trim().max(30).nullable().describe('联系电话'),
    address: z.string().trim().max(200).nullable().describe('住址'),
    householdProvince: provinceCodeSchema.nullable().describe('户籍所在省份'),
    declarations: declarationsSchema.describe('声明'),
  })
  .strict();
export type PartyInput = z.infer<typeof partySchema>;

export const applicationSchema = z
  .object({
    registrationDate: isoDate.describe('登记日期'),
    parties: z.tuple([partySchema, partySchema]).describe('当事人'),
  })
  .strict();
export type Application = z.infer<typeof applicationSchema>;

export const refusalCodes = [
  'INVALID_DOCUMENT',
  'DOCUMENT_MISMATCH',
  'NOT_MAN_AND_WOMAN',
  'UNDER_AGE',
  'HAS_SPOUSE',
  'STATUS_CONTRADICTED',
  'EVIDENCE_REQUIRED',
  'CREDIT_BLACKLIST',
  'DECLARATION_MISSING',
] as const;
export type RefusalCode = (typeof refusalCodes)[number];

export interface RefusalReason {
  code: RefusalCode;
  /** Which party (0 or 1), or null when it concerns the couple. */
  party: 0 | 1 | null;
  /** The sentence printed on the 不予办理结婚登记通知单. */
  message: string;
}

export interface CheckResult {
  canRegister: boolean;
  reasons: RefusalReason[];
  /** Facts the clerk should see (ID converted from 15 digits, ages …), not refusals. */
  notices: string[];
  ages: [number, number];
  partyOrigin: PartyOrigin;
  crossProvince: boolean;
}

export type PartyOrigin = 'mainland' | 'foreign' | 'hongkong' | 'macao' | 'taiwan';

export interface PartyView {
  sex: 'male' | 'female';
  name: string;
  documentType: DocumentType;
  /**
   * Masked (500118********1234) unless the user's role needs the full number (search/masking.ts).
   * Null only for a legacy archive record that has none (numbers began in 1985).
   */
  documentNumber: string | null;
  birthDate: string;
  nationality: string;
  ethnicCode: string | null;
  priorStatus: string;
  priorEvidence: string | null;
  occupation: string | null;
  phone: string | null;
  address: string | null;
  householdProvince: string | null;
}

export interface RegistrationView {
  id: number;
  status: 'registered' | 'dissolved';
  registrationDate: string;
  certificateNumber: string;
  divisionCode: string;
  partyOrigin: PartyOrigin;
  crossProvince: boolean;
  /** Man first, as on the certificate. */
  parties: [PartyView, PartyView];
  dissolvedAt: string | null;
  createdAt: string;
  /** Registered at this system's counter, or imported from the legacy archive (MZ/T 113). */
  source: RegistrationSource;
}

export interface RefusalView {
  id: number;
  refusalDate: string;
  reasons: RefusalReason[];
  names: string[];
  createdAt: string;
}

export interface BlacklistEntryView {
  id: number;
  documentNumber: string;
  name: string;
  reason: string;
  sourceDocument: string;
  listedFrom: string;
  /** Last day the entry applies (inclusive); null while open-ended. */
  listedUntil: string | null;
  /** Set when a supervisor removed the entry (marriage.blacklist.end): from which day, why, by whom. */
  removal: BlacklistRemoval | null;
}

export interface BlacklistRemoval {
  /** First day the person is no longer listed (listedUntil is the day before). */
  removedOn: string;
  reason: string;
  username: string | null;
  at: string;
}

export const marriageContract = {
  'marriage.check': channel({
    input: applicationSchema,
    output: returns<CheckResult>(),
    access: needs('marriage.register'),
    summary: '受理审查：逐项检查证件、年龄、重婚、婚姻状况、失信名单与声明，返回全部不予办理的理由',
    mutates: false,
  }),
  'marriage.register': channel({
    input: applicationSchema,
    output: returns<RegistrationView>(),
    access: needs('marriage.register'),
    summary: '办理结婚登记：审查通过后在同一事务内登记并分配结婚证字号（J+区划代码-年份-流水号）',
    mutates: true,
  }),
  'marriage.refuse': channel({
    input: applicationSchema,
    output: returns<RefusalView>(),
    access: needs('marriage.register'),
    summary: '记录不予办理结婚登记（理由由审查得出，不可手填）',
    mutates: true,
  }),
  'marriage.get': channel({
    input: z.object({ id: recordId }).strict(),
    output: returns<RegistrationView>(),
    access: needs('marriage.register'),
    summary: '读取一条结婚登记记录',
    mutates: false,
  }),
  'marriage.search': channel({
    input: registrationSearchSchema,
    output: returns<RegistrationView[]>(),
    access: needs('marriage.register'),
    summary:
      '一个查找框：结婚证字号（含离婚证、补领证及档案旧字号）、证件号码（15/18 位）、姓名（全名或任意部分）或拼音首字母，可按登记日期、状态、来源筛选；按登记日期从新到旧最多 50 条，证件号码脱敏',
    mutates: false,
  }),
  'marriage.blacklist.list': channel({
    input: z.object({}).strict(),
    output: returns<BlacklistEntryView[]>(),
    access: needs('marriage.supervise'),
    summary: '婚姻登记失信名单',
    mutates: false,
  }),
  'marriage.blacklist.add': channel({
    input: z
      .object({
        documentType: documentTypeSchema,
        documentNumber: z.string().trim().min(1).max(40).describe('证件号码'),
        name: z.string().trim().min(1).max(60).describe('姓名'),
        reason: z.string().trim().min(2).max(500).describe('列入原因'),
        sourceDocument: z.string().trim().min(2).max(200).describe('依据文书'),
        listedFrom: isoDate.describe('列入日期'),
        listedUntil: isoDate.nullable().describe('列入截止日期（含当日）'),
      })
      .strict(),
    output: returns<BlacklistEntryView>(),
    access: needs('marriage.supervise'),
    summary: '列入婚姻登记失信名单（须有依据文书）',
    mutates: true,
  }),
  'marriage.blacklist.end': channel({
    input: z
      .object({
        id: recordId,
        removedOn: isoDate.describe('移出日期'),
        reason: z.string().trim().min(2).max(500).describe('移出原因'),
      })
      .strict(),
    output: returns<BlacklistEntryView>(),
    access: needs('marriage.supervise'),
    summary: '移出婚姻登记失信名单：自移出日期起不再列入（须写明原因），条目与原因留存在案',
    mutates: true,
  }),
};
