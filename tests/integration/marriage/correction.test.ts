import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { manualClock } from '../../../main/core/clock';
import { openTestApp, setupAdmin, userWithRoles, USER_PASSWORD, type TestApp } from '../../helpers/app';
import { localNoon, partyOf, residentIdOf, setDivision } from '../../helpers/marriage';

// 更正 with supervisor approval, and the record's history from the audit log, against a real database.

let t: TestApp;
let clerk: string;
let boss: string;
let boss2: string;
let clock: ReturnType<typeof manualClock>;
let marriageId: number;

// Every party lives at the same address in these tests: corrections change other fields.
const ADDRESS = '重庆市永川区人民大道 1 号';

const why = { reason: '登记时姓名录入错误', evidence: '户口簿、居民身份证复印件' };

async function login(username: string) {
  return (await t.must('auth.login', { username, password: USER_PASSWORD })).token;
}

beforeEach(async () => {
  clock = manualClock(localNoon('2025-06-01'));
  t = openTestApp({ clock });
  const admin = await setupAdmin(t);
  await setDivision(t, admin);
  clerk = await userWithRoles(t, admin, 'clerk', ['marriageClerk']);
  boss = await userWithRoles(t, admin, 'boss', ['marriageSupervisor']);
  boss2 = await userWithRoles(t, admin, 'boss2', ['marriageSupervisor']);
  const m = await t.must(
    'marriage.register',
    {
      registrationDate: '2025-06-01',
      parties: [
        partyOf('张伟', 'male', '1990-03-02', { address: ADDRESS }),
        partyOf('李娜', 'female', '1992-07-15', { address: ADDRESS }),
      ],
    },
    clerk,
  );
  marriageId = m.id;
});
afterEach(() => t.close());

