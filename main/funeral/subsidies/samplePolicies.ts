import type { PolicyDocument, PolicyForm, PolicyVersionInput } from './contract';

// 示例政策: a sample policy set an office can load to see how policies work, clearly marked as a
// sample in its title and in the `sample` flag (the screens and the printed notices say so). The
// amounts follow the public figures quoted in the domain brief (西安: 壁葬/草坪葬 ¥2,000, 树葬/
// 花坛葬 ¥3,000, 海葬 ¥5,000; 福州 2025: 海葬或不保留骨灰安葬 ¥3,000); the deadlines, splits and
// document lists are illustrative. An office enters its own policy as a new version.

const days = (amount: number, from: PolicyForm['deadline']['from']): PolicyForm['deadline'] => ({ amount, unit: 'days', from });
const years = (amount: number, from: PolicyForm['deadline']['from']): PolicyForm['deadline'] => ({ amount, unit: 'years', from });
const yuan = (n: number): number => n * 100;

const commonDocuments = (withPlot: PolicyForm['form'][], scattering: PolicyForm['form'][]): PolicyDocument[] => [
  { label: '奖补申请表', forms: null },
  { label: '申请人身份证', forms: null },
  { label: '死亡证明', forms: null },
  { label: '火化证明', forms: null },
  { label: '安葬证明', forms: withPlot },
  { label: '骨灰撒散证明', forms: scattering },
  { label: '户籍注销证明', forms: null },
];

export const samplePolicies: readonly Omit<PolicyVersionInput, 'id'>[] = [
  {
    areaCode: '610100',
    areaName: '西安市',
    title: '西安市节地生态安葬奖补（示例政策）',
    basis: '示例：参考西安市公开的节地生态安葬奖补标准，非正式文件',
    effectiveFrom: '2024-01-01',
    effectiveTo: null,
    residencyRequired: true,
    forms: [
      { form: 'wall', familyFen: yuan(2000), cemeteryFen: 0, deadline: days(60, 'burial') },
      { form: 'lawn', familyFen: yuan(2000), cemeteryFen: 0, deadline: days(60, 'burial') },
      // Part of the tree and flower-bed subsidy goes to the cemetery that keeps the planting.
      { form: 'tree', familyFen: yuan(2000), cemeteryFen: yuan(1000), deadline: days(60, 'burial') },
      { form: 'flowerBed', familyFen: yuan(2000), cemeteryFen: yuan(1000), deadline: days(60, 'burial') },
      // Sea burial is arranged in yearly voyages: ashes may wait years after cremation.
      { form: 'seaScattering', familyFen: yuan(5000), cemeteryFen: 0, deadline: years(5, 'cremation') },
    ],
    documents: commonDocuments(['wall', 'lawn', 'tree', 'flowerBed'], ['seaScattering']),
  },
  {
    areaCode: '350100',
    areaName: '福州市',
    title: '福州市海葬及不保留骨灰安葬奖补（示例政策）',
    basis: '示例：参考福州市 2025 年公开的奖补标准，非正式文件',
    effectiveFrom: '2025-01-01',
    effectiveTo: null,
    residencyRequired: true,
    forms: [
      { form: 'seaScattering', familyFen: yuan(3000), cemeteryFen: 0, deadline: days(180, 'death') },
      { form: 'riverScattering', familyFen: yuan(3000), cemeteryFen: 0, deadline: days(180, 'death') },
      { form: 'deepBurial', familyFen: yuan(3000), cemeteryFen: 0, deadline: days(180, 'death') },
    ],
    documents: commonDocuments(['deepBurial'], ['seaScattering', 'riverScattering']),
  },
];
