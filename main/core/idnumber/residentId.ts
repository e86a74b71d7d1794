import { z } from 'zod';
import { provinceName, residencePermitAreas } from '../codes/provinces';
import { type Checked, failed, passed } from './checked';
import { checkCompactDate, localTodayIso } from './dates';
import { normalizeDocumentNumber } from './normalize';

// 公民身份号码 (GB 11643-1999), printed on the 居民身份证: 6-digit area code (GB/T 2260), 8-digit
// birth date YYYYMMDD, 3-digit sequence (odd = male, even = female), 1 check character
// (ISO 7064 MOD 11-2). First-generation numbers (GB 11643-1989, before 1999) have 15 digits: the
// same parts with a 2-digit year and no check character.

export { ageOn } from './dates';

export type Sex = 'male' | 'female';

export const residentIdErrorCodes = [
  'EMPTY',
  'INVALID_CHARACTER',
  'LENGTH',
  'AREA_CODE',
  /** A well-formed number of another document (港澳台居民居住证, 外国人永久居留身份证). */
  'OTHER_DOCUMENT_TYPE',
  'BIRTH_DATE_INVALID',
  'BIRTH_DATE_TOO_EARLY',
  'BIRTH_DATE_FUTURE',
  'CHECK_CHAR',
] as const;

export type ResidentIdErrorCode = (typeof residentIdErrorCodes)[number];

export interface ResidentIdInfo {
  /** The normalised 18-character number (15-digit input is converted). */
  id: string;
  areaCode: string;
  birthDate: string;
  sex: Sex;
  /** The 15-digit number as typed, when `id` was converted from it. */
  convertedFrom?: string;
  /** A sentence for the clerk about what was done to the input (the 15 → 18 conversion). */
  notice?: string;
}

export type ResidentIdResult = Checked<ResidentIdInfo, ResidentIdErrorCode>;

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432'; // indexed by (weighted sum mod 11)
const EARLIEST_BIRTH_DATE = '1900-01-01';
const RESIDENCE_PERMIT_PREFIXES = residencePermitAreas.map((area) => area.code.slice(0, 2)); // 81 82 83

