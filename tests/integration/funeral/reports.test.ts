// Funeral indicators over a small known world made through the real services (see
// reports-fixture.ts for the data and the figures it must give): every category's exact number,
// month and year boundaries, the eco-burial rate under a changed counted-forms version, township
// coverage, and who may read and change what.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FuneralIndicators, ReportTable } from '../../../main/funeral/reports/contract';
import { auditRows } from './cemeteries-fixture';
import { COMMERCIAL, PUBLIC_A, PUBLIC_B, reportsWorld, type ReportsWorld } from './reports-fixture';

let w: ReportsWorld;
beforeAll(async () => {
  w = await reportsWorld();
}, 120_000);
afterAll(() => w.t.close());

const report = (year: number, month: number | null, token = w.manager) =>
  w.t.must('funeral.reports.indicators', { year, month }, token);

const table = (r: FuneralIndicators, key: string): ReportTable => r.tables.find((t) => t.key === key)!;
const row = (t: ReportTable, label: string) => t.rows.find((r) => r.label === label)?.values;
const byForm = (r: FuneralIndicators) =>
  Object.fromEntries(r.burials.byForm.filter((f) => f.total > 0).map((f) => [f.form, [f.inCemeteries, f.plotless]]));

describe('funeral indicators: burials and the eco-burial rate', () => {
  it('counts the year by form, cemetery and month, plotless scatterings included and refused ones not', async () => {
    const r = await report(2026, null);
    expect(r.label).toBe('2026年');
    expect([r.from, r.to, r.asOf, r.complete]).toEqual(['2026-01-01', '2026-12-31', '2026-03-10', false]);
    expect(r.officeName).toBe('永川区民政局');
    expect(r.burials).toMatchObject({ total: 8, inCemeteries: 6, plotless: 2, eco: 5 });
    expect(byForm(r)).toEqual({
      traditional: [3, 0],
      tree: [1, 0],
      lawn: [1, 0],
      niche: [1, 0],
      seaScattering: [0, 1],
      riverScattering: [0, 1],
    });
    expect(r.ecoRate).toEqual({ eco: 5, total: 8, percent: 62.5 });
    expect(r.ecoForms).toMatchObject({ effectiveFrom: '2000-01-01', isSample: true });

    expect(r.burials.cemeteries.map((c) => [c.name, c.kind, c.total, c.eco])).toEqual([
      [PUBLIC_A, 'ruralPublic', 3, 1],
      [PUBLIC_B, 'urbanPublic', 2, 2],
      [COMMERCIAL, 'commercial', 1, 0],
    ]);
    const months = r.burials.months.map((m) => [m.month, m.total, m.eco]);
    expect(months).toHaveLength(12);
    expect(months.slice(0, 4)).toEqual([
      ['2026-01', 1, 0],
      ['2026-02', 5, 3],
      ['2026-03', 2, 2],
      ['2026-04', 0, 0],
    ]);
    expect(r.burials.months[1]!.byForm).toMatchObject({ traditional: 2, tree: 1, lawn: 1, seaScattering: 1, niche: 0 });

    // The tables say the same.
    const forms = table(r, 'forms');
    expect(row(forms, '墓穴安葬')).toEqual(['否', 3, 0, 3, '37.50%']);
    expect(row(forms, '海葬')).toEqual(['是', 0, 1, 1, '12.50%']);
    expect(row(forms, '深埋不留坟头')).toEqual(['是', 0, 0, 0, '0.00%']);
    expect(row(forms, '合计')).toEqual(['', 6, 2, 8, '100.00%']);
    expect(row(forms, '其中：节地生态安葬')).toEqual(['', 3, 2, 5, '62.50%']);
    const monthly = table(r, 'months');
    expect(monthly.columns.slice(-3)).toEqual(['合计', '节地生态', '生态率']);
    expect(row(monthly, '2月')!.slice(-3)).toEqual([5, 3, '60.00%']);
    expect(row(monthly, '12月')!.slice(-3)).toEqual([0, 0, null]);
    expect(row(monthly, '全年')!.slice(-3)).toEqual([8, 5, '62.50%']);
    const cemeteries = table(r, 'cemeteries');
    expect(cemeteries.title).toBe('四、按公墓');
    expect(row(cemeteries, PUBLIC_B)).toEqual(['城市公益性公墓', 2, 2, '100.00%']);
    expect(row(cemeteries, '无墓位安葬（据奖补申请）')).toEqual(['—', 2, 2, '100.00%']);
    expect(row(cemeteries, '合计')).toEqual(['', 8, 5, '62.50%']);
    expect(row(table(r, 'indicators'), '节地生态安葬率（节地生态安葬数 ÷ 安葬总数）')).toEqual([5, 8, '62.50%']);
  });

  it('puts the last day of a month in that month and the first day of the next in the next', async () => {
    const jan = await report(2026, 1);
    expect([jan.from, jan.to, jan.complete]).toEqual(['2026-01-01', '2026-01-31', true]);
    expect(jan.burials).toMatchObject({ total: 1, eco: 0 });
    expect(jan.ecoRate.percent).toBe(0);
    expect(jan.tables.map((t) => t.key)).not.toContain('months'); // a month has no month-by-month table

    const feb = await report(2026, 2);
    expect(feb.to).toBe('2026-02-28');
    expect(feb.burials).toMatchObject({ total: 5, inCemeteries: 4, plotless: 1, eco: 3 });
    expect(feb.ecoRate.percent).toBe(60);
    expect(feb.burials.cemeteries.map((c) => [c.name, c.total])).toEqual([
      [PUBLIC_A, 2],
      [PUBLIC_B, 1],
      [COMMERCIAL, 1],
    ]);
    // The trend: the 12 months ending with the month, across the year boundary.
    expect(feb.burials.months.map((m) => m.month)[0]).toBe('2025-03');
    expect(feb.burials.months.slice(-3).map((m) => [m.month, m.total])).toEqual([
      ['2025-12', 1],
      ['2026-01', 1],
      ['2026-02', 5],
    ]);

    const mar = await report(2026, 3);
    expect(mar.burials).toMatchObject({ total: 2, eco: 2 });
    const dec = await report(2025, 12);
    expect(dec.burials).toMatchObject({ total: 1, inCemeteries: 1, eco: 0 });
    const y2025 = await report(2025, null);
    expect([y2025.burials.total, y2025.complete, y2025.subsidies.count, y2025.waivers.count]).toEqual([1, true, 0, 0]);
  });

  it('refuses a period that has not started yet', async () => {
    const r = await w.t.call('funeral.reports.indicators', { year: 2026, month: 4 }, w.manager);
    expect(r).toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION' } });
    if (!r.ok) expect(r.error.message).toContain('尚未开始');
  });
});

