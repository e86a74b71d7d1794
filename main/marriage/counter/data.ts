import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import { sql } from 'kysely';
import type { Db } from '../../core/db/connection';
import { all, first, queryBuilder, run } from '../../core/db/query';
import type { AppointmentStatus, CounterService, PeakRuleKind, TicketStatus } from './contract';

// All SQL of the marriage counter. Only ./service.ts calls these, inside its transactions.

interface PlansTable {
  id: Generated<number>;
  effective_from: string;
  counters: number;
  note: string | null;
  created_at: string;
  created_by: number | null;
}
interface SlotsTable {
  plan_id: number;
  start: string;
  end: string;
  capacity: number;
}
interface PeakRulesTable {
  id: Generated<number>;
  name: string;
  kind: PeakRuleKind;
  month_day: string | null;
  date: string | null;
  capacity_factor: number;
  open_on_rest_day: number;
  active: number;
  created_at: string;
  updated_at: string;
}
interface AppointmentsTable {
  id: Generated<number>;
  date: string;
  slot_start: string;
  slot_end: string;
  service: CounterService;
  party1_name: string;
  party1_phone: string;
  party1_id_number: string | null;
  party2_name: string | null;
  party2_phone: string | null;
  party2_id_number: string | null;
  status: AppointmentStatus;
  ticket_id: number | null;
  note: string | null;
  cancel_reason: string | null;
  created_at: string;
  created_by: number | null;
  updated_at: string;
}
interface TicketsTable {
  id: Generated<number>;
  date: string;
  service: CounterService;
  prefix: string;
  seq: number;
  number: string;
  appointment_id: number | null;
  slot_start: string | null;
  names: string | null;
  status: TicketStatus;
  counter: number | null;
  transferred_to: number | null;
  call_count: Generated<number>;
  issued_at: string;
  issued_by: number | null;
  called_at: string | null;
  serving_at: string | null;
  finished_at: string | null;
}
interface CeremonySessionsTable {
  id: Generated<number>;
  date: string;
  start_time: string;
  hall: string;
  capacity: number;
  note: string | null;
  cancelled: Generated<number>;
  cancel_reason: string | null;
  created_at: string;
  created_by: number | null;
}
interface CeremonyBookingsTable {
  id: Generated<number>;
  session_id: number;
  appointment_id: number | null;
  party1_name: string;
  party2_name: string;
  phone: string | null;
  status: 'booked' | 'cancelled';
  note: string | null;
  created_at: string;
  created_by: number | null;
  updated_at: string;
}

interface Schema {
  marriage_counter_plans: PlansTable;
  marriage_counter_slots: SlotsTable;
  marriage_peak_rules: PeakRulesTable;
  marriage_appointments: AppointmentsTable;
  marriage_queue_tickets: TicketsTable;
  marriage_ceremony_sessions: CeremonySessionsTable;
  marriage_ceremony_bookings: CeremonyBookingsTable;
  users: { id: number; username: string };
}
const q = queryBuilder<Schema>();

export type PlanRow = Selectable<PlansTable>;
export type SlotRow = Selectable<SlotsTable>;
export type PeakRuleRow = Selectable<PeakRulesTable>;
export type AppointmentRow = Selectable<AppointmentsTable>;
export type TicketRow = Selectable<TicketsTable>;
export type CeremonySessionRow = Selectable<CeremonySessionsTable>;
export type CeremonyBookingRow = Selectable<CeremonyBookingsTable>;

// ── Plans ───────────────────────────────────────────────────────────────────
export const listPlans = (db: Db): (PlanRow & { created_by_name: string | null })[] =>
  all(
    db,
    q
      .selectFrom('marriage_counter_plans as p')
      .leftJoin('users as u', 'u.id', 'p.created_by')
      .selectAll('p')
      .select('u.username as created_by_name')
      .orderBy('p.effective_from', 'desc'),
  );

export const planById = (db: Db, id: number): (PlanRow & { created_by_name: string | null }) | undefined =>
  first(
    db,
    q
      .selectFrom('marriage_counter_plans as p')
      .leftJoin('users as u', 'u.id', 'p.created_by')
      .selectAll('p')
      .select('u.username as created_by_name')
      .where('p.id', '=', id),
  );

/** The plan in force on a date: the latest effective on or before it. */
export const planOn = (db: Db, date: string): PlanRow | undefined =>
  first(
    db,
    q
      .selectFrom('marriage_counter_plans')
      .selectAll()
      .where('effective_from', '<=', date)
      .orderBy('effective_from', 'desc')
      .limit(1),
  );

