import { z } from 'zod';
import { channel, needs, returns, sessionAccess } from '../../core/contract/define';
import { isoDate, recordId } from '../../core/contract/fields';
import { residentIdSchema } from '../../core/idnumber/residentId';
import { amountFen, divisionCodeAnyLevel, reasonText } from '../cemeteries/contract';
import { burialForms, type BurialForm, type PlotType } from '../shared/forms';

// 安葬登记: burials in cemetery plots (the deceased, the rights holder and the applicant, the use
// period and its expiry), places kept in a double plot for a surviving spouse, renewals of the use
// period, and the work list of use periods running out. Ash storage is in ./storage/contract.ts,
// certificates and notices in ./documents/contract.ts.

export const relations = ['spouse', 'child', 'parent', 'sibling', 'grandchild', 'otherRelative', 'entrusted'] as const;
export type Relation = (typeof relations)[number];
export const relationLabels: Record<Relation, string> = {
  spouse: '配偶',
  child: '子女',
  parent: '父母',
  sibling: '兄弟姐妹',
  grandchild: '孙子女 / 外孙子女',
  otherRelative: '其他亲属',
  entrusted: '受托人',
};

export const sexes = ['male', 'female'] as const;
export const sexLabels: Record<(typeof sexes)[number], string> = { male: '男', female: '女' };

export const residencyLabels = {
  resident: '本地户籍',
  notRequired: '不限户籍（经营性公墓）',
  override: '非服务范围户籍，经批准安葬',
} as const;
export type Residency = keyof typeof residencyLabels;

/** Which burial forms a plot of each type takes (the form follows what the plot is built as). */
export const formsForPlotType: Record<PlotType, readonly BurialForm[]> = {
  single: ['traditional'],
  double: ['traditional'],
  family: ['traditional'],
  niche: ['niche'],
  tree: ['tree'],
  flowerBed: ['flowerBed'],
  lawn: ['lawn'],
  wall: ['wall'],
  tower: ['tower'],
};

/** Whether a household registration code lies inside one of the divisions a cemetery serves. */
export const isResidentOf = (household: string, served: readonly string[]): boolean =>
  served.some((code) => household.startsWith(code));

export const personName = z.string().trim().min(1).max(60).describe('姓名');
export const phone = z
  .string()
  .trim()
  .regex(/^[0-9+\-() ]{5,20}$/, { message: '联系电话应为 5–20 位数字（可含 +、-、括号）' })
  .describe('联系电话');
const certificateNo = (label: string) => z.string().trim().min(2).max(40).describe(label);

export const deceasedSchema = z
  .object({
    name: personName.describe('逝者姓名'),
    idNumber: residentIdSchema.nullable().describe('逝者身份证号码'),
    sex: z.enum(sexes).describe('性别'),
    birthDate: isoDate.nullable().describe('出生日期'),
    deathDate: isoDate.describe('死亡日期'),
    householdDivision: divisionCodeAnyLevel.describe('户籍所在地行政区划代码'),
    deathCertificateNo: certificateNo('死亡证明编号'),
    cremationCertificateNo: certificateNo('火化证明编号').nullable(),
    cremationDate: isoDate.nullable().describe('火化日期'),
  })
  .strict();
export type DeceasedInput = z.output<typeof deceasedSchema>;

export const holderSchema = z
  .object({
    name: personName.describe('使用权人姓名'),
    idNumber: residentIdSchema.describe('使用权人身份证号码'),
    relation: z.enum(relations).describe('与逝者关系'),
    phone: phone.describe('使用权人联系电话'),
    address: z.string().trim().max(120).nullable().describe('联系地址'),
  })
  .strict();

export const applicantSchema = z
  .object({
    name: personName.describe('经办人姓名'),
    idNumber: residentIdSchema.nullable().describe('经办人身份证号码'),
    relation: z.enum(relations).describe('经办人与逝者关系'),
    phone: phone.describe('经办人联系电话'),
  })
  .strict();

export const spousePlaceSchema = z
  .object({
    name: personName.describe('在世配偶姓名'),
    idNumber: residentIdSchema.describe('在世配偶身份证号码'),
    note: z.string().trim().max(300).nullable().describe('备注'),
  })
  .strict();

