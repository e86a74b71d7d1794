import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { burialFacts } from '../../../main/funeral/burials/service';
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

// Burials on a real database: proof of death and no graves for the living (except the spouse's
// place in a double plot), the residents-only rule with its audited override, urn capacity, the
// use period by date, expiry and renewal, search with masked ID numbers, and burialFacts.

let w: FuneralWorld;
let cemeteryId: number;

beforeEach(async () => {
  w = await funeralWorld('2026-03-02');
  cemeteryId = (await createCemetery(w)).id;
  await w.t.must('funeral.plots.generate', generateInput(cemeteryId, { rowTo: 2, numberTo: 5 }), w.manager); // singles A区
  await w.t.must(
    'funeral.plots.generate',
    generateInput(cemeteryId, { sectionCode: 'B', rowTo: 1, numberTo: 5, plotType: 'double', areaM2: 0.8, urnCapacity: 2 }),
    w.manager,
  );
});
afterEach(() => w.t.close());

const plot = (label: string) => plotByLabel(w, cemeteryId, label);
const wife = { name: '张桂英', birth: '1943-02-11', sex: 'female' as const, serial: '028' };

describe('registering a burial', () => {
  it('occupies the plot, issues GMAZ-2026-000001, and records the change with the burial in the history', async () => {
    const p = await plot('A区1排1号');
    const b = await w.t.must(
      'funeral.burials.register',
      burialInput(p.id, { burialDate: '2026-03-02', deathDate: '2026-02-27' }),
      w.manager,
    );
    expect(b).toMatchObject({
      certificateNumber: 'GMAZ-2026-000001',
      plotLabel: 'A区1排1号',
      cemeteryName: '永川区松柏公益性公墓',
      useYears: 20,
      expiresOn: '2046-03-02',
      residency: 'resident',
      formLabel: '墓穴安葬',
    });
    const after = await w.t.must('funeral.plots.get', { id: p.id }, w.manager);
    expect(after).toMatchObject({
      status: 'occupied',
      urns: 1,
      remainingPlaces: 0,
      holderName: '王建国',
      useExpiresOn: '2046-03-02',
    });
    expect(after.history.at(-1)).toMatchObject({ from: 'available', to: 'occupied', burialId: b.id, username: 'manager' });
    expect(after.history.at(-1)!.reason).toBe('安葬 王德明（安葬证 GMAZ-2026-000001）');
    expect(auditRows(w.t, 'funeralBurial')[0]!.detail).toContain('使用期限 20 年至 2046-03-02');
  });

  it('needs proof of death: a future burial or death date is refused as a grave for the living', async () => {
    const p = await plot('A区1排1号');
    const future = await w.t.call(
      'funeral.burials.register',
      burialInput(p.id, { burialDate: '2026-03-03', deathDate: '2026-03-01' }),
      w.manager,
    );
    expect(future.ok ? 'ok' : future.error).toMatchObject({ field: 'burialDate' });
    expect(future.ok ? '' : future.error.message).toContain('不得为在世人员预先登记安葬');
    const noProof = burialInput(p.id, { burialDate: '2026-03-02' });
    const missing = await w.t.call(
      'funeral.burials.register',
      { ...noProof, deceased: { ...noProof.deceased, deathCertificateNo: '' } },
      w.manager,
    );
    expect(missing.ok ? 'ok' : missing.error.code).toBe('INVALID_INPUT');
    const holderIsDeceased = burialInput(p.id, { burialDate: '2026-03-02' });
    const self = await w.t.call(
      'funeral.burials.register',
      { ...holderIsDeceased, holder: { ...holderIsDeceased.holder, idNumber: holderIsDeceased.deceased.idNumber! } },
      w.manager,
    );
    expect(self.ok ? 'ok' : self.error.message).toContain('不能是逝者本人');
    expect((await plot('A区1排1号')).status).toBe('available');
  });

  it('refuses a second burial of the same person and a form that does not fit the plot', async () => {
    const p1 = await plot('A区1排1号');
    const p2 = await plot('A区1排2号');
    await w.t.must('funeral.burials.register', burialInput(p1.id, { burialDate: '2026-03-02' }), w.manager);
    const twice = await w.t.call('funeral.burials.register', burialInput(p2.id, { burialDate: '2026-03-02' }), w.manager);
    expect(twice.ok ? 'ok' : twice.error.message).toContain('已于 2026-03-02 安葬在 A区1排1号');
    const tree = await w.t.call(
      'funeral.burials.register',
      burialInput(p2.id, { name: '李四', serial: '035', burialDate: '2026-03-02', form: 'tree' }),
      w.manager,
    );
    expect(tree.ok ? 'ok' : tree.error).toMatchObject({ field: 'form' });
  });
});

