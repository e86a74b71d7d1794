import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../../main/core/db/connection';
import { migrate, schemaVersion } from '../../../main/core/db/migrate';
import { allMigrations } from '../../../main/core/db/migrations';
import { m0008 } from '../../../main/marriage/archive/migrations/0008_marriage_archive_search';
import { searchKey } from '../../../main/marriage/search/names';
import { tempDir } from '../../helpers/app';
import { residentIdOf } from '../../helpers/marriage';

// Migration 0008 on a real file that already holds registrations (as version 7 left them): the
// parties table is rebuilt with every row and index kept, archive records get their place, and
// the existing names are indexed for search.

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function version7File(): { db: Db; file: string } {
  const { dir, cleanup } = tempDir();
  cleanups.push(cleanup);
  const file = join(dir, 'm.db');
  const db = openDatabase(file);
  migrate(db, allMigrations.slice(0, 7));
  db.exec(`
    INSERT INTO users (id, username, display_name, password_hash, created_at, updated_at, must_change_password)
      VALUES (1, 'boss', '负责人', 'x', 't', 't', 0);
    INSERT INTO marriage_registrations (id, status, registration_date, certificate_number, division_code, party_origin,
        cross_province, clerk_id, created_at, updated_at)
      VALUES (1, 'registered', '2025-06-01', 'J500118-2025-000001', '500118', 'mainland', 0, 1, 't', 't'),
             (2, 'registered', '2025-07-07', 'J500118-2025-000002', '500118', 'mainland', 1, 1, 't', 't');
  `);
  const party = db.prepare(
    `INSERT INTO marriage_parties (registration_id, sex, name, document_type, document_number, birth_date, nationality,
       ethnic_code, prior_status, prior_evidence, occupation, phone, address, household_province)
     VALUES (?, ?, ?, 'residentId', ?, ?, 'CHN', '01', ?, ?, '教师', '13800000000', '永川区', '50')`,
  );
  party.run(1, 'male', '张三丰', residentIdOf('1990-03-02', 'male'), '1990-03-02', '10', null);
  party.run(1, 'female', '李秀英', residentIdOf('1992-07-15', 'female'), '1992-07-15', '40', '离婚证 L500118-2020-000003');
  party.run(2, 'male', '单雄信', residentIdOf('1988-01-09', 'male'), '1988-01-09', '10', null);
  party.run(2, 'female', '曾小红', residentIdOf('1989-11-30', 'female'), '1989-11-30', '10', null);
  return { db, file };
}

const rows = (db: Db, sql: string, ...params: unknown[]) => db.prepare(sql).all(...params) as Record<string, unknown>[];
const match = (db: Db, token: string) =>
  rows(db, 'SELECT rowid FROM marriage_name_search WHERE marriage_name_search MATCH ? ORDER BY rowid DESC', `"${token}"`).map(
    (r) => Number(r.rowid),
  );

