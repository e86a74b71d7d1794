import type { z } from 'zod';
import type { EthnicGroupCode } from '../../../../main/core/codes/ethnicGroups';
import { isForeignCountry, type NationalityCode } from '../../../../main/core/codes/nationalities';
import type { ProvinceCode } from '../../../../main/core/codes/provinces';
import type { DocumentType } from '../../../../main/core/idnumber/otherDocuments';
import type { applicationSchema, priorStatuses } from '../../../../main/marriage/contract';

// What the registration form holds, how it becomes the `marriage.*` input, and the per-tab draft
// that keeps typed data through a lock screen or a reload. Values stay plain JSON (dates as
// 'YYYY-MM-DD' strings) so the draft is the form's own state, written as it changes.

export type Sex = 'male' | 'female';
export type PriorStatus = (typeof priorStatuses)[number];
export type ApplicationInput = z.input<typeof applicationSchema>;

export interface Declarations {
  voluntary: boolean;
  noSpouse: boolean;
  noProhibitedKinship: boolean;
  illnessDisclosed: boolean;
}

export interface PartyValues {
  documentType: DocumentType;
  documentNumber: string;
  birthDate?: string;
  sex: Sex;
  name: string;
  nationality: NationalityCode;
  ethnicCode?: EthnicGroupCode;
  priorStatus: PriorStatus;
  priorEvidence?: string;
  occupation?: string;
  phone?: string;
  address?: string;
  householdProvince?: ProvinceCode;
  declarations: Declarations;
}

export interface RegistrationValues {
  parties: [PartyValues, PartyValues];
}

const noDeclarations: Declarations = { voluntary: false, noSpouse: false, noProhibitedKinship: false, illnessDisclosed: false };

export const emptyParty = (sex: Sex): PartyValues => ({
  documentType: 'residentId',
  documentNumber: '',
  sex,
  name: '',
  nationality: 'CHN',
  priorStatus: '10',
  declarations: { ...noDeclarations },
});

/** A fresh form: the man on the left, the woman on the right, as on the paper form. */
export const emptyValues = (): RegistrationValues => ({ parties: [emptyParty('male'), emptyParty('female')] });

/** 民族 is asked of Chinese citizens (and offered for HK / Macao / Taiwan residents), never of foreigners. */
export const asksEthnicGroup = (nationality: string | undefined): boolean => !nationality || !isForeignCountry(nationality);
export const needsEthnicGroup = (nationality: string | undefined): boolean => nationality === 'CHN';
/** 户籍所在省份 exists only for mainland citizens; it feeds the 跨省通办 statistic. */
export const asksHouseholdProvince = (nationality: string | undefined): boolean => nationality === 'CHN';

const text = (v: string | undefined | null): string | null => {
  const t = v?.trim() ?? '';
  return t === '' ? null : t;
};

function toParty(p: PartyValues): ApplicationInput['parties'][number] {
  return {
    name: p.name ?? '',
    sex: p.sex,
    documentType: p.documentType,
    documentNumber: p.documentNumber ?? '',
    birthDate: p.birthDate ?? '',
    nationality: p.nationality,
    ethnicCode: asksEthnicGroup(p.nationality) ? (p.ethnicCode ?? null) : null,
    priorStatus: p.priorStatus,
    priorEvidence: p.priorStatus === '10' ? null : text(p.priorEvidence),
    occupation: text(p.occupation),
    phone: text(p.phone),
    address: text(p.address),
    householdProvince: asksHouseholdProvince(p.nationality) ? (p.householdProvince ?? null) : null,
    declarations: { ...noDeclarations, ...p.declarations },
  };
}

/** The channel input for these values on the given registration date (always today at the counter). */
export function toApplication(values: RegistrationValues, registrationDate: string): ApplicationInput {
  return { registrationDate, parties: [toParty(values.parties[0]), toParty(values.parties[1])] };
}

// ---- the draft: sessionStorage, so it is per tab and gone with the tab -------------------------

interface StoredDraft {
  /** The user who typed it: another clerk signing in on this tab does not get it. */
  userId: number;
  /** A draft from an earlier day is stale (the couple is not at the counter any more). */
  day: string;
  values: RegistrationValues;
}

const DRAFT_KEY = 'registry.marriage.registration.draft';

export function loadDraft(userId: number, today: string): RegistrationValues | null {
  try {
    const raw = sessionStorage.getItem(DRAFT_KEY);
    if (!raw) return null;
    const d = JSON.parse(raw) as StoredDraft;
    if (d.userId !== userId || d.day !== today || !Array.isArray(d.values?.parties) || d.values.parties.length !== 2) {
      sessionStorage.removeItem(DRAFT_KEY);
      return null;
    }
    const base = emptyValues();
    return {
      parties: [
        { ...base.parties[0], ...d.values.parties[0] },
        { ...base.parties[1], ...d.values.parties[1] },
      ],
    };
  } catch {
    return null;
  }
}

export function saveDraft(userId: number, today: string, values: RegistrationValues): void {
  try {
    const d: StoredDraft = { userId, day: today, values };
    sessionStorage.setItem(DRAFT_KEY, JSON.stringify(d));
  } catch {
    // Storage full or disabled: the form still holds the values for as long as the page is open.
  }
}

export function clearDraft(): void {
  try {
    sessionStorage.removeItem(DRAFT_KEY);
  } catch {
    // nothing stored
  }
}
