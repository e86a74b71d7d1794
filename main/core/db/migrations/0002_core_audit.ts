import type { Migration } from '../migrate';

// The audit log is append-only by construction: triggers abort any UPDATE or DELETE, and every
// entry carries the hash of the one before it, so an edit made around the triggers (a copied
// file edited elsewhere) shows up as a broken link when verified.
export const m0002: Migration = {
  version: 2,
  name: 'core_audit',
  up(db) {
    db.exec(`
      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        user_id INTEGER,
        username TEXT,
        action TEXT NOT NULL,
        entity TEXT NOT NULL,
        entity_id TEXT,
        before TEXT CHECK (before IS NULL OR json_valid(before)),
        after TEXT CHECK (after IS NULL OR json_valid(after)),
        detail TEXT,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL UNIQUE
      ) STRICT;

      -- Lists are newest first (ORDER BY id DESC): ending each index in id lets SQLite read a
      -- filtered page in order instead of sorting every matching entry.
      CREATE INDEX audit_log_at ON audit_log(at);
      CREATE INDEX audit_log_entity ON audit_log(entity, entity_id, id);
      CREATE INDEX audit_log_user ON audit_log(username, id);
      CREATE INDEX audit_log_action ON audit_log(action, id);

      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
    `);
  },
};
