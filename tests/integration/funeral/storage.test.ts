import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InputOf } from '../../../main/core/contract';
import { residentIdOf } from '../../helpers/marriage';
import {
  auditRows,
  burialInput,
  createCemetery,
  funeralWorld,
  generateInput,
  plotByLabel,
  type FuneralWorld,
} from './cemeteries-fixture';

// Ash storage (骨灰寄存) on a real database: the term from the start date, one deposit per niche,
// renewal continuing from the old end date, collection, and the expiry list.

let w: FuneralWorld;
let cemeteryId: number;

beforeEach(async () => {
  w = await funeralWorld('2026-03-02');
  cemeteryId = (await createCemetery(w)).id;
});
afterEach(() => w.t.close());

function deposit(over: Partial<InputOf<'funeral.storage.register'>> = {}, serial = '301'): InputOf<'funeral.storage.register'> {
  return {
    cemeteryId,
    nicheCode: '1号堂-03-12',
    deceased: {
      name: '刘秀兰',
      idNumber: residentIdOf('1938-11-02', 'female', serial),
      sex: 'female',
      deathDate: '2026-02-20',
      cremationCertificateNo: 'HH20260222',
    },
    depositor: { name: '刘军', idNumber: residentIdOf('1965-04-04', 'male', '311'), relation: 'child', phone: '13900001111' },
    startDate: '2026-03-02',
    termMonths: 12,
    feeFen: 60_000,
    note: null,
    ...over,
  };
}

describe('ash storage', () => {
  it('runs from the start date for the term and issues GHJC-2026-000001', async () => {
    const s = await w.t.must('funeral.storage.register', deposit(), w.manager);
    expect(s).toMatchObject({
      certificateNumber: 'GHJC-2026-000001',
      nicheCode: '1号堂-03-12',
      startDate: '2026-03-02',
      endDate: '2027-03-02',
      status: 'active',
      statusLabel: '寄存中',
    });
    expect(auditRows(w.t, 'funeralAshStorage')[0]!.detail).toContain(
      '格位 1号堂-03-12 寄存 刘秀兰 的骨灰，寄存证 GHJC-2026-000001，至 2027-03-02',
    );
  });

  it('holds one deposit per niche at a time, and no deposit for someone already buried', async () => {
    await w.t.must('funeral.storage.register', deposit(), w.manager);
    const same = await w.t.call('funeral.storage.register', deposit({}, '321'), w.manager);
    expect(same.ok ? 'ok' : same.error).toMatchObject({ code: 'CONFLICT', field: 'nicheCode' });
    const twice = await w.t.call('funeral.storage.register', deposit({ nicheCode: '1号堂-03-13' }), w.manager);
    expect(twice.ok ? '' : twice.error.message).toContain('已寄存在 1号堂-03-12');
    const future = await w.t.call(
      'funeral.storage.register',
      deposit({ nicheCode: 'X', startDate: '2026-03-05' }, '331'),
      w.manager,
    );
    expect(future.ok ? 'ok' : future.error.field).toBe('startDate');

    await w.t.must('funeral.plots.generate', generateInput(cemeteryId, { rowTo: 1, numberTo: 1 }), w.manager);
    const p = await plotByLabel(w, cemeteryId, 'A区1排1号');
    const b = burialInput(p.id, { burialDate: '2026-03-02' });
    await w.t.must('funeral.burials.register', b, w.manager);
    const buried = await w.t.call(
      'funeral.storage.register',
      deposit({
        nicheCode: '2号堂-01-01',
        deceased: { ...deposit().deceased, name: '王德明', idNumber: b.deceased.idNumber, sex: 'male' },
      }),
      w.manager,
    );
    expect(buried.ok ? '' : buried.error.message).toContain('已于 2026-03-02 安葬在 A区1排1号');
  });

  it('renews from the old end date even when late, and lists deposits ending soon or overdue', async () => {
    const s = await w.t.must('funeral.storage.register', deposit(), w.manager);
    await w.moveTo('2027-01-15');
    const soon = await w.t.must('funeral.storage.expiring', { months: 2 }, w.manager);
    expect(soon.rows.map((r) => [r.nicheCode, r.endDate, r.status, r.daysLeft])).toEqual([
      ['1号堂-03-12', '2027-03-02', 'active', 46],
    ]);
    expect(soon.rows[0]!.deceasedIdNumber).toMatch(/^500118\*{8}\w{4}$/);
    expect((await w.t.must('funeral.storage.expiring', { months: 1 }, w.manager)).rows).toEqual([]);

    await w.moveTo('2027-03-20');
    expect((await w.t.must('funeral.storage.get', { id: s.id }, w.manager)).status).toBe('overdue');
    const renewed = await w.t.must('funeral.storage.renew', { id: s.id, months: 24, feeFen: 120_000, note: null }, w.manager);
    expect(renewed).toMatchObject({ endDate: '2029-03-02', status: 'active' });
    expect(renewed.renewals).toEqual([
      expect.objectContaining({ months: 24, fromEnd: '2027-03-02', toEnd: '2029-03-02', renewedOn: '2027-03-20' }),
    ]);
    expect(auditRows(w.t, 'funeralAshStorage').at(-1)!.detail).toBe('续存 24 个月：2027-03-02 → 2029-03-02（逾期续存）');
  });

  it('collection ends the deposit, frees the niche and allows no further renewal', async () => {
    const s = await w.t.must('funeral.storage.register', deposit(), w.manager);
    await w.moveTo('2026-09-30');
    const c = await w.t.must(
      'funeral.storage.collect',
      {
        id: s.id,
        collector: { name: '刘军', idNumber: residentIdOf('1965-04-04', 'male', '311'), relation: 'child' },
        note: '迁往松柏公墓安葬',
      },
      w.manager,
    );
    expect(c).toMatchObject({ status: 'collected', collection: { on: '2026-09-30', name: '刘军', relationLabel: '子女' } });
    const again = await w.t.call(
      'funeral.storage.collect',
      {
        id: s.id,
        collector: { name: '刘军', idNumber: residentIdOf('1965-04-04', 'male', '311'), relation: 'child' },
        note: null,
      },
      w.manager,
    );
    expect(again.ok ? '' : again.error.message).toContain('已于 2026-09-30 由 刘军 领取');
    const renew = await w.t.call('funeral.storage.renew', { id: s.id, months: 12, feeFen: 0, note: null }, w.manager);
    expect(renew.ok ? '' : renew.error.message).toContain('不能续存');
    // the niche takes the next deposit
    const next = await w.t.must('funeral.storage.register', deposit({ startDate: '2026-09-30' }, '341'), w.manager);
    expect(next.nicheCode).toBe('1号堂-03-12');
    const current = await w.t.must('funeral.storage.search', { query: '', status: 'current' }, w.manager);
    expect(current.map((r) => r.id)).toEqual([next.id]);
    const all = await w.t.must('funeral.storage.search', { query: '刘', status: 'all' }, w.manager);
    expect(all).toHaveLength(2);
  });
});
