import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../main/core/db/connection';
import { migrate, type Migration } from '../../../main/core/db/migrate';
import { allMigrations } from '../../../main/core/db/migrations';
import { m0012 } from '../../../main/funeral/burials/migrations/0012_funeral_burials';
import { m0011 } from '../../../main/funeral/cemeteries/migrations/0011_funeral_cemeteries';
import { tempDir } from '../../helpers/app';

// Migrations 0011 (cemeteries, plots, status history, area limits) and 0012 (burials, spouse
// reservations, renewals, ash storage, use periods, print log) on a real SQLite file. Numbers
// 0008–0010 belong to other areas and are stood in for when not registered yet.

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function migratedDb(upTo: 11 | 12): Db {
  const { dir, cleanup } = tempDir();
  cleanups.push(cleanup);
  const db = openDatabase(join(dir, 'm.db'));
  const list: Migration[] = Array.from(
    { length: upTo },
    (_, i) =>
      (i < 10 ? allMigrations[i] : undefined) ??
      [m0011, m0012][i - 10] ?? { version: i + 1, name: `stand-in ${i + 1}`, up: () => {} },
  );
  migrate(db, list);
  cleanups.unshift(() => db.close());
  return db;
}

const strict = (db: Db, table: string) =>
  (db.prepare('SELECT sql FROM sqlite_master WHERE name = ?').get(table) as { sql: string }).sql;

function seedPlot(db: Db) {
  db.exec(`
    INSERT INTO funeral_cemeteries (id, name, kind, division_code, served_divisions, created_at, updated_at)
      VALUES (1, '松柏公墓', 'ruralPublic', '500118101', '["500118101"]', 't', 't');
    INSERT INTO funeral_sections (id, cemetery_id, code, created_at) VALUES (1, 1, 'A', 't');
    INSERT INTO funeral_plots (id, section_id, row_no, number, plot_type, area_cm2, urn_capacity, fee_fen, status, created_on, created_at, updated_at)
      VALUES (1, 1, 1, 1, 'double', 8000, 2, 0, 'available', '2026-01-01', 't', 't');
  `);
}

describe('migration 0011 (cemeteries and plots)', () => {
  it('creates STRICT tables, ships the sample area limits marked as samples, and keeps (section, row, number) unique', () => {
    const db = migratedDb(11);
    for (const t of [
      'funeral_cemeteries',
      'funeral_sections',
      'funeral_plots',
      'funeral_plot_status_history',
      'funeral_plot_area_limits',
    ])
      expect(strict(db, t)).toMatch(/STRICT/);
    expect(
      db
        .prepare('SELECT plot_type, max_area_cm2, effective_from, is_sample FROM funeral_plot_area_limits ORDER BY plot_type')
        .all(),
    ).toEqual([
      { plot_type: 'double', max_area_cm2: 8000, effective_from: '2016-01-01', is_sample: 1 },
      { plot_type: 'single', max_area_cm2: 5000, effective_from: '2016-01-01', is_sample: 1 },
    ]);
    seedPlot(db);
    expect(() =>
      db
        .prepare(
          "INSERT INTO funeral_plots (section_id, row_no, number, plot_type, area_cm2, urn_capacity, fee_fen, status, created_on, created_at, updated_at) VALUES (1, 1, 1, 'single', 5000, 1, 0, 'available', 'd', 't', 't')",
        )
        .run(),
    ).toThrow(/UNIQUE/);
  });

  it('refuses more urns and kept places than the capacity, and a reserved plot without a kept place', () => {
    const db = migratedDb(11);
    seedPlot(db);
    expect(() =>
      db.prepare("UPDATE funeral_plots SET status = 'occupied', urns = 2, reserved_places = 1 WHERE id = 1").run(),
    ).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE funeral_plots SET status = 'reserved', urns = 1 WHERE id = 1").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE funeral_plots SET status = 'occupied' WHERE id = 1").run()).toThrow(/CHECK/);
    db.prepare("UPDATE funeral_plots SET status = 'reserved', urns = 1, reserved_places = 1 WHERE id = 1").run();
    expect(() => db.prepare("UPDATE funeral_plots SET status = 'bogus' WHERE id = 1").run()).toThrow(/CHECK/);
  });

  it('keeps the plot status history append-only', () => {
    const db = migratedDb(11);
    seedPlot(db);
    db.prepare(
      "INSERT INTO funeral_plot_status_history (plot_id, from_status, to_status, reason, at) VALUES (1, NULL, 'available', '批量生成', 't')",
    ).run();
    expect(() => db.prepare("UPDATE funeral_plot_status_history SET reason = '改过'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM funeral_plot_status_history').run()).toThrow(/append-only/);
    expect(() =>
      db
        .prepare("INSERT INTO funeral_plot_status_history (plot_id, to_status, reason, at) VALUES (1, 'available', '', 't')")
        .run(),
    ).toThrow(/CHECK/);
  });
});

