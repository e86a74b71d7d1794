import { closeApp } from '../main/core/app';
import { addDays } from '../main/core/calendar/civilDate';
import type { Db } from '../main/core/db/connection';
import { statsReport } from '../main/marriage/stats/service';
import { openBenchApp } from './core';
import { generateMarriages } from './marriage';
import { median, percentile, round, samples, type BenchResult } from './measure';

// Marriage statistics over the generated register of bench/marriage.ts (11 years, 2015–2025),
// reshaped so every category has data: registrations spread over every month and day, origins
// (2 % foreign, 1 % each HK / Macao / Taiwan), 10 % cross-province, ages 20–42 (birth day from the
// ID number), 10 % remarrying after divorce and 4 % after widowhood; and divorce applications for one
// marriage in five — issued (the marriage dissolved), withdrawn, deemed withdrawn or still pending.
// Timed through the service, as the supervisor's screen calls it.

/** Spreads the generator's one-day-per-year register over the months, origins, ages and statuses. */
function diversify(db: Db): void {
  // h: Knuth's multiplicative hash of the id, so month, day, origin and age do not move in step.
  const h = (id: string) => `((${id} * 2654435761) % 4294967296)`;
  const person = h("(p.registration_id * 2 + (p.sex = 'male'))");
  db.exec(`
    UPDATE marriage_registrations SET
      registration_date = substr(registration_date, 1, 5) || printf('%02d-%02d', 1 + ${h('id')} % 12, 1 + ${h('id')} / 12 % 28),
      party_origin = CASE ${h('id')} / 336 % 100 WHEN 0 THEN 'foreign' WHEN 1 THEN 'foreign' WHEN 2 THEN 'hongkong'
        WHEN 3 THEN 'macao' WHEN 4 THEN 'taiwan' ELSE 'mainland' END,
      cross_province = (${h('id')} / 33600 % 10 = 5);
    UPDATE marriage_parties AS p SET
      birth_date = printf('%04d', cast(substr(r.registration_date, 1, 4) AS integer) - 21 - ${person} % 22)
        || '-' || substr(p.document_number, 11, 2) || '-' || substr(p.document_number, 13, 2),
      prior_status = CASE ${person} / 22 % 50
        WHEN 0 THEN '30' WHEN 1 THEN '30' ELSE CASE WHEN ${person} / 22 % 10 = 5 THEN '40' ELSE '10' END END
    FROM marriage_registrations AS r WHERE r.id = p.registration_id;
  `);
}

const STATUSES = [
  'issued',
  'issued',
  'issued',
  'issued',
  'issued',
  'withdrawn',
  'withdrawn',
  'deemedWithdrawn',
  'deemedWithdrawn',
  'pending',
] as const;

/** One application for every fifth marriage, received 100–1,600 days after the wedding (up to 2025). */
function generateDivorces(db: Db): number {
  const marriages = db.prepare('SELECT id, registration_date FROM marriage_registrations WHERE id % 5 = 0 ORDER BY id').all() as {
    id: number;
    registration_date: string;
  }[];
  const insert = db.prepare(`INSERT INTO divorce_applications (marriage_id, status, receipt_date, withdrawal_from, withdrawal_to,
    certificate_from, certificate_to, agreement, withdrawn_by, withdrawn_on, certificate_number, issued_on, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, '{}', ?, ?, ?, ?, 't', 't')`);
  const dissolve = db.prepare(
    "UPDATE marriage_registrations SET status = 'dissolved', dissolved_at = ?, dissolved_by_divorce = ? WHERE id = ?",
  );
  let n = 0;
  db.transaction(() => {
    for (const m of marriages) {
      const receipt = addDays(m.registration_date, 100 + ((m.id * 37) % 1500));
      if (receipt > '2025-12-31') continue;
      const status = STATUSES[(m.id / 5) % STATUSES.length]!;
      const issuedOn = status === 'issued' ? addDays(receipt, 31 + (m.id % 29)) : null;
      const withdrawnOn = status === 'withdrawn' ? addDays(receipt, 1 + (m.id % 29)) : null;
      const id = insert.run(
        m.id,
        status,
        receipt,
        addDays(receipt, 1),
        addDays(receipt, 30),
        addDays(receipt, 31),
        addDays(receipt, 60),
        withdrawnOn && 'male',
        withdrawnOn,
        issuedOn && `L500118-${issuedOn.slice(0, 4)}-${String(m.id).padStart(7, '0')}`,
        issuedOn,
      ).lastInsertRowid;
      if (issuedOn) dissolve.run(`${issuedOn}T02:00:00.000Z`, id, m.id);
      n++;
    }
  })();
  return n;
}

export async function benchMarriageStats(dataDir: string, registrations: number): Promise<BenchResult[]> {
  let app = openBenchApp(dataDir);
  generateMarriages(app.db, registrations);
  app.db.transaction(() => diversify(app.db))();
  const divorces = generateDivorces(app.db);
  closeApp(app);
  app = openBenchApp(dataDir); // steady state: statistics gathered at open
  statsReport(app, { year: 2024, month: 12 }); // prepares the statements once
  // Every month of 2025 (≈ registrations / 132 couples each), each report complete with its trend.
  const months = await samples(12, (i) => statsReport(app, { year: 2025, month: i + 1 }));
  const years = await samples(3, (i) => statsReport(app, { year: 2023 + i, month: null }));
  closeApp(app);
  const n = registrations;
  console.log(
    `(marriage stats: ${n} registrations, ${divorces} divorce applications; month median ${round(median(months))} ms, max ${round(Math.max(...months))} ms)`,
  );
  return [
    { id: 'marriage.stats_month.ms', value: round(percentile(months, 95)), unit: 'ms', n, target: '≤ 1,000' },
    { id: 'marriage.stats_year.ms', value: round(median(years)), unit: 'ms', n },
  ];
}
