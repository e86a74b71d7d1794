// 结婚证: one booklet per party, the man's first. Two renderings of the one layout table
// (layout.ts):
//  - preview: A4, the booklet drawn at true size with its pre-printed labels, the values in place
//    and a large diagonal 样本 / DRAFT watermark, for the clerk to check before printing;
//  - overlay: a page the size of the opened booklet carrying only the values (and the photo),
//    shifted by the printer's offset, to print onto the pre-printed form.

import { mm, newPdf, type FontSet, type Pdf } from '../../core/pdf';
import type { RegistrationView } from '../contract';
import { ACCENT, GREY, LIGHT, cnDate, fitText, sideLabel, type OfficeInfo } from './common';
import {
  BOOKLET,
  CERTIFICATE_FIELDS,
  FORMULA,
  LABEL_SIZE,
  PHOTO_BOX,
  SEAL,
  certificateValues,
  type CertificateField,
  type CertificateValues,
} from './layout';

export interface CertificateData {
  registration: Pick<RegistrationView, 'registrationDate' | 'certificateNumber' | 'parties'>;
  /** 婚姻登记员 who registered the marriage. */
  clerkName: string;
  /** 备注 line; empty for an ordinary first issue. */
  remarks?: string | null;
  /** Joint photo (JPEG or PNG), scaled to cover the photo box and centre-cropped to it. */
  photo?: Buffer | null;
}

export interface PrinterOffset {
  name: string;
  dxMm: number;
  dyMm: number;
}

export interface CertificateOptions extends OfficeInfo {
  mode: 'preview' | 'overlay';
  /** The printer profile: its offset moves the overlay; the preview names it. Null = no offset. */
  printer: PrinterOffset | null;
}

/** Where the booklet sits on the A4 preview page, mm from the paper's top-left corner. */
export const PREVIEW_ORIGIN = { x: (210 - BOOKLET.w) / 2, y: 62 } as const;

const VALUE_COLOR = '#000000';
const LABEL_COLOR = '#7a1f1f';

/**
 * What tells one civil-affairs booklet from another: the 结婚证 and the 离婚证 share the spread,
 * the field positions and the rendering; they differ in name, labels, formula and checklist.
 */
export interface BookletKind {
  name: string;
  fields: readonly CertificateField[];
  formula: string;
  /** Checklist lines 3… of the preview (lines 1–2, names and number, are common). */
  checklist: (offsetSentence: string) => string[];
}

export const MARRIAGE_BOOKLET: BookletKind = {
  name: '结婚证',
  fields: CERTIFICATE_FIELDS,
  formula: FORMULA.text,
  checklist: (offset) => [
    '双方合影为近期半身免冠合影，位置端正；',
    `核对无误后选择“套打”，只打印变量文字与合影到预印结婚证上；${offset}`,
    '打印时在打印对话框中选择“实际大小”（100%），不得缩放。',
  ],
};

export async function renderCertificate(fonts: FontSet, data: CertificateData, o: CertificateOptions): Promise<Buffer> {
  const reg = data.registration;
  // Print order: the man's booklet, then the woman's (parties are stored man first).
  const pages = ([0, 1] as const).map((holder) => certificateValues(reg, holder, data.clerkName, data.remarks ?? ''));
  return renderBooklet(fonts, MARRIAGE_BOOKLET, pages, data.photo ?? null, o);
}

/** One page per holder: the preview on A4 or the overlay on a booklet-sized page. */
export async function renderBooklet(
  fonts: FontSet,
  kind: BookletKind,
  pages: readonly CertificateValues[],
  photo: Buffer | null,
  o: CertificateOptions,
): Promise<Buffer> {
  const preview = o.mode === 'preview';
  const number = pages[0]?.certificateNumber ?? '';
  const pdf = newPdf(fonts, {
    size: preview ? 'A4' : [mm(BOOKLET.w), mm(BOOKLET.h)],
    margin: preview ? mm(15) : 0,
    title: `${kind.name} ${number}${preview ? '（预览样本）' : '（套打）'}`,
    author: o.officeName,
    subject: preview ? `${kind.name}打印预览` : `${kind.name}套打`,
  });
  pages.forEach((values, i) => {
    if (i > 0) pdf.doc.addPage();
    if (preview) previewPage(pdf, kind, photo, o, values, i, pages.length);
    else overlayPage(pdf, kind, photo, o, values);
  });
  return pdf.toBuffer();
}

