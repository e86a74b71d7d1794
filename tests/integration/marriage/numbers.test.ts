import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { manualClock } from '../../../main/core/clock';
import type { PartyInput } from '../../../main/marriage/contract';
import { openTestApp, setupAdmin, userWithRoles, type TestApp } from '../../helpers/app';
import { partyOf, residentIdOf, setDivision } from '../../helpers/marriage';

// Certificate numbers at the office: a spoiled print voids its number and the certificate gets
// the next one; the voided list; a year started at a given serial.

let t: TestApp;
let clerk: string;
let boss: string;

beforeEach(async () => {
  t = openTestApp({ clock: manualClock(new Date(2026, 4, 20, 10)) });
  const admin = await setupAdmin(t);
  await setDivision(t, admin);
  clerk = await userWithRoles(t, admin, 'clerk', ['marriageClerk']);
  boss = await userWithRoles(t, admin, 'boss', ['marriageSupervisor']);
});
afterEach(() => t.close());

const register = (a: PartyInput, b: PartyInput) =>
  t.must('marriage.register', { registrationDate: '2026-05-20', parties: [a, b] }, clerk);

describe('certificate numbers at the office', () => {
  it('a year can start at a given serial before its first certificate, not after', async () => {
    expect(await t.must('marriage.numbers.setStart', { kind: 'J', year: 2026, start: 1201 }, boss)).toEqual({
      series: 'J500118-2026',
      nextSerial: 1201,
    });
    const r = await register(
      partyOf('张伟', 'male', '1990-01-01', { documentNumber: residentIdOf('1990-01-01', 'male', '013') }),
      partyOf('李娜', 'female', '1992-02-02', { documentNumber: residentIdOf('1992-02-02', 'female', '024') }),
    );
    expect(r.certificateNumber).toBe('J500118-2026-001201');
    const late = await t.call('marriage.numbers.setStart', { kind: 'J', year: 2026, start: 1 }, boss);
    expect(late.ok ? 'ok' : late.error.message).toContain('不能再设置起始流水号');
    const clerkTries = await t.call('marriage.numbers.setStart', { kind: 'L', year: 2026, start: 5 }, clerk);
    expect(clerkTries.ok ? 'ok' : clerkTries.error.code).toBe('FORBIDDEN');
  });

  it('a spoiled print voids the number with its reason; the certificate gets the next number; the void stays listed', async () => {
    const r = await register(
      partyOf('张伟', 'male', '1990-01-01', { documentNumber: residentIdOf('1990-01-01', 'male', '013') }),
      partyOf('李娜', 'female', '1992-02-02', { documentNumber: residentIdOf('1992-02-02', 'female', '024') }),
    );
    const second = await register(
      partyOf('王强', 'male', '1991-01-01', { documentNumber: residentIdOf('1991-01-01', 'male', '033') }),
      partyOf('赵敏', 'female', '1993-03-03', { documentNumber: residentIdOf('1993-03-03', 'female', '044') }),
    );
    const re = await t.must('marriage.numbers.respoil', { registrationId: r.id, reason: '套打错位，证书作废' }, clerk);
    expect(re).toEqual({ voided: 'J500118-2026-000001', certificateNumber: 'J500118-2026-000003' });
    expect((await t.must('marriage.get', { id: r.id }, clerk)).certificateNumber).toBe('J500118-2026-000003');
    expect((await t.must('marriage.get', { id: second.id }, clerk)).certificateNumber).toBe('J500118-2026-000002');
    const voided = await t.must('marriage.numbers.voided', { kind: 'J', year: 2026 }, boss);
    expect(voided.map((v) => [v.number, v.reason, v.entityId])).toEqual([
      ['J500118-2026-000001', '套打错位，证书作废', String(r.id)],
    ]);
    // The old number no longer finds the record; the new one does.
    expect(await t.must('marriage.search', { query: 'J500118-2026-000001' }, clerk)).toEqual([]);
    expect((await t.must('marriage.search', { query: 'J500118-2026-000003' }, clerk)).map((x) => x.id)).toEqual([r.id]);
    const noReason = await t.call('marriage.numbers.respoil', { registrationId: r.id, reason: '' }, clerk);
    expect(noReason.ok ? 'ok' : noReason.error.code).toBe('INVALID_INPUT');
  });
});
