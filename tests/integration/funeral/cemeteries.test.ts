import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { userWithRoles } from '../../helpers/app';
import {
  auditRows,
  cemeteryInput,
  createCemetery,
  funeralWorld,
  generateInput,
  plotByLabel,
  type FuneralWorld,
} from './cemeteries-fixture';

// Cemeteries, plot generation in ranges, provincial area limits by date, block/unblock with the
// status history, occupancy and the map payload — on a real database through dispatch.

let w: FuneralWorld;
beforeEach(async () => {
  w = await funeralWorld('2026-03-02');
});
afterEach(() => w.t.close());

const plotCount = () => (w.t.app.db.prepare('SELECT count(*) AS n FROM funeral_plots').get() as { n: number }).n;

describe('cemeteries', () => {
  it('a public cemetery must name the divisions it serves; names are unique', async () => {
    const none = await w.t.call('funeral.cemeteries.create', { ...cemeteryInput(), servedDivisions: [] }, w.manager);
    expect(none.ok ? 'ok' : none.error).toMatchObject({ code: 'RULE_VIOLATION', field: 'servedDivisions' });
    const c = await createCemetery(w);
    expect(c).toMatchObject({ kindLabel: '农村公益性公墓', residentsOnly: true, servedDivisions: ['500118101', '500118102'] });
    const again = await w.t.call('funeral.cemeteries.create', cemeteryInput(), w.manager);
    expect(again.ok ? 'ok' : again.error.code).toBe('CONFLICT');
    const bad = await w.t.call(
      'funeral.cemeteries.create',
      { ...cemeteryInput({ name: '乙村公墓' }), divisionCode: '5001' },
      w.manager,
    );
    expect(bad.ok ? 'ok' : bad.error.message).toContain('6 位');
  });

  it('only the cemetery manager may create cemeteries and plots', async () => {
    const reviewer = await userWithRoles(w.t, w.admin, 'reviewer', ['funeralReviewer']);
    const r = await w.t.call('funeral.cemeteries.create', cemeteryInput(), reviewer);
    expect(r.ok ? 'ok' : r.error.code).toBe('FORBIDDEN');
    const c = await createCemetery(w);
    const g = await w.t.call('funeral.plots.generate', generateInput(c.id), w.admin);
    expect(g.ok ? 'ok' : g.error.code).toBe('FORBIDDEN');
  });
});

