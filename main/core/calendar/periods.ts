// Periods counted in days, and the two windows of a divorce by agreement (协议离婚).
//
// Civil Code Art. 201: a period counted in days starts on the day after the event; the event day
// itself is not counted. So a 30-day period after receipt on day R runs R+1 … R+30.
// Civil Code Art. 203: when the last day of a period is a statutory rest day or holiday
// (法定休假日), the period ends on the day after the rest ends, i.e. the next working day. An
// adjusted working weekend day (调休上班) is a working day and ends a period normally.
//
// Civil Code Art. 1077: within 30 days from the registry's receipt of the application either party
// may withdraw it (window 1, 离婚冷静期); within 30 days after that period expires both must appear
// together to apply for the divorce certificate, otherwise the application is deemed withdrawn
// (window 2).

import { ServiceError } from '../errors';
import { addDays, assertCivilDate, daysBetween, weekdayName, type CivilDate } from './civilDate';
import type { WorkCalendar } from './workdays';

export const COOLING_OFF_DAYS = 30;
export const CERTIFICATE_WINDOW_DAYS = 30;

export interface PeriodEnd {
  /** The event day; not counted (Art. 201). */
  startEvent: CivilDate;
  days: number;
  /** startEvent + days: the last day before any Art. 203 extension. */
  nominalEnd: CivilDate;
  /** The last day of the period after the Art. 203 extension. */
  end: CivilDate;
  extended: boolean;
  /** Why it was extended, e.g. 届满日 2025-10-04 为国庆节假期，顺延至 2025-10-09. */
  reason?: string;
  /** True when a day that decides the end lies outside the holiday data (see warnings). */
  provisional: boolean;
  warnings: string[];
}

function restLabel(calendar: WorkCalendar, date: CivilDate): string {
  const day = calendar.dayInfo(date);
  return day.kind === 'holiday' ? `${day.name}假期` : `周末（${weekdayName(date)}）`;
}

/** End of a period of `days` days counted from the day after `startEvent` (Arts. 201, 203). */
export function periodEnd(startEvent: CivilDate, days: number, calendar: WorkCalendar): PeriodEnd {
  assertCivilDate(startEvent);
  if (!Number.isInteger(days) || days < 1) throw new ServiceError('INVALID_INPUT', `期间天数应为正整数：${days}`);
  const nominalEnd = addDays(startEvent, days);
  const end = calendar.nextWorkingDayOnOrAfter(nominalEnd);
  // Only the nominal last day and the rest days after it decide the end; days inside the period do not.
  const decisive = Array.from({ length: daysBetween(nominalEnd, end) + 1 }, (_, i) => calendar.dayInfo(addDays(nominalEnd, i)));
  const warnings = [...new Set(decisive.flatMap((d) => (d.warning === undefined ? [] : [d.warning])))];
  const extended = end !== nominalEnd;
  return {
    startEvent,
    days,
    nominalEnd,
    end,
    extended,
    ...(extended ? { reason: `届满日 ${nominalEnd} 为${restLabel(calendar, nominalEnd)}，顺延至 ${end}` } : {}),
    provisional: warnings.length > 0,
    warnings,
  };
}

export interface DivorceWindow {
  /** First day of the window. */
  from: CivilDate;
  /** Last day of the window, after any Art. 203 extension. */
  to: CivilDate;
  /** Last day before the extension. */
  nominalTo: CivilDate;
  extendedBecause?: string;
}

export interface DivorceWindowOptions {
  /**
   * Policy choice: window 2 (30 days after the cooling-off period 届满) is counted from the
   * cooling-off period's end as extended under Art. 203 ('extendedEnd', the default: the period
   * legally 届满 only on its extended last day), or from its nominal day R+30 ('nominalEnd').
   * Either way the parties can apply for the certificate only once window 1 is over, so window 2
   * always opens the day after window 1's (extended) last day; the policy moves only its last day.
   */
  certificateCountedFrom?: 'extendedEnd' | 'nominalEnd';
}

