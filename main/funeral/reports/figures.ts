import { cemeteryKindLabels, residentsOnly, type CemeteryKind } from '../cemeteries/contract';
import { burialForms, type BurialForm } from '../shared/forms';
import { applicationStatuses, type ApplicationStatus, type SubsidyTotalRow } from '../subsidies/contract';
import type { CemeteryFigures, FormFigures, MonthFigures, SubsidyFigures, TownshipCoverage } from './contract';

// Turns the other areas' grouped counts into the report's figures. Pure: the service reads, this
// adds up, so every rule of counting can be tested on plain rows.

export interface BurialCount {
  month: string;
  cemeteryId: number;
  form: BurialForm;
  count: number;
}
export interface PlotlessCount {
  month: string;
  form: BurialForm;
  count: number;
}
export interface CemeteryArea {
  id: number;
  name: string;
  kind: CemeteryKind;
  servedDivisions: string[];
}

/** eco / total as a percentage with two decimals; null when there is nothing to divide by. */
export const percentOf = (part: number, whole: number): number | null =>
  whole === 0 ? null : Math.round((part / whole) * 10_000) / 100;

const zeroByForm = (): Record<BurialForm, number> =>
  Object.fromEntries(burialForms.map((f) => [f, 0])) as Record<BurialForm, number>;

export interface BurialFigures {
  total: number;
  inCemeteries: number;
  plotless: number;
  eco: number;
  byForm: FormFigures[];
  cemeteries: CemeteryFigures[];
  months: MonthFigures[];
}

/**
 * Burials of the period (`inPeriod` months) by form and cemetery, and per month over `months`.
 * Cemetery burials and plotless ones (from subsidy applications) are added together: both are
 * burials of the period, and scattering is the eco burial par excellence.
 */
export function burialFigures(
  burials: readonly BurialCount[],
  plotless: readonly PlotlessCount[],
  cemeteries: readonly CemeteryArea[],
  eco: ReadonlySet<BurialForm>,
  months: readonly string[],
  inPeriod: (month: string) => boolean,
): BurialFigures {
  const inCemeteries = zeroByForm();
  const withoutPlot = zeroByForm();
  const perCemetery = new Map<number, { total: number; eco: number }>();
  const perMonth = new Map(months.map((m): [string, MonthFigures] => [m, { month: m, byForm: zeroByForm(), total: 0, eco: 0 }]));
  const addMonth = (month: string, form: BurialForm, n: number) => {
    const m = perMonth.get(month);
    if (!m) return;
    m.byForm[form] += n;
    m.total += n;
    if (eco.has(form)) m.eco += n;
  };
  for (const b of burials) {
    addMonth(b.month, b.form, b.count);
    if (!inPeriod(b.month)) continue;
    inCemeteries[b.form] += b.count;
    const c = perCemetery.get(b.cemeteryId) ?? { total: 0, eco: 0 };
    c.total += b.count;
    if (eco.has(b.form)) c.eco += b.count;
    perCemetery.set(b.cemeteryId, c);
  }
  for (const p of plotless) {
    addMonth(p.month, p.form, p.count);
    if (inPeriod(p.month)) withoutPlot[p.form] += p.count;
  }
  const byForm = burialForms.map((form): FormFigures => ({
    form,
    eco: eco.has(form),
    inCemeteries: inCemeteries[form],
    plotless: withoutPlot[form],
    total: inCemeteries[form] + withoutPlot[form],
  }));
  const sum = (f: (x: FormFigures) => number, only: (x: FormFigures) => boolean = () => true) =>
    byForm.filter(only).reduce((s, x) => s + f(x), 0);
  return {
    total: sum((x) => x.total),
    inCemeteries: sum((x) => x.inCemeteries),
    plotless: sum((x) => x.plotless),
    eco: sum(
      (x) => x.total,
      (x) => x.eco,
    ),
    byForm,
    cemeteries: cemeteries.map((c) => ({
      id: c.id,
      name: c.name,
      kind: c.kind,
      kindLabel: cemeteryKindLabels[c.kind],
      total: perCemetery.get(c.id)?.total ?? 0,
      eco: perCemetery.get(c.id)?.eco ?? 0,
    })),
    months: [...perMonth.values()],
  };
}

