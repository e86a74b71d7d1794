import { z } from 'zod';
import { residencePermitAreaName } from '../codes/provinces';
import { type Checked, failed, passed } from './checked';
import { localTodayIso } from './dates';
import { normalizeDocumentNumber } from './normalize';
import {
  checkGb11643Number,
  maskResidentId,
  parseResidentId,
  residentIdCheckChar,
  residentIdErrorCodes,
  type Sex,
} from './residentId';

// Identity documents a party may present at a marriage registry besides the 居民身份证, and how
// strictly each number is checked. Strict only where the format is published and certain; where
// it is not, the number is accepted after basic checks (characters, length) and the comment says
// why, because refusing a genuine document at the counter is worse than missing a typo there
// (the clerk compares the number with the document in hand anyway).

export const documentTypes = [
  'residentId',
  'passport',
  'hkMacaoPermit',
  'taiwanPermit',
  'foreignPermanentResidence',
  'residencePermit',
] as const;

export type DocumentType = (typeof documentTypes)[number];

export const documentTypeLabels: Record<DocumentType, string> = {
  residentId: '居民身份证',
  passport: '护照',
  hkMacaoPermit: '港澳居民来往内地通行证',
  taiwanPermit: '台湾居民来往大陆通行证',
  foreignPermanentResidence: '外国人永久居留身份证',
  residencePermit: '港澳台居民居住证',
};

export const documentTypeSchema = z.enum(documentTypes).describe('证件类型');

export const documentErrorCodes = [...residentIdErrorCodes, 'FORMAT'] as const;
export type DocumentErrorCode = (typeof documentErrorCodes)[number];

export interface DocumentInfo {
  type: DocumentType;
  /** The normalised number: ASCII, upper case, no spaces (a 15-digit resident ID converted to 18). */
  number: string;
  /** Read from the number where its format defines it (resident ID, residence permit). */
  birthDate?: string;
  sex?: Sex;
  /** A sentence for the clerk about the number (a conversion, an old format recognised). */
  notice?: string;
}

export type DocumentResult = Checked<DocumentInfo, DocumentErrorCode>;

function badCharacter(number: string, allowed: RegExp, label: string, what: string): string | undefined {
  const chars = [...number];
  const at = chars.findIndex((c) => !allowed.test(c));
  return at < 0 ? undefined : `${label}只能包含${what}，第 ${at + 1} 位“${chars[at]}”不符合`;
}

/**
 * Passport (护照), Chinese or foreign. No single format: ICAO 9303 gives the document number 9
 * characters in the machine-readable zone, longer numbers overflow into the optional field, and
 * each country numbers its own (Chinese ordinary passports: E + 8 digits or E + letter + 7 digits).
 * So: letters and digits only, 5–20 characters.
 */
function validatePassport(number: string): DocumentResult {
  const label = '护照号码';
  const bad = badCharacter(number, /[A-Z0-9]/, label, '字母和数字');
  if (bad) return failed('INVALID_CHARACTER', bad);
  if (number.length < 5 || number.length > 20)
    return failed('LENGTH', `护照号码一般为 5–20 位字母和数字，当前输入了 ${number.length} 位，请核对`);
  return passed({ type: 'passport', number });
}

/**
 * 港澳居民来往内地通行证 (回乡证), formats published by the Exit-Entry Administration:
 *  - H/M + 8 digits: the lifelong number on the current card (the 2-digit 换证次数 is printed apart);
 *  - H/M + 10 digits: the 1999 card, whose number carried the 8-digit lifelong number followed by
 *    the 2-digit renewal count (00 on first issue) — still found on older records;
 *  - HA/MA + 7 digits (9 characters): the 2024 permit for non-Chinese-national permanent residents.
 * H = 香港, M = 澳门. Nothing else is accepted.
 */
