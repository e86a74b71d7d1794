// The registry counter on a real SQLite file, through the dispatcher (validation, permissions,
// services, audit) the way the app calls it: slots and capacities, peak days (七夕 on the lunar
// calendar), closed rest days, appointments, queue tickets, call-next order, ceremonies.
import { spawn } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../../main/core/audit/service';
import { manualClock } from '../../../../main/core/clock';
import { openDatabase } from '../../../../main/core/db/connection';
import { qixiOf } from '../../../../main/marriage/counter/peakDays';
import {
  ADMIN_PASSWORD,
  USER_PASSWORD,
  openTestApp,
  repoRoot,
  setupAdmin,
  tempDir,
  userWithRoles,
  type TestApp,
} from '../../../helpers/app';

/** A moment at the office (UTC+8): '2026-03-02 09:00' → Date. */
const at = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);

let t: TestApp;
let clock: ReturnType<typeof manualClock>;
let admin: string;
let clerk: string;
let supervisor: string;
const cleanups: (() => void)[] = [];

beforeEach(async () => {
  clock = manualClock(at('2026-03-02 08:30')); // a Monday
  t = openTestApp({ clock });
  admin = await setupAdmin(t);
  clerk = await userWithRoles(t, admin, 'clerk', ['marriageClerk']);
  supervisor = await userWithRoles(t, admin, 'boss', ['marriageSupervisor']);
});
afterEach(() => {
  t.close();
  cleanups.splice(0).forEach((c) => c());
});

/** Moves the office clock; sessions idle that long lock or expire, so everyone signs in again. */
async function moveTo(local: string): Promise<void> {
  clock.set(at(local));
  admin = (await t.must('auth.login', { username: 'admin', password: ADMIN_PASSWORD })).token;
  clerk = (await t.must('auth.login', { username: 'clerk', password: USER_PASSWORD })).token;
  supervisor = (await t.must('auth.login', { username: 'boss', password: USER_PASSWORD })).token;
}

const smallPlan = {
  effectiveFrom: '2026-03-02',
  counters: 3,
  slots: [
    { start: '09:00', end: '09:30', capacity: 2 },
    { start: '09:30', end: '10:00', capacity: 1 },
    { start: '10:00', end: '10:30', capacity: 2 },
  ],
};

const couple = (n: number, over: Record<string, unknown> = {}) => ({
  service: 'marriage' as const,
  party1Name: `张${n}`,
  party1Phone: `1380000${String(n).padStart(4, '0')}`,
  party2Name: `李${n}`,
  ...over,
});

async function book(date: string, slotStart: string, n: number, over: Record<string, unknown> = {}) {
  return t.call('marriage.counter.book', { date, slotStart, ...couple(n), ...over }, clerk);
}

