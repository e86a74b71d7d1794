import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { manualClock } from '../../../main/core/clock';
import { openDatabase } from '../../../main/core/db/connection';
import { migrate } from '../../../main/core/db/migrate';
import { allMigrations } from '../../../main/core/db/migrations';
import { m0007 } from '../../../main/marriage/amendments/migrations/0007_marriage_amendments';
import { openTestApp, setupAdmin, tempDir, userWithRoles, type TestApp } from '../../helpers/app';
import { localNoon, partyOf, setDivision, signInOn } from '../../helpers/marriage';

// 补领结婚证 (BJ) and 补领离婚证 (BL) against a real database, with the divorce flow of
// divorce.test.ts: receipt 2025-09-04, certificate window from 2025-10-10.

let t: TestApp;
let clerk: string;
let clock: ReturnType<typeof manualClock>;
let marriageId: number;

const agreement = { children: '无子女', property: '各自财产归各自所有', debts: '无共同债务' };

async function moveTo(date: string) {
  clerk = await signInOn(t, clock, date, 'clerk');
}

async function divorce() {
  await moveTo('2025-09-04');
  const d = await t.must(
    'marriage.divorce.apply',
    { marriageId, receiptDate: '2025-09-04', agreement, bothPresent: true },
    clerk,
  );
  await moveTo('2025-10-10');
  return t.must('marriage.divorce.issue', { id: d.id, bothPresent: true }, clerk);
}

beforeEach(async () => {
  clock = manualClock(localNoon('2025-06-01'));
  t = openTestApp({ clock });
  const admin = await setupAdmin(t);
  await setDivision(t, admin);
  clerk = await userWithRoles(t, admin, 'clerk', ['marriageClerk']);
  const m = await t.must(
    'marriage.register',
    { registrationDate: '2025-06-01', parties: [partyOf('张伟', 'male', '1990-03-02'), partyOf('李娜', 'female', '1992-07-15')] },
    clerk,
  );
  marriageId = m.id;
});
afterEach(() => t.close());

