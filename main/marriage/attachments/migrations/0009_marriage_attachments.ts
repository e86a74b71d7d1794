import type { Migration } from '../../../core/db/migrate';

// Files kept with marriage records, inside the database so every backup and restore carries them:
// the couple's joint photo (owned by the registration) and the scanned divorce agreement (owned by
// the divorce application, several files each). Rows are never changed or deleted. A new joint
// photo names the one it replaces, which stays on record: the certificate prints the newest, and
// the history shows every change. The trigger keeps that chain straight, so "the newest" is always
// "the one no other replaces".
export const m0009: Migration = {
  version: 9,
  name: 'marriage_attachments',
  up(db) {
    db.exec(`
      CREATE TABLE marriage_attachments (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('jointPhoto', 'divorceAgreement')),
        registration_id INTEGER REFERENCES marriage_registrations(id),
        divorce_id INTEGER REFERENCES divorce_applications(id),
        mime_type TEXT NOT NULL CHECK (mime_type IN ('image/jpeg', 'image/png', 'application/pdf')),
        byte_size INTEGER NOT NULL CHECK (byte_size > 0),
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64 AND NOT sha256 GLOB '*[^0-9a-f]*'),
        file_name TEXT NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
        width INTEGER CHECK (width > 0),
        height INTEGER CHECK (height > 0),
        replaces INTEGER UNIQUE REFERENCES marriage_attachments(id),
        created_by INTEGER REFERENCES users(id),
        created_at TEXT NOT NULL,
        content BLOB NOT NULL CHECK (length(content) = byte_size),
        -- Exactly one owner, of the kind's type.
        CHECK ((kind = 'jointPhoto') = (registration_id IS NOT NULL)),
        CHECK ((kind = 'divorceAgreement') = (divorce_id IS NOT NULL)),
        -- A photo is printed by pdfkit: JPEG or PNG only, with its size known.
        CHECK (kind <> 'jointPhoto' OR (mime_type IN ('image/jpeg', 'image/png') AND width IS NOT NULL AND height IS NOT NULL)),
        CHECK ((mime_type = 'application/pdf') = (width IS NULL AND height IS NULL)),
        CHECK (replaces IS NULL OR kind = 'jointPhoto')
      ) STRICT;
      CREATE INDEX marriage_attachments_registration ON marriage_attachments(registration_id, id) WHERE registration_id IS NOT NULL;
      CREATE INDEX marriage_attachments_divorce ON marriage_attachments(divorce_id, id) WHERE divorce_id IS NOT NULL;

      -- A new joint photo replaces exactly the record's current one (none for the first).
      CREATE TRIGGER marriage_photo_replaces_current BEFORE INSERT ON marriage_attachments
      WHEN NEW.kind = 'jointPhoto' AND coalesce(NEW.replaces, 0) <> coalesce(
        (SELECT max(id) FROM marriage_attachments WHERE kind = 'jointPhoto' AND registration_id = NEW.registration_id), 0)
      BEGIN SELECT RAISE(ABORT, 'a new joint photo must replace the current one'); END;

      CREATE TRIGGER marriage_attachments_kept BEFORE UPDATE ON marriage_attachments
      BEGIN SELECT RAISE(ABORT, 'an attachment is kept as stored'); END;
      CREATE TRIGGER marriage_attachments_not_deleted BEFORE DELETE ON marriage_attachments
      BEGIN SELECT RAISE(ABORT, 'an attachment is kept as stored'); END;
    `);
  },
};
