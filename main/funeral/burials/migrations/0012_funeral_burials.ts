import type { Migration } from '../../../core/db/migrate';

// Burials (安葬登记) in cemetery plots, places kept in double plots for a surviving spouse, renewals
// of the use period, ash storage (骨灰寄存) with its renewals and collection, the use period as
// versioned data, and the print log of certificates (reprints carry a reason).
//
// Use period: the version in force on the burial date applies; expiry = burial date + period. A
// renewal adds years to the expiry (not to the renewal date), so renewing late leaves no gap.
// Deceased names are also split into 1- and 2-character grams so "contains" search is an index
// lookup rather than a scan of every name.
const burialForms = `'traditional','tree','flowerBed','lawn','wall','tower','niche','seaScattering','riverScattering','deepBurial'`;
const relations = `'spouse','child','parent','sibling','grandchild','otherRelative','entrusted'`;
const isDate = (col: string) => `${col} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'`;

export const m0012: Migration = {
  version: 12,
  name: 'funeral_burials',
  up(db) {
    db.exec(`
      CREATE TABLE funeral_use_periods (
        id INTEGER PRIMARY KEY,
        years INTEGER NOT NULL CHECK (years BETWEEN 1 AND 70),
        effective_from TEXT NOT NULL UNIQUE CHECK (${isDate('effective_from')}),
        basis TEXT,
        is_sample INTEGER NOT NULL CHECK (is_sample IN (0, 1)),
        created_by INTEGER REFERENCES users(id),
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE funeral_burials (
        id INTEGER PRIMARY KEY,
        cemetery_id INTEGER NOT NULL REFERENCES funeral_cemeteries(id),
        plot_id INTEGER NOT NULL REFERENCES funeral_plots(id),
        plot_label TEXT NOT NULL,
        certificate_number TEXT NOT NULL UNIQUE,
        deceased_name TEXT NOT NULL CHECK (length(deceased_name) BETWEEN 1 AND 60),
        deceased_id_number TEXT,
        deceased_sex TEXT NOT NULL CHECK (deceased_sex IN ('male', 'female')),
        deceased_birth_date TEXT CHECK (deceased_birth_date IS NULL OR ${isDate('deceased_birth_date')}),
        death_date TEXT NOT NULL CHECK (${isDate('death_date')}),
        household_division TEXT NOT NULL CHECK (length(household_division) IN (6, 9, 12)),
        death_certificate_no TEXT NOT NULL,
        cremation_certificate_no TEXT,
        cremation_date TEXT CHECK (cremation_date IS NULL OR ${isDate('cremation_date')}),
        holder_name TEXT NOT NULL,
        holder_id_number TEXT NOT NULL,
        holder_relation TEXT NOT NULL CHECK (holder_relation IN (${relations})),
        holder_phone TEXT NOT NULL,
        holder_address TEXT,
        applicant_name TEXT,
        applicant_id_number TEXT,
        applicant_relation TEXT CHECK (applicant_relation IS NULL OR applicant_relation IN (${relations})),
        applicant_phone TEXT,
        burial_date TEXT NOT NULL CHECK (${isDate('burial_date')}),
        form TEXT NOT NULL CHECK (form IN (${burialForms})),
        use_period_id INTEGER REFERENCES funeral_use_periods(id),
        use_years INTEGER NOT NULL CHECK (use_years >= 1),
        expires_on TEXT NOT NULL CHECK (${isDate('expires_on')}),
        fee_fen INTEGER NOT NULL CHECK (fee_fen >= 0),
        residency TEXT NOT NULL CHECK (residency IN ('resident', 'notRequired', 'override')),
        residency_override_reason TEXT,
        takes_reservation_id INTEGER,
        note TEXT,
        clerk_id INTEGER REFERENCES users(id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (death_date <= burial_date),
        CHECK (deceased_birth_date IS NULL OR deceased_birth_date <= death_date),
        CHECK (expires_on > burial_date),
        CHECK ((residency = 'override') = (residency_override_reason IS NOT NULL))
      ) STRICT;
      CREATE INDEX funeral_burials_deceased_name ON funeral_burials(deceased_name);
      CREATE INDEX funeral_burials_deceased_id ON funeral_burials(deceased_id_number);
      CREATE INDEX funeral_burials_holder_name ON funeral_burials(holder_name);
      CREATE INDEX funeral_burials_holder_id ON funeral_burials(holder_id_number);
      CREATE INDEX funeral_burials_plot_label ON funeral_burials(plot_label);
      CREATE INDEX funeral_burials_plot ON funeral_burials(plot_id);
      CREATE INDEX funeral_burials_expiry ON funeral_burials(expires_on);

      CREATE TABLE funeral_burial_name_grams (
        gram TEXT NOT NULL,
        burial_id INTEGER NOT NULL REFERENCES funeral_burials(id),
        PRIMARY KEY (gram, burial_id)
      ) STRICT, WITHOUT ROWID;

      -- 双穴 keeps its second place only for the surviving spouse of the person interred in it.
      CREATE TABLE funeral_spouse_reservations (
        id INTEGER PRIMARY KEY,
        plot_id INTEGER NOT NULL REFERENCES funeral_plots(id),
        spouse_of_burial_id INTEGER NOT NULL REFERENCES funeral_burials(id),
        spouse_name TEXT NOT NULL,
        spouse_id_number TEXT NOT NULL,
        note TEXT,
        status TEXT NOT NULL CHECK (status IN ('kept', 'used', 'released')),
        used_by_burial_id INTEGER REFERENCES funeral_burials(id),
        release_reason TEXT,
        created_by INTEGER REFERENCES users(id),
        created_at TEXT NOT NULL,
        closed_at TEXT,
        CHECK ((status = 'used') = (used_by_burial_id IS NOT NULL)),
        CHECK ((status = 'released') = (release_reason IS NOT NULL))
      ) STRICT;
      CREATE UNIQUE INDEX funeral_spouse_reservations_one_kept ON funeral_spouse_reservations(plot_id) WHERE status = 'kept';
      CREATE INDEX funeral_spouse_reservations_spouse ON funeral_spouse_reservations(spouse_id_number);

      CREATE TABLE funeral_renewals (
        id INTEGER PRIMARY KEY,
        burial_id INTEGER NOT NULL REFERENCES funeral_burials(id),
        years INTEGER NOT NULL CHECK (years >= 1),
        from_expiry TEXT NOT NULL,
        to_expiry TEXT NOT NULL,
        fee_fen INTEGER NOT NULL CHECK (fee_fen >= 0),
        renewed_on TEXT NOT NULL,
        payer_name TEXT NOT NULL,
        note TEXT,
        clerk_id INTEGER REFERENCES users(id),
        created_at TEXT NOT NULL,
        CHECK (to_expiry > from_expiry)
      ) STRICT;
      CREATE INDEX funeral_renewals_burial ON funeral_renewals(burial_id, id);

      CREATE TABLE funeral_ash_storages (
        id INTEGER PRIMARY KEY,
        cemetery_id INTEGER NOT NULL REFERENCES funeral_cemeteries(id),
        niche_code TEXT NOT NULL CHECK (length(niche_code) BETWEEN 1 AND 40),
        certificate_number TEXT NOT NULL UNIQUE,
        deceased_name TEXT NOT NULL,
        deceased_id_number TEXT,
        deceased_sex TEXT NOT NULL CHECK (deceased_sex IN ('male', 'female')),
        death_date TEXT NOT NULL CHECK (${isDate('death_date')}),
        cremation_certificate_no TEXT,
        depositor_name TEXT NOT NULL,
        depositor_id_number TEXT NOT NULL,
        depositor_relation TEXT NOT NULL CHECK (depositor_relation IN (${relations})),
        depositor_phone TEXT NOT NULL,
        start_date TEXT NOT NULL CHECK (${isDate('start_date')}),
        term_months INTEGER NOT NULL CHECK (term_months >= 1),
        end_date TEXT NOT NULL CHECK (${isDate('end_date')}),
        fee_fen INTEGER NOT NULL CHECK (fee_fen >= 0),
        status TEXT NOT NULL CHECK (status IN ('active', 'collected')),
        collected_on TEXT,
        collector_name TEXT,
        collector_id_number TEXT,
        collector_relation TEXT CHECK (collector_relation IS NULL OR collector_relation IN (${relations})),
        collection_note TEXT,
        note TEXT,
        clerk_id INTEGER REFERENCES users(id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (end_date > start_date),
        CHECK (death_date <= start_date),
        CHECK ((status = 'collected') = (collected_on IS NOT NULL AND collector_name IS NOT NULL))
      ) STRICT;
      -- A niche holds one deposit at a time.
      CREATE UNIQUE INDEX funeral_ash_storages_niche ON funeral_ash_storages(cemetery_id, niche_code) WHERE status = 'active';
      CREATE INDEX funeral_ash_storages_deceased ON funeral_ash_storages(deceased_name);
      CREATE INDEX funeral_ash_storages_deceased_id ON funeral_ash_storages(deceased_id_number);
      CREATE INDEX funeral_ash_storages_depositor ON funeral_ash_storages(depositor_name);
      CREATE INDEX funeral_ash_storages_end ON funeral_ash_storages(status, end_date);

      CREATE TABLE funeral_storage_renewals (
        id INTEGER PRIMARY KEY,
        storage_id INTEGER NOT NULL REFERENCES funeral_ash_storages(id),
        months INTEGER NOT NULL CHECK (months >= 1),
        from_end TEXT NOT NULL,
        to_end TEXT NOT NULL,
        fee_fen INTEGER NOT NULL CHECK (fee_fen >= 0),
        renewed_on TEXT NOT NULL,
        note TEXT,
        clerk_id INTEGER REFERENCES users(id),
        created_at TEXT NOT NULL,
        CHECK (to_end > from_end)
      ) STRICT;
      CREATE INDEX funeral_storage_renewals_storage ON funeral_storage_renewals(storage_id, id);

      -- Every print of a certificate: the first copy, then reprints (补打) with their reason.
      CREATE TABLE funeral_certificate_prints (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('burialCertificate', 'storageCertificate')),
        record_id INTEGER NOT NULL,
        copy_no INTEGER NOT NULL CHECK (copy_no >= 1),
        reason TEXT,
        printed_by INTEGER REFERENCES users(id),
        printed_at TEXT NOT NULL,
        UNIQUE (kind, record_id, copy_no),
        CHECK (copy_no = 1 OR reason IS NOT NULL)
      ) STRICT;
      CREATE TRIGGER funeral_certificate_prints_no_update BEFORE UPDATE ON funeral_certificate_prints
      BEGIN SELECT RAISE(ABORT, 'the print log is append-only'); END;
      CREATE TRIGGER funeral_certificate_prints_no_delete BEFORE DELETE ON funeral_certificate_prints
      BEGIN SELECT RAISE(ABORT, 'the print log is append-only'); END;

      -- 公墓墓穴使用期限 20 年（民事发〔1998〕10号 practice), a sample the administrator may version.
      INSERT INTO funeral_use_periods (years, effective_from, basis, is_sample, created_by, created_at)
      VALUES (20, '1992-01-01', '示例值：公墓墓位使用期限一般为 20 年，期满可续期（参照《公墓管理暂行办法》及民事发〔1998〕10号）', 1, NULL, '1992-01-01T00:00:00.000Z');
    `);
  },
};