describe('replacement certificates (补领)', () => {
  it('issues BJ500118-2025-000001 then 000002, linked to the marriage, the original J number still valid', async () => {
    await moveTo('2025-08-01');
    const first = await t.must(
      'marriage.replacement.issue',
      { kind: 'BJ', registrationId: marriageId, applicant: 'female', reason: 'lost', reasonDetail: null },
      clerk,
    );
    expect(first).toMatchObject({
      kind: 'BJ',
      registrationId: marriageId,
      divorceId: null,
      originalNumber: 'J500118-2025-000001',
      certificateNumber: 'BJ500118-2025-000001',
      applicant: 'female',
      reasonLabel: '遗失',
      issuedOn: '2025-08-01',
    });
    const second = await t.must(
      'marriage.replacement.issue',
      { kind: 'BJ', registrationId: marriageId, applicant: 'both', reason: 'damaged', reasonDetail: '水浸' },
      clerk,
    );
    expect(second.certificateNumber).toBe('BJ500118-2025-000002');
    const list = await t.must('marriage.replacement.list', { registrationId: marriageId }, clerk);
    expect(list.map((r) => r.certificateNumber)).toEqual(['BJ500118-2025-000001', 'BJ500118-2025-000002']);
    // The original number stays issued and the record keeps it.
    expect((await t.must('marriage.get', { id: marriageId }, clerk)).certificateNumber).toBe('J500118-2025-000001');
    const numbers = t.app.db.prepare('SELECT number, status, entity, entity_id FROM issued_numbers ORDER BY number').all();
    expect(numbers).toEqual([
      { number: 'BJ500118-2025-000001', status: 'issued', entity: 'marriageReplacement', entity_id: String(first.id) },
      { number: 'BJ500118-2025-000002', status: 'issued', entity: 'marriageReplacement', entity_id: String(second.id) },
      { number: 'J500118-2025-000001', status: 'issued', entity: 'marriageRegistration', entity_id: String(marriageId) },
    ]);
    const audit = t.app.db
      .prepare("SELECT username, detail FROM audit_log WHERE entity = 'marriageReplacement' AND entity_id = ?")
      .get(String(first.id)) as { username: string; detail: string };
    expect(audit.username).toBe('clerk');
    expect(audit.detail).toContain('女方补领结婚证（遗失）');
  });

  it('needs a written reason when the reason is “other”, and an existing record', async () => {
    const r = await t.call(
      'marriage.replacement.issue',
      { kind: 'BJ', registrationId: marriageId, applicant: 'male', reason: 'other', reasonDetail: null },
      clerk,
    );
    expect(r.ok ? 'ok' : r.error.field).toBe('reasonDetail');
    const missing = await t.call(
      'marriage.replacement.issue',
      { kind: 'BJ', registrationId: 999, applicant: 'male', reason: 'lost', reasonDetail: null },
      clerk,
    );
    expect(missing.ok ? 'ok' : missing.error.code).toBe('NOT_FOUND');
    expect(t.app.db.prepare('SELECT count(*) AS n FROM issued_numbers').get()).toEqual({ n: 1 }); // no number drawn
  });

  it('refuses BL before the divorce is issued, and BJ once the marriage is dissolved; BL after issuance is linked to the divorce', async () => {
    const early = await t.call(
      'marriage.replacement.issue',
      { kind: 'BL', registrationId: marriageId, applicant: 'male', reason: 'lost', reasonDetail: null },
      clerk,
    );
    expect(early.ok ? 'ok' : early.error.message).toContain('不能补领离婚证');
    const d = await divorce();
    expect(d.certificateNumber).toBe('L500118-2025-000001');
    await moveTo('2025-12-01');
    const bj = await t.call(
      'marriage.replacement.issue',
      { kind: 'BJ', registrationId: marriageId, applicant: 'male', reason: 'lost', reasonDetail: null },
      clerk,
    );
    expect(bj.ok ? 'ok' : bj.error.code).toBe('RULE_VIOLATION');
    expect(bj.ok ? 'ok' : bj.error.message).toContain('不能补领结婚证');
    const bl = await t.must(
      'marriage.replacement.issue',
      { kind: 'BL', registrationId: marriageId, applicant: 'male', reason: 'lost', reasonDetail: null },
      clerk,
    );
    expect(bl).toMatchObject({
      kind: 'BL',
      divorceId: d.id,
      originalNumber: 'L500118-2025-000001',
      certificateNumber: 'BL500118-2025-000001',
    });
    // A new year starts a new series.
    await moveTo('2026-01-05');
    const next = await t.must(
      'marriage.replacement.issue',
      { kind: 'BL', registrationId: marriageId, applicant: 'female', reason: 'damaged', reasonDetail: null },
      clerk,
    );
    expect(next.certificateNumber).toBe('BL500118-2026-000001');
    const issued = t.app.db.prepare("SELECT status FROM issued_numbers WHERE number = 'L500118-2025-000001'").get();
    expect(issued).toEqual({ status: 'issued' });
  });

  it('is open to clerks only with the marriage permission', async () => {
    const admin = (await t.must('auth.login', { username: 'admin', password: 'Admin1234' })).token;
    const r = await t.call('marriage.replacement.list', { registrationId: marriageId }, admin);
    expect(r.ok ? 'ok' : r.error.code).toBe('FORBIDDEN');
  });
});

