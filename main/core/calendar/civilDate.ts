// Plain calendar dates in China, written 'YYYY-MM-DD'. A registration date is a day on the wall
// calendar of the registry, not an instant: it must read the same on a clerk's PC in UTC+8 and on
// a CI machine in UTC. So dates are never JS Date objects in local time here; arithmetic runs on
// day numbers (days since 1970-01-01), and Date is used only through its UTC functions.

import { ServiceError } from '../errors';

/** A calendar date 'YYYY-MM-DD' (proleptic Gregorian, no time, no zone). */
export type CivilDate = string;

const DAY_MS = 86_400_000;
const PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 for a valid 'YYYY-MM-DD'; throws INVALID_INPUT otherwise (e.g. 2025-02-30). */
export function toDayNumber(date: CivilDate): number {
  const m = PATTERN.exec(date);
  if (m) {
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const ms = Date.UTC(year, month - 1, day);
    const back = new Date(ms);
    if (back.getUTCFullYear() === year && back.getUTCMonth() === month - 1 && back.getUTCDate() === day) return ms / DAY_MS;
  }
  throw new ServiceError('INVALID_INPUT', `日期应为有效的 YYYY-MM-DD 格式：${date}`);
}

export function fromDayNumber(n: number): CivilDate {
  const d = new Date(n * DAY_MS);
  const pad = (v: number, w: number) => String(v).padStart(w, '0');
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
}

export const assertCivilDate = (date: CivilDate): void => void toDayNumber(date);

export const addDays = (date: CivilDate, days: number): CivilDate => fromDayNumber(toDayNumber(date) + days);

/** Calendar days from `from` to `to` (0 for the same day, negative when `to` is earlier). */
export const daysBetween = (from: CivilDate, to: CivilDate): number => toDayNumber(to) - toDayNumber(from);

/** 0 = Sunday … 6 = Saturday. 1970-01-01 was a Thursday. */
export const weekday = (date: CivilDate): number => (((toDayNumber(date) + 4) % 7) + 7) % 7;

export const isWeekend = (date: CivilDate): boolean => {
  const w = weekday(date);
  return w === 0 || w === 6;
};

export const weekdayName = (date: CivilDate): string => `星期${'日一二三四五六'[weekday(date)]}`;

export const yearOf = (date: CivilDate): number => Number(date.slice(0, 4));
