// Fee waivers (惠民殡葬) on a real database, through dispatch as every transport calls them: the
// amounts (per-item standard price, waivable quantity, items a category may not waive, per-body
// cap), the version in force on the date of death, one waiver per deceased, local residency,
// correction and void with reasons, monthly settlement locking the records, and who may do what.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StandardVersionInput, StandardVersionView } from '../../../main/funeral/waivers/contract';
import { waiverTotals } from '../../../main/funeral/waivers/service';
import { userWithRoles } from '../../helpers/app';
import { deceasedId, localNoon, waiverInput, waiverWorld, type WaiverWorld } from './waivers-fixture';

let w: WaiverWorld;
beforeEach(async () => {
  w = await waiverWorld('2026-05-20');
});
afterEach(() => w.t.close());

const all5 = [
  { itemCode: 'bodyTransport', quantity: 1, actualFen: 50000 },
  { itemCode: 'bodyStorage', quantity: 3, actualFen: 24000 },
  { itemCode: 'cremation', quantity: 1, actualFen: 65000 },
  { itemCode: 'ashStorage', quantity: 1, actualFen: 15000 },
  { itemCode: 'urn', quantity: 1, actualFen: 40000 },
];

/** A copy of the sample standard as an approver's input, with changes. */
function fromSample(sample: StandardVersionView, over: Partial<StandardVersionInput>): StandardVersionInput {
  return {
    id: null,
    effectiveFrom: sample.effectiveFrom,
    title: sample.title,
    basis: null,
    items: sample.items,
    categories: sample.categories,
    ...over,
  };
}

const sampleStandard = async () => (await w.t.must('funeral.waivers.standards', {}, w.reviewer)).find((v) => v.sample)!;

describe('the sample standard', () => {
  it('ships marked as sample data, in force today, with the four categories and their caps', async () => {
    const list = await w.t.must('funeral.waivers.standards', {}, w.reviewer);
    expect(list).toHaveLength(1);
    const s = list[0]!;
    expect(s.sample).toBe(true);
    expect(s.title).toContain('示例数据，请按本地政策修改');
    expect(s.inForceToday).toBe(true);
    expect(s.categories.map((c) => [c.name, c.capFen])).toEqual([
      ['低保对象', 178000],
      ['特困人员', 178000],
      ['重点优抚对象', 178000],
      ['本地户籍居民', 154000],
    ]);
    expect(s.categories.find((c) => c.code === 'localResident')!.localOnly).toBe(true);
    expect(s.items.map((i) => i.name)).toEqual(['遗体接运', '遗体冷藏暂存', '遗体火化', '骨灰寄存', '骨灰盒', '告别厅（小厅）']);
  });
});