describe('no plot for the living, except the surviving spouse in a double plot', () => {
  it('refuses to reserve an empty plot, a single plot, or a place for anyone but the spouse', async () => {
    const empty = await plot('B区1排1号');
    const forLiving = await w.t.call(
      'funeral.burials.keepSpousePlace',
      {
        plotId: empty.id,
        spouseOfBurialId: null,
        relation: 'spouse',
        name: '刘在世',
        idNumber: residentIdOf('1950-01-01', 'male', '071'),
        note: null,
      },
      w.manager,
    );
    expect(forLiving.ok ? 'ok' : forLiving.error).toMatchObject({ code: 'RULE_VIOLATION' });
    expect(forLiving.ok ? '' : forLiving.error.message).toContain('不得为在世人员预留或出售墓位（寿穴）');
    expect((await plot('B区1排1号')).status).toBe('available');

    const husband = await w.t.must('funeral.burials.register', burialInput(empty.id, { burialDate: '2026-03-02' }), w.manager);
    const child = await w.t.call(
      'funeral.burials.keepSpousePlace',
      {
        plotId: empty.id,
        spouseOfBurialId: husband.id,
        relation: 'child',
        name: '王建国',
        idNumber: residentIdOf('1968-09-12', 'male', '057'),
        note: null,
      },
      w.manager,
    );
    expect(child.ok ? '' : child.error.message).toContain('不是配偶');

    const single = await plot('A区1排1号');
    const other = await w.t.must(
      'funeral.burials.register',
      burialInput(single.id, { name: '赵一', serial: '091', burialDate: '2026-03-02' }),
      w.manager,
    );
    const onSingle = await w.t.call(
      'funeral.burials.keepSpousePlace',
      {
        plotId: single.id,
        spouseOfBurialId: other.id,
        relation: 'spouse',
        name: '钱二',
        idNumber: residentIdOf('1945-01-01', 'female', '082'),
        note: null,
      },
      w.manager,
    );
    expect(onSingle.ok ? '' : onSingle.error.message).toContain('寿穴');
    expect((await plot('A区1排1号')).reservedPlaces).toBe(0);
  });

  it("keeps a double plot's second place for the surviving spouse, who is later buried in it", async () => {
    const p = await plot('B区1排2号');
    const husband = await w.t.must(
      'funeral.burials.register',
      burialInput(p.id, {
        burialDate: '2026-03-02',
        keepPlaceForSpouse: { name: wife.name, idNumber: residentIdOf(wife.birth, wife.sex, wife.serial), note: '夫妻合葬' },
      }),
      w.manager,
    );
    expect(husband.keptPlace).toMatchObject({ name: '张桂英', status: 'kept' });
    const reserved = await w.t.must('funeral.plots.get', { id: p.id }, w.manager);
    expect(reserved).toMatchObject({ status: 'reserved', urns: 1, reservedPlaces: 1, remainingPlaces: 0 });
    expect(reserved.history.map((h) => [h.from, h.to])).toEqual([
      [null, 'available'],
      ['available', 'occupied'],
      ['occupied', 'reserved'],
    ]);
    expect(reserved.history.at(-1)!.reason).toBe('为已故 王德明 的在世配偶 张桂英 保留双穴另一穴位');

    // nobody else may take the kept place
    const stranger = await w.t.call(
      'funeral.burials.register',
      burialInput(p.id, { name: '孙某', serial: '093', burialDate: '2026-03-02' }),
      w.manager,
    );
    expect(stranger.ok ? '' : stranger.error.message).toContain('为 张桂英（已故 王德明 的配偶）保留');

    // years later the wife dies and takes her place
    await w.moveTo('2031-07-20');
    const her = await w.t.must(
      'funeral.burials.register',
      burialInput(p.id, {
        ...wife,
        burialDate: '2031-07-20',
        deathDate: '2031-07-16',
        holder: { ...burialInput(p.id, { burialDate: '2031-07-20' }).holder },
      }),
      w.manager,
    );
    expect(her).toMatchObject({ takesReservationId: husband.keptPlace!.id, expiresOn: '2051-07-20' });
    const full = await w.t.must('funeral.plots.get', { id: p.id }, w.manager);
    expect(full).toMatchObject({ status: 'occupied', urns: 2, reservedPlaces: 0, useExpiresOn: '2051-07-20' });
    expect(full.history.at(-1)).toMatchObject({ from: 'reserved', to: 'occupied', burialId: her.id });
    const contents = await w.t.must('funeral.burials.ofPlot', { plotId: p.id }, w.manager);
    expect(contents.burials.map((b) => b.deceasedName)).toEqual(['王德明', '张桂英']);
    expect(contents.reservations[0]).toMatchObject({ status: 'used', usedByBurialId: her.id });
    expect(contents.reservations[0]!.idNumber).toMatch(/^500118\*{8}\w{4}$/);
  });

  it('a place may also be kept after the burial, and released with a reason', async () => {
    const p = await plot('B区1排3号');
    const husband = await w.t.must('funeral.burials.register', burialInput(p.id, { burialDate: '2026-03-02' }), w.manager);
    const kept = await w.t.must(
      'funeral.burials.keepSpousePlace',
      {
        plotId: p.id,
        spouseOfBurialId: husband.id,
        relation: 'spouse',
        name: wife.name,
        idNumber: residentIdOf(wife.birth, wife.sex, wife.serial),
        note: null,
      },
      w.manager,
    );
    expect((await plot('B区1排3号')).status).toBe('reserved');
    const released = await w.t.must(
      'funeral.burials.releaseSpousePlace',
      { reservationId: kept.id, reason: '配偶随子女迁居外省' },
      w.manager,
    );
    expect(released).toMatchObject({ status: 'released', releaseReason: '配偶随子女迁居外省' });
    const after = await w.t.must('funeral.plots.get', { id: p.id }, w.manager);
    expect(after).toMatchObject({ status: 'occupied', reservedPlaces: 0, remainingPlaces: 1 });
    expect(after.history.at(-1)!.reason).toBe('解除为 张桂英 保留的穴位：配偶随子女迁居外省');
  });
});

