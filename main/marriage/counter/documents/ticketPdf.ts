// The queue ticket (排队小票): a receipt-printer page 80 mm wide, as thermal printers at the window
// take it. Office name, the number large, service, time drawn, people ahead, and a QR code of the
// ticket for the counter's scanner.
import { drawQr, mm, newPdf, type FontSet } from '../../../core/pdf';

export interface TicketPdfInput {
  officeName: string;
  ticketId: number;
  number: string;
  date: string;
  serviceLabel: string;
  /** Wall-clock time drawn, 'YYYY-MM-DD HH:MM'. */
  issuedAt: string;
  /** People ahead when printed; null when the ticket is no longer waiting. */
  ahead: number | null;
  /** Appointment slot start, for tickets drawn at check-in. */
  slot: string | null;
  names: string | null;
}

/** What the QR code holds: enough for a scanner to find the ticket, nothing personal. */
export const ticketQrText = (t: Pick<TicketPdfInput, 'ticketId' | 'date' | 'number'>): string =>
  `MZ-TICKET/1/${t.ticketId}/${t.date}/${t.number}`;

const WIDTH_MM = 80;
const HEIGHT_MM = 130;
const MARGIN_MM = 5;

export async function renderTicketPdf(fonts: FontSet, t: TicketPdfInput): Promise<Buffer> {
  const pdf = newPdf(fonts, {
    size: [mm(WIDTH_MM), mm(HEIGHT_MM)],
    margin: mm(MARGIN_MM),
    title: `排队号 ${t.number}`,
    subject: '婚姻登记排队小票',
  });
  const { doc } = pdf;
  const x = mm(MARGIN_MM);
  const width = mm(WIDTH_MM - 2 * MARGIN_MM);
  const center = { x, width, align: 'center' as const };

  pdf.text(t.officeName, { ...center, y: mm(5), family: 'sans', bold: true, size: 11 });
  pdf.text('婚姻登记 · 排队号', { ...center, family: 'sans', size: 9, color: '#555555' });
  doc
    .moveTo(x, doc.y + 2)
    .lineTo(x + width, doc.y + 2)
    .dash(2, { space: 2 })
    .lineWidth(0.5)
    .stroke('#888888')
    .undash();
  pdf.text(t.number, { ...center, y: doc.y + mm(3), family: 'sans', bold: true, size: 40, lineHeight: 1.2 });
  pdf.text(t.serviceLabel + (t.slot ? `（预约 ${t.slot}）` : ''), { ...center, family: 'sans', size: 12 });
  if (t.names) pdf.text(t.names, { ...center, size: 10 });
  pdf.text(t.ahead === null ? '请留意叫号' : t.ahead === 0 ? '您前面没有人等候' : `您前面还有 ${t.ahead} 人等候`, {
    ...center,
    y: doc.y + mm(1),
    family: 'sans',
    size: 11,
  });
  pdf.text(`取号时间：${t.issuedAt}`, { ...center, size: 9, color: '#333333' });

  const qr = mm(26);
  const qrTop = doc.y + mm(3);
  drawQr(doc, ticketQrText(t), x + (width - qr) / 2, qrTop, qr);
  pdf.text('请凭此票到叫号窗口办理，过号请重新取号', {
    ...center,
    y: qrTop + qr + mm(3),
    size: 8,
    color: '#555555',
  });
  pdf.text('当日有效', { ...center, size: 8, color: '#555555' });
  return pdf.toBuffer();
}