export const registerBurialInput = z
  .object({
    plotId: recordId.describe('墓位'),
    deceased: deceasedSchema.describe('逝者'),
    holder: holderSchema.describe('使用权人'),
    applicant: applicantSchema.nullable().describe('经办人（与使用权人不同时填写）'),
    burialDate: isoDate.describe('安葬日期'),
    form: z.enum(burialForms).describe('安葬方式'),
    feeFen: amountFen.describe('收费金额（分）'),
    residencyOverrideReason: z.string().trim().max(500).nullable().describe('非服务范围户籍破例安葬的原因'),
    keepPlaceForSpouse: spousePlaceSchema.nullable().describe('双穴另一穴位为在世配偶保留'),
    note: z.string().trim().max(500).nullable().describe('备注'),
  })
  .strict();
export type RegisterBurialInput = z.output<typeof registerBurialInput>;

export const keepSpousePlaceInput = z
  .object({
    plotId: recordId.describe('墓位'),
    /** The interred person whose spouse the place is for (null: nobody is interred — refused). */
    spouseOfBurialId: recordId.nullable().describe('已安葬的逝者'),
    relation: z.enum(relations).describe('保留对象与已安葬逝者的关系'),
    name: personName.describe('保留对象姓名'),
    idNumber: residentIdSchema.describe('保留对象身份证号码'),
    note: z.string().trim().max(300).nullable().describe('备注'),
  })
  .strict();

export const renewInput = z
  .object({
    id: recordId.describe('安葬记录'),
    years: z.number().int().min(1).max(70).describe('续期年数'),
    feeFen: amountFen.describe('续期费用（分）'),
    payerName: personName.describe('缴费人'),
    note: z.string().trim().max(300).nullable().describe('备注'),
  })
  .strict();

export const addUsePeriodInput = z
  .object({
    years: z.number().int().min(1).max(70).describe('使用期限（年）'),
    effectiveFrom: isoDate.describe('施行日期'),
    basis: z.string().trim().min(2).max(300).describe('依据（文件名称、文号）'),
  })
  .strict();

export interface PersonView {
  name: string;
  idNumber: string | null;
  relation: Relation | null;
  relationLabel: string | null;
  phone: string | null;
  address?: string | null;
}

export interface DeceasedView {
  name: string;
  idNumber: string | null;
  sex: 'male' | 'female';
  birthDate: string | null;
  deathDate: string;
  householdDivision: string;
  deathCertificateNo: string;
  cremationCertificateNo: string | null;
  cremationDate: string | null;
}

export interface RenewalView {
  id: number;
  years: number;
  fromExpiry: string;
  toExpiry: string;
  feeFen: number;
  renewedOn: string;
  payerName: string;
  note: string | null;
  clerk: string | null;
}

export type ReservationStatus = 'kept' | 'used' | 'released';
export const reservationStatusLabels: Record<ReservationStatus, string> = { kept: '保留中', used: '已安葬', released: '已解除' };

export interface ReservationView {
  id: number;
  plotId: number;
  plotLabel: string;
  spouseOfBurialId: number;
  spouseOfName: string;
  name: string;
  /** Masked in lists; full on the burial record. */
  idNumber: string;
  status: ReservationStatus;
  statusLabel: string;
  note: string | null;
  usedByBurialId: number | null;
  releaseReason: string | null;
  createdAt: string;
}

export interface BurialView {
  id: number;
  certificateNumber: string;
  cemeteryId: number;
  cemeteryName: string;
  plotId: number;
  plotLabel: string;
  deceased: DeceasedView;
  holder: PersonView;
  applicant: PersonView | null;
  burialDate: string;
  form: BurialForm;
  formLabel: string;
  useYears: number;
  expiresOn: string;
  /** The use period has ended and was not renewed. */
  expired: boolean;
  feeFen: number;
  residency: Residency;
  residencyLabel: string;
  residencyOverrideReason: string | null;
  /** The place kept in this plot for this deceased's surviving spouse, if any. */
  keptPlace: ReservationView | null;
  /** This burial took the place kept for it. */
  takesReservationId: number | null;
  renewals: RenewalView[];
  /** Certificate copies printed so far. */
  prints: number;
  note: string | null;
  clerk: string | null;
  createdAt: string;
}