describe('funeral indicators: coverage, subsidies, waivers', () => {
  it('counts a township served by two public cemeteries once and one served only commercially not at all', async () => {
    const r = await report(2026, null);
    expect(r.coverage).toMatchObject({ townships: 5, covered: 3, percent: 60, unlisted: ['500118106'] });
    expect(r.coverage.rows.map((t) => [t.code, t.covered, t.cemeteries])).toEqual([
      ['500118101', true, [PUBLIC_A]],
      ['500118102', true, [PUBLIC_A, PUBLIC_B]],
      ['500118103', true, [PUBLIC_B]],
      ['500118104', false, []],
      ['500118105', false, []],
    ]);
    const coverage = table(r, 'coverage');
    expect(row(coverage, '茶山竹海街道')).toEqual(['500118104', '否', '—']);
    expect(row(coverage, '合计')).toEqual(['共 5 个', '覆盖 3 个', '覆盖率 60.00%']);
    expect(coverage.note).toContain('500118106');
  });

  it('sums subsidies by form and status with their amounts, and waivers by category without the voided one', async () => {
    const r = await report(2026, null);
    const s = r.subsidies;
    expect([s.count, s.refused, s.amountFen, s.grantedFen, s.paidFen]).toEqual([4, 1, 1_200_000, 900_000, 300_000]);
    expect(s.byForm.map((f) => [f.form, f.count, f.refused, f.amountFen, f.grantedFen, f.paidFen])).toEqual([
      ['tree', 1, 0, 300_000, 300_000, 300_000],
      ['seaScattering', 1, 0, 600_000, 600_000, 0],
      ['riverScattering', 1, 0, 300_000, 0, 0],
      ['deepBurial', 1, 1, 0, 0, 0],
    ]);
    expect(Object.fromEntries(s.byStatus.map((x) => [x.status, [x.count, x.amountFen]]))).toEqual({
      pendingDocuments: [0, 0],
      pendingReview: [1, 300_000],
      pendingApproval: [0, 0],
      approved: [1, 600_000],
      paid: [1, 300_000],
      rejected: [1, 300_000],
    });
    expect(row(table(r, 'subsidyForms'), '合计')).toEqual([4, 1, 1_200_000, 900_000, 300_000]);
    expect(row(table(r, 'subsidyStatus'), '合计')).toEqual([4, 1_500_000]);

    expect(r.waivers.categories.map((c) => [c.code, c.name, c.count, c.actualFen, c.waivedFen])).toEqual([
      ['localResident', '本地户籍居民', 1, 125_000, 115_000],
      ['minimumLiving', '低保对象', 2, 230_000, 230_000],
    ]);
    expect([r.waivers.count, r.waivers.actualFen, r.waivers.waivedFen]).toEqual([3, 355_000, 345_000]);
    expect(row(table(r, 'waivers'), '合计')).toEqual([3, 355_000, 345_000]);

    // Received and recorded in March: February has none.
    const feb = await report(2026, 2);
    expect([feb.subsidies.count, feb.waivers.count]).toEqual([0, 0]);
  });
});