describe('corrections (更正)', () => {
  it('proposed by a clerk changes nothing; approved by a supervisor changes the value, and the history keeps old and new', async () => {
    clock.set(localNoon('2025-06-10'));
    clerk = await login('clerk');
    boss = await login('boss');
    boss2 = await login('boss2');
    const c = await t.must(
      'marriage.correction.propose',
      { registrationId: marriageId, party: 'male', changes: { name: '张玮', ethnicCode: '03' }, ...why },
      clerk,
    );
    expect(c).toMatchObject({
      status: 'proposed',
      statusLabel: '待审批',
      party: 'male',
      certificateNumber: 'J500118-2025-000001',
    });
    expect(c.changes).toEqual([
      { field: 'name', label: '姓名', before: '张伟', after: '张玮' },
      { field: 'ethnicCode', label: '民族', before: '01', after: '03' },
    ]);
    expect((await t.must('marriage.get', { id: marriageId }, clerk)).parties[0].name).toBe('张伟');
    expect((await t.must('marriage.correction.list', { status: 'proposed' }, clerk)).map((x) => x.id)).toEqual([c.id]);

    const approved = await t.must('marriage.correction.approve', { id: c.id, comment: '材料齐全' }, boss);
    expect(approved).toMatchObject({ status: 'approved', decisionReason: '材料齐全' });
    expect(approved.decidedAt).not.toBeNull();
    const after = await t.must('marriage.get', { id: marriageId }, clerk);
    expect(after.parties[0]).toMatchObject({ name: '张玮', ethnicCode: '03' });
    expect(after.certificateNumber).toBe('J500118-2025-000001');
    expect(await t.must('marriage.correction.list', { status: 'proposed' }, clerk)).toEqual([]);
    // Search by the new name finds it.
    expect((await t.must('marriage.search', { query: '张玮' }, clerk)).map((x) => x.id)).toEqual([marriageId]);

    const again = await t.call('marriage.correction.reject', { id: c.id, reason: '改变主意' }, boss2);
    expect(again.ok ? 'ok' : again.error.code).toBe('CONFLICT');

    const history = await t.must('marriage.history', { registrationId: marriageId }, clerk);
    const correction = history.find((h) => h.entity === 'marriageRegistration' && h.action === 'update');
    expect(correction).toMatchObject({
      username: 'boss',
      before: { party: 'male', name: '张伟', ethnicCode: '01' },
      after: { party: 'male', name: '张玮', ethnicCode: '03' },
    });
    expect(correction!.detail).toContain('姓名 张伟 → 张玮');
    expect(history.map((h) => [h.entity, h.action])).toEqual([
      ['number', 'create'],
      ['marriageRegistration', 'create'],
      ['marriageCorrection', 'create'],
      ['marriageRegistration', 'update'],
      ['marriageCorrection', 'status'],
    ]);
    // The registration's own entry still holds the name as registered.
    expect((history[1]!.after as { parties: { name: string }[] }).parties[0]!.name).toBe('张伟');
  });

  it('rejected with a reason leaves the record as it was', async () => {
    const c = await t.must(
      'marriage.correction.propose',
      { registrationId: marriageId, party: 'female', changes: { address: '重庆市永川区兴龙大道 2 号' }, ...why },
      clerk,
    );
    const noReason = await t.call('marriage.correction.reject', { id: c.id, reason: '' }, boss);
    expect(noReason.ok ? 'ok' : noReason.error.code).toBe('INVALID_INPUT');
    const r = await t.must('marriage.correction.reject', { id: c.id, reason: '证明材料不足' }, boss);
    expect(r).toMatchObject({ status: 'rejected', decisionReason: '证明材料不足' });
    expect((await t.must('marriage.get', { id: marriageId }, clerk)).parties[1].address).toBe('重庆市永川区人民大道 1 号');
    expect((await t.must('marriage.correction.list', { status: 'rejected' }, clerk)).map((x) => x.id)).toEqual([c.id]);
    const late = await t.call('marriage.correction.approve', { id: c.id, comment: null }, boss2);
    expect(late.ok ? 'ok' : late.error.code).toBe('CONFLICT');
  });

  it('cannot be approved by its proposer, even a supervisor; a clerk cannot approve at all', async () => {
    const own = await t.must(
      'marriage.correction.propose',
      { registrationId: marriageId, party: 'male', changes: { phone: '13900000000' }, ...why },
      boss,
    );
    const self = await t.call('marriage.correction.approve', { id: own.id, comment: null }, boss);
    expect(self.ok ? 'ok' : self.error.code).toBe('FORBIDDEN');
    expect(self.ok ? 'ok' : self.error.message).toContain('本人提出');
    const selfReject = await t.call('marriage.correction.reject', { id: own.id, reason: '撤回' }, boss);
    expect(selfReject.ok ? 'ok' : selfReject.error.code).toBe('FORBIDDEN');
    const byClerk = await t.call('marriage.correction.approve', { id: own.id, comment: null }, clerk);
    expect(byClerk.ok ? 'ok' : byClerk.error.code).toBe('FORBIDDEN');
    expect((await t.must('marriage.get', { id: marriageId }, clerk)).parties[0].phone).toBeNull();
    expect((await t.must('marriage.correction.approve', { id: own.id, comment: null }, boss2)).status).toBe('approved');
    expect((await t.must('marriage.get', { id: marriageId }, clerk)).parties[0].phone).toBe('13900000000');
  });

  it('validates new values with the registration rules: ID check digit, birth date and sex from the ID, legal age, evidence', async () => {
    const propose = (changes: Record<string, unknown>, p: 'male' | 'female' = 'male') =>
      t.call('marriage.correction.propose', { registrationId: marriageId, party: p, changes, ...why }, clerk);
    const good = residentIdOf('1990-03-02', 'male', '015');
    const badCheck = good.slice(0, 17) + (good[17] === '1' ? '2' : '1');
    const r1 = await propose({ documentNumber: badCheck });
    expect(r1.ok ? 'ok' : [r1.error.code, r1.error.field]).toEqual(['INVALID_INPUT', 'changes.documentNumber']);
    expect(r1.ok ? 'ok' : r1.error.message).toContain('校验');
    const r2 = await propose({ documentNumber: residentIdOf('1990-03-03', 'male') });
    expect(r2.ok ? 'ok' : r2.error.message).toContain('与证件号码所载 1990-03-03 不符');
    const r3 = await propose({ documentNumber: residentIdOf('1990-03-02', 'male', '014') });
    expect(r3.ok ? 'ok' : r3.error.message).toContain('性别');
    const r4 = await propose({ birthDate: '2004-01-01', documentNumber: residentIdOf('2004-01-01', 'male') });
    expect(r4.ok ? 'ok' : r4.error.message).toContain('未达法定婚龄 22 周岁');
    const r5 = await propose({ priorStatus: '40' });
    expect(r5.ok ? 'ok' : r5.error.field).toBe('changes.priorEvidence');
    const same = await propose({ name: '张伟' });
    expect(same.ok ? 'ok' : same.error.message).toContain('相同');
    const bad = await propose({ ethnicCode: '99' });
    expect(bad.ok ? 'ok' : bad.error.code).toBe('INVALID_INPUT');
    // A consistent change of ID number and birth date together passes, lower-case x / full-width normalised.
    const ok = await t.must(
      'marriage.correction.propose',
      {
        registrationId: marriageId,
        party: 'male',
        changes: { documentNumber: residentIdOf('1990-03-04', 'male').toLowerCase(), birthDate: '1990-03-04' },
        ...why,
      },
      clerk,
    );
    expect(ok.changes.map((c) => c.after)).toEqual([residentIdOf('1990-03-04', 'male'), '1990-03-04']);
    // One open correction per party at a time.
    const second = await propose({ phone: '13700000000' });
    expect(second.ok ? 'ok' : second.error.code).toBe('CONFLICT');
  });

  it('refuses the fields that define the legal act with a Chinese reason', async () => {
    const date = await t.call(
      'marriage.correction.propose',
      { registrationId: marriageId, party: null, changes: { registrationDate: '2025-05-31' }, ...why },
      clerk,
    );
    expect(date.ok ? 'ok' : [date.error.code, date.error.field]).toEqual(['RULE_VIOLATION', 'changes.registrationDate']);
    expect(date.ok ? 'ok' : date.error.message).toContain('登记日期是婚姻登记这一法律行为本身的内容，不能更正');
    const number = await t.call(
      'marriage.correction.propose',
      { registrationId: marriageId, party: 'male', changes: { name: '张玮', certificateNumber: 'J500118-2025-000009' }, ...why },
      clerk,
    );
    expect(number.ok ? 'ok' : number.error.message).toContain('证书字号');
    expect(await t.must('marriage.correction.list', {}, clerk)).toEqual([]);
  });

  it('refuses an approval when the record changed after the proposal', async () => {
    const a = await t.must(
      'marriage.correction.propose',
      { registrationId: marriageId, party: 'female', changes: { occupation: '教师' }, ...why },
      clerk,
    );
    // Changed behind the correction's back (e.g. a restored backup or direct repair).
    t.app.db.prepare("UPDATE marriage_parties SET occupation = '医生' WHERE sex = 'female'").run();
    const r = await t.call('marriage.correction.approve', { id: a.id, comment: null }, boss);
    expect(r.ok ? 'ok' : r.error.code).toBe('CONFLICT');
  });
});

