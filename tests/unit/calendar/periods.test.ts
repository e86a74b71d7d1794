// Arts. 201 + 203 and the two divorce windows on the real calendar (chinese-days data).
// Weekdays are written next to each date so a reviewer can check them against a printed calendar.
import { describe, expect, it } from 'vitest';
import { divorceStageOn, divorceWindows, periodEnd } from '../../../main/core/calendar/periods';
import { calendarCoverage, createCalendar, officialCalendar as cal } from '../../../main/core/calendar/workdays';

describe('periodEnd: the event day is not counted (Art. 201)', () => {
  it('receipt Mon 2025-06-02 → 30 days end Wed 2025-07-02, not extended', () => {
    expect(periodEnd('2025-06-02', 30, cal)).toEqual({
      startEvent: '2025-06-02',
      days: 30,
      nominalEnd: '2025-07-02',
      end: '2025-07-02',
      extended: false,
      provisional: false,
      warnings: [],
    });
  });
  it('refuses a non-positive length', () => {
    expect(() => periodEnd('2025-06-02', 0, cal)).toThrow();
  });
});

describe('periodEnd: a last day on a rest day moves to the next working day (Art. 203)', () => {
  it('nominal Sat 2025-10-04 inside National Day 2025 (10-01…10-08) → Thu 2025-10-09', () => {
    const p = periodEnd('2025-09-04', 30, cal);
    expect(p).toMatchObject({ nominalEnd: '2025-10-04', end: '2025-10-09', extended: true, provisional: false });
    expect(p.reason).toBe('届满日 2025-10-04 为国庆节假期，顺延至 2025-10-09');
  });
  it('nominal Wed 2025-10-08, a weekday inside the holiday → Thu 2025-10-09', () => {
    expect(periodEnd('2025-09-08', 30, cal)).toMatchObject({ nominalEnd: '2025-10-08', end: '2025-10-09', extended: true });
  });
  it('ordinary Sat 2025-07-05 → Mon 2025-07-07', () => {
    const p = periodEnd('2025-06-05', 30, cal);
    expect(p).toMatchObject({ nominalEnd: '2025-07-05', end: '2025-07-07', extended: true });
    expect(p.reason).toBe('届满日 2025-07-05 为周末（星期六），顺延至 2025-07-07');
  });
  it('adjusted working Sun 2025-09-28 → not extended', () => {
    expect(periodEnd('2025-08-29', 30, cal)).toMatchObject({ nominalEnd: '2025-09-28', end: '2025-09-28', extended: false });
  });
  it('Sat 2025-09-27, followed by the adjusted working Sun 2025-09-28 → ends Sun 2025-09-28', () => {
    expect(periodEnd('2025-08-28', 30, cal)).toMatchObject({ nominalEnd: '2025-09-27', end: '2025-09-28', extended: true });
  });
  it('Spring Festival 2026 (rest Sun 02-15…Mon 02-23): nominal Tue 2026-02-17 → Tue 2026-02-24', () => {
    const p = periodEnd('2026-01-18', 30, cal);
    expect(p).toMatchObject({ nominalEnd: '2026-02-17', end: '2026-02-24', extended: true });
    expect(p.reason).toBe('届满日 2026-02-17 为春节假期，顺延至 2026-02-24');
  });
  it('Spring Festival 2026: adjusted working Sat 2026-02-14 and Sat 2026-02-28 → not extended', () => {
    expect(periodEnd('2026-01-15', 30, cal)).toMatchObject({ nominalEnd: '2026-02-14', end: '2026-02-14', extended: false });
    expect(periodEnd('2026-01-29', 30, cal)).toMatchObject({ nominalEnd: '2026-02-28', end: '2026-02-28', extended: false });
  });
  it('Labour Day 2026 (rest Fri 05-01…Tue 05-05): nominal Fri 2026-05-01 → Wed 2026-05-06', () => {
    const p = periodEnd('2026-04-01', 30, cal);
    expect(p).toMatchObject({ nominalEnd: '2026-05-01', end: '2026-05-06', extended: true });
    expect(p.reason).toBe('届满日 2026-05-01 为劳动节假期，顺延至 2026-05-06');
  });
  it('Labour Day 2026: adjusted working Sat 2026-05-09 → not extended', () => {
    expect(periodEnd('2026-04-09', 30, cal)).toMatchObject({ nominalEnd: '2026-05-09', end: '2026-05-09', extended: false });
  });
});

