import type { z } from 'zod';
import type { AppContext } from '../../core/app';
import { recordAudit, type Actor } from '../../core/audit/service';
import { addDays, assertCivilDate, weekdayName } from '../../core/calendar/civilDate';
import { officialCalendar } from '../../core/calendar/workdays';
import type { Clock } from '../../core/clock';
import type { FileOutput } from '../../core/contract/fields';
import { writeTransaction, type Db } from '../../core/db/connection';
import { fontsOf, pdfOutput } from '../../core/documents/service';
import { ServiceError } from '../../core/errors';
import { maskResidentId, parseResidentId } from '../../core/idnumber';
import { getSettings } from '../../core/settings/service';
import {
  counterServiceLabels,
  counterServicePrefixes,
  counterServices,
  type AppointmentView,
  type bookInput,
  type CeremonyBookingView,
  type ceremonyBookInput,
  type CeremonySessionView,
  type ceremonySessionInput,
  type CounterService,
  type DayView,
  type PeakRuleView,
  type peakSaveInput,
  type planSaveInput,
  type PlanView,
  type QueueView,
  type TicketView,
  ticketStatusLabels,
} from './contract';
import * as data from './data';
import { renderTicketPdf } from './documents/ticketPdf';
import { nextOccurrence, ruleMatches } from './peakDays';

// Rules of the registry counter. Every change runs in one write transaction (BEGIN IMMEDIATE) with
// its audit entry, so two counters (or two processes on one database file) never draw the same
// ticket number or overbook a slot.

// ── Time at the office ──────────────────────────────────────────────────────
// A registry's day and its slots are wall-clock times in China (UTC+8 all year, no daylight saving),
// whatever the time zone of the computer or of a test machine.
const OFFICE_OFFSET_MS = 8 * 3600_000;

export interface OfficeTime {
  date: string;
  time: string;
}

export function officeTime(at: Date): OfficeTime {
  const iso = new Date(at.getTime() + OFFICE_OFFSET_MS).toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
}

const nowIso = (clock: Clock): string => clock.now().toISOString();

// ── Plans ───────────────────────────────────────────────────────────────────
function planView(db: Db, row: data.PlanRow & { created_by_name: string | null }): PlanView {
  return {
    id: row.id,
    effectiveFrom: row.effective_from,
    counters: row.counters,
    slots: data.slotsOf(db, row.id).map((s) => ({ start: s.start, end: s.end, capacity: s.capacity })),
    note: row.note,
    createdAt: row.created_at,
    createdBy: row.created_by_name,
  };
}

export const listPlans = (db: Db): PlanView[] => data.listPlans(db).map((p) => planView(db, p));

export function savePlan(app: AppContext, actor: Actor, input: z.output<typeof planSaveInput>): PlanView {
  assertCivilDate(input.effectiveFrom);
  const slots = [...input.slots].sort((a, b) => a.start.localeCompare(b.start));
  slots.forEach((s, i) => {
    if (s.end <= s.start)
      throw new ServiceError('INVALID_INPUT', `时段 ${s.start}–${s.end} 的结束时间应晚于开始时间`, `slots.${i}`);
    const prev = slots[i - 1];
    if (prev && prev.end > s.start)
      throw new ServiceError('INVALID_INPUT', `时段 ${prev.start}–${prev.end} 与 ${s.start}–${s.end} 重叠`, 'slots');
  });
  const { date: today } = officeTime(app.clock.now());
  const db = app.db;
  return writeTransaction(db, () => {
    const existing = data.planByEffectiveDate(db, input.effectiveFrom);
    // Past days keep the plan their appointments were booked under.
    if (input.effectiveFrom < today && !existing?.id)
      throw new ServiceError('RULE_VIOLATION', '新方案的生效日期不能早于今天（已过去的日子沿用当时的方案）', 'effectiveFrom');
    if (existing && input.effectiveFrom <= today)
      throw new ServiceError(
        'RULE_VIOLATION',
        `${input.effectiveFrom} 起的方案已经生效，请新建一个以后生效的方案`,
        'effectiveFrom',
      );
    const before = existing ? planView(db, { ...existing, created_by_name: null }) : null;
    let id: number;
    if (existing) {
      id = existing.id;
      data.updatePlan(db, id, { counters: input.counters, note: input.note ?? null, created_by: actor.userId });
    } else {
      id = data.insertPlan(db, {
        effective_from: input.effectiveFrom,
        counters: input.counters,
        note: input.note ?? null,
        created_at: nowIso(app.clock),
        created_by: actor.userId,
      });
    }
    data.replaceSlots(db, id, slots);
    const view = planView(db, data.planById(db, id)!);
    recordAudit(db, app.clock, actor, {
      action: existing ? 'update' : 'create',
      entity: 'marriage_counter_plan',
      entityId: id,
      before: before && { counters: before.counters, slots: before.slots },
      after: { effectiveFrom: view.effectiveFrom, counters: view.counters, slots: view.slots },
      detail: `号源方案自 ${view.effectiveFrom} 起：${view.slots.length} 个时段，${view.counters} 个窗口`,
    });
    return view;
  });
}

