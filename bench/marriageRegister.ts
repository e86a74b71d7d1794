import { closeApp, type AppContext } from '../main/core/app';
import { dispatch } from '../main/core/dispatch';
import type { ChannelName, InputOf, OutputOf } from '../main/core/contract';
import { localTodayIso } from '../main/core/idnumber/dates';
import { residentIdCheckChar } from '../main/core/idnumber/residentId';
import type { PartyInput } from '../main/marriage/contract';
import { openBenchApp } from './core';
import { median, round, type BenchResult } from './measure';

// Registration and certificate printing on top of the generated register (run after the search
// bench has filled `dataDir`): every call goes through dispatch exactly as the counter's does —
// session, permission, zod, the checks against the register (bigamy, blacklist), the number drawn
// in the same transaction, the audit entry, fsync on commit.

async function must<C extends ChannelName>(app: AppContext, c: C, input: InputOf<C>, token?: string): Promise<OutputOf<C>> {
  const r = await dispatch(app, c, input, token);
  if (!r.ok) throw new Error(`${c}: ${r.error.message}`);
  return r.value as OutputOf<C>;
}

async function clerkToken(app: AppContext): Promise<string> {
  const admin = await must(app, 'setup.createAdmin', { username: 'admin', displayName: '管理员', password: 'Admin1234' });
  const s = await must(app, 'settings.get', {}, admin.token);
  await must(app, 'settings.update', { ...s, divisionCode: '500118' }, admin.token);
  const roles = ['marriageClerk' as const];
  await must(app, 'users.create', { username: 'clerk', displayName: '窗口', roles, password: 'Initial123' }, admin.token);
  const first = await must(app, 'auth.login', { username: 'clerk', password: 'Initial123' });
  await must(app, 'auth.changePassword', { currentPassword: 'Initial123', newPassword: 'Passw0rd9' }, first.token);
  return first.token;
}

// Area 500118 with birth years 1990–1999: the generated register uses other area codes, so every
// couple here is new to the register and passes the bigamy check by looking, not by luck.
function party(i: number, sex: 'male' | 'female'): PartyInput {
  const birth = `${1990 + (i % 10)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (Math.floor(i / 12) % 28)).padStart(2, '0')}`;
  const serial = String(((Math.floor(i / 336) % 499) * 2 + (sex === 'male' ? 1 : 0)) % 1000).padStart(3, '0');
  const first17 = `500118${birth.replaceAll('-', '')}${serial}`;
  return {
    name: sex === 'male' ? `测男${i}` : `测女${i}`,
    sex,
    documentType: 'residentId',
    documentNumber: first17 + residentIdCheckChar(first17),
    birthDate: birth,
    nationality: 'CHN',
    ethnicCode: '01',
    priorStatus: '10',
    priorEvidence: null,
    occupation: null,
    phone: null,
    address: null,
    householdProvince: '50',
    declarations: { voluntary: true, noSpouse: true, noProhibitedKinship: true, illnessDisclosed: true },
  };
}

export async function benchMarriageRegister(dataDir: string, count: number, pdfRuns: number): Promise<BenchResult[]> {
  const app = openBenchApp(dataDir);
  try {
    const token = await clerkToken(app);
    const today = localTodayIso(app.clock.now());
    const ids: number[] = [];
    const t0 = performance.now();
    for (let i = 0; i < count; i++) {
      const reg = await must(
        app,
        'marriage.register',
        { registrationDate: today, parties: [party(i, 'male'), party(i, 'female')] },
        token,
      );
      ids.push(reg.id);
    }
    const perSecond = count / ((performance.now() - t0) / 1000);

    const pdf = () => must(app, 'marriage.documents.certificate', { id: ids[0]!, mode: 'preview', printer: null }, token);
    await pdf(); // fonts parsed and subset caches filled: the counter prints many per day
    const times: number[] = [];
    for (let i = 0; i < pdfRuns; i++) {
      const t = performance.now();
      await pdf();
      times.push(performance.now() - t);
    }
    return [
      { id: 'marriage.register.per_s', value: Math.round(perSecond), unit: 'per_s', n: count, target: '≥ 200' },
      { id: 'marriage.certificate_pdf.ms', value: round(median(times)), unit: 'ms', n: pdfRuns, target: '≤ 50' },
    ];
  } finally {
    closeApp(app);
  }
}
