// The official holiday arrangements (国务院办公厅关于部分节假日安排的通知), as published data from the
// `chinese-days` package: which dates are holidays (放假) and which weekend dates are worked (调休上班).
//
// We read the package's pre-built JSON rather than calling its functions: its isWorkday /
// getDayDetail parse 'YYYY-MM-DD' as UTC midnight and then read the local date, so west of UTC
// (e.g. TZ=America/New_York) they answer for the previous day. The JSON is plain data and has no
// time zone.

import packageData from 'chinese-days/dist/chinese-days.json';
import packageInfo from 'chinese-days/package.json';
import type { CivilDate } from './civilDate';

/** One entry of the official arrangement for one date. */
export interface OfficialDay {
  /** 'holiday' = 放假 (rest day, also when it falls on a weekday); 'workday' = 调休上班 (worked weekend day). */
  kind: 'holiday' | 'workday';
  /** Chinese holiday name, e.g. 国庆节, 春节, 中秋节. */
  name: string;
}

// The package writes 'English name,中文名,days'; its Chinese short names are expanded for display.
const displayName: Record<string, string> = { 清明: '清明节', 端午: '端午节', 中秋: '中秋节' };

function chineseName(entry: string): string {
  const short = entry.split(',')[1] ?? entry;
  return displayName[short] ?? short;
}

function load(): Map<CivilDate, OfficialDay> {
  const days = new Map<CivilDate, OfficialDay>();
  const data = packageData as { holidays: Record<string, string>; workdays: Record<string, string> };
  for (const [date, entry] of Object.entries(data.holidays)) days.set(date, { kind: 'holiday', name: chineseName(entry) });
  for (const [date, entry] of Object.entries(data.workdays)) days.set(date, { kind: 'workday', name: chineseName(entry) });
  return days;
}

/** Every date the package lists, with its kind and holiday name. Dates not listed follow the weekend rule. */
export const officialDays: ReadonlyMap<CivilDate, OfficialDay> = load();

/**
 * Years whose arrangement the package holds. Every year has a New Year's Day holiday on 1 January,
 * so a year counts as held when its 1 January is listed.
 */
export const officialYears: readonly number[] = [...officialDays.keys()]
  .filter((date) => date.endsWith('-01-01'))
  .map((date) => Number(date.slice(0, 4)))
  .sort((a, b) => a - b);

export const officialSource = `chinese-days ${packageInfo.version}`;