describe('slot plan and capacity', () => {
  it('refuses a full slot, naming it and offering the next free one', async () => {
    await t.must('marriage.counter.savePlan', smallPlan, supervisor);
    expect((await book('2026-03-03', '09:00', 1)).ok).toBe(true);
    expect((await book('2026-03-03', '09:00', 2)).ok).toBe(true);
    const full = await book('2026-03-03', '09:00', 3);
    expect(full.ok).toBe(false);
    if (!full.ok) {
      expect(full.error.code).toBe('RULE_VIOLATION');
      expect(full.error.field).toBe('slotStart');
      expect(full.error.message).toBe(
        '2026-03-03 09:00–09:30 时段已约满（容量 2 个）。最近可约时段：2026-03-03 09:30–10:00（余 1 个）',
      );
    }
    expect((await book('2026-03-03', '09:30', 3)).ok).toBe(true);
    const again = await book('2026-03-03', '09:30', 4);
    expect(!again.ok && again.error.message).toMatch(/最近可约时段：2026-03-03 10:00–10:30（余 2 个）/);

    const day = await t.must('marriage.counter.day', { date: '2026-03-03' }, clerk);
    expect(day.slots.map((s) => [s.start, s.capacity, s.booked, s.remaining])).toEqual([
      ['09:00', 2, 2, 0],
      ['09:30', 1, 1, 0],
      ['10:00', 2, 0, 2],
    ]);
    // Cancelling frees the place again.
    const list = await t.must('marriage.counter.appointments', { date: '2026-03-03' }, clerk);
    await t.must('marriage.counter.cancelAppointment', { id: list[0]!.id, reason: '当事人改期' }, clerk);
    expect((await book('2026-03-03', '09:00', 9)).ok).toBe(true);
  });

  it('the same party cannot book the same day twice; ID numbers are checked and masked', async () => {
    expect((await book('2026-03-03', '09:00', 1)).ok).toBe(true);
    const dup = await book('2026-03-03', '10:00', 1);
    expect(!dup.ok && dup.error.code).toBe('CONFLICT');
    const badId = await book('2026-03-03', '10:00', 2, { party1IdNumber: '110105194912310021' });
    expect(!badId.ok && badId.error.field).toBe('party1IdNumber');
    const a = await t.must(
      'marriage.counter.book',
      { date: '2026-03-03', slotStart: '10:00', ...couple(3), party1IdNumber: '11010519491231002x' },
      clerk,
    );
    expect(a.party1IdNumber).toBe('110105********002X');
  });

  it('uses the plan in force on the date (effective dates)', async () => {
    await t.must('marriage.counter.savePlan', { ...smallPlan, effectiveFrom: '2026-04-01', counters: 5 }, supervisor);
    expect((await t.must('marriage.counter.day', { date: '2026-03-31' }, clerk)).slots).toHaveLength(12); // the seeded plan
    const april = await t.must('marriage.counter.day', { date: '2026-04-01' }, clerk);
    expect(april.slots).toHaveLength(3);
    expect(april.counters).toBe(5);
    const plans = await t.must('marriage.counter.plans', {}, clerk);
    expect(plans.map((p) => p.effectiveFrom)).toEqual(['2026-04-01', '2000-01-01']);
    const past = await t.call('marriage.counter.savePlan', { ...smallPlan, effectiveFrom: '2026-01-01' }, supervisor);
    expect(!past.ok && past.error.field).toBe('effectiveFrom');
    const overlap = await t.call(
      'marriage.counter.savePlan',
      {
        ...smallPlan,
        slots: [
          { start: '09:00', end: '10:00', capacity: 1 },
          { start: '09:30', end: '10:30', capacity: 1 },
        ],
      },
      supervisor,
    );
    expect(!overlap.ok && overlap.error.message).toMatch(/重叠/);
  });
});

