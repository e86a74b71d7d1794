import { manualClock } from '../../../main/core/clock';
import { residentIdCheckChar } from '../../../main/core/idnumber/residentId';
import type { WaiverInput } from '../../../main/funeral/waivers/contract';
import { openTestApp, setupAdmin, userWithRoles, type TestApp } from '../../helpers/app';
import { localNoon } from '../../helpers/marriage';

// Builders shared by the fee-waiver tests: a test app on a given day, the office's division code,
// funeral homes, resident IDs of the deceased, and waiver inputs.

export interface WaiverWorld {
  t: TestApp;
  clock: ReturnType<typeof manualClock>;
  admin: string;
  reviewer: string;
  approver: string;
  homeId: number;
  otherHomeId: number;
}

/** An office of 重庆市永川区 (500118) on `today`, with a reviewer, an approver and two funeral homes. */
export async function waiverWorld(today: string): Promise<WaiverWorld> {
  const clock = manualClock(localNoon(today));
  const t = openTestApp({ clock });
  const admin = await setupAdmin(t);
  const s = await t.must('settings.get', {}, admin);
  await t.must('settings.update', { ...s, officeName: '永川区民政局', divisionCode: '500118' }, admin);
  const reviewer = await userWithRoles(t, admin, 'reviewer', ['funeralReviewer']);
  const approver = await userWithRoles(t, admin, 'approver', ['funeralApprover']);
  const home = await t.must(
    'funeral.waivers.saveHome',
    { id: null, name: '永川区殡仪馆', divisionCode: '500118', contact: '刘师傅', phone: '023-49800000', active: true },
    approver,
  );
  const other = await t.must(
    'funeral.waivers.saveHome',
    { id: null, name: '重庆市殡仪馆', divisionCode: '500106', contact: null, phone: null, active: true },
    approver,
  );
  return { t, clock, admin, reviewer, approver, homeId: home.id, otherHomeId: other.id };
}

/** A valid resident ID of 500118 for a birth date 'YYYYMMDD' and a 3-digit serial (odd = male). */
export function deceasedId(birth: string, serial = '013'): string {
  const first17 = `500118${birth}${serial}`;
  return first17 + residentIdCheckChar(first17);
}

/** A waiver input for a 低保 deceased with the four basic services at their sample standard prices. */
export function waiverInput(homeId: number, over: Partial<WaiverInput> = {}): WaiverInput {
  return {
    deceasedName: '张德明',
    deceasedIdNumber: deceasedId('19400312'),
    householdDivision: '500118001',
    deathDate: '2026-05-02',
    categoryCode: 'minimumLiving',
    evidenceRef: '渝永低保字 2019-0231',
    funeralHomeId: homeId,
    lines: [
      { itemCode: 'bodyTransport', quantity: 1, actualFen: 50000 },
      { itemCode: 'cremation', quantity: 1, actualFen: 65000 },
    ],
    note: null,
    ...over,
  };
}

export { localNoon };