describe('plot generation in ranges', () => {
  it('creates every (row, number) of the range once, labelled A区r排n号, each with its first history row', async () => {
    const c = await createCemetery(w);
    const g = await w.t.must(
      'funeral.plots.generate',
      generateInput(c.id, { rowFrom: 1, rowTo: 20, numberFrom: 1, numberTo: 30 }),
      w.manager,
    );
    expect(g).toMatchObject({ created: 600, firstLabel: 'A区1排1号', lastLabel: 'A区20排30号' });
    const distinct = w.t.app.db.prepare("SELECT count(DISTINCT row_no || '-' || number) AS n FROM funeral_plots").get() as {
      n: number;
    };
    expect(distinct.n).toBe(600);
    const p = await plotByLabel(w, c.id, 'A区3排12号');
    expect(p).toMatchObject({
      row: 3,
      number: 12,
      status: 'available',
      type: 'single',
      areaM2: 0.5,
      urnCapacity: 1,
      feeFen: 800_000,
    });
    const detail = await w.t.must('funeral.plots.get', { id: p.id }, w.manager);
    expect(detail.history).toHaveLength(1);
    expect(detail.history[0]).toMatchObject({ from: null, to: 'available', username: 'manager' });
    expect(detail.history[0]!.reason).toContain('A区1–20排、1–30号');
    // one audit entry for the whole generation, not 600
    expect(auditRows(w.t, 'funeralSection')).toHaveLength(1);
  });

  it('refuses a range overlapping existing plots cleanly: nothing of it is created', async () => {
    const c = await createCemetery(w);
    await w.t.must(
      'funeral.plots.generate',
      generateInput(c.id, { rowFrom: 1, rowTo: 5, numberFrom: 1, numberTo: 10 }),
      w.manager,
    );
    const before = plotCount();
    const overlap = await w.t.call(
      'funeral.plots.generate',
      generateInput(c.id, { rowFrom: 5, rowTo: 8, numberFrom: 10, numberTo: 20 }),
      w.manager,
    );
    expect(overlap.ok ? 'ok' : overlap.error).toMatchObject({ code: 'CONFLICT' });
    expect(overlap.ok ? '' : overlap.error.message).toContain('A区5排10号');
    expect(overlap.ok ? '' : overlap.error.message).toContain('本次未生成任何墓位');
    expect(plotCount()).toBe(before);
    // adjacent ranges are fine; another section may reuse the same rows and numbers
    await w.t.must(
      'funeral.plots.generate',
      generateInput(c.id, { rowFrom: 6, rowTo: 8, numberFrom: 1, numberTo: 10 }),
      w.manager,
    );
    await w.t.must(
      'funeral.plots.generate',
      generateInput(c.id, { sectionCode: 'B', rowFrom: 1, rowTo: 5, numberFrom: 1, numberTo: 10 }),
      w.manager,
    );
    expect(plotCount()).toBe(before + 30 + 50);
  });

  it('is all-or-nothing: an area over the limit creates neither plots nor the new section', async () => {
    const c = await createCemetery(w);
    const r = await w.t.call('funeral.plots.generate', generateInput(c.id, { sectionCode: 'C', areaM2: 0.51 }), w.manager);
    expect(r.ok ? 'ok' : r.error).toMatchObject({ code: 'RULE_VIOLATION', field: 'areaM2' });
    expect(plotCount()).toBe(0);
    const detail = await w.t.must('funeral.cemeteries.get', { id: c.id }, w.manager);
    expect(detail.sections).toEqual([]);
  });

  it('validates the range itself (from ≤ to, at most 10,000 plots)', async () => {
    const c = await createCemetery(w);
    const reversed = await w.t.call('funeral.plots.generate', generateInput(c.id, { rowFrom: 5, rowTo: 2 }), w.manager);
    expect(reversed.ok ? 'ok' : reversed.error.message).toContain('起始排不能大于终止排');
    const huge = await w.t.call('funeral.plots.generate', generateInput(c.id, { rowTo: 200, numberTo: 100 }), w.manager);
    expect(huge.ok ? 'ok' : huge.error.message).toContain('一次最多生成');
  });
});

