import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { manualClock } from '../../../main/core/clock';
import { openTestApp, setupAdmin, userWithRoles, type TestApp } from '../../helpers/app';
import { localNoon, partyOf, setDivision, signInOn } from '../../helpers/marriage';

// 协议离婚 against a real database, with the 2025 National Day holiday inside the windows:
// receipt 2025-09-04 → cooling-off 09-05…10-09 (nominal end 10-04 falls in the holiday, extended to
// the first working day 10-09) → certificate window 10-10…11-10 (nominal 11-08 is a Saturday).

let t: TestApp;
let clerk: string;
let clock: ReturnType<typeof manualClock>;
let marriageId: number;

const agreement = {
  children: '婚生子张小明由女方抚养，男方每月支付抚养费 2000 元',
  property: '住房归女方所有',
  debts: '无共同债务',
};

/** Moves to another day; the clerk logs in again, as after any night (sessions end within a day). */
async function moveTo(date: string) {
  clerk = await signInOn(t, clock, date, 'clerk');
}

async function apply(receipt = '2025-09-04') {
  await moveTo(receipt);
  return t.must('marriage.divorce.apply', { marriageId, receiptDate: receipt, agreement, bothPresent: true }, clerk);
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

describe('divorce by agreement', () => {
  it('computes both windows at receipt, extended past the National Day holiday', async () => {
    const d = await apply();
    expect(d.withdrawal).toEqual({ from: '2025-09-05', to: '2025-10-09' });
    expect(d.certificate).toEqual({ from: '2025-10-10', to: '2025-11-10' });
    expect(d.windowsNote).toContain('顺延至 2025-10-09');
    expect(d.stage).toBe('coolingOff');
    expect(d.names).toEqual(['张伟', '李娜']);
  });

  it('either party alone may withdraw during the cooling-off period, not after it', async () => {
    const d = await apply();
    await moveTo('2025-10-09'); // last day of the extended cooling-off period
    const w = await t.must('marriage.divorce.withdraw', { id: d.id, party: 'female', reason: '双方和好' }, clerk);
    expect(w).toMatchObject({ status: 'withdrawn', withdrawnBy: 'female', withdrawnOn: '2025-10-09', stage: 'withdrawn' });
    const issue = await t.call('marriage.divorce.issue', { id: d.id, bothPresent: true }, clerk);
    expect(issue.ok ? 'ok' : issue.error.code).toBe('RULE_VIOLATION');

    const again = await apply('2025-10-13');
    await moveTo('2025-11-20');
    const late = await t.call('marriage.divorce.withdraw', { id: again.id, party: 'male', reason: null }, clerk);
    expect(late.ok ? 'ok' : late.error.message).toContain('只能在离婚冷静期内');
  });

  it('issues no certificate during the cooling-off period, then L500118-2025-000001 in the second window — the marriage is dissolved exactly once', async () => {
    const d = await apply();
    await moveTo('2025-10-04');
    const early = await t.call('marriage.divorce.issue', { id: d.id, bothPresent: true }, clerk);
    expect(early.ok ? 'ok' : early.error.message).toContain('2025-10-10 起');
    await moveTo('2025-10-10');
    const issued = await t.must('marriage.divorce.issue', { id: d.id, bothPresent: true }, clerk);
    expect(issued).toMatchObject({ status: 'issued', certificateNumber: 'L500118-2025-000001', issuedOn: '2025-10-10' });
    const marriage = await t.must('marriage.get', { id: marriageId }, clerk);
    expect(marriage.status).toBe('dissolved');
    const link = t.app.db.prepare('SELECT dissolved_by_divorce FROM marriage_registrations WHERE id = ?').get(marriageId);
    expect(link).toEqual({ dissolved_by_divorce: d.id });
    const twice = await t.call('marriage.divorce.issue', { id: d.id, bothPresent: true }, clerk);
    expect(twice.ok).toBe(false);
    const reapply = await t.call(
      'marriage.divorce.apply',
      { marriageId, receiptDate: '2025-10-10', agreement, bothPresent: true },
      clerk,
    );
    expect(reapply.ok ? 'ok' : reapply.error.message).toContain('已于');
    expect(() => t.app.db.prepare("UPDATE marriage_registrations SET status = 'registered', dissolved_at = NULL").run()).toThrow(
      /stays dissolved/,
    );
    // Both may marry again now: the register no longer shows a spouse.
    const check = await t.must(
      'marriage.check',
      {
        registrationDate: '2025-10-10',
        parties: [
          { ...partyOf('张伟', 'male', '1990-03-02'), priorStatus: '40', priorEvidence: '离婚证 L500118-2025-000001' },
          partyOf('王芳', 'female', '1995-01-01'),
        ],
      },
      clerk,
    );
    expect(check.reasons).toEqual([]);
  });

  it('is deemed withdrawn the day after the certificate window, on the work list, and can be applied for again', async () => {
    const d = await apply();
    await moveTo('2025-11-08');
    const soon = await t.must('marriage.divorce.worklist', {}, clerk);
    expect(soon.expiringSoon.map((x) => x.id)).toEqual([d.id]);
    expect(soon.eligibleToIssue.map((x) => x.id)).toEqual([d.id]);
    await moveTo('2025-11-11');
    const list = await t.must('marriage.divorce.worklist', {}, clerk);
    expect(list.deemedWithdrawn.map((x) => [x.id, x.status])).toEqual([[d.id, 'deemedWithdrawn']]);
    expect(list.eligibleToIssue).toEqual([]);
    const audit = t.app.db
      .prepare("SELECT username, detail FROM audit_log WHERE entity = 'divorceApplication' AND action = 'status'")
      .get() as { username: string; detail: string };
    expect(audit.username).toBe('系统');
    expect(audit.detail).toContain('视为撤回');
    const issue = await t.call('marriage.divorce.issue', { id: d.id, bothPresent: true }, clerk);
    expect(issue.ok ? 'ok' : issue.error.message).toContain('视为撤回');
    expect((await apply('2025-11-11')).stage).toBe('coolingOff');
  });

  it('refuses a second application while one is in progress, and lists it on the work list', async () => {
    const d = await apply();
    const dup = await t.call(
      'marriage.divorce.apply',
      { marriageId, receiptDate: '2025-09-04', agreement, bothPresent: true },
      clerk,
    );
    expect(dup.ok ? 'ok' : dup.error.code).toBe('CONFLICT');
    const list = await t.must('marriage.divorce.worklist', {}, clerk);
    expect(list.coolingOff.map((x) => [x.id, x.stageLabel])).toEqual([[d.id, '离婚冷静期，剩余 35 天（至 2025-10-09）']]);
  });
});
