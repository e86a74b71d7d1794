import { describe, expect, it } from 'vitest';
import { provinces } from '../../../main/core/codes/provinces';
import {
  maskResidentId,
  normalizeResidentId,
  parseResidentId,
  residentIdCheckChar,
  residentIdSchema,
} from '../../../main/core/idnumber/residentId';
import { referenceCheckChar, seededRandom } from './gb11643';

const TODAY = '2026-05-20';
const SAMPLE = '11010519491231002X'; // the standard's own example: Beijing 朝阳区, 1949-12-31, female

const withCheck = (first17: string) => first17 + referenceCheckChar(first17);

function expectFailure(raw: string, code: string, ...fragments: string[]) {
  const r = parseResidentId(raw, TODAY);
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.code).toBe(code);
  for (const f of fragments) expect(r.message).toContain(f);
}

describe('the reference check character used by these tests', () => {
  it('agrees with the sample number of GB 11643-1999', () => {
    expect(referenceCheckChar(SAMPLE.slice(0, 17))).toBe('X');
  });
});

describe('parseResidentId: valid numbers', () => {
  it('parses the sample number', () => {
    expect(parseResidentId(SAMPLE, TODAY)).toEqual({
      ok: true,
      value: { id: SAMPLE, areaCode: '110105', birthDate: '1949-12-31', sex: 'female' },
    });
  });

  it('accepts 300 generated numbers and reads birth date and sex from each', () => {
    const random = seededRandom(20260520);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
    const mainland = provinces.filter((p) => !['81', '82'].includes(p.code));
    const pad = (n: number, w: number) => String(n).padStart(w, '0');
    for (let i = 0; i < 300; i++) {
      const area = pick(mainland).code + pad(Math.floor(random() * 10000), 4);
      const year = 1900 + Math.floor(random() * 126); // up to 2025
      const month = 1 + Math.floor(random() * 12);
      const day = 1 + Math.floor(random() * 28);
      const sequence = pad(Math.floor(random() * 1000), 3);
      const id = withCheck(`${area}${year}${pad(month, 2)}${pad(day, 2)}${sequence}`);
      const r = parseResidentId(id, TODAY);
      expect(r, id).toMatchObject({
        ok: true,
        value: {
          id,
          areaCode: area,
          birthDate: `${year}-${pad(month, 2)}-${pad(day, 2)}`,
          sex: Number(sequence[2]) % 2 === 1 ? 'male' : 'female',
        },
      });
      expect(residentIdCheckChar(id.slice(0, 17))).toBe(id[17]);
    }
  });

  it('produces every check character 0–9 and X over the generated range', () => {
    const seen = new Set<string>();
    for (let seq = 0; seq < 200; seq++) seen.add(referenceCheckChar(`11010519900101${String(seq).padStart(3, '0')}`));
    expect([...seen].sort().join('')).toBe('0123456789X');
    for (let seq = 0; seq < 200; seq++) {
      const first17 = `11010519900101${String(seq).padStart(3, '0')}`;
      expect(residentIdCheckChar(first17)).toBe(referenceCheckChar(first17));
    }
  });

  it('catches every single-digit slip and every swap of two neighbouring digits', () => {
    const id = withCheck('50011819900307123');
    for (let i = 0; i < 18; i++) {
      for (const d of '0123456789X') {
        if (d === id[i] || (d === 'X' && i < 17)) continue;
        const typo = id.slice(0, i) + d + id.slice(i + 1);
        expect(parseResidentId(typo, TODAY).ok, typo).toBe(false);
      }
    }
    for (let i = 0; i < 17; i++) {
      if (id[i] === id[i + 1]) continue;
      const swapped = id.slice(0, i) + id[i + 1] + id[i] + id.slice(i + 2);
      expect(parseResidentId(swapped, TODAY).ok, swapped).toBe(false);
    }
  });

  it('reads sex from the 17th digit: odd is male, even (including 0) is female', () => {
    expect(parseResidentId(withCheck('50011819900307121'), TODAY)).toMatchObject({ value: { sex: 'male' } });
    expect(parseResidentId(withCheck('50011819900307129'), TODAY)).toMatchObject({ value: { sex: 'male' } });
    expect(parseResidentId(withCheck('50011819900307120'), TODAY)).toMatchObject({ value: { sex: 'female' } });
    expect(parseResidentId(withCheck('50011819900307128'), TODAY)).toMatchObject({ value: { sex: 'female' } });
  });

  it('accepts a birth on 29 February of a leap year, including 2000', () => {
    expect(parseResidentId(withCheck('11010520000229001'), TODAY)).toMatchObject({
      ok: true,
      value: { birthDate: '2000-02-29' },
    });
    expect(parseResidentId(withCheck('11010519960229001'), TODAY)).toMatchObject({
      ok: true,
      value: { birthDate: '1996-02-29' },
    });
  });

  it('accepts a child born today, and the first day of 1900', () => {
    expect(parseResidentId(withCheck('11010520260520001'), TODAY).ok).toBe(true);
    expect(parseResidentId(withCheck('11010519000101001'), TODAY).ok).toBe(true);
  });
});

