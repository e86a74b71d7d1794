import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../main/core/audit/service';
import { openDatabase, writeTransaction } from '../../../main/core/db/connection';
import { allocateNumber, numbersOf, setStartingSerial, voidNumber, type SeriesSpec } from '../../../main/core/numbering/service';
import { openTestApp, repoRoot, tempDir, type TestApp } from '../../helpers/app';

let t: TestApp;
const cleanups: (() => void)[] = [];
afterEach(() => {
  t?.close();
  cleanups.splice(0).forEach((c) => c());
});

const J: SeriesSpec = { series: 'J500118-2026', width: 6 };
const clerk = { userId: 7, username: 'clerk' };
const owner = (id: number) => ({ entity: 'marriageRegistration', entityId: id });

function draw(spec = J, id = 1): string {
  return writeTransaction(t.app.db, () => allocateNumber(t.app.db, t.app.clock, clerk, spec, owner(id)));
}

describe('certificate numbers', () => {
  it('run 000001, 000002 … in the series format', () => {
    t = openTestApp();
    expect([draw(), draw(), draw()]).toEqual(['J500118-2026-000001', 'J500118-2026-000002', 'J500118-2026-000003']);
  });

  it('leave no gap when the registration they belong to fails', () => {
    t = openTestApp();
    draw();
    expect(() =>
      writeTransaction(t.app.db, () => {
        allocateNumber(t.app.db, t.app.clock, clerk, J, owner(2));
        throw new Error('the registration failed after the number was drawn');
      }),
    ).toThrow('registration failed');
    expect(draw()).toBe('J500118-2026-000002');
  });

  it('can start a year at a given serial, but only before the first number', () => {
    t = openTestApp();
    writeTransaction(t.app.db, () => setStartingSerial(t.app.db, t.app.clock, clerk, J, 1201));
    expect(draw()).toBe('J500118-2026-001201');
    expect(() => writeTransaction(t.app.db, () => setStartingSerial(t.app.db, t.app.clock, clerk, J, 1))).toThrow(
      /不能再设置起始流水号/,
    );
  });

  it('void a spoiled number with its reason; it stays listed and is never reused', () => {
    t = openTestApp();
    const spoiled = draw();
    const voided = writeTransaction(t.app.db, () => voidNumber(t.app.db, t.app.clock, clerk, spoiled, '打印错位，证书作废'));
    expect(voided).toMatchObject({ status: 'void', void_reason: '打印错位，证书作废' });
    expect(draw()).toBe('J500118-2026-000002');
    expect(numbersOf(t.app.db, J.series, 'void').map((n) => n.number)).toEqual([spoiled]);
    expect(() => writeTransaction(t.app.db, () => voidNumber(t.app.db, t.app.clock, clerk, spoiled, '再次作废'))).toThrow(/已于/);
    expect(() => writeTransaction(t.app.db, () => voidNumber(t.app.db, t.app.clock, clerk, 'J500118-2026-000002', ' '))).toThrow(
      /作废原因/,
    );
  });

  it('cannot be deleted, renumbered or un-voided in SQL', () => {
    t = openTestApp();
    const n = draw();
    expect(() => t.app.db.prepare('DELETE FROM issued_numbers').run()).toThrow(/never deleted/);
    expect(() => t.app.db.prepare('UPDATE issued_numbers SET serial = 9').run()).toThrow(/only be voided/);
    writeTransaction(t.app.db, () => voidNumber(t.app.db, t.app.clock, clerk, n, '作废测试'));
    expect(() => t.app.db.prepare("UPDATE issued_numbers SET status = 'issued', void_reason = NULL").run()).toThrow(
      /only be voided/,
    );
  });

  it('refuse to go past the last serial of the series', () => {
    t = openTestApp();
    const tiny: SeriesSpec = { series: 'T', width: 1 };
    for (let i = 1; i <= 9; i++) draw(tiny);
    expect(() => draw(tiny)).toThrow(/已用完/);
  });

  it('must be drawn inside the record’s own transaction', () => {
    t = openTestApp();
    expect(() => allocateNumber(t.app.db, t.app.clock, clerk, J, owner(1))).toThrow(/inside the caller/);
  });

  it('stay gap-free and unique when several counters draw at the same moment (separate processes, one file)', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const perCounter = 150;
    const counters = ['1', '2', '3', '4'].map((c) =>
      spawn(
        process.execPath,
        ['--import', 'tsx', join(repoRoot, 'tests/fixtures/number-writer.ts'), dir, String(perCounter), c],
        {
          cwd: repoRoot,
          stdio: ['ignore', 'ignore', 'inherit'],
        },
      ),
    );
    const codes = await Promise.all(counters.map((p) => new Promise<number | null>((r) => p.once('exit', r))));
    expect(codes).toEqual([0, 0, 0, 0]);
    const db = openDatabase(join(dir, 'registry.db'));
    const rows = numbersOf(db, J.series);
    expect(rows.map((r) => r.serial)).toEqual(Array.from({ length: 4 * perCounter }, (_, i) => i + 1));
    expect(new Set(rows.map((r) => r.entity_id)).size).toBe(4 * perCounter);
    // The counters really did interleave (otherwise this test would prove nothing).
    const firstHalf = new Set(rows.slice(0, 2 * perCounter).map((r) => r.entity_id.split('-')[0]));
    expect(firstHalf.size).toBeGreaterThan(1);
    expect(verifyAuditChain(db).intact).toBe(true);
    db.close();
  });
});