/** A row of a list: ID numbers masked. */
export interface BurialListItem {
  id: number;
  certificateNumber: string;
  cemeteryName: string;
  plotId: number;
  plotLabel: string;
  deceasedName: string;
  deceasedIdNumber: string | null;
  holderName: string;
  holderIdNumber: string;
  holderPhone: string;
  burialDate: string;
  expiresOn: string;
  expired: boolean;
}

export interface ExpiryWorklist {
  today: string;
  until: string;
  /** Already past their expiry first, then by expiry date. */
  rows: (BurialListItem & { daysLeft: number })[];
  total: number;
}

export interface UsePeriodView {
  id: number;
  years: number;
  effectiveFrom: string;
  basis: string | null;
  isSample: boolean;
  inForce: boolean;
  createdBy: string | null;
  createdAt: string;
}

export const burialsContract = {
  'funeral.burials.register': channel({
    input: registerBurialInput,
    output: returns<BurialView>(),
    access: needs('funeral.cemetery'),
    summary:
      '安葬登记：核验死亡证明、墓位状态与容量、公益性公墓户籍限制（破例须说明原因），按安葬日施行的使用期限计算到期日，发给公墓安葬证号',
    mutates: true,
  }),
  'funeral.burials.get': channel({
    input: z.object({ id: recordId }).strict(),
    output: returns<BurialView>(),
    access: needs('funeral.cemetery'),
    summary: '读取一条安葬记录（含续期记录、配偶保留穴位、证书打印次数）',
    mutates: false,
  }),
  'funeral.burials.search': channel({
    input: z
      .object({
        query: z.string().trim().min(1).max(40).describe('逝者姓名 / 身份证号码 / 使用权人 / 安葬证号 / 墓位号'),
        cemeteryId: recordId.nullable().describe('公墓'),
      })
      .strict(),
    output: returns<BurialListItem[]>(),
    access: needs('funeral.cemetery'),
    summary: '查找安葬记录：逝者姓名（开头或包含）、身份证号码、使用权人姓名、安葬证号、墓位号；列表中证件号码脱敏',
    mutates: false,
  }),
  'funeral.burials.ofPlot': channel({
    input: z.object({ plotId: recordId.describe('墓位') }).strict(),
    output: returns<{ burials: BurialListItem[]; reservations: ReservationView[] }>(),
    access: needs('funeral.cemetery'),
    summary: '一个墓位内的全部安葬记录与配偶保留穴位',
    mutates: false,
  }),
  'funeral.burials.keepSpousePlace': channel({
    input: keepSpousePlaceInput,
    output: returns<ReservationView>(),
    access: needs('funeral.cemetery'),
    summary: '双穴另一穴位为已安葬逝者的在世配偶保留；为其他在世人员预留墓位（寿穴）一律不予办理',
    mutates: true,
  }),
  'funeral.burials.releaseSpousePlace': channel({
    input: z.object({ reservationId: recordId.describe('保留记录'), reason: reasonText }).strict(),
    output: returns<ReservationView>(),
    access: needs('funeral.cemetery'),
    summary: '解除为配偶保留的穴位（须说明原因）',
    mutates: true,
  }),
  'funeral.burials.renew': channel({
    input: renewInput,
    output: returns<BurialView>(),
    access: needs('funeral.cemetery'),
    summary: '续期：使用期限自原到期日起顺延（逾期续期不留空档），期满未续的墓位恢复为已安葬',
    mutates: true,
  }),
  'funeral.burials.expiring': channel({
    input: z
      .object({
        months: z.number().int().min(1).max(60).describe('未来月数'),
        cemeteryId: recordId.nullable().describe('公墓'),
      })
      .strict(),
    output: returns<ExpiryWorklist>(),
    access: needs('funeral.cemetery'),
    summary: '到期工作清单：已过期未续和未来 N 个月内到期的安葬记录（可批量打印续期通知书）',
    mutates: false,
  }),
  'funeral.usePeriods.list': channel({
    input: z.object({}).strict(),
    output: returns<UsePeriodView[]>(),
    access: sessionAccess,
    summary: '墓位使用期限的全部版本（按施行日期），标明今日施行的版本与示例值',
    mutates: false,
  }),
  'funeral.usePeriods.add': channel({
    input: addUsePeriodInput,
    output: returns<UsePeriodView>(),
    access: needs('system.settings'),
    summary: '新增一个墓位使用期限版本（自施行日期起对新安葬适用；已施行的版本不可修改）',
    mutates: true,
  }),
};
