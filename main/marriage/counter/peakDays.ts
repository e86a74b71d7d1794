// Peak days (高峰日) of the registry: 2·14, 5·20, 9·9 … fixed on the Gregorian calendar, 七夕 on the
// lunar one (7th day of the 7th lunar month), and one-off dates. The rules are data (table
// marriage_peak_rules); this file only knows how to match a date against one.
//
// Lunar conversion comes from `chinese-days`. Its getLunarDate('YYYY-MM-DD') returns the right lunar
// month and day for the date given in every time zone we tried (UTC−5 … UTC+14), but its own
// `date` field is shifted west of UTC, so only the lunar fields are read and the date we passed in
// is the answer.
import { getLunarDate } from 'chinese-days';
import { addDays } from '../../core/calendar/civilDate';
import type { PeakRuleKind } from './contract';

export interface PeakRuleLike {
  kind: PeakRuleKind;
  month_day: string | null;
  date: string | null;
}

/** Whether `date` ('YYYY-MM-DD') is the lunar month-day `monthDay` ('07-07'), leap months excluded. */
export function isLunarMonthDay(date: string, monthDay: string): boolean {
  const l = getLunarDate(date);
  const [m, d] = monthDay.split('-').map(Number);
  return !l.isLeap && l.lunarMon === m && l.lunarDay === d;
}

export function ruleMatches(rule: PeakRuleLike, date: string): boolean {
  switch (rule.kind) {
    case 'fixed':
      return rule.month_day === date.slice(5);
    case 'date':
      return rule.date === date;
    case 'lunar':
      return rule.month_day !== null && isLunarMonthDay(date, rule.month_day);
  }
}

/** The next date on or after `from` the rule falls on (within 400 days), or null. */
export function nextOccurrence(rule: PeakRuleLike, from: string): string | null {
  if (rule.kind === 'date') return rule.date !== null && rule.date >= from ? rule.date : null;
  for (let i = 0, d = from; i < 400; i++, d = addDays(d, 1)) if (ruleMatches(rule, d)) return d;
  return null;
}

/** 七夕 of a Gregorian year, e.g. 2026 → 2026-08-19. */
export function qixiOf(year: number): string {
  const found = nextOccurrence({ kind: 'lunar', month_day: '07-07', date: null }, `${year}-07-01`);
  if (!found || !found.startsWith(String(year))) throw new Error(`no 七夕 found in ${year}`);
  return found;
}
