import type { AppContext } from '../../core/app';
import { ServiceError } from '../../core/errors';
import { burialFacts, type BurialFacts } from '../burials/service';
import { burialFormLabels } from '../shared/forms';
import type { ApplicationData, AssessmentReason } from './contract';

// The one door to the burials area: its service's burialFacts (a module never reads another area's
// tables). A subsidy for a plot form must name its burial record, and what the application says
// about the deceased must agree with it.

export type { BurialFacts };

export function requireBurial(app: AppContext, burialId: number): BurialFacts {
  const facts = burialFacts(app, burialId);
  if (!facts) throw new ServiceError('NOT_FOUND', `未找到安葬记录（编号 ${burialId}）`, 'burialId');
  return facts;
}

const show = (v: string | null): string => v ?? '（未填）';

/** Each field where the application and the burial record disagree. */
export function burialMismatches(facts: BurialFacts, a: ApplicationData): AssessmentReason[] {
  const out: AssessmentReason[] = [];
  const differ = (label: string, field: string, recorded: string | null, typed: string | null) => {
    if (recorded !== typed)
      out.push({
        code: 'BURIAL_MISMATCH',
        message: `${label}与安葬记录不符：安葬记录为 ${show(recorded)}，申请填写 ${show(typed)}`,
        field,
      });
  };
  if (facts.form !== a.form) differ('安葬方式', 'form', burialFormLabels[facts.form], burialFormLabels[a.form]);
  differ('逝者姓名', 'deceased.name', facts.deceasedName, a.deceased.name);
  // A burial registered without the ID number cannot contradict the one typed here.
  if (facts.deceasedIdNumber !== null) differ('逝者身份证号码', 'deceased.idNumber', facts.deceasedIdNumber, a.deceased.idNumber);
  differ('安葬日期', 'burialDate', facts.burialDate, a.burialDate);
  differ('死亡日期', 'deceased.deathDate', facts.deathDate, a.deceased.deathDate);
  if (facts.cremationDate !== null) differ('火化日期', 'deceased.cremationDate', facts.cremationDate, a.deceased.cremationDate);
  differ('户籍地区划代码', 'deceased.household', facts.deceasedHousehold, a.deceased.household);
  return out;
}