describe('peak days and closed days', () => {
  it('七夕 falls on the lunar date: 2026-08-19', () => {
    expect(qixiOf(2026)).toBe('2026-08-19');
    expect([2024, 2025, 2027].map(qixiOf)).toEqual(['2024-08-10', '2025-08-29', '2027-08-08']);
  });

  it('raise capacity on 5·20 and 七夕 by their factors, and say so', async () => {
    await t.must('marriage.counter.savePlan', smallPlan, supervisor);
    const may20 = await t.must('marriage.counter.day', { date: '2026-05-20' }, clerk);
    expect(may20.peak).toEqual({ names: ['5·20'], capacityFactor: 2, openedOnRestDay: false });
    expect(may20.slots.map((s) => s.capacity)).toEqual([4, 2, 4]);
    const qixi = await t.must('marriage.counter.day', { date: '2026-08-19' }, clerk);
    expect(qixi.peak?.names).toEqual(['七夕']);
    expect(qixi.totalCapacity).toBe(10);
    expect((await t.must('marriage.counter.day', { date: '2026-08-18' }, clerk)).peak).toBeNull();
    // The 5·20 capacity really is 4 in the 09:00 slot.
    for (let i = 1; i <= 4; i++) expect((await book('2026-05-20', '09:00', i)).ok).toBe(true);
    expect((await book('2026-05-20', '09:00', 5)).ok).toBe(false);
    const rules = await t.must('marriage.counter.peakRules', {}, clerk);
    expect(rules.find((r) => r.name === '七夕')?.nextDate).toBe('2026-08-19');
  });

  it('close weekends and holidays unless a peak day opens them', async () => {
    const sat = await t.must('marriage.counter.day', { date: '2026-03-07' }, clerk);
    expect(sat.open).toBe(false);
    expect(sat.closedReason).toBe('2026-03-07（星期六）是周末，不办理预约');
    const refused = await book('2026-03-07', '09:00', 1);
    expect(!refused.ok && refused.error.message).toMatch(/周末，不办理预约/);
    expect((await t.must('marriage.counter.day', { date: '2026-10-01' }, clerk)).closedReason).toMatch(/国庆节/);
    // An adjusted working Saturday (调休上班) is open.
    await moveTo('2026-02-10 09:00');
    expect((await t.must('marriage.counter.day', { date: '2026-02-14' }, clerk)).open).toBe(true);
    await moveTo('2026-03-02 08:30');

    // The office opens a Saturday for a one-off event: as data, by the supervisor.
    const clerkTry = await t.call(
      'marriage.counter.savePeakRule',
      { name: '集体婚礼', kind: 'date', date: '2026-03-07', capacityFactor: 1.5, openOnRestDay: true },
      clerk,
    );
    expect(!clerkTry.ok && clerkTry.error.code).toBe('FORBIDDEN');
    await t.must(
      'marriage.counter.savePeakRule',
      { name: '集体婚礼', kind: 'date', date: '2026-03-07', capacityFactor: 1.5, openOnRestDay: true },
      supervisor,
    );
    const opened = await t.must('marriage.counter.day', { date: '2026-03-07' }, clerk);
    expect(opened.open).toBe(true);
    expect(opened.peak).toEqual({ names: ['集体婚礼'], capacityFactor: 1.5, openedOnRestDay: true });
    expect(opened.slots[0]!.capacity).toBe(9); // 6 × 1.5
    expect((await book('2026-03-07', '09:00', 1)).ok).toBe(true);
  });

  it('refuse past dates and slots already over today', async () => {
    expect((await book('2026-02-27', '09:00', 1)).ok).toBe(false);
    await moveTo('2026-03-02 09:40');
    const over = await book('2026-03-02', '09:00', 1);
    expect(!over.ok && over.error.message).toMatch(/已结束/);
    expect((await book('2026-03-02', '10:00', 1)).ok).toBe(true);
  });
});

