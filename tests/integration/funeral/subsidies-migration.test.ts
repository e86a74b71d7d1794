import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../main/core/db/connection';
import { migrate } from '../../../main/core/db/migrate';
import { allMigrations } from '../../../main/core/db/migrations';
import { tempDir } from '../../helpers/app';

// Migration 0013 on a real SQLite file: the tables are STRICT, and the database itself holds the
// rules that must survive any bug in the service — one subsidy per deceased unless rejected, the
// approver is never the street reviewer, a used policy version and a paid application are frozen,
// the steps are append-only.

const dirs: (() => void)[] = [];
afterEach(() => dirs.splice(0).forEach((c) => c()));

function migrated(): Db {
  const { dir, cleanup } = tempDir();
  dirs.push(cleanup);
  const db = openDatabase(join(dir, 'm.db'));
  migrate(db, allMigrations.slice(0, 13));
  db.prepare(
    "INSERT INTO users (username, display_name, password_hash, created_at, updated_at, must_change_password) VALUES ('r','R','x','t','t',0), ('a','A','x','t','t',0)",
  ).run();
  return db;
}

const version = (db: Db, from = '2025-01-01') =>
  Number(
    db
      .prepare(
        `INSERT INTO subsidy_policy_versions (area_code, area_name, title, basis, effective_from, effective_to, residency_required, forms, documents, sample, created_at, created_by, updated_at)
         VALUES ('500118', '永川区', '办法', NULL, ?, NULL, 1, '[]', '[]', 0, 't', 1, 't')`,
      )
      .run(from).lastInsertRowid,
  );

let n = 0;
function application(db: Db, policy: number, over: Record<string, unknown> = {}): number {
  const row: Record<string, unknown> = {
    number: `JB-${++n}`,
    status: 'pendingReview',
    receipt_date: '2025-03-01',
    policy_version_id: policy,
    form: 'seaScattering',
    burial_date: '2025-02-01',
    burial_id: null,
    cemetery_name: null,
    plot_label: null,
    deceased_name: '王德明',
    deceased_id_number: '500118194005060133',
    deceased_household: '500118101201',
    death_date: '2025-01-01',
    cremation_date: '2025-01-03',
    applicant_name: '王建国',
    applicant_id_number: '500118196809120579',
    applicant_relation: '子女',
    applicant_phone: '13800138000',
    bank_account_name: '王建国',
    bank_name: '银行',
    bank_account_number: '6217001234567890123',
    required_documents: '[]',
    submitted_documents: '[]',
    family_fen: 500000,
    cemetery_fen: 0,
    deadline_base: 'cremation',
    deadline_rule: '自火化之日起 5 年内',
    deadline_base_date: '2025-01-03',
    deadline_last_day: '2030-01-03',
    created_at: 't',
    updated_at: 't',
    ...over,
  };
  const cols = Object.keys(row);
  return Number(
    db.prepare(`INSERT INTO subsidy_applications (${cols.join(',')}) VALUES (${cols.map((c) => `@${c}`).join(',')})`).run(row)
      .lastInsertRowid,
  );
}

describe('migration 0013: eco-burial subsidies', () => {
  it('creates STRICT tables', () => {
    const db = migrated();
    for (const t of ['subsidy_policy_versions', 'subsidy_applications', 'subsidy_application_steps', 'subsidy_batches']) {
      const sql = (db.prepare('SELECT sql FROM sqlite_master WHERE name = ?').get(t) as { sql: string }).sql;
      expect(sql, t).toMatch(/\) STRICT$/);
    }
    db.close();
  });

  it('holds one subsidy per deceased ID number unless the earlier one was rejected', () => {
    const db = migrated();
    const v = version(db);
    const first = application(db, v);
    expect(() => application(db, v)).toThrow(/UNIQUE/);
    db.prepare("UPDATE subsidy_applications SET status = 'rejected', rejection_reason = '材料不实' WHERE id = ?").run(first);
    expect(application(db, v)).toBeGreaterThan(first);
    db.close();
  });

  it('refuses an approver who was the street reviewer, a receipt after the deadline and money of zero', () => {
    const db = migrated();
    const v = version(db);
    expect(() => application(db, v, { street_reviewer_id: 1, approver_id: 1 })).toThrow(/CHECK/);
    expect(() => application(db, v, { receipt_date: '2030-01-04' })).toThrow(/CHECK/);
    expect(() => application(db, v, { family_fen: 0 })).toThrow(/CHECK/);
    expect(application(db, v, { street_reviewer_id: 1, approver_id: 2 })).toBeGreaterThan(0);
    db.close();
  });

  it('freezes a policy version once an application used it, and a paid application and batch', () => {
    const db = migrated();
    const used = version(db);
    const unused = version(db, '2026-01-01');
    db.prepare("UPDATE subsidy_policy_versions SET title = '改' WHERE id = ?").run(unused);
    const id = application(db, used);
    expect(() => db.prepare("UPDATE subsidy_policy_versions SET title = '改' WHERE id = ?").run(used)).toThrow(/already applied/);
    expect(() => db.prepare('DELETE FROM subsidy_policy_versions WHERE id = ?').run(used)).toThrow(/already applied/);

    const batch = Number(
      db
        .prepare(
          "INSERT INTO subsidy_batches (number, title, status, created_at, created_by) VALUES ('FF-1', '一批', 'open', 't', 2)",
        )
        .run().lastInsertRowid,
    );
    expect(() => db.prepare("UPDATE subsidy_applications SET status = 'paid' WHERE id = ?").run(id)).toThrow(/CHECK/);
    db.prepare("UPDATE subsidy_applications SET status = 'approved', batch_id = ? WHERE id = ?").run(batch, id);
    db.prepare("UPDATE subsidy_applications SET status = 'paid' WHERE id = ?").run(id);
    expect(() => db.prepare('UPDATE subsidy_applications SET family_fen = 1 WHERE id = ?').run(id)).toThrow(/locked/);
    expect(() => db.prepare("UPDATE subsidy_batches SET status = 'paid' WHERE id = ?").run(batch)).toThrow(/CHECK/);
    db.prepare("UPDATE subsidy_batches SET status = 'paid', paid_on = '2025-03-05', payment_reference = 'ZF1' WHERE id = ?").run(
      batch,
    );
    expect(() => db.prepare("UPDATE subsidy_batches SET title = 'x' WHERE id = ?").run(batch)).toThrow(/locked/);
    expect(() => db.prepare('DELETE FROM subsidy_applications WHERE id = ?').run(id)).toThrow(/never deleted/);
    db.close();
  });

  it('keeps the steps append-only', () => {
    const db = migrated();
    const id = application(db, version(db));
    db.prepare(
      "INSERT INTO subsidy_application_steps (application_id, step, from_status, to_status, at, user_id, note) VALUES (?, 'apply', NULL, 'pendingReview', 't', 1, NULL)",
    ).run(id);
    expect(() => db.prepare("UPDATE subsidy_application_steps SET note = 'x'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM subsidy_application_steps').run()).toThrow(/append-only/);
    expect(() =>
      db
        .prepare(
          "INSERT INTO subsidy_application_steps (application_id, step, from_status, to_status, at) VALUES (?, 'cheat', NULL, 'paid', 't')",
        )
        .run(id),
    ).toThrow(/CHECK/);
    db.close();
  });
});