describe('migration 0007 (marriage amendments)', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => cleanups.splice(0).forEach((c) => c()));

  it('creates STRICT replacement and correction tables whose constraints hold', () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const db = openDatabase(join(dir, 'm.db'));
    try {
      // Imported directly so the test does not depend on where the lead lists it.
      migrate(db, [...allMigrations.slice(0, 6), m0007]);
      const sql = (name: string) => (db.prepare('SELECT sql FROM sqlite_master WHERE name = ?').get(name) as { sql: string }).sql;
      expect(sql('marriage_replacements')).toMatch(/STRICT/);
      expect(sql('marriage_corrections')).toMatch(/STRICT/);
      db.exec(`
        INSERT INTO users (id, username, display_name, password_hash, created_at, updated_at, must_change_password)
          VALUES (1, 'a', 'A', 'x', 't', 't', 0), (2, 'b', 'B', 'x', 't', 't', 0);
        INSERT INTO marriage_registrations (id, status, registration_date, certificate_number, division_code, party_origin,
          cross_province, created_at, updated_at)
          VALUES (1, 'registered', '2026-01-01', 'J500118-2026-000001', '500118', 'mainland', 0, 't', 't');
      `);
      const replacement = (over: Record<string, unknown>) =>
        db
          .prepare(
            `INSERT INTO marriage_replacements (kind, registration_id, divorce_id, original_number, certificate_number, applicant,
              reason, reason_detail, issued_on, created_at)
             VALUES (@kind, 1, @divorce_id, 'J500118-2026-000001', @number, 'male', @reason, @detail, '2026-01-02', 't')`,
          )
          .run({ kind: 'BJ', divorce_id: null, number: 'BJ500118-2026-000001', reason: 'lost', detail: null, ...over });
      replacement({});
      expect(() => replacement({ number: 'BJ500118-2026-000001' })).toThrow(/UNIQUE/);
      expect(() => replacement({ number: 'J500118-2026-000009' })).toThrow(/CHECK/); // number must be of its kind
      expect(() => replacement({ kind: 'BL', number: 'BL500118-2026-000001' })).toThrow(/CHECK/); // BL needs its divorce
      expect(() => replacement({ number: 'BJ500118-2026-000002', reason: 'other' })).toThrow(/CHECK/);
      expect(() => replacement({ number: 'BJ500118-2026-000003', reason: 'stolen' })).toThrow(/CHECK/);
      expect(() => db.prepare("UPDATE marriage_replacements SET applicant = 'both'").run()).toThrow(/kept as issued/);
      expect(() => db.prepare('DELETE FROM marriage_replacements').run()).toThrow(/kept as issued/);

      const correction = (over: Record<string, unknown>) =>
        db
          .prepare(
            `INSERT INTO marriage_corrections (registration_id, party, status, changes, previous, reason, evidence, proposed_by,
              proposed_at, decided_by, decided_at, decision_reason)
             VALUES (1, 'male', @status, @changes, '{"name":"张伟"}', '姓名录入错误', '户口簿', 1, 't', @by, @at, @why)`,
          )
          .run({ status: 'proposed', changes: '{"name":"张玮"}', by: null, at: null, why: null, ...over });
      correction({});
      expect(() => correction({ status: 'approved' })).toThrow(/CHECK/); // approved needs approver and time
      expect(() => correction({ status: 'approved', by: 1, at: 't' })).toThrow(/CHECK/); // not by the proposer
      expect(() => correction({ status: 'rejected', by: 2, at: 't' })).toThrow(/CHECK/); // rejected needs a reason
      expect(() => correction({ status: 'done' })).toThrow(/CHECK/);
      expect(() => correction({ changes: '{}' })).toThrow(/CHECK/);
      expect(() => correction({ changes: 'not json' })).toThrow(/CHECK/);
      correction({ status: 'approved', by: 2, at: 't' });
      expect(() =>
        db.prepare("UPDATE marriage_corrections SET status = 'rejected', decision_reason = '错了' WHERE id = 2").run(),
      ).toThrow(/stays as decided/);
      db.prepare(
        "UPDATE marriage_corrections SET status = 'rejected', decided_by = 2, decided_at = 't', decision_reason = '证据不足' WHERE id = 1",
      ).run();
      expect(() => db.prepare('DELETE FROM marriage_corrections').run()).toThrow(/kept on record/);
    } finally {
      db.close();
    }
  });
});