describe('queue tickets', () => {
  it('are numbered per day and service letter, and start again the next day', async () => {
    const n = async (service: 'marriage' | 'divorce' | 'replacement' | 'other') =>
      (await t.must('marriage.counter.walkIn', { service }, clerk)).number;
    expect([
      await n('marriage'),
      await n('marriage'),
      await n('divorce'),
      await n('replacement'),
      await n('marriage'),
      await n('other'),
    ]).toEqual(['J001', 'J002', 'L001', 'B001', 'J003', 'Q001']);
    await moveTo('2026-03-03 08:30');
    expect([await n('divorce'), await n('marriage')]).toEqual(['L001', 'J001']);
    expect((await t.must('marriage.counter.queue', { date: '2026-03-02' }, clerk)).tickets).toHaveLength(6);
    expect((await t.must('marriage.counter.queue', {}, clerk)).tickets.map((x) => x.number)).toEqual(['L001', 'J001']);
    // SQL itself refuses a repeated number of the day.
    expect(() =>
      t.app.db
        .prepare(
          "INSERT INTO marriage_queue_tickets (date, service, prefix, seq, number, status, issued_at) VALUES ('2026-03-03', 'marriage', 'J', 1, 'J001', 'waiting', 'x')",
        )
        .run(),
    ).toThrow(/UNIQUE/);
  });

  it('are called: transferred first, then appointments whose slot has begun, then by drawing time', async () => {
    await t.must('marriage.counter.savePlan', smallPlan, supervisor);
    const a930 = await t.must('marriage.counter.book', { date: '2026-03-02', slotStart: '09:30', ...couple(1) }, clerk);
    const a900 = await t.must('marriage.counter.book', { date: '2026-03-02', slotStart: '09:00', ...couple(2) }, clerk);
    await moveTo('2026-03-02 09:00');
    const w1 = await t.must('marriage.counter.walkIn', { service: 'marriage', names: '王五' }, clerk);
    clock.advanceMinutes(5);
    const tA930 = await t.must('marriage.counter.checkIn', { id: a930.id }, clerk);
    clock.advanceMinutes(1);
    const w2 = await t.must('marriage.counter.walkIn', { service: 'divorce' }, clerk);
    clock.advanceMinutes(4);
    const tA900 = await t.must('marriage.counter.checkIn', { id: a900.id }, clerk);
    expect(tA900.number).toBe('J003');
    expect(tA900.ahead).toBe(0); // its slot has begun: it goes first
    const again = await t.call('marriage.counter.checkIn', { id: a900.id }, clerk);
    expect(!again.ok && again.error.code).toBe('CONFLICT');

    clock.advanceMinutes(2); // 09:12
    const queue = await t.must('marriage.counter.queue', {}, clerk);
    expect(queue.waiting).toBe(4);
    expect(Object.fromEntries(queue.tickets.map((x) => [x.number, x.ahead]))).toEqual({ J001: 1, J002: 2, L001: 3, J003: 0 });
    const call = async (counter: number) => (await t.must('marriage.counter.callNext', { counter }, clerk))?.number ?? null;
    expect(await call(1)).toBe(tA900.number);
    expect(await call(2)).toBe(w1.number);
    await moveTo('2026-03-02 09:31');
    expect(await call(3)).toBe(tA930.number); // its slot has now begun: ahead of the earlier walk-in L001
    // Counter 1 sends its couple to counter 2, which gets it before anyone waiting.
    await t.must('marriage.counter.transfer', { id: tA900.id, counter: 1, toCounter: 2 }, clerk);
    expect(await call(2)).toBe(tA900.number);
    expect(await call(1)).toBe(w2.number);
    expect(await call(1)).toBeNull();

    const done = await t.must('marriage.counter.queue', {}, clerk);
    expect(done.waiting).toBe(0);
    expect(done.called).toBe(4);
    expect(done.averageWaitMinutes).toBeGreaterThan(0);
    // Appointments list shows the ticket taken at check-in.
    const apps = await t.must('marriage.counter.appointments', { date: '2026-03-02' }, clerk);
    expect(apps.map((a) => [a.status, a.ticketNumber])).toEqual([
      ['checkedIn', 'J003'],
      ['checkedIn', 'J002'],
    ]);
  });

  it('can be called, recalled, served and finished, or marked no-show, only at their counter', async () => {
    const a = await t.must('marriage.counter.walkIn', { service: 'marriage' }, clerk);
    const b = await t.must('marriage.counter.walkIn', { service: 'marriage' }, clerk);
    const no = await t.call('marriage.counter.callNext', { counter: 9 }, clerk);
    expect(!no.ok && no.error.message).toBe('本单位现行方案只有 3 个窗口，没有 9 号窗口');
    expect((await t.must('marriage.counter.callNext', { counter: 1 }, clerk))!.id).toBe(a.id);
    expect((await t.must('marriage.counter.recall', { id: a.id, counter: 1 }, clerk)).callCount).toBe(2);
    const elsewhere = await t.call('marriage.counter.setTicketStatus', { id: a.id, counter: 2, status: 'serving' }, clerk);
    expect(!elsewhere.ok && elsewhere.error.message).toMatch(/由 1 号窗口办理/);
    await t.must('marriage.counter.setTicketStatus', { id: a.id, counter: 1, status: 'serving' }, clerk);
    expect((await t.must('marriage.counter.setTicketStatus', { id: a.id, counter: 1, status: 'done' }, clerk)).status).toBe(
      'done',
    );

    expect((await t.must('marriage.counter.callNext', { counter: 1 }, clerk))!.id).toBe(b.id);
    const noShow = await t.must('marriage.counter.setTicketStatus', { id: b.id, counter: 1, status: 'noShow' }, clerk);
    expect(noShow.status).toBe('noShow');
    for (const status of ['serving', 'done', 'noShow'] as const) {
      const r = await t.call('marriage.counter.setTicketStatus', { id: b.id, counter: 1, status }, clerk);
      expect(!r.ok && r.error.code).toBe('RULE_VIOLATION');
    }
    const recallGone = await t.call('marriage.counter.recall', { id: b.id, counter: 1 }, clerk);
    expect(!recallGone.ok && recallGone.error.message).toMatch(/过号未到/);
    const q = await t.must('marriage.counter.queue', {}, clerk);
    expect([q.done, q.noShow, q.waiting]).toEqual([1, 1, 0]);
    // Every step is in the audit log, and the chain holds.
    const audit = t.app.db.prepare("SELECT detail FROM audit_log WHERE entity = 'marriage_queue_ticket' ORDER BY id").all() as {
      detail: string;
    }[];
    expect(audit.map((x) => x.detail)).toEqual([
      '现场取号 J001（结婚登记）',
      '现场取号 J002（结婚登记）',
      '1 号窗口叫号 J001',
      '1 号窗口重呼 J001（第 2 次）',
      '1 号窗口：J001 办理中',
      '1 号窗口：J001 已办结',
      '1 号窗口叫号 J002',
      '1 号窗口：J002 过号未到',
    ]);
    expect(verifyAuditChain(t.app.db).intact).toBe(true);
  });

  it('print as an 80 mm receipt with the number, service, people ahead and the office', async () => {
    await t.must(
      'settings.update',
      { ...(await t.must('settings.get', {}, admin)), officeName: '重庆市渝北区婚姻登记处' },
      admin,
    );
    await t.must('marriage.counter.walkIn', { service: 'marriage' }, clerk);
    const mine = await t.must('marriage.counter.walkIn', { service: 'marriage', names: '赵六、钱七' }, clerk);
    const file = await t.must('marriage.counter.ticketPdf', { id: mine.id }, clerk);
    expect(file.fileName).toBe('排队号-2026-03-02-J002.pdf');
    const dir = mkdtempSync(join(tmpdir(), 'ticket-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const path = join(dir, 't.pdf');
    writeFileSync(path, Buffer.from(file.base64, 'base64'));
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
    for (const s of [
      '重庆市渝北区婚姻登记处',
      'J002',
      '结婚登记',
      '赵六、钱七',
      '您前面还有 1 人等候',
      '取号时间：2026-03-02 08:30',
    ])
      expect(text).toContain(s);
    const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+226\.77\d* x 368\.5\d* pts/);
    expect(info).toMatch(/Pages:\s+1\n/);
    const printed = t.app.db.prepare("SELECT detail FROM audit_log WHERE action = 'print'").all() as { detail: string }[];
    expect(printed.map((p) => p.detail)).toEqual(['打印排队小票 J002']);
  });

  it('never repeat a number when several counters draw at once (separate processes, one file)', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const per = 40;
    const writers = ['1', '2', '3', '4'].map((c) =>
      spawn(
        process.execPath,
        ['--import', 'tsx', join(repoRoot, 'tests/fixtures/marriage-ticket-writer.ts'), dir, String(per), c],
        {
          cwd: repoRoot,
          stdio: ['ignore', 'ignore', 'inherit'],
        },
      ),
    );
    const codes = await Promise.all(writers.map((p) => new Promise<number | null>((r) => p.once('exit', r))));
    expect(codes).toEqual([0, 0, 0, 0]);
    const db = openDatabase(join(dir, 'registry.db'));
    const rows = db.prepare("SELECT seq, issued_by FROM marriage_queue_tickets WHERE prefix = 'J' ORDER BY seq").all() as {
      seq: number;
    }[];
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 4 * per }, (_, i) => i + 1));
    const counters = db
      .prepare("SELECT username FROM audit_log WHERE entity = 'marriage_queue_ticket' ORDER BY id LIMIT ?")
      .all(2 * per) as {
      username: string;
    }[];
    expect(new Set(counters.map((c) => c.username)).size).toBeGreaterThan(1); // they really interleaved
    expect(verifyAuditChain(db).intact).toBe(true);
    db.close();
  });
});