/** Draws the field values (and the photo) with the spread's top-left corner at (ox, oy) points. */
function drawValues(pdf: Pdf, kind: BookletKind, values: CertificateValues, photo: Buffer | null, ox: number, oy: number): void {
  for (const f of kind.fields) {
    const text = f.value(values);
    if (text === '') continue;
    fitText(pdf, text, fieldBox(f, ox, oy), {
      family: 'serif',
      size: f.size,
      minSize: f.size * 0.72,
      maxLines: f.maxLines,
      valign: f.valign,
      color: VALUE_COLOR,
    });
  }
  if (photo) drawPhoto(pdf, photo, ox, oy);
}

export const fieldBox = (f: CertificateField, ox: number, oy: number) => ({
  x: ox + mm(f.box.x),
  y: oy + mm(f.box.y),
  w: mm(f.box.w),
  h: mm(f.box.h),
});

/** pdfkit's opened image; its typings omit `openImage`, whose result `image()` also accepts. */
interface PhotoImage {
  width: number;
  height: number;
}
/** The photo opened once per document: both booklets then show one embedded image, not two copies. */
const openedPhotos = new WeakMap<object, { bytes: Buffer; image: PhotoImage }>();

function openPhoto(pdf: Pdf, photo: Buffer): PhotoImage {
  const known = openedPhotos.get(pdf.doc);
  if (known?.bytes === photo) return known.image;
  try {
    const image = (pdf.doc as unknown as { openImage(src: Buffer): PhotoImage }).openImage(photo);
    openedPhotos.set(pdf.doc, { bytes: photo, image });
    return image;
  } catch (e) {
    throw new Error(`照片无法读取（须为 JPEG 或 PNG 图像）：${(e as Error).message}`);
  }
}

/**
 * Fills the photo box the way ID photos are: scaled to cover it with the aspect ratio kept,
 * centred, and clipped to the box, so a photo of another shape loses its edges, never its shape.
 */
function drawPhoto(pdf: Pdf, photo: Buffer, ox: number, oy: number): void {
  const image = openPhoto(pdf, photo);
  const [x, y, w, h] = [ox + mm(PHOTO_BOX.x), oy + mm(PHOTO_BOX.y), mm(PHOTO_BOX.w), mm(PHOTO_BOX.h)];
  pdf.doc.save().rect(x, y, w, h).clip();
  pdf.doc.image(image as unknown as Buffer, x, y, { cover: [w, h], align: 'center', valign: 'center' });
  pdf.doc.restore();
}

function overlayPage(pdf: Pdf, kind: BookletKind, photo: Buffer | null, o: CertificateOptions, values: CertificateValues): void {
  const { doc } = pdf;
  doc.save();
  // The printer's measured shift, right and down positive (as on the test page).
  doc.translate(mm(o.printer?.dxMm ?? 0), mm(o.printer?.dyMm ?? 0));
  drawValues(pdf, kind, values, photo, 0, 0);
  doc.restore();
}