// ── Peak rules ──────────────────────────────────────────────────────────────
function peakView(r: data.PeakRuleRow, today: string): PeakRuleView {
  return {
    nextDate: r.active === 1 ? nextOccurrence(r, today) : null,
    id: r.id,
    name: r.name,
    kind: r.kind,
    monthDay: r.month_day,
    date: r.date,
    capacityFactor: r.capacity_factor,
    openOnRestDay: r.open_on_rest_day === 1,
    active: r.active === 1,
  };
}

export function listPeakRules(app: AppContext): PeakRuleView[] {
  const { date } = officeTime(app.clock.now());
  return data.listPeakRules(app.db).map((r) => peakView(r, date));
}

export function savePeakRule(app: AppContext, actor: Actor, input: z.output<typeof peakSaveInput>): PeakRuleView {
  if (input.kind === 'date') {
    if (!input.date) throw new ServiceError('INVALID_INPUT', '单次高峰日须填写日期', 'date');
    assertCivilDate(input.date);
  } else {
    if (!input.monthDay) throw new ServiceError('INVALID_INPUT', '每年的高峰日须填写月日（农历如七夕填 07-07）', 'monthDay');
    if (input.kind === 'fixed') assertCivilDate(`2024-${input.monthDay}`); // 2024 is a leap year: 02-29 is allowed
    if (input.kind === 'lunar' && Number(input.monthDay.slice(3)) > 30)
      throw new ServiceError('INVALID_INPUT', '农历日期最多到三十', 'monthDay');
  }
  const row = {
    name: input.name,
    kind: input.kind,
    month_day: input.kind === 'date' ? null : input.monthDay!,
    date: input.kind === 'date' ? input.date! : null,
    capacity_factor: input.capacityFactor,
    open_on_rest_day: input.openOnRestDay ? 1 : 0,
    active: input.active ? 1 : 0,
    updated_at: nowIso(app.clock),
  };
  const db = app.db;
  const { date: today } = officeTime(app.clock.now());
  return writeTransaction(db, () => {
    let id = input.id;
    let before: PeakRuleView | null = null;
    if (id !== undefined) {
      const old = data.peakRuleById(db, id);
      if (!old) throw new ServiceError('NOT_FOUND', `未找到高峰日规则 ${id}`);
      before = peakView(old, today);
      data.updatePeakRule(db, id, row);
    } else {
      id = data.insertPeakRule(db, { ...row, created_at: row.updated_at });
    }
    const view = peakView(data.peakRuleById(db, id)!, today);
    recordAudit(db, app.clock, actor, {
      action: before ? 'update' : 'create',
      entity: 'marriage_peak_rule',
      entityId: id,
      before,
      after: view,
      detail: `高峰日「${view.name}」：容量 ×${view.capacityFactor}${view.openOnRestDay ? '，休息日开放' : ''}${view.active ? '' : '（停用）'}`,
    });
    return view;
  });
}

// ── Days and slots ──────────────────────────────────────────────────────────
interface DayPlan extends DayView {
  planId: number | null;
}

export function dayPlan(db: Db, date: string, today: string): DayPlan {
  assertCivilDate(date);
  const cal = officialCalendar.dayInfo(date);
  const peaks = data.activePeakRules(db).filter((r) => ruleMatches(r, date));
  const factor = peaks.reduce((m, r) => Math.max(m, r.capacity_factor), 1);
  const openedOnRestDay = !cal.working && peaks.some((r) => r.open_on_rest_day === 1);
  const plan = data.planOn(db, date);
  const booked = data.bookedPerSlot(db, date);
  const slots = plan
    ? data.slotsOf(db, plan.id).map((s) => {
        const capacity = Math.ceil(s.capacity * factor);
        const n = booked.get(s.start) ?? 0;
        return {
          start: s.start,
          end: s.end,
          baseCapacity: s.capacity,
          capacity,
          booked: n,
          remaining: Math.max(0, capacity - n),
        };
      })
    : [];
  let closedReason: string | null = null;
  if (!plan) closedReason = `${date} 没有适用的号源方案，请负责人先设置`;
  else if (!cal.working && !openedOnRestDay) closedReason = `${date}（${weekdayName(date)}）是${cal.description}，不办理预约`;
  else if (date < today) closedReason = `${date} 已过去，不能预约`;
  return {
    date,
    calendar: cal.description,
    weekday: weekdayName(date),
    open: closedReason === null,
    closedReason,
    peak: peaks.length > 0 ? { names: peaks.map((p) => p.name), capacityFactor: factor, openedOnRestDay } : null,
    counters: plan?.counters ?? 0,
    slots,
    totalCapacity: slots.reduce((n, s) => n + s.capacity, 0),
    totalBooked: slots.reduce((n, s) => n + s.booked, 0),
    planId: plan?.id ?? null,
  };
}

