import { z } from 'zod';
import { codesOf, nameOf } from './codeTable';

// GB/T 2261.2-2003 婚姻状况代码. 20 已婚 is the group code; 21–23 say how the person came to be married.

export const maritalStatuses = [
  { code: '10', name: '未婚' },
  { code: '20', name: '已婚' },
  { code: '21', name: '初婚' },
  { code: '22', name: '再婚' },
  { code: '23', name: '复婚' },
  { code: '30', name: '丧偶' },
  { code: '40', name: '离婚' },
  // The standard's name is 未说明的婚姻状况; forms and certificates use the short 未说明.
  { code: '90', name: '未说明的婚姻状况', shortName: '未说明' },
] as const;

export type MaritalStatusCode = (typeof maritalStatuses)[number]['code'];

export const maritalStatusCodeSchema = z.enum(codesOf(maritalStatuses)).describe('婚姻状况');

export const maritalStatusName = (code: string): string | undefined => nameOf(maritalStatuses, code);
