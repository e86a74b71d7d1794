import { assertCivilDate, type CivilDate } from '../../core/calendar/civilDate';
import { daysInMonth } from '../../core/idnumber/dates';

// Use periods and storage terms count whole years or months from a calendar date. A date that does
// not exist in the target month (29 February, 31 April) falls on that month's last day.

export function addMonths(date: CivilDate, months: number): CivilDate {
  assertCivilDate(date);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const day = Math.min(d, daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export const addYears = (date: CivilDate, years: number): CivilDate => addMonths(date, years * 12);
