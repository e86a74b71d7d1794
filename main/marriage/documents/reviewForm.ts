// 结婚登记审查处理表: the record of the review kept in the marriage archive. Both parties' data,
// each check performed at 受理 with its result, the declarations, the decision with date and
// certificate number, and the signature lines (both parties, clerk, approver). A registered
// record has passed every check (registration refuses otherwise), so the results state what
// was found.

import { mm, newPdf, drawTable, type FontSet } from '../../core/pdf';
import type { RegistrationView } from '../contract';
import {
  A4,
  GREY,
  ageLabel,
  cnDate,
  documentLabel,
  ethnicLabel,
  letterhead,
  nationalityLabel,
  orBlank,
  priorStatusLabel,
  provinceLabel,
  sectionHeading,
  sexLabel,
  signatureLine,
  type OfficeInfo,
} from './common';

export interface ReviewFormData {
  registration: RegistrationView;
  /** 婚姻登记员 who registered the marriage. */
  clerkName: string;
}

const ORIGIN_LABELS: Record<RegistrationView['partyOrigin'], string> = {
  mainland: '内地居民',
  foreign: '涉外（一方为外国人）',
  hongkong: '涉港（一方为香港居民）',
  macao: '涉澳（一方为澳门居民）',
  taiwan: '涉台（一方为台湾居民）',
};

