import type { Migration } from '../../../core/db/migrate';

// Divorce by agreement (协议离婚). The two windows are stored as computed on the day of receipt:
// the receipt handed to the parties states them, and a later change of holiday data must not
// move a legal deadline already announced. A marriage is dissolved exactly once, and the link is
// kept both ways (application → marriage, marriage → the application that dissolved it).
export const m0006: Migration = {
  version: 6,
  name: 'marriage_divorce',
  up(db) {
    db.exec(`
      CREATE TABLE divorce_applications (
        id INTEGER PRIMARY KEY,
        marriage_id INTEGER NOT NULL REFERENCES marriage_registrations(id),
        status TEXT NOT NULL CHECK (status IN ('pending', 'withdrawn', 'deemedWithdrawn', 'issued')),
        receipt_date TEXT NOT NULL,
        withdrawal_from TEXT NOT NULL,
        withdrawal_to TEXT NOT NULL,
        certificate_from TEXT NOT NULL,
        certificate_to TEXT NOT NULL,
        windows_note TEXT,
        agreement TEXT NOT NULL CHECK (json_valid(agreement)),
        withdrawn_by TEXT CHECK (withdrawn_by IN ('male', 'female')),
        withdrawn_on TEXT,
        withdrawal_reason TEXT,
        certificate_number TEXT UNIQUE,
        issued_on TEXT,
        clerk_id INTEGER REFERENCES users(id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (withdrawal_from <= withdrawal_to AND withdrawal_to < certificate_from AND certificate_from <= certificate_to),
        CHECK ((status = 'withdrawn') = (withdrawn_on IS NOT NULL)),
        CHECK ((status = 'issued') = (certificate_number IS NOT NULL))
      ) STRICT;

      -- At most one application in progress or completed per marriage.
      CREATE UNIQUE INDEX divorce_one_open_per_marriage ON divorce_applications(marriage_id)
        WHERE status IN ('pending', 'issued');
      CREATE INDEX divorce_status_dates ON divorce_applications(status, certificate_to);

      ALTER TABLE marriage_registrations ADD COLUMN dissolved_by_divorce INTEGER REFERENCES divorce_applications(id);

      -- Dissolved is final: the record may not return to registered nor be dissolved twice.
      CREATE TRIGGER marriage_dissolved_once BEFORE UPDATE OF status, dissolved_at, dissolved_by_divorce ON marriage_registrations
      WHEN OLD.status = 'dissolved'
      BEGIN SELECT RAISE(ABORT, 'a dissolved marriage stays dissolved'); END;
    `);
  },
};
