import { describe, expect, it } from 'vitest';
import {
  ethnicGroupCodeByName,
  ethnicGroupCodeSchema,
  ethnicGroupName,
  ethnicGroups,
} from '../../../main/core/codes/ethnicGroups';
import { maritalStatusCodeSchema, maritalStatuses, maritalStatusName } from '../../../main/core/codes/maritalStatus';
import {
  isChineseRegion,
  isForeignCountry,
  nationalities,
  nationalityCodeSchema,
  nationalityName,
} from '../../../main/core/codes/nationalities';
import { provinceName, provinces, residencePermitAreaName } from '../../../main/core/codes/provinces';
import { sexCodeOf, sexCodeSchema, sexes, sexName, sexShortName } from '../../../main/core/codes/sex';

describe('ethnic groups (GB/T 3304)', () => {
  const recognised = ethnicGroups.filter((g) => Number(g.code) <= 56);

  it('has the 56 groups with codes 01–56 in order, unique names, each ending in 族', () => {
    expect(recognised).toHaveLength(56);
    expect(recognised.map((g) => g.code)).toEqual(Array.from({ length: 56 }, (_, i) => String(i + 1).padStart(2, '0')));
    expect(new Set(recognised.map((g) => g.name)).size).toBe(56);
    for (const g of recognised) expect(g.name.endsWith('族'), g.name).toBe(true);
  });

  it('has exactly the extra codes 97 and 98 besides', () => {
    expect(ethnicGroups.filter((g) => Number(g.code) > 56)).toEqual([
      { code: '97', name: '其他' },
      { code: '98', name: '外国血统中国籍人士' },
    ]);
    expect(new Set(ethnicGroups.map((g) => g.code)).size).toBe(ethnicGroups.length);
  });

  // Pairs copied by hand from the standard's table, spread across it (and the ones most often mixed up).
  it.each([
    ['01', '汉族'],
    ['02', '蒙古族'],
    ['03', '回族'],
    ['04', '藏族'],
    ['05', '维吾尔族'],
    ['08', '壮族'],
    ['10', '朝鲜族'],
    ['11', '满族'],
    ['15', '土家族'],
    ['17', '哈萨克族'],
    ['22', '畲族'],
    ['23', '高山族'],
    ['29', '柯尔克孜族'],
    ['30', '土族'],
    ['31', '达斡尔族'],
    ['36', '毛南族'],
    ['37', '仡佬族'],
    ['43', '乌孜别克族'],
    ['44', '俄罗斯族'],
    ['46', '德昂族'],
    ['49', '京族'],
    ['52', '鄂伦春族'],
    ['54', '门巴族'],
    ['55', '珞巴族'],
    ['56', '基诺族'],
  ])('%s is %s', (code, name) => {
    expect(ethnicGroupName(code)).toBe(name);
  });

  it('looks codes up by name, short name and the pre-1985/1986 names', () => {
    expect(ethnicGroupCodeByName('汉族')).toBe('01');
    expect(ethnicGroupCodeByName('土家')).toBe('15');
    expect(ethnicGroupCodeByName('土')).toBe('30');
    expect(ethnicGroupCodeByName('崩龙族')).toBe('46');
    expect(ethnicGroupCodeByName('毛难族')).toBe('36');
    expect(ethnicGroupCodeByName('火星族')).toBeUndefined();
    expect(ethnicGroupName('57')).toBeUndefined();
  });

  it('has a zod enum of exactly the table codes', () => {
    expect(ethnicGroupCodeSchema.safeParse('56').success).toBe(true);
    expect(ethnicGroupCodeSchema.safeParse('98').success).toBe(true);
    expect(ethnicGroupCodeSchema.safeParse('57').success).toBe(false);
    expect(ethnicGroupCodeSchema.safeParse('1').success).toBe(false);
  });
});

