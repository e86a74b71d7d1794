import { userWithRoles } from '../../helpers/app';
import { burialInput, createCemetery, generateInput, plotByLabel } from './cemeteries-fixture';
import { applicationInput, approved, subsidyWorld, withPolicies, type SubsidyWorld } from './subsidies-fixture';
import { deceasedId, waiverInput } from './waivers-fixture';

// A small known world for the funeral indicators, made through the real services on 2026-03-10 by
// the people who do each step: three cemeteries (two public, one commercial), burials on both sides
// of month and year boundaries, scatterings known only from subsidy applications, subsidies in four
// statuses, fee waivers in two categories (and one voided), and five townships.
//
// Expected figures (sample counting definition: every form but 墓穴安葬 is eco):
//   2026 (to 03-10): cemetery burials 6 (Jan 1: trad; Feb 4: tree, trad, lawn, trad@commercial;
//     Mar 1: niche) + plotless 2 (sea Feb, river Mar; the refused deep burial not counted) = 8,
//     eco 5 (tree, lawn, niche, sea, river) → 62.50 %.
//   Feb 2026: 4 + 1 = 5, eco 3 → 60.00 %.  Jan 2026: 1, eco 0 → 0.00 %.  Dec 2025: 1.
//   Coverage: 101 (松柏), 102 (松柏 and 青峰 through a village: once), 103 (青峰) of 5;
//     104 only by the commercial 永川陵园, 105 by none → 3 / 5 = 60.00 %; 青峰 also serves 106,
//     which the list lacks.
//   Subsidies received 2026-03-10: tree ¥3,000 paid, sea ¥6,000 approved, river ¥3,000 awaiting
//     street review, deep burial ¥3,000 refused.
//   Waivers recorded 2026-03-10: 低保 ×2 (¥1,150 each, waived in full), 本地户籍居民 ×1 (¥1,250,
//     ¥1,150 waived), 特困 ×1 voided.

export const TODAY = '2026-03-10';

export const PUBLIC_A = '永川区松柏公益性公墓';
export const PUBLIC_B = '永川区青峰公益性公墓';
export const COMMERCIAL = '永川陵园';

export interface ReportsWorld extends SubsidyWorld {
  clerk: string;
  burialIds: Record<'b1' | 'b2' | 'b3' | 'b4' | 'b5' | 'b6' | 'b7', number>;
}

