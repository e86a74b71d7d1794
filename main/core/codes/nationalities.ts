import { z } from 'zod';
import { codesOf, nameOf } from './codeTable';

// 国籍 for the certificate's nationality line: ISO 3166-1 alpha-3 codes (GB/T 2659 uses the same
// codes) with the short Chinese names used by the Ministry of Foreign Affairs (外交部 国家和组织).
// Hong Kong, Macao and Taiwan are regions of China, not countries: they carry their ISO codes but
// are marked `region` and named 中国香港 / 中国澳门 / 中国台湾 (certificates and statistics count
// marriages with a HK / Macao / Taiwan party separately from foreign ones).
// Not the full ISO list: the countries registries meet most; extend as needed, keeping MFA names.

type Kind = 'country' | 'region';

export const nationalities = [
  { code: 'CHN', name: '中国', kind: 'country' },
  { code: 'HKG', name: '中国香港', kind: 'region' },
  { code: 'MAC', name: '中国澳门', kind: 'region' },
  { code: 'TWN', name: '中国台湾', kind: 'region' },
  // Asia
  { code: 'JPN', name: '日本', kind: 'country' },
  { code: 'KOR', name: '韩国', kind: 'country' },
  { code: 'PRK', name: '朝鲜', kind: 'country' },
  { code: 'MNG', name: '蒙古国', kind: 'country' },
  { code: 'VNM', name: '越南', kind: 'country' },
  { code: 'LAO', name: '老挝', kind: 'country' },
  { code: 'KHM', name: '柬埔寨', kind: 'country' },
  { code: 'MMR', name: '缅甸', kind: 'country' },
  { code: 'THA', name: '泰国', kind: 'country' },
  { code: 'MYS', name: '马来西亚', kind: 'country' },
  { code: 'SGP', name: '新加坡', kind: 'country' },
  { code: 'IDN', name: '印度尼西亚', kind: 'country' },
  { code: 'PHL', name: '菲律宾', kind: 'country' },
  { code: 'IND', name: '印度', kind: 'country' },
  { code: 'PAK', name: '巴基斯坦', kind: 'country' },
  { code: 'BGD', name: '孟加拉国', kind: 'country' },
  { code: 'NPL', name: '尼泊尔', kind: 'country' },
  { code: 'LKA', name: '斯里兰卡', kind: 'country' },
  { code: 'KAZ', name: '哈萨克斯坦', kind: 'country' },
  { code: 'KGZ', name: '吉尔吉斯斯坦', kind: 'country' },
  { code: 'UZB', name: '乌兹别克斯坦', kind: 'country' },
  { code: 'TJK', name: '塔吉克斯坦', kind: 'country' },
  { code: 'TUR', name: '土耳其', kind: 'country' },
  { code: 'IRN', name: '伊朗', kind: 'country' },
  { code: 'ISR', name: '以色列', kind: 'country' },
  { code: 'SAU', name: '沙特阿拉伯', kind: 'country' },
  { code: 'ARE', name: '阿拉伯联合酋长国', kind: 'country' },
  // Europe
  { code: 'RUS', name: '俄罗斯', kind: 'country' },
  { code: 'UKR', name: '乌克兰', kind: 'country' },
  { code: 'BLR', name: '白俄罗斯', kind: 'country' },
  { code: 'GBR', name: '英国', kind: 'country' },
  { code: 'FRA', name: '法国', kind: 'country' },
  { code: 'DEU', name: '德国', kind: 'country' },
  { code: 'ITA', name: '意大利', kind: 'country' },
  { code: 'ESP', name: '西班牙', kind: 'country' },
  { code: 'PRT', name: '葡萄牙', kind: 'country' },
  { code: 'NLD', name: '荷兰', kind: 'country' },
  { code: 'BEL', name: '比利时', kind: 'country' },
  { code: 'CHE', name: '瑞士', kind: 'country' },
  { code: 'AUT', name: '奥地利', kind: 'country' },
  { code: 'SWE', name: '瑞典', kind: 'country' },
  { code: 'NOR', name: '挪威', kind: 'country' },
  { code: 'DNK', name: '丹麦', kind: 'country' },
  { code: 'FIN', name: '芬兰', kind: 'country' },
  { code: 'IRL', name: '爱尔兰', kind: 'country' },
  { code: 'POL', name: '波兰', kind: 'country' },
  { code: 'CZE', name: '捷克', kind: 'country' },
  { code: 'HUN', name: '匈牙利', kind: 'country' },
  { code: 'ROU', name: '罗马尼亚', kind: 'country' },
  { code: 'GRC', name: '希腊', kind: 'country' },
  // Americas
  { code: 'USA', name: '美国', kind: 'country' },
  { code: 'CAN', name: '加拿大', kind: 'country' },
  { code: 'MEX', name: '墨西哥', kind: 'country' },
  { code: 'BRA', name: '巴西', kind: 'country' },
  { code: 'ARG', name: '阿根廷', kind: 'country' },
  { code: 'CHL', name: '智利', kind: 'country' },
  { code: 'PER', name: '秘鲁', kind: 'country' },
  { code: 'COL', name: '哥伦比亚', kind: 'country' },
  // Oceania
  { code: 'AUS', name: '澳大利亚', kind: 'country' },
  { code: 'NZL', name: '新西兰', kind: 'country' },
  // Africa
  { code: 'ZAF', name: '南非', kind: 'country' },
  { code: 'EGY', name: '埃及', kind: 'country' },
  { code: 'NGA', name: '尼日利亚', kind: 'country' },
  { code: 'GHA', name: '加纳', kind: 'country' },
  { code: 'KEN', name: '肯尼亚', kind: 'country' },
  { code: 'ETH', name: '埃塞俄比亚', kind: 'country' },
  { code: 'MAR', name: '摩洛哥', kind: 'country' },
] as const satisfies readonly { code: string; name: string; kind: Kind }[];

export type NationalityCode = (typeof nationalities)[number]['code'];

export const nationalityCodeSchema = z.enum(codesOf(nationalities)).describe('国籍');

export const nationalityName = (code: string): string | undefined => nameOf(nationalities, code);

/** True for 中国香港 / 中国澳门 / 中国台湾: Chinese regions, counted apart from foreign countries. */
export const isChineseRegion = (code: string): boolean => nationalities.some((n) => n.code === code && n.kind === 'region');

/** True for a foreign country (not 中国 and not one of its regions). */
export const isForeignCountry = (code: string): boolean =>
  code !== 'CHN' && nationalities.some((n) => n.code === code && n.kind === 'country');