export async function renderReviewForm(fonts: FontSet, data: ReviewFormData, office: OfficeInfo): Promise<Buffer> {
  const reg = data.registration;
  const [man, woman] = reg.parties;
  const pdf = newPdf(fonts, {
    size: 'A4',
    margin: mm(A4.margin),
    title: `结婚登记审查处理表 ${reg.certificateNumber}`,
    author: office.officeName,
    subject: '结婚登记审查处理表',
  });
  const { doc } = pdf;
  const left = mm(A4.margin);
  const width = mm(A4.w - 2 * A4.margin);

  let y = letterhead(pdf, office, '结婚登记审查处理表', `结婚证字号：${reg.certificateNumber}`);

  // ── 一、当事人基本情况 ───────────────────────────────────────────────────
  y = sectionHeading(pdf, '一、当事人基本情况', y);
  const both = (f: (p: RegistrationView['parties'][0]) => string) => [f(man), f(woman)];
  const labelW = mm(28);
  const colW = (width - labelW) / 2;
  y = drawTable(pdf, {
    x: left,
    y,
    size: 9,
    family: 'serif',
    padY: mm(0.8),
    columns: [
      { header: '项目', width: labelW, align: 'center' },
      { header: '男方', width: colW },
      { header: '女方', width: colW },
    ],
    rows: [
      ['姓名', ...both((p) => p.name)],
      ['性别', ...both((p) => sexLabel(p.sex))],
      ['出生日期', ...both((p) => `${cnDate(p.birthDate)}（登记时 ${ageLabel(p, reg.registrationDate)}）`)],
      ['国籍 / 民族', ...both((p) => `${nationalityLabel(p.nationality)} / ${ethnicLabel(p.ethnicCode)}`)],
      ['证件类型', ...both((p) => documentLabel(p))],
      ['证件号码', ...both((p) => p.documentNumber ?? '')],
      ['婚姻状况', ...both((p) => priorStatusLabel(p.priorStatus))],
      ['婚姻状况证明', ...both((p) => orBlank(p.priorEvidence))],
      ['职业', ...both((p) => orBlank(p.occupation))],
      ['联系电话', ...both((p) => orBlank(p.phone))],
      ['住址', ...both((p) => orBlank(p.address))],
      ['户籍所在地', ...both((p) => provinceLabel(p.householdProvince))],
    ],
  });
  y += mm(2);
  pdf.text(
    `当事人类别：${ORIGIN_LABELS[reg.partyOrigin]}\u3000\u3000办理方式：${reg.crossProvince ? '全国通办（跨省）' : '本省办理'}`,
    {
      family: 'sans',
      size: 8.5,
      x: left,
      y,
      width,
      color: GREY,
    },
  );
  y = doc.y + mm(2);

  // ── 二、审查情况 ─────────────────────────────────────────────────────────
  y = sectionHeading(pdf, '二、审查情况', y);
  const ageM = ageLabel(man, reg.registrationDate);
  const ageW = ageLabel(woman, reg.registrationDate);
  const status = (p: RegistrationView['parties'][0]) => priorStatusLabel(p.priorStatus) + (p.priorEvidence ? '，证明已提交' : '');
  y = drawTable(pdf, {
    x: left,
    y,
    size: 9,
    family: 'serif',
    padY: mm(0.8),
    columns: [
      { header: '审查项目', width: mm(22), align: 'center' },
      { header: '审查内容与依据', width: mm(98) },
      { header: '审查结果', width: width - mm(120) },
    ],
    rows: [
      ['身份证件', '证件类型、号码（校验位、出生日期、性别）与本人核对', '双方证件有效，人证一致'],
      ['一男一女', '双方性别（民法典第一千零四十九条）', '符合'],
      ['法定婚龄', '登记之日男满二十二周岁、女满二十周岁（民法典第一千零四十七条）', `男方 ${ageM}，女方 ${ageW}，符合`],
      ['配偶情况', '婚姻登记信息系统核查双方现无配偶（民法典第一千零四十二条）', '未发现在婚登记记录'],
      ['婚姻状况', '声明的婚姻状况与登记记录一致；声明离婚、丧偶的提交证明', `男方${status(man)}，女方${status(woman)}`],
      ['失信名单', '婚姻登记严重失信当事人名单', '双方均未列入'],
      ['结婚意愿', '当面询问，男女双方完全自愿（民法典第一千零四十六条）', '双方完全自愿'],
      ['亲属关系', '无直系血亲和三代以内旁系血亲关系（民法典第一千零四十八条）', '双方已签字声明'],
      ['重大疾病', '患有重大疾病的，婚前如实告知对方（民法典第一千零五十三条）', '双方已签字声明如实告知'],
    ],
  });
  y += mm(3);
  // Decision and signatures stay together: on a new page if long addresses pushed them down.
  if (y + mm(52) > mm(A4.h - A4.margin)) {
    doc.addPage();
    y = mm(A4.margin);
  }

  // ── 三、处理意见 ─────────────────────────────────────────────────────────
  y = sectionHeading(pdf, '三、处理意见', y);
  pdf.text(
    '经审查，男女双方符合《中华人民共和国民法典》规定的结婚条件，所提交的证件和声明符合《婚姻登记条例》的规定，准予登记，发给结婚证。',
    { family: 'serif', size: 10.5, x: left + mm(2), y, width: width - mm(4), lineHeight: 1.7, align: 'justify' },
  );
  pdf.text(`登记日期：${cnDate(reg.registrationDate)}\u3000\u3000结婚证字号：${reg.certificateNumber}`, {
    family: 'serif',
    size: 10.5,
    x: left + mm(2),
    y: doc.y + mm(1),
    width: width - mm(4),
    lineHeight: 1.7,
  });
  y = doc.y + mm(4);

  // ── Signatures ───────────────────────────────────────────────────────────
  const half = width / 2;
  const colW2 = half - mm(8);
  signatureLine(pdf, '当事人签名（男方）', left, y, colW2);
  signatureLine(pdf, '当事人签名（女方）', left + half, y, colW2);
  y += mm(9);
  signatureLine(pdf, '登记员', left, y, colW2, data.clerkName);
  signatureLine(pdf, '审批人', left + half, y, colW2);
  y += mm(9);
  signatureLine(pdf, '日期', left, y, colW2, cnDate(reg.registrationDate));
  signatureLine(pdf, '日期', left + half, y, colW2, '\u3000\u3000年\u3000\u3000月\u3000\u3000日');

  return pdf.toBuffer();
}
