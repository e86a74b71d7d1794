// Migration 0014 (fee waivers) on a real SQLite file: STRICT tables, the sample standard marked as
// such, and what the database itself refuses — a waiver above its cap, a second live waiver for
// the same ID number, any change to a standard a waiver was computed under, any change to a settled
// or void waiver or to a settlement, and deleting records.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../main/core/db/connection';
import { migrate } from '../../../main/core/db/migrate';
import { allMigrations } from '../../../main/core/db/migrations';
import { m0014 } from '../../../main/funeral/waivers/migrations/0014_funeral_waivers';
import { tempDir } from '../../helpers/app';

const dirs: (() => void)[] = [];
afterEach(() => dirs.splice(0).forEach((c) => c()));

const upTo14 = allMigrations.slice(0, 14);

function freshDb(): Db {
  const { dir, cleanup } = tempDir();
  dirs.push(cleanup);
  const db = openDatabase(join(dir, 'm.db'));
  migrate(db, upTo14.slice(0, 13));
  migrate(db, upTo14);
  return db;
}

const WAIVER = `INSERT INTO funeral_waivers (id, number, status, deceased_name, deceased_id_number, deceased_sex,
  deceased_birth_date, household_division, death_date, version_id, category_code, funeral_home_id, computation,
  actual_fen, waived_fen, cap_fen, recorded_on, created_at, updated_at)
  VALUES (?, ?, 'recorded', '张三', ?, 'male', '1940-01-01', '500118', '2026-05-01', 1, 'minimumLiving', 1, '{}', ?, ?, 178000, '2026-05-02', 't', 't')`;

describe('migration 0014: fee waivers', () => {
  it('is the fourteenth migration and creates STRICT tables with the sample standard marked as sample', () => {
    expect(m0014.version).toBe(14);
    expect(allMigrations[13]).toBe(m0014);
    const db = freshDb();
    const tables = db
      .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name LIKE 'funeral_%' ORDER BY name")
      .all() as { name: string; sql: string }[];
    expect(tables.map((t) => t.name)).toEqual(
      expect.arrayContaining([
        'funeral_homes',
        'funeral_service_items',
        'funeral_waiver_categories',
        'funeral_waiver_category_items',
        'funeral_waiver_settlements',
        'funeral_waiver_versions',
        'funeral_waivers',
      ]),
    );
    for (const t of tables.filter((x) => /waiver|service_items|funeral_homes/.test(x.name))) expect(t.sql).toMatch(/STRICT/);
    expect(db.prepare('SELECT effective_from, title, is_sample FROM funeral_waiver_versions').all()).toEqual([
      { effective_from: '2020-01-01', title: '示例数据，请按本地政策修改', is_sample: 1 },
    ]);
    expect(db.prepare('SELECT COUNT(*) AS n FROM funeral_waiver_category_items').get()).toEqual({ n: 5 + 6 + 6 + 4 });
    db.close();
  });

  it('refuses what the rules forbid, at the database', () => {
    const db = freshDb();
    db.prepare(
      "INSERT INTO funeral_homes (id, name, division_code, created_at, updated_at) VALUES (1, '甲殡仪馆', '500118', 't', 't')",
    ).run();
    // Above the per-body cap, or above the actual cost.
    expect(() => db.prepare(WAIVER).run(1, 'HM-1', '500118194001010133', 200000, 178001)).toThrow(/CHECK/);
    expect(() => db.prepare(WAIVER).run(1, 'HM-1', '500118194001010133', 1000, 1001)).toThrow(/CHECK/);
    db.prepare(WAIVER).run(1, 'HM-1', '500118194001010133', 200000, 178000);
    // One live waiver per ID number; a void one leaves room for another.
    expect(() => db.prepare(WAIVER).run(2, 'HM-2', '500118194001010133', 1000, 1000)).toThrow(/UNIQUE/);
    expect(() => db.prepare("UPDATE funeral_waivers SET status = 'void' WHERE id = 1").run()).toThrow(/CHECK/); // needs its reason
    db.prepare("UPDATE funeral_waivers SET status = 'void', void_reason = '录入错误' WHERE id = 1").run();
    db.prepare(WAIVER).run(2, 'HM-2', '500118194001010133', 1000, 1000);
    expect(() => db.prepare("UPDATE funeral_waivers SET status = 'recorded', void_reason = NULL WHERE id = 1").run()).toThrow(
      /locked/,
    );

    // The sample standard has been applied: it, its items and its categories are frozen.
    expect(() => db.prepare("UPDATE funeral_waiver_versions SET title = 'x' WHERE id = 1").run()).toThrow(/applied/);
    expect(() => db.prepare('UPDATE funeral_service_items SET standard_price_fen = 1 WHERE version_id = 1').run()).toThrow(
      /applied/,
    );
    expect(() => db.prepare('UPDATE funeral_waiver_categories SET cap_fen = 1 WHERE version_id = 1').run()).toThrow(/applied/);
    expect(() => db.prepare("INSERT INTO funeral_service_items VALUES (1, 'x', 'x', '次', 1, 1, 9)").run()).toThrow(/applied/);
    expect(() => db.prepare('DELETE FROM funeral_waiver_category_items WHERE version_id = 1').run()).toThrow(/applied/);

    // Settled: locked, and the settlement itself is final. Nothing is ever deleted.
    db.prepare(
      "INSERT INTO funeral_waiver_settlements (id, funeral_home_id, month, waiver_count, actual_fen, waived_fen, settled_at) VALUES (1, 1, '2026-05', 1, 1000, 1000, 't')",
    ).run();
    expect(() => db.prepare("UPDATE funeral_waivers SET status = 'settled' WHERE id = 2").run()).toThrow(/CHECK/); // needs its settlement
    db.prepare("UPDATE funeral_waivers SET status = 'settled', settlement_id = 1 WHERE id = 2").run();
    expect(() => db.prepare('UPDATE funeral_waivers SET waived_fen = 0 WHERE id = 2').run()).toThrow(/locked/);
    expect(() => db.prepare('UPDATE funeral_waiver_settlements SET waived_fen = 0').run()).toThrow(/final/);
    expect(() => db.prepare('DELETE FROM funeral_waiver_settlements').run()).toThrow(/final/);
    expect(() => db.prepare('DELETE FROM funeral_waivers').run()).toThrow(/never deleted/);
    db.close();
  });

  it('leaves a version nobody used free to be replaced', () => {
    const db = freshDb();
    db.prepare("UPDATE funeral_waiver_versions SET title = '本地标准', is_sample = 0 WHERE id = 1").run();
    db.prepare("UPDATE funeral_service_items SET standard_price_fen = 60000 WHERE version_id = 1 AND code = 'cremation'").run();
    expect(db.prepare("SELECT standard_price_fen FROM funeral_service_items WHERE code = 'cremation'").get()).toEqual({
      standard_price_fen: 60000,
    });
    db.close();
  });
});