describe('waiver amounts', () => {
  it('waives each item at the lower of actual cost and standard price', async () => {
    const v = await w.t.must(
      'funeral.waivers.record',
      waiverInput(w.homeId, {
        lines: [
          { itemCode: 'bodyTransport', quantity: 1, actualFen: 62000 }, // dearer than the ¥500 standard
          { itemCode: 'cremation', quantity: 1, actualFen: 48000 }, // cheaper than the ¥650 standard
        ],
      }),
      w.reviewer,
    );
    const [transport, cremation] = v.computation.lines;
    expect(transport).toMatchObject({ itemCode: 'bodyTransport', allowanceFen: 50000, waivedFen: 50000 });
    expect(cremation).toMatchObject({ itemCode: 'cremation', allowanceFen: 65000, waivedFen: 48000 });
    expect(v.computation).toMatchObject({ actualFen: 110000, waivedFen: 98000, familyPaysFen: 12000, capApplied: false });
    expect(transport!.explanation).toContain('取较低者 ¥500.00');
    expect(v.number).toMatch(/^HM500118-2026-\d{5}$/);
  });

  it('counts no more units than the standard waives (冷藏 3 days)', async () => {
    const v = await w.t.must(
      'funeral.waivers.record',
      waiverInput(w.homeId, { lines: [{ itemCode: 'bodyStorage', quantity: 5, actualFen: 40000 }] }),
      w.reviewer,
    );
    expect(v.computation.lines[0]).toMatchObject({ countedQuantity: 3, allowanceFen: 24000, waivedFen: 24000 });
    expect(v.computation.lines[0]!.explanation).toContain('最多减免 3 天');
  });

  it('caps the total per body, taking the excess off the last items', async () => {
    const v = await w.t.must('funeral.waivers.record', waiverInput(w.homeId, { lines: [...all5].reverse() }), w.reviewer);
    // 500 + 240 + 650 + 150 + 400 = ¥1,940 before the ¥1,780 cap: the urn gives up ¥160.
    expect(v.computation.beforeCapFen).toBe(194000);
    expect(v.computation.waivedFen).toBe(178000);
    expect(v.computation.capApplied).toBe(true);
    expect(v.computation.lines.map((l) => [l.itemCode, l.waivedFen])).toEqual([
      ['bodyTransport', 50000],
      ['bodyStorage', 24000],
      ['cremation', 65000],
      ['ashStorage', 15000],
      ['urn', 24000],
    ]);
    expect(v.computation.steps.join('\n')).toContain('超过「低保对象」每具封顶 ¥1,780.00');
  });

  it('waives nothing for an item the category does not cover', async () => {
    const v = await w.t.must(
      'funeral.waivers.record',
      waiverInput(w.homeId, {
        categoryCode: 'localResident',
        evidenceRef: '户籍证明 2026-118',
        lines: [
          { itemCode: 'cremation', quantity: 1, actualFen: 65000 },
          { itemCode: 'urn', quantity: 1, actualFen: 40000 },
          { itemCode: 'farewellHall', quantity: 1, actualFen: 30000 },
        ],
      }),
      w.reviewer,
    );
    expect(v.computation.lines.map((l) => [l.itemCode, l.waivable, l.waivedFen])).toEqual([
      ['cremation', true, 65000],
      ['urn', false, 0],
      ['farewellHall', false, 0],
    ]);
    expect(v.computation.waivedFen).toBe(65000);
    expect(v.computation.lines[1]!.explanation).toContain('不属于「本地户籍居民」可减免项目');
  });

  it('refuses an item that is not in the standard, and a category that is not', async () => {
    const item = await w.t.call(
      'funeral.waivers.record',
      waiverInput(w.homeId, { lines: [{ itemCode: 'embalming', quantity: 1, actualFen: 1000 }] }),
      w.reviewer,
    );
    expect(item).toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION', field: 'lines.0.itemCode' } });
    const cat = await w.t.call('funeral.waivers.record', waiverInput(w.homeId, { categoryCode: 'veteran' }), w.reviewer);
    expect(cat).toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION', field: 'categoryCode' } });
  });

  it('quotes the same computation the record stores, and names what recording would refuse', async () => {
    const quote = await w.t.must(
      'funeral.waivers.quote',
      { deathDate: '2026-05-02', categoryCode: 'minimumLiving', householdDivision: '500118001', lines: all5 },
      w.reviewer,
    );
    const v = await w.t.must('funeral.waivers.record', waiverInput(w.homeId, { lines: all5 }), w.reviewer);
    expect(quote.computation).toEqual(v.computation);
    expect(quote.problems).toEqual([]);
    const away = await w.t.must(
      'funeral.waivers.quote',
      { deathDate: '2026-05-02', categoryCode: 'localResident', householdDivision: '500106002', lines: all5 },
      w.reviewer,
    );
    expect(away.problems[0]).toContain('限本地户籍');
  });

  it('refuses a death date in the future, before the birth date, or before any standard', async () => {
    const future = await w.t.call('funeral.waivers.record', waiverInput(w.homeId, { deathDate: '2026-05-21' }), w.reviewer);
    expect(future).toMatchObject({ ok: false, error: { field: 'deathDate', message: expect.stringContaining('晚于今天') } });
    const beforeBirth = await w.t.call(
      'funeral.waivers.record',
      waiverInput(w.homeId, { deceasedIdNumber: deceasedId('20250101'), deathDate: '2024-12-31' }),
      w.reviewer,
    );
    expect(beforeBirth).toMatchObject({ ok: false, error: { field: 'deathDate', message: expect.stringContaining('早于') } });
    const early = await w.t.call('funeral.waivers.record', waiverInput(w.homeId, { deathDate: '2019-12-31' }), w.reviewer);
    expect(early).toMatchObject({ ok: false, error: { field: 'deathDate', message: expect.stringContaining('尚无施行') } });
    const badId = await w.t.call(
      'funeral.waivers.record',
      waiverInput(w.homeId, { deceasedIdNumber: '500118194003120130' }),
      w.reviewer,
    );
    expect(badId).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('校验位') } });
  });

  it('asks for the category’s evidence', async () => {
    const r = await w.t.call('funeral.waivers.record', waiverInput(w.homeId, { evidenceRef: null }), w.reviewer);
    expect(r).toMatchObject({ ok: false, error: { field: 'evidenceRef', message: '「低保对象」须填写低保证号' } });
  });
});