describe('divorceWindows', () => {
  it('receipt 2025-06-02: withdrawal 06-03…07-02, certificate 07-03…Fri 08-01, deemed withdrawn from 08-02', () => {
    const w = divorceWindows('2025-06-02', cal);
    expect(w.withdrawal).toEqual({ from: '2025-06-03', to: '2025-07-02', nominalTo: '2025-07-02' });
    expect(w.certificate).toEqual({ from: '2025-07-03', to: '2025-08-01', nominalTo: '2025-08-01' });
    expect(w.deemedWithdrawnFrom).toBe('2025-08-02');
    expect(w.certificateCountedFrom).toBe('extendedEnd');
    expect(w.provisional).toBe(false);
  });
  it('receipt 2025-09-04: window 1 extended to 10-09 (National Day); window 2 counted from it ends Sat 11-08 → Mon 11-10', () => {
    const w = divorceWindows('2025-09-04', cal);
    expect(w.withdrawal).toEqual({
      from: '2025-09-05',
      to: '2025-10-09',
      nominalTo: '2025-10-04',
      extendedBecause: '届满日 2025-10-04 为国庆节假期，顺延至 2025-10-09',
    });
    expect(w.certificate).toEqual({
      from: '2025-10-10',
      to: '2025-11-10',
      nominalTo: '2025-11-08',
      extendedBecause: '届满日 2025-11-08 为周末（星期六），顺延至 2025-11-10',
    });
    expect(w.deemedWithdrawnFrom).toBe('2025-11-11');
  });
  it('policy "nominalEnd": window 2 counted from 10-04 ends Mon 2025-11-03, still opening 10-10', () => {
    const w = divorceWindows('2025-09-04', cal, { certificateCountedFrom: 'nominalEnd' });
    expect(w.certificate).toEqual({ from: '2025-10-10', to: '2025-11-03', nominalTo: '2025-11-03' });
    expect(w.deemedWithdrawnFrom).toBe('2025-11-04');
  });
});

describe('divorceStageOn (receipt 2025-09-04)', () => {
  const stage = (today: string) => divorceStageOn('2025-09-04', today, cal);
  it('receipt day: cooling off, 35 days left to 2025-10-09', () => {
    expect(stage('2025-09-04')).toMatchObject({ stage: 'coolingOff', windowEnd: '2025-10-09', daysLeft: 35 });
  });
  it('nominal day 30 (2025-10-04, holiday): still cooling off', () => {
    expect(stage('2025-10-04')).toMatchObject({
      stage: 'coolingOff',
      daysLeft: 5,
      label: '离婚冷静期，剩余 5 天（至 2025-10-09）',
    });
  });
  it('last day of window 1 (2025-10-09)', () => {
    expect(stage('2025-10-09')).toMatchObject({
      stage: 'coolingOff',
      daysLeft: 0,
      label: '离婚冷静期，今日为最后一天（2025-10-09）',
    });
  });
  it('first day of window 2 (2025-10-10): 31 days left to 2025-11-10', () => {
    expect(stage('2025-10-10')).toMatchObject({ stage: 'awaitingCertificate', windowEnd: '2025-11-10', daysLeft: 31 });
  });
  it('last day of window 2 (2025-11-10)', () => {
    expect(stage('2025-11-10')).toMatchObject({ stage: 'awaitingCertificate', daysLeft: 0 });
  });
  it('the day after window 2 (2025-11-11): deemed withdrawn', () => {
    expect(stage('2025-11-11')).toMatchObject({
      stage: 'deemedWithdrawn',
      windowEnd: null,
      daysLeft: null,
      label: '未在期限内申请发给离婚证，自 2025-11-11 起视为撤回离婚登记申请',
    });
  });
  it('a day before receipt is refused', () => {
    expect(() => stage('2025-09-03')).toThrow(/早于受理日期/);
  });
});

describe('beyond the holiday data and with overrides', () => {
  it('2028 (not in the data): provisional, with the Chinese warning; Sat 2028-10-07 → Mon 2028-10-09 by the weekend rule only', () => {
    expect(calendarCoverage().lastYear, 'the package now covers 2028: re-check this case').toBeLessThan(2028);
    const p = periodEnd('2028-09-07', 30, cal);
    expect(p).toMatchObject({ nominalEnd: '2028-10-07', end: '2028-10-09', provisional: true });
    expect(p.warnings).toEqual(['2028 年国务院节假日安排尚未收录，结果按周末推算，请核对']);
    const w = divorceWindows('2028-09-07', cal);
    expect(w.provisional).toBe(true);
    expect(w.warnings).toEqual(['2028 年国务院节假日安排尚未收录，结果按周末推算，请核对']);
    expect(divorceStageOn('2028-09-07', '2028-09-08', cal).provisional).toBe(true);
  });
  it('a window of a covered year ending in the next, uncovered year is provisional', () => {
    const last = calendarCoverage().lastYear;
    const w = divorceWindows(`${last}-11-20`, cal);
    expect(periodEnd(`${last}-11-20`, 30, cal).provisional).toBe(false); // window 1 ends before the December tail
    expect(w.provisional).toBe(true); // window 2 ends in January of the uncovered year
    expect(w.warnings.some((m) => m.startsWith(`${last + 1} 年国务院节假日安排尚未收录`))).toBe(true);
  });
  it('an override making Wed 2025-07-02 a holiday extends the period to Thu 2025-07-03', () => {
    const office = createCalendar({
      overrides: [{ date: '2025-07-02', kind: 'holiday', name: '测试假日', source: '示例通知（测试用）' }],
    });
    expect(periodEnd('2025-06-02', 30, office)).toMatchObject({
      end: '2025-07-03',
      extended: true,
      reason: '届满日 2025-07-02 为测试假日假期，顺延至 2025-07-03',
    });
    expect(periodEnd('2025-06-02', 30, cal).end).toBe('2025-07-02');
  });
  it('entering a future year in full removes the provisional flag', () => {
    const office = createCalendar({
      overrides: [{ date: '2028-10-09', kind: 'holiday', name: '国庆节', source: '示例通知（测试用）' }],
      fullyEnteredYears: [2027, 2028],
    });
    expect(periodEnd('2028-09-07', 30, office)).toMatchObject({ end: '2028-10-10', provisional: false, warnings: [] });
  });
});
