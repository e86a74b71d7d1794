// Working-day calendar against the real State Council arrangements held by `chinese-days`.
// Every date below can be checked by hand against the notices (国办发明电) or the package's
// dist/chinese-days.json.
import { describe, expect, it } from 'vitest';
import { officialDays } from '../../../main/core/calendar/holidayData';
import {
  calendarCoverage,
  createCalendar,
  describeDay,
  isRestDay,
  isWorkingDay,
  nextWorkingDayOnOrAfter,
  officialCalendar,
} from '../../../main/core/calendar/workdays';

describe('coverage of the holiday data', () => {
  it('chinese-days holds the notices for 2004 through 2026 (at least)', () => {
    const c = calendarCoverage();
    expect(c.firstYear).toBe(2004);
    expect(c.lastYear).toBeGreaterThanOrEqual(2026);
    expect(c.years).toEqual(Array.from({ length: c.lastYear - 2003 }, (_, i) => 2004 + i));
    expect(c.source).toMatch(/^chinese-days \d+\.\d+\.\d+/);
  });
});

describe('2025 National Day + Mid-Autumn: rest 2025-10-01…10-08, worked Sun 2025-09-28 and Sat 2025-10-11', () => {
  it('weekdays inside the holiday are rest days', () => {
    for (const d of ['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-06', '2025-10-07', '2025-10-08']) {
      expect(isRestDay(d), d).toBe(true);
      expect(isWorkingDay(d), d).toBe(false);
    }
  });
  it('the adjusted weekend days are working days', () => {
    expect(isWorkingDay('2025-09-28')).toBe(true); // Sunday
    expect(isWorkingDay('2025-10-11')).toBe(true); // Saturday
    expect(officialCalendar.dayInfo('2025-09-28')).toMatchObject({ kind: 'adjustedWorkday', name: '国庆节', provisional: false });
  });
  it('describes days in Chinese', () => {
    expect(describeDay('2025-10-01')).toBe('法定节假日：国庆节');
    expect(describeDay('2025-10-06')).toBe('法定节假日：中秋节'); // the package names Mid-Autumn day inside the break
    expect(describeDay('2025-09-28')).toBe('调休上班日');
    expect(describeDay('2025-10-09')).toBe('工作日'); // Thursday
    expect(describeDay('2025-07-05')).toBe('周末'); // ordinary Saturday
  });
  it('the next working day after 2025-10-01 is Thursday 2025-10-09; a working day is its own answer', () => {
    expect(nextWorkingDayOnOrAfter('2025-10-01')).toBe('2025-10-09');
    expect(nextWorkingDayOnOrAfter('2025-09-28')).toBe('2025-09-28');
    expect(nextWorkingDayOnOrAfter('2025-07-05')).toBe('2025-07-07');
  });
});

describe('the package data read directly', () => {
  it('lists the 2026 Spring Festival (02-15…02-23, worked Sat 02-14 and 02-28) and Labour Day (05-01…05-05, worked Sat 05-09)', () => {
    for (let d = 15; d <= 23; d++) expect(officialDays.get(`2026-02-${d}`), `02-${d}`).toEqual({ kind: 'holiday', name: '春节' });
    expect(officialDays.get('2026-02-14')).toEqual({ kind: 'workday', name: '春节' });
    expect(officialDays.get('2026-02-28')).toEqual({ kind: 'workday', name: '春节' });
    expect(officialDays.get('2026-02-24')).toBeUndefined();
    for (let d = 1; d <= 5; d++)
      expect(officialDays.get(`2026-05-0${d}`), `05-0${d}`).toEqual({ kind: 'holiday', name: '劳动节' });
    expect(officialDays.get('2026-05-09')).toEqual({ kind: 'workday', name: '劳动节' });
  });
  it('invalid dates are refused, not rolled over', () => {
    expect(() => isWorkingDay('2025-02-29')).toThrow(/YYYY-MM-DD/);
    expect(() => isWorkingDay('2025-9-28')).toThrow(/YYYY-MM-DD/);
  });
});

describe('beyond the data', () => {
  it('a year after coverage follows the weekend rule and is flagged provisional', () => {
    const year = calendarCoverage().lastYear + 1;
    const info = officialCalendar.dayInfo(`${year}-10-04`);
    expect(info.provisional).toBe(true);
    expect(info.source).toBe('按周末推算');
    expect(info.warning).toBe(`${year} 年国务院节假日安排尚未收录，结果按周末推算，请核对`);
    expect(info.description).toMatch(/（推算）$/);
  });
  it('the last week of December of the last covered year is provisional: the next New Year notice may move it', () => {
    const last = calendarCoverage().lastYear;
    expect(officialCalendar.dayInfo(`${last}-12-24`).provisional).toBe(false);
    expect(officialCalendar.dayInfo(`${last}-12-28`)).toMatchObject({
      provisional: true,
      warning: `${last + 1} 年国务院节假日安排尚未收录，${last} 年 12 月末可能因元旦调休而变动，请核对`,
    });
    expect(officialCalendar.dayInfo('2018-12-29')).toMatchObject({ kind: 'adjustedWorkday', provisional: false }); // moved by 元旦 2019
  });
});

describe('local overrides', () => {
  const notice = '示例：某通知（测试用，非真实文号）';
  it('win over the package and can enter a whole future year', () => {
    const cal = createCalendar({
      overrides: [
        { date: '2025-07-02', kind: 'holiday', name: '测试假日', source: notice },
        { date: '2025-10-04', kind: 'workday', name: '国庆节', source: notice },
      ],
    });
    expect(cal.describeDay('2025-07-02')).toBe('法定节假日：测试假日');
    expect(cal.dayInfo('2025-07-02').source).toBe(notice);
    expect(cal.isWorkingDay('2025-10-04')).toBe(true);
    expect(cal.describeDay('2025-10-04')).toBe('调休上班日');
    expect(isWorkingDay('2025-07-02')).toBe(true); // the official calendar is untouched
  });
  it('a fully entered year counts as covered', () => {
    const next = calendarCoverage().lastYear + 1;
    const cal = createCalendar({
      overrides: [{ date: `${next}-01-01`, kind: 'holiday', name: '元旦', source: notice }],
      fullyEnteredYears: [next],
    });
    expect(cal.calendarCoverage().lastYear).toBe(next);
    expect(cal.dayInfo(`${next}-03-03`).provisional).toBe(false);
  });
  it('are checked', () => {
    expect(() => createCalendar({ overrides: [{ date: '2025-13-01', kind: 'holiday', name: 'x', source: 'y' }] })).toThrow();
    expect(() => createCalendar({ overrides: [{ date: '2025-10-01', kind: 'holiday', name: ' ', source: 'y' }] })).toThrow(
      /名称和依据/,
    );
    const twice = { date: '2025-10-01', kind: 'holiday' as const, name: 'x', source: 'y' };
    expect(() => createCalendar({ overrides: [twice, twice] })).toThrow(/重复/);
  });
});
