import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../main/core/db/connection';
import { migrate, type Migration } from '../../../main/core/db/migrate';
import { allMigrations } from '../../../main/core/db/migrations';
import { m0009 } from '../../../main/marriage/attachments/migrations/0009_marriage_attachments';
import { tempDir } from '../../helpers/app';

// Migration 0009 on a real SQLite file. 0001–0007 come from the list; 0008 belongs to another
// area and is stood in for by an empty step, so this test depends only on what 0009 needs.

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

const standIn8: Migration = { version: 8, name: 'stand-in for 0008', up: () => {} };
const sha = 'a'.repeat(64);

describe('migration 0009 (marriage attachments)', () => {
  it('creates a STRICT, append-only attachment table whose joint photos form one chain per record', () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const db = openDatabase(join(dir, 'm.db'));
    try {
      migrate(db, [...allMigrations.slice(0, 7), standIn8, m0009]);
      const sql = (db.prepare("SELECT sql FROM sqlite_master WHERE name = 'marriage_attachments'").get() as { sql: string }).sql;
      expect(sql).toMatch(/STRICT/);
      db.exec(`
        INSERT INTO users (id, username, display_name, password_hash, created_at, updated_at, must_change_password)
          VALUES (1, 'a', 'A', 'x', 't', 't', 0);
        INSERT INTO marriage_registrations (id, status, registration_date, certificate_number, division_code, party_origin,
          cross_province, created_at, updated_at)
          VALUES (1, 'registered', '2026-01-01', 'J500118-2026-000001', '500118', 'mainland', 0, 't', 't'),
                 (2, 'registered', '2026-01-01', 'J500118-2026-000002', '500118', 'mainland', 0, 't', 't');
        INSERT INTO divorce_applications (id, marriage_id, status, receipt_date, withdrawal_from, withdrawal_to, certificate_from,
          certificate_to, agreement, created_at, updated_at)
          VALUES (1, 2, 'pending', '2026-01-05', '2026-01-06', '2026-02-04', '2026-02-05', '2026-03-06', '{}', 't', 't');
      `);
      const insert = (over: Record<string, unknown>) =>
        Number(
          db
            .prepare(
              `INSERT INTO marriage_attachments (kind, registration_id, divorce_id, mime_type, byte_size, sha256, file_name, width,
                 height, replaces, created_by, created_at, content)
               VALUES (@kind, @registration_id, @divorce_id, @mime, @size, @sha, 'a.png', @w, @h, @replaces, 1, 't', @content)`,
            )
            .run({
              kind: 'jointPhoto',
              registration_id: 1,
              divorce_id: null,
              mime: 'image/png',
              size: 3,
              sha,
              w: 400,
              h: 300,
              replaces: null,
              content: Buffer.from([1, 2, 3]),
              ...over,
            }).lastInsertRowid,
        );

      // Constraints first, while record 1 has no photo yet (the chain trigger would speak first).
      expect(() => insert({ registration_id: 9 })).toThrow(/FOREIGN KEY/);
      expect(() => insert({ mime: 'image/gif' })).toThrow(/CHECK/);
      expect(() => insert({ mime: 'application/pdf', w: null, h: null })).toThrow(/CHECK/); // no PDF photo
      expect(() => insert({ w: null })).toThrow(/CHECK/); // a photo's size is known
      expect(() => insert({ size: 4 })).toThrow(/CHECK/); // size must be the content's
      expect(() => insert({ sha: 'XYZ' })).toThrow(/CHECK/);
      expect(() => insert({ kind: 'divorceAgreement' })).toThrow(/CHECK/); // an agreement belongs to a divorce only

      const first = insert({});
      // A second photo must name the current one; naming none, or an older one, is refused.
      expect(() => insert({})).toThrow(/must replace the current one/);
      const second = insert({ replaces: first });
      expect(() => insert({ replaces: first })).toThrow(/must replace the current one|UNIQUE/);
      insert({ replaces: second });
      // Another record's chain starts on its own.
      insert({ registration_id: 2 });

      // Agreement files: several per application, PDFs without pixel sizes, images with them.
      const agreement = { kind: 'divorceAgreement', registration_id: null, divorce_id: 1 };
      insert({ ...agreement, mime: 'application/pdf', w: null, h: null });
      insert({ ...agreement });
      expect(() => insert({ ...agreement, mime: 'application/pdf' })).toThrow(/CHECK/); // PDF with pixel sizes
      expect(() => insert({ ...agreement, replaces: 1 })).toThrow(/CHECK/);
      expect(() => insert({ ...agreement, registration_id: 1 })).toThrow(/CHECK/);

      // Append-only: nothing stored is changed or removed.
      expect(() => db.prepare("UPDATE marriage_attachments SET file_name = 'b.png'").run()).toThrow(/kept as stored/);
      expect(() => db.prepare('DELETE FROM marriage_attachments').run()).toThrow(/kept as stored/);
      expect(db.prepare('SELECT count(*) AS n FROM marriage_attachments').get()).toEqual({ n: 6 });
      // "Current" is the newest of a record's photos.
      expect(
        db.prepare("SELECT max(id) AS id FROM marriage_attachments WHERE kind = 'jointPhoto' AND registration_id = 1").get(),
      ).toEqual({ id: 3 });
    } finally {
      db.close();
    }
  });
});
