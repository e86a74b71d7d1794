import type { Role } from './contract';

// The English side of the shell. Business screens and service messages stay Chinese: they are
// the wording of the regulations and of the forms the office prints. Chinese is the key's
// meaning; English is only offered for the frame around the work.

export const messages = {
  appName: { zh: '民政业务窗口', en: 'Civil Affairs Service Desk' },
  // navigation
  'nav.main': { zh: '主导航', en: 'Main navigation' },
  'nav.home': { zh: '首页', en: 'Home' },
  'nav.marriage': { zh: '婚姻登记', en: 'Marriage registration' },
  'nav.marriageHome': { zh: '业务概览', en: 'Overview' },
  'nav.marriageRegister': { zh: '结婚登记', en: 'Marriage registration' },
  'nav.marriageDivorce': { zh: '协议离婚', en: 'Divorce by agreement' },
  'nav.marriageDivorceWorklist': { zh: '离婚工作清单', en: 'Divorce work list' },
  'nav.marriageCounter': { zh: '叫号窗口', en: 'Counter queue' },
  'nav.marriageAppointments': { zh: '预约登记', en: 'Appointments' },
  'nav.marriageCeremonies': { zh: '颁证仪式', en: 'Ceremonies' },
  'nav.marriageCounterSetup': { zh: '号源与高峰日', en: 'Slots & peak days' },
  'nav.funeral': { zh: '殡葬服务', en: 'Funeral services' },
  'nav.placenames': { zh: '地名管理', en: 'Place names' },
  'nav.system': { zh: '系统管理', en: 'System' },
  'nav.users': { zh: '用户管理', en: 'Users' },
  'nav.settings': { zh: '单位设置', en: 'Office settings' },
  'nav.backup': { zh: '备份与恢复', en: 'Backup & restore' },
  'nav.audit': { zh: '审计日志', en: 'Audit log' },
  'nav.testPage': { zh: '打印测试页', en: 'Printer test page' },
  // top bar
  'shell.lock': { zh: '锁定', en: 'Lock' },
  'shell.changePassword': { zh: '修改密码', en: 'Change password' },
  'shell.logout': { zh: '退出', en: 'Sign out' },
  'shell.language': { zh: '语言', en: 'Language' },
  'shell.userMenu': { zh: '用户菜单', en: 'User menu' },
  // auth screens
  'auth.username': { zh: '用户名', en: 'Username' },
  'auth.password': { zh: '密码', en: 'Password' },
  'auth.displayName': { zh: '姓名', en: 'Full name' },
  'auth.confirmPassword': { zh: '确认密码', en: 'Confirm password' },
  'auth.currentPassword': { zh: '原密码', en: 'Current password' },
  'auth.newPassword': { zh: '新密码', en: 'New password' },
  'auth.confirmNewPassword': { zh: '确认新密码', en: 'Confirm new password' },
  'auth.login': { zh: '登录', en: 'Sign in' },
  'auth.loginTitle': { zh: '登录', en: 'Sign in' },
  'auth.setupTitle': { zh: '首次使用：创建系统管理员', en: 'First run: create the administrator' },
  'auth.setupHint': {
    zh: '系统中还没有任何用户。请创建第一位系统管理员，之后由管理员为其他人员开设账户。',
    en: 'There are no users yet. Create the first administrator; the administrator then opens accounts for everyone else.',
  },
  'auth.setupSubmit': { zh: '创建并登录', en: 'Create and sign in' },
  'auth.passwordRule': { zh: '至少 8 位，须同时包含字母和数字', en: 'At least 8 characters with letters and digits' },
  'auth.passwordsDiffer': { zh: '两次输入的密码不一致', en: 'The passwords do not match' },
  'auth.required': { zh: '请填写此项', en: 'Required' },
  'auth.lockedTitle': { zh: '屏幕已锁定', en: 'Screen locked' },
  'auth.lockedHint': { zh: '请输入 {name} 的登录密码解锁', en: 'Enter the password of {name} to unlock' },
  'auth.unlock': { zh: '解锁', en: 'Unlock' },
  'auth.switchUser': { zh: '退出并换人登录', en: 'Sign out and switch user' },
  'auth.mustChangeTitle': { zh: '请先修改密码', en: 'Please change your password' },
  'auth.mustChangeHint': {
    zh: '这是首次登录，或系统管理员刚重置了您的密码。请设置只有您自己知道的新密码后继续。',
    en: 'This is your first sign-in, or an administrator has just reset your password. Choose a new password only you know.',
  },
  'auth.changeSubmit': { zh: '修改密码', en: 'Change password' },
  'auth.passwordChanged': { zh: '密码已修改', en: 'Password changed' },
  'auth.unreachable': { zh: '无法连接到业务服务', en: 'Cannot reach the service' },
  'auth.retry': { zh: '重试', en: 'Retry' },
  // home
  'home.morning': { zh: '上午好', en: 'Good morning' },
  'home.afternoon': { zh: '下午好', en: 'Good afternoon' },
  'home.evening': { zh: '晚上好', en: 'Good evening' },
  'home.roles': { zh: '您的角色', en: 'Your roles' },
  'home.quickLinks': { zh: '常用功能', en: 'Quick links' },
  'home.shortcuts': { zh: '键盘快捷键', en: 'Keyboard shortcuts' },
  'home.key': { zh: '按键', en: 'Key' },
  'home.action': { zh: '作用', en: 'Action' },
  'home.noModules': {
    zh: '您的账户还没有分配业务权限，请联系系统管理员。',
    en: 'Your account has no business permissions yet; ask the administrator.',
  },
  'shortcut.lock': { zh: '立即锁定屏幕（离开窗口时）', en: 'Lock the screen now (when leaving the desk)' },
  'shortcut.section': { zh: '跳转到左侧第 {n} 个栏目：{name}', en: 'Jump to section {n}: {name}' },
  'shortcut.enter': { zh: '在表单中提交（保存 / 登录 / 确定）', en: 'Submit the form (save / sign in / OK)' },
  'shortcut.esc': { zh: '关闭对话框（不保存）', en: 'Close the dialog (without saving)' },
  'shortcut.tab': { zh: '在输入框之间移动', en: 'Move between fields' },
  // common
  'common.save': { zh: '保存', en: 'Save' },
  'common.cancel': { zh: '取消', en: 'Cancel' },
  'common.refresh': { zh: '刷新', en: 'Refresh' },
  'common.forbidden': { zh: '您没有使用此功能的权限', en: 'You do not have permission to use this function' },
  'common.notFound': { zh: '页面不存在', en: 'Page not found' },
  'common.backHome': { zh: '返回首页', en: 'Back to home' },
  'common.underConstruction': { zh: '建设中', en: 'Under construction' },
  'common.underConstructionHint': {
    zh: '“{name}”模块正在开发中，将在后续版本提供。目前此处没有任何业务功能，请勿在此办理业务。',
    en: 'The “{name}” module is being built and will come in a later version. Nothing here works yet.',
  },
} as const;

export type MessageKey = keyof typeof messages;

export const roleLabelsEn: Record<Role, string> = {
  marriageClerk: 'Marriage clerk',
  marriageSupervisor: 'Marriage registry head',
  cemeteryManager: 'Cemetery manager',
  funeralReviewer: 'Funeral subsidy reviewer',
  placeNameOfficer: 'Place-name officer',
  placeNameApprover: 'Place-name approver',
  administrator: 'Administrator',
  auditor: 'Auditor',
};
