import { closeApp, type AppContext } from '../main/core/app';
import { permissionsOf } from '../main/core/contract';
import type { HandlerContext } from '../main/core/handler';
import { createCemetery, generatePlots } from '../main/funeral/cemeteries/service';
import { indicators, indicatorsPdf } from '../main/funeral/reports/service';
import { saveTownship } from '../main/funeral/reports/settingsService';
import { loadSamplePolicies } from '../main/funeral/subsidies/policyService';
import { openBenchApp } from './core';
import { generateBurials } from './funeralBurials';
import { median, round, samples, type BenchResult } from './measure';

// The funeral indicators of a year through the service layer, as the statistics screen asks for
// them, over the burials bench/funeralBurials.ts generates (300,000 over 2005–2025), reshaped so
// every category has data: four cemeteries (two rural public, an urban public columbarium, a
// commercial one), burial dates over every month and day, forms following the plot types (about
// 40 % eco burials); subsidy applications for half the eco burials plus plotless scatterings (one
// in fifty burials), fee waivers for one deceased in three, and 20 townships. The other areas'
// rows go in through SQL (their speed is not what is measured); the figures are read through the
// services exactly as the screen reads them, then serialised as they cross IPC / HTTP.

const ctxOf = (app: AppContext): HandlerContext => ({
  app,
  session: null,
  user: null,
  permissions: permissionsOf(['funeralApprover', 'cemeteryManager']),
  actor: { userId: null, username: 'bench' },
});

/** Three more cemeteries with a section each, via the cemeteries service; returns [id, first plot, plots]. */
function moreCemeteries(app: AppContext): [number, number, number][] {
  const ctx = ctxOf(app);
  const made: [number, number, number][] = [];
  const specs = [
    { name: '永川区青峰公益性公墓', kind: 'ruralPublic', served: ['500118102', '500118103001'], type: 'tree' },
    { name: '永川区城区公益性骨灰堂', kind: 'urbanPublic', served: ['500118001', '500118002', '500118003'], type: 'niche' },
    { name: '永川陵园', kind: 'commercial', served: [], type: 'single' },
  ] as const;
  for (const s of specs) {
    const c = createCemetery(ctx, {
      name: s.name,
      kind: s.kind,
      divisionCode: '500118102',
      servedDivisions: [...s.served],
      address: null,
      phone: null,
      note: null,
    });
    const g = generatePlots(ctx, {
      cemeteryId: c.id,
      sectionCode: 'A',
      rowFrom: 1,
      rowTo: 20,
      numberFrom: 1,
      numberTo: 100,
      plotType: s.type,
      areaM2: 0.5,
      urnCapacity: 1,
      feeFen: 500_000,
    });
    const r = app.db.prepare('SELECT min(id) AS lo, count(*) AS n FROM funeral_plots WHERE section_id = ?').get(g.sectionId) as {
      lo: number;
      n: number;
    };
    made.push([c.id, r.lo, r.n]);
  }
  return made;
}

/** Spreads the generator's burials (one day a year, one cemetery, all traditional) as described above. */
function diversify(app: AppContext, firstCemetery: number, more: [number, number, number][]): void {
  const h = (x: string) => `((${x} * 2654435761) % 4294967296)`;
  const pick = `${h('id')} / 7 % 100`; // 0–99: which cemetery
  const [tree, niche, commercial] = more;
  const to = (c: [number, number, number]) => `${c[1]} + ${h('id')} % ${c[2]}`;
  app.db.exec(`
    UPDATE funeral_burials SET
      burial_date = substr(burial_date, 1, 5) || printf('%02d-%02d', 1 + ${h('id')} % 12, 1 + ${h('id')} / 12 % 28),
      death_date = substr(burial_date, 1, 5) || printf('%02d-%02d', 1 + ${h('id')} % 12, 1 + ${h('id')} / 12 % 28),
      cemetery_id = CASE WHEN ${pick} < 45 THEN ${firstCemetery} WHEN ${pick} < 60 THEN ${tree![0]}
        WHEN ${pick} < 85 THEN ${niche![0]} ELSE ${commercial![0]} END,
      plot_id = CASE WHEN ${pick} < 45 THEN plot_id WHEN ${pick} < 60 THEN ${to(tree!)}
        WHEN ${pick} < 85 THEN ${to(niche!)} ELSE ${to(commercial!)} END,
      form = CASE WHEN ${pick} < 45 THEN 'traditional' WHEN ${pick} < 60 THEN 'tree'
        WHEN ${pick} < 85 THEN 'niche' ELSE 'traditional' END;
  `);
}

