// Statistics over archive records (MZ/T 113 legacy registers): they count in the period of their
// registration date like any record, and what only they can have — a prior status left unstated
// (90), a birth date that is not a real date, an age under today's legal minimum — lands in rows of
// its own instead of being mistaken for remarriage or a wrong age band. The records are written
// with SQL exactly as the archive import stores them (source 'archive', its batch), so this test
// does not depend on the import file formats.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../../main/core/clock';
import { openTestApp, setupAdmin, userWithRoles, type TestApp } from '../../helpers/app';
import { localNoon, setDivision } from '../../helpers/marriage';

let t: TestApp;
let boss: string;

interface Party {
  sex: 'male' | 'female';
  name: string;
  birth: string;
  prior: '10' | '30' | '40' | '90';
}

function archiveRecord(id: number, date: string, man: Party, woman: Party): void {
  const db = t.app.db;
  db.prepare(
    `INSERT INTO marriage_registrations (id, status, registration_date, certificate_number, division_code, party_origin,
       cross_province, clerk_id, dissolved_at, created_at, updated_at, source, archive_batch_id)
     VALUES (?, 'registered', ?, ?, '500118', 'mainland', 0, NULL, NULL, 't', 't', 'archive', 1)`,
  ).run(id, date, `永字第${id}号`);
  for (const p of [man, woman]) {
    db.prepare(
      `INSERT INTO marriage_parties (registration_id, source, sex, name, document_type, document_number, birth_date,
         nationality, ethnic_code, prior_status)
       VALUES (?, 'archive', ?, ?, 'residentId', NULL, ?, 'CHN', '01', ?)`,
    ).run(id, p.sex, p.name, p.birth, p.prior);
  }
}

beforeAll(async () => {
  t = openTestApp({ clock: manualClock(localNoon('2026-03-02')) });
  const admin = await setupAdmin(t);
  await setDivision(t, admin, '重庆市永川区民政局婚姻登记处');
  boss = await userWithRoles(t, admin, 'boss', ['marriageSupervisor']);
  t.app.db
    .prepare(
      `INSERT INTO marriage_archive_batches (file_name, file_format, file_sha256, row_count, imported_by, imported_at)
       VALUES ('1985年结婚登记簿.xlsx', 'xlsx', ?, 3, 1, 't')`,
    )
    .run('a'.repeat(64));
  // Married at 22 and 19 under the 1980 Marriage Law (22 / 20 since 1981; the register shows what it shows).
  archiveRecord(
    1,
    '1985-03-10',
    { sex: 'male', name: '王建国', birth: '1963-01-01', prior: '10' },
    { sex: 'female', name: '李秀英', birth: '1965-04-01', prior: '10' },
  );
  // The register said only “再婚” (stored as 90 未说明) and the bride's birth date was unreadable.
  archiveRecord(
    2,
    '1985-03-31',
    { sex: 'male', name: '赵德明', birth: '1950-05-05', prior: '90' },
    { sex: 'female', name: '孙桂兰', birth: '1955-00-00', prior: '90' },
  );
  archiveRecord(
    3,
    '1985-04-01',
    { sex: 'male', name: '周志强', birth: '1960-06-06', prior: '40' },
    { sex: 'female', name: '吴凤英', birth: '1961-07-07', prior: '10' },
  );
}, 30_000);
afterAll(() => t.close());

describe('archive records in the statistics', () => {
  it('counts them by registration date, with unstated status and unknown ages apart', async () => {
    const r = await t.must('marriage.stats.report', { period: { year: 1985, month: 3 } }, boss);
    const f = r.figures;
    expect(f.marriages).toEqual({ total: 2, mainland: 2, foreign: 0, hongkong: 0, macao: 0, taiwan: 0 });
    expect(f.firstMarriage).toEqual({ male: 1, female: 1, total: 2 });
    expect(f.remarriage).toMatchObject({ male: 0, female: 0, total: 0 });
    expect(f.priorUnstated).toEqual({ male: 1, female: 1, total: 2 });
    expect(f.ageBands.under20).toEqual({ male: 0, female: 1, total: 1 });
    expect(f.ageBands['20-24']).toEqual({ male: 1, female: 0, total: 1 });
    expect(f.ageBands['30-34']).toEqual({ male: 1, female: 0, total: 1 });
    expect(f.ageBands.unknown).toEqual({ male: 0, female: 1, total: 1 });
    // 1963-01-01 → 1985-03-10: 8,104 days; 1965-04-01 → 1985-03-10: 7,283 days.
    expect(f.averageFirstMarriageAge).toEqual({
      male: Math.round((8104 / 365.25) * 100) / 100,
      female: Math.round((7283 / 365.25) * 100) / 100,
      all: Math.round(((8104 + 7283) / 2 / 365.25) * 100) / 100,
    });
    const persons = r.tables.find((x) => x.key === 'persons')!;
    expect(persons.rows[0]).toMatchObject({ label: '结婚登记人员合计', values: [2, 2, 4] });
    expect(persons.rows.at(-1)).toMatchObject({ label: '婚姻状况未说明（历史档案）', values: [1, 1, 2] });
    const ages = r.tables.find((x) => x.key === 'ageBands')!;
    expect(ages.rows.map((x) => x.label)).toEqual([
      '20 岁以下',
      '20–24 岁',
      '25–29 岁',
      '30–34 岁',
      '35–39 岁',
      '40 岁及以上',
      '出生日期不详',
      '合计',
    ]);
  });

  it('shows neither extra row when a period has none', async () => {
    const r = await t.must('marriage.stats.report', { period: { year: 1985, month: 4 } }, boss);
    expect(r.figures.remarriage.afterDivorce).toEqual({ male: 1, female: 0, total: 1 });
    expect(r.tables.find((x) => x.key === 'persons')!.rows.map((x) => x.label)).not.toContain('婚姻状况未说明（历史档案）');
    expect(r.tables.find((x) => x.key === 'ageBands')!.rows).toHaveLength(6);
  });
});