/**
 * Whether a served division code reaches a township (9 digits): the township itself, its county
 * (a 6-digit code serves every township in it) or one of its villages (12 digits).
 */
export const servesTownship = (served: string, township: string): boolean =>
  township.startsWith(served) || served.startsWith(township);

/**
 * The prefix a code must start with to lie within the office's division: a county code (500118)
 * as it is, a prefecture (500100 → 5001) or province (500000 → 50) without its zero pairs; the
 * unset code 000000 admits everything.
 */
export function officePrefix(officeCode: string): string {
  if (officeCode === '000000') return '';
  if (/^\d{2}0000$/.test(officeCode)) return officeCode.slice(0, 2);
  if (/^\d{4}00$/.test(officeCode)) return officeCode.slice(0, 4);
  return officeCode;
}

export interface Coverage {
  rows: TownshipCoverage[];
  covered: number;
  /** Township codes public cemeteries serve (in full or through a village) missing from the list. */
  unlisted: string[];
}

/**
 * 公益性安葬设施覆盖: a township counts once however many public welfare cemeteries serve it;
 * commercial cemeteries never count (they serve anyone, as a business).
 */
export function coverageOf(
  townships: readonly { code: string; name: string }[],
  cemeteries: readonly CemeteryArea[],
  officeCode: string,
): Coverage {
  const publicOnes = cemeteries.filter((c) => residentsOnly(c.kind));
  const rows = townships.map((t): TownshipCoverage => {
    const names = publicOnes.filter((c) => c.servedDivisions.some((s) => servesTownship(s, t.code))).map((c) => c.name);
    return { code: t.code, name: t.name, covered: names.length > 0, cemeteries: names };
  });
  const listed = new Set(townships.map((t) => t.code));
  const prefix = officePrefix(officeCode);
  const unlisted = new Set<string>();
  for (const c of publicOnes)
    for (const s of c.servedDivisions)
      if (s.length >= 9 && s.startsWith(prefix) && !listed.has(s.slice(0, 9))) unlisted.add(s.slice(0, 9));
  return { rows, covered: rows.filter((r) => r.covered).length, unlisted: [...unlisted].sort() };
}

const granted: ReadonlySet<ApplicationStatus> = new Set(['approved', 'paid']);

/** Subsidy applications received in the period: per form, per status, and the amounts. */
export function subsidyFigures(rows: readonly SubsidyTotalRow[]): SubsidyFigures {
  const total = (
    list: readonly SubsidyTotalRow[],
    key: 'count' | 'amountFen',
    keep: (r: SubsidyTotalRow) => boolean = () => true,
  ) => list.filter(keep).reduce((s, r) => s + r[key], 0);
  const live = (r: SubsidyTotalRow) => r.status !== 'rejected';
  const byForm = burialForms
    .map((form) => {
      const mine = rows.filter((r) => r.form === form);
      return {
        form,
        count: total(mine, 'count'),
        refused: total(mine, 'count', (r) => !live(r)),
        amountFen: total(mine, 'amountFen', live),
        grantedFen: total(mine, 'amountFen', (r) => granted.has(r.status)),
        paidFen: total(mine, 'amountFen', (r) => r.status === 'paid'),
      };
    })
    .filter((f) => f.count > 0);
  const byStatus = applicationStatuses.map((status) => {
    const mine = rows.filter((r) => r.status === status);
    return { status, count: total(mine, 'count'), amountFen: total(mine, 'amountFen') };
  });
  return {
    rows: [...rows],
    byForm,
    byStatus,
    count: total(rows, 'count'),
    refused: total(rows, 'count', (r) => !live(r)),
    amountFen: total(rows, 'amountFen', live),
    grantedFen: total(rows, 'amountFen', (r) => granted.has(r.status)),
    paidFen: total(rows, 'amountFen', (r) => r.status === 'paid'),
  };
}