/** The GB 11643-1999 check character for the first 17 digits. */
export function residentIdCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('residentIdCheckChar needs exactly 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/** Trims, drops inner spaces, turns full-width digits and letters into ASCII and upper-cases x. */
export const normalizeResidentId = (raw: string): string => normalizeDocumentNumber(raw);

// Letters mistaken for digits, to make the message point at the likely slip.
const LOOK_ALIKE_DIGITS: Record<string, string> = { O: '0', I: '1', L: '1' };

function characterProblem(id: string, label: string): string | undefined {
  const chars = [...id];
  const at = chars.findIndex((c) => !/[0-9X]/.test(c));
  if (at < 0) return undefined;
  const c = chars[at]!;
  const hint = LOOK_ALIKE_DIGITS[c] ? `（是否应为数字 ${LOOK_ALIKE_DIGITS[c]}？）` : '';
  return `${label}只能由数字组成（最后一位可以是 X），第 ${at + 1} 位“${c}”不是数字${hint}`;
}

/**
 * The checks an 18-character number built by GB 11643 must pass whatever document carries it:
 * digits only (X last), a real birth date between 1900 and today, the right check character.
 * Shared with 港澳台居民居住证 numbers, which follow the same standard. `label` names the number
 * in messages (身份证号码, 居住证号码).
 */
export function checkGb11643Number(
  id: string,
  label: string,
  today: string,
): Checked<{ birthDate: string; sex: Sex }, ResidentIdErrorCode> {
  const xAt = id.indexOf('X');
  if (xAt >= 0 && xAt < 17)
    return failed('INVALID_CHARACTER', `${label}中 X 只能出现在最后一位（第 18 位校验位），第 ${xAt + 1} 位不应是 X`);
  const birth = checkBirthDate(id.slice(6, 14), '第 7–14 位', label, today);
  if (!birth.ok) return birth;
  const expected = residentIdCheckChar(id.slice(0, 17));
  const actual = id[17]!;
  if (actual !== expected)
    return failed(
      'CHECK_CHAR',
      `${label}校验位应为 ${expected}，但第 18 位是 ${actual}。前 17 位中很可能有输错的数字，请对照证件逐位核对，不要只改最后一位`,
    );
  return passed({ birthDate: birth.value, sex: sexOfSequenceDigit(id[16]!) });
}

function checkBirthDate(
  compact: string,
  where: string,
  label: string,
  today: string,
): Checked<string, 'BIRTH_DATE_INVALID' | 'BIRTH_DATE_TOO_EARLY' | 'BIRTH_DATE_FUTURE'> {
  const date = checkCompactDate(compact);
  if (!date.ok) return failed('BIRTH_DATE_INVALID', `${label}${where}的出生日期“${compact}”无效：${date.reason}`);
  if (date.iso < EARLIEST_BIRTH_DATE)
    return failed('BIRTH_DATE_TOO_EARLY', `${label}中的出生日期 ${date.iso} 早于 1900 年，请核对${where}`);
  if (date.iso > today)
    return failed('BIRTH_DATE_FUTURE', `${label}中的出生日期 ${date.iso} 晚于今天（${today}），请核对${where}`);
  return passed(date.iso);
}

const sexOfSequenceDigit = (digit: string): Sex => (Number(digit) % 2 === 1 ? 'male' : 'female');

function areaProblem(id: string): Checked<never, 'AREA_CODE' | 'OTHER_DOCUMENT_TYPE'> | undefined {
  const prefix = id.slice(0, 2);
  if (id.length === 18 && id.startsWith('9'))
    return failed(
      'OTHER_DOCUMENT_TYPE',
      '以 9 开头的 18 位号码是外国人永久居留身份证号码，请将证件类型选为「外国人永久居留身份证」',
    );
  if (RESIDENCE_PERMIT_PREFIXES.includes(prefix))
    return failed('OTHER_DOCUMENT_TYPE', `以 ${prefix} 开头的号码是港澳台居民居住证号码，请将证件类型选为「港澳台居民居住证」`);
  if (!provinceName(prefix))
    return failed('AREA_CODE', `身份证号码前两位“${prefix}”不是有效的省级行政区划代码（GB/T 2260），请核对前 6 位地址码`);
  return undefined;
}

/**
 * Parses a 居民身份证 number as typed: 18 characters, or a 15-digit first-generation number,
 * which is converted to 18 (19 inserted before the year, check character computed) and said so.
 * `today` ('YYYY-MM-DD', default: this computer's date) bounds the birth date.
 */
export function parseResidentId(raw: string, today: string = localTodayIso()): ResidentIdResult {
  const label = '身份证号码';
  const id = normalizeResidentId(raw);
  if (id === '') return failed('EMPTY', '请填写身份证号码');
  const badCharacter = characterProblem(id, label);
  if (badCharacter) return failed('INVALID_CHARACTER', badCharacter);
  if (id.length !== 18 && id.length !== 15)
    return failed('LENGTH', `身份证号码应为 18 位（一代身份证为 15 位），当前输入了 ${id.length} 位`);
  const area = areaProblem(id);
  if (area) return area;

  if (id.length === 15) return parseFirstGeneration(id, today);

  const checked = checkGb11643Number(id, label, today);
  if (!checked.ok) return checked;
  return passed({ id, areaCode: id.slice(0, 6), ...checked.value });
}

function parseFirstGeneration(old: string, today: string): ResidentIdResult {
  const label = '身份证号码';
  if (old.includes('X'))
    return failed('INVALID_CHARACTER', `15 位一代身份证号码只能由数字组成，第 ${old.indexOf('X') + 1} 位不应是 X`);
  // First-generation numbers were issued 1984–2004 to people born in the 1900s: the century is 19.
  const birth = checkBirthDate(`19${old.slice(6, 12)}`, '第 7–12 位', label, today);
  if (!birth.ok) return birth;
  const first17 = `${old.slice(0, 6)}19${old.slice(6, 15)}`;
  const id = first17 + residentIdCheckChar(first17);
  return passed({
    id,
    areaCode: id.slice(0, 6),
    birthDate: birth.value,
    sex: sexOfSequenceDigit(old[14]!),
    convertedFrom: old,
    notice: `这是 15 位一代身份证号码，已按 GB 11643-1999 转换为 18 位：${id}`,
  });
}

/**
 * Masks an ID number for lists and exports: the first 6 (area) and last 4 characters stay,
 * everything between becomes *, e.g. 500118********1234. Numbers too short to keep 10
 * characters visible without showing most of them are masked entirely.
 */
export function maskResidentId(id: string): string {
  const chars = [...normalizeResidentId(id)];
  if (chars.length <= 10) return '*'.repeat(chars.length);
  return `${chars.slice(0, 6).join('')}${'*'.repeat(chars.length - 10)}${chars.slice(-4).join('')}`;
}

/**
 * Form and IPC field: takes the number as typed, checks it against today's date and yields the
 * normalised 18-character number (15-digit input converted); failures carry the Chinese message.
 */
export const residentIdSchema = z
  .string()
  .transform((raw, ctx) => {
    const parsed = parseResidentId(raw);
    if (!parsed.ok) {
      ctx.addIssue({ code: 'custom', message: parsed.message });
      return z.NEVER;
    }
    return parsed.value.id;
  })
  .describe('身份证号码');