export function dayView(app: AppContext, date: string): DayView {
  const { planId: _planId, ...view } = dayPlan(app.db, date, officeTime(app.clock.now()).date);
  return view;
}

/** The first slot with room at or after (date, after a slot start), searching up to 60 days ahead. */
function nextFreeSlot(db: Db, now: OfficeTime, date: string, afterStart: string | null): string | null {
  for (let i = 0, d = date; i < 60; i++, d = addDays(d, 1)) {
    const day = dayPlan(db, d, now.date);
    if (!day.open) continue;
    const slot = day.slots.find(
      (s) => s.remaining > 0 && (i > 0 || afterStart === null || s.start > afterStart) && (d > now.date || s.end > now.time),
    );
    if (slot) return `${d} ${slot.start}–${slot.end}（余 ${slot.remaining} 个）`;
  }
  return null;
}

// ── Appointments ────────────────────────────────────────────────────────────
function appointmentView(r: data.AppointmentWithTicket): AppointmentView {
  return {
    id: r.id,
    date: r.date,
    slotStart: r.slot_start,
    slotEnd: r.slot_end,
    service: r.service,
    party1Name: r.party1_name,
    party1Phone: r.party1_phone,
    party1IdNumber: r.party1_id_number && maskResidentId(r.party1_id_number),
    party2Name: r.party2_name,
    party2Phone: r.party2_phone,
    party2IdNumber: r.party2_id_number && maskResidentId(r.party2_id_number),
    status: r.status,
    ticketNumber: r.ticket_number,
    note: r.note,
    createdAt: r.created_at,
  };
}

export const listAppointments = (db: Db, date: string): AppointmentView[] => data.appointmentsOn(db, date).map(appointmentView);

function checkedIdNumber(raw: string | undefined, field: string, today: string): string | null {
  if (raw === undefined || raw.trim() === '') return null;
  // Booking only takes a resident ID card number; other documents are checked at 受理.
  const r = parseResidentId(raw, today);
  if (!r.ok) throw new ServiceError('INVALID_INPUT', r.message, field);
  return r.value.id;
}

export function bookAppointment(app: AppContext, actor: Actor, input: z.output<typeof bookInput>): AppointmentView {
  const db = app.db;
  const now = officeTime(app.clock.now());
  const id1 = checkedIdNumber(input.party1IdNumber, 'party1IdNumber', now.date);
  const id2 = checkedIdNumber(input.party2IdNumber, 'party2IdNumber', now.date);
  if (id1 && id2 && id1 === id2) throw new ServiceError('INVALID_INPUT', '双方身份证号码相同，请核对', 'party2IdNumber');
  if (input.service === 'marriage' && !input.party2Name)
    throw new ServiceError('INVALID_INPUT', '结婚登记须双方到场，请填写另一方姓名', 'party2Name');
  return writeTransaction(db, () => {
    const day = dayPlan(db, input.date, now.date);
    if (!day.open) throw new ServiceError('RULE_VIOLATION', day.closedReason!, 'date');
    const slot = day.slots.find((s) => s.start === input.slotStart);
    if (!slot) throw new ServiceError('INVALID_INPUT', `${input.date} 没有 ${input.slotStart} 开始的时段`, 'slotStart');
    if (input.date === now.date && slot.end <= now.time)
      throw new ServiceError('RULE_VIOLATION', `${slot.start}–${slot.end} 时段已结束，请选择之后的时段`, 'slotStart');
    if (slot.remaining <= 0) {
      const next = nextFreeSlot(db, now, input.date, slot.start);
      throw new ServiceError(
        'RULE_VIOLATION',
        `${input.date} ${slot.start}–${slot.end} 时段已约满（容量 ${slot.capacity} 个）。` +
          (next ? `最近可约时段：${next}` : '60 天内没有可约时段'),
        'slotStart',
      );
    }
    const duplicate = data
      .appointmentsOn(db, input.date)
      .find((a) => a.status !== 'cancelled' && a.party1_name === input.party1Name && a.party1_phone === input.party1Phone);
    if (duplicate)
      throw new ServiceError(
        'CONFLICT',
        `${input.party1Name}（${input.party1Phone}）已预约 ${input.date} ${duplicate.slot_start}–${duplicate.slot_end}，请勿重复预约`,
      );
    const at = nowIso(app.clock);
    const id = data.insertAppointment(db, {
      date: input.date,
      slot_start: slot.start,
      slot_end: slot.end,
      service: input.service,
      party1_name: input.party1Name,
      party1_phone: input.party1Phone,
      party1_id_number: id1,
      party2_name: input.party2Name ?? null,
      party2_phone: input.party2Phone ?? null,
      party2_id_number: id2,
      status: 'booked',
      ticket_id: null,
      note: input.note || null,
      cancel_reason: null,
      created_at: at,
      created_by: actor.userId,
      updated_at: at,
    });
    const view = appointmentView(data.appointmentById(db, id)!);
    recordAudit(db, app.clock, actor, {
      action: 'create',
      entity: 'marriage_appointment',
      entityId: id,
      after: { ...view, createdAt: undefined },
      detail: `预约 ${view.date} ${view.slotStart}–${view.slotEnd} ${counterServiceLabels[view.service]}：${view.party1Name}${view.party2Name ? `、${view.party2Name}` : ''}`,
    });
    return view;
  });
}

