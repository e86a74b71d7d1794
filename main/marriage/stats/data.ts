import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../core/db/connection';
import { all, first, queryBuilder } from '../../core/db/query';

// All SQL of the marriage statistics: aggregates only, grouped by calendar month ('YYYY-MM') so one
// query answers a month and a year alike. Every period is a half-open range of ISO dates
// [from, until), which the date indexes answer directly and which puts the last day of a month in
// that month and the first day of the next in the next one.
//
// Definitions (the Ministry's categories, as this registry counts them):
// - 结婚登记（对）: registrations whose registration_date falls in the period, every source
//   (counter or archive) and every current status: a marriage dissolved since still was registered.
// - Split by party_origin (mainland / foreign / HK / Macao / Taiwan), fixed at registration.
// - 跨省通办: registrations flagged cross_province.
// - 初婚 / 再婚 (persons): the status each party declared at registration: 10 未婚 = first marriage,
//   40 离婚 and 30 丧偶 = remarriage; 90 未说明 (archive records only) is neither and shown apart.
// - Age (persons): full years (周岁) on the registration date, as the law counts age (a person
//   whose 25th birthday is the registration date is 25); the bands are drawn in figures.ts. Birth
//   dates that are not full dates (possible in archive records) have no age: band 'unknown'.
// - Average age at first marriage: exact age in years = days lived on the registration date /
//   365.25, averaged over first-marriage persons with a full birth date.
// - 离婚登记（对）: divorce certificates issued (issued_on) in the period, split by the origin of the
//   marriage dissolved.
// - 受理 / 撤回: applications received (receipt_date) / withdrawn (withdrawn_on) in the period.
// - 视为撤回: applications whose certificate window ended (certificate_to) in the period without a
//   certificate, counted once that last day has passed — whether or not the sweep has already
//   marked them: on the window's last day the couple may still come, so until then they are not
//   withdrawn. Counting by the window's end, not by the sweep's run, keeps a closed month's figure
//   fixed.
// - 补领: BJ / BL replacement certificates issued in the period.

interface Schema {
  marriage_registrations: {
    id: number;
    registration_date: string;
    party_origin: string;
    cross_province: number;
  };
  marriage_parties: {
    registration_id: number;
    sex: 'male' | 'female';
    birth_date: string;
    prior_status: string;
  };
  divorce_applications: {
    id: number;
    marriage_id: number;
    status: string;
    receipt_date: string;
    withdrawn_on: string | null;
    certificate_to: string;
    issued_on: string | null;
  };
  marriage_replacements: {
    kind: 'BJ' | 'BL';
    issued_on: string;
  };
}
const q = queryBuilder<Schema>();

export interface Range {
  /** First day, inclusive. */
  from: string;
  /** Day after the last, exclusive. */
  until: string;
}

const monthOf = (column: string): RawBuilder<string> => sql<string>`substr(${sql.ref(column)}, 1, 7)`;
const count = sql<number>`count(*)`;

export interface CoupleRow {
  month: string;
  origin: string;
  cross_province: number;
  couples: number;
}

export const registrationCounts = (db: Db, r: Range): CoupleRow[] =>
  all(
    db,
    q
      .selectFrom('marriage_registrations')
      .select([monthOf('registration_date').as('month'), 'party_origin as origin', 'cross_province', count.as('couples')])
      .where('registration_date', '>=', r.from)
      .where('registration_date', '<', r.until)
      .groupBy([monthOf('registration_date'), 'party_origin', 'cross_province']),
  );

// Full years on the registration date: the year difference, less one while the birthday ('MM-DD')
// is still ahead. Text comparison of 'MM-DD' gives China's rule for 29 February by itself.
const fullYears = sql<number>`(cast(substr(r.registration_date, 1, 4) as integer) - cast(substr(p.birth_date, 1, 4) as integer)
  - (substr(r.registration_date, 6, 5) < substr(p.birth_date, 6, 5)))`;
// A real calendar date written in full: date() normalises '1950-02-30' and rejects '1950-00-00'.
const fullDate = sql<boolean>`date(p.birth_date) IS p.birth_date`;
/** Full years, or NULL when the birth date is not a full date (some archive records). */
const age = sql<number | null>`CASE WHEN ${fullDate} THEN ${fullYears} END`;
// Only first marriages enter the average age, so only theirs are summed. Rows without a real birth
// date group apart (age NULL) and figures.ts leaves those groups out of the average.
const daysLived = sql<
  number | null
>`sum(CASE WHEN p.prior_status = '10' THEN julianday(r.registration_date) - julianday(p.birth_date) END)`;