describe('counted-forms versions', () => {
  it('applies the version in force on the period’s last day and says so', async () => {
    // Only the district approver changes the definition, never back-dated, one version per date.
    const add = {
      effectiveFrom: '2026-03-11',
      forms: ['tree', 'lawn', 'wall', 'seaScattering'] as const,
      basis: '永民发〔2026〕5号',
    };
    expect(await w.t.call('funeral.reports.ecoForms.add', { ...add, forms: [...add.forms] }, w.reviewer)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const past = await w.t.call(
      'funeral.reports.ecoForms.add',
      { ...add, forms: [...add.forms], effectiveFrom: '2026-03-09' },
      w.approver,
    );
    expect(past).toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION', field: 'effectiveFrom' } });
    const v = await w.t.must(
      'funeral.reports.ecoForms.add',
      { ...add, forms: ['seaScattering', 'tree', 'lawn', 'wall'] },
      w.approver,
    );
    expect(v).toMatchObject({
      effectiveFrom: '2026-03-11',
      forms: ['tree', 'lawn', 'wall', 'seaScattering'],
      inForce: false,
      isSample: false,
    });
    expect(
      await w.t.call('funeral.reports.ecoForms.add', { ...add, forms: ['tree'], basis: '重复日期' }, w.approver),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const versions = await w.t.must('funeral.reports.ecoForms.list', {}, w.manager);
    expect(versions.map((x) => [x.effectiveFrom, x.inForce, x.createdBy])).toEqual([
      ['2026-03-11', false, 'approver'],
      ['2000-01-01', true, null],
    ]);
    expect(auditRows(w.t, 'funeralEcoForms').map((a) => a.action)).toEqual(['create']);

    // The year ends after the new version: tree, lawn and sea of the 8 burials count.
    const year = await report(2026, null);
    expect(year.ecoForms.effectiveFrom).toBe('2026-03-11');
    expect(year.ecoRate).toEqual({ eco: 3, total: 8, percent: 37.5 });
    expect(year.burials.byForm.find((f) => f.form === 'niche')!.eco).toBe(false);
    expect(table(year, 'indicators').note).toContain('2026-03-11 起施行的版本，计入树葬、草坪葬、壁葬、海葬');
    expect(year.notes.join('')).toContain('统计期间最后一日（2026-12-31）施行的统计口径');
    // February ended under the sample definition: its report does not change.
    const feb = await report(2026, 2);
    expect(feb.ecoForms.effectiveFrom).toBe('2000-01-01');
    expect(feb.ecoRate.percent).toBe(60);
  });
});

describe('township list', () => {
  it('is kept by the district approver, within the office’s division, every change audited', async () => {
    expect(await w.t.call('funeral.reports.townships.save', { code: '500118107', name: '青峰镇' }, w.manager)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const outside = await w.t.call('funeral.reports.townships.save', { code: '500106001', name: '石桥铺街道' }, w.approver);
    expect(outside).toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION', field: 'code' } });
    const added = await w.t.must('funeral.reports.townships.save', { code: '500118106', name: '青峰镇' }, w.approver);
    expect(added.servedBy).toEqual([PUBLIC_B]);
    await w.t.must('funeral.reports.townships.save', { code: '500118106', name: '青峰镇（新）' }, w.approver);
    const list = await w.t.must('funeral.reports.townships.list', {}, w.reviewer);
    expect(list.unlisted).toEqual([]);
    expect(list.townships.map((t) => t.name)).toContain('青峰镇（新）');
    expect((await report(2026, null)).coverage).toMatchObject({ townships: 6, covered: 4 });

    await w.t.must('funeral.reports.townships.remove', { code: '500118106', reason: '测试数据，删除' }, w.approver);
    expect((await report(2026, null)).coverage).toMatchObject({ townships: 5, covered: 3, unlisted: ['500118106'] });
    expect(
      await w.t.call('funeral.reports.townships.remove', { code: '500118106', reason: '再删一次' }, w.approver),
    ).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    const audit = auditRows(w.t, 'funeralTownship').filter((a) => a.entity_id === '500118106');
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'delete']);
    expect(audit[2]!.detail).toContain('测试数据，删除');
  });
});

describe('who may read the indicators', () => {
  it('lets cemetery managers, reviewers and approvers read, and refuses a marriage clerk everywhere', async () => {
    for (const token of [w.manager, w.reviewer, w.approver]) expect((await report(2026, 2, token)).burials.total).toBe(5);
    for (const [channel, input] of [
      ['funeral.reports.indicators', { year: 2026, month: 2 }],
      ['funeral.reports.pdf', { year: 2026, month: 2 }],
      ['funeral.reports.xlsx', { year: 2026, month: 2 }],
      ['funeral.reports.ecoForms.list', {}],
      ['funeral.reports.townships.list', {}],
      ['funeral.reports.ecoForms.add', { effectiveFrom: '2027-01-01', forms: ['tree'], basis: '越权' }],
      ['funeral.reports.townships.save', { code: '500118109', name: '越权镇' }],
    ] as const) {
      const r = await w.t.call(channel, input as never, w.clerk);
      expect(r, channel).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });
});
