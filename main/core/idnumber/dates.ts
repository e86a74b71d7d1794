// Calendar helpers on plain 'YYYY-MM-DD' strings: birth dates are calendar days, not instants,
// so no time zone ever enters.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

export const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

export const daysInMonth = (year: number, month: number): number =>
  month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1]!;

/** Checks an 8-digit YYYYMMDD date as printed in ID numbers; the reason says in Chinese what is wrong. */
export function checkCompactDate(yyyymmdd: string): { ok: true; iso: string } | { ok: false; reason: string } {
  if (!/^\d{8}$/.test(yyyymmdd)) return { ok: false, reason: '应为 8 位数字' };
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  if (month < 1 || month > 12) return { ok: false, reason: `月份“${yyyymmdd.slice(4, 6)}”不存在` };
  if (day < 1) return { ok: false, reason: `日“${yyyymmdd.slice(6, 8)}”不存在` };
  const days = daysInMonth(year, month);
  if (day > days) return { ok: false, reason: `${year} 年 ${month} 月只有 ${days} 天，没有 ${day} 日` };
  return { ok: true, iso: `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}` };
}

/** Today's date on this computer's calendar (the service window's local day). */
export function localTodayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function splitIsoDate(date: string, what: string): [number, number, number] {
  const m = ISO_DATE.exec(date);
  if (!m) throw new RangeError(`${what} must be YYYY-MM-DD, got "${date}"`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/**
 * Age in full years (周岁) on a date. A birthday counts on the day itself: someone born on
 * 2004-05-20 is 22 on 2026-05-20. Someone born on 29 February becomes a year older on 1 March in
 * a non-leap year (on 28 February they have not yet passed their birthday) — China's practice.
 * Both dates are 'YYYY-MM-DD'; a date before the birth date is a programming error and throws.
 */
export function ageOn(birthDate: string, onDate: string): number {
  const [by, bm, bd] = splitIsoDate(birthDate, 'birthDate');
  const [oy, om, od] = splitIsoDate(onDate, 'onDate');
  if (onDate < birthDate) throw new RangeError(`onDate ${onDate} is before birthDate ${birthDate}`);
  // Comparing (month, day) pairs gives the 1 March rule by itself: (2, 28) < (2, 29) < (3, 1).
  const birthdayNotYetReached = om < bm || (om === bm && od < bd);
  return oy - by - (birthdayNotYetReached ? 1 : 0);
}
