import { z } from 'zod';
import { channel, needs, returns } from '../../../core/contract/define';
import { isoDate, recordId } from '../../../core/contract/fields';
import { residentIdSchema } from '../../../core/idnumber/residentId';
import { amountFen } from '../../cemeteries/contract';
import { personName, phone, relations, sexes, type Relation } from '../contract';

// 骨灰寄存: ashes kept in a niche of a cemetery's columbarium for a term, renewed, and collected.
// One deposit per niche at a time; the storage certificate (骨灰寄存证) is in ../documents.

export const storageDeceasedSchema = z
  .object({
    name: personName.describe('逝者姓名'),
    idNumber: residentIdSchema.nullable().describe('逝者身份证号码'),
    sex: z.enum(sexes).describe('性别'),
    deathDate: isoDate.describe('死亡日期'),
    cremationCertificateNo: z.string().trim().min(2).max(40).nullable().describe('火化证明编号'),
  })
  .strict();

export const depositorSchema = z
  .object({
    name: personName.describe('寄存人姓名'),
    idNumber: residentIdSchema.describe('寄存人身份证号码'),
    relation: z.enum(relations).describe('与逝者关系'),
    phone: phone.describe('寄存人联系电话'),
  })
  .strict();

export const registerStorageInput = z
  .object({
    cemeteryId: recordId.describe('寄存场所（公墓 / 骨灰堂）'),
    nicheCode: z.string().trim().min(1).max(40).describe('格位号'),
    deceased: storageDeceasedSchema.describe('逝者'),
    depositor: depositorSchema.describe('寄存人'),
    startDate: isoDate.describe('寄存开始日期'),
    termMonths: z.number().int().min(1).max(240).describe('寄存期限（月）'),
    feeFen: amountFen.describe('寄存费（分）'),
    note: z.string().trim().max(300).nullable().describe('备注'),
  })
  .strict();

export const collectStorageInput = z
  .object({
    id: recordId.describe('寄存记录'),
    collector: z
      .object({
        name: personName.describe('领取人姓名'),
        idNumber: residentIdSchema.describe('领取人身份证号码'),
        relation: z.enum(relations).describe('领取人与逝者关系'),
      })
      .strict()
      .describe('领取人'),
    note: z.string().trim().max(300).nullable().describe('备注（如领取后去向）'),
  })
  .strict();

export const renewStorageInput = z
  .object({
    id: recordId.describe('寄存记录'),
    months: z.number().int().min(1).max(120).describe('续存期限（月）'),
    feeFen: amountFen.describe('续存费（分）'),
    note: z.string().trim().max(300).nullable().describe('备注'),
  })
  .strict();

export type StorageStatus = 'active' | 'overdue' | 'collected';
export const storageStatusLabels: Record<StorageStatus, string> = { active: '寄存中', overdue: '逾期未续', collected: '已领取' };

export interface StorageRenewalView {
  id: number;
  months: number;
  fromEnd: string;
  toEnd: string;
  feeFen: number;
  renewedOn: string;
  note: string | null;
  clerk: string | null;
}

export interface StorageView {
  id: number;
  certificateNumber: string;
  cemeteryId: number;
  cemeteryName: string;
  nicheCode: string;
  deceased: {
    name: string;
    idNumber: string | null;
    sex: 'male' | 'female';
    deathDate: string;
    cremationCertificateNo: string | null;
  };
  depositor: { name: string; idNumber: string; relation: Relation; relationLabel: string; phone: string };
  startDate: string;
  termMonths: number;
  endDate: string;
  feeFen: number;
  status: StorageStatus;
  statusLabel: string;
  collection: { on: string; name: string; idNumber: string | null; relationLabel: string | null; note: string | null } | null;
  renewals: StorageRenewalView[];
  prints: number;
  note: string | null;
  clerk: string | null;
  createdAt: string;
}

export interface StorageListItem {
  id: number;
  certificateNumber: string;
  cemeteryName: string;
  nicheCode: string;
  deceasedName: string;
  deceasedIdNumber: string | null;
  depositorName: string;
  depositorPhone: string;
  startDate: string;
  endDate: string;
  status: StorageStatus;
  daysLeft: number;
}

export const storageContract = {
  'funeral.storage.register': channel({
    input: registerStorageInput,
    output: returns<StorageView>(),
    access: needs('funeral.cemetery'),
    summary: '骨灰寄存登记：格位（同一格位同时只寄存一份）、寄存期限与费用，发给骨灰寄存证号',
    mutates: true,
  }),
  'funeral.storage.get': channel({
    input: z.object({ id: recordId }).strict(),
    output: returns<StorageView>(),
    access: needs('funeral.cemetery'),
    summary: '读取一条骨灰寄存记录（含续存记录与领取情况）',
    mutates: false,
  }),
  'funeral.storage.search': channel({
    input: z
      .object({
        query: z.string().trim().max(40).describe('逝者姓名 / 身份证号码 / 寄存人 / 寄存证号 / 格位号'),
        status: z.enum(['current', 'collected', 'all']).describe('范围'),
      })
      .strict(),
    output: returns<StorageListItem[]>(),
    access: needs('funeral.cemetery'),
    summary: '查找骨灰寄存记录（列表中证件号码脱敏）',
    mutates: false,
  }),
  'funeral.storage.renew': channel({
    input: renewStorageInput,
    output: returns<StorageView>(),
    access: needs('funeral.cemetery'),
    summary: '骨灰寄存续存：期限自原到期日起顺延',
    mutates: true,
  }),
  'funeral.storage.collect': channel({
    input: collectStorageInput,
    output: returns<StorageView>(),
    access: needs('funeral.cemetery'),
    summary: '领取寄存的骨灰：登记领取人，格位腾空',
    mutates: true,
  }),
  'funeral.storage.expiring': channel({
    input: z.object({ months: z.number().int().min(1).max(60).describe('未来月数') }).strict(),
    output: returns<{ today: string; until: string; rows: StorageListItem[] }>(),
    access: needs('funeral.cemetery'),
    summary: '寄存到期清单：逾期未续和未来 N 个月内到期的寄存',
    mutates: false,
  }),
};