export function cancelAppointment(app: AppContext, actor: Actor, id: number, reason: string): AppointmentView {
  const db = app.db;
  return writeTransaction(db, () => {
    const a = data.appointmentById(db, id);
    if (!a) throw new ServiceError('NOT_FOUND', `未找到预约 ${id}`);
    if (a.status === 'cancelled') throw new ServiceError('CONFLICT', '该预约已取消');
    if (a.status === 'checkedIn')
      throw new ServiceError('RULE_VIOLATION', `当事人已签到取号（${a.ticket_number}），不能再取消预约`);
    data.updateAppointment(db, id, { status: 'cancelled', cancel_reason: reason, updated_at: nowIso(app.clock) });
    recordAudit(db, app.clock, actor, {
      action: 'status',
      entity: 'marriage_appointment',
      entityId: id,
      before: { status: a.status },
      after: { status: 'cancelled', reason },
      detail: `取消预约 ${a.date} ${a.slot_start}：${reason}`,
    });
    return appointmentView(data.appointmentById(db, id)!);
  });
}

export function checkIn(app: AppContext, actor: Actor, id: number): TicketView {
  const db = app.db;
  const now = officeTime(app.clock.now());
  return writeTransaction(db, () => {
    const a = data.appointmentById(db, id);
    if (!a) throw new ServiceError('NOT_FOUND', `未找到预约 ${id}`);
    if (a.status === 'cancelled') throw new ServiceError('RULE_VIOLATION', '该预约已取消，请现场取号');
    if (a.status === 'checkedIn') throw new ServiceError('CONFLICT', `该预约已签到，号码为 ${a.ticket_number}`);
    if (a.date !== now.date) throw new ServiceError('RULE_VIOLATION', `该预约的日期是 ${a.date}，只能在当天签到取号`);
    const names = [a.party1_name, a.party2_name].filter(Boolean).join('、');
    const ticketId = drawTicket(db, app.clock, actor, now, { service: a.service, appointment: a, names });
    data.updateAppointment(db, id, { status: 'checkedIn', ticket_id: ticketId, updated_at: nowIso(app.clock) });
    recordAudit(db, app.clock, actor, {
      action: 'status',
      entity: 'marriage_appointment',
      entityId: id,
      before: { status: 'booked' },
      after: { status: 'checkedIn', ticketId },
      detail: `预约签到：${names}`,
    });
    return ticketView(db, data.ticketById(db, ticketId)!, now.time);
  });
}

// ── Queue tickets ───────────────────────────────────────────────────────────
const MAX_SEQ = 999;

/** Draws the day's next number for the service. Runs inside the caller's write transaction. */
function drawTicket(
  db: Db,
  clock: Clock,
  actor: Actor,
  now: OfficeTime,
  t: { service: CounterService; appointment?: data.AppointmentRow; names: string | null },
): number {
  if (!db.inTransaction) throw new Error('drawTicket must run inside the caller’s write transaction');
  const prefix = counterServicePrefixes[t.service];
  const seq = data.lastSeq(db, now.date, prefix) + 1;
  if (seq > MAX_SEQ)
    throw new ServiceError('RULE_VIOLATION', `今日「${counterServiceLabels[t.service]}」已发出 ${MAX_SEQ} 个号，不能再取号`);
  const number = `${prefix}${String(seq).padStart(3, '0')}`;
  const id = data.insertTicket(db, {
    date: now.date,
    service: t.service,
    prefix,
    seq,
    number,
    appointment_id: t.appointment?.id ?? null,
    slot_start: t.appointment?.slot_start ?? null,
    names: t.names || null,
    status: 'waiting',
    counter: null,
    transferred_to: null,
    issued_at: nowIso(clock),
    issued_by: actor.userId,
    called_at: null,
    serving_at: null,
    finished_at: null,
  });
  recordAudit(db, clock, actor, {
    action: 'create',
    entity: 'marriage_queue_ticket',
    entityId: id,
    after: { date: now.date, number, service: t.service, appointmentId: t.appointment?.id ?? null },
    detail: `${t.appointment ? '预约签到' : '现场'}取号 ${number}（${counterServiceLabels[t.service]}）`,
  });
  return id;
}

