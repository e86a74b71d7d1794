import { manualClock } from '../../../main/core/clock';
import type { CemeteryFields } from '../../../main/funeral/cemeteries/contract';
import type { InputOf as In } from '../../../main/core/contract';
import { openTestApp, setupAdmin, userWithRoles, type TestApp } from '../../helpers/app';
import { localNoon, residentIdOf } from '../../helpers/marriage';

// Builders shared by the cemetery, burial and ash-storage tests: an app on a given day with a
// cemetery manager, a public cemetery serving two townships of 永川区, generated plots, and burial
// inputs for deceased people with valid resident IDs.

export interface FuneralWorld {
  t: TestApp;
  clock: ReturnType<typeof manualClock>;
  admin: string;
  manager: string;
  /** Moves the clock to another day and signs both users in again (sessions do not outlive a day). */
  moveTo(date: string): Promise<void>;
}

export async function funeralWorld(start = '2026-03-02'): Promise<FuneralWorld> {
  const clock = manualClock(localNoon(start));
  const t = openTestApp({ clock });
  const admin = await setupAdmin(t);
  const world: FuneralWorld = {
    t,
    clock,
    admin,
    manager: await userWithRoles(t, admin, 'manager', ['cemeteryManager']),
    async moveTo(date) {
      clock.set(localNoon(date));
      world.admin = (await t.must('auth.login', { username: 'admin', password: 'Admin1234' })).token;
      world.manager = (await t.must('auth.login', { username: 'manager', password: 'Passw0rd9' })).token;
    },
  };
  return world;
}

/** 松柏公益性公墓: a rural public cemetery serving 永川区 townships 500118101 and 500118102. */
export const cemeteryInput = (over: Partial<CemeteryFields> = {}): CemeteryFields => ({
  name: '永川区松柏公益性公墓',
  kind: 'ruralPublic',
  divisionCode: '500118101',
  servedDivisions: ['500118101', '500118102'],
  address: '重庆市永川区胜利路街道松柏村',
  phone: '023-49800000',
  note: null,
  ...over,
});

export async function createCemetery(w: FuneralWorld, over: Partial<CemeteryFields> = {}) {
  return w.t.must('funeral.cemeteries.create', cemeteryInput(over), w.manager);
}

export type GenerateInput = In<'funeral.plots.generate'>;

export const generateInput = (cemeteryId: number, over: Partial<GenerateInput> = {}): GenerateInput => ({
  cemeteryId,
  sectionCode: 'A',
  rowFrom: 1,
  rowTo: 2,
  numberFrom: 1,
  numberTo: 3,
  plotType: 'single',
  areaM2: 0.5,
  urnCapacity: 1,
  feeFen: 800_000,
  ...over,
});

export async function plotByLabel(w: FuneralWorld, cemeteryId: number, label: string) {
  const p = await w.t.must('funeral.plots.find', { cemeteryId, label }, w.manager);
  if (!p) throw new Error(`no plot ${label}`);
  return p;
}

export type BurialInput = In<'funeral.burials.register'>;

/** A person who died on deathDate, resident of village 500118101201, buried on burialDate. */
export function burialInput(
  plotId: number,
  o: {
    name?: string;
    birth?: string;
    sex?: 'male' | 'female';
    serial?: string;
    deathDate?: string;
    burialDate: string;
  } & Partial<BurialInput>,
): BurialInput {
  const sex = o.sex ?? 'male';
  const birth = o.birth ?? '1940-05-06';
  const deathDate = o.deathDate ?? o.burialDate;
  const { name, birth: _b, sex: _s, serial, deathDate: _d, ...rest } = o;
  return {
    plotId,
    deceased: {
      name: name ?? '王德明',
      idNumber: residentIdOf(birth, sex, serial),
      sex,
      birthDate: birth,
      deathDate,
      householdDivision: '500118101201',
      deathCertificateNo: `SW${deathDate.replaceAll('-', '')}${serial ?? '01'}`,
      cremationCertificateNo: `HH${deathDate.replaceAll('-', '')}${serial ?? '01'}`,
      cremationDate: deathDate,
    },
    holder: {
      name: '王建国',
      idNumber: residentIdOf('1968-09-12', 'male', '057'),
      relation: 'child',
      phone: '13800138000',
      address: '重庆市永川区胜利路街道',
    },
    applicant: null,
    form: 'traditional',
    feeFen: 800_000,
    residencyOverrideReason: null,
    keepPlaceForSpouse: null,
    note: null,
    ...rest,
  };
}

export const auditRows = (t: TestApp, entity: string) =>
  t.app.db
    .prepare('SELECT action, entity_id, username, detail, after FROM audit_log WHERE entity = ? ORDER BY id')
    .all(entity) as { action: string; entity_id: string; username: string; detail: string | null; after: string | null }[];