describe('residents only in public cemeteries', () => {
  const outsider = (plotId: number, reason: string | null) => {
    const input = burialInput(plotId, {
      name: '周外地',
      serial: '111',
      burialDate: '2026-03-02',
      residencyOverrideReason: reason,
    });
    return { ...input, deceased: { ...input.deceased, householdDivision: '500119001' } };
  };

  it('refuses a deceased registered outside the served divisions unless a reason is given, and audits the override', async () => {
    const p = await plot('A区2排1号');
    const refused = await w.t.call('funeral.burials.register', outsider(p.id, null), w.manager);
    expect(refused.ok ? 'ok' : refused.error).toMatchObject({ code: 'RULE_VIOLATION', field: 'residencyOverrideReason' });
    expect(refused.ok ? '' : refused.error.message).toContain('逝者户籍所在地 500119001 不在服务范围（500118101、500118102）内');
    const blank = await w.t.call('funeral.burials.register', outsider(p.id, ' '), w.manager);
    expect(blank.ok ? 'ok' : blank.error.field).toBe('residencyOverrideReason');
    expect((await plot('A区2排1号')).status).toBe('available');

    const ok = await w.t.must(
      'funeral.burials.register',
      outsider(p.id, '烈士家属，经区民政局批准（永民发〔2026〕3号）'),
      w.manager,
    );
    expect(ok).toMatchObject({ residency: 'override', residencyOverrideReason: '烈士家属，经区民政局批准（永民发〔2026〕3号）' });
    const override = auditRows(w.t, 'funeralBurial').find((a) => a.action === 'residencyOverride');
    expect(override).toMatchObject({ entity_id: String(ok.id), username: 'manager' });
    expect(override!.detail).toContain('原因：烈士家属，经区民政局批准');
  });

  it('a resident of a served village needs no reason; a commercial cemetery has no residency rule', async () => {
    const p = await plot('A区2排2号');
    expect(
      (await w.t.must('funeral.burials.register', burialInput(p.id, { burialDate: '2026-03-02' }), w.manager)).residency,
    ).toBe('resident');
    const commercial = await createCemetery(w, { name: '永川区福寿园经营性公墓', kind: 'commercial', servedDivisions: [] });
    await w.t.must('funeral.plots.generate', generateInput(commercial.id, { rowTo: 1, numberTo: 1 }), w.manager);
    const cp = await plotByLabel(w, commercial.id, 'A区1排1号');
    const b = await w.t.must('funeral.burials.register', outsider(cp.id, null), w.manager);
    expect(b.residency).toBe('notRequired');
  });
});