describe('migration 0008 (archive records and search index)', () => {
  it('rebuilds marriage_parties keeping every row, value and index, and indexes the names already there', () => {
    const { db, file } = version7File();
    const before = rows(db, 'SELECT * FROM marriage_parties ORDER BY registration_id, sex');
    migrate(db, [...allMigrations.slice(0, 7), m0008]);
    expect(schemaVersion(db)).toBe(8);
    db.close();

    // Read back from the file, as the app will after a restart.
    const again = openDatabase(file);
    cleanups.unshift(() => again.close());
    const after = rows(again, 'SELECT * FROM marriage_parties ORDER BY registration_id, sex');
    expect(after).toHaveLength(before.length);
    after.forEach((p, i) => {
      expect(p).toMatchObject(before[i]!);
      expect(p.source).toBe('counter');
    });
    // Ordered by registration, then sex (female before male).
    expect(after.map((p) => p.name_initials)).toEqual(['lxy', 'zsf', 'zxh cxh', 'sxx dxx']);
    const indexes = rows(again, "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'marriage_parties'").map(
      (r) => r.name,
    );
    expect(indexes).toEqual(expect.arrayContaining(['marriage_parties_document', 'marriage_parties_name']));
    expect((again.prepare("SELECT sql FROM sqlite_master WHERE name = 'marriage_parties'").get() as { sql: string }).sql).toMatch(
      /STRICT/,
    );
    expect(rows(again, 'SELECT id, source, archive_batch_id FROM marriage_registrations ORDER BY id')).toEqual([
      { id: 1, source: 'counter', archive_batch_id: null },
      { id: 2, source: 'counter', archive_batch_id: null },
    ]);
    // The name index: pieces of names and initials, keyed by date and id.
    const k1 = searchKey('2025-06-01', 1);
    const k2 = searchKey('2025-07-07', 2);
    expect(match(again, '三丰')).toEqual([k1]);
    expect(match(again, '0zsf')).toEqual([k1]);
    expect(match(again, '0sxx')).toEqual([k2]);
    expect(match(again, '秀')).toEqual([k1]);
    expect(again.pragma('foreign_key_check')).toEqual([]);
    expect((again.pragma('integrity_check') as { integrity_check: string }[])[0]!.integrity_check).toBe('ok');
  });

  it('lets only archive records lack a document number or leave the prior status unstated', () => {
    const { db } = version7File();
    migrate(db, [...allMigrations.slice(0, 7), m0008]);
    db.exec(`
      INSERT INTO marriage_archive_batches (id, file_name, file_format, file_sha256, row_count, imported_by, imported_at)
        VALUES (1, '1985.csv', 'csv', '${'a'.repeat(64)}', 1, 1, 't');
      INSERT INTO marriage_registrations (id, status, registration_date, certificate_number, division_code, party_origin,
          cross_province, created_at, updated_at, source, archive_batch_id)
        VALUES (3, 'registered', '1985-06-01', '(85)永婚字第0123号', '500118', 'mainland', 0, 't', 't', 'archive', 1);
      INSERT INTO marriage_registrations (id, status, registration_date, certificate_number, division_code, party_origin,
          cross_province, created_at, updated_at)
        VALUES (4, 'registered', '2025-08-01', 'J500118-2025-000003', '500118', 'mainland', 0, 't', 't');
    `);
    const party = (id: number, source: string, number: string | null, prior = '10') =>
      db
        .prepare(
          `INSERT INTO marriage_parties (registration_id, sex, name, document_type, document_number, birth_date, nationality,
             prior_status, source) VALUES (?, 'male', '王五', 'residentId', ?, '1960-01-01', 'CHN', ?, ?)`,
        )
        .run(id, number, prior, source);
    expect(() => party(4, 'counter', null)).toThrow(/CHECK/); // a counter registration always has the number
    expect(() => party(4, 'counter', residentIdOf('1960-01-01', 'male'), '90')).toThrow(/CHECK/);
    expect(() => party(4, 'archive', null)).toThrow(/FOREIGN KEY/); // the party's source is its registration's
    party(3, 'archive', null, '90');
    // An archive registration names its batch, a counter one does not; neither changes source later.
    expect(() =>
      db
        .prepare(
          `INSERT INTO marriage_registrations (id, status, registration_date, certificate_number, division_code, party_origin,
             cross_province, created_at, updated_at, source) VALUES (5, 'registered', '1985-06-02', 'X', '500118', 'mainland', 0, 't', 't', 'archive')`,
        )
        .run(),
    ).toThrow(/CHECK/);
    expect(() =>
      db.prepare("UPDATE marriage_registrations SET source = 'archive', archive_batch_id = 1 WHERE id = 4").run(),
    ).toThrow(/keeps its source/);
    expect(() => db.prepare('DELETE FROM marriage_archive_batches').run()).toThrow(/kept as imported/);
    db.close();
  });
});
