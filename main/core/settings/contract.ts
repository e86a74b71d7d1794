import { z } from 'zod';
import { channel, needs, returns, sessionAccess } from '../contract/define';
import { divisionCode, empty } from '../contract/fields';

// Office-wide settings. Policy rules that change over time (subsidies, plot limits …) are not
// here: they live in their modules as versioned data with effective dates.

export const printerProfile = z
  .object({
    name: z.string().trim().min(1).max(60).describe('打印机名称'),
    // Pre-printed forms shift a few millimetres from printer to printer; the clerk measures the
    // shift on the test page and enters it here.
    dxMm: z.number().min(-30).max(30).describe('水平偏移（毫米）'),
    dyMm: z.number().min(-30).max(30).describe('垂直偏移（毫米）'),
  })
  .strict();
export type PrinterProfile = z.infer<typeof printerProfile>;

export const settingsSchema = z
  .object({
    officeName: z.string().trim().min(2).max(60).describe('单位名称'),
    divisionCode,
    printers: z.array(printerProfile).max(20).describe('打印机'),
    defaultPrinter: z.string().max(60).nullable().describe('默认打印机'),
    idleLockMinutes: z.number().int().min(1).max(120).describe('空闲锁屏时间（分钟）'),
    lockoutThreshold: z.number().int().min(3).max(10).describe('密码错误锁定次数'),
    lockoutMinutes: z.number().int().min(1).max(1440).describe('锁定时长（分钟）'),
    dailyBackup: z.boolean().describe('每日自动备份'),
    dailyBackupHour: z.number().int().min(0).max(23).describe('自动备份时间（时）'),
    backupRetentionDays: z.number().int().min(1).max(3650).describe('自动备份保留天数'),
  })
  .strict()
  .refine((s) => s.defaultPrinter === null || s.printers.some((p) => p.name === s.defaultPrinter), {
    message: '默认打印机必须是已登记的打印机',
    path: ['defaultPrinter'],
  })
  .refine((s) => new Set(s.printers.map((p) => p.name)).size === s.printers.length, {
    message: '打印机名称不能重复',
    path: ['printers'],
  });
export type Settings = z.infer<typeof settingsSchema>;

export const defaultSettings: Settings = {
  officeName: '未命名民政服务窗口',
  divisionCode: '000000',
  printers: [],
  defaultPrinter: null,
  idleLockMinutes: 10,
  lockoutThreshold: 5,
  lockoutMinutes: 15,
  dailyBackup: true,
  dailyBackupHour: 12,
  backupRetentionDays: 30,
};

export const settingsContract = {
  'settings.get': channel({
    input: empty,
    output: returns<Settings>(),
    access: sessionAccess,
    summary: '读取单位设置（单位名称、区划代码、打印偏移等）',
    mutates: false,
  }),
  'settings.update': channel({
    input: settingsSchema,
    output: returns<Settings>(),
    access: needs('system.settings'),
    summary: '保存单位设置（整体替换，写审计日志）',
    mutates: true,
  }),
};
