import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { manualClock } from '../../../main/core/clock';
import { openTestApp, setupAdmin, type TestApp } from '../../helpers/app';
import { localNoon, partyOf, setDivision } from '../../helpers/marriage';

// What the supervisor's correction work list shows: whose details, proposed by whom, decided by
// whom — names, not user ids — and that the list by status holds what the screen filters on.

let t: TestApp;
let clerk: string;
let boss: string;
let marriageId: number;

async function user(admin: string, username: string, displayName: string, role: 'marriageClerk' | 'marriageSupervisor') {
  await t.must('users.create', { username, displayName, roles: [role], password: 'Initial123' }, admin);
  const first = await t.must('auth.login', { username, password: 'Initial123' });
  await t.must('auth.changePassword', { currentPassword: 'Initial123', newPassword: 'Passw0rd9' }, first.token);
  return (await t.must('auth.login', { username, password: 'Passw0rd9' })).token;
}

beforeEach(async () => {
  t = openTestApp({ clock: manualClock(localNoon('2025-06-01')) });
  const admin = await setupAdmin(t);
  await setDivision(t, admin);
  clerk = await user(admin, 'clerk', '陈登记员', 'marriageClerk');
  boss = await user(admin, 'boss', '刘主任', 'marriageSupervisor');
  const m = await t.must(
    'marriage.register',
    { registrationDate: '2025-06-01', parties: [partyOf('张伟', 'male', '1990-03-02'), partyOf('李娜', 'female', '1992-07-15')] },
    clerk,
  );
  marriageId = m.id;
});
afterEach(() => t.close());

describe('correction work list', () => {
  it('names the party, the proposer and the decider, here and in the history', async () => {
    const c = await t.must(
      'marriage.correction.propose',
      {
        registrationId: marriageId,
        party: 'female',
        changes: { occupation: '教师' },
        reason: '登记时漏填职业',
        evidence: '工作证复印件',
      },
      clerk,
    );
    expect(c).toMatchObject({ partyName: '李娜', proposedByName: '陈登记员', decidedByName: null });
    const pending = await t.must('marriage.correction.list', { status: 'proposed' }, boss);
    expect(pending.map((p) => [p.id, p.partyName, p.certificateNumber, p.changes])).toEqual([
      [c.id, '李娜', 'J500118-2025-000001', [{ field: 'occupation', label: '职业', before: null, after: '教师' }]],
    ]);
    const approved = await t.must('marriage.correction.approve', { id: c.id, comment: '材料齐全' }, boss);
    expect(approved).toMatchObject({ status: 'approved', decidedByName: '刘主任', decisionReason: '材料齐全' });
    expect(await t.must('marriage.correction.list', { status: 'proposed' }, boss)).toEqual([]);
    // The history names people as the office knows them, the login name kept alongside.
    const history = await t.must('marriage.history', { registrationId: marriageId }, clerk);
    expect(history.map((h) => [h.entity, h.action, h.username, h.displayName])).toEqual([
      ['number', 'create', 'clerk', '陈登记员'],
      ['marriageRegistration', 'create', 'clerk', '陈登记员'],
      ['marriageCorrection', 'create', 'clerk', '陈登记员'],
      ['marriageRegistration', 'update', 'boss', '刘主任'],
      ['marriageCorrection', 'status', 'boss', '刘主任'],
    ]);
  });
});