export function walkIn(app: AppContext, actor: Actor, service: CounterService, names: string | undefined): TicketView {
  const db = app.db;
  const now = officeTime(app.clock.now());
  return writeTransaction(db, () => {
    const id = drawTicket(db, app.clock, actor, now, { service, names: names ?? null });
    return ticketView(db, data.ticketById(db, id)!, now.time);
  });
}

/** The same order as data.nextTicketFor, over the waiting tickets of a day. */
function waitingOrder(tickets: readonly data.TicketRow[], nowTime: string): data.TicketRow[] {
  const rank = (t: data.TicketRow) => (t.slot_start !== null && t.slot_start <= nowTime ? 1 : 2);
  return tickets
    .filter((t) => t.status === 'waiting')
    .sort(
      (a, b) =>
        rank(a) - rank(b) ||
        (rank(a) === 1 ? a.slot_start!.localeCompare(b.slot_start!) : 0) ||
        a.issued_at.localeCompare(b.issued_at) ||
        a.id - b.id,
    );
}

function toTicketView(t: data.TicketRow, ahead: number): TicketView {
  return {
    id: t.id,
    date: t.date,
    number: t.number,
    service: t.service,
    status: t.status,
    appointmentId: t.appointment_id,
    slotStart: t.slot_start,
    names: t.names,
    counter: t.counter,
    transferredTo: t.transferred_to,
    callCount: t.call_count,
    issuedAt: t.issued_at,
    calledAt: t.called_at,
    servingAt: t.serving_at,
    finishedAt: t.finished_at,
    ahead,
  };
}

function ticketView(db: Db, t: data.TicketRow, nowTime: string): TicketView {
  if (t.status !== 'waiting') return toTicketView(t, 0);
  const order = waitingOrder(data.ticketsOn(db, t.date), nowTime);
  return toTicketView(
    t,
    order.findIndex((x) => x.id === t.id),
  );
}

export function queueView(app: AppContext, date: string | undefined): QueueView {
  const now = officeTime(app.clock.now());
  const day = date ?? now.date;
  assertCivilDate(day);
  const rows = data.ticketsOn(app.db, day);
  const order = new Map(waitingOrder(rows, now.time).map((t, i) => [t.id, i]));
  const tickets = rows.map((t) => toTicketView(t, order.get(t.id) ?? 0));
  const count = (s: TicketView['status']) => tickets.filter((t) => t.status === s).length;
  const waits = rows
    .filter((t) => t.called_at !== null)
    .map((t) => (Date.parse(t.called_at!) - Date.parse(t.issued_at)) / 60_000);
  const waitingByService = Object.fromEntries(
    counterServices.map((s) => [s, tickets.filter((t) => t.status === 'waiting' && t.service === s).length]),
  ) as Record<CounterService, number>;
  return {
    date: day,
    tickets,
    waiting: count('waiting') + count('transferred'),
    called: count('called'),
    serving: count('serving'),
    done: count('done'),
    noShow: count('noShow'),
    averageWaitMinutes: waits.length === 0 ? null : Math.round((waits.reduce((a, b) => a + b, 0) / waits.length) * 10) / 10,
    waitingByService,
  };
}

function checkCounter(db: Db, date: string, counter: number, field = 'counter'): void {
  const plan = data.planOn(db, date);
  if (plan && counter > plan.counters)
    throw new ServiceError('INVALID_INPUT', `本单位现行方案只有 ${plan.counters} 个窗口，没有 ${counter} 号窗口`, field);
}

export function callNext(
  app: AppContext,
  actor: Actor,
  counter: number,
  services: readonly CounterService[] | undefined,
): TicketView | null {
  const db = app.db;
  const now = officeTime(app.clock.now());
  return writeTransaction(db, () => {
    checkCounter(db, now.date, counter);
    const t = data.nextTicketFor(db, now.date, counter, now.time, services ?? null);
    if (!t) return null;
    const at = nowIso(app.clock);
    data.updateTicket(db, t.id, {
      status: 'called',
      counter,
      transferred_to: null,
      call_count: t.call_count + 1,
      called_at: t.called_at ?? at,
    });
    recordAudit(db, app.clock, actor, {
      action: 'status',
      entity: 'marriage_queue_ticket',
      entityId: t.id,
      before: { status: t.status, counter: t.counter },
      after: { status: 'called', counter },
      detail: `${counter} 号窗口叫号 ${t.number}`,
    });
    return toTicketView(data.ticketById(db, t.id)!, 0);
  });
}

