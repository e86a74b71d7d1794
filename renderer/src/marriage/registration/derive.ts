import { ethnicGroups } from '../../../../main/core/codes/ethnicGroups';
import { nationalities, type NationalityCode } from '../../../../main/core/codes/nationalities';
import { provinceName, provinces, type ProvinceCode } from '../../../../main/core/codes/provinces';
import { ageOn } from '../../../../main/core/idnumber/dates';
import { normalizeDocumentNumber } from '../../../../main/core/idnumber/normalize';
import { validateDocument, type DocumentResult, type DocumentType } from '../../../../main/core/idnumber/otherDocuments';
import type { PartyOrigin } from '../../../../main/marriage/contract';
import type { Sex } from './draft';

// What the form works out in the browser, instantly, with the same pure modules the service
// checks with: the document number's birth date and sex, the age on the registration date, the
// default household province and nationality. The service decides; this only saves typing and
// shows a mistake while the clerk still has the document in hand.

/** Legal marriage age on the registration date (民法典第一千零四十七条); the service enforces it. */
export const MIN_AGE: Record<Sex, number> = { male: 22, female: 20 };

export const sexLabels: Record<Sex, string> = { male: '男', female: '女' };

export const partyOriginLabels: Record<PartyOrigin, string> = {
  mainland: '内地',
  foreign: '涉外',
  hongkong: '涉港',
  macao: '涉澳',
  taiwan: '涉台',
};

/** 男方 / 女方 as on the paper form; numbered when both are set to the same sex. */
export function partyTitle(index: 0 | 1, sexes: readonly (Sex | undefined)[]): string {
  const sex = sexes[index];
  if (!sex) return index === 0 ? '当事人一' : '当事人二';
  const same = sexes[0] === sexes[1];
  return same ? `${sex === 'male' ? '男方' : '女方'}（当事人${index === 0 ? '一' : '二'}）` : sex === 'male' ? '男方' : '女方';
}

/** The document number checked as typed; null while the box is empty. */
export function checkDocument(type: DocumentType, number: string | undefined, today: string): DocumentResult | null {
  if (!number || normalizeDocumentNumber(number) === '') return null;
  return validateDocument(type, number, today);
}

export interface AgeInfo {
  age: number;
  min: number;
  underAge: boolean;
}

/** Age in full years on the registration date, or null when the birth date is missing or later. */
export function ageInfo(birthDate: string | undefined, sex: Sex | undefined, onDate: string): AgeInfo | null {
  if (!birthDate || !/^\d{4}-\d{2}-\d{2}$/.test(birthDate) || birthDate > onDate) return null;
  const age = ageOn(birthDate, onDate);
  const min = MIN_AGE[sex ?? 'male'];
  return { age, min, underAge: sex !== undefined && age < min };
}

/** 户籍所在省份 read from a resident ID's first two digits (GB/T 2260). */
export function provinceFromResidentId(number: string): ProvinceCode | undefined {
  const prefix = number.slice(0, 2);
  return provinceName(prefix) ? (prefix as ProvinceCode) : undefined;
}

/** The nationality a HK / Macao / Taiwan document implies (passports and foreign cards say nothing). */
export function nationalityFromDocument(type: DocumentType, number: string): NationalityCode | undefined {
  if (type === 'hkMacaoPermit') return /^H\d/.test(number) ? 'HKG' : /^M\d/.test(number) ? 'MAC' : undefined;
  if (type === 'taiwanPermit') return 'TWN';
  if (type === 'residencePermit') return ({ '81': 'HKG', '82': 'MAC', '83': 'TWN' } as const)[number.slice(0, 2)];
  return undefined;
}

// ---- options for the searchable selects (search by name or by code) ---------------------------

const nationalityOption = (n: (typeof nationalities)[number]) => ({ value: n.code, label: n.name });

export const nationalityOptions = [
  { label: '中国', title: '中国', options: nationalities.filter((n) => n.code === 'CHN').map(nationalityOption) },
  {
    label: '港澳台地区',
    title: '港澳台地区',
    options: nationalities.filter((n) => n.kind === 'region').map(nationalityOption),
  },
  {
    label: '外国',
    title: '外国',
    options: nationalities.filter((n) => n.kind === 'country' && n.code !== 'CHN').map(nationalityOption),
  },
];

export const ethnicOptions = ethnicGroups.map((g) => ({ value: g.code, label: g.name }));

// Taiwan / HK / Macao are not a household registration province of a mainland citizen.
export const provinceOptions = provinces
  .filter((p) => !['71', '81', '82'].includes(p.code))
  .map((p) => ({ value: p.code, label: p.name }));

/** Which documents prove a declared prior status, offered as suggestions (the box takes any text). */
export const evidenceSuggestions: Record<'30' | '40', string[]> = {
  '40': ['离婚证', '离婚调解书', '离婚判决书'],
  '30': ['配偶死亡证明', '宣告死亡判决书'],
};
