// Working-day calendar for period counting (Civil Code Art. 203): which dates are statutory rest
// days or holidays (法定休假日) and which are working days, per the State Council's yearly holiday
// notice. Holidays are data (package `chinese-days`, plus local overrides), never rules in code:
//  - a weekday inside the official holiday period is a rest day (e.g. 2025-10-08);
//  - a weekend day named in the notice as a working day (调休上班) is a working day (e.g. 2025-09-28);
//  - any other Saturday or Sunday is a rest day, any other weekday a working day.
// For a year whose notice is not in the data, the weekend rule alone is a guess: such days are
// flagged provisional with a Chinese warning, never silently treated as settled.

import { ServiceError } from '../errors';
import { addDays, assertCivilDate, isWeekend, yearOf, type CivilDate } from './civilDate';
import { officialDays, officialSource, officialYears } from './holidayData';

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'adjustedWorkday';

/** A date entered by the office, e.g. from a newly published State Council notice. Overrides win over the package. */
export interface CalendarOverride {
  date: CivilDate;
  /** 'holiday' = rest day (放假); 'workday' = working day (调休上班 when on a weekend). */
  kind: 'holiday' | 'workday';
  /** Holiday name, e.g. 国庆节. */
  name: string;
  /** Where it comes from, e.g. the notice's document number 国办发明电〔2026〕X号. */
  source: string;
}

export interface CalendarOptions {
  overrides?: readonly CalendarOverride[];
  /**
   * Years whose whole State Council notice has been entered as `overrides`: days of these years
   * are then no longer provisional. Entering a few dates alone does not make a year complete.
   */
  fullyEnteredYears?: readonly number[];
}

export interface DayInfo {
  date: CivilDate;
  kind: DayKind;
  working: boolean;
  /** Holiday name for holidays and adjusted working days, e.g. 国庆节. */
  name?: string;
  /** 工作日 / 周末 / 法定节假日：国庆节 / 调休上班日, with （推算） appended when provisional. */
  description: string;
  /** The package and version, the override's source, or 按周末推算. */
  source: string;
  /** True when the year's holiday notice is not in the data and the answer follows the weekend rule only. */
  provisional: boolean;
  warning?: string;
}

export interface CalendarCoverage {
  firstYear: number;
  lastYear: number;
  /** Every covered year: the package's years plus `fullyEnteredYears`. */
  years: number[];
  source: string;
}

export interface WorkCalendar {
  dayInfo(date: CivilDate): DayInfo;
  isWorkingDay(date: CivilDate): boolean;
  isRestDay(date: CivilDate): boolean;
  /** The date itself when it is a working day, else the first working day after it. */
  nextWorkingDayOnOrAfter(date: CivilDate): CivilDate;
  describeDay(date: CivilDate): string;
  calendarCoverage(): CalendarCoverage;
}

// The next year's notice may move the last days of December (元旦 2019 took 2018-12-29…31, 元旦
// 2023 took 2022-12-31), so these stay provisional until the next year is covered.
const DECEMBER_TAIL_FROM = '-12-25';

function checkOverrides(overrides: readonly CalendarOverride[]): Map<CivilDate, CalendarOverride> {
  const byDate = new Map<CivilDate, CalendarOverride>();
  for (const o of overrides) {
    assertCivilDate(o.date);
    if (o.kind !== 'holiday' && o.kind !== 'workday')
      throw new ServiceError('INVALID_INPUT', `节假日调整 ${o.date} 的类型应为 holiday 或 workday`);
    if (!o.name.trim() || !o.source.trim())
      throw new ServiceError('INVALID_INPUT', `节假日调整 ${o.date} 须填写名称和依据（如通知文号）`);
    if (byDate.has(o.date)) throw new ServiceError('INVALID_INPUT', `节假日调整中 ${o.date} 重复`);
    byDate.set(o.date, o);
  }
  return byDate;
}

export function createCalendar(options: CalendarOptions = {}): WorkCalendar {
  const overrides = checkOverrides(options.overrides ?? []);
  const covered = new Set([...officialYears, ...(options.fullyEnteredYears ?? [])]);
  const years = [...covered].sort((a, b) => a - b);
  const coverage: CalendarCoverage = { firstYear: years[0]!, lastYear: years[years.length - 1]!, years, source: officialSource };

  /** Why an unlisted date is only a guess, or undefined when its year's notice is known. */
  function coverageWarning(date: CivilDate): string | undefined {
    const year = yearOf(date);
    if (!covered.has(year))
      return year < coverage.firstYear
        ? `${year} 年节假日安排未收录，结果按周末推算，请核对`
        : `${year} 年国务院节假日安排尚未收录，结果按周末推算，请核对`;
    if (!covered.has(year + 1) && date >= `${year}${DECEMBER_TAIL_FROM}`)
      return `${year + 1} 年国务院节假日安排尚未收录，${year} 年 12 月末可能因元旦调休而变动，请核对`;
    return undefined;
  }

  function dayInfo(date: CivilDate): DayInfo {
    assertCivilDate(date);
    const weekend = isWeekend(date);
    const override = overrides.get(date);
    const listed = override ?? officialDays.get(date);
    if (listed) {
      const source = override?.source ?? officialSource;
      if (listed.kind === 'holiday')
        return {
          date,
          kind: 'holiday',
          working: false,
          name: listed.name,
          description: `法定节假日：${listed.name}`,
          source,
          provisional: false,
        };
      const kind = weekend ? 'adjustedWorkday' : 'workday';
      return {
        date,
        kind,
        working: true,
        name: listed.name,
        description: weekend ? '调休上班日' : '工作日',
        source,
        provisional: false,
      };
    }
    const warning = coverageWarning(date);
    const guess = warning === undefined ? '' : '（推算）';
    const base = weekend
      ? { date, kind: 'weekend' as const, working: false, description: `周末${guess}` }
      : { date, kind: 'workday' as const, working: true, description: `工作日${guess}` };
    return warning === undefined
      ? { ...base, source: officialSource, provisional: false }
      : { ...base, source: '按周末推算', provisional: true, warning };
  }

  const isWorkingDay = (date: CivilDate) => dayInfo(date).working;

  function nextWorkingDayOnOrAfter(date: CivilDate): CivilDate {
    // No real arrangement rests for more than a few weeks; the bound only stops a runaway override list.
    for (let i = 0, d = date; i < 366; i++, d = addDays(d, 1)) if (isWorkingDay(d)) return d;
    throw new ServiceError('RULE_VIOLATION', `${date} 之后一年内没有工作日，请检查节假日调整`);
  }

  return {
    dayInfo,
    isWorkingDay,
    isRestDay: (date) => !isWorkingDay(date),
    nextWorkingDayOnOrAfter,
    describeDay: (date) => dayInfo(date).description,
    calendarCoverage: () => ({ ...coverage, years: [...coverage.years] }),
  };
}

/** The package's calendar without local overrides. Offices with overrides build their own with createCalendar. */
export const officialCalendar: WorkCalendar = createCalendar();

export const isWorkingDay = (date: CivilDate): boolean => officialCalendar.isWorkingDay(date);
export const isRestDay = (date: CivilDate): boolean => officialCalendar.isRestDay(date);
export const nextWorkingDayOnOrAfter = (date: CivilDate): CivilDate => officialCalendar.nextWorkingDayOnOrAfter(date);
export const describeDay = (date: CivilDate): string => officialCalendar.describeDay(date);
export const calendarCoverage = (): CalendarCoverage => officialCalendar.calendarCoverage();