describe('plot-area limits by effective date', () => {
  it('checks each plot against the limit in force on the day it is created; a later limit never re-judges it', async () => {
    const c = await createCemetery(w);
    // sample in force: single ≤ 0.50 m²
    const over = await w.t.call('funeral.plots.generate', generateInput(c.id, { areaM2: 0.6 }), w.manager);
    expect(over.ok ? 'ok' : over.error.message).toMatch(/0\.60 平方米超过规定上限 0\.50 平方米（自 2016-01-01 起施行，示例值）/);

    // the province tightens single plots to 0.40 m² from 2026-04-01 (recorded in advance)
    const added = await w.t.must(
      'funeral.plotLimits.add',
      { plotType: 'single', maxAreaM2: 0.4, effectiveFrom: '2026-04-01', basis: '省民政厅关于节地生态安葬的通知' },
      w.admin,
    );
    expect(added).toMatchObject({ maxAreaM2: 0.4, inForce: false, isSample: false });

    // before the date: the old limit still applies
    await w.moveTo('2026-03-31');
    const before = await w.t.must(
      'funeral.plots.generate',
      generateInput(c.id, { rowFrom: 1, rowTo: 1, areaM2: 0.5 }),
      w.manager,
    );
    const early = await plotByLabel(w, c.id, 'A区1排1号');
    expect(early.areaLimit).toMatchObject({ maxAreaM2: 0.5, effectiveFrom: '2016-01-01', isSample: true });
    expect(before.created).toBe(3);

    // from the date: 0.5 m² is refused, 0.4 m² accepted and linked to the new version
    await w.moveTo('2026-04-01');
    const refused = await w.t.call(
      'funeral.plots.generate',
      generateInput(c.id, { rowFrom: 2, rowTo: 2, areaM2: 0.5 }),
      w.manager,
    );
    expect(refused.ok ? 'ok' : refused.error.message).toContain('超过规定上限 0.40 平方米（自 2026-04-01 起施行）');
    await w.t.must('funeral.plots.generate', generateInput(c.id, { rowFrom: 2, rowTo: 2, areaM2: 0.4 }), w.manager);
    expect((await plotByLabel(w, c.id, 'A区2排1号')).areaLimit).toMatchObject({ id: added.id, maxAreaM2: 0.4 });
    // the plot created under the old limit keeps it
    expect((await plotByLabel(w, c.id, 'A区1排1号')).areaLimit).toMatchObject({ maxAreaM2: 0.5 });

    const list = await w.t.must('funeral.plotLimits.list', {}, w.manager);
    expect(list.filter((l) => l.plotType === 'single').map((l) => [l.maxAreaM2, l.inForce])).toEqual([
      [0.4, true],
      [0.5, false],
    ]);
  });

  it('only the administrator adds versions; never back-dated, never two on one date; every version audited', async () => {
    const byManager = await w.t.call(
      'funeral.plotLimits.add',
      { plotType: 'double', maxAreaM2: 0.7, effectiveFrom: '2026-05-01', basis: '省文件' },
      w.manager,
    );
    expect(byManager.ok ? 'ok' : byManager.error.code).toBe('FORBIDDEN');
    const past = await w.t.call(
      'funeral.plotLimits.add',
      { plotType: 'double', maxAreaM2: 0.7, effectiveFrom: '2026-01-01', basis: '省文件' },
      w.admin,
    );
    expect(past.ok ? 'ok' : past.error).toMatchObject({ code: 'RULE_VIOLATION', field: 'effectiveFrom' });
    await w.t.must(
      'funeral.plotLimits.add',
      { plotType: 'double', maxAreaM2: 0.7, effectiveFrom: '2026-05-01', basis: '省文件' },
      w.admin,
    );
    const twice = await w.t.call(
      'funeral.plotLimits.add',
      { plotType: 'double', maxAreaM2: 0.75, effectiveFrom: '2026-05-01', basis: '省文件' },
      w.admin,
    );
    expect(twice.ok ? 'ok' : twice.error.code).toBe('CONFLICT');
    const audits = auditRows(w.t, 'funeralPlotAreaLimit');
    expect(audits).toHaveLength(1);
    expect(audits[0]!.detail).toContain('双穴墓位面积上限自 2026-05-01 起为 0.7 平方米');
  });

  it('a type without any limit is not limited (others configurable)', async () => {
    const c = await createCemetery(w);
    const g = await w.t.must(
      'funeral.plots.generate',
      generateInput(c.id, { plotType: 'family', areaM2: 3, urnCapacity: 6 }),
      w.manager,
    );
    expect(g.areaLimit).toBeNull();
  });
});