describe('record history', () => {
  it('shows registration, numbers, divorce, replacement and corrections of this record only', async () => {
    const other = await t.must(
      'marriage.register',
      {
        registrationDate: '2025-06-01',
        parties: [
          partyOf('王强', 'male', '1988-01-01', { address: ADDRESS }),
          partyOf('赵敏', 'female', '1989-02-02', { address: ADDRESS }),
        ],
      },
      clerk,
    );
    const moveTo = async (date: string) => {
      clock.set(localNoon(date));
      clerk = await login('clerk');
    };
    await moveTo('2025-09-04');
    const d = await t.must(
      'marriage.divorce.apply',
      {
        marriageId,
        receiptDate: '2025-09-04',
        agreement: { children: '无子女', property: '各自所有', debts: '无债务' },
        bothPresent: true,
      },
      clerk,
    );
    await moveTo('2025-10-10');
    await t.must('marriage.divorce.issue', { id: d.id, bothPresent: true }, clerk);
    const bl = await t.must(
      'marriage.replacement.issue',
      { kind: 'BL', registrationId: marriageId, applicant: 'female', reason: 'lost', reasonDetail: null },
      clerk,
    );
    const history = await t.must('marriage.history', { registrationId: marriageId }, clerk);
    const numbers = history.filter((h) => h.entity === 'number').map((h) => h.entityId);
    expect(numbers).toEqual(['J500118-2025-000001', 'L500118-2025-000001', bl.certificateNumber]);
    expect(history.some((h) => h.entity === 'divorceApplication' && h.entityId === String(d.id))).toBe(true);
    expect(history.some((h) => h.entity === 'marriageReplacement' && h.entityId === String(bl.id))).toBe(true);
    expect(history.some((h) => h.entity === 'marriageRegistration' && h.entityId === String(other.id))).toBe(false);
    expect(history.map((h) => h.id)).toEqual([...history.map((h) => h.id)].sort((a, b) => a - b));
    const missing = await t.call('marriage.history', { registrationId: 999 }, clerk);
    expect(missing.ok ? 'ok' : missing.error.code).toBe('NOT_FOUND');
  });
});