describe('migration 0012 (burials, reservations, renewals, ash storage)', () => {
  const burial = (db: Db, over: Record<string, unknown> = {}) =>
    db
      .prepare(
        `INSERT INTO funeral_burials (cemetery_id, plot_id, plot_label, certificate_number, deceased_name, deceased_sex, death_date,
           household_division, death_certificate_no, holder_name, holder_id_number, holder_relation, holder_phone, burial_date, form,
           use_years, expires_on, fee_fen, residency, residency_override_reason, created_at, updated_at)
         VALUES (1, 1, 'A区1排1号', @cert, '王德明', 'male', @death, '500118101201', 'SW1', '王建国', 'x', 'child', '138', @burial,
           'traditional', 20, @expires, 0, @residency, @reason, 't', 't')`,
      )
      .run({
        cert: 'GMAZ-2026-000001',
        death: '2026-03-01',
        burial: '2026-03-02',
        expires: '2046-03-02',
        residency: 'resident',
        reason: null,
        ...over,
      });

  it('creates STRICT tables and ships the 20-year use period marked as a sample', () => {
    const db = migratedDb(12);
    for (const t of [
      'funeral_burials',
      'funeral_spouse_reservations',
      'funeral_renewals',
      'funeral_ash_storages',
      'funeral_storage_renewals',
      'funeral_use_periods',
      'funeral_certificate_prints',
      'funeral_burial_name_grams',
    ])
      expect(strict(db, t)).toMatch(/STRICT/);
    expect(db.prepare('SELECT years, is_sample FROM funeral_use_periods').all()).toEqual([{ years: 20, is_sample: 1 }]);
  });

  it('refuses a burial before death, an override without its reason, and a second certificate number', () => {
    const db = migratedDb(12);
    seedPlot(db);
    expect(() => burial(db, { death: '2026-03-05' })).toThrow(/CHECK/);
    expect(() => burial(db, { residency: 'override' })).toThrow(/CHECK/);
    burial(db);
    expect(() => burial(db)).toThrow(/UNIQUE/);
  });

  it('keeps one deposit per niche at a time and one kept place per plot', () => {
    const db = migratedDb(12);
    seedPlot(db);
    burial(db);
    const deposit = (status: string) =>
      db
        .prepare(
          `INSERT INTO funeral_ash_storages (cemetery_id, niche_code, certificate_number, deceased_name, deceased_sex, death_date,
             depositor_name, depositor_id_number, depositor_relation, depositor_phone, start_date, term_months, end_date, fee_fen,
             status, collected_on, collector_name, created_at, updated_at)
           VALUES (1, '1-01', ?, '李四', 'male', '2026-01-01', '李五', 'x', 'child', '138', '2026-01-02', 12, '2027-01-02', 0, ?, ?, ?, 't', 't')`,
        )
        .run(
          `GHJC-${Math.random()}`,
          status,
          status === 'collected' ? '2026-02-01' : null,
          status === 'collected' ? '李五' : null,
        );
    deposit('collected');
    deposit('active');
    expect(() => deposit('active')).toThrow(/UNIQUE/);
    const keep = () =>
      db
        .prepare(
          "INSERT INTO funeral_spouse_reservations (plot_id, spouse_of_burial_id, spouse_name, spouse_id_number, status, created_at) VALUES (1, 1, '张桂英', 'y', 'kept', 't')",
        )
        .run();
    keep();
    expect(() => keep()).toThrow(/UNIQUE/);
  });

  it('keeps the certificate print log append-only, with a reason for every reprint', () => {
    const db = migratedDb(12);
    const print = (copy: number, reason: string | null) =>
      db
        .prepare(
          "INSERT INTO funeral_certificate_prints (kind, record_id, copy_no, reason, printed_at) VALUES ('burialCertificate', 1, ?, ?, 't')",
        )
        .run(copy, reason);
    print(1, null);
    expect(() => print(2, null)).toThrow(/CHECK/);
    print(2, '遗失');
    expect(() => db.prepare('DELETE FROM funeral_certificate_prints').run()).toThrow(/append-only/);
  });
});
