import type { Migration } from '../../../core/db/migrate';

// 补领 and 更正. A replacement is kept as issued, linked to the marriage record (and, for BL, to the
// divorce application whose certificate it replaces); the original number stays on record.
// A correction is proposed by a clerk and decided once by someone else holding the supervisor role;
// only an approved correction changed the record, and a decided correction never changes again.
export const m0007: Migration = {
  version: 7,
  name: 'marriage_amendments',
  up(db) {
    db.exec(`
      CREATE TABLE marriage_replacements (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('BJ', 'BL')),
        registration_id INTEGER NOT NULL REFERENCES marriage_registrations(id),
        divorce_id INTEGER REFERENCES divorce_applications(id),
        original_number TEXT NOT NULL,
        certificate_number TEXT NOT NULL UNIQUE,
        applicant TEXT NOT NULL CHECK (applicant IN ('male', 'female', 'both')),
        reason TEXT NOT NULL CHECK (reason IN ('lost', 'damaged', 'other')),
        reason_detail TEXT,
        issued_on TEXT NOT NULL CHECK (issued_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        clerk_id INTEGER REFERENCES users(id),
        created_at TEXT NOT NULL,
        -- A BL replaces a divorce certificate, so it names the divorce; a BJ does not.
        CHECK ((kind = 'BL') = (divorce_id IS NOT NULL)),
        CHECK (certificate_number GLOB kind || '[0-9][0-9][0-9][0-9][0-9][0-9]-[0-9][0-9][0-9][0-9]-[0-9]*'),
        CHECK (reason <> 'other' OR length(trim(coalesce(reason_detail, ''))) >= 2)
      ) STRICT;
      CREATE INDEX marriage_replacements_registration ON marriage_replacements(registration_id);

      CREATE TRIGGER marriage_replacements_kept BEFORE UPDATE ON marriage_replacements
      BEGIN SELECT RAISE(ABORT, 'a replacement certificate is kept as issued'); END;
      CREATE TRIGGER marriage_replacements_not_deleted BEFORE DELETE ON marriage_replacements
      BEGIN SELECT RAISE(ABORT, 'a replacement certificate is kept as issued'); END;

      CREATE TABLE marriage_corrections (
        id INTEGER PRIMARY KEY,
        registration_id INTEGER NOT NULL REFERENCES marriage_registrations(id),
        party TEXT NOT NULL CHECK (party IN ('male', 'female')),
        status TEXT NOT NULL CHECK (status IN ('proposed', 'approved', 'rejected')),
        -- {field: new value} and {field: value when proposed}, same keys.
        changes TEXT NOT NULL CHECK (json_valid(changes) AND json_type(changes) = 'object' AND changes <> '{}'),
        previous TEXT NOT NULL CHECK (json_valid(previous) AND json_type(previous) = 'object'),
        reason TEXT NOT NULL CHECK (length(trim(reason)) >= 2),
        evidence TEXT NOT NULL CHECK (length(trim(evidence)) >= 2),
        proposed_by INTEGER NOT NULL REFERENCES users(id),
        proposed_at TEXT NOT NULL,
        decided_by INTEGER REFERENCES users(id),
        decided_at TEXT,
        decision_reason TEXT,
        -- Undecided: no decision fields. Decided: by whom and when.
        CHECK (
          (status = 'proposed' AND decided_by IS NULL AND decided_at IS NULL AND decision_reason IS NULL)
          OR (status IN ('approved', 'rejected') AND decided_by IS NOT NULL AND decided_at IS NOT NULL)
        ),
        CHECK (status <> 'rejected' OR length(trim(coalesce(decision_reason, ''))) >= 2),
        -- Four eyes: nobody decides their own proposal.
        CHECK (decided_by IS NULL OR decided_by <> proposed_by)
      ) STRICT;
      CREATE INDEX marriage_corrections_registration ON marriage_corrections(registration_id);
      CREATE INDEX marriage_corrections_status ON marriage_corrections(status, id);

      CREATE TRIGGER marriage_corrections_decided_once BEFORE UPDATE ON marriage_corrections
      WHEN OLD.status <> 'proposed'
        OR NEW.registration_id <> OLD.registration_id OR NEW.party <> OLD.party
        OR NEW.changes <> OLD.changes OR NEW.previous <> OLD.previous OR NEW.proposed_by <> OLD.proposed_by
      BEGIN SELECT RAISE(ABORT, 'a decided correction stays as decided'); END;
      CREATE TRIGGER marriage_corrections_not_deleted BEFORE DELETE ON marriage_corrections
      BEGIN SELECT RAISE(ABORT, 'a correction is kept on record'); END;
    `);
  },
};