function ticketAtCounter(db: Db, id: number, counter: number, today: string): data.TicketRow {
  const t = data.ticketById(db, id);
  if (!t) throw new ServiceError('NOT_FOUND', `未找到排队号 ${id}`);
  if (t.date !== today) throw new ServiceError('RULE_VIOLATION', `${t.number} 是 ${t.date} 的号，已失效`);
  if (t.counter !== null && t.counter !== counter && t.status !== 'waiting')
    throw new ServiceError('RULE_VIOLATION', `${t.number} 由 ${t.counter} 号窗口办理，不是本窗口（${counter} 号）`);
  return t;
}

export function recall(app: AppContext, actor: Actor, id: number, counter: number): TicketView {
  const db = app.db;
  const now = officeTime(app.clock.now());
  return writeTransaction(db, () => {
    const t = ticketAtCounter(db, id, counter, now.date);
    if (t.status !== 'called') throw new ServiceError('RULE_VIOLATION', `${t.number} 当前状态为「${statusText(t)}」，不能重呼`);
    data.updateTicket(db, id, { call_count: t.call_count + 1 });
    recordAudit(db, app.clock, actor, {
      action: 'status',
      entity: 'marriage_queue_ticket',
      entityId: id,
      after: { status: 'called', counter, callCount: t.call_count + 1 },
      detail: `${counter} 号窗口重呼 ${t.number}（第 ${t.call_count + 1} 次）`,
    });
    return toTicketView(data.ticketById(db, id)!, 0);
  });
}

const statusLabels = ticketStatusLabels;
const statusText = (t: data.TicketRow): string => statusLabels[t.status];

const allowedMoves: Record<'serving' | 'done' | 'noShow', readonly data.TicketRow['status'][]> = {
  serving: ['called'],
  done: ['called', 'serving'],
  noShow: ['called'],
};

export function setTicketStatus(
  app: AppContext,
  actor: Actor,
  id: number,
  counter: number,
  status: 'serving' | 'done' | 'noShow',
): TicketView {
  const db = app.db;
  const now = officeTime(app.clock.now());
  return writeTransaction(db, () => {
    const t = ticketAtCounter(db, id, counter, now.date);
    if (!allowedMoves[status].includes(t.status))
      throw new ServiceError('RULE_VIOLATION', `${t.number} 当前状态为「${statusText(t)}」，不能改为「${statusLabels[status]}」`);
    const at = nowIso(app.clock);
    data.updateTicket(db, id, status === 'serving' ? { status, serving_at: at } : { status, finished_at: at });
    recordAudit(db, app.clock, actor, {
      action: 'status',
      entity: 'marriage_queue_ticket',
      entityId: id,
      before: { status: t.status },
      after: { status, counter },
      detail: `${counter} 号窗口：${t.number} ${statusLabels[status]}`,
    });
    return toTicketView(data.ticketById(db, id)!, 0);
  });
}

export function transferTicket(app: AppContext, actor: Actor, id: number, counter: number, toCounter: number): TicketView {
  const db = app.db;
  const now = officeTime(app.clock.now());
  if (toCounter === counter) throw new ServiceError('INVALID_INPUT', '请选择另一个窗口', 'toCounter');
  return writeTransaction(db, () => {
    checkCounter(db, now.date, toCounter, 'toCounter');
    const t = ticketAtCounter(db, id, counter, now.date);
    if (t.status !== 'called' && t.status !== 'serving')
      throw new ServiceError('RULE_VIOLATION', `${t.number} 当前状态为「${statusText(t)}」，不能转窗口`);
    data.updateTicket(db, id, { status: 'transferred', transferred_to: toCounter });
    recordAudit(db, app.clock, actor, {
      action: 'status',
      entity: 'marriage_queue_ticket',
      entityId: id,
      before: { status: t.status, counter },
      after: { status: 'transferred', transferredTo: toCounter },
      detail: `${t.number} 由 ${counter} 号窗口转至 ${toCounter} 号窗口`,
    });
    return toTicketView(data.ticketById(db, id)!, 0);
  });
}

/** Local wall-clock time for print: 2026-02-14 09:05. */
const printedTime = (iso: string): string => {
  const t = officeTime(new Date(iso));
  return `${t.date} ${t.time}`;
};

