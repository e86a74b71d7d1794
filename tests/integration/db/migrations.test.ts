import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../../main/core/db/connection';
import { DatabaseTooNewError, migrate, schemaVersion, type Migration } from '../../../main/core/db/migrate';
import { allMigrations } from '../../../main/core/db/migrations';
import { tempDir } from '../../helpers/app';

const dirs: (() => void)[] = [];
afterEach(() => dirs.splice(0).forEach((c) => c()));

function freshDb(): { db: Db; file: string } {
  const { dir, cleanup } = tempDir();
  dirs.push(cleanup);
  const file = join(dir, 'm.db');
  return { db: openDatabase(file), file };
}

const tables = (db: Db): string[] =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table','trigger') ORDER BY name").all() as { name: string }[]).map(
    (r) => r.name,
  );

describe('migrations', () => {
  it('are numbered 1..n without gaps', () => {
    expect(allMigrations.map((m) => m.version)).toEqual(allMigrations.map((_, i) => i + 1));
  });

  it('bring an empty file to the newest version and record it in user_version', () => {
    const { db } = freshDb();
    expect(migrate(db, allMigrations)).toEqual({ from: 0, to: allMigrations.length });
    expect(schemaVersion(db)).toBe(allMigrations.length);
    expect(migrate(db, allMigrations)).toEqual({ from: allMigrations.length, to: allMigrations.length });
    db.close();
  });

  it('0001 creates STRICT account tables with the role check', () => {
    const { db } = freshDb();
    migrate(db, allMigrations.slice(0, 1));
    expect(tables(db)).toEqual(expect.arrayContaining(['settings', 'user_roles', 'users']));
    const sql = (db.prepare("SELECT sql FROM sqlite_master WHERE name = 'users'").get() as { sql: string }).sql;
    expect(sql).toMatch(/STRICT/);
    db.prepare(
      "INSERT INTO users (username, display_name, password_hash, created_at, updated_at, must_change_password) VALUES ('a','A','x','t','t',0)",
    ).run();
    expect(() => db.prepare("INSERT INTO user_roles (user_id, role) VALUES (1, 'emperor')").run()).toThrow(/CHECK/);
    // STRICT refuses a text where an integer belongs.
    expect(() => db.prepare("UPDATE users SET failed_logins = 'many'").run()).toThrow();
    db.close();
  });

  it('0002 creates an audit log that refuses UPDATE and DELETE', () => {
    const { db } = freshDb();
    migrate(db, allMigrations.slice(0, 2));
    db.prepare("INSERT INTO audit_log (at, action, entity, prev_hash, hash) VALUES ('t','create','x','0','h1')").run();
    expect(() => db.prepare("UPDATE audit_log SET action = 'other'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    db.close();
  });

  it('0003 creates number series and issued numbers that can only be voided', () => {
    const { db } = freshDb();
    migrate(db, allMigrations.slice(0, 3));
    db.prepare("INSERT INTO number_series VALUES ('J500118-2026', 1, 999999, 't')").run();
    const insert = db.prepare(
      "INSERT INTO issued_numbers (number, series, serial, status, entity, entity_id, issued_at) VALUES (?, 'J500118-2026', ?, 'issued', 'x', '1', 't')",
    );
    insert.run('J500118-2026-000001', 1);
    expect(() => insert.run('J500118-2026-000001b', 1)).toThrow(/UNIQUE/);
    expect(() => db.prepare("UPDATE issued_numbers SET status = 'void'").run()).toThrow(/CHECK/); // a void needs its reason
    db.prepare("UPDATE issued_numbers SET status = 'void', void_reason = '作废'").run();
    expect(() => db.prepare('DELETE FROM issued_numbers').run()).toThrow(/never deleted/);
    db.close();
  });

  it('0005 creates marriage registrations whose dissolution needs its date, and the refusal and blacklist tables', () => {
    const { db } = freshDb();
    migrate(db, allMigrations.slice(0, 5));
    expect(tables(db)).toEqual(
      expect.arrayContaining(['marriage_registrations', 'marriage_parties', 'marriage_refusals', 'credit_blacklist']),
    );
    const insert = db.prepare(
      "INSERT INTO marriage_registrations (status, registration_date, certificate_number, division_code, party_origin, cross_province, created_at, updated_at, dissolved_at) VALUES (?, '2026-05-20', ?, '500118', 'mainland', 0, 't', 't', ?)",
    );
    insert.run('registered', 'J1', null);
    expect(() => insert.run('dissolved', 'J2', null)).toThrow(/CHECK/);
    expect(() => insert.run('registered', 'J1', null)).toThrow(/UNIQUE/);
    expect(() =>
      db
        .prepare("INSERT INTO marriage_refusals (refusal_date, reasons, application, created_at) VALUES ('d', '[]', '{}', 't')")
        .run(),
    ).toThrow(/CHECK/);
    db.close();
  });

  it('0006 adds divorce applications (one open per marriage) and keeps a dissolved marriage dissolved', () => {
    const { db } = freshDb();
    migrate(db, allMigrations.slice(0, 6));
    db.prepare(
      "INSERT INTO marriage_registrations (id, status, registration_date, certificate_number, division_code, party_origin, cross_province, created_at, updated_at) VALUES (1, 'registered', '2025-06-01', 'J1', '500118', 'mainland', 0, 't', 't')",
    ).run();
    const apply = db.prepare(
      "INSERT INTO divorce_applications (marriage_id, status, receipt_date, withdrawal_from, withdrawal_to, certificate_from, certificate_to, agreement, created_at, updated_at) VALUES (1, 'pending', '2025-09-04', '2025-09-05', '2025-10-09', '2025-10-10', '2025-11-10', '{}', 't', 't')",
    );
    apply.run();
    expect(() => apply.run()).toThrow(/UNIQUE/);
    db.prepare("UPDATE marriage_registrations SET status = 'dissolved', dissolved_at = 't', dissolved_by_divorce = 1").run();
    expect(() => db.prepare("UPDATE marriage_registrations SET status = 'registered', dissolved_at = NULL").run()).toThrow(
      /stays dissolved/,
    );
    db.close();
  });

  it('run all pending migrations in one transaction: a failure leaves the file untouched', () => {
    const { db } = freshDb();
    const broken: Migration[] = [
      ...allMigrations,
      {
        version: allMigrations.length + 1,
        name: 'creates then fails',
        up: (d) => {
          d.exec('CREATE TABLE half (x INTEGER) STRICT');
          throw new Error('boom');
        },
      },
    ];
    expect(() => migrate(db, broken)).toThrow('boom');
    expect(schemaVersion(db)).toBe(0);
    expect(tables(db)).toEqual([]);
    db.close();
  });

  it('refuse a database written by a newer app version', () => {
    const { db, file } = freshDb();
    migrate(db, allMigrations);
    db.pragma(`user_version = ${allMigrations.length + 5}`);
    db.close();
    const again = openDatabase(file);
    expect(() => migrate(again, allMigrations)).toThrow(DatabaseTooNewError);
    expect(() => migrate(again, allMigrations)).toThrow(/更新版本的程序/);
    again.close();
  });

  it('open with WAL and foreign keys on', () => {
    const { db } = freshDb();
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });
});
