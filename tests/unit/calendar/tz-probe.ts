// Run in a child process under a given TZ by timezone.test.ts and prints JSON:
//  - no argument: the calendar's answers for a set of dates and periods;
//  - 'crosscheck': every date the package covers where our reading of its JSON disagrees with its own
//    isWorkday() (meaningful only in a zone at or east of UTC, where that function is correct).
import { getDayDetail, isWorkday } from 'chinese-days';
import { addDays } from '../../../main/core/calendar/civilDate';
import { divorceStageOn, divorceWindows, periodEnd } from '../../../main/core/calendar/periods';
import { calendarCoverage, describeDay, isWorkingDay, officialCalendar as cal } from '../../../main/core/calendar/workdays';

function crosscheck() {
  const { firstYear, lastYear } = calendarCoverage();
  const mismatches: string[] = [];
  let checked = 0;
  for (let d = `${firstYear}-01-01`; d <= `${lastYear}-12-31`; d = addDays(d, 1), checked++) {
    if (getDayDetail(d).date !== d) throw new Error(`package read ${d} as ${getDayDetail(d).date}`);
    if (isWorkday(d) !== isWorkingDay(d)) mismatches.push(d);
  }
  return { checked, mismatches };
}

function answers() {
  const days = ['2025-07-05', '2025-09-28', '2025-10-01', '2025-10-08', '2025-10-09', '2026-02-14', '2026-02-23', '2026-05-09'];
  return {
    days: days.map((d) => [d, isWorkingDay(d), describeDay(d)]),
    periods: ['2025-06-02', '2025-06-05', '2025-09-04', '2026-01-18', '2026-04-01', '2028-09-07'].map((r) =>
      periodEnd(r, 30, cal),
    ),
    windows: divorceWindows('2025-09-04', cal),
    stage: divorceStageOn('2025-09-04', '2025-10-10', cal).label,
  };
}

console.log(JSON.stringify(process.argv[2] === 'crosscheck' ? crosscheck() : answers()));
