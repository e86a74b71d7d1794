import type { AppContext } from '../../core/app';
import { userById } from '../../core/auth/data';
import { recordAudit, type Actor } from '../../core/audit/service';
import type { FileOutput } from '../../core/contract/fields';
import { writeTransaction } from '../../core/db/connection';
import { fontsOf, pdfOutput } from '../../core/documents/service';
import { ServiceError } from '../../core/errors';
import { localTodayIso } from '../../core/idnumber/dates';
import { getSettings } from '../../core/settings/service';
import { XLSX_MIME, type StatsPeriod, type StatsReport } from './contract';
import {
  divorceEvents,
  personCounts,
  registrationCounts,
  registrationTotal,
  registrationsPerMonth,
  replacementCounts,
  type DivorceEventRow,
  type MonthCount,
  type Range,
} from './data';
import { renderStatsPdf } from './documents/pdf';
import { renderStatsXlsx } from './documents/xlsx';
import { figuresOf, type StatsRows } from './figures';
import { monthlyTable, statsTables } from './tables';

// 婚姻登记统计: a monthly report (one month) or a yearly one (the year with its 12 months), taken
// from the register as it stands today. Reading only: the figures of a closed period never depend
// on when the report is run (see data.ts for how each figure is defined).

const pad2 = (n: number) => String(n).padStart(2, '0');
const monthKey = (year: number, month: number) => `${year}-${pad2(month)}`;

/** The month `offset` months after year-month (offset may be negative). */
function shiftMonth(year: number, month: number, offset: number): { year: number; month: number } {
  const i = year * 12 + (month - 1) + offset;
  return { year: Math.floor(i / 12), month: (i % 12) + 1 };
}

const firstDay = (year: number, month: number) => `${monthKey(year, month)}-01`;

export function periodRange(p: StatsPeriod): Range {
  if (p.month === null) return { from: `${p.year}-01-01`, until: `${p.year + 1}-01-01` };
  const next = shiftMonth(p.year, p.month, 1);
  return { from: firstDay(p.year, p.month), until: firstDay(next.year, next.month) };
}

export const periodLabel = (p: StatsPeriod): string => (p.month === null ? `${p.year}年` : `${p.year}年${p.month}月`);

/** The months of the period, 'YYYY-MM', in order. */
const monthsOf = (p: StatsPeriod): string[] =>
  p.month === null ? Array.from({ length: 12 }, (_, i) => monthKey(p.year, i + 1)) : [monthKey(p.year, p.month)];

/** The 12 months ending with the period's last month (a yearly report's own months). */
function trendMonths(p: StatsPeriod): string[] {
  const last = p.month ?? 12;
  return Array.from({ length: 12 }, (_, i) => {
    const m = shiftMonth(p.year, last, i - 11);
    return monthKey(m.year, m.month);
  });
}

