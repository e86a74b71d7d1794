import type { Migration } from '../../../core/db/migrate';

// 惠民殡葬 (basic funeral service fee waivers).
// - Standards are versions with an effective date: service items with standard unit prices,
//   beneficiary categories with the items each may waive and a per-body cap. A version applied to
//   a waiver is frozen (triggers): a policy change is a new version, so an old record can always
//   be re-read with the prices it was computed under.
// - A waiver keeps its computation (lines JSON) and totals; the cap is also a CHECK.
// - One waiver per deceased: a partial unique index on the ID number over non-void records.
// - Settled months are final: a settled waiver and a settlement row cannot change; records are
//   never deleted (void them with a reason).
// - A sample standard ships marked as such (is_sample = 1, 示例数据) so the screens work at once.
export const m0014: Migration = {
  version: 14,
  name: 'funeral_waivers',
  up(db) {
    db.exec(`
      CREATE TABLE funeral_waiver_versions (
        id INTEGER PRIMARY KEY,
        effective_from TEXT NOT NULL UNIQUE CHECK (effective_from GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        title TEXT NOT NULL,
        basis TEXT,
        is_sample INTEGER NOT NULL DEFAULT 0 CHECK (is_sample IN (0, 1)),
        created_by INTEGER REFERENCES users(id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE funeral_service_items (
        version_id INTEGER NOT NULL REFERENCES funeral_waiver_versions(id),
        code TEXT NOT NULL,
        name TEXT NOT NULL,
        unit TEXT NOT NULL,
        standard_price_fen INTEGER NOT NULL CHECK (standard_price_fen >= 0),
        waivable_quantity INTEGER NOT NULL DEFAULT 1 CHECK (waivable_quantity >= 1),
        sort INTEGER NOT NULL,
        PRIMARY KEY (version_id, code)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE funeral_waiver_categories (
        version_id INTEGER NOT NULL REFERENCES funeral_waiver_versions(id),
        code TEXT NOT NULL,
        name TEXT NOT NULL,
        cap_fen INTEGER NOT NULL CHECK (cap_fen > 0),
        local_only INTEGER NOT NULL CHECK (local_only IN (0, 1)),
        evidence_label TEXT,
        sort INTEGER NOT NULL,
        PRIMARY KEY (version_id, code)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE funeral_waiver_category_items (
        version_id INTEGER NOT NULL,
        category_code TEXT NOT NULL,
        item_code TEXT NOT NULL,
        PRIMARY KEY (version_id, category_code, item_code),
        FOREIGN KEY (version_id, category_code) REFERENCES funeral_waiver_categories(version_id, code),
        FOREIGN KEY (version_id, item_code) REFERENCES funeral_service_items(version_id, code)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE funeral_homes (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        division_code TEXT NOT NULL,
        contact TEXT,
        phone TEXT,
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE funeral_waiver_settlements (
        id INTEGER PRIMARY KEY,
        funeral_home_id INTEGER NOT NULL REFERENCES funeral_homes(id),
        month TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
        waiver_count INTEGER NOT NULL CHECK (waiver_count > 0),
        actual_fen INTEGER NOT NULL,
        waived_fen INTEGER NOT NULL,
        settled_by INTEGER REFERENCES users(id),
        settled_at TEXT NOT NULL,
        UNIQUE (funeral_home_id, month)
      ) STRICT;

      CREATE TABLE funeral_waivers (
        id INTEGER PRIMARY KEY,
        number TEXT NOT NULL UNIQUE,
        status TEXT NOT NULL CHECK (status IN ('recorded', 'void', 'settled')),
        deceased_name TEXT NOT NULL,
        deceased_id_number TEXT NOT NULL,
        deceased_sex TEXT NOT NULL CHECK (deceased_sex IN ('male', 'female')),
        deceased_birth_date TEXT NOT NULL,
        household_division TEXT NOT NULL,
        death_date TEXT NOT NULL,
        version_id INTEGER NOT NULL,
        category_code TEXT NOT NULL,
        evidence_ref TEXT,
        funeral_home_id INTEGER NOT NULL REFERENCES funeral_homes(id),
        computation TEXT NOT NULL CHECK (json_valid(computation)),
        actual_fen INTEGER NOT NULL CHECK (actual_fen >= 0),
        waived_fen INTEGER NOT NULL CHECK (waived_fen >= 0),
        cap_fen INTEGER NOT NULL,
        note TEXT,
        recorded_on TEXT NOT NULL,
        recorded_by INTEGER REFERENCES users(id),
        settlement_id INTEGER REFERENCES funeral_waiver_settlements(id),
        void_reason TEXT,
        voided_at TEXT,
        voided_by INTEGER REFERENCES users(id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        FOREIGN KEY (version_id, category_code) REFERENCES funeral_waiver_categories(version_id, code),
        CHECK (waived_fen <= cap_fen AND waived_fen <= actual_fen),
        CHECK (death_date >= deceased_birth_date),
        CHECK ((status = 'void') = (void_reason IS NOT NULL)),
        CHECK ((status = 'settled') = (settlement_id IS NOT NULL))
      ) STRICT;

      -- One waiver per deceased.
      CREATE UNIQUE INDEX funeral_waivers_one_per_deceased ON funeral_waivers(deceased_id_number) WHERE status <> 'void';
      CREATE INDEX funeral_waivers_home_recorded ON funeral_waivers(funeral_home_id, recorded_on);
      CREATE INDEX funeral_waivers_recorded ON funeral_waivers(recorded_on);
      CREATE INDEX funeral_waivers_version ON funeral_waivers(version_id);

      CREATE TRIGGER funeral_waivers_never_deleted BEFORE DELETE ON funeral_waivers
      BEGIN SELECT RAISE(ABORT, 'waiver records are never deleted: void them with a reason'); END;
      CREATE TRIGGER funeral_waivers_settled_locked BEFORE UPDATE ON funeral_waivers
      WHEN OLD.status IN ('settled', 'void')
      BEGIN SELECT RAISE(ABORT, 'a settled or void waiver is locked'); END;
      CREATE TRIGGER funeral_waiver_settlements_final_u BEFORE UPDATE ON funeral_waiver_settlements
      BEGIN SELECT RAISE(ABORT, 'a settlement is final'); END;
      CREATE TRIGGER funeral_waiver_settlements_final_d BEFORE DELETE ON funeral_waiver_settlements
      BEGIN SELECT RAISE(ABORT, 'a settlement is final'); END;

      -- A version applied to a waiver is frozen, with its items and categories.
      CREATE TRIGGER funeral_waiver_versions_frozen_u BEFORE UPDATE ON funeral_waiver_versions
      WHEN EXISTS (SELECT 1 FROM funeral_waivers WHERE version_id = OLD.id)
      BEGIN SELECT RAISE(ABORT, 'an applied waiver standard cannot change: add a new version'); END;
      CREATE TRIGGER funeral_waiver_versions_frozen_d BEFORE DELETE ON funeral_waiver_versions
      WHEN EXISTS (SELECT 1 FROM funeral_waivers WHERE version_id = OLD.id)
      BEGIN SELECT RAISE(ABORT, 'an applied waiver standard cannot change: add a new version'); END;
    `);
    for (const table of ['funeral_service_items', 'funeral_waiver_categories', 'funeral_waiver_category_items']) {
      db.exec(`
        CREATE TRIGGER ${table}_frozen_i BEFORE INSERT ON ${table}
        WHEN EXISTS (SELECT 1 FROM funeral_waivers WHERE version_id = NEW.version_id)
        BEGIN SELECT RAISE(ABORT, 'an applied waiver standard cannot change: add a new version'); END;
        CREATE TRIGGER ${table}_frozen_u BEFORE UPDATE ON ${table}
        WHEN EXISTS (SELECT 1 FROM funeral_waivers WHERE version_id = OLD.version_id)
        BEGIN SELECT RAISE(ABORT, 'an applied waiver standard cannot change: add a new version'); END;
        CREATE TRIGGER ${table}_frozen_d BEFORE DELETE ON ${table}
        WHEN EXISTS (SELECT 1 FROM funeral_waivers WHERE version_id = OLD.version_id)
        BEGIN SELECT RAISE(ABORT, 'an applied waiver standard cannot change: add a new version'); END;
      `);
    }

    // The sample standard (示例数据): amounts in the range domestic policies use (per-body caps of
    // ¥1,540–¥1,780). The district approver replaces it with the local policy.
    const now = new Date().toISOString();
    db.prepare(
      `INSERT INTO funeral_waiver_versions (id, effective_from, title, basis, is_sample, created_at, updated_at)
       VALUES (1, '2020-01-01', '示例数据，请按本地政策修改', '示例：请录入本地惠民殡葬政策文件名称和文号', 1, ?, ?)`,
    ).run(now, now);
    const items: [string, string, string, number, number][] = [
      ['bodyTransport', '遗体接运', '次', 50000, 1],
      ['bodyStorage', '遗体冷藏暂存', '天', 8000, 3],
      ['cremation', '遗体火化', '具', 65000, 1],
      ['ashStorage', '骨灰寄存', '年', 15000, 1],
      ['urn', '骨灰盒', '个', 40000, 1],
      ['farewellHall', '告别厅（小厅）', '次', 30000, 1],
    ];
    const insertItem = db.prepare(
      `INSERT INTO funeral_service_items (version_id, code, name, unit, standard_price_fen, waivable_quantity, sort) VALUES (1, ?, ?, ?, ?, ?, ?)`,
    );
    items.forEach(([code, name, unit, price, q], i) => insertItem.run(code, name, unit, price, q, i));
    const basic = ['bodyTransport', 'bodyStorage', 'cremation', 'ashStorage'];
    const categories: [string, string, number, number, string, string[]][] = [
      ['minimumLiving', '低保对象', 178000, 0, '低保证号', [...basic, 'urn']],
      ['extremePoverty', '特困人员', 178000, 0, '特困人员救助供养证号', [...basic, 'urn', 'farewellHall']],
      ['specialCare', '重点优抚对象', 178000, 0, '优待证号', [...basic, 'urn', 'farewellHall']],
      ['localResident', '本地户籍居民', 154000, 1, '户口簿或户籍证明编号', basic],
    ];
    const insertCategory = db.prepare(
      `INSERT INTO funeral_waiver_categories (version_id, code, name, cap_fen, local_only, evidence_label, sort) VALUES (1, ?, ?, ?, ?, ?, ?)`,
    );
    const insertLink = db.prepare(
      `INSERT INTO funeral_waiver_category_items (version_id, category_code, item_code) VALUES (1, ?, ?)`,
    );
    categories.forEach(([code, name, cap, local, evidence, codes], i) => {
      insertCategory.run(code, name, cap, local, evidence, i);
      for (const item of codes) insertLink.run(code, item);
    });
  },
};