function subsidiesAndWaivers(app: AppContext): void {
  loadSamplePolicies(ctxOf(app));
  const policy = (app.db.prepare('SELECT min(id) AS id FROM subsidy_policy_versions').get() as { id: number }).id;
  const columns = `number, status, receipt_date, policy_version_id, form, burial_date, burial_id, plot_label, deceased_name,
    deceased_id_number, deceased_household, death_date, applicant_name, applicant_id_number, applicant_relation, applicant_phone,
    bank_account_name, bank_name, bank_account_number, required_documents, submitted_documents, family_fen, cemetery_fen,
    deadline_base, deadline_rule, deadline_base_date, deadline_last_day, rejection_reason, created_at, updated_at`;
  const status = `CASE id % 10 WHEN 0 THEN 'rejected' WHEN 1 THEN 'pendingReview' WHEN 2 THEN 'pendingApproval' ELSE 'approved' END`;
  const common = `'家属', '500118197001010011', '子女', '13800000000', '家属', '银行', '6222000000000000', '[]', '[]'`;
  app.db.exec(`
    INSERT INTO subsidy_applications (${columns})
    SELECT 'JB-' || id, ${status}, burial_date, ${policy}, form, burial_date, id, plot_label, deceased_name, 'S' || id,
      household_division, death_date, ${common}, 300000, 0, 'burial', '60日', burial_date, '2099-12-31',
      CASE WHEN id % 10 = 0 THEN '材料不符' END, 't', 't'
    FROM funeral_burials WHERE form <> 'traditional' AND id % 2 = 0;

    INSERT INTO subsidy_applications (${columns})
    SELECT 'JBP-' || id, ${status}, burial_date, ${policy},
      CASE id % 3 WHEN 0 THEN 'seaScattering' WHEN 1 THEN 'riverScattering' ELSE 'deepBurial' END,
      burial_date, NULL, NULL, deceased_name, 'P' || id, household_division, death_date, ${common}, 500000, 0, 'death', '5年',
      death_date, '2099-12-31', CASE WHEN id % 10 = 0 THEN '材料不符' END, 't', 't'
    FROM funeral_burials WHERE id % 50 = 1;

    INSERT INTO funeral_homes (id, name, division_code, created_at, updated_at) VALUES (1, '永川区殡仪馆', '500118', 't', 't');
    INSERT INTO funeral_waivers (number, status, deceased_name, deceased_id_number, deceased_sex, deceased_birth_date,
      household_division, death_date, version_id, category_code, funeral_home_id, computation, actual_fen, waived_fen, cap_fen,
      recorded_on, created_at, updated_at)
    SELECT 'HM-' || id, 'recorded', deceased_name, 'W' || id, 'male', '1930-01-01', household_division, death_date, 1,
      CASE id % 4 WHEN 0 THEN 'minimumLiving' WHEN 1 THEN 'extremePoverty' WHEN 2 THEN 'specialCare' ELSE 'localResident' END,
      1, '{}', 180000, 150000, 178000, death_date, 't', 't'
    FROM funeral_burials WHERE (id * 2654435761) % 4294967296 % 3 = 0; -- not id % 3: the generator's year is id % 21
  `);
}

export async function benchFuneralReports(
  dataDir: string,
  o: { rows: number; numbers: number; burials: number },
): Promise<BenchResult[]> {
  let app = openBenchApp(dataDir);
  const { cemeteryId } = generateBurials(app, o);
  diversify(app, cemeteryId, moreCemeteries(app));
  subsidiesAndWaivers(app);
  for (let i = 1; i <= 20; i++) saveTownship(ctxOf(app), { code: `500118${String(i).padStart(3, '0')}`, name: `第${i}街道` });
  closeApp(app);
  app = openBenchApp(dataDir); // steady state: statistics gathered at open
  try {
    const ctx = ctxOf(app);
    const year = { year: 2025, month: null };
    const serialise = (v: unknown) => JSON.stringify({ ok: true, value: v }).length;
    const check = indicators(ctx, year);
    if (check.burials.total === 0 || check.subsidies.count === 0 || check.waivers.count === 0)
      throw new Error(
        `the generated year has no figures: ${check.burials.total} / ${check.subsidies.count} / ${check.waivers.count}`,
      );
    for (let i = 0; i < 2; i++) serialise(indicators(ctx, year)); // warm statement cache
    const yearTimes = await samples(10, () => serialise(indicators(ctx, year)));
    const monthTimes = await samples(10, () => serialise(indicators(ctx, { year: 2025, month: 6 })));
    await indicatorsPdf(ctx, year); // fonts loaded once
    const pdfTimes = await samples(3, () => indicatorsPdf(ctx, year));
    return [
      { id: 'funeral.indicators_year.ms', value: round(median(yearTimes)), unit: 'ms', n: o.burials, target: '≤ 1,000' },
      { id: 'funeral.indicators_month.ms', value: round(median(monthTimes)), unit: 'ms', n: o.burials },
      { id: 'funeral.indicators_year_pdf.ms', value: round(median(pdfTimes)), unit: 'ms', n: o.burials },
    ];
  } finally {
    closeApp(app);
  }
}
