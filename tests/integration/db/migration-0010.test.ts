import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openDatabase } from '../../../main/core/db/connection';
import { migrate } from '../../../main/core/db/migrate';
import { allMigrations } from '../../../main/core/db/migrations';
import { tempDir } from '../../helpers/app';

const dirs: (() => void)[] = [];
afterEach(() => dirs.splice(0).forEach((c) => c()));

describe('migration 0010: the district funeral approver role', () => {
  it('keeps every existing role assignment and accepts funeralApprover, still refusing unknown roles', () => {
    const { dir, cleanup } = tempDir();
    dirs.push(cleanup);
    const db = openDatabase(join(dir, 'm.db'));
    migrate(db, allMigrations.slice(0, 9));
    db.prepare(
      "INSERT INTO users (username, display_name, password_hash, created_at, updated_at, must_change_password) VALUES ('a','A','x','t','t',0), ('b','B','x','t','t',0)",
    ).run();
    db.prepare(
      "INSERT INTO user_roles (user_id, role) VALUES (1, 'funeralReviewer'), (1, 'auditor'), (2, 'marriageClerk')",
    ).run();
    expect(() => db.prepare("INSERT INTO user_roles (user_id, role) VALUES (2, 'funeralApprover')").run()).toThrow(/CHECK/);

    migrate(db, allMigrations.slice(0, 10));
    const rows = db.prepare('SELECT user_id, role FROM user_roles ORDER BY user_id, role').all();
    expect(rows).toEqual([
      { user_id: 1, role: 'auditor' },
      { user_id: 1, role: 'funeralReviewer' },
      { user_id: 2, role: 'marriageClerk' },
    ]);
    db.prepare("INSERT INTO user_roles (user_id, role) VALUES (2, 'funeralApprover')").run();
    expect(() => db.prepare("INSERT INTO user_roles (user_id, role) VALUES (2, 'emperor')").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO user_roles (user_id, role) VALUES (99, 'auditor')").run()).toThrow(/FOREIGN KEY/);
    const sql = (db.prepare("SELECT sql FROM sqlite_master WHERE name = 'user_roles'").get() as { sql: string }).sql;
    expect(sql).toMatch(/STRICT/);
    db.close();
  });
});
