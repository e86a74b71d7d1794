import type { PartyOrigin } from '../contract';
import { ageBands, statsOrigins, type AgeBand, type ByOrigin, type BySex, type StatsFigures } from './contract';
import type { CoupleRow, MonthCount, PersonRow, ReplacementRow } from './data';

// Turns the grouped rows of data.ts into the report's figures: one set per month and one for the
// whole period. Totals are sums of the same rows (never sums of rounded averages), so a year's
// average age is over all its first-marriage persons, not the mean of twelve monthly means.

export interface StatsRows {
  couples: CoupleRow[];
  persons: PersonRow[];
  /** Divorce certificates issued, by month and the dissolved marriage's origin. */
  divorces: { month: string; origin: string; couples: number }[];
  received: MonthCount[];
  withdrawn: MonthCount[];
  deemedWithdrawn: MonthCount[];
  replacements: ReplacementRow[];
}

const DAYS_PER_YEAR = 365.25;

const bySex = (): BySex => ({ male: 0, female: 0, total: 0 });
const byOrigin = (): ByOrigin => ({ total: 0, mainland: 0, foreign: 0, hongkong: 0, macao: 0, taiwan: 0 });

export function emptyFigures(): StatsFigures {
  return {
    marriages: byOrigin(),
    crossProvince: 0,
    firstMarriage: bySex(),
    remarriage: { ...bySex(), afterDivorce: bySex(), afterWidowhood: bySex() },
    priorUnstated: bySex(),
    ageBands: Object.fromEntries(ageBands.map((b) => [b, bySex()])) as Record<AgeBand, BySex>,
    averageFirstMarriageAge: { male: null, female: null, all: null },
    divorces: byOrigin(),
    divorceApplications: { received: 0, withdrawn: 0, deemedWithdrawn: 0 },
    replacements: { marriage: 0, divorce: 0 },
  };
}

const isOrigin = (o: string): o is PartyOrigin => (statsOrigins as readonly string[]).includes(o);
/** The Ministry's bands of full years: 20–24 … 35–39, 40 and over. */
export function ageBandOf(age: number | null): AgeBand {
  if (age === null) return 'unknown';
  if (age < 20) return 'under20';
  if (age >= 40) return '40+';
  const from = 20 + 5 * Math.floor((age - 20) / 5);
  return `${from}-${from + 4}` as AgeBand;
}

const addBySex = (s: BySex, sex: 'male' | 'female', n: number): void => {
  s[sex] += n;
  s.total += n;
};

const average = (days: number, persons: number): number | null =>
  persons === 0 ? null : Math.round((days / persons / DAYS_PER_YEAR) * 100) / 100;

/** Figures of the rows whose month passes `keep` (all of them for the period's totals). */
export function figuresOf(rows: StatsRows, keep: (month: string) => boolean = () => true): StatsFigures {
  const f = emptyFigures();
  for (const r of rows.couples.filter((x) => keep(x.month))) {
    // The schema admits only the five origins; anything else would still count in the total.
    if (isOrigin(r.origin)) f.marriages[r.origin] += r.couples;
    f.marriages.total += r.couples;
    if (r.cross_province === 1) f.crossProvince += r.couples;
  }
  const firstAge = { male: { days: 0, persons: 0 }, female: { days: 0, persons: 0 } };
  for (const r of rows.persons.filter((x) => keep(x.month))) {
    if (r.prior_status === '10') {
      addBySex(f.firstMarriage, r.sex, r.persons);
      if (r.age !== null && r.days_lived !== null) {
        firstAge[r.sex].days += r.days_lived;
        firstAge[r.sex].persons += r.persons;
      }
    } else if (r.prior_status === '40' || r.prior_status === '30') {
      addBySex(f.remarriage, r.sex, r.persons);
      addBySex(r.prior_status === '40' ? f.remarriage.afterDivorce : f.remarriage.afterWidowhood, r.sex, r.persons);
    } else {
      // 90 未说明 (archive records only): counted as registrants, in neither category.
      addBySex(f.priorUnstated, r.sex, r.persons);
    }
    addBySex(f.ageBands[ageBandOf(r.age)], r.sex, r.persons);
  }
  f.averageFirstMarriageAge = {
    male: average(firstAge.male.days, firstAge.male.persons),
    female: average(firstAge.female.days, firstAge.female.persons),
    all: average(firstAge.male.days + firstAge.female.days, firstAge.male.persons + firstAge.female.persons),
  };
  for (const r of rows.divorces.filter((x) => keep(x.month))) {
    if (isOrigin(r.origin)) f.divorces[r.origin] += r.couples;
    f.divorces.total += r.couples;
  }
  const sum = (list: MonthCount[]) => list.filter((x) => keep(x.month)).reduce((s, x) => s + x.n, 0);
  f.divorceApplications = {
    received: sum(rows.received),
    withdrawn: sum(rows.withdrawn),
    deemedWithdrawn: sum(rows.deemedWithdrawn),
  };
  for (const r of rows.replacements.filter((x) => keep(x.month))) {
    if (r.kind === 'BJ') f.replacements.marriage += r.n;
    else f.replacements.divorce += r.n;
  }
  return f;
}
