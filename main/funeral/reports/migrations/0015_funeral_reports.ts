import type { Migration } from '../../../core/db/migrate';

// Funeral indicators (殡葬统计): what the reports need besides the other areas' records.
// - Which burial forms count as 节地生态安葬 is a definition that varies by place and changes over
//   time: versions with an effective date, only ever added (a report of a closed period must read
//   the same later), the version in force on the period's last day applies. A sample version with
//   the usual reading ships marked as such.
// - The district's townships (乡镇 / 街道), the denominator of 公益性安葬设施覆盖率: a small list the
//   district bureau keeps (there is no division-tree import yet); each change is audited.
// - An index on burials by date (with cemetery and form) so a year's counts are read from the index
//   alone instead of every burial row.
const isDate = (col: string) => `${col} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'`;

export const m0015: Migration = {
  version: 15,
  name: 'funeral_reports',
  up(db) {
    db.exec(`
      CREATE TABLE funeral_eco_form_versions (
        id INTEGER PRIMARY KEY,
        effective_from TEXT NOT NULL UNIQUE CHECK (${isDate('effective_from')}),
        -- JSON array of burial forms counted as eco burials from that date.
        forms TEXT NOT NULL CHECK (json_valid(forms) AND json_type(forms) = 'array' AND json_array_length(forms) >= 1),
        basis TEXT,
        is_sample INTEGER NOT NULL CHECK (is_sample IN (0, 1)),
        created_by INTEGER REFERENCES users(id),
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE TRIGGER funeral_eco_form_versions_no_update BEFORE UPDATE ON funeral_eco_form_versions
      BEGIN SELECT RAISE(ABORT, 'eco-burial form versions are only added: add a new version'); END;
      CREATE TRIGGER funeral_eco_form_versions_no_delete BEFORE DELETE ON funeral_eco_form_versions
      BEGIN SELECT RAISE(ABORT, 'eco-burial form versions are only added: add a new version'); END;

      CREATE TABLE funeral_townships (
        code TEXT PRIMARY KEY CHECK (length(code) = 9 AND code NOT GLOB '*[^0-9]*'),
        name TEXT NOT NULL CHECK (length(name) BETWEEN 2 AND 40),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE INDEX funeral_burials_by_date ON funeral_burials(burial_date, cemetery_id, form);

      INSERT INTO funeral_eco_form_versions (effective_from, forms, basis, is_sample, created_by, created_at)
      VALUES ('2000-01-01',
        '["tree","flowerBed","lawn","wall","tower","niche","seaScattering","riverScattering","deepBurial"]',
        '示例口径：树葬、花坛葬、草坪葬、壁葬、塔葬、骨灰堂格位存放、海葬、江葬、深埋不留坟头计入节地生态安葬（参照《关于推行节地生态安葬的指导意见》民发〔2016〕21号），请按本地统计口径核实后新增版本',
        1, NULL, '2000-01-01T00:00:00.000Z');
    `);
  },
};
