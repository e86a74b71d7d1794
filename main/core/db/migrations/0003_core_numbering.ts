import type { Migration } from '../migrate';

// Serial numbers for certificates (J500118-2026-000001 …). Every number ever handed out stays in
// issued_numbers — a spoiled print is voided with its reason, never deleted or reused — and the
// UNIQUE constraints make a duplicate impossible even if code went wrong.
export const m0003: Migration = {
  version: 3,
  name: 'core_numbering',
  up(db) {
    db.exec(`
      CREATE TABLE number_series (
        series TEXT PRIMARY KEY,
        next_serial INTEGER NOT NULL CHECK (next_serial >= 1),
        max_serial INTEGER NOT NULL CHECK (max_serial >= 1),
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE issued_numbers (
        number TEXT PRIMARY KEY,
        series TEXT NOT NULL REFERENCES number_series(series),
        serial INTEGER NOT NULL CHECK (serial >= 1),
        status TEXT NOT NULL CHECK (status IN ('issued', 'void')),
        entity TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        issued_at TEXT NOT NULL,
        issued_by INTEGER,
        void_reason TEXT,
        voided_at TEXT,
        voided_by INTEGER,
        UNIQUE (series, serial),
        CHECK ((status = 'void') = (void_reason IS NOT NULL))
      ) STRICT;

      CREATE INDEX issued_numbers_entity ON issued_numbers(entity, entity_id);
      CREATE INDEX issued_numbers_void ON issued_numbers(series, status);

      -- A number is never taken back: no deletes, and only the move issued → void.
      CREATE TRIGGER issued_numbers_no_delete BEFORE DELETE ON issued_numbers
      BEGIN SELECT RAISE(ABORT, 'issued numbers are never deleted'); END;
      CREATE TRIGGER issued_numbers_only_void BEFORE UPDATE ON issued_numbers
      WHEN OLD.status = 'void' OR NEW.number <> OLD.number OR NEW.serial <> OLD.serial OR NEW.series <> OLD.series
      BEGIN SELECT RAISE(ABORT, 'an issued number can only be voided, once'); END;
    `);
  },
};
