import type { Migration } from '../../../core/db/migrate';

// 节地生态安葬奖补. Policies are versioned data per area (county or city division code): a version
// takes effect on its date and is kept as it was once an application used it (the trigger below
// stops any change), so an approved amount can always be traced to the rule that gave it. The
// forms and documents of a version are JSON checked by the service's schema; the application keeps
// its own copy of what was computed (amount, split, deadline), never re-reading a later version.
//
// One subsidy per deceased: the deceased's ID number is unique among applications that are not
// rejected, across every cemetery and scattering. Burials are another area's records: the link is
// a plain id (no foreign key into their table), read through the burials service.
export const m0013: Migration = {
  version: 13,
  name: 'funeral_subsidies',
  up(db) {
    db.exec(`
      CREATE TABLE subsidy_policy_versions (
        id INTEGER PRIMARY KEY,
        area_code TEXT NOT NULL CHECK (length(area_code) = 6),
        area_name TEXT NOT NULL,
        title TEXT NOT NULL,
        basis TEXT,
        effective_from TEXT NOT NULL,
        effective_to TEXT,
        residency_required INTEGER NOT NULL CHECK (residency_required IN (0, 1)),
        forms TEXT NOT NULL CHECK (json_valid(forms) AND json_type(forms) = 'array'),
        documents TEXT NOT NULL CHECK (json_valid(documents) AND json_type(documents) = 'array'),
        sample INTEGER NOT NULL DEFAULT 0 CHECK (sample IN (0, 1)),
        created_at TEXT NOT NULL,
        created_by INTEGER REFERENCES users(id),
        updated_at TEXT NOT NULL,
        CHECK (effective_to IS NULL OR effective_to >= effective_from),
        UNIQUE (area_code, effective_from)
      ) STRICT;

      CREATE TABLE subsidy_batches (
        id INTEGER PRIMARY KEY,
        number TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('open', 'paid')),
        created_at TEXT NOT NULL,
        created_by INTEGER REFERENCES users(id),
        paid_on TEXT,
        payment_reference TEXT,
        paid_by INTEGER REFERENCES users(id),
        paid_at TEXT,
        CHECK ((status = 'paid') = (paid_on IS NOT NULL AND payment_reference IS NOT NULL))
      ) STRICT;

      CREATE TABLE subsidy_applications (
        id INTEGER PRIMARY KEY,
        number TEXT NOT NULL UNIQUE,
        status TEXT NOT NULL CHECK (status IN
          ('pendingDocuments', 'pendingReview', 'pendingApproval', 'approved', 'paid', 'rejected')),
        receipt_date TEXT NOT NULL,
        policy_version_id INTEGER NOT NULL REFERENCES subsidy_policy_versions(id),
        form TEXT NOT NULL,
        burial_date TEXT NOT NULL,
        burial_id INTEGER,
        cemetery_name TEXT,
        plot_label TEXT,
        deceased_name TEXT NOT NULL,
        deceased_id_number TEXT NOT NULL,
        deceased_household TEXT NOT NULL,
        death_date TEXT NOT NULL,
        cremation_date TEXT,
        applicant_name TEXT NOT NULL,
        applicant_id_number TEXT NOT NULL,
        applicant_relation TEXT NOT NULL,
        applicant_phone TEXT NOT NULL,
        bank_account_name TEXT NOT NULL,
        bank_name TEXT NOT NULL,
        bank_account_number TEXT NOT NULL,
        required_documents TEXT NOT NULL CHECK (json_valid(required_documents)),
        submitted_documents TEXT NOT NULL CHECK (json_valid(submitted_documents)),
        family_fen INTEGER NOT NULL CHECK (family_fen >= 0),
        cemetery_fen INTEGER NOT NULL CHECK (cemetery_fen >= 0),
        deadline_base TEXT NOT NULL CHECK (deadline_base IN ('death', 'cremation', 'burial')),
        deadline_rule TEXT NOT NULL,
        deadline_base_date TEXT NOT NULL,
        deadline_last_day TEXT NOT NULL,
        intake_by INTEGER REFERENCES users(id),
        street_reviewer_id INTEGER REFERENCES users(id),
        street_reviewed_at TEXT,
        approver_id INTEGER REFERENCES users(id),
        approved_at TEXT,
        rejected_stage TEXT CHECK (rejected_stage IN ('street', 'district')),
        rejection_reason TEXT,
        rejected_by INTEGER REFERENCES users(id),
        rejected_at TEXT,
        batch_id INTEGER REFERENCES subsidy_batches(id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (family_fen + cemetery_fen > 0),
        CHECK (receipt_date <= deadline_last_day),
        CHECK ((status = 'rejected') = (rejection_reason IS NOT NULL)),
        -- The district approver is never the street reviewer of the same application.
        CHECK (approver_id IS NULL OR street_reviewer_id IS NULL OR approver_id <> street_reviewer_id),
        CHECK (batch_id IS NULL OR status IN ('approved', 'paid')),
        CHECK (status <> 'paid' OR batch_id IS NOT NULL)
      ) STRICT;

      CREATE UNIQUE INDEX subsidy_one_per_deceased ON subsidy_applications(deceased_id_number)
        WHERE status <> 'rejected';
      CREATE INDEX subsidy_applications_status ON subsidy_applications(status, receipt_date);
      CREATE INDEX subsidy_applications_batch ON subsidy_applications(batch_id);
      CREATE INDEX subsidy_applications_policy ON subsidy_applications(policy_version_id, burial_date);

      -- 办理经过: every step, by whom, with the reason given. Append-only.
      CREATE TABLE subsidy_application_steps (
        id INTEGER PRIMARY KEY,
        application_id INTEGER NOT NULL REFERENCES subsidy_applications(id),
        step TEXT NOT NULL CHECK (step IN ('apply', 'documents', 'streetPass', 'streetReject',
          'districtApprove', 'districtReject', 'batch', 'unbatch', 'paid')),
        from_status TEXT,
        to_status TEXT NOT NULL,
        at TEXT NOT NULL,
        user_id INTEGER REFERENCES users(id),
        note TEXT
      ) STRICT;
      CREATE INDEX subsidy_steps_application ON subsidy_application_steps(application_id, id);
      CREATE TRIGGER subsidy_steps_no_update BEFORE UPDATE ON subsidy_application_steps
      BEGIN SELECT RAISE(ABORT, 'subsidy application steps are append-only'); END;
      CREATE TRIGGER subsidy_steps_no_delete BEFORE DELETE ON subsidy_application_steps
      BEGIN SELECT RAISE(ABORT, 'subsidy application steps are append-only'); END;

      -- A version some application was assessed under stays as it was: add a new version instead.
      CREATE TRIGGER subsidy_policy_applied_is_frozen BEFORE UPDATE ON subsidy_policy_versions
      WHEN EXISTS (SELECT 1 FROM subsidy_applications WHERE policy_version_id = OLD.id)
      BEGIN SELECT RAISE(ABORT, 'a policy version already applied cannot be changed'); END;
      CREATE TRIGGER subsidy_policy_no_delete BEFORE DELETE ON subsidy_policy_versions
      WHEN EXISTS (SELECT 1 FROM subsidy_applications WHERE policy_version_id = OLD.id)
      BEGIN SELECT RAISE(ABORT, 'a policy version already applied cannot be deleted'); END;

      -- Paid is final: the money has left; the record and its batch are locked.
      CREATE TRIGGER subsidy_paid_is_locked BEFORE UPDATE ON subsidy_applications
      WHEN OLD.status = 'paid'
      BEGIN SELECT RAISE(ABORT, 'a paid subsidy application is locked'); END;
      CREATE TRIGGER subsidy_no_delete BEFORE DELETE ON subsidy_applications
      BEGIN SELECT RAISE(ABORT, 'subsidy applications are never deleted'); END;
      CREATE TRIGGER subsidy_batch_paid_is_locked BEFORE UPDATE ON subsidy_batches
      WHEN OLD.status = 'paid'
      BEGIN SELECT RAISE(ABORT, 'a paid batch is locked'); END;
    `);
  },
};
