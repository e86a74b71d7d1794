import { closeApp, type AppContext } from '../main/core/app';
import { addDays } from '../main/core/calendar/civilDate';
import { permissionsOf, type ChannelName, type InputOf, type OutputOf } from '../main/core/contract';
import { dispatch } from '../main/core/dispatch';
import type { HandlerContext } from '../main/core/handler';
import { localTodayIso } from '../main/core/idnumber/dates';
import { residentIdCheckChar } from '../main/core/idnumber/residentId';
import { createBatch } from '../main/funeral/subsidies/batchService';
import { applicationInputSchema } from '../main/funeral/subsidies/contract';
import { applyForSubsidy, districtApproval, streetReview } from '../main/funeral/subsidies/service';
import { openBenchApp } from './core';
import { median, round, type BenchResult } from './measure';

// The payment roster of a batch (花名册), timed through dispatch exactly as the approver's screen
// asks for it: permission, the batch read, masking by role, the PDF, the audit entry. Each timed
// render is the first one of a freshly built batch of distinct people (no text shaped before), after
// one small roster has warmed the fonts. The applications themselves are made through the service
// functions in one transaction (their speed is not what is measured here).

async function must<C extends ChannelName>(app: AppContext, c: C, input: InputOf<C>, token?: string): Promise<OutputOf<C>> {
  const r = await dispatch(app, c, input, token);
  if (!r.ok) throw new Error(`${c}: ${r.error.message}`);
  return r.value as OutputOf<C>;
}

async function user(app: AppContext, admin: string, username: string, role: 'funeralReviewer' | 'funeralApprover') {
  const u = await must(app, 'users.create', { username, displayName: username, roles: [role], password: 'Initial123' }, admin);
  const first = await must(app, 'auth.login', { username, password: 'Initial123' });
  await must(app, 'auth.changePassword', { currentPassword: 'Initial123', newPassword: 'Passw0rd9' }, first.token);
  const ctx: HandlerContext = {
    app,
    session: null,
    user: null,
    permissions: permissionsOf([role]),
    actor: { userId: u.id, username },
  };
  return { token: first.token, ctx };
}

/** A deceased resident of 西安市莲湖区 (sample policy area 610100), distinct for every k < 6720. */
function seaScattering(k: number, today: string) {
  const birth = `${1930 + (k % 20)}${String(1 + (Math.floor(k / 20) % 12)).padStart(2, '0')}${String(1 + (Math.floor(k / 240) % 28)).padStart(2, '0')}`;
  const first17 = `610104${birth}011`;
  return applicationInputSchema.parse({
    areaCode: '610100',
    form: 'seaScattering',
    burialId: null,
    burialDate: addDays(today, -10),
    deceased: {
      name: `测逝者${k}`,
      idNumber: first17 + residentIdCheckChar(first17),
      household: '610104007001',
      deathDate: addDays(today, -32),
      cremationDate: addDays(today, -30),
    },
    applicant: { name: `测家属${k}`, idNumber: '61010419700101011X', relation: '子女', phone: '13800000000' },
    bank: {
      accountName: `测家属${k}`,
      bankName: '中国工商银行西安莲湖支行',
      accountNumber: `6222021${String(100000000000 + k * 7919)}`,
    },
    documents: ['奖补申请表', '申请人身份证', '死亡证明', '火化证明', '骨灰撒散证明', '户籍注销证明'],
  });
}

export async function benchFuneralSubsidies(dataDir: string, rows: number, batches: number): Promise<BenchResult[]> {
  const app = openBenchApp(dataDir);
  try {
    const admin = (await must(app, 'setup.createAdmin', { username: 'admin', displayName: '管理员', password: 'Admin1234' }))
      .token;
    const reviewer = await user(app, admin, 'reviewer', 'funeralReviewer');
    const approver = await user(app, admin, 'approver', 'funeralApprover');
    await must(app, 'funeral.subsidies.policies.loadSample', {}, approver.token);
    const today = localTodayIso(app.clock.now());

    let k = 0;
    const batchOf = (count: number, title: string): number =>
      app.db.transaction(() => {
        const ids: number[] = [];
        for (let i = 0; i < count; i++) {
          const a = applyForSubsidy(reviewer.ctx, seaScattering(k++, today));
          streetReview(reviewer.ctx, { id: a.id, decision: 'pass', reason: null });
          districtApproval(approver.ctx, { id: a.id, decision: 'approve', reason: null });
          ids.push(a.id);
        }
        return createBatch(approver.ctx, { title, applicationIds: ids }).id;
      })();

    const roster = (batchId: number) => must(app, 'funeral.subsidies.roster.pdf', { batchId }, approver.token);
    await roster(batchOf(30, '预热批次')); // fonts parsed once per process, as on the approver's PC
    const times: number[] = [];
    let pages = 0;
    for (let b = 0; b < batches; b++) {
      const id = batchOf(rows, `测试批次${b + 1}`);
      const t = performance.now();
      const file = await roster(id);
      times.push(performance.now() - t);
      pages = Number(
        /\/Type\s*\/Pages[^>]*\/Count\s+(\d+)/.exec(Buffer.from(file.base64, 'base64').toString('latin1'))?.[1] ?? 0,
      );
    }
    if (pages < 2) throw new Error('roster bench: expected a multi-page roster');
    return [
      { id: 'funeral.payment_roster_pdf.ms', value: round(median(times)), unit: 'ms', n: rows, target: '≤ 2000 (1,000 rows)' },
    ];
  } finally {
    closeApp(app);
  }
}
