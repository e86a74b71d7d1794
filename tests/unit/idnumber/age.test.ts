import { describe, expect, it } from 'vitest';
import { ageOn, checkCompactDate, localTodayIso } from '../../../main/core/idnumber/dates';
import { parseResidentId } from '../../../main/core/idnumber/residentId';
import { referenceCheckChar } from './gb11643';

// Legal marriage age (民法典 Art. 1047) is judged on the registration date: man ≥ 22, woman ≥ 20.
const MAN = 22;
const WOMAN = 20;

describe('ageOn: full years (周岁), the birthday counting on the day itself', () => {
  it('a man turns 22 exactly on his birthday, not the day before', () => {
    expect(ageOn('2004-05-20', '2026-05-19')).toBe(21);
    expect(ageOn('2004-05-20', '2026-05-20')).toBe(MAN);
    expect(ageOn('2004-05-20', '2026-05-21')).toBe(22);
  });

  it('a woman turns 20 exactly on her birthday', () => {
    expect(ageOn('2006-01-01', '2025-12-31')).toBe(19);
    expect(ageOn('2006-01-01', '2026-01-01')).toBe(WOMAN);
  });

  it('across a month boundary: born 31 December, registering 1 January', () => {
    expect(ageOn('2003-12-31', '2025-12-30')).toBe(21);
    expect(ageOn('2003-12-31', '2025-12-31')).toBe(22);
    expect(ageOn('2003-12-31', '2026-01-01')).toBe(22);
  });

  it('someone born on 29 February becomes a year older on 1 March in a non-leap year', () => {
    expect(ageOn('2004-02-29', '2026-02-28')).toBe(21);
    expect(ageOn('2004-02-29', '2026-03-01')).toBe(22);
    // …and on 29 February itself in a leap year.
    expect(ageOn('2004-02-29', '2028-02-28')).toBe(23);
    expect(ageOn('2004-02-29', '2028-02-29')).toBe(24);
  });

  it('is 0 on the day of birth and throws for a date before it or a malformed date', () => {
    expect(ageOn('2026-05-20', '2026-05-20')).toBe(0);
    expect(() => ageOn('2026-05-20', '2026-05-19')).toThrow(RangeError);
    expect(() => ageOn('20040520', '2026-05-20')).toThrow(RangeError);
  });

  it('works from a parsed ID number: a man born 2004-05-20 may register on 2026-05-20', () => {
    const first17 = '50011820040520123'; // sequence 123: odd, male
    const parsed = parseResidentId(first17 + referenceCheckChar(first17), '2026-05-20');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.sex).toBe('male');
    expect(ageOn(parsed.value.birthDate, '2026-05-20') >= MAN).toBe(true);
    expect(ageOn(parsed.value.birthDate, '2026-05-19') >= MAN).toBe(false);
  });
});

describe('checkCompactDate and localTodayIso', () => {
  it('knows leap years by the Gregorian rule', () => {
    expect(checkCompactDate('20000229')).toEqual({ ok: true, iso: '2000-02-29' });
    expect(checkCompactDate('19000229').ok).toBe(false);
    expect(checkCompactDate('20240229').ok).toBe(true);
    expect(checkCompactDate('20230229').ok).toBe(false);
  });

  it('formats the local calendar day', () => {
    expect(localTodayIso(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});
