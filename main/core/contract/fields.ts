import { z } from 'zod';
import { roles } from './roles';

// Field schemas shared by forms (renderer) and channel inputs (main), so both refuse the same
// things with the same words.

export const empty = z.object({}).strict();

export const username = z
  .string()
  .trim()
  .min(2)
  .max(32)
  .regex(/^[A-Za-z0-9_.-]+$/, { message: '只能包含字母、数字、下划线、点和连字符' })
  .describe('用户名');

export const displayName = z.string().trim().min(1).max(40).describe('姓名');

// Length and mix are checked here; the service adds nothing weaker. 8+ chars with letters and digits
// is the common floor in government information-security baselines (等保).
export const newPassword = z
  .string()
  .min(8)
  .max(128)
  .refine((p) => /[A-Za-z]/.test(p) && /\d/.test(p), { message: '「密码」须同时包含字母和数字' })
  .describe('密码');

/** Passwords being checked (login, unlock) are not judged against the policy: old ones may be weaker. */
export const anyPassword = z.string().min(1).max(128).describe('密码');

export const role = z.enum(roles).describe('角色');

export const recordId = z.number().int().positive().describe('编号');

export const divisionCode = z
  .string()
  .trim()
  .regex(/^\d{6}$/, { message: '「行政区划代码」应为 6 位数字（GB/T 2260）' })
  .describe('行政区划代码');

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: '日期格式应为 YYYY-MM-DD' })
  .describe('日期');

export const page = z.number().int().min(1).default(1).describe('页码');
export const pageSize = z.number().int().min(1).max(500).default(50).describe('每页条数');

/** A generated file handed back to the client (preview, save, print). */
export interface FileOutput {
  fileName: string;
  mimeType: string;
  base64: string;
  byteLength: number;
}