function validateHkMacaoPermit(number: string): DocumentResult {
  const label = '港澳居民来往内地通行证号码';
  if (/^[A-Z]{1,2}\d{6}\([0-9A]\)$/.test(number))
    return failed('FORMAT', '这像是香港身份证号码，请填写港澳居民来往内地通行证（回乡证）上的号码，以 H 或 M 开头');
  const bad = badCharacter(number, /[A-Z0-9]/, label, '字母和数字');
  if (bad) return failed('INVALID_CHARACTER', bad);
  if (/^[HM]\d{8}$/.test(number) || /^[HM]A\d{7}$/.test(number)) return passed({ type: 'hkMacaoPermit', number });
  if (/^[HM]\d{10}$/.test(number))
    return passed({
      type: 'hkMacaoPermit',
      number,
      notice: `这是 1999 年版通行证号码：前 9 位 ${number.slice(0, 9)} 为终身号，后 2 位为换证次数`,
    });
  if (/^C[0-9A-Z]\d{7}$/.test(number))
    return failed('FORMAT', '以 C 开头的是内地居民往来港澳通行证，不是港澳居民的证件；港澳居民来往内地通行证号码以 H 或 M 开头');
  if (!/^[HM]/.test(number)) return failed('FORMAT', '港澳居民来往内地通行证号码应以 H（香港）或 M（澳门）开头');
  return failed(
    'FORMAT',
    `港澳居民来往内地通行证号码应为 H 或 M 加 8 位数字（如 H12345678）；1999 年版为 H/M 加 10 位数字，非中国籍持证人为 HA/MA 加 7 位数字。当前输入了 ${number.length} 位`,
  );
}

/**
 * 台湾居民来往大陆通行证 (台胞证):
 *  - 8 digits: the lifelong number (一人一号, since 2008-09-25; the card issued since 2015 prints the
 *    renewal count apart);
 *  - 10 digits: 8-digit lifelong number + 2-digit issue count (5-year permits from 1992–2008);
 *  - 10 digits + (letter or digit): the same with the issuing-office code in brackets, e.g.
 *    1234567801(B). The bracket code is an office code, not a check character, so nothing is
 *    verified beyond the shape.
 */
function validateTaiwanPermit(number: string): DocumentResult {
  const label = '台湾居民来往大陆通行证号码';
  const bad = badCharacter(number, /[A-Z0-9()]/, label, '数字（旧证末尾可带括号内的签发机关代码）');
  if (bad) return failed('INVALID_CHARACTER', bad);
  if (/^\d{8}$/.test(number)) return passed({ type: 'taiwanPermit', number });
  if (/^\d{10}(\([A-Z0-9]\))?$/.test(number))
    return passed({
      type: 'taiwanPermit',
      number,
      notice: `这是 2008 年以前的旧号码：前 8 位 ${number.slice(0, 8)} 为台胞终身号，其后为签发次数${number.length > 10 ? '和签发机关代码' : ''}`,
    });
  if (/^[A-Z][12]\d{8}$/.test(number))
    return failed('FORMAT', '这像是台湾地区身份证号码，请填写台湾居民来往大陆通行证（台胞证）上的 8 位数字号码');
  return failed(
    'FORMAT',
    `台湾居民来往大陆通行证号码应为 8 位数字；2008 年以前的旧证为 10 位数字，可带括号内的签发机关代码，如 1234567801(B)。当前输入了 ${number.length} 位`,
  );
}

/**
 * 外国人永久居留身份证:
 *  - 18 characters (version issued since 2023-12-01): first digit 9 marks a foreigner, the last is
 *    a check character computed exactly as for 公民身份号码 (MOD 11-2) — both published by the
 *    National Immigration Administration, so both are enforced. The inner fields (province of
 *    acceptance, numeric nationality code, birth date, sequence) are reported by secondary
 *    sources only, so they are not checked and no birth date is read from them.
 *  - 15 characters (2004 and 2017 versions): 3-letter nationality code + 12 digits. Sources
 *    disagree about the layout of the digits and any check digit, so only the shape is checked.
 */
function validateForeignPermanentResidence(number: string): DocumentResult {
  const label = '外国人永久居留身份证号码';
  const bad = badCharacter(number, /[A-Z0-9]/, label, '字母和数字');
  if (bad) return failed('INVALID_CHARACTER', bad);
  if (/^[A-Z]{3}\d{12}$/.test(number)) return passed({ type: 'foreignPermanentResidence', number });
  if (/^\d{17}[\dX]$/.test(number)) {
    if (!number.startsWith('9'))
      return failed('FORMAT', '新版外国人永久居留身份证号码以 9 开头；以其他数字开头的 18 位号码是居民身份证或居住证号码');
    const expected = residentIdCheckChar(number.slice(0, 17));
    if (number[17] !== expected)
      return failed(
        'CHECK_CHAR',
        `${label}校验位应为 ${expected}，但第 18 位是 ${number[17]}。前 17 位中很可能有输错的数字，请对照证件逐位核对，不要只改最后一位`,
      );
    return passed({ type: 'foreignPermanentResidence', number });
  }
  if (number.length === 15)
    return failed('FORMAT', '旧版外国人永久居留身份证号码应为 3 位国籍字母代码加 12 位数字，如 USA110085030712');
  if (number.length === 18) return failed('FORMAT', '新版外国人永久居留身份证号码应为 18 位数字（最后一位可以是 X），以 9 开头');
  return failed(
    'FORMAT',
    `外国人永久居留身份证号码应为 18 位（2023 年起的新版，以 9 开头）或 15 位（旧版：3 位国籍字母代码加 12 位数字）。当前输入了 ${number.length} 位`,
  );
}

