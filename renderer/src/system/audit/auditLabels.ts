import { roleLabels, type Role } from '../../app/contract';
import { backupKindLabels } from '../backup/backupLabels';

// The audit log stores code names (glossary.md); the auditor reads Chinese. Unknown codes (from
// modules added later) are shown as they are rather than hidden.

export const actionLabels: Record<string, string> = {
  create: '新建',
  update: '修改',
  status: '状态变更',
  print: '打印',
  export: '导出',
  login: '登录',
  login_failed: '登录失败',
  logout: '退出',
  lock: '锁定',
  unlock: '解锁',
  password: '密码',
  backup: '备份',
  restore: '恢复',
  verify: '校验',
};

export const actionColors: Record<string, string> = {
  create: 'green',
  update: 'blue',
  status: 'orange',
  login_failed: 'red',
  password: 'purple',
  restore: 'magenta',
  backup: 'cyan',
};

export const entityLabels: Record<string, string> = {
  user: '用户',
  settings: '单位设置',
  session: '会话',
  database: '数据库',
  document: '文书',
  audit_log: '审计日志',
};

export const actionLabel = (a: string): string => actionLabels[a] ?? a;
export const entityLabel = (e: string): string => entityLabels[e] ?? e;

/** Field names seen in before/after snapshots, in Chinese. */
export const fieldLabels: Record<string, string> = {
  id: '编号',
  username: '用户名',
  displayName: '姓名',
  roles: '角色',
  disabled: '停用',
  mustChangePassword: '须修改密码',
  lockedUntil: '锁定至',
  failedLogins: '连续密码错误次数',
  lastLoginAt: '最近登录',
  createdAt: '创建时间',
  officeName: '单位名称',
  divisionCode: '行政区划代码',
  printers: '打印机',
  defaultPrinter: '默认打印机',
  idleLockMinutes: '空闲锁屏时间（分钟）',
  lockoutThreshold: '密码错误锁定次数',
  lockoutMinutes: '锁定时长（分钟）',
  dailyBackup: '每日自动备份',
  dailyBackupHour: '自动备份时间（时）',
  backupRetentionDays: '自动备份保留天数',
  fileName: '文件名',
  kind: '类型',
  sizeBytes: '大小（字节）',
  schemaVersion: '数据结构版本',
  name: '名称',
  dxMm: '水平偏移（毫米）',
  dyMm: '垂直偏移（毫米）',
};

export const fieldLabel = (k: string): string => fieldLabels[k] ?? k;

const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** One value as a person reads it: 是/否, role names, local times, printers as a short list. */
export function readable(key: string, value: unknown, formatTime: (iso: string) => string): string {
  if (value === null || value === undefined || value === '') return '（空）';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (key === 'roles' && Array.isArray(value)) return value.map((r) => roleLabels[r as Role] ?? String(r)).join('、') || '（无）';
  if (key === 'kind' && typeof value === 'string' && value in backupKindLabels)
    return backupKindLabels[value as keyof typeof backupKindLabels];
  if (typeof value === 'string' && isoInstant.test(value)) return formatTime(value);
  if (key === 'printers' && Array.isArray(value)) {
    if (value.length === 0) return '（无）';
    return value
      .map((p: { name?: string; dxMm?: number; dyMm?: number }) => `${p.name ?? '?'}（水平 ${p.dxMm ?? 0}，垂直 ${p.dyMm ?? 0}）`)
      .join('；');
  }
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