describe('normalisation of what was typed', () => {
  it('accepts lower-case x and stores upper case', () => {
    expect(parseResidentId('11010519491231002x', TODAY)).toMatchObject({ ok: true, value: { id: SAMPLE } });
  });

  it('accepts full-width digits and Ｘ/ｘ from a Chinese input method', () => {
    expect(normalizeResidentId('１１０１０５１９４９１２３１００２Ｘ')).toBe(SAMPLE);
    expect(parseResidentId('１１０１０５１９４９１２３１００２ｘ', TODAY)).toMatchObject({ ok: true, value: { id: SAMPLE } });
  });

  it('trims and removes inner spaces, including the ideographic space', () => {
    expect(normalizeResidentId('  110105 1949\u30001231 002x\t')).toBe(SAMPLE);
    expect(parseResidentId(' 110105 19491231 002X ', TODAY)).toMatchObject({ ok: true, value: { id: SAMPLE } });
  });
});

describe('15-digit first-generation numbers', () => {
  it('converts to 18 digits (19 before the year, check character computed) and says so', () => {
    const r = parseResidentId('110105491231002', TODAY);
    expect(r).toEqual({
      ok: true,
      value: {
        id: SAMPLE,
        areaCode: '110105',
        birthDate: '1949-12-31',
        sex: 'female',
        convertedFrom: '110105491231002',
        notice: expect.stringContaining('15 位'),
      },
    });
    if (r.ok) expect(r.value.notice).toContain(SAMPLE);
  });

  it('reads sex from the last digit and checks the birth date', () => {
    expect(parseResidentId('500118850307123', TODAY)).toMatchObject({
      ok: true,
      value: { id: withCheck('50011819850307123'), sex: 'male', birthDate: '1985-03-07' },
    });
    expectFailure('110105490230002', 'BIRTH_DATE_INVALID', '第 7–12 位', '“19490230”', '2 月只有 28 天');
    expectFailure('110105491231X02', 'INVALID_CHARACTER', '15 位', '第 13 位');
  });

  it('is also accepted full-width, and through the schema', () => {
    expect(parseResidentId('１１０１０５４９１２３１００２', TODAY)).toMatchObject({ ok: true, value: { id: SAMPLE } });
    expect(residentIdSchema.parse('110105491231002')).toBe(SAMPLE);
  });
});