describe('marital status (GB/T 2261.2)', () => {
  it('is exactly the standard table', () => {
    expect(maritalStatuses.map((s) => [s.code, s.name])).toEqual([
      ['10', '未婚'],
      ['20', '已婚'],
      ['21', '初婚'],
      ['22', '再婚'],
      ['23', '复婚'],
      ['30', '丧偶'],
      ['40', '离婚'],
      ['90', '未说明的婚姻状况'],
    ]);
    expect(maritalStatuses.find((s) => s.code === '90')).toMatchObject({ shortName: '未说明' });
  });

  it('looks up names and validates codes', () => {
    expect(maritalStatusName('40')).toBe('离婚');
    expect(maritalStatusName('24')).toBeUndefined();
    expect(maritalStatusCodeSchema.safeParse('22').success).toBe(true);
    expect(maritalStatusCodeSchema.safeParse('24').success).toBe(false);
  });
});

describe('sex (GB/T 2261.1)', () => {
  it('is exactly the standard table, with the short forms printed on certificates', () => {
    expect(sexes.map((s) => [s.code, s.name, s.shortName])).toEqual([
      ['0', '未知的性别', '未知'],
      ['1', '男性', '男'],
      ['2', '女性', '女'],
      ['9', '未说明的性别', '未说明'],
    ]);
  });

  it('maps the sex read from an ID number to its code', () => {
    expect(sexCodeOf('male')).toBe('1');
    expect(sexCodeOf('female')).toBe('2');
    expect(sexName('1')).toBe('男性');
    expect(sexShortName('2')).toBe('女');
    expect(sexCodeSchema.safeParse('3').success).toBe(false);
  });
});

describe('nationalities (ISO 3166-1 alpha-3, MFA Chinese names)', () => {
  it('has unique 3-letter codes and unique names, at least 40 countries', () => {
    for (const n of nationalities) expect(n.code).toMatch(/^[A-Z]{3}$/);
    expect(new Set(nationalities.map((n) => n.code)).size).toBe(nationalities.length);
    expect(new Set(nationalities.map((n) => n.name)).size).toBe(nationalities.length);
    expect(nationalities.filter((n) => n.kind === 'country').length).toBeGreaterThanOrEqual(40);
  });

  it('marks Hong Kong, Macao and Taiwan as regions of China, not countries', () => {
    expect(nationalities.filter((n) => n.kind === 'region').map((n) => [n.code, n.name])).toEqual([
      ['HKG', '中国香港'],
      ['MAC', '中国澳门'],
      ['TWN', '中国台湾'],
    ]);
    expect(isChineseRegion('HKG')).toBe(true);
    expect(isForeignCountry('TWN')).toBe(false);
    expect(isForeignCountry('CHN')).toBe(false);
    expect(isForeignCountry('VNM')).toBe(true);
  });

  it.each([
    ['CHN', '中国'],
    ['USA', '美国'],
    ['GBR', '英国'],
    ['DEU', '德国'],
    ['KOR', '韩国'],
    ['PRK', '朝鲜'],
    ['MNG', '蒙古国'],
    ['VNM', '越南'],
    ['RUS', '俄罗斯'],
    ['NLD', '荷兰'],
    ['ARE', '阿拉伯联合酋长国'],
  ])('%s is %s', (code, name) => {
    expect(nationalityName(code)).toBe(name);
  });

  it('has a zod enum of the table codes', () => {
    expect(nationalityCodeSchema.safeParse('JPN').success).toBe(true);
    expect(nationalityCodeSchema.safeParse('jpn').success).toBe(false);
  });
});

describe('province-level divisions (GB/T 2260)', () => {
  it('has the 34 province-level codes, unique', () => {
    expect(provinces).toHaveLength(34);
    expect(new Set(provinces.map((p) => p.code)).size).toBe(34);
    expect(provinces.map((p) => p.code).join(' ')).toBe(
      '11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82',
    );
  });

  it.each([
    ['11', '北京市'],
    ['15', '内蒙古自治区'],
    ['23', '黑龙江省'],
    ['45', '广西壮族自治区'],
    ['46', '海南省'],
    ['50', '重庆市'],
    ['54', '西藏自治区'],
    ['64', '宁夏回族自治区'],
    ['65', '新疆维吾尔自治区'],
    ['71', '台湾省'],
    ['81', '香港特别行政区'],
    ['82', '澳门特别行政区'],
  ])('%s is %s', (code, name) => {
    expect(provinceName(code)).toBe(name);
  });

  it('knows the residence-permit area codes, including 830000 which is not in GB/T 2260', () => {
    expect(residencePermitAreaName('830000')).toBe('台湾');
    expect(provinceName('83')).toBeUndefined();
  });
});
