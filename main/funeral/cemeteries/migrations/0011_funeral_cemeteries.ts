import type { Migration } from '../../../core/db/migrate';

// Cemeteries → sections (墓区) → plots (排 / 号), the status history of every plot, and the
// provincial plot-area limits as versioned data. A plot's status changes only through the
// cemeteries service, which writes a history row beside each change; the history is append-only.
// Areas are integer square centimetres (0.5 m² = 5000) so a limit check never meets a rounding error.
// A plot keeps the limit version it was checked against, so a later limit never re-judges it.
const plotTypeList = `'single','double','family','niche','tree','flowerBed','lawn','wall','tower'`;
const statusList = `'available','reserved','occupied','blocked','expired'`;

export const m0011: Migration = {
  version: 11,
  name: 'funeral_cemeteries',
  up(db) {
    db.exec(`
      CREATE TABLE funeral_cemeteries (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 2 AND 60),
        kind TEXT NOT NULL CHECK (kind IN ('urbanPublic', 'ruralPublic', 'commercial')),
        -- Where the cemetery is (county, township or village code).
        division_code TEXT NOT NULL CHECK (length(division_code) IN (6, 9, 12) AND division_code NOT GLOB '*[^0-9]*'),
        -- JSON array of the division codes whose residents it serves (public cemeteries).
        served_divisions TEXT NOT NULL CHECK (json_valid(served_divisions) AND json_type(served_divisions) = 'array'),
        address TEXT,
        phone TEXT,
        note TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE funeral_sections (
        id INTEGER PRIMARY KEY,
        cemetery_id INTEGER NOT NULL REFERENCES funeral_cemeteries(id),
        code TEXT NOT NULL CHECK (length(code) BETWEEN 1 AND 20),
        created_at TEXT NOT NULL,
        UNIQUE (cemetery_id, code)
      ) STRICT;

      -- 墓位面积上限 per plot type, in force from effective_from until the next version of the type.
      -- max_area_cm2 NULL = no limit from that date. Versions are only ever added.
      CREATE TABLE funeral_plot_area_limits (
        id INTEGER PRIMARY KEY,
        plot_type TEXT NOT NULL CHECK (plot_type IN (${plotTypeList})),
        max_area_cm2 INTEGER CHECK (max_area_cm2 IS NULL OR max_area_cm2 > 0),
        effective_from TEXT NOT NULL CHECK (effective_from GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        basis TEXT,
        is_sample INTEGER NOT NULL CHECK (is_sample IN (0, 1)),
        created_by INTEGER REFERENCES users(id),
        created_at TEXT NOT NULL,
        UNIQUE (plot_type, effective_from)
      ) STRICT;

      CREATE TABLE funeral_plots (
        id INTEGER PRIMARY KEY,
        section_id INTEGER NOT NULL REFERENCES funeral_sections(id),
        row_no INTEGER NOT NULL CHECK (row_no BETWEEN 1 AND 999),
        number INTEGER NOT NULL CHECK (number BETWEEN 1 AND 9999),
        plot_type TEXT NOT NULL CHECK (plot_type IN (${plotTypeList})),
        area_cm2 INTEGER NOT NULL CHECK (area_cm2 > 0),
        area_limit_id INTEGER REFERENCES funeral_plot_area_limits(id),
        urn_capacity INTEGER NOT NULL CHECK (urn_capacity BETWEEN 1 AND 20),
        fee_fen INTEGER NOT NULL CHECK (fee_fen >= 0),
        status TEXT NOT NULL CHECK (status IN (${statusList})),
        -- Urns interred and places kept for a surviving spouse: together never above the capacity.
        urns INTEGER NOT NULL DEFAULT 0 CHECK (urns >= 0),
        reserved_places INTEGER NOT NULL DEFAULT 0 CHECK (reserved_places >= 0),
        -- The latest expiry of the use periods of its burials; the plot expires when it passes.
        use_expires_on TEXT,
        -- Rights holder shown on the map (the latest burial's), kept here so the map needs no join.
        holder_name TEXT,
        pos_x REAL,
        pos_y REAL,
        created_on TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (section_id, row_no, number),
        CHECK (urns + reserved_places <= urn_capacity),
        CHECK ((pos_x IS NULL) = (pos_y IS NULL)),
        CHECK (status NOT IN ('available', 'blocked') OR (urns = 0 AND reserved_places = 0)),
        CHECK (status NOT IN ('occupied', 'reserved', 'expired') OR urns > 0),
        CHECK (status <> 'reserved' OR reserved_places > 0)
      ) STRICT;
      CREATE INDEX funeral_plots_expiry ON funeral_plots(status, use_expires_on);

      CREATE TABLE funeral_plot_status_history (
        id INTEGER PRIMARY KEY,
        plot_id INTEGER NOT NULL REFERENCES funeral_plots(id),
        from_status TEXT CHECK (from_status IS NULL OR from_status IN (${statusList})),
        to_status TEXT NOT NULL CHECK (to_status IN (${statusList})),
        reason TEXT NOT NULL CHECK (length(reason) >= 2),
        -- The burial that caused it, if any (funeral_burials arrives with migration 0012).
        burial_id INTEGER,
        user_id INTEGER REFERENCES users(id),
        username TEXT,
        at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX funeral_plot_status_history_plot ON funeral_plot_status_history(plot_id, id);

      CREATE TRIGGER funeral_plot_status_history_no_update BEFORE UPDATE ON funeral_plot_status_history
      BEGIN SELECT RAISE(ABORT, 'plot status history is append-only'); END;
      CREATE TRIGGER funeral_plot_status_history_no_delete BEFORE DELETE ON funeral_plot_status_history
      BEGIN SELECT RAISE(ABORT, 'plot status history is append-only'); END;

      -- Sample values (Anhui 2016 / Jiangsu 2023 style: ashes single ≤ 0.5 m², double ≤ 0.8 m²),
      -- marked as samples: the administrator records the province's own values as new versions.
      INSERT INTO funeral_plot_area_limits (plot_type, max_area_cm2, effective_from, basis, is_sample, created_by, created_at)
      VALUES
        ('single', 5000, '2016-01-01', '示例值：参照安徽省（2016）、江苏省（2023）规定，单人骨灰墓位不超过 0.5 平方米', 1, NULL, '2016-01-01T00:00:00.000Z'),
        ('double', 8000, '2016-01-01', '示例值：参照安徽省（2016）、江苏省（2023）规定，双人合葬骨灰墓位不超过 0.8 平方米', 1, NULL, '2016-01-01T00:00:00.000Z');
    `);
  },
};