export async function ticketPdf(app: AppContext, actor: Actor, id: number): Promise<FileOutput> {
  const db = app.db;
  const now = officeTime(app.clock.now());
  const t = data.ticketById(db, id);
  if (!t) throw new ServiceError('NOT_FOUND', `未找到排队号 ${id}`);
  const view = ticketView(db, t, now.time);
  const settings = getSettings(db);
  const bytes = await renderTicketPdf(fontsOf(app), {
    officeName: settings.officeName,
    ticketId: t.id,
    number: t.number,
    date: t.date,
    serviceLabel: counterServiceLabels[t.service],
    issuedAt: printedTime(t.issued_at),
    ahead: t.status === 'waiting' ? view.ahead : null,
    slot: t.slot_start,
    names: t.names,
  });
  writeTransaction(db, () =>
    recordAudit(db, app.clock, actor, {
      action: 'print',
      entity: 'marriage_queue_ticket',
      entityId: t.id,
      detail: `打印排队小票 ${t.number}`,
    }),
  );
  return pdfOutput(`排队号-${t.date}-${t.number}.pdf`, bytes);
}

// ── Ceremonies ──────────────────────────────────────────────────────────────
function bookingView(b: data.CeremonyBookingRow): CeremonyBookingView {
  return {
    id: b.id,
    sessionId: b.session_id,
    appointmentId: b.appointment_id,
    party1Name: b.party1_name,
    party2Name: b.party2_name,
    phone: b.phone,
    status: b.status,
    note: b.note,
    createdAt: b.created_at,
  };
}

function sessionViews(db: Db, rows: readonly data.CeremonySessionRow[]): CeremonySessionView[] {
  const bookings = data.bookingsOfSessions(
    db,
    rows.map((r) => r.id),
  );
  const rules = data.activePeakRules(db);
  const peakCache = new Map<string, string[]>();
  const peakNames = (date: string) => {
    let names = peakCache.get(date);
    if (!names) peakCache.set(date, (names = rules.filter((r) => ruleMatches(r, date)).map((r) => r.name)));
    return names;
  };
  return rows.map((r) => {
    const mine = bookings.filter((b) => b.session_id === r.id);
    const booked = mine.filter((b) => b.status === 'booked').length;
    return {
      id: r.id,
      date: r.date,
      startTime: r.start_time,
      hall: r.hall,
      capacity: r.capacity,
      booked,
      remaining: r.cancelled ? 0 : Math.max(0, r.capacity - booked),
      cancelled: r.cancelled === 1,
      note: r.note,
      peakNames: peakNames(r.date),
      bookings: mine.map(bookingView),
    };
  });
}

const sessionViewById = (db: Db, id: number): CeremonySessionView => sessionViews(db, [data.ceremonySessionById(db, id)!])[0]!;

export function listCeremonies(app: AppContext, from: string, to: string): CeremonySessionView[] {
  assertCivilDate(from);
  assertCivilDate(to);
  if (to < from) throw new ServiceError('INVALID_INPUT', '结束日期不能早于开始日期', 'to');
  if (addDays(from, 366) < to) throw new ServiceError('INVALID_INPUT', '一次最多查询一年', 'to');
  return sessionViews(app.db, data.ceremonySessionsBetween(app.db, from, to));
}

export function saveCeremonySession(
  app: AppContext,
  actor: Actor,
  input: z.output<typeof ceremonySessionInput>,
): CeremonySessionView {
  assertCivilDate(input.date);
  const db = app.db;
  const now = officeTime(app.clock.now());
  if (input.date < now.date) throw new ServiceError('RULE_VIOLATION', '不能为已过去的日期设置颁证仪式', 'date');
  return writeTransaction(db, () => {
    if (data.ceremonySessionAt(db, input.date, input.startTime, input.hall))
      throw new ServiceError('CONFLICT', `${input.date} ${input.startTime} ${input.hall} 已有颁证仪式场次`);
    const id = data.insertCeremonySession(db, {
      date: input.date,
      start_time: input.startTime,
      hall: input.hall,
      capacity: input.capacity,
      note: input.note || null,
      cancel_reason: null,
      created_at: nowIso(app.clock),
      created_by: actor.userId,
    });
    recordAudit(db, app.clock, actor, {
      action: 'create',
      entity: 'marriage_ceremony_session',
      entityId: id,
      after: input,
      detail: `颁证仪式场次 ${input.date} ${input.startTime} ${input.hall}（${input.capacity} 对）`,
    });
    return sessionViewById(db, id);
  });
}

