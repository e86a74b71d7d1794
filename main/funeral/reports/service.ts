import type { AppContext } from '../../core/app';
import { recordAudit, type Actor } from '../../core/audit/service';
import { userById } from '../../core/auth/data';
import type { FileOutput } from '../../core/contract/fields';
import { writeTransaction } from '../../core/db/connection';
import { fontsOf, pdfOutput } from '../../core/documents/service';
import { ServiceError } from '../../core/errors';
import type { HandlerContext } from '../../core/handler';
import { localTodayIso } from '../../core/idnumber/dates';
import { getSettings } from '../../core/settings/service';
import { burialCounts } from '../burials/service';
import { cemeteryServiceAreas } from '../cemeteries/service';
import { plotlessBurialCounts, subsidyTotals } from '../subsidies/service';
import { waiverTotals } from '../waivers/service';
import { XLSX_MIME, type FuneralIndicators, type IndicatorsPeriod } from './contract';
import { renderIndicatorsPdf } from './documents/pdf';
import { renderIndicatorsXlsx } from './documents/xlsx';
import { burialFigures, coverageOf, percentOf, subsidyFigures } from './figures';
import { ecoFormsOn } from './settingsService';
import { allTownships } from './data';
import { countingNotes, reportTables } from './tables';

// 殡葬统计: a month or a year, read from the other areas through their services (a module never
// reads another area's tables) in one read transaction, so every figure comes from the same state.
// A closed period's figures do not depend on when the report is run, except coverage, which is a
// state (today's township list and cemetery service areas) and says so.

const pad2 = (n: number) => String(n).padStart(2, '0');
const monthKey = (year: number, month: number) => `${year}-${pad2(month)}`;

function shiftMonth(year: number, month: number, offset: number): { year: number; month: number } {
  const i = year * 12 + (month - 1) + offset;
  return { year: Math.floor(i / 12), month: (i % 12) + 1 };
}

const lastDayOf = (year: number, month: number): string => {
  const d = new Date(Date.UTC(year, month, 0));
  return d.toISOString().slice(0, 10);
};

export function periodRange(p: IndicatorsPeriod): { from: string; to: string } {
  if (p.month === null) return { from: `${p.year}-01-01`, to: `${p.year}-12-31` };
  return { from: `${monthKey(p.year, p.month)}-01`, to: lastDayOf(p.year, p.month) };
}

export const periodLabel = (p: IndicatorsPeriod): string => (p.month === null ? `${p.year}年` : `${p.year}年${p.month}月`);

/** The 12 months ending with the period's last month: a yearly report's own months. */
function trendMonths(p: IndicatorsPeriod): string[] {
  const last = p.month ?? 12;
  return Array.from({ length: 12 }, (_, i) => {
    const m = shiftMonth(p.year, last, i - 11);
    return monthKey(m.year, m.month);
  });
}

export function indicators(ctx: HandlerContext, period: IndicatorsPeriod): FuneralIndicators {
  const { app } = ctx;
  const today = localTodayIso(app.clock.now());
  const { from, to } = periodRange(period);
  if (from > today) {
    throw new ServiceError('RULE_VIOLATION', `统计期间 ${periodLabel(period)} 尚未开始（今天是 ${today}），不能统计`, 'month');
  }
  const settings = getSettings(app.db);
  const months = trendMonths(period);
  const trendFrom = `${months[0]}-01`;
  const inPeriod = (month: string) => month >= from.slice(0, 7) && month <= to.slice(0, 7);

  return app.db.transaction(() => {
    const ecoForms = ecoFormsOn(app, to);
    const cemeteries = cemeteryServiceAreas(app);
    const burials = burialFigures(
      burialCounts(app, trendFrom, to),
      plotlessBurialCounts(app, trendFrom, to),
      cemeteries,
      new Set(ecoForms.forms),
      months,
      inPeriod,
    );
    const townships = allTownships(app.db);
    const coverage = coverageOf(townships, cemeteries, settings.divisionCode);
    const report: Omit<FuneralIndicators, 'tables' | 'notes'> = {
      period,
      label: periodLabel(period),
      from,
      to,
      asOf: today,
      complete: to < today,
      officeName: settings.officeName,
      divisionCode: settings.divisionCode,
      ecoForms,
      ecoRate: { eco: burials.eco, total: burials.total, percent: percentOf(burials.eco, burials.total) },
      coverage: {
        townships: townships.length,
        covered: coverage.covered,
        percent: percentOf(coverage.covered, townships.length),
        rows: coverage.rows,
        unlisted: coverage.unlisted,
      },
      burials,
      subsidies: subsidyFigures(subsidyTotals(app, from, to)),
      waivers: waiverTotals(app, from, to),
    };
    return { ...report, tables: reportTables(report), notes: countingNotes(report) };
  })();
}

/** The person who made the tables, printed as 填表人. */
const preparedBy = (app: AppContext, actor: Actor): string =>
  (actor.userId === null ? null : userById(app.db, actor.userId)?.display_name) ?? actor.username ?? '';

function audit(app: AppContext, actor: Actor, action: 'print' | 'export', r: FuneralIndicators, what: string): void {
  writeTransaction(app.db, () =>
    recordAudit(app.db, app.clock, actor, {
      action,
      entity: 'funeralIndicators',
      entityId: r.period.month === null ? String(r.period.year) : monthKey(r.period.year, r.period.month),
      detail: `${what}（${r.label}，截至 ${r.asOf}）`,
    }),
  );
}

const fileStem = (r: FuneralIndicators) => `殡葬统计${r.period.month === null ? '年报' : '月报'}-${r.label}`;

export async function indicatorsPdf(ctx: HandlerContext, period: IndicatorsPeriod): Promise<FileOutput> {
  const r = indicators(ctx, period);
  const bytes = await renderIndicatorsPdf(fontsOf(ctx.app), r, preparedBy(ctx.app, ctx.actor));
  audit(ctx.app, ctx.actor, 'print', r, '打印殡葬统计报表');
  return pdfOutput(`${fileStem(r)}.pdf`, bytes);
}

export async function indicatorsXlsx(ctx: HandlerContext, period: IndicatorsPeriod): Promise<FileOutput> {
  const r = indicators(ctx, period);
  const bytes = await renderIndicatorsXlsx(r, preparedBy(ctx.app, ctx.actor));
  audit(ctx.app, ctx.actor, 'export', r, '导出殡葬统计报表（Excel）');
  return { fileName: `${fileStem(r)}.xlsx`, mimeType: XLSX_MIME, base64: bytes.toString('base64'), byteLength: bytes.length };
}