function previewPage(
  pdf: Pdf,
  kind: BookletKind,
  photo: Buffer | null,
  o: CertificateOptions,
  values: CertificateValues,
  page: number,
  pageCount: number,
): void {
  const { doc } = pdf;
  const left = mm(15);
  const width = mm(210 - 30);
  const ox = mm(PREVIEW_ORIGIN.x);
  const oy = mm(PREVIEW_ORIGIN.y);
  const bw = mm(BOOKLET.w);
  const bh = mm(BOOKLET.h);

  watermark(pdf);

  // ── Header ────────────────────────────────────────────────────────────
  pdf.text(`${kind.name}打印预览（样本）`, {
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
  // A replacement may be one party's booklet only: the values say whose it is.
  const party = values.parties[values.holderSide ?? page]!;
  pdf.text(
    `第 ${page + 1} 本，共 ${pageCount} 本\u3000持证人：${party.name}（${sideLabel(party.sex)}）\u3000${kind.name}字号：${values.certificateNumber}`,
    { family: 'sans', size: 10, x: left, y: doc.y + mm(2), width, align: 'center' },
  );

  // ── The opened booklet at true size ───────────────────────────────────
  pdf.text('左页', { family: 'sans', size: 7, x: ox, y: oy - 12, width: bw / 2, align: 'center', color: GREY, lineHeight: 1.2 });
  pdf.text('右页', {
    family: 'sans',
    size: 7,
    x: ox + bw / 2,
    y: oy - 12,
    width: bw / 2,
    align: 'center',
    color: GREY,
    lineHeight: 1.2,
  });
  doc.save().lineWidth(1).strokeColor(ACCENT).rect(ox, oy, bw, bh).stroke();
  // The pre-printed frame of each page, 3 mm inside the edges.
  doc.lineWidth(0.35);
  doc.rect(ox + mm(3), oy + mm(3), mm(BOOKLET.spineX - 6), bh - mm(6)).stroke();
  doc.rect(ox + mm(BOOKLET.spineX + 3), oy + mm(3), mm(BOOKLET.w - BOOKLET.spineX - 6), bh - mm(6)).stroke();
  // The spine.
  doc
    .lineWidth(0.5)
    .dash(3, { space: 2 })
    .moveTo(ox + mm(BOOKLET.spineX), oy)
    .lineTo(ox + mm(BOOKLET.spineX), oy + bh)
    .stroke()
    .undash()
    .restore();

  // Labels of the form.
  for (const f of kind.fields) {
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
    // A hairline under each value, as the booklet has.
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
  fitText(pdf, kind.formula, box(FORMULA.box, ox, oy), { size: FORMULA.size, maxLines: 2, color: LABEL_COLOR, lineHeight: 1.5 });
  // Seal area: the registry's seal is applied by hand after printing.
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
  pdf.text('（婚姻登记专用章）', {
    family: 'sans',
    size: 5.5,
    x: ox + mm(SEAL.cx - SEAL.r),
    y: oy + mm(SEAL.cy) - 4,
    width: mm(2 * SEAL.r),
    align: 'center',
    color: ACCENT,
    lineHeight: 1.3,
  });

  // Photo box: the photo when there is one, else an empty box labelled 照片.
  const p = box(PHOTO_BOX, ox, oy);
  drawValues(pdf, kind, values, photo, ox, oy);
  if (!photo) {
    doc.save().lineWidth(0.5).strokeColor(GREY).dash(2, { space: 1.5 }).rect(p.x, p.y, p.w, p.h).stroke().undash().restore();
    pdf.text('照片', { family: 'sans', size: 10, x: p.x, y: p.y + p.h / 2 - 7.5, width: p.w, align: 'center', color: GREY });
  }

  // ── Notes under the booklet ───────────────────────────────────────────
  let y = oy + bh + mm(4);
  pdf.text(`实际尺寸 ${BOOKLET.w} × ${BOOKLET.h}\u00a0mm（${kind.name}内页展开）`, {
    family: 'sans',
    size: 7.5,
    x: ox,
    y: oy + bh + mm(1),
    width: bw,
    align: 'right',
    color: GREY,
  });
  y += mm(4);
  const offset = o.printer
    ? `套打使用打印机“${o.printer.name}”，偏移：水平 ${signed(o.printer.dxMm)}\u00a0mm，垂直 ${signed(o.printer.dyMm)}\u00a0mm。`
    : '未选择打印机，套打按 0\u00a0mm 偏移打印。';
  const checklist = [
    '持证人、双方姓名（含生僻字）、性别、国籍、出生日期与身份证件号应与证件原件逐字一致；',
    `登记日期 ${cnDate(values.registrationDate)}，${kind.name}字号 ${values.certificateNumber}；`,
    ...kind.checklist(offset),
  ];
  pdf.text(`核对要点：\n${checklist.map((line, i) => `${i + 1}. ${line}`).join('\n')}`, {
    family: 'sans',
    size: 9,
    x: left,
    y,
    width,
    lineHeight: 1.7,
  });
  pdf.text(`本页为预览样本，不作为${kind.name}使用`, {
    family: 'sans',
    size: 8,
    x: left,
    y: mm(297 - 15) - 12,
    width,
    align: 'center',
    color: GREY,
  });
}

const box = (b: { x: number; y: number; w: number; h: number }, ox: number, oy: number) => ({
  x: ox + mm(b.x),
  y: oy + mm(b.y),
  w: mm(b.w),
  h: mm(b.h),
});

const signed = (n: number) => `${n > 0 ? '+' : n < 0 ? '−' : '±'}${Math.abs(n).toFixed(1)}`;

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