describe('standards by date of death', () => {
  it('applies a cap raised from a date to deaths from that date only, and freezes applied versions', async () => {
    const sample = await sampleStandard();
    const raised = await w.t.must(
      'funeral.waivers.saveStandard',
      fromSample(sample, {
        effectiveFrom: '2026-05-10',
        title: '永川区惠民殡葬政策（2026 年调整）',
        basis: '永民发〔2026〕12号',
        categories: sample.categories.map((c) => (c.code === 'minimumLiving' ? { ...c, capFen: 200000 } : c)),
      }),
      w.approver,
    );
    expect(raised).toMatchObject({ sample: false, effectiveFrom: '2026-05-10', inForceToday: true, appliedCount: 0 });

    const before = await w.t.must(
      'funeral.waivers.record',
      waiverInput(w.homeId, { deathDate: '2026-05-09', lines: all5 }),
      w.reviewer,
    );
    const from = await w.t.must(
      'funeral.waivers.record',
      waiverInput(w.homeId, { deceasedIdNumber: deceasedId('19380101', '021'), deathDate: '2026-05-10', lines: all5 }),
      w.reviewer,
    );
    expect(before.computation).toMatchObject({ versionId: sample.id, capFen: 178000, waivedFen: 178000 });
    expect(from.computation).toMatchObject({ versionId: raised.id, capFen: 200000, waivedFen: 194000, capApplied: false });

    const list = await w.t.must('funeral.waivers.standards', {}, w.reviewer);
    expect(list.map((v) => [v.effectiveFrom, v.effectiveTo, v.appliedCount])).toEqual([
      ['2026-05-10', null, 1],
      ['2020-01-01', '2026-05-09', 1],
    ]);
    // Applied: never changed, whoever asks; a new version is the way.
    const replace = await w.t.call(
      'funeral.waivers.saveStandard',
      fromSample(sample, { id: raised.id, effectiveFrom: '2026-05-10', title: '改动' }),
      w.approver,
    );
    expect(replace).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('不能修改') } });
    const sameDay = await w.t.call(
      'funeral.waivers.saveStandard',
      fromSample(sample, { effectiveFrom: '2026-05-10', title: '同日另一版' }),
      w.approver,
    );
    expect(sameDay).toMatchObject({ ok: false, error: { code: 'CONFLICT', field: 'effectiveFrom' } });
  });

  it('lets an approver replace a version no waiver has used yet', async () => {
    const sample = await sampleStandard();
    const future = await w.t.must(
      'funeral.waivers.saveStandard',
      fromSample(sample, { effectiveFrom: '2026-07-01', title: '下半年标准' }),
      w.approver,
    );
    const fixed = await w.t.must(
      'funeral.waivers.saveStandard',
      fromSample(sample, {
        id: future.id,
        effectiveFrom: '2026-07-01',
        title: '下半年标准（更正）',
        items: sample.items.map((i) => (i.code === 'cremation' ? { ...i, standardPriceFen: 70000 } : i)),
      }),
      w.approver,
    );
    expect(fixed.id).toBe(future.id);
    expect(fixed.items.find((i) => i.code === 'cremation')!.standardPriceFen).toBe(70000);
    const audit = w.t.app.db
      .prepare("SELECT action FROM audit_log WHERE entity = 'funeralWaiverStandard' AND entity_id = ? ORDER BY id")
      .all(String(future.id));
    expect(audit).toEqual([{ action: 'create' }, { action: 'update' }]);
  });

  it('refuses a standard whose category names an item it does not have', async () => {
    const sample = await sampleStandard();
    const r = await w.t.call(
      'funeral.waivers.saveStandard',
      fromSample(sample, {
        effectiveFrom: '2026-08-01',
        categories: [{ ...sample.categories[0]!, itemCodes: ['cremation', 'embalming'] }],
      }),
      w.approver,
    );
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('embalming') } });
  });
});