export const planByEffectiveDate = (db: Db, date: string): PlanRow | undefined =>
  first(db, q.selectFrom('marriage_counter_plans').selectAll().where('effective_from', '=', date));

export const slotsOf = (db: Db, planId: number): SlotRow[] =>
  all(db, q.selectFrom('marriage_counter_slots').selectAll().where('plan_id', '=', planId).orderBy('start'));

export function insertPlan(db: Db, row: Insertable<PlansTable>): number {
  return run(db, q.insertInto('marriage_counter_plans').values(row)).lastInsertRowid;
}

export function updatePlan(db: Db, id: number, patch: Updateable<PlansTable>): void {
  run(db, q.updateTable('marriage_counter_plans').set(patch).where('id', '=', id));
}

export function replaceSlots(db: Db, planId: number, slots: readonly Omit<SlotRow, 'plan_id'>[]): void {
  run(db, q.deleteFrom('marriage_counter_slots').where('plan_id', '=', planId));
  for (const s of slots) run(db, q.insertInto('marriage_counter_slots').values({ ...s, plan_id: planId }));
}

// ── Peak rules ──────────────────────────────────────────────────────────────
export const listPeakRules = (db: Db): PeakRuleRow[] =>
  all(db, q.selectFrom('marriage_peak_rules').selectAll().orderBy('kind').orderBy('month_day').orderBy('date').orderBy('id'));

export const activePeakRules = (db: Db): PeakRuleRow[] =>
  all(db, q.selectFrom('marriage_peak_rules').selectAll().where('active', '=', 1).orderBy('id'));

export const peakRuleById = (db: Db, id: number): PeakRuleRow | undefined =>
  first(db, q.selectFrom('marriage_peak_rules').selectAll().where('id', '=', id));

export function insertPeakRule(db: Db, row: Insertable<PeakRulesTable>): number {
  return run(db, q.insertInto('marriage_peak_rules').values(row)).lastInsertRowid;
}

export function updatePeakRule(db: Db, id: number, patch: Updateable<PeakRulesTable>): void {
  run(db, q.updateTable('marriage_peak_rules').set(patch).where('id', '=', id));
}

// ── Appointments ────────────────────────────────────────────────────────────
export type AppointmentWithTicket = AppointmentRow & { ticket_number: string | null };

const appointmentsWithTicket = () =>
  q
    .selectFrom('marriage_appointments as a')
    .leftJoin('marriage_queue_tickets as t', 't.id', 'a.ticket_id')
    .selectAll('a')
    .select('t.number as ticket_number');

export const appointmentsOn = (db: Db, date: string): AppointmentWithTicket[] =>
  all(db, appointmentsWithTicket().where('a.date', '=', date).orderBy('a.slot_start').orderBy('a.id'));

export const appointmentById = (db: Db, id: number): AppointmentWithTicket | undefined =>
  first(db, appointmentsWithTicket().where('a.id', '=', id));

/** Live (not cancelled) appointments per slot start on a date. */
export function bookedPerSlot(db: Db, date: string): Map<string, number> {
  const rows = all(
    db,
    q
      .selectFrom('marriage_appointments')
      .select(['slot_start', (eb) => eb.fn.countAll<number>().as('n')])
      .where('date', '=', date)
      .where('status', '!=', 'cancelled')
      .groupBy('slot_start'),
  );
  return new Map(rows.map((r) => [r.slot_start, r.n]));
}

export function insertAppointment(db: Db, row: Insertable<AppointmentsTable>): number {
  return run(db, q.insertInto('marriage_appointments').values(row)).lastInsertRowid;
}

export function updateAppointment(db: Db, id: number, patch: Updateable<AppointmentsTable>): void {
  run(db, q.updateTable('marriage_appointments').set(patch).where('id', '=', id));
}

// ── Queue tickets ───────────────────────────────────────────────────────────
export const ticketById = (db: Db, id: number): TicketRow | undefined =>
  first(db, q.selectFrom('marriage_queue_tickets').selectAll().where('id', '=', id));

export const ticketsOn = (db: Db, date: string): TicketRow[] =>
  all(db, q.selectFrom('marriage_queue_tickets').selectAll().where('date', '=', date).orderBy('issued_at').orderBy('id'));

/** The last sequence drawn today for a prefix (0 when none). Read inside the write transaction. */
export const lastSeq = (db: Db, date: string, prefix: string): number =>
  first(
    db,
    q
      .selectFrom('marriage_queue_tickets')
      .select((eb) => eb.fn.max<number | null>('seq').as('m'))
      .where('date', '=', date)
      .where('prefix', '=', prefix),
  )?.m ?? 0;