describe('urn capacity', () => {
  it('never puts more urns in a plot than it holds', async () => {
    const single = await plot('A区1排3号');
    await w.t.must('funeral.burials.register', burialInput(single.id, { burialDate: '2026-03-02' }), w.manager);
    const second = await w.t.call(
      'funeral.burials.register',
      burialInput(single.id, { name: '李二', serial: '121', burialDate: '2026-03-02' }),
      w.manager,
    );
    expect(second.ok ? 'ok' : second.error.message).toContain('该墓位可安放骨灰 1 份，已安放 1 份');
    const double = await plot('B区1排4号');
    await w.t.must(
      'funeral.burials.register',
      burialInput(double.id, { name: '甲一', serial: '131', burialDate: '2026-03-02' }),
      w.manager,
    );
    await w.t.must(
      'funeral.burials.register',
      burialInput(double.id, { name: '甲二', serial: '141', burialDate: '2026-03-02' }),
      w.manager,
    );
    const third = await w.t.call(
      'funeral.burials.register',
      burialInput(double.id, { name: '甲三', serial: '151', burialDate: '2026-03-02' }),
      w.manager,
    );
    expect(third.ok ? 'ok' : third.error.message).toContain('可安放骨灰 2 份，已安放 2 份');
    expect((await plot('B区1排4号')).urns).toBe(2);
    const blocked = await plot('A区1排4号');
    await w.t.must('funeral.plots.block', { id: blocked.id, reason: '维修' }, w.manager);
    const onBlocked = await w.t.call(
      'funeral.burials.register',
      burialInput(blocked.id, { name: '甲四', serial: '161', burialDate: '2026-03-02' }),
      w.manager,
    );
    expect(onBlocked.ok ? '' : onBlocked.error.message).toContain('已停用');
  });
});

