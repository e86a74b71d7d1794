// Migration 0015 (funeral reports) on a real SQLite file: STRICT tables, the sample counting
// definition marked as such, versions that can only be added, township codes of 9 digits, and the
// burials-by-date index that the year's counts are read from.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../main/core/db/connection';
import { migrate } from '../../../main/core/db/migrate';
import { allMigrations } from '../../../main/core/db/migrations';
import { m0015 } from '../../../main/funeral/reports/migrations/0015_funeral_reports';
import { defaultEcoBurialForms } from '../../../main/funeral/shared/forms';
import { tempDir } from '../../helpers/app';

const dirs: (() => void)[] = [];
afterEach(() => dirs.splice(0).forEach((c) => c()));

function freshDb(): Db {
  const { dir, cleanup } = tempDir();
  dirs.push(cleanup);
  const db = openDatabase(join(dir, 'm.db'));
  // Up to 0014 first, then 0015 on top: the upgrade path of an existing office.
  migrate(db, allMigrations.slice(0, 14));
  migrate(db, allMigrations.slice(0, 15));
  return db;
}

describe('migration 0015: funeral reports', () => {
  it('is the fifteenth migration and creates STRICT tables with the sample definition marked as sample', () => {
    expect(m0015.version).toBe(15);
    expect(allMigrations[14]).toBe(m0015);
    const db = freshDb();
    const tables = db
      .prepare(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name IN ('funeral_eco_form_versions', 'funeral_townships')",
      )
      .all() as { name: string; sql: string }[];
    expect(tables).toHaveLength(2);
    for (const t of tables) expect(t.sql).toMatch(/STRICT/);
    const versions = db.prepare('SELECT effective_from, forms, is_sample, created_by FROM funeral_eco_form_versions').all() as {
      effective_from: string;
      forms: string;
      is_sample: number;
      created_by: number | null;
    }[];
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({ effective_from: '2000-01-01', is_sample: 1, created_by: null });
    // The shipped sample is the module's default reading.
    expect(JSON.parse(versions[0]!.forms)).toEqual([...defaultEcoBurialForms]);
    db.close();
  });

  it('keeps versions append-only and refuses malformed rows', () => {
    const db = freshDb();
    expect(() => db.prepare('UPDATE funeral_eco_form_versions SET forms = \'["tree"]\'').run()).toThrow(/only added/);
    expect(() => db.prepare('DELETE FROM funeral_eco_form_versions').run()).toThrow(/only added/);
    const add = db.prepare(
      "INSERT INTO funeral_eco_form_versions (effective_from, forms, basis, is_sample, created_at) VALUES (?, ?, 'x', 0, 't')",
    );
    expect(() => add.run('2026-01-01', '[]')).toThrow(/CHECK/); // at least one form
    expect(() => add.run('2026-1-1', '["tree"]')).toThrow(/CHECK/);
    expect(() => add.run('2000-01-01', '["tree"]')).toThrow(/UNIQUE/); // one version per date
    add.run('2026-01-01', '["tree"]');

    const town = db.prepare("INSERT INTO funeral_townships (code, name, created_at, updated_at) VALUES (?, ?, 't', 't')");
    expect(() => town.run('50011810', '胜利路街道')).toThrow(/CHECK/);
    expect(() => town.run('50011810A', '胜利路街道')).toThrow(/CHECK/);
    expect(() => town.run('500118001', '')).toThrow(/CHECK/);
    town.run('500118001', '胜利路街道');
    expect(() => town.run('500118001', '中山路街道')).toThrow(/UNIQUE|PRIMARY/);
    db.close();
  });

  it('answers burials by date, cemetery and form from the index alone', () => {
    const db = freshDb();
    const plan = db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT substr(burial_date, 1, 7) AS month, cemetery_id, form, count(*) FROM funeral_burials
         WHERE burial_date >= '2025-01-01' AND burial_date <= '2025-12-31' GROUP BY month, cemetery_id, form`,
      )
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/COVERING INDEX funeral_burials_by_date/);
    db.close();
  });
});