export async function reportsWorld(): Promise<ReportsWorld> {
  const w = (await subsidyWorld(TODAY)) as ReportsWorld;
  const { t } = w;
  const s = await t.must('settings.get', {}, w.admin);
  await t.must('settings.update', { ...s, officeName: '永川区民政局', divisionCode: '500118' }, w.admin);
  w.clerk = await userWithRoles(t, w.admin, 'clerk', ['marriageClerk']);

  // Cemeteries and plots (the cemetery manager).
  const a = await createCemetery(w, { name: PUBLIC_A, servedDivisions: ['500118101', '500118102'] });
  const b = await createCemetery(w, {
    name: PUBLIC_B,
    kind: 'urbanPublic',
    divisionCode: '500118103',
    servedDivisions: ['500118102001', '500118103', '500118106'],
  });
  const c = await createCemetery(w, {
    name: COMMERCIAL,
    kind: 'commercial',
    divisionCode: '500118104',
    servedDivisions: ['500118104'],
  });
  await t.must('funeral.plots.generate', generateInput(a.id, { rowTo: 1, numberTo: 4 }), w.manager);
  await t.must(
    'funeral.plots.generate',
    generateInput(a.id, { sectionCode: 'T', rowTo: 1, numberTo: 2, plotType: 'tree' }),
    w.manager,
  );
  await t.must(
    'funeral.plots.generate',
    generateInput(b.id, { sectionCode: 'L', rowTo: 1, numberTo: 2, plotType: 'lawn' }),
    w.manager,
  );
  await t.must(
    'funeral.plots.generate',
    generateInput(b.id, { sectionCode: 'N', rowTo: 1, numberTo: 2, plotType: 'niche', urnCapacity: 2 }),
    w.manager,
  );
  await t.must('funeral.plots.generate', generateInput(c.id, { sectionCode: 'S', rowTo: 1, numberTo: 2 }), w.manager);

  // Burials (the cemetery manager), on both sides of the month and year boundaries.
  const bury = async (
    cemeteryId: number,
    label: string,
    o: {
      name: string;
      serial: string;
      deathDate: string;
      burialDate: string;
      form: 'traditional' | 'tree' | 'lawn' | 'niche';
      household?: string;
    },
  ) => {
    const plot = await plotByLabel(w, cemeteryId, label);
    const input = burialInput(plot.id, {
      name: o.name,
      serial: o.serial,
      deathDate: o.deathDate,
      burialDate: o.burialDate,
      form: o.form,
    });
    if (o.household) input.deceased.householdDivision = o.household;
    return (await t.must('funeral.burials.register', input, w.manager)).id;
  };
  w.burialIds = {
    b1: await bury(a.id, 'A区1排1号', {
      name: '赵德明',
      serial: '011',
      deathDate: '2026-01-25',
      burialDate: '2026-01-31',
      form: 'traditional',
    }),
    b2: await bury(a.id, 'T区1排1号', {
      name: '李德明',
      serial: '013',
      deathDate: '2026-01-20',
      burialDate: '2026-02-01',
      form: 'tree',
    }),
    b3: await bury(a.id, 'A区1排2号', {
      name: '钱德明',
      serial: '015',
      deathDate: '2026-02-20',
      burialDate: '2026-02-28',
      form: 'traditional',
    }),
    b4: await bury(b.id, 'L区1排1号', {
      name: '孙德明',
      serial: '017',
      deathDate: '2026-02-10',
      burialDate: '2026-02-15',
      form: 'lawn',
      household: '500118103201',
    }),
    b5: await bury(b.id, 'N区1排1号', {
      name: '周德明',
      serial: '019',
      deathDate: '2026-02-25',
      burialDate: '2026-03-01',
      form: 'niche',
      household: '500118103202',
    }),
    b6: await bury(a.id, 'A区1排3号', {
      name: '吴德明',
      serial: '021',
      deathDate: '2025-12-20',
      burialDate: '2025-12-31',
      form: 'traditional',
    }),
    b7: await bury(c.id, 'S区1排1号', {
      name: '郑德明',
      serial: '023',
      deathDate: '2026-02-05',
      burialDate: '2026-02-10',
      form: 'traditional',
      household: '500106001001',
    }),
  };

  // Subsidies received today (street reviewer), decided by the district approver.
  await withPolicies(w, 2);
  const sea = await approved(
    w,
    applicationInput({ name: '冯德明', serial: '031', deathDate: '2026-02-10', burialDate: '2026-02-20' }),
  );
  await t.must(
    'funeral.subsidies.apply',
    applicationInput({
      name: '陈德明',
      serial: '033',
      form: 'riverScattering',
      deathDate: '2026-03-01',
      burialDate: '2026-03-05',
    }),
    w.reviewer,
  );
  const deep = await t.must(
    'funeral.subsidies.apply',
    applicationInput({ name: '褚德明', serial: '035', form: 'deepBurial', deathDate: '2026-02-25', burialDate: '2026-03-03' }),
    w.reviewer,
  );
  await t.must(
    'funeral.subsidies.review',
    { id: deep.id, decision: 'reject', reason: '经核实未按深埋不留坟头方式安葬' },
    w.reviewer,
  );
  const tree = await approved(
    w,
    applicationInput({
      name: '李德明',
      serial: '013',
      form: 'tree',
      deathDate: '2026-01-20',
      burialDate: '2026-02-01',
      burialId: w.burialIds.b2,
    }),
  );
  const batch = await t.must('funeral.subsidies.batches.create', { title: '2026年第1批', applicationIds: [tree.id] }, w.approver);
  await t.must('funeral.subsidies.batches.markPaid', { id: batch.id, paidOn: TODAY, reference: 'ZF20260310001' }, w.approver);
  if (sea.status !== 'approved') throw new Error(`sea application is ${sea.status}`);

  // Fee waivers recorded today (street reviewer), at one funeral home of the district approver.
  const home = await t.must(
    'funeral.waivers.saveHome',
    { id: null, name: '永川区殡仪馆', divisionCode: '500118', contact: null, phone: null, active: true },
    w.approver,
  );
  const waiver = (birth: string, serial: string, over: Parameters<typeof waiverInput>[1] = {}) =>
    t.must(
      'funeral.waivers.record',
      waiverInput(home.id, { deceasedIdNumber: deceasedId(birth, serial), deathDate: '2026-03-01', ...over }),
      w.reviewer,
    );
  await waiver('19400312', '013');
  await waiver('19410312', '015', { deceasedName: '张德华' });
  await waiver('19420312', '017', {
    deceasedName: '张德才',
    categoryCode: 'localResident',
    evidenceRef: '户口簿 500118001',
    lines: [
      { itemCode: 'bodyTransport', quantity: 1, actualFen: 60000 },
      { itemCode: 'cremation', quantity: 1, actualFen: 65000 },
    ],
  });
  const voided = await waiver('19430312', '019', {
    deceasedName: '张德贵',
    categoryCode: 'extremePoverty',
    evidenceRef: '特困 2020-01',
  });
  await t.must('funeral.waivers.void', { id: voided.id, reason: '重复登记' }, w.reviewer);

  // The district's townships (district approver).
  for (const [code, name] of [
    ['500118101', '胜利路街道'],
    ['500118102', '中山路街道'],
    ['500118103', '卫星湖街道'],
    ['500118104', '茶山竹海街道'],
    ['500118105', '南大街街道'],
  ] as const)
    await t.must('funeral.reports.townships.save', { code, name }, w.approver);
  return w;
}
