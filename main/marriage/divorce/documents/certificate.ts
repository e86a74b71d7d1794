// 离婚证: the same booklet as the marriage certificate (inner spread 128 × 95 mm, same field
// positions), with 离婚证字号 (L…) in place of 结婚证字号, the divorce registration date and the
// divorce formula. One booklet per party, the man's first. It reuses the marriage certificate's
// one table of positions (main/marriage/documents/layout.ts), so preview and overlay cannot disagree
// with each other or with the marriage booklet:
//  - preview: A4, the booklet drawn at true size with its labels and a diagonal 样本 watermark;
//  - overlay: a booklet-sized page with the values only, shifted by the printer's offset.

import { mm, newPdf, type FontSet, type Pdf } from '../../../core/pdf';
import type { PartyView } from '../../contract';
import { fieldBox, PREVIEW_ORIGIN, type PrinterOffset } from '../../documents/certificate';
import { ACCENT, GREY, LIGHT, cnDate, fitText, sideLabel, type OfficeInfo } from '../../documents/common';
import {
  BOOKLET,
  CERTIFICATE_FIELDS,
  LABEL_SIZE,
  PHOTO_BOX,
  SEAL,
  type CertificateField,
  type CertificateValues,
} from '../../documents/layout';

export const DIVORCE_FORMULA = '申请离婚，经审查符合《中华人民共和国民法典》规定，予以登记，发给此证。';

/** The marriage booklet's fields with the divorce booklet's labels. */
export const DIVORCE_CERTIFICATE_FIELDS: readonly CertificateField[] = CERTIFICATE_FIELDS.map((f) =>
  f.key === 'certificateNumber' ? { ...f, label: '离婚证字号' } : f,
);

export interface DivorceCertificateData {
  /** 离婚证字号 (L…) and the date it was issued (登记日期). */
  certificateNumber: string;
  issuedOn: string;
  parties: readonly [PartyView, PartyView];
  clerkName: string;
}

export interface DivorceCertificateOptions extends OfficeInfo {
  mode: 'preview' | 'overlay';
  printer: PrinterOffset | null;
}

const LABEL_COLOR = '#7a1f1f';

function valuesFor(data: DivorceCertificateData, holder: 0 | 1): CertificateValues {
  return {
    holder: data.parties[holder].name,
    registrationDate: data.issuedOn,
    certificateNumber: data.certificateNumber,
    remarks: '',
    clerk: data.clerkName,
    parties: data.parties,
  };
}

function drawValues(pdf: Pdf, values: CertificateValues, ox: number, oy: number): void {
  for (const f of DIVORCE_CERTIFICATE_FIELDS) {
    const text = f.value(values);
    if (text === '') continue;
    fitText(pdf, text, fieldBox(f, ox, oy), {
      family: 'serif',
      size: f.size,
      minSize: f.size * 0.72,
      maxLines: f.maxLines,
      valign: f.valign,
      color: '#000000',
    });
  }
}

export async function renderDivorceCertificate(
  fonts: FontSet,
  data: DivorceCertificateData,
  o: DivorceCertificateOptions,
): Promise<Buffer> {
  const preview = o.mode === 'preview';
  const pdf = newPdf(fonts, {
    size: preview ? 'A4' : [mm(BOOKLET.w), mm(BOOKLET.h)],
    margin: preview ? mm(15) : 0,
    title: `离婚证 ${data.certificateNumber}${preview ? '（预览样本）' : '（套打）'}`,
    author: o.officeName,
    subject: preview ? '离婚证打印预览' : '离婚证套打',
  });
  for (const holder of [0, 1] as const) {
    if (holder > 0) pdf.doc.addPage();
    const values = valuesFor(data, holder);
    if (preview) previewPage(pdf, o, values, holder);
    else {
      pdf.doc.save();
      pdf.doc.translate(mm(o.printer?.dxMm ?? 0), mm(o.printer?.dyMm ?? 0));
      drawValues(pdf, values, 0, 0);
      pdf.doc.restore();
    }
  }
  return pdf.toBuffer();
}

