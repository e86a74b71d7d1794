import { z } from 'zod';
import { codesOf, nameOf } from './codeTable';

// GB/T 2261.1-2003 人的性别代码. `name` is the standard's wording; certificates print the short form.

export const sexes = [
  { code: '0', name: '未知的性别', shortName: '未知' },
  { code: '1', name: '男性', shortName: '男' },
  { code: '2', name: '女性', shortName: '女' },
  { code: '9', name: '未说明的性别', shortName: '未说明' },
] as const;

export type SexCode = (typeof sexes)[number]['code'];

export const sexCodeSchema = z.enum(codesOf(sexes)).describe('性别');

export const sexName = (code: string): string | undefined => nameOf(sexes, code);

/** 男 / 女 as printed on certificates. */
export const sexShortName = (code: string): string | undefined => sexes.find((s) => s.code === code)?.shortName;

/** The GB/T 2261.1 code for the sex read from an ID number (sequence digit odd = male, even = female). */
export const sexCodeOf = (sex: 'male' | 'female'): '1' | '2' => (sex === 'male' ? '1' : '2');