describe('parseResidentId: every failure has its own code and a precise Chinese message', () => {
  it('empty input', () => {
    expectFailure('', 'EMPTY', '请填写身份证号码');
    expectFailure('   ', 'EMPTY', '请填写身份证号码');
  });

  it('wrong length says how many characters were typed', () => {
    expectFailure('11010519491231002', 'LENGTH', '18 位', '当前输入了 17 位');
    expectFailure('11010519491231002X1', 'LENGTH', '当前输入了 19 位');
    expectFailure('1101051949123', 'LENGTH', '当前输入了 13 位');
  });

  it('non-digit characters name the position and the character', () => {
    expectFailure('11010519491231002A', 'INVALID_CHARACTER', '第 18 位“A”不是数字');
    expectFailure('110105-19491231002X', 'INVALID_CHARACTER', '第 7 位“-”');
    expectFailure('1101O519491231002X', 'INVALID_CHARACTER', '第 5 位“O”', '数字 0');
    expectFailure('张三', 'INVALID_CHARACTER', '第 1 位“张”');
  });

  it('X anywhere but the last position', () => {
    expectFailure('110105X9491231002X', 'INVALID_CHARACTER', 'X 只能出现在最后一位', '第 7 位');
  });

  it('impossible birth dates', () => {
    expectFailure(withCheck('11010519990230001'), 'BIRTH_DATE_INVALID', '“19990230”', '1999 年 2 月只有 28 天，没有 30 日');
    expectFailure(withCheck('11010519991301001'), 'BIRTH_DATE_INVALID', '“19991301”', '月份“13”不存在');
    expectFailure(withCheck('11010519990001001'), 'BIRTH_DATE_INVALID', '月份“00”不存在');
    expectFailure(withCheck('11010519990100001'), 'BIRTH_DATE_INVALID', '日“00”不存在');
    expectFailure(withCheck('11010519990431001'), 'BIRTH_DATE_INVALID', '4 月只有 30 天');
    expectFailure(withCheck('11010519000229001'), 'BIRTH_DATE_INVALID', '1900 年 2 月只有 28 天'); // 1900 is no leap year
  });

  it('birth date in the future or before 1900', () => {
    expectFailure(withCheck('11010520260521001'), 'BIRTH_DATE_FUTURE', '2026-05-21', '晚于今天（2026-05-20）');
    expectFailure(withCheck('11010518991231001'), 'BIRTH_DATE_TOO_EARLY', '1899-12-31', '早于 1900 年');
  });

  it('wrong check character says which character was expected', () => {
    expectFailure('110105194912310021', 'CHECK_CHAR', '校验位应为 X', '第 18 位是 1');
    const good = withCheck('50011819900307123');
    const wrong = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    expectFailure(wrong, 'CHECK_CHAR', `校验位应为 ${good[17]}`, '不要只改最后一位');
  });

  it('area codes that are not a GB/T 2260 province', () => {
    for (const prefix of ['00', '10', '16', '20', '24', '30', '38', '40', '47', '55', '60', '66', '70', '72', '80', '84'])
      expectFailure(withCheck(`${prefix}010519900101001`), 'AREA_CODE', `前两位“${prefix}”`, 'GB/T 2260');
  });

  it('numbers of other documents point the clerk to the right document type', () => {
    expectFailure(withCheck('81000019900101001'), 'OTHER_DOCUMENT_TYPE', '港澳台居民居住证');
    expectFailure(withCheck('82000019900101001'), 'OTHER_DOCUMENT_TYPE', '港澳台居民居住证');
    expectFailure(withCheck('83000019900101001'), 'OTHER_DOCUMENT_TYPE', '港澳台居民居住证');
    expectFailure(withCheck('91115619900101001'), 'OTHER_DOCUMENT_TYPE', '外国人永久居留身份证');
  });

  it('accepts every mainland province prefix, Taiwan province (71) and the pre-1988 / pre-1997 ones', () => {
    for (const prefix of ['11', '15', '23', '37', '44', '46', '50', '51', '54', '65', '71'])
      expect(parseResidentId(withCheck(`${prefix}010219900101001`), TODAY).ok, prefix).toBe(true);
  });
});

describe('maskResidentId', () => {
  it('keeps the first 6 and last 4 characters of an 18-character number', () => {
    expect(maskResidentId('500118199003071234')).toBe('500118********1234');
    expect(maskResidentId(SAMPLE)).toBe('110105********002X');
  });

  it('normalises first, so masks of the same number look the same', () => {
    expect(maskResidentId(' 11010519491231002x')).toBe('110105********002X');
  });

  it('masks a 15-digit number the same way and short input entirely', () => {
    expect(maskResidentId('110105491231002')).toBe('110105*****1002');
    expect(maskResidentId('1234567890')).toBe('**********');
    expect(maskResidentId('')).toBe('');
  });
});

describe('residentIdSchema', () => {
  it('yields the normalised number', () => {
    expect(residentIdSchema.parse(' 11010519491231002x ')).toBe(SAMPLE);
  });

  it('fails with the Chinese message', () => {
    const r = residentIdSchema.safeParse('110105194912310021');
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toContain('校验位应为 X');
  });

  it('rejects a birth date after the real today', () => {
    expect(residentIdSchema.safeParse(withCheck('11010521000101001')).success).toBe(false);
  });

  it('rejects non-strings', () => {
    expect(residentIdSchema.safeParse(110105).success).toBe(false);
  });
});
