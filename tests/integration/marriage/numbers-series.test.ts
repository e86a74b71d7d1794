import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { manualClock } from '../../../main/core/clock';
import { openTestApp, setupAdmin, userWithRoles, type TestApp } from '../../helpers/app';
import { localNoon, partyOf, residentIdOf, setDivision } from '../../helpers/marriage';

// What the number management screen reads: the four series of a year (drawn, voided, the next
// number, whether a starting serial may still be set) and the voided numbers with who voided them
// and the record they belonged to.

let t: TestApp;
let clerk: string;
let boss: string;

beforeEach(async () => {
  t = openTestApp({ clock: manualClock(localNoon('2026-05-20')) });
  const admin = await setupAdmin(t);
  await setDivision(t, admin);
  await t.must(
    'users.create',
    { username: 'clerk', displayName: '陈登记员', roles: ['marriageClerk'], password: 'Initial123' },
    admin,
  );
  const first = await t.must('auth.login', { username: 'clerk', password: 'Initial123' });
  await t.must('auth.changePassword', { currentPassword: 'Initial123', newPassword: 'Passw0rd9' }, first.token);
  clerk = (await t.must('auth.login', { username: 'clerk', password: 'Passw0rd9' })).token;
  boss = await userWithRoles(t, admin, 'boss', ['marriageSupervisor']);
});
afterEach(() => t.close());

const register = () =>
  t.must(
    'marriage.register',
    {
      registrationDate: '2026-05-20',
      parties: [
        partyOf('张伟', 'male', '1990-01-01', { documentNumber: residentIdOf('1990-01-01', 'male', '013') }),
        partyOf('李娜', 'female', '1992-02-02', { documentNumber: residentIdOf('1992-02-02', 'female', '024') }),
      ],
    },
    clerk,
  );

describe('number management', () => {
  it('shows each series of the year: drawn, voided, next number, and whether the start can still be set', async () => {
    await t.must('marriage.numbers.setStart', { kind: 'L', year: 2026, start: 301 }, boss);
    const r = await register();
    await t.must('marriage.numbers.respoil', { registrationId: r.id, reason: '卡纸损毁' }, clerk);
    const series = await t.must('marriage.numbers.series', { year: 2026 }, boss);
    expect(series.map((s) => [s.kind, s.kindLabel, s.issued, s.voided, s.nextNumber, s.canSetStart])).toEqual([
      ['J', '结婚证', 2, 1, 'J500118-2026-000003', false],
      ['L', '离婚证', 0, 0, 'L500118-2026-000301', true],
      ['BJ', '补领结婚证', 0, 0, 'BJ500118-2026-000001', true],
      ['BL', '补领离婚证', 0, 0, 'BL500118-2026-000001', true],
    ]);
    // Another year is untouched.
    expect((await t.must('marriage.numbers.series', { year: 2027 }, boss))[0]).toMatchObject({
      nextNumber: 'J500118-2027-000001',
      issued: 0,
      canSetStart: true,
    });
    // The screen's refusal when a number was already drawn is the service's own sentence.
    const late = await t.call('marriage.numbers.setStart', { kind: 'J', year: 2026, start: 1000 }, boss);
    expect(late.ok ? 'ok' : late.error.message).toBe('J500118-2026 已发出编号，不能再设置起始流水号（否则会跳号或重号）');
    const byClerk = await t.call('marriage.numbers.series', { year: 2026 }, clerk);
    expect(byClerk.ok ? 'ok' : byClerk.error.code).toBe('FORBIDDEN');
  });

  it('lists voided numbers with who voided them and the record they belonged to', async () => {
    const r = await register();
    await t.must('marriage.numbers.respoil', { registrationId: r.id, reason: '套打错位' }, clerk);
    const voided = await t.must('marriage.numbers.voided', { kind: 'J', year: 2026 }, boss);
    expect(voided).toEqual([
      {
        number: 'J500118-2026-000001',
        entity: 'marriageRegistration',
        entityId: String(r.id),
        registrationId: r.id,
        reason: '套打错位',
        voidedAt: expect.stringMatching(/^2026-05-20T/),
        voidedBy: '陈登记员',
        issuedAt: expect.any(String),
      },
    ]);
    expect(await t.must('marriage.numbers.voided', { kind: 'L', year: 2026 }, boss)).toEqual([]);
  });
});
