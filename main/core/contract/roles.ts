// Roles and what each may do. Shared with the renderer so navigation matches what the service
// layer allows — but the service layer is what enforces it.

export const roles = [
  'marriageClerk',
  'marriageSupervisor',
  'cemeteryManager',
  'funeralReviewer',
  'funeralApprover',
  'placeNameOfficer',
  'placeNameApprover',
  'administrator',
  'auditor',
] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = {
  marriageClerk: '婚姻登记员',
  marriageSupervisor: '婚姻登记负责人',
  cemeteryManager: '公墓管理员',
  funeralReviewer: '殡葬审核员（街道）',
  funeralApprover: '殡葬审批员（区民政）',
  placeNameOfficer: '地名管理员',
  placeNameApprover: '地名审批人',
  administrator: '系统管理员',
  auditor: '审计员',
};

export const permissions = [
  'system.users', // create users, reset passwords, disable
  'system.settings', // office name, division code, printer offsets, security
  'system.backup', // back up, restore, integrity check
  'audit.read', // browse, filter and verify the audit log
  'marriage.register',
  'marriage.supervise',
  'funeral.cemetery',
  'funeral.review',
  'funeral.approve',
  'funeral.policy', // subsidy policies as data: edited by the system administrator or the district approver
  'placenames.edit',
  'placenames.approve',
] as const;
export type Permission = (typeof permissions)[number];

export const permissionLabels: Record<Permission, string> = {
  'system.users': '用户管理',
  'system.settings': '系统设置',
  'system.backup': '备份与恢复',
  'audit.read': '审计日志',
  'marriage.register': '婚姻登记业务',
  'marriage.supervise': '婚姻登记审核',
  'funeral.cemetery': '公墓与安葬管理',
  'funeral.review': '殡葬补贴与减免审核',
  'funeral.approve': '殡葬补贴审批与发放',
  'funeral.policy': '奖补政策维护',
  'placenames.edit': '地名登记',
  'placenames.approve': '地名审批',
};

export const rolePermissions: Record<Role, readonly Permission[]> = {
  marriageClerk: ['marriage.register'],
  marriageSupervisor: ['marriage.register', 'marriage.supervise'],
  cemeteryManager: ['funeral.cemetery'],
  funeralReviewer: ['funeral.review'],
  // The district bureau approves what the street office reviewed, and pays it.
  funeralApprover: ['funeral.review', 'funeral.approve', 'funeral.policy'],
  placeNameOfficer: ['placenames.edit'],
  placeNameApprover: ['placenames.edit', 'placenames.approve'],
  // The administrator keeps policy data (subsidy policies) but approves and pays nothing.
  administrator: ['system.users', 'system.settings', 'system.backup', 'funeral.policy'],
  // Auditors only read: separation of duties keeps administrators out of the audit screens.
  auditor: ['audit.read'],
};

export function permissionsOf(userRoles: readonly Role[]): Set<Permission> {
  return new Set(userRoles.flatMap((r) => rolePermissions[r]));
}