describe('use period, expiry and renewal', () => {
  it('applies the use period in force on the burial date', async () => {
    await w.t.must(
      'funeral.usePeriods.add',
      { years: 30, effectiveFrom: '2026-06-01', basis: '市殡葬管理办法（修订）' },
      w.admin,
    );
    const forbidden = await w.t.call(
      'funeral.usePeriods.add',
      { years: 25, effectiveFrom: '2026-07-01', basis: '市文件' },
      w.manager,
    );
    expect(forbidden.ok ? 'ok' : forbidden.error.code).toBe('FORBIDDEN');
    await w.moveTo('2026-06-01');
    const before = await w.t.must(
      'funeral.burials.register',
      burialInput((await plot('A区1排1号')).id, { burialDate: '2026-05-31' }),
      w.manager,
    );
    const after = await w.t.must(
      'funeral.burials.register',
      burialInput((await plot('A区1排2号')).id, { name: '李二', serial: '121', burialDate: '2026-06-01' }),
      w.manager,
    );
    expect([before.useYears, before.expiresOn]).toEqual([20, '2046-05-31']);
    expect([after.useYears, after.expiresOn]).toEqual([30, '2056-06-01']);
    const periods = await w.t.must('funeral.usePeriods.list', {}, w.manager);
    expect(periods.map((p) => [p.years, p.inForce, p.isSample])).toEqual([
      [30, true, false],
      [20, false, true],
    ]);
  });

  it('expires the plot the day after the period ends, lists it, and a renewal continues from the old end', async () => {
    const p = await plot('A区1排5号');
    const b = await w.t.must('funeral.burials.register', burialInput(p.id, { burialDate: '2026-03-02' }), w.manager);

    await w.moveTo('2045-12-20');
    const soon = await w.t.must('funeral.burials.expiring', { months: 3, cemeteryId: null }, w.manager);
    expect(soon.rows.map((r) => [r.plotLabel, r.expiresOn, r.daysLeft, r.expired])).toEqual([
      ['A区1排5号', '2046-03-02', 72, false],
    ]);
    expect(soon.rows[0]!.holderIdNumber).toMatch(/^500118\*{8}\w{4}$/);
    expect((await w.t.must('funeral.burials.expiring', { months: 2, cemeteryId: null }, w.manager)).rows).toEqual([]);

    await w.moveTo('2046-03-02');
    expect((await plot('A区1排5号')).status).toBe('occupied');
    await w.moveTo('2046-03-03');
    const lapsed = await w.t.must('funeral.plots.get', { id: p.id }, w.manager);
    expect(lapsed.status).toBe('expired');
    expect(lapsed.history.at(-1)).toMatchObject({ from: 'occupied', to: 'expired', username: '系统' });
    expect(lapsed.history.at(-1)!.reason).toBe('使用期限已于 2046-03-02 届满，未办理续期');
    const overdue = await w.t.must('funeral.burials.expiring', { months: 1, cemeteryId: null }, w.manager);
    expect(overdue.rows[0]).toMatchObject({ expired: true, daysLeft: -1 });

    const tooLong = await w.t.call(
      'funeral.burials.renew',
      { id: b.id, years: 25, feeFen: 0, payerName: '王建国', note: null },
      w.manager,
    );
    expect(tooLong.ok ? '' : tooLong.error.message).toContain('每次续期不超过现行使用期限 20 年');

    await w.moveTo('2046-04-10'); // renewed late: no gap, the period continues from 2046-03-02
    const renewed = await w.t.must(
      'funeral.burials.renew',
      { id: b.id, years: 10, feeFen: 300_000, payerName: '王建国', note: null },
      w.manager,
    );
    expect(renewed).toMatchObject({ expiresOn: '2056-03-02', expired: false });
    expect(renewed.renewals).toEqual([
      expect.objectContaining({
        years: 10,
        fromExpiry: '2046-03-02',
        toExpiry: '2056-03-02',
        renewedOn: '2046-04-10',
        feeFen: 300_000,
      }),
    ]);
    const back = await w.t.must('funeral.plots.get', { id: p.id }, w.manager);
    expect(back).toMatchObject({ status: 'occupied', useExpiresOn: '2056-03-02' });
    expect(back.history.at(-1)).toMatchObject({ from: 'expired', to: 'occupied', reason: '王德明 续期 10 年至 2056-03-02' });
    expect(auditRows(w.t, 'funeralBurial').at(-1)!.detail).toBe('续期 10 年：2046-03-02 → 2056-03-02（逾期续期）');

    const ahead = await w.t.call(
      'funeral.burials.renew',
      { id: b.id, years: 20, feeFen: 0, payerName: '王建国', note: null },
      w.manager,
    );
    expect(ahead.ok ? '' : ahead.error.message).toContain('超过自今日起 20 年');
  });

  it('an expired plot takes no further burial until renewed', async () => {
    const p = await plot('B区1排5号');
    await w.t.must('funeral.burials.register', burialInput(p.id, { burialDate: '2026-03-02' }), w.manager);
    await w.moveTo('2046-06-01');
    const r = await w.t.call(
      'funeral.burials.register',
      burialInput(p.id, { ...wife, burialDate: '2046-06-01', deathDate: '2046-05-28' }),
      w.manager,
    );
    expect(r.ok ? '' : r.error.message).toContain('使用期限已于 2046-03-02 届满，须先由使用权人办理续期');
  });
});