/**
 * 港澳台居民居住证 (since 2018-09-01): a 公民身份号码-style number whose area code is 810000
 * (香港), 820000 (澳门) or 830000 (台湾), followed by birth date, sequence and MOD 11-2 check
 * character — the format is published, so everything is enforced as for a resident ID.
 */
function validateResidencePermit(number: string, today: string): DocumentResult {
  const label = '居住证号码';
  const bad = badCharacter(number, /[0-9X]/, label, '数字（最后一位可以是 X）');
  if (bad) return failed('INVALID_CHARACTER', bad);
  if (number.length !== 18) return failed('LENGTH', `港澳台居民居住证号码应为 18 位，当前输入了 ${number.length} 位`);
  if (!residencePermitAreaName(number.slice(0, 6)))
    return failed('AREA_CODE', '港澳台居民居住证号码应以 810000（香港）、820000（澳门）或 830000（台湾）开头');
  const checked = checkGb11643Number(number, label, today);
  if (!checked.ok) return checked;
  return passed({ type: 'residencePermit', number, ...checked.value });
}

/**
 * Checks a document number as typed for the given document type and returns it normalised, or
 * a failure with a Chinese message. `today` ('YYYY-MM-DD') bounds birth dates read from numbers.
 */
export function validateDocument(type: DocumentType, raw: string, today: string = localTodayIso()): DocumentResult {
  const number = normalizeDocumentNumber(raw);
  if (number === '') return failed('EMPTY', `请填写${documentTypeLabels[type]}号码`);
  switch (type) {
    case 'residentId': {
      const parsed = parseResidentId(number, today);
      if (!parsed.ok) return parsed;
      const { id, birthDate, sex, notice } = parsed.value;
      return passed({ type, number: id, birthDate, sex, ...(notice === undefined ? {} : { notice }) });
    }
    case 'passport':
      return validatePassport(number);
    case 'hkMacaoPermit':
      return validateHkMacaoPermit(number);
    case 'taiwanPermit':
      return validateTaiwanPermit(number);
    case 'foreignPermanentResidence':
      return validateForeignPermanentResidence(number);
    case 'residencePermit':
      return validateResidencePermit(number, today);
  }
}

/**
 * Masks a document number for lists and exports. Numbers laid out like a resident ID keep the
 * first 6 and last 4 characters (500118********1234); shorter numbers keep the first 2 and last 2,
 * enough to tell records apart without revealing the number.
 */
export function maskDocumentNumber(type: DocumentType, number: string): string {
  const chars = [...normalizeDocumentNumber(number)];
  const residentIdLike =
    type === 'residentId' || type === 'residencePermit' || (type === 'foreignPermanentResidence' && chars.length === 18);
  if (residentIdLike) return maskResidentId(number);
  if (chars.length <= 4) return '*'.repeat(chars.length);
  return `${chars.slice(0, 2).join('')}${'*'.repeat(chars.length - 4)}${chars.slice(-2).join('')}`;
}

/**
 * Form and IPC field for a party's document: `{ type, number }` in, the same with the number
 * normalised out; a bad number fails on the `number` path with the Chinese message.
 */
export const identityDocumentSchema = z
  .object({
    type: documentTypeSchema,
    number: z.string().describe('证件号码'),
  })
  .transform((doc, ctx) => {
    const checked = validateDocument(doc.type, doc.number);
    if (!checked.ok) {
      ctx.addIssue({ code: 'custom', message: checked.message, path: ['number'] });
      return z.NEVER;
    }
    return { type: doc.type, number: checked.value.number };
  });