const lastDay = (until: string): string => {
  const d = new Date(`${until}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
};

/** Whether a 'YYYY-MM' month (null: no such event) lies in the range. */
const monthIn = (month: string | null, r: Range): month is string =>
  month !== null && `${month}-01` >= r.from && `${month}-01` < r.until;

const sumWhere = <T extends { n: number }>(rows: T[], keep: (row: T) => boolean): number =>
  rows.reduce((s, row) => (keep(row) ? s + row.n : s), 0);

/** One event's per-month counts within the period, from the one pass over the divorce applications. */
const eventCounts = (events: DivorceEventRow[], key: 'received' | 'withdrawn' | 'deemed', r: Range): MonthCount[] =>
  events.flatMap((e) => (monthIn(e[key], r) ? [{ month: e[key], n: e.n }] : []));

export function statsReport(app: AppContext, period: StatsPeriod): StatsReport {
  const today = localTodayIso(app.clock.now());
  const range = periodRange(period);
  if (range.from > today) {
    throw new ServiceError('RULE_VIOLATION', `统计期间 ${periodLabel(period)} 尚未开始（今天是 ${today}），不能统计`, 'period');
  }
  const settings = getSettings(app.db);
  const months = monthsOf(period);
  const trend = trendMonths(period);
  const trendRange: Range = { from: `${trend[0]}-01`, until: range.until };
  const previousPeriod = { ...period, year: period.year - 1 };
  const previousRange = periodRange(previousPeriod);

  // The divorce pass and the monthly registration counts cover the trend and last year's period too.
  const wide: Range = { from: [trendRange.from, previousRange.from].sort()[0]!, until: range.until };

  // One read transaction: every figure is taken from the same state of the register.
  return app.db.transaction(() => {
    const events = divorceEvents(app.db, wide, range, today);
    const rows: StatsRows = {
      couples: registrationCounts(app.db, range),
      persons: personCounts(app.db, range),
      divorces: events.flatMap((e) =>
        monthIn(e.issued, range) ? [{ month: e.issued, origin: e.origin ?? '', couples: e.n }] : [],
      ),
      received: eventCounts(events, 'received', range),
      withdrawn: eventCounts(events, 'withdrawn', range),
      deemedWithdrawn: eventCounts(events, 'deemed', range),
      replacements: replacementCounts(app.db, range),
    };
    const perMonth = months.map((month) => ({ month, figures: figuresOf(rows, (m) => m === month) }));
    // A yearly report has its months already; a month needs the eleven before it, and last year's.
    const registered = period.month === null ? null : registrationsPerMonth(app.db, wide);
    const previousMarriages = registered
      ? sumWhere(registered, (x) => monthIn(x.month, previousRange))
      : registrationTotal(app.db, previousRange);
    const report: Omit<StatsReport, 'tables' | 'monthlyTable'> = {
      period,
      label: periodLabel(period),
      from: range.from,
      to: lastDay(range.until),
      asOf: today,
      complete: range.until <= today,
      officeName: settings.officeName,
      divisionCode: settings.divisionCode,
      figures: figuresOf(rows),
      months: perMonth,
      trend: trend.map((month) => ({
        month,
        marriages: registered
          ? sumWhere(registered, (x) => x.month === month)
          : (perMonth.find((m) => m.month === month)?.figures.marriages.total ?? 0),
        divorces: sumWhere(events, (e) => e.issued === month),
      })),
      previous: {
        label: periodLabel(previousPeriod),
        marriages: previousMarriages,
        divorces: sumWhere(events, (e) => monthIn(e.issued, previousRange)),
      },
    };
    return {
      ...report,
      tables: statsTables(report),
      monthlyTable: period.month === null ? monthlyTable(perMonth, report.figures) : null,
    };
  })();
}

/** The person who made the tables, printed as 填表人. */
const preparedBy = (app: AppContext, actor: Actor): string =>
  (actor.userId === null ? null : userById(app.db, actor.userId)?.display_name) ?? actor.username ?? '';

function audit(app: AppContext, actor: Actor, action: 'print' | 'export', report: StatsReport, what: string): void {
  writeTransaction(app.db, () =>
    recordAudit(app.db, app.clock, actor, {
      action,
      entity: 'marriageStatistics',
      entityId: report.period.month === null ? String(report.period.year) : monthKey(report.period.year, report.period.month),
      detail: `${what}（${report.label}，截至 ${report.asOf}）`,
    }),
  );
}

const fileStem = (r: StatsReport) => `婚姻登记统计${r.period.month === null ? '年报' : '月报'}-${r.label}`;

export async function statsPdf(app: AppContext, actor: Actor, period: StatsPeriod): Promise<FileOutput> {
  const report = statsReport(app, period);
  const bytes = await renderStatsPdf(fontsOf(app), report, preparedBy(app, actor));
  audit(app, actor, 'print', report, '打印婚姻登记统计报表');
  return pdfOutput(`${fileStem(report)}.pdf`, bytes);
}

export async function statsXlsx(app: AppContext, actor: Actor, period: StatsPeriod): Promise<FileOutput> {
  const report = statsReport(app, period);
  const bytes = await renderStatsXlsx(report, preparedBy(app, actor));
  audit(app, actor, 'export', report, '导出婚姻登记统计报表（Excel）');
  return {
    fileName: `${fileStem(report)}.xlsx`,
    mimeType: XLSX_MIME,
    base64: bytes.toString('base64'),
    byteLength: bytes.length,
  };
}
