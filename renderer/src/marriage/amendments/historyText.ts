import type { HistoryEntry } from '../../../../main/marriage/amendments/contract';
import { certificateKindLabels } from '../../../../main/marriage/numbers/contract';
import { changesBetween, fieldValue, type FieldChange } from './fieldValues';

// The record's history (audit entries) in plain Chinese: what happened, old → new for every
// changed field with its label, and a note — never raw JSON. Pure, so it is unit-tested.

export type HistoryTone = 'create' | 'change' | 'void' | 'decision' | 'print' | 'other';

export interface HistoryLine {
  id: number;
  at: string;
  who: string;
  title: string;
  tone: HistoryTone;
  changes: FieldChange[];
  note: string | null;
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === 'object' ? (v as Obj) : {});
const str = (v: unknown): string => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v));
const side = (v: unknown): string => (v === 'male' ? '男方' : v === 'female' ? '女方' : v === 'both' ? '双方' : '');

/** J500118-2026-000001 → 结婚证, BL… → 补领离婚证. */
export function numberKind(number: string): string {
  const prefix = /^(BJ|BL|J|L)\d/.exec(number)?.[1] as keyof typeof certificateKindLabels | undefined;
  return prefix ? certificateKindLabels[prefix] : '证书';
}

const ownerLabels: Record<string, string> = {
  marriageRegistration: '结婚登记',
  divorceApplication: '离婚登记',
  marriageReplacement: '补领',
};

function describe(e: HistoryEntry): Omit<HistoryLine, 'id' | 'at' | 'who'> {
  const before = obj(e.before);
  const after = obj(e.after);
  const detail = e.detail;
  const base = { changes: [] as FieldChange[], note: detail };

  if (e.action === 'print') return { ...base, title: '打印文书', tone: 'print' };

  switch (e.entity) {
    case 'number': {
      const number = e.entityId ?? '';
      if (e.action === 'create') {
        const owner = ownerLabels[str(after.entity)] ?? '';
        return {
          ...base,
          title: `分配${numberKind(number)}字号`,
          tone: 'create',
          note: `${number}${owner ? `（${owner}）` : ''}`,
        };
      }
      if (after.status === 'void') {
        return {
          title: `作废${numberKind(number)}字号`,
          tone: 'void',
          changes: [{ field: 'status', label: '字号状态', before: '有效', after: '作废' }],
          note: `${number}，作废原因：${str(after.reason)}`,
        };
      }
      break;
    }
    case 'marriageRegistration': {
      if (e.action === 'create') {
        const parties = Array.isArray(after.parties) ? (after.parties as Obj[]) : [];
        const names = parties.map((p) => `${side(p.sex)} ${str(p.name)}`).join('，');
        return {
          ...base,
          title: '办理结婚登记',
          tone: 'create',
          note: `结婚证字号 ${str(after.certificateNumber)}，登记日期 ${str(after.registrationDate)}${names ? `；${names}` : ''}`,
        };
      }
      if (e.action === 'update' && 'party' in after) {
        return {
          title: `更正${side(after.party)}信息`,
          tone: 'change',
          changes: changesBetween(before, after, ['party']),
          note: detail,
        };
      }
      if (e.action === 'update' && 'certificateNumber' in after) {
        return { title: '打印出错，作废重打', tone: 'change', changes: changesBetween(before, after), note: detail };
      }
      if (e.action === 'status' && after.status === 'dissolved') {
        return {
          title: '离婚登记，婚姻解除',
          tone: 'change',
          changes: [
            {
              field: 'status',
              label: '状态',
              before: fieldValue('status', before.status),
              after: fieldValue('status', 'dissolved'),
            },
          ],
          note: detail,
        };
      }
      break;
    }
    case 'marriageCorrection': {
      const n = `（第 ${e.entityId ?? ''} 号）`;
      if (e.action === 'create') {
        const changes = Array.isArray(after.changes) ? (after.changes as Obj[]) : [];
        return {
          title: `提出更正${side(after.party)}信息${n}`,
          tone: 'other',
          changes: changes.map((c) => ({
            field: str(c.field),
            label: str(c.label),
            before: fieldValue(str(c.field), c.before),
            after: fieldValue(str(c.field), c.after),
          })),
          note: `理由：${str(after.reason)}；证明材料：${str(after.evidence)}（待负责人审批）`,
        };
      }
      if (after.status === 'approved') {
        return {
          ...base,
          title: `批准更正${n}`,
          tone: 'decision',
          note: after.comment ? `审批意见：${str(after.comment)}` : null,
        };
      }
      if (after.status === 'rejected') {
        return { ...base, title: `驳回更正${n}`, tone: 'decision', note: `驳回理由：${str(after.reason)}` };
      }
      break;
    }
    case 'marriageReplacement':
      if (e.action === 'create') return { ...base, title: str(after.kindLabel) || '补领', tone: 'create' };
      break;
    case 'divorceApplication': {
      if (e.action === 'create') {
        const w = obj(after.withdrawal);
        return {
          ...base,
          title: '受理协议离婚申请',
          tone: 'create',
          note: `受理日期 ${str(after.receiptDate)}；离婚冷静期 ${str(w.from)} 至 ${str(w.to)}`,
        };
      }
      const status = str(after.status);
      if (status === 'issued')
        return { ...base, title: '发给离婚证', tone: 'change', note: `离婚证字号 ${str(after.certificateNumber)}` };
      if (status === 'withdrawn')
        return { ...base, title: '撤回离婚登记申请', tone: 'change', note: detail ?? `${side(after.by)}撤回` };
      if (status === 'deemedWithdrawn') return { ...base, title: '视为撤回离婚登记申请', tone: 'change' };
      break;
    }
  }
  // Anything else (a later module's entry) still reads: its detail, and what changed by label.
  const changed = e.before ? changesBetween(e.before, e.after).filter((c) => c.before !== c.after) : [];
  return { title: detail ?? actionLabels[e.action] ?? e.action, tone: 'other', changes: changed, note: null };
}

const actionLabels: Record<string, string> = { create: '新增', update: '修改', status: '状态变更', print: '打印文书' };

export function describeHistory(e: HistoryEntry): HistoryLine {
  return { id: e.id, at: e.at, who: e.displayName ?? e.username ?? '系统', ...describe(e) };
}