describe('one waiver per deceased', () => {
  it('refuses a second by ID number, naming the existing record; a void one does not count', async () => {
    const first = await w.t.must('funeral.waivers.record', waiverInput(w.homeId), w.reviewer);
    // The same person typed as a first-generation 15-digit number is the same person.
    const fifteen = `500118${'400312'}013`;
    const second = await w.t.call(
      'funeral.waivers.record',
      waiverInput(w.otherHomeId, { deceasedIdNumber: fifteen, deceasedName: '张德明' }),
      w.reviewer,
    );
    expect(second.ok).toBe(false);
    if (second.ok) return;
    expect(second.error.code).toBe('CONFLICT');
    expect(second.error.field).toBe('deceasedIdNumber');
    expect(second.error.message).toContain(first.number);
    expect(second.error.message).toContain('永川区殡仪馆');
    expect(second.error.message).toContain('每名逝者只能减免一次');

    expect(await w.t.must('funeral.waivers.lookup', { idNumber: first.deceasedIdNumber }, w.reviewer)).toMatchObject({
      id: first.id,
      deceasedIdMasked: `500118********${first.deceasedIdNumber.slice(-4)}`,
    });
    await w.t.must('funeral.waivers.void', { id: first.id, reason: '重复录入，家属另行申请' }, w.reviewer);
    const again = await w.t.must('funeral.waivers.record', waiverInput(w.otherHomeId), w.reviewer);
    expect(again.id).not.toBe(first.id);
  });
});

describe('local residency', () => {
  it('grants the local-resident category only to households within the office’s division', async () => {
    const away = await w.t.call(
      'funeral.waivers.record',
      waiverInput(w.homeId, { categoryCode: 'localResident', householdDivision: '500106002', evidenceRef: '户籍证明' }),
      w.reviewer,
    );
    expect(away).toMatchObject({
      ok: false,
      error: { code: 'RULE_VIOLATION', field: 'householdDivision', message: expect.stringContaining('不在本单位辖区') },
    });
    const home = await w.t.must(
      'funeral.waivers.record',
      waiverInput(w.homeId, { categoryCode: 'localResident', householdDivision: '500118102003', evidenceRef: '户籍证明' }),
      w.reviewer,
    );
    expect(home.categoryName).toBe('本地户籍居民');
    // Other categories are proven by their own certificates, wherever the household is.
    const other = await w.t.must(
      'funeral.waivers.record',
      waiverInput(w.homeId, { deceasedIdNumber: deceasedId('19500505', '025'), householdDivision: '500106002' }),
      w.reviewer,
    );
    expect(other.categoryName).toBe('低保对象');
  });
});