describe('search', () => {
  beforeEach(async () => {
    const people: [string, string, string][] = [
      ['A区1排1号', '欧阳明华', '201'],
      ['A区1排2号', '王小明', '203'],
      ['A区1排3号', '明兰', '205'],
      ['A区1排4号', '陈志强', '207'],
    ];
    for (const [label, name, serial] of people)
      await w.t.must(
        'funeral.burials.register',
        burialInput((await plot(label)).id, { name, serial, burialDate: '2026-03-02' }),
        w.manager,
      );
  });
  const find = async (query: string) =>
    (await w.t.must('funeral.burials.search', { query, cemeteryId: null }, w.manager)).map((r) => r.deceasedName);

  it('finds by name beginning, by any part of the name, by holder, ID number, certificate number and plot label', async () => {
    expect(await find('欧阳')).toEqual(['欧阳明华']);
    expect(new Set(await find('明'))).toEqual(new Set(['明兰', '王小明', '欧阳明华']));
    expect((await find('明'))[0]).toBe('明兰'); // beginning of the name first
    expect(await find('小明')).toEqual(['王小明']);
    expect(await find('阳明华')).toEqual(['欧阳明华']);
    expect(await find('王建国')).toHaveLength(4); // rights holder
    expect(await find(residentIdOf('1940-05-06', 'male', '205'))).toEqual(['明兰']);
    expect(await find('gmaz-2026-000004')).toEqual(['陈志强']);
    expect(await find('A区1排2号')).toEqual(['王小明']);
    expect(await find('A区 1 排 3 号')).toEqual(['明兰']);
    expect(await find('无此人')).toEqual([]);
  });

  it('masks ID numbers in the list and shows them in full on the record', async () => {
    const [row] = await w.t.must('funeral.burials.search', { query: '陈志强', cemeteryId }, w.manager);
    expect(row!.deceasedIdNumber).toBe('500118********' + residentIdOf('1940-05-06', 'male', '207').slice(-4));
    expect(row!.holderIdNumber).not.toContain('19680912');
    const full = await w.t.must('funeral.burials.get', { id: row!.id }, w.manager);
    expect(full.deceased.idNumber).toBe(residentIdOf('1940-05-06', 'male', '207'));
  });
});

describe('burialFacts (for the subsidies area)', () => {
  it('returns what a subsidy application is checked against, or null', async () => {
    const p = await plot('A区2排3号');
    const b = await w.t.must(
      'funeral.burials.register',
      burialInput(p.id, { burialDate: '2026-03-02', deathDate: '2026-02-25' }),
      w.manager,
    );
    expect(burialFacts(w.t.app, b.id)).toEqual({
      id: b.id,
      cemeteryId,
      cemeteryName: '永川区松柏公益性公墓',
      plotLabel: 'A区2排3号',
      deceasedName: '王德明',
      deceasedIdNumber: residentIdOf('1940-05-06', 'male'),
      deceasedHousehold: '500118101201',
      deathDate: '2026-02-25',
      cremationDate: '2026-02-25',
      burialDate: '2026-03-02',
      form: 'traditional',
    });
    expect(burialFacts(w.t.app, 999)).toBeNull();
  });
});