function previewPage(pdf: Pdf, o: DivorceCertificateOptions, values: CertificateValues, holder: 0 | 1): void {
  const { doc } = pdf;
  const left = mm(15);
  const width = mm(180);
  const ox = mm(PREVIEW_ORIGIN.x);
  const oy = mm(PREVIEW_ORIGIN.y);
  const bw = mm(BOOKLET.w);
  const bh = mm(BOOKLET.h);

  watermark(pdf);
  pdf.text('离婚证打印预览（样本）', {
    family: 'sans',
    bold: true,
    size: 18,
    x: left,
    y: mm(15),
    width,
    align: 'center',
    characterSpacing: 2,
    lineHeight: 1.4,
  });
  pdf.text(`${o.officeName}\u3000行政区划代码 ${o.divisionCode}`, {
    family: 'sans',
    size: 9.5,
    x: left,
    width,
    align: 'center',
    color: GREY,
  });
  const party = values.parties[holder];
  pdf.text(
    `第 ${holder + 1} 本，共 2 本\u3000持证人：${party.name}（${sideLabel(party.sex)}）\u3000离婚证字号：${values.certificateNumber}`,
    { family: 'sans', size: 10, x: left, y: doc.y + mm(2), width, align: 'center' },
  );

  // The opened booklet at true size: outer edge, the printed frames, the spine.
  doc.save().lineWidth(1).strokeColor(ACCENT).rect(ox, oy, bw, bh).stroke();
  doc.lineWidth(0.35);
  doc.rect(ox + mm(3), oy + mm(3), mm(BOOKLET.spineX - 6), bh - mm(6)).stroke();
  doc.rect(ox + mm(BOOKLET.spineX + 3), oy + mm(3), mm(BOOKLET.w - BOOKLET.spineX - 6), bh - mm(6)).stroke();
  doc
    .lineWidth(0.5)
    .dash(3, { space: 2 })
    .moveTo(ox + mm(BOOKLET.spineX), oy)
    .lineTo(ox + mm(BOOKLET.spineX), oy + bh)
    .stroke()
    .undash()
    .restore();

  for (const f of DIVORCE_CERTIFICATE_FIELDS) {
    pdf.text(f.label, {
      family: 'serif',
      size: LABEL_SIZE,
      x: ox + mm(f.labelAt.x),
      y: oy + mm(f.labelAt.y) + (mm(6) - LABEL_SIZE * 1.25) / 2,
      width: mm(f.labelAt.w),
      lineHeight: 1.25,
      color: LABEL_COLOR,
      noWrap: true,
    });
    const b = fieldBox(f, ox, oy);
    doc
      .save()
      .lineWidth(0.3)
      .strokeColor(LIGHT)
      .moveTo(b.x, b.y + b.h - 0.5)
      .lineTo(b.x + b.w, b.y + b.h - 0.5)
      .stroke()
      .restore();
  }
  // The formula sits where the marriage booklet prints its own.
  fitText(
    pdf,
    DIVORCE_FORMULA,
    { x: ox + mm(7), y: oy + mm(51), w: mm(51), h: mm(11) },
    { size: 7.5, maxLines: 2, color: LABEL_COLOR, lineHeight: 1.5 },
  );
  pdf.text(SEAL.label, {
    family: 'serif',
    size: LABEL_SIZE,
    x: ox + mm(SEAL.labelAt.x),
    y: oy + mm(SEAL.labelAt.y),
    width: mm(SEAL.labelAt.w),
    lineHeight: 1.25,
    color: LABEL_COLOR,
  });
  doc
    .save()
    .lineWidth(0.5)
    .strokeColor(ACCENT)
    .dash(2, { space: 1.5 })
    .circle(ox + mm(SEAL.cx), oy + mm(SEAL.cy), mm(SEAL.r))
    .stroke()
    .undash()
    .restore();
  drawValues(pdf, values, ox, oy);
  // The holder's own photo goes here (affixed by hand).
  const p = { x: ox + mm(PHOTO_BOX.x), y: oy + mm(PHOTO_BOX.y), w: mm(PHOTO_BOX.w), h: mm(PHOTO_BOX.h) };
  doc.save().lineWidth(0.5).strokeColor(GREY).dash(2, { space: 1.5 }).rect(p.x, p.y, p.w, p.h).stroke().undash().restore();
  pdf.text('照片', { family: 'sans', size: 10, x: p.x, y: p.y + p.h / 2 - 7.5, width: p.w, align: 'center', color: GREY });

  pdf.text(`实际尺寸 ${BOOKLET.w} × ${BOOKLET.h}\u00a0mm（离婚证内页展开）`, {
    family: 'sans',
    size: 7.5,
    x: ox,
    y: oy + bh + mm(1),
    width: bw,
    align: 'right',
    color: GREY,
  });
  pdf.text(
    '核对要点：\n' +
      '1. 持证人、双方姓名（含生僻字）、性别、国籍、出生日期与身份证件号应与证件原件逐字一致；\n' +
      `2. 登记日期 ${cnDate(values.registrationDate)}，离婚证字号 ${values.certificateNumber}；\n` +
      '3. 核对无误后选择“套打”，只打印变量文字到预印离婚证上；打印时选择“实际大小”（100%），不得缩放。',
    { family: 'sans', size: 9, x: left, y: oy + bh + mm(8), width, lineHeight: 1.7 },
  );
  pdf.text('本页为预览样本，不作为离婚证使用', {
    family: 'sans',
    size: 8,
    x: left,
    y: mm(297 - 15) - 12,
    width,
    align: 'center',
    color: GREY,
  });
}

/** Large diagonal 样本 / DRAFT across the page, drawn first so the content stays readable on top. */
function watermark(pdf: Pdf): void {
  const { doc } = pdf;
  const cx = mm(105);
  const cy = mm(148.5);
  doc.save();
  doc.rotate(-35, { origin: [cx, cy] });
  pdf.text('样本', {
    family: 'sans',
    bold: true,
    size: 150,
    x: cx - mm(100),
    y: cy - 150 * 0.62,
    width: mm(200),
    align: 'center',
    color: '#f1d3d3',
    lineHeight: 1.1,
    characterSpacing: 40,
  });
  pdf.text('DRAFT', {
    family: 'sans',
    bold: true,
    size: 60,
    x: cx - mm(100),
    y: cy + 150 * 0.5,
    width: mm(200),
    align: 'center',
    color: '#f1d3d3',
    lineHeight: 1.1,
    characterSpacing: 12,
  });
  doc.restore();
}
