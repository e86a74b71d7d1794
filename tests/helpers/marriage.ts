import type { manualClock } from '../../main/core/clock';
import { residentIdCheckChar } from '../../main/core/idnumber/residentId';
import type { PartyInput } from '../../main/marriage/contract';
import { setupAdmin, USER_PASSWORD, type TestApp } from './app';

// Shared builders for the marriage tests: valid ID numbers, parties, the registry's settings, days.

/**
 * A valid resident ID of 重庆市永川区 (500118) for a birth date ('YYYY-MM-DD' or 'YYYYMMDD'). The
 * 3-digit serial's parity carries the sex (odd = male); pass a serial to get another person born
 * the same day, or one whose number contradicts the sex typed.
 */
export function residentIdOf(birth: string, sex: 'male' | 'female', serial = sex === 'male' ? '013' : '024'): string {
  const first17 = `500118${birth.replaceAll('-', '')}${serial}`;
  return first17 + residentIdCheckChar(first17);
}

/** A mainland party with every declaration confirmed; override any field. */
export function partyInput(over: Partial<PartyInput> & Pick<PartyInput, 'name' | 'sex' | 'birthDate'>): PartyInput {
  return {
    documentType: 'residentId',
    documentNumber: residentIdOf(over.birthDate, over.sex),
    nationality: 'CHN',
    ethnicCode: '01',
    priorStatus: '10',
    priorEvidence: null,
    occupation: null,
    phone: null,
    address: null,
    householdProvince: '50',
    declarations: { voluntary: true, noSpouse: true, noProhibitedKinship: true, illnessDisclosed: true },
    ...over,
  };
}

export const partyOf = (name: string, sex: 'male' | 'female', birthDate: string, over: Partial<PartyInput> = {}): PartyInput =>
  partyInput({ name, sex, birthDate, ...over });

/** Noon on a civil date in the machine's time zone: the registry's "today" whatever TZ CI runs in. */
export function localNoon(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(y!, m! - 1, d!, 12, 0, 0);
}

/** Sets the registry's division code (part of every certificate number). */
export async function setDivision(t: TestApp, adminToken: string, officeName?: string): Promise<void> {
  const s = await t.must('settings.get', {}, adminToken);
  await t.must('settings.update', { ...s, divisionCode: '500118', ...(officeName ? { officeName } : {}) }, adminToken);
}

/** Moves the clock to another day and signs the user in again (sessions do not outlive a day). */
export async function signInOn(
  t: TestApp,
  clock: ReturnType<typeof manualClock>,
  date: string,
  username: string,
): Promise<string> {
  clock.set(localNoon(date));
  return (await t.must('auth.login', { username, password: USER_PASSWORD })).token;
}

/**
 * The registry the document tests print from: office name, division code and a calibrated printer
 * (2号窗口, +2/−1 mm), a clerk 陈登记员 (username `clerk`), and 张伟 and 李娜 married on 2025-06-01.
 * Returns the marriage's id; the clock stands on 2025-06-01 with the clerk signed in.
 */
export async function printingRegistry(
  t: TestApp,
  clock: ReturnType<typeof manualClock>,
): Promise<{ marriageId: number; clerk: string }> {
  const admin = await setupAdmin(t);
  const s = await t.must('settings.get', {}, admin);
  await t.must(
    'settings.update',
    {
      ...s,
      officeName: '重庆市永川区民政局婚姻登记处',
      divisionCode: '500118',
      printers: [{ name: '2号窗口', dxMm: 2, dyMm: -1 }],
    },
    admin,
  );
  await t.must(
    'users.create',
    { username: 'clerk', displayName: '陈登记员', roles: ['marriageClerk'], password: 'Initial123' },
    admin,
  );
  const first = await t.must('auth.login', { username: 'clerk', password: 'Initial123' });
  await t.must('auth.changePassword', { currentPassword: 'Initial123', newPassword: USER_PASSWORD }, first.token);
  const clerk = await signInOn(t, clock, '2025-06-01', 'clerk');
  const m = await t.must(
    'marriage.register',
    { registrationDate: '2025-06-01', parties: [partyOf('张伟', 'male', '1990-03-02'), partyOf('李娜', 'female', '1992-07-15')] },
    clerk,
  );
  return { marriageId: m.id, clerk };
}
