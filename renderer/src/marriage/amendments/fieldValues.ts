import { ethnicGroupName } from '../../../../main/core/codes/ethnicGroups';
import { nationalityName } from '../../../../main/core/codes/nationalities';
import { provinceName } from '../../../../main/core/codes/provinces';
import { documentTypeLabels, type DocumentType } from '../../../../main/core/idnumber/otherDocuments';
import { correctableFieldLabels, type CorrectableField } from '../../../../main/marriage/amendments/contract';
import { priorStatusLabels } from '../../../../main/marriage/contract';

// Stored values as a clerk reads them: codes become names (01 → 汉族, CHN → 中国, 10 → 未婚),
// and an empty value says so instead of showing nothing.

export const EMPTY = '（空）';

/** Labels of every field a history entry or correction may name, party fields and record fields. */
export const fieldLabels: Record<string, string> = {
  ...correctableFieldLabels,
  sex: '性别',
  certificateNumber: '结婚证字号',
  registrationDate: '登记日期',
  divisionCode: '登记机关区划代码',
  status: '状态',
  reason: '原因',
};

const statusLabels: Record<string, string> = {
  registered: '已登记',
  dissolved: '已解除',
  issued: '有效',
  void: '作废',
  pending: '办理中',
  withdrawn: '已撤回',
  deemedWithdrawn: '视为撤回',
  proposed: '待审批',
  approved: '已批准',
  rejected: '已驳回',
};

/** One field's value in words. Unknown codes are shown as they are, never hidden. */
export function fieldValue(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return EMPTY;
  const v = typeof value === 'string' ? value : JSON.stringify(value);
  switch (field as CorrectableField | 'sex' | 'status') {
    case 'documentType':
      return documentTypeLabels[v as DocumentType] ?? v;
    case 'nationality':
      return nationalityName(v) ?? v;
    case 'ethnicCode':
      return ethnicGroupName(v) ?? v;
    case 'priorStatus':
      return priorStatusLabels[v as keyof typeof priorStatusLabels] ?? v;
    case 'householdProvince':
      return provinceName(v) ?? v;
    case 'sex':
      return v === 'male' ? '男' : v === 'female' ? '女' : v;
    case 'status':
      return statusLabels[v] ?? v;
    default:
      return v;
  }
}

export const fieldLabel = (field: string): string => fieldLabels[field] ?? field;

export interface FieldChange {
  field: string;
  label: string;
  before: string;
  after: string;
}

/** old → new for every field present in `after` (and `before`), skipping the given keys. */
export function changesBetween(before: unknown, after: unknown, skip: readonly string[] = []): FieldChange[] {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => !skip.includes(k));
  return keys.map((k) => ({ field: k, label: fieldLabel(k), before: fieldValue(k, b[k]), after: fieldValue(k, a[k]) }));
}
