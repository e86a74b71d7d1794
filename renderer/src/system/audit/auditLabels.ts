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
  delete: '删除',
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
  number: '证书字号',
  number_series: '字号序列',
  marriageRegistration: '结婚登记',
  marriageRefusal: '不予登记',
  marriageCorrection: '更正申请',
  marriageReplacement: '补领证件',
  marriageArchiveBatch: '婚姻档案导入批次',
  marriageStatistics: '婚姻登记统计',
  divorceApplication: '离婚申请',
  creditBlacklist: '失信名单',
  marriage_appointment: '预约',
  marriage_queue_ticket: '排队号',
  marriage_counter_plan: '号源方案',
  marriage_peak_rule: '高峰日规则',
  marriage_ceremony_session: '颁证仪式场次',
  marriage_ceremony_booking: '颁证仪式预订',
  funeralCemetery: '公墓',
  funeralSection: '墓区',
  funeralPlot: '墓位',
  funeralPlotAreaLimit: '墓位面积上限',
  funeralUsePeriod: '墓位使用期限',
  funeralBurial: '安葬',
  funeralSpouseReservation: '配偶保留穴位',
  funeralAshStorage: '骨灰寄存',
  subsidyPolicyVersion: '奖补政策版本',
  subsidyApplication: '奖补申请',
  subsidyBatch: '奖补发放批次',
  funeralHome: '殡仪馆',
  funeralWaiverStandard: '减免标准',
  funeralWaiver: '殡葬费用减免',
  funeralWaiverSettlement: '减免结算',
  funeralEcoForms: '生态安葬统计口径',
  funeralTownship: '乡镇（街道）',
  funeralIndicators: '殡葬统计指标',
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
  jointPhoto: '双方合影',
  agreementFile: '离婚协议书扫描件',
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
