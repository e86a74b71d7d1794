// Wording of the marriage-registration documents (sex, side, codes, ages); the layout pieces they
// share with every other module's forms live in core/pdf/forms and are re-exported here.

import { ethnicGroupName } from '../../core/codes/ethnicGroups';
import { maritalStatusName } from '../../core/codes/maritalStatus';
import { nationalityName } from '../../core/codes/nationalities';
import { provinceName } from '../../core/codes/provinces';
import { ageOn } from '../../core/idnumber/dates';
import { documentTypeLabels } from '../../core/idnumber/otherDocuments';
import type { PartyView } from '../contract';

export * from '../../core/pdf/forms';

export const sexLabel = (sex: PartyView['sex']): string => (sex === 'male' ? '男' : '女');
export const sideLabel = (sex: PartyView['sex']): string => (sex === 'male' ? '男方' : '女方');
export const nationalityLabel = (code: string): string => nationalityName(code) ?? code;
export const ethnicLabel = (code: string | null): string => (code === null ? '—' : (ethnicGroupName(code) ?? code));
export const documentLabel = (p: Pick<PartyView, 'documentType'>): string => documentTypeLabels[p.documentType];
export const priorStatusLabel = (code: string): string => maritalStatusName(code) ?? code;
export const provinceLabel = (code: string | null): string => (code === null ? '—' : (provinceName(code) ?? code));
export const ageLabel = (p: PartyView, onDate: string): string => `${ageOn(p.birthDate, onDate)} 周岁`;
export const orBlank = (s: string | null | undefined): string => (s === null || s === undefined || s === '' ? '—' : s);
