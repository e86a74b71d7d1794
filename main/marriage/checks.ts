import { isForeignCountry } from '../core/codes/nationalities';
import { ageOn } from '../core/idnumber/dates';
import { documentTypeLabels, validateDocument } from '../core/idnumber/otherDocuments';
import type { Application, CheckResult, PartyInput, PartyOrigin, RefusalReason } from './contract';

// The checks at acceptance (受理), Civil Code Arts. 1046–1054 and 婚姻登记条例 (2025). Every reason
// is collected, not just the first: the refusal notice must list them all, and the clerk fixes
// typing mistakes in one go.

/** What the checks need to know from the register. */
export interface RegisterLookups {
  /** The marriage this document number is currently in, if any. */
  currentMarriage(documentNumber: string): { certificateNumber: string; registrationDate: string } | undefined;
  /** Any marriage this document number was ever registered in (dissolved ones included). */
  everMarried(documentNumber: string): { certificateNumber: string; status: string } | undefined;
  blacklisted(documentNumber: string, onDate: string): { reason: string; sourceDocument: string } | undefined;
}

/** Legal marriage age on the registration date (Civil Code Art. 1047). */
export const MIN_AGE = { male: 22, female: 20 } as const;

const sexLabel = { male: '男', female: '女' } as const;

export interface CheckedApplication extends CheckResult {
  /** Document numbers normalised (full-width, lower-case x, 15 → 18 digits). */
  documentNumbers: [string, string];
}

function partyLabel(p: PartyInput, i: number): string {
  return `${p.name || `当事人${i + 1}`}`;
}

function originOf(parties: readonly PartyInput[]): PartyOrigin {
  if (parties.some((p) => isForeignCountry(p.nationality))) return 'foreign';
  if (parties.some((p) => p.nationality === 'HKG')) return 'hongkong';
  if (parties.some((p) => p.nationality === 'MAC')) return 'macao';
  if (parties.some((p) => p.nationality === 'TWN')) return 'taiwan';
  return 'mainland';
}

/** Nationwide processing (跨省通办): a mainland party registered outside the household's province. */
function isCrossProvince(parties: readonly PartyInput[], registryDivision: string): boolean {
  const registryProvince = registryDivision.slice(0, 2);
  return parties.some((p) => p.householdProvince !== null && p.householdProvince !== registryProvince);
}

export function checkApplication(app: Application, registryDivision: string, lookups: RegisterLookups): CheckedApplication {
  const reasons: RefusalReason[] = [];
  const notices: string[] = [];
  const numbers: [string, string] = [app.parties[0].documentNumber, app.parties[1].documentNumber];
  const ages: [number, number] = [0, 0];

  app.parties.forEach((p, i) => {
    const party = i as 0 | 1;
    const who = partyLabel(p, i);
    const doc = validateDocument(p.documentType, p.documentNumber, app.registrationDate);
    if (!doc.ok) {
      reasons.push({
        code: 'INVALID_DOCUMENT',
        party,
        message: `${who}的${documentTypeLabels[p.documentType]}号码有误：${doc.message}`,
      });
    } else {
      numbers[i] = doc.value.number;
      if (doc.value.notice) notices.push(`${who}：${doc.value.notice}`);
      // The number carries birth date and sex for resident IDs: what was typed must agree.
      if (doc.value.birthDate && doc.value.birthDate !== p.birthDate) {
        reasons.push({
          code: 'DOCUMENT_MISMATCH',
          party,
          message: `${who}的出生日期 ${p.birthDate} 与证件号码所载 ${doc.value.birthDate} 不符`,
        });
      }
      if (doc.value.sex && doc.value.sex !== p.sex) {
        reasons.push({
          code: 'DOCUMENT_MISMATCH',
          party,
          message: `${who}的性别（${sexLabel[p.sex]}）与证件号码所载（${sexLabel[doc.value.sex]}）不符`,
        });
      }
    }
    ages[i] = ageOn(p.birthDate, app.registrationDate);
    const min = MIN_AGE[p.sex];
    if (ages[i] < min) {
      reasons.push({
        code: 'UNDER_AGE',
        party,
        message: `${who}（${sexLabel[p.sex]}）登记之日 ${app.registrationDate} 年满 ${ages[i]} 周岁，未达法定婚龄 ${min} 周岁（民法典第一千零四十七条）`,
      });
    }
    const d = p.declarations;
    const missing = [
      !d.voluntary && '完全自愿',
      !d.noSpouse && '本人无配偶',
      !d.noProhibitedKinship && '双方无直系血亲和三代以内旁系血亲关系',
      !d.illnessDisclosed && '已如实告知本人重大疾病情况',
    ].filter(Boolean);
    if (missing.length > 0) {
      reasons.push({
        code: 'DECLARATION_MISSING',
        party,
        message: `${who}未在《申请结婚登记声明书》中声明：${missing.join('；')}`,
      });
    }
    if ((p.priorStatus === '30' || p.priorStatus === '40') && !p.priorEvidence) {
      const what = p.priorStatus === '40' ? '离婚证、离婚调解书或判决书' : '配偶死亡证明';
      reasons.push({
        code: 'EVIDENCE_REQUIRED',
        party,
        message: `${who}声明${p.priorStatus === '40' ? '离婚' : '丧偶'}，须提交${what}`,
      });
    }
  });

  if (app.parties[0].sex === app.parties[1].sex) {
    reasons.push({
      code: 'NOT_MAN_AND_WOMAN',
      party: null,
      message: '结婚登记须由一男一女双方共同申请（民法典第一千零四十九条）',
    });
  }

  app.parties.forEach((p, i) => {
    const party = i as 0 | 1;
    const who = partyLabel(p, i);
    const number = numbers[i]!;
    const current = lookups.currentMarriage(number);
    if (current) {
      reasons.push({
        code: 'HAS_SPOUSE',
        party,
        message: `${who}登记记录显示现有配偶（${current.registrationDate} 登记，结婚证字号 ${current.certificateNumber}），不得重婚（民法典第一千零四十二条）`,
      });
    } else if (p.priorStatus === '10') {
      // Declared never married, but the register knows an earlier (now dissolved) marriage.
      const past = lookups.everMarried(number);
      if (past) {
        reasons.push({
          code: 'STATUS_CONTRADICTED',
          party,
          message: `${who}声明“未婚”，但登记记录显示曾登记结婚（结婚证字号 ${past.certificateNumber}），请如实声明婚姻状况并提交相应证明`,
        });
      }
    }
    const listed = lookups.blacklisted(number, app.registrationDate);
    if (listed) {
      reasons.push({
        code: 'CREDIT_BLACKLIST',
        party,
        message: `${who}在婚姻登记失信名单中（${listed.sourceDocument}：${listed.reason}）`,
      });
    }
  });

  return {
    canRegister: reasons.length === 0,
    reasons,
    notices,
    ages,
    partyOrigin: originOf(app.parties),
    crossProvince: isCrossProvince(app.parties, registryDivision),
    documentNumbers: numbers,
  };
}