export interface PersonRow {
  month: string;
  sex: 'male' | 'female';
  prior_status: string;
  /** Full years on the registration date; null when the birth date is not a full date. */
  age: number | null;
  persons: number;
  /** First marriages: sum of days lived on the registration date (persons with a full birth date). */
  days_lived: number | null;
}

export const personCounts = (db: Db, r: Range): PersonRow[] =>
  all(
    db,
    q
      .selectFrom('marriage_registrations as r')
      .innerJoin('marriage_parties as p', 'p.registration_id', 'r.id')
      .select([
        monthOf('r.registration_date').as('month'),
        'p.sex',
        'p.prior_status',
        age.as('age'),
        count.as('persons'),
        daysLived.as('days_lived'),
      ])
      .where('r.registration_date', '>=', r.from)
      .where('r.registration_date', '<', r.until)
      // Grouped by age in years (a few dozen values), not by band: each row's age is computed once.
      .groupBy([monthOf('r.registration_date'), 'p.sex', 'p.prior_status', age]),
  );

export interface DivorceEventRow {
  /** The month of each event that falls in the scanned range, else null. */
  received: string | null;
  withdrawn: string | null;
  deemed: string | null;
  issued: string | null;
  /** The dissolved marriage's origin, for certificates issued within `originsIn` only. */
  origin: string | null;
  n: number;
}

const within = (column: string, r: Range) => sql<boolean>`(${sql.ref(column)} >= ${r.from} AND ${sql.ref(column)} < ${r.until})`;
const monthWithin = (column: string, r: Range, also: RawBuilder<boolean> = sql`1`) =>
  sql<string | null>`CASE WHEN ${within(column, r)} AND ${also} THEN substr(${sql.ref(column)}, 1, 7) END`;

/**
 * Every divorce figure in one pass over the applications (no date column of theirs is indexed, so
 * one scan beats five): per application, the month of each event inside `r` — received, withdrawn,
 * deemed withdrawn (see above: window ended before `today`), certificate issued — grouped by those
 * months. The origin of the marriage is looked up only for certificates issued within `originsIn`.
 */
export const divorceEvents = (db: Db, r: Range, originsIn: Range, today: string): DivorceEventRow[] =>
  all(
    db,
    q
      .selectFrom('divorce_applications as d')
      .select([
        monthWithin('d.receipt_date', r).as('received'),
        monthWithin('d.withdrawn_on', r, sql`d.status = 'withdrawn'`).as('withdrawn'),
        monthWithin('d.certificate_to', r, sql`d.status IN ('deemedWithdrawn', 'pending') AND d.certificate_to < ${today}`).as(
          'deemed',
        ),
        monthWithin('d.issued_on', r, sql`d.status = 'issued'`).as('issued'),
        sql<string | null>`CASE WHEN d.status = 'issued' AND ${within('d.issued_on', originsIn)}
          THEN (SELECT m.party_origin FROM marriage_registrations AS m WHERE m.id = d.marriage_id) END`.as('origin'),
        count.as('n'),
      ])
      .where((eb) =>
        eb.or([
          within('d.receipt_date', r),
          within('d.withdrawn_on', r),
          within('d.certificate_to', r),
          within('d.issued_on', r),
        ]),
      )
      .groupBy([sql`received`, sql`withdrawn`, sql`deemed`, sql`issued`, sql`origin`]),
  );

export interface MonthCount {
  month: string;
  n: number;
}

export interface ReplacementRow {
  month: string;
  kind: 'BJ' | 'BL';
  n: number;
}

export const replacementCounts = (db: Db, r: Range): ReplacementRow[] =>
  all(
    db,
    q
      .selectFrom('marriage_replacements')
      .select([monthOf('issued_on').as('month'), 'kind', count.as('n')])
      .where('issued_on', '>=', r.from)
      .where('issued_on', '<', r.until)
      .groupBy([monthOf('issued_on'), 'kind']),
  );

/** Couples registered per month: the registration_date index alone answers it. */
export const registrationsPerMonth = (db: Db, r: Range): MonthCount[] =>
  all(
    db,
    q
      .selectFrom('marriage_registrations')
      .select([monthOf('registration_date').as('month'), count.as('n')])
      .where('registration_date', '>=', r.from)
      .where('registration_date', '<', r.until)
      .groupBy(monthOf('registration_date')),
  );

export const registrationTotal = (db: Db, r: Range): number =>
  first(
    db,
    q
      .selectFrom('marriage_registrations')
      .select(count.as('n'))
      .where('registration_date', '>=', r.from)
      .where('registration_date', '<', r.until),
  )?.n ?? 0;