export interface DivorceWindows {
  receiptDate: CivilDate;
  certificateCountedFrom: 'extendedEnd' | 'nominalEnd';
  /** Window 1, 离婚冷静期: either party alone may withdraw. */
  withdrawal: DivorceWindow;
  /** Window 2: both parties together apply for the divorce certificate. */
  certificate: DivorceWindow;
  /** From this day, without a joint application, the application is deemed withdrawn (视为撤回). */
  deemedWithdrawnFrom: CivilDate;
  provisional: boolean;
  warnings: string[];
}

function window(from: CivilDate, period: PeriodEnd): DivorceWindow {
  const w: DivorceWindow = { from, to: period.end, nominalTo: period.nominalEnd };
  if (period.reason !== undefined) w.extendedBecause = period.reason;
  return w;
}

/** Both windows of a divorce by agreement whose application receipt (受理回执) is dated `receiptDate`. */
export function divorceWindows(receiptDate: CivilDate, calendar: WorkCalendar, opts: DivorceWindowOptions = {}): DivorceWindows {
  const countedFrom = opts.certificateCountedFrom ?? 'extendedEnd';
  const coolingOff = periodEnd(receiptDate, COOLING_OFF_DAYS, calendar);
  const base = countedFrom === 'extendedEnd' ? coolingOff.end : coolingOff.nominalEnd;
  const certificate = periodEnd(base, CERTIFICATE_WINDOW_DAYS, calendar);
  const warnings = [...new Set([...coolingOff.warnings, ...certificate.warnings])];
  return {
    receiptDate,
    certificateCountedFrom: countedFrom,
    withdrawal: window(addDays(receiptDate, 1), coolingOff),
    certificate: window(addDays(coolingOff.end, 1), certificate),
    deemedWithdrawnFrom: addDays(certificate.end, 1),
    provisional: warnings.length > 0,
    warnings,
  };
}

export type DivorceStage = 'coolingOff' | 'awaitingCertificate' | 'deemedWithdrawn';

export interface DivorceStageOn {
  stage: DivorceStage;
  /** Last day of the current window; null once deemed withdrawn. */
  windowEnd: CivilDate | null;
  /** Calendar days after `today` up to the window's last day: 0 means today is the last day. Null once deemed withdrawn. */
  daysLeft: number | null;
  /** For the clerk's work list, e.g. 离婚冷静期，剩余 5 天（至 2025-10-09）. */
  label: string;
  windows: DivorceWindows;
  provisional: boolean;
  warnings: string[];
}

function remaining(what: string, today: CivilDate, end: CivilDate): string {
  const left = daysBetween(today, end);
  return left === 0 ? `${what}，今日为最后一天（${end}）` : `${what}，剩余 ${left} 天（至 ${end}）`;
}

/**
 * Where an application received on `receiptDate` stands on `today`, by the dates alone: the caller
 * checks first that it has been neither withdrawn nor completed with a certificate. The receipt day
 * itself belongs to the cooling-off stage (a party may withdraw at once).
 */
export function divorceStageOn(
  receiptDate: CivilDate,
  today: CivilDate,
  calendar: WorkCalendar,
  opts: DivorceWindowOptions = {},
): DivorceStageOn {
  assertCivilDate(today);
  const windows = divorceWindows(receiptDate, calendar, opts);
  if (today < receiptDate) throw new ServiceError('INVALID_INPUT', `查询日期 ${today} 早于受理日期 ${receiptDate}`);
  const common = { windows, provisional: windows.provisional, warnings: windows.warnings };
  const { withdrawal, certificate } = windows;
  if (today <= withdrawal.to)
    return {
      stage: 'coolingOff',
      windowEnd: withdrawal.to,
      daysLeft: daysBetween(today, withdrawal.to),
      label: remaining('离婚冷静期', today, withdrawal.to),
      ...common,
    };
  if (today <= certificate.to)
    return {
      stage: 'awaitingCertificate',
      windowEnd: certificate.to,
      daysLeft: daysBetween(today, certificate.to),
      label: remaining('待双方申请发给离婚证', today, certificate.to),
      ...common,
    };
  return {
    stage: 'deemedWithdrawn',
    windowEnd: null,
    daysLeft: null,
    label: `未在期限内申请发给离婚证，自 ${windows.deemedWithdrawnFrom} 起视为撤回离婚登记申请`,
    ...common,
  };
}