describe('correction and void', () => {
  it('recomputes a correction and audits both with their reasons', async () => {
    const v = await w.t.must('funeral.waivers.record', waiverInput(w.homeId), w.reviewer);
    const fixed = await w.t.must(
      'funeral.waivers.correct',
      { id: v.id, ...waiverInput(w.homeId, { lines: all5 }), reason: '漏录冷藏、寄存和骨灰盒' },
      w.reviewer,
    );
    expect(fixed.computation.waivedFen).toBe(178000);
    expect(fixed.number).toBe(v.number);
    const voided = await w.t.must('funeral.waivers.void', { id: v.id, reason: '家属放弃申请' }, w.reviewer);
    expect(voided).toMatchObject({ status: 'void', statusLabel: '已作废', voidReason: '家属放弃申请' });
    const again = await w.t.call('funeral.waivers.void', { id: v.id, reason: '再次作废' }, w.reviewer);
    expect(again).toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION', message: expect.stringContaining('已作废') } });
    const entries = w.t.app.db
      .prepare("SELECT action, detail FROM audit_log WHERE entity = 'funeralWaiver' AND entity_id = ? ORDER BY id")
      .all(String(v.id)) as { action: string; detail: string }[];
    expect(entries.map((e) => e.action)).toEqual(['create', 'update', 'status']);
    expect(entries[1]!.detail).toContain('漏录冷藏、寄存和骨灰盒');
    expect(entries[1]!.detail).toContain('¥1,150.00 → ¥1,780.00');
    expect(entries[2]!.detail).toContain('家属放弃申请');
  });

  it('refuses a reason of one character', async () => {
    const v = await w.t.must('funeral.waivers.record', waiverInput(w.homeId), w.reviewer);
    const r = await w.t.call('funeral.waivers.void', { id: v.id, reason: '错' }, w.reviewer);
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

describe('monthly settlement', () => {
  it('is refused while the month runs, then locks the month’s records', async () => {
    const a = await w.t.must('funeral.waivers.record', waiverInput(w.homeId, { lines: all5 }), w.reviewer);
    const b = await w.t.must(
      'funeral.waivers.record',
      waiverInput(w.homeId, { deceasedIdNumber: deceasedId('19451001', '022'), deceasedName: '李秀兰' }),
      w.reviewer,
    );
    const elsewhere = await w.t.must(
      'funeral.waivers.record',
      waiverInput(w.otherHomeId, { deceasedIdNumber: deceasedId('19470202', '031'), deceasedName: '王建国' }),
      w.reviewer,
    );
    const voided = await w.t.must(
      'funeral.waivers.record',
      waiverInput(w.homeId, { deceasedIdNumber: deceasedId('19490303', '041'), deceasedName: '赵四' }),
      w.reviewer,
    );
    await w.t.must('funeral.waivers.void', { id: voided.id, reason: '录错殡仪馆' }, w.reviewer);

    const sheet = await w.t.must('funeral.waivers.settlement', { funeralHomeId: w.homeId, month: '2026-05' }, w.reviewer);
    expect(sheet.rows.map((r) => r.number)).toEqual([a.number, b.number]);
    expect(sheet.totals).toMatchObject({ count: 2, waivedFen: 178000 + 115000 });
    expect(sheet.monthEnded).toBe(false);
    const expected = { expectedCount: 2, expectedWaivedFen: sheet.totals.waivedFen };
    const early = await w.t.call(
      'funeral.waivers.settle',
      { funeralHomeId: w.homeId, month: '2026-05', ...expected },
      w.approver,
    );
    expect(early).toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION', message: expect.stringContaining('尚未结束') } });

    w.clock.set(localNoon('2026-06-02'));
    const approver = (await w.t.must('auth.login', { username: 'approver', password: 'Passw0rd9' })).token;
    const reviewer = (await w.t.must('auth.login', { username: 'reviewer', password: 'Passw0rd9' })).token;
    const stale = await w.t.call(
      'funeral.waivers.settle',
      { funeralHomeId: w.homeId, month: '2026-05', expectedCount: 1, expectedWaivedFen: 178000 },
      approver,
    );
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('已有变动') } });
    const settled = await w.t.must(
      'funeral.waivers.settle',
      { funeralHomeId: w.homeId, month: '2026-05', ...expected },
      approver,
    );
    expect(settled).toMatchObject({ status: 'settled', settledBy: 'approver' });

    expect((await w.t.must('funeral.waivers.get', { id: a.id }, reviewer)).status).toBe('settled');
    const correct = await w.t.call(
      'funeral.waivers.correct',
      { id: a.id, ...waiverInput(w.homeId), reason: '金额有误' },
      reviewer,
    );
    expect(correct).toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION', message: expect.stringContaining('已锁定') } });
    const voidIt = await w.t.call('funeral.waivers.void', { id: b.id, reason: '家属放弃' }, reviewer);
    expect(voidIt).toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION', message: expect.stringContaining('已锁定') } });
    // The database refuses too, whatever code path would try.
    expect(() => w.t.app.db.prepare('UPDATE funeral_waivers SET waived_fen = 0 WHERE id = ?').run(a.id)).toThrow(/locked/);
    const twice = await w.t.call('funeral.waivers.settle', { funeralHomeId: w.homeId, month: '2026-05', ...expected }, approver);
    expect(twice).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('不能重复结算') } });

    // The other home's record of May is still open, and can still be corrected.
    expect((await w.t.must('funeral.waivers.get', { id: elsewhere.id }, reviewer)).status).toBe('recorded');
    const moved = await w.t.call(
      'funeral.waivers.correct',
      { id: elsewhere.id, ...waiverInput(w.homeId, { deceasedIdNumber: deceasedId('19470202', '031') }), reason: '殡仪馆录错' },
      reviewer,
    );
    expect(moved).toMatchObject({ ok: false, error: { field: 'funeralHomeId', message: expect.stringContaining('已结算') } });

    const summary = await w.t.must('funeral.waivers.monthSummary', { month: '2026-05' }, reviewer);
    expect(summary.homes.map((h) => [h.funeralHomeName, h.count, h.status])).toEqual([
      ['永川区殡仪馆', 2, 'settled'],
      ['重庆市殡仪馆', 1, 'open'],
    ]);
    // A waiver recorded in June goes on June's sheet.
    const june = await w.t.must(
      'funeral.waivers.record',
      waiverInput(w.homeId, { deceasedIdNumber: deceasedId('19520909', '051'), deathDate: '2026-05-30' }),
      reviewer,
    );
    expect(june.settlementMonth).toBe('2026-06');
  });

  it('refuses to settle an empty month', async () => {
    w.clock.set(localNoon('2026-06-02'));
    const approver = (await w.t.must('auth.login', { username: 'approver', password: 'Passw0rd9' })).token;
    const r = await w.t.call(
      'funeral.waivers.settle',
      { funeralHomeId: w.homeId, month: '2026-04', expectedCount: 0, expectedWaivedFen: 0 },
      approver,
    );
    expect(r).toMatchObject({ ok: false, error: { message: expect.stringContaining('没有减免记录') } });
  });
});