describe('certificate ceremonies', () => {
  it('take bookings up to the session capacity and show the places left', async () => {
    const clerkTry = await t.call(
      'marriage.counter.saveCeremonySession',
      { date: '2026-05-20', startTime: '10:00', hall: '一号颁证厅', capacity: 2 },
      clerk,
    );
    expect(!clerkTry.ok && clerkTry.error.code).toBe('FORBIDDEN');
    const s = await t.must(
      'marriage.counter.saveCeremonySession',
      { date: '2026-05-20', startTime: '10:00', hall: '一号颁证厅', capacity: 2 },
      supervisor,
    );
    const s2 = await t.must(
      'marriage.counter.saveCeremonySession',
      { date: '2026-05-20', startTime: '14:00', hall: '一号颁证厅', capacity: 3 },
      supervisor,
    );
    expect(s.peakNames).toEqual(['5·20']);
    const appt = await t.must('marriage.counter.book', { date: '2026-05-20', slotStart: '09:00', ...couple(1) }, clerk);
    const afterOne = await t.must('marriage.counter.bookCeremony', { sessionId: s.id, appointmentId: appt.id }, clerk);
    expect(afterOne.bookings[0]).toMatchObject({ party1Name: '张1', party2Name: '李1', phone: '13800000001' });
    const dup = await t.call('marriage.counter.bookCeremony', { sessionId: s2.id, appointmentId: appt.id }, clerk);
    expect(!dup.ok && dup.error.code).toBe('CONFLICT');
    const full = await t.must(
      'marriage.counter.bookCeremony',
      { sessionId: s.id, party1Name: '陈甲', party2Name: '周乙' },
      clerk,
    );
    expect([full.booked, full.remaining]).toEqual([2, 0]);
    const refused = await t.call(
      'marriage.counter.bookCeremony',
      { sessionId: s.id, party1Name: '吴丙', party2Name: '郑丁' },
      clerk,
    );
    expect(!refused.ok && refused.error.message).toBe(
      '2026-05-20 10:00 一号颁证厅 颁证仪式已满（2 对）。最近有空位的场次：2026-05-20 14:00 一号颁证厅（余 3 对）',
    );
    const noName = await t.call('marriage.counter.bookCeremony', { sessionId: s2.id, party1Name: '吴丙' }, clerk);
    expect(!noName.ok && noName.error.field).toBe('party2Name');
    const freed = await t.must('marriage.counter.cancelCeremonyBooking', { id: full.bookings[1]!.id }, clerk);
    expect(freed.remaining).toBe(1);
    const cancelBusy = await t.call('marriage.counter.cancelCeremonySession', { id: s.id, reason: '场地维修' }, supervisor);
    expect(!cancelBusy.ok && cancelBusy.error.message).toMatch(/还有 1 对/);
    expect(
      (await t.must('marriage.counter.cancelCeremonySession', { id: s2.id, reason: '场地维修' }, supervisor)).cancelled,
    ).toBe(true);
    const list = await t.must('marriage.counter.ceremonies', { from: '2026-05-01', to: '2026-05-31' }, clerk);
    expect(list.map((x) => [x.startTime, x.booked, x.remaining, x.cancelled])).toEqual([
      ['10:00', 1, 1, false],
      ['14:00', 0, 0, true],
    ]);
  });
});

describe('permissions', () => {
  it('a funeral reviewer or an auditor cannot use the counter', async () => {
    const reviewer = await userWithRoles(t, admin, 'reviewer', ['funeralReviewer']);
    const auditor = await userWithRoles(t, admin, 'auditor1', ['auditor']);
    for (const token of [reviewer, auditor, admin]) {
      const r = await t.call('marriage.counter.walkIn', { service: 'marriage' }, token);
      expect(!r.ok && r.error.code).toBe('FORBIDDEN');
      const q = await t.call('marriage.counter.queue', {}, token);
      expect(!q.ok && q.error.code).toBe('FORBIDDEN');
    }
    const plan = await t.call('marriage.counter.savePlan', smallPlan, clerk);
    expect(!plan.ok && plan.error.code).toBe('FORBIDDEN');
  });
});
