import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { manualClock } from '../../../main/core/clock';
import type { Application } from '../../../main/marriage/contract';
import { openTestApp, setupAdmin, userWithRoles, type TestApp } from '../../helpers/app';
import { localNoon, partyOf, residentIdOf, setDivision } from '../../helpers/marriage';

// 婚姻登记失信名单 kept by the supervisor: listing, and removal (移出) from a given day with its
// reason — the entry stays on record, the acceptance check stops refusing from that day, and the
// removal is audited with who, when and why.

let t: TestApp;
let clock: ReturnType<typeof manualClock>;
let clerk: string;
let boss: string;

const womanId = residentIdOf('2000-07-15', 'female');
const couple = (date: string): Application => ({
  registrationDate: date,
  parties: [partyOf('张伟', 'male', '1998-03-02'), partyOf('李娜', 'female', '2000-07-15')],
});
const listing = {
  documentType: 'residentId' as const,
  documentNumber: womanId,
  name: '李娜',
  reason: '使用伪造证件骗取婚姻登记',
  sourceDocument: '永民婚〔2026〕9号',
  listedFrom: '2026-03-01',
  listedUntil: null,
};
const refusedOn = async (date: string) =>
  (await t.must('marriage.check', couple(date), clerk)).reasons.some((r) => r.code === 'CREDIT_BLACKLIST');

beforeEach(async () => {
  clock = manualClock(localNoon('2026-05-20'));
  t = openTestApp({ clock });
  const admin = await setupAdmin(t);
  await setDivision(t, admin);
  clerk = await userWithRoles(t, admin, 'clerk', ['marriageClerk']);
  boss = await userWithRoles(t, admin, 'boss', ['marriageSupervisor']);
});
afterEach(() => t.close());

describe('credit blacklist: removal (移出)', () => {
  it('removes from a day on: refused the day before, accepted from that day; the entry and the reason stay on record', async () => {
    const entry = await t.must('marriage.blacklist.add', listing, boss);
    expect(entry.removal).toBeNull();
    expect(await refusedOn('2026-05-20')).toBe(true);

    const ended = await t.must(
      'marriage.blacklist.end',
      { id: entry.id, removedOn: '2026-05-21', reason: '原决定已撤销（永民婚〔2026〕12号）' },
      boss,
    );
    // The last day in force is the day before the removal.
    expect(ended).toMatchObject({
      id: entry.id,
      listedUntil: '2026-05-20',
      removal: { removedOn: '2026-05-21', reason: '原决定已撤销（永民婚〔2026〕12号）', username: 'boss' },
    });
    expect(await refusedOn('2026-05-20')).toBe(true);
    expect(await refusedOn('2026-05-21')).toBe(false);

    const list = await t.must('marriage.blacklist.list', {}, boss);
    expect(list.map((e) => [e.id, e.listedUntil, e.removal?.reason])).toEqual([
      [entry.id, '2026-05-20', '原决定已撤销（永民婚〔2026〕12号）'],
    ]);

    const audit = t.app.db
      .prepare("SELECT username, action, before, after, detail FROM audit_log WHERE entity = 'creditBlacklist' ORDER BY id")
      .all() as { username: string; action: string; before: string | null; after: string; detail: string | null }[];
    expect(audit.map((a) => a.action)).toEqual(['create', 'status']);
    expect(JSON.parse(audit[1]!.before!)).toEqual({ listedUntil: null });
    expect(JSON.parse(audit[1]!.after)).toEqual({
      listedUntil: '2026-05-20',
      removedOn: '2026-05-21',
      reason: '原决定已撤销（永民婚〔2026〕12号）',
    });
    expect(audit[1]!.detail).toContain('李娜');
  });

  it('removal on the listing day itself means the entry never applied (listed in error)', async () => {
    const entry = await t.must('marriage.blacklist.add', { ...listing, listedFrom: '2026-05-20' }, boss);
    expect(await refusedOn('2026-05-20')).toBe(true);
    await t.must('marriage.blacklist.end', { id: entry.id, removedOn: '2026-05-20', reason: '误列，身份证号码录入错误' }, boss);
    expect(await refusedOn('2026-05-20')).toBe(false);
  });

  it('shortens a fixed-term listing; refuses a date before the listing, an already-ended listing, no reason, a clerk', async () => {
    const entry = await t.must('marriage.blacklist.add', { ...listing, listedUntil: '2026-12-31' }, boss);

    const early = await t.call('marriage.blacklist.end', { id: entry.id, removedOn: '2026-02-28', reason: '决定撤销' }, boss);
    expect(early.ok ? 'ok' : [early.error.code, early.error.field, early.error.message]).toEqual([
      'INVALID_INPUT',
      'removedOn',
      '移出日期不能早于列入日期 2026-03-01',
    ]);
    const noReason = await t.call('marriage.blacklist.end', { id: entry.id, removedOn: '2026-05-20', reason: ' ' }, boss);
    expect(noReason.ok ? 'ok' : noReason.error.code).toBe('INVALID_INPUT');
    const byClerk = await t.call('marriage.blacklist.end', { id: entry.id, removedOn: '2026-05-20', reason: '决定撤销' }, clerk);
    expect(byClerk.ok ? 'ok' : byClerk.error.code).toBe('FORBIDDEN');
    const missing = await t.call(
      'marriage.blacklist.end',
      { id: entry.id + 99, removedOn: '2026-05-20', reason: '决定撤销' },
      boss,
    );
    expect(missing.ok ? 'ok' : missing.error.code).toBe('NOT_FOUND');

    // The fixed term ends later than the removal: shortened.
    expect(
      (await t.must('marriage.blacklist.end', { id: entry.id, removedOn: '2026-06-01', reason: '提前移出' }, boss)).listedUntil,
    ).toBe('2026-05-31');
    // Already off the list from 2026-06-01: removing from a later day changes nothing and says why.
    const late = await t.call('marriage.blacklist.end', { id: entry.id, removedOn: '2026-07-01', reason: '再次移出' }, boss);
    expect(late.ok ? 'ok' : [late.error.code, late.error.message]).toEqual([
      'CONFLICT',
      '李娜 的这条记录列入至 2026-05-31 止，自 2026-06-01 起已不在名单中，无需移出',
    ]);
    // Nothing was written by the refusals: one create and one removal.
    const n = t.app.db.prepare("SELECT count(*) AS n FROM audit_log WHERE entity = 'creditBlacklist'").get() as { n: number };
    expect(n.n).toBe(2);
  });
});