describe('totals by category', () => {
  it('counts and sums the period’s waivers by category, leaving void ones out', async () => {
    await w.t.must('funeral.waivers.record', waiverInput(w.homeId, { lines: all5 }), w.reviewer);
    await w.t.must(
      'funeral.waivers.record',
      waiverInput(w.homeId, {
        deceasedIdNumber: deceasedId('19451001', '022'),
        categoryCode: 'localResident',
        evidenceRef: '户籍证明',
      }),
      w.reviewer,
    );
    const gone = await w.t.must(
      'funeral.waivers.record',
      waiverInput(w.homeId, { deceasedIdNumber: deceasedId('19490303', '041') }),
      w.reviewer,
    );
    await w.t.must('funeral.waivers.void', { id: gone.id, reason: '录入错误' }, w.reviewer);
    const totals = waiverTotals(w.t.app, '2026-05-01', '2026-05-31');
    expect(totals.categories).toEqual([
      { code: 'localResident', name: '本地户籍居民', count: 1, actualFen: 115000, waivedFen: 115000 },
      { code: 'minimumLiving', name: '低保对象', count: 1, actualFen: 194000, waivedFen: 178000 },
    ]);
    expect(totals).toMatchObject({ count: 2, waivedFen: 293000 });
    expect(waiverTotals(w.t.app, '2026-04-01', '2026-04-30').count).toBe(0);
    expect(await w.t.must('funeral.waivers.totals', { from: '2026-05-01', to: '2026-05-31' }, w.reviewer)).toEqual(totals);
  });
});

describe('permissions', () => {
  it('refuses the cemetery manager every waiver channel', async () => {
    const cemetery = await userWithRoles(w.t, w.admin, 'cemetery', ['cemeteryManager']);
    const v = await w.t.must('funeral.waivers.record', waiverInput(w.homeId), w.reviewer);
    const calls = [
      w.t.call('funeral.waivers.record', waiverInput(w.homeId), cemetery),
      w.t.call('funeral.waivers.list', { month: null, funeralHomeId: null, status: null, query: null }, cemetery),
      w.t.call('funeral.waivers.get', { id: v.id }, cemetery),
      w.t.call('funeral.waivers.void', { id: v.id, reason: '试试看' }, cemetery),
      w.t.call('funeral.waivers.standards', {}, cemetery),
      w.t.call('funeral.waivers.settlement', { funeralHomeId: w.homeId, month: '2026-05' }, cemetery),
      w.t.call('funeral.waivers.settlementPdf', { funeralHomeId: w.homeId, month: '2026-05' }, cemetery),
      w.t.call(
        'funeral.waivers.saveHome',
        { id: null, name: '某殡仪馆', divisionCode: '500118', contact: null, phone: null, active: true },
        cemetery,
      ),
    ];
    for (const r of await Promise.all(calls)) expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('keeps standards, homes and settlement to the district approver', async () => {
    const sample = await sampleStandard();
    const std = await w.t.call('funeral.waivers.saveStandard', fromSample(sample, { effectiveFrom: '2026-09-01' }), w.reviewer);
    const home = await w.t.call(
      'funeral.waivers.saveHome',
      { id: null, name: '某殡仪馆', divisionCode: '500118', contact: null, phone: null, active: true },
      w.reviewer,
    );
    const settle = await w.t.call(
      'funeral.waivers.settle',
      { funeralHomeId: w.homeId, month: '2026-04', expectedCount: 0, expectedWaivedFen: 0 },
      w.reviewer,
    );
    for (const r of [std, home, settle]) expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