export function cancelCeremonySession(app: AppContext, actor: Actor, id: number, reason: string): CeremonySessionView {
  const db = app.db;
  return writeTransaction(db, () => {
    const s = data.ceremonySessionById(db, id);
    if (!s) throw new ServiceError('NOT_FOUND', `未找到颁证仪式场次 ${id}`);
    if (s.cancelled) throw new ServiceError('CONFLICT', '该场次已取消');
    const live = sessionViewById(db, id).booked;
    if (live > 0) throw new ServiceError('RULE_VIOLATION', `该场次还有 ${live} 对新人的预订，请先联系他们改约或取消预订`);
    data.updateCeremonySession(db, id, { cancelled: 1, cancel_reason: reason });
    recordAudit(db, app.clock, actor, {
      action: 'status',
      entity: 'marriage_ceremony_session',
      entityId: id,
      before: { cancelled: false },
      after: { cancelled: true, reason },
      detail: `取消颁证仪式场次 ${s.date} ${s.start_time} ${s.hall}：${reason}`,
    });
    return sessionViewById(db, id);
  });
}

export function bookCeremony(app: AppContext, actor: Actor, input: z.output<typeof ceremonyBookInput>): CeremonySessionView {
  const db = app.db;
  const now = officeTime(app.clock.now());
  return writeTransaction(db, () => {
    const s = data.ceremonySessionById(db, input.sessionId);
    if (!s) throw new ServiceError('NOT_FOUND', `未找到颁证仪式场次 ${input.sessionId}`);
    if (s.cancelled) throw new ServiceError('RULE_VIOLATION', '该场次已取消，请选择其他场次', 'sessionId');
    if (s.date < now.date) throw new ServiceError('RULE_VIOLATION', '该场次已过去', 'sessionId');
    let party1 = input.party1Name;
    let party2 = input.party2Name;
    let phone = input.phone ?? null;
    if (input.appointmentId !== undefined) {
      const a = data.appointmentById(db, input.appointmentId);
      if (!a) throw new ServiceError('NOT_FOUND', `未找到预约 ${input.appointmentId}`, 'appointmentId');
      if (a.status === 'cancelled') throw new ServiceError('RULE_VIOLATION', '该预约已取消', 'appointmentId');
      if (data.liveCeremonyBookingOfAppointment(db, a.id))
        throw new ServiceError('CONFLICT', '该预约已预订颁证仪式', 'appointmentId');
      party1 ??= a.party1_name;
      party2 ??= a.party2_name ?? undefined;
      phone ??= a.party1_phone;
    }
    if (!party1) throw new ServiceError('INVALID_INPUT', '请填写当事人一姓名', 'party1Name');
    if (!party2) throw new ServiceError('INVALID_INPUT', '请填写当事人二姓名', 'party2Name');
    const view = sessionViewById(db, s.id);
    if (view.remaining <= 0) {
      const later = data
        .ceremonySessionsBetween(db, s.date, addDays(s.date, 60))
        .filter((x) => x.id !== s.id && !x.cancelled && (x.date > s.date || x.start_time > s.start_time));
      const next = sessionViews(db, later).find((x) => x.remaining > 0);
      throw new ServiceError(
        'RULE_VIOLATION',
        `${s.date} ${s.start_time} ${s.hall} 颁证仪式已满（${s.capacity} 对）。` +
          (next
            ? `最近有空位的场次：${next.date} ${next.startTime} ${next.hall}（余 ${next.remaining} 对）`
            : '60 天内没有空位场次'),
        'sessionId',
      );
    }
    const at = nowIso(app.clock);
    const id = data.insertCeremonyBooking(db, {
      session_id: s.id,
      appointment_id: input.appointmentId ?? null,
      party1_name: party1,
      party2_name: party2,
      phone,
      status: 'booked',
      note: input.note || null,
      created_at: at,
      created_by: actor.userId,
      updated_at: at,
    });
    recordAudit(db, app.clock, actor, {
      action: 'create',
      entity: 'marriage_ceremony_booking',
      entityId: id,
      after: { sessionId: s.id, appointmentId: input.appointmentId ?? null, party1, party2 },
      detail: `预订颁证仪式 ${s.date} ${s.start_time} ${s.hall}：${party1}、${party2}`,
    });
    return sessionViewById(db, s.id);
  });
}

export function cancelCeremonyBooking(app: AppContext, actor: Actor, id: number): CeremonySessionView {
  const db = app.db;
  return writeTransaction(db, () => {
    const b = data.ceremonyBookingById(db, id);
    if (!b) throw new ServiceError('NOT_FOUND', `未找到颁证仪式预订 ${id}`);
    if (b.status === 'cancelled') throw new ServiceError('CONFLICT', '该预订已取消');
    data.updateCeremonyBooking(db, id, { status: 'cancelled', updated_at: nowIso(app.clock) });
    recordAudit(db, app.clock, actor, {
      action: 'status',
      entity: 'marriage_ceremony_booking',
      entityId: id,
      before: { status: 'booked' },
      after: { status: 'cancelled' },
      detail: `取消颁证仪式预订：${b.party1_name}、${b.party2_name}`,
    });
    return sessionViewById(db, b.session_id);
  });
}