export function insertTicket(db: Db, row: Insertable<TicketsTable>): number {
  return run(db, q.insertInto('marriage_queue_tickets').values(row)).lastInsertRowid;
}

export function updateTicket(db: Db, id: number, patch: Updateable<TicketsTable>): void {
  run(db, q.updateTable('marriage_queue_tickets').set(patch).where('id', '=', id));
}

/**
 * The ticket a counter calls next: one transferred to this counter first; then appointment tickets
 * whose slot has begun (earliest slot first); then everyone by the time they drew their ticket.
 */
export function nextTicketFor(
  db: Db,
  date: string,
  counter: number,
  nowTime: string,
  services: readonly CounterService[] | null,
): TicketRow | undefined {
  let query = q
    .selectFrom('marriage_queue_tickets')
    .selectAll()
    .where('date', '=', date)
    .where((eb) =>
      eb.or([eb('status', '=', 'waiting'), eb.and([eb('status', '=', 'transferred'), eb('transferred_to', '=', counter)])]),
    );
  if (services && services.length > 0) {
    query = query.where((eb) => eb.or([eb('service', 'in', services), eb('status', '=', 'transferred')]));
  }
  return first(
    db,
    query
      .orderBy(
        sql`CASE WHEN status = 'transferred' THEN 0 WHEN slot_start IS NOT NULL AND slot_start <= ${nowTime} THEN 1 ELSE 2 END`,
      )
      .orderBy(sql`CASE WHEN status = 'waiting' AND slot_start IS NOT NULL AND slot_start <= ${nowTime} THEN slot_start END`)
      .orderBy('issued_at')
      .orderBy('id')
      .limit(1),
  );
}

// ── Ceremonies ──────────────────────────────────────────────────────────────
export const ceremonySessionsBetween = (db: Db, from: string, to: string): CeremonySessionRow[] =>
  all(
    db,
    q
      .selectFrom('marriage_ceremony_sessions')
      .selectAll()
      .where('date', '>=', from)
      .where('date', '<=', to)
      .orderBy('date')
      .orderBy('start_time')
      .orderBy('hall'),
  );

export const ceremonySessionById = (db: Db, id: number): CeremonySessionRow | undefined =>
  first(db, q.selectFrom('marriage_ceremony_sessions').selectAll().where('id', '=', id));

export const ceremonySessionAt = (db: Db, date: string, startTime: string, hall: string): CeremonySessionRow | undefined =>
  first(
    db,
    q
      .selectFrom('marriage_ceremony_sessions')
      .selectAll()
      .where('date', '=', date)
      .where('start_time', '=', startTime)
      .where('hall', '=', hall),
  );

export function insertCeremonySession(db: Db, row: Insertable<CeremonySessionsTable>): number {
  return run(db, q.insertInto('marriage_ceremony_sessions').values(row)).lastInsertRowid;
}

export function updateCeremonySession(db: Db, id: number, patch: Updateable<CeremonySessionsTable>): void {
  run(db, q.updateTable('marriage_ceremony_sessions').set(patch).where('id', '=', id));
}

export const bookingsOfSessions = (db: Db, sessionIds: readonly number[]): CeremonyBookingRow[] =>
  sessionIds.length === 0
    ? []
    : all(db, q.selectFrom('marriage_ceremony_bookings').selectAll().where('session_id', 'in', sessionIds).orderBy('id'));

export const ceremonyBookingById = (db: Db, id: number): CeremonyBookingRow | undefined =>
  first(db, q.selectFrom('marriage_ceremony_bookings').selectAll().where('id', '=', id));

export const liveCeremonyBookingOfAppointment = (db: Db, appointmentId: number): CeremonyBookingRow | undefined =>
  first(
    db,
    q
      .selectFrom('marriage_ceremony_bookings')
      .selectAll()
      .where('appointment_id', '=', appointmentId)
      .where('status', '=', 'booked'),
  );

export function insertCeremonyBooking(db: Db, row: Insertable<CeremonyBookingsTable>): number {
  return run(db, q.insertInto('marriage_ceremony_bookings').values(row)).lastInsertRowid;
}

export function updateCeremonyBooking(db: Db, id: number, patch: Updateable<CeremonyBookingsTable>): void {
  run(db, q.updateTable('marriage_ceremony_bookings').set(patch).where('id', '=', id));
}
