import { z } from 'zod';
import { codesOf, nameOf } from './codeTable';

// GB/T 2260 中华人民共和国行政区划代码, province level: the first two digits of a division code
// (the full code is the prefix followed by 0000). Only these prefixes are checked in ID numbers:
// the four lower digits are not, because an ID number keeps the county code it was issued under
// even after that county is merged or renamed, so a current county table would reject real people.
// Historic notes: 海南 was part of 广东 (44) until 1988 and 重庆 part of 四川 (51) until 1997, so
// people born there before then carry 44 / 51 — both still valid prefixes.

export const provinces = [
  { code: '11', name: '北京市' },
  { code: '12', name: '天津市' },
  { code: '13', name: '河北省' },
  { code: '14', name: '山西省' },
  { code: '15', name: '内蒙古自治区' },
  { code: '21', name: '辽宁省' },
  { code: '22', name: '吉林省' },
  { code: '23', name: '黑龙江省' },
  { code: '31', name: '上海市' },
  { code: '32', name: '江苏省' },
  { code: '33', name: '浙江省' },
  { code: '34', name: '安徽省' },
  { code: '35', name: '福建省' },
  { code: '36', name: '江西省' },
  { code: '37', name: '山东省' },
  { code: '41', name: '河南省' },
  { code: '42', name: '湖北省' },
  { code: '43', name: '湖南省' },
  { code: '44', name: '广东省' },
  { code: '45', name: '广西壮族自治区' },
  { code: '46', name: '海南省' },
  { code: '50', name: '重庆市' },
  { code: '51', name: '四川省' },
  { code: '52', name: '贵州省' },
  { code: '53', name: '云南省' },
  { code: '54', name: '西藏自治区' },
  { code: '61', name: '陕西省' },
  { code: '62', name: '甘肃省' },
  { code: '63', name: '青海省' },
  { code: '64', name: '宁夏回族自治区' },
  { code: '65', name: '新疆维吾尔自治区' },
  { code: '71', name: '台湾省' },
  { code: '81', name: '香港特别行政区' },
  { code: '82', name: '澳门特别行政区' },
] as const;

export type ProvinceCode = (typeof provinces)[number]['code'];

export const provinceCodeSchema = z.enum(codesOf(provinces)).describe('省级行政区');

export const provinceName = (code: string): string | undefined => nameOf(provinces, code);

/**
 * Area prefixes of 港澳台居民居住证 numbers (810000 香港, 820000 澳门, 830000 台湾). 83 is not a
 * GB/T 2260 code (Taiwan is 71 there); it exists only in these permit numbers, hence its own table.
 */
export const residencePermitAreas = [
  { code: '810000', name: '香港' },
  { code: '820000', name: '澳门' },
  { code: '830000', name: '台湾' },
] as const;

export const residencePermitAreaName = (code: string): string | undefined => nameOf(residencePermitAreas, code);