describe('status history and occupancy', () => {
  it('block and unblock need a reason; each change records who, when and why', async () => {
    const c = await createCemetery(w);
    await w.t.must('funeral.plots.generate', generateInput(c.id), w.manager);
    const p = await plotByLabel(w, c.id, 'A区1排2号');
    const noReason = await w.t.call('funeral.plots.block', { id: p.id, reason: '' }, w.manager);
    expect(noReason.ok ? 'ok' : noReason.error.message).toContain('请说明原因');
    await w.t.must('funeral.plots.block', { id: p.id, reason: '地基沉降，待维修' }, w.manager);
    const again = await w.t.call('funeral.plots.block', { id: p.id, reason: '重复停用' }, w.manager);
    expect(again.ok ? 'ok' : again.error.message).toContain('只能停用可用的墓位');
    await w.moveTo('2026-03-10');
    const back = await w.t.must('funeral.plots.unblock', { id: p.id, reason: '维修完毕' }, w.manager);
    expect(back.status).toBe('available');
    expect(back.history.map((h) => [h.from, h.to, h.reason, h.username, h.at.slice(0, 10) >= '2026-03-01'])).toEqual([
      [null, 'available', expect.stringContaining('批量生成'), 'manager', true],
      ['available', 'blocked', '停用：地基沉降，待维修', 'manager', true],
      ['blocked', 'available', '恢复可用：维修完毕', 'manager', true],
    ]);
    const statusAudits = auditRows(w.t, 'funeralPlot').filter((a) => a.action === 'status');
    expect(statusAudits.map((a) => a.detail)).toEqual([
      '永川区松柏公益性公墓 A区1排2号：可用 → 停用（停用：地基沉降，待维修）',
      '永川区松柏公益性公墓 A区1排2号：停用 → 可用（恢复可用：维修完毕）',
    ]);
    const raw = w.t.app.db.prepare('SELECT count(*) AS n FROM funeral_plot_status_history WHERE plot_id = ?').get(p.id) as {
      n: number;
    };
    expect(raw.n).toBe(3);
  });

  it('reports plots per status, capacity and remaining places per section and per cemetery', async () => {
    const c = await createCemetery(w);
    await w.t.must('funeral.plots.generate', generateInput(c.id, { rowTo: 1, numberTo: 4 }), w.manager); // 4 singles
    await w.t.must(
      'funeral.plots.generate',
      generateInput(c.id, { sectionCode: 'B', rowTo: 1, numberTo: 2, plotType: 'double', areaM2: 0.8, urnCapacity: 2 }),
      w.manager,
    );
    const blocked = await plotByLabel(w, c.id, 'A区1排4号');
    await w.t.must('funeral.plots.block', { id: blocked.id, reason: '通道占用' }, w.manager);
    const detail = await w.t.must('funeral.cemeteries.get', { id: c.id }, w.manager);
    expect(detail.occupancy).toMatchObject({ plots: 6, capacity: 7, urns: 0, remainingPlaces: 7 });
    expect(detail.occupancy.byStatus).toMatchObject({ available: 5, blocked: 1 });
    const [a, b] = detail.sections;
    expect(a).toMatchObject({ label: 'A区', rows: 1, numbers: 4, occupancy: { plots: 4, capacity: 3, remainingPlaces: 3 } });
    expect(b).toMatchObject({ label: 'B区', occupancy: { plots: 2, capacity: 4, remainingPlaces: 4 } });
    const list = await w.t.must('funeral.cemeteries.list', {}, w.manager);
    expect(list[0]!.occupancy).toMatchObject({ plots: 6, remainingPlaces: 7 });
  });

  it('the map payload lists every plot of the section compactly; coordinates are optional', async () => {
    const c = await createCemetery(w);
    const g = await w.t.must('funeral.plots.generate', generateInput(c.id, { rowTo: 3, numberTo: 4 }), w.manager);
    const map = await w.t.must('funeral.plots.map', { sectionId: g.sectionId }, w.manager);
    expect(map.cells).toHaveLength(12);
    expect(map.section).toMatchObject({ label: 'A区', rows: 3, numbers: 4 });
    expect(map.usesPositions).toBe(false);
    expect(map.cells[0]).toEqual([expect.any(Number), 1, 1, 'available', 'single', null, null, null]);
    // coordinates set on some plots only: the map keeps the grid
    await w.t.must('funeral.plots.update', { id: map.cells[0]![0], feeFen: 900_000, position: { x: 1.5, y: 2 } }, w.manager);
    expect((await w.t.must('funeral.plots.map', { sectionId: g.sectionId }, w.manager)).usesPositions).toBe(false);
  });
});
