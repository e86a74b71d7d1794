import type { Migration } from '../../core/db/migrate';

// Marriage registrations with their two parties, refusals (kept on record with their reasons), and
// the credit blacklist checked at acceptance (受理). Party rows are a snapshot of what was declared
// on the day: a later correction goes through the correction flow, never an in-place edit.
export const m0005: Migration = {
  version: 5,
  name: 'marriage_registration',
  up(db) {
    db.exec(`
      CREATE TABLE marriage_registrations (
        id INTEGER PRIMARY KEY,
        status TEXT NOT NULL CHECK (status IN ('registered', 'dissolved')),
        registration_date TEXT NOT NULL CHECK (registration_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        certificate_number TEXT NOT NULL UNIQUE,
        division_code TEXT NOT NULL CHECK (length(division_code) = 6),
        -- mainland / foreign / hongkong / macao / taiwan: the Ministry's statistics categories.
        party_origin TEXT NOT NULL CHECK (party_origin IN ('mainland', 'foreign', 'hongkong', 'macao', 'taiwan')),
        cross_province INTEGER NOT NULL CHECK (cross_province IN (0, 1)),
        clerk_id INTEGER REFERENCES users(id),
        dissolved_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK ((status = 'dissolved') = (dissolved_at IS NOT NULL))
      ) STRICT;

      CREATE TABLE marriage_parties (
        registration_id INTEGER NOT NULL REFERENCES marriage_registrations(id),
        sex TEXT NOT NULL CHECK (sex IN ('male', 'female')),
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
        document_type TEXT NOT NULL,
        document_number TEXT NOT NULL,
        birth_date TEXT NOT NULL,
        nationality TEXT NOT NULL,
        ethnic_code TEXT,
        prior_status TEXT NOT NULL CHECK (prior_status IN ('10', '30', '40')),
        prior_evidence TEXT,
        occupation TEXT,
        phone TEXT,
        address TEXT,
        household_province TEXT,
        PRIMARY KEY (registration_id, sex)
      ) STRICT, WITHOUT ROWID;

      CREATE INDEX marriage_parties_document ON marriage_parties(document_number);
      CREATE INDEX marriage_parties_name ON marriage_parties(name);
      CREATE INDEX marriage_registrations_date ON marriage_registrations(registration_date);

      CREATE TABLE marriage_refusals (
        id INTEGER PRIMARY KEY,
        refusal_date TEXT NOT NULL,
        reasons TEXT NOT NULL CHECK (json_valid(reasons) AND json_array_length(reasons) > 0),
        application TEXT NOT NULL CHECK (json_valid(application)),
        clerk_id INTEGER REFERENCES users(id),
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE credit_blacklist (
        id INTEGER PRIMARY KEY,
        document_number TEXT NOT NULL,
        name TEXT NOT NULL,
        reason TEXT NOT NULL,
        source_document TEXT NOT NULL,
        listed_from TEXT NOT NULL,
        listed_until TEXT,
        created_at TEXT NOT NULL,
        created_by INTEGER REFERENCES users(id)
      ) STRICT;
      CREATE INDEX credit_blacklist_document ON credit_blacklist(document_number);
    `);
  },
};
