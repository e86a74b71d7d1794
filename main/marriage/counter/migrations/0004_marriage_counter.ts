import type { Migration } from '../../../core/db/migrate';

// The marriage registry's counter: slot plans with effective dates, peak-day rules, appointments,
// queue tickets (numbered per day and service letter) and certificate ceremonies.
export const m0004: Migration = {
  version: 4,
  name: 'marriage_counter',
  up(db) {
    db.exec(`
      -- A slot plan applies from its effective date until the next plan's.
      CREATE TABLE marriage_counter_plans (
        id INTEGER PRIMARY KEY,
        effective_from TEXT NOT NULL UNIQUE CHECK (effective_from GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        counters INTEGER NOT NULL CHECK (counters BETWEEN 1 AND 50),
        note TEXT,
        created_at TEXT NOT NULL,
        created_by INTEGER
      ) STRICT;

      CREATE TABLE marriage_counter_slots (
        plan_id INTEGER NOT NULL REFERENCES marriage_counter_plans(id) ON DELETE CASCADE,
        start TEXT NOT NULL CHECK (start GLOB '[0-2][0-9]:[0-5][0-9]'),
        end TEXT NOT NULL CHECK (end GLOB '[0-2][0-9]:[0-5][0-9]' AND end > start),
        capacity INTEGER NOT NULL CHECK (capacity BETWEEN 0 AND 500),
        PRIMARY KEY (plan_id, start)
      ) STRICT;

      CREATE TABLE marriage_peak_rules (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 30),
        kind TEXT NOT NULL CHECK (kind IN ('fixed', 'lunar', 'date')),
        month_day TEXT CHECK (month_day GLOB '[0-1][0-9]-[0-3][0-9]'),
        date TEXT CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        capacity_factor REAL NOT NULL CHECK (capacity_factor > 0 AND capacity_factor <= 10),
        open_on_rest_day INTEGER NOT NULL CHECK (open_on_rest_day IN (0, 1)),
        active INTEGER NOT NULL CHECK (active IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK ((kind = 'date') = (date IS NOT NULL)),
        CHECK ((kind = 'date') = (month_day IS NULL))
      ) STRICT;

      CREATE TABLE marriage_appointments (
        id INTEGER PRIMARY KEY,
        date TEXT NOT NULL,
        slot_start TEXT NOT NULL,
        slot_end TEXT NOT NULL,
        service TEXT NOT NULL CHECK (service IN ('marriage', 'divorce', 'replacement', 'other')),
        party1_name TEXT NOT NULL,
        party1_phone TEXT NOT NULL,
        party1_id_number TEXT,
        party2_name TEXT,
        party2_phone TEXT,
        party2_id_number TEXT,
        status TEXT NOT NULL CHECK (status IN ('booked', 'cancelled', 'checkedIn')),
        ticket_id INTEGER,
        note TEXT,
        cancel_reason TEXT,
        created_at TEXT NOT NULL,
        created_by INTEGER,
        updated_at TEXT NOT NULL,
        CHECK ((status = 'cancelled') = (cancel_reason IS NOT NULL)),
        CHECK ((status = 'checkedIn') = (ticket_id IS NOT NULL))
      ) STRICT;
      CREATE INDEX marriage_appointments_day ON marriage_appointments(date, slot_start, status);

      CREATE TABLE marriage_queue_tickets (
        id INTEGER PRIMARY KEY,
        date TEXT NOT NULL,
        service TEXT NOT NULL CHECK (service IN ('marriage', 'divorce', 'replacement', 'other')),
        prefix TEXT NOT NULL CHECK (prefix IN ('J', 'L', 'B', 'Q')),
        seq INTEGER NOT NULL CHECK (seq BETWEEN 1 AND 999),
        number TEXT NOT NULL,
        appointment_id INTEGER REFERENCES marriage_appointments(id),
        slot_start TEXT,
        names TEXT,
        status TEXT NOT NULL CHECK (status IN ('waiting', 'called', 'serving', 'done', 'noShow', 'transferred')),
        counter INTEGER CHECK (counter BETWEEN 1 AND 50),
        transferred_to INTEGER CHECK (transferred_to BETWEEN 1 AND 50),
        call_count INTEGER NOT NULL DEFAULT 0 CHECK (call_count >= 0),
        issued_at TEXT NOT NULL,
        issued_by INTEGER,
        called_at TEXT,
        serving_at TEXT,
        finished_at TEXT,
        UNIQUE (date, prefix, seq),
        UNIQUE (date, number),
        CHECK ((status = 'transferred') = (transferred_to IS NOT NULL)),
        CHECK (status = 'waiting' OR called_at IS NOT NULL)
      ) STRICT;
      CREATE INDEX marriage_queue_tickets_day ON marriage_queue_tickets(date, status, issued_at);
      CREATE UNIQUE INDEX marriage_queue_tickets_appointment ON marriage_queue_tickets(appointment_id)
        WHERE appointment_id IS NOT NULL;

      CREATE TABLE marriage_ceremony_sessions (
        id INTEGER PRIMARY KEY,
        date TEXT NOT NULL,
        start_time TEXT NOT NULL CHECK (start_time GLOB '[0-2][0-9]:[0-5][0-9]'),
        hall TEXT NOT NULL,
        capacity INTEGER NOT NULL CHECK (capacity BETWEEN 1 AND 200),
        note TEXT,
        cancelled INTEGER NOT NULL DEFAULT 0 CHECK (cancelled IN (0, 1)),
        cancel_reason TEXT,
        created_at TEXT NOT NULL,
        created_by INTEGER,
        UNIQUE (date, start_time, hall),
        CHECK ((cancelled = 1) = (cancel_reason IS NOT NULL))
      ) STRICT;

      CREATE TABLE marriage_ceremony_bookings (
        id INTEGER PRIMARY KEY,
        session_id INTEGER NOT NULL REFERENCES marriage_ceremony_sessions(id),
        appointment_id INTEGER REFERENCES marriage_appointments(id),
        party1_name TEXT NOT NULL,
        party2_name TEXT NOT NULL,
        phone TEXT,
        status TEXT NOT NULL CHECK (status IN ('booked', 'cancelled')),
        note TEXT,
        created_at TEXT NOT NULL,
        created_by INTEGER,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX marriage_ceremony_bookings_session ON marriage_ceremony_bookings(session_id, status);
    `);
    // A starting plan, so a new office can take appointments at once; the supervisor replaces it
    // with the office's own (a newer effective date) — the seed stays as history.
    const now = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";
    db.exec(`INSERT INTO marriage_counter_plans (id, effective_from, counters, note, created_at, created_by)
      VALUES (1, '2000-01-01', 3, '初始方案（安装时生成），请按本单位实际修改', ${now}, NULL)`);
    const slots = [
      ['09:00', '09:30'],
      ['09:30', '10:00'],
      ['10:00', '10:30'],
      ['10:30', '11:00'],
      ['11:00', '11:30'],
      ['11:30', '12:00'],
      ['13:30', '14:00'],
      ['14:00', '14:30'],
      ['14:30', '15:00'],
      ['15:00', '15:30'],
      ['15:30', '16:00'],
      ['16:00', '16:30'],
    ];
    const slot = db.prepare('INSERT INTO marriage_counter_slots (plan_id, start, end, capacity) VALUES (1, ?, ?, 6)');
    for (const [start, end] of slots) slot.run(start, end);
    const peak = db.prepare(
      `INSERT INTO marriage_peak_rules (name, kind, month_day, date, capacity_factor, open_on_rest_day, active, created_at, updated_at)
       VALUES (?, ?, ?, NULL, ?, 0, 1, ${now}, ${now})`,
    );
    peak.run('情人节 2·14', 'fixed', '02-14', 1.5);
    peak.run('5·20', 'fixed', '05-20', 2);
    peak.run('七夕', 'lunar', '07-07', 2);
    peak.run('9·9', 'fixed', '09-09', 1.5);
    peak.run('年末 12·31', 'fixed', '12-31', 1.5);
  },
};
