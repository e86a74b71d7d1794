import { z } from 'zod';
import { channel, needs, returns } from '../contract/define';
import { empty, isoDate, page, pageSize } from '../contract/fields';

export interface AuditEntryView {
  id: number;
  at: string;
  userId: number | null;
  username: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  detail: string | null;
}

export interface AuditVerifyResult {
  checked: number;
  intact: boolean;
  /** The first entry whose hash or link does not match, if any. */
  firstBroken: { id: number; reason: string } | null;
}

export const auditListInput = z
  .object({
    page,
    pageSize,
    username: z.string().trim().max(64).optional().describe('操作人'),
    action: z.string().trim().max(40).optional().describe('操作'),
    entity: z.string().trim().max(40).optional().describe('对象类型'),
    entityId: z.string().trim().max(64).optional().describe('对象编号'),
    from: isoDate.optional().describe('起始日期'),
    to: isoDate.optional().describe('截止日期'),
    text: z.string().trim().max(100).optional().describe('关键字'),
  })
  .strict();

export const auditContract = {
  'audit.list': channel({
    input: auditListInput,
    output: returns<{ rows: AuditEntryView[]; total: number }>(),
    access: needs('audit.read'),
    summary: '按操作人、操作、对象、日期、关键字筛选审计日志（新的在前）',
    mutates: false,
  }),
  'audit.verify': channel({
    input: empty,
    output: returns<{ jobId: string }>(),
    access: needs('audit.read'),
    summary: '在后台线程校验审计日志哈希链，结果通过 jobs.get 查询',
    mutates: false,
  }),
  'audit.actions': channel({
    input: empty,
    output: returns<{ actions: string[]; entities: string[] }>(),
    access: needs('audit.read'),
    summary: '审计日志中出现过的操作与对象类型（用于筛选下拉框）',
    mutates: false,
  }),
};
