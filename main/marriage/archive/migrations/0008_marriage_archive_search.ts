import type { Migration } from '../../../core/db/migrate';
import { registrationTokens, searchKey, storedInitials } from '../../search/names';

// Legacy archive records (MZ/T 113) and the search index.
//
// Archive records come from paper registers typed in elsewhere: some parties have no ID number
// (before 1985 there was none), the certificate number has an old format (kept exactly as
// written, still unique), no clerk of this system registered them, and each carries the import
// batch it came from (file, who, when). SQLite cannot relax NOT NULL, so marriage_parties is
// rebuilt with every row and index kept; a party row repeats its registration's source (bound
// by a composite foreign key) so a CHECK can say: only archive records may lack a document
// number, and only they may leave the prior marital status unstated (90 未说明, GB/T 2261.2).
//
// Search: marriage_name_search is an FTS5 index without stored content whose tokens are the
// 1–3 character pieces of both parties' names and the 2–3 letter pieces of their pinyin
// initials (see search/names.ts), plus a token marking archive records. Its rowid is
// YYYYMMDD × 10^7 + registration id, so results come newest first and a date range is a rowid
// range. name_initials on the party keeps the initials for confirming longer queries. Existing
// registrations are indexed here.
export const m0008: Migration = {
  version: 8,
  name: 'marriage_archive_search',
  up(db) {
    db.exec(`
      CREATE TABLE marriage_archive_batches (
        id INTEGER PRIMARY KEY,
        file_name TEXT NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
        file_format TEXT NOT NULL CHECK (file_format IN ('csv', 'xlsx')),
        -- The same file is never imported twice.
        file_sha256 TEXT NOT NULL UNIQUE CHECK (length(file_sha256) = 64),
        row_count INTEGER NOT NULL CHECK (row_count > 0),
        imported_by INTEGER NOT NULL REFERENCES users(id),
        imported_at TEXT NOT NULL
      ) STRICT;
      CREATE TRIGGER marriage_archive_batches_kept BEFORE UPDATE ON marriage_archive_batches
      BEGIN SELECT RAISE(ABORT, 'an import batch is kept as imported'); END;
      CREATE TRIGGER marriage_archive_batches_not_deleted BEFORE DELETE ON marriage_archive_batches
      BEGIN SELECT RAISE(ABORT, 'an import batch is kept as imported'); END;

      ALTER TABLE marriage_registrations ADD COLUMN source TEXT NOT NULL DEFAULT 'counter'
        CHECK (source IN ('counter', 'archive'));
      ALTER TABLE marriage_registrations ADD COLUMN archive_batch_id INTEGER REFERENCES marriage_archive_batches(id)
        CHECK ((source = 'archive') = (archive_batch_id IS NOT NULL));
      -- Parent key of the parties' (registration_id, source) foreign key.
      CREATE UNIQUE INDEX marriage_registrations_source ON marriage_registrations(id, source);
      CREATE INDEX marriage_registrations_batch ON marriage_registrations(archive_batch_id) WHERE archive_batch_id IS NOT NULL;
      -- Status filters walk this newest first when few registrations have the status searched for.
      CREATE INDEX marriage_registrations_status_date ON marriage_registrations(status, registration_date);
      CREATE TRIGGER marriage_registrations_source_kept BEFORE UPDATE OF source, archive_batch_id ON marriage_registrations
      BEGIN SELECT RAISE(ABORT, 'a registration keeps its source'); END;

      CREATE TABLE marriage_parties_rebuilt (
        registration_id INTEGER NOT NULL,
        sex TEXT NOT NULL CHECK (sex IN ('male', 'female')),
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
        document_type TEXT NOT NULL,
        document_number TEXT,
        birth_date TEXT NOT NULL,
        nationality TEXT NOT NULL,
        ethnic_code TEXT,
        prior_status TEXT NOT NULL,
        prior_evidence TEXT,
        occupation TEXT,
        phone TEXT,
        address TEXT,
        household_province TEXT,
        source TEXT NOT NULL DEFAULT 'counter' CHECK (source IN ('counter', 'archive')),
        name_initials TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (registration_id, sex),
        FOREIGN KEY (registration_id, source) REFERENCES marriage_registrations(id, source),
        CHECK (document_number IS NOT NULL OR source = 'archive'),
        CHECK (document_number IS NULL OR length(document_number) > 0),
        CHECK (prior_status IN ('10', '30', '40') OR (source = 'archive' AND prior_status = '90'))
      ) STRICT, WITHOUT ROWID;
      INSERT INTO marriage_parties_rebuilt (registration_id, sex, name, document_type, document_number, birth_date,
          nationality, ethnic_code, prior_status, prior_evidence, occupation, phone, address, household_province, source)
        SELECT p.registration_id, p.sex, p.name, p.document_type, p.document_number, p.birth_date, p.nationality,
          p.ethnic_code, p.prior_status, p.prior_evidence, p.occupation, p.phone, p.address, p.household_province, r.source
        FROM marriage_parties p JOIN marriage_registrations r ON r.id = p.registration_id;
      DROP TABLE marriage_parties;
      ALTER TABLE marriage_parties_rebuilt RENAME TO marriage_parties;
      CREATE INDEX marriage_parties_document ON marriage_parties(document_number);
      CREATE INDEX marriage_parties_name ON marriage_parties(name);

      -- What an archive record says beyond the registration: the registry named on it, the
      -- archive file number (档号), remarks, and the row of the import file it came from.
      CREATE TABLE marriage_archive_records (
        registration_id INTEGER PRIMARY KEY REFERENCES marriage_registrations(id),
        batch_id INTEGER NOT NULL REFERENCES marriage_archive_batches(id),
        row_number INTEGER NOT NULL CHECK (row_number >= 2),
        registry_name TEXT NOT NULL CHECK (length(registry_name) BETWEEN 1 AND 100),
        archive_number TEXT,
        remarks TEXT,
        UNIQUE (batch_id, row_number)
      ) STRICT;

      CREATE VIRTUAL TABLE marriage_name_search USING fts5(
        terms, content = '', contentless_delete = 1, detail = none, tokenize = 'ascii'
      );
    `);

    const registrations = db.prepare('SELECT id, registration_date FROM marriage_registrations ORDER BY id');
    const partiesOf = db.prepare('SELECT sex, name FROM marriage_parties WHERE registration_id = ?');
    const setInitials = db.prepare('UPDATE marriage_parties SET name_initials = ? WHERE registration_id = ? AND sex = ?');
    const index = db.prepare('INSERT INTO marriage_name_search (rowid, terms) VALUES (?, ?)');
    // Read first: better-sqlite3 allows no writes while a statement is still being iterated.
    for (const r of registrations.all() as { id: number; registration_date: string }[]) {
      const parties = partiesOf.all(r.id) as { sex: string; name: string }[];
      for (const p of parties) setInitials.run(storedInitials(p.name), r.id, p.sex);
      index.run(searchKey(r.registration_date, r.id), registrationTokens(parties.map((p) => p.name)).join(' '));
    }
  },
};
