// What a file really is, read from its first bytes and its header — never from its name. Only
// the formats the registry accepts are parsed in full (PNG, JPEG, PDF); the others are recognised
// just well enough to tell the clerk what was chosen instead.

import type { AttachmentMimeType } from './contract';

export type Sniffed =
  | { kind: 'image'; mimeType: 'image/png' | 'image/jpeg'; width: number; height: number }
  | { kind: 'pdf'; mimeType: 'application/pdf' }
  /** A known format the registry does not take (GIF, WebP …), or a broken file of an accepted one. */
  | { kind: 'refused'; reason: string };

const startsWith = (b: Buffer, bytes: readonly number[], at = 0): boolean =>
  b.length >= at + bytes.length && bytes.every((x, i) => b[at + i] === x);
const ascii = (b: Buffer, at: number, text: string): boolean =>
  b.length >= at + text.length && b.toString('latin1', at, at + text.length) === text;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] as const;

/** Formats people pick by mistake, named so the refusal can say what the file actually is. */
function otherFormat(b: Buffer): string | null {
  if (ascii(b, 0, 'GIF87a') || ascii(b, 0, 'GIF89a')) return 'GIF 图像';
  if (ascii(b, 0, 'RIFF') && ascii(b, 8, 'WEBP')) return 'WebP 图像';
  if (ascii(b, 0, 'BM') && b.length > 26) return 'BMP 图像';
  if (startsWith(b, [0x49, 0x49, 0x2a, 0x00]) || startsWith(b, [0x4d, 0x4d, 0x00, 0x2a])) return 'TIFF 图像';
  if (ascii(b, 4, 'ftyp') && ['heic', 'heix', 'mif1', 'msf1', 'hevc'].some((t) => ascii(b, 8, t)))
    return 'HEIC 图像（苹果手机照片）';
  if (ascii(b, 4, 'ftyp') && ['avif', 'avis'].some((t) => ascii(b, 8, t))) return 'AVIF 图像';
  if (startsWith(b, [0x50, 0x4b, 0x03, 0x04])) return '压缩包或 Office 文档';
  if (startsWith(b, [0xd0, 0xcf, 0x11, 0xe0])) return 'Office 文档';
  return null;
}

function png(b: Buffer): Sniffed {
  // IHDR must be the first chunk: length 13, then width, height, bit depth, colour type …
  if (b.length < 33 || b.readUInt32BE(8) !== 13 || !ascii(b, 12, 'IHDR')) return { kind: 'refused', reason: 'PNG 文件头已损坏' };
  const width = b.readUInt32BE(16);
  const height = b.readUInt32BE(20);
  const depth = b[24]!;
  const colour = b[25]!;
  const depths: Record<number, number[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };
  if (!depths[colour]?.includes(depth) || b[26] !== 0 || b[27] !== 0 || (b[28] !== 0 && b[28] !== 1)) {
    return { kind: 'refused', reason: 'PNG 文件头中的颜色格式无效' };
  }
  // A PNG ends with its IEND chunk: without it the upload was cut short.
  if (b.indexOf('IEND', Math.max(33, b.length - 64), 'latin1') < 0)
    return { kind: 'refused', reason: 'PNG 文件不完整（缺少结束标记）' };
  return { kind: 'image', mimeType: 'image/png', width, height };
}

// Start-of-frame markers PDF readers decode (DCTDecode): baseline, extended sequential, progressive.
// Lossless and arithmetic-coded JPEGs exist but most readers and printers cannot show them.
const SOF_SUPPORTED = new Set([0xc0, 0xc1, 0xc2]);
const SOF_UNSUPPORTED = new Set([0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

function jpeg(b: Buffer): Sniffed {
  let i = 2;
  while (i + 4 <= b.length) {
    if (b[i] !== 0xff) return { kind: 'refused', reason: 'JPEG 文件结构已损坏' };
    let marker = b[i + 1]!;
    // Fill bytes: any number of 0xFF before a marker.
    while (marker === 0xff && i + 2 < b.length) marker = b[++i + 1]!;
    i += 2;
    // Markers without a length.
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) continue;
    if (marker === 0xd9 || marker === 0xda) break; // end of image or start of scan before any frame header
    if (i + 2 > b.length) break;
    const length = b.readUInt16BE(i);
    if (length < 2) return { kind: 'refused', reason: 'JPEG 文件结构已损坏' };
    if (SOF_SUPPORTED.has(marker) || SOF_UNSUPPORTED.has(marker)) {
      if (i + 7 > b.length) break;
      if (SOF_UNSUPPORTED.has(marker)) {
        return { kind: 'refused', reason: 'JPEG 采用无损或算术编码，打印与阅读软件无法显示，请另存为普通 JPEG' };
      }
      const height = b.readUInt16BE(i + 3);
      const width = b.readUInt16BE(i + 5);
      const components = b[i + 7];
      if (height === 0 || width === 0) return { kind: 'refused', reason: 'JPEG 文件头中的图像尺寸无效' };
      if (components !== 1 && components !== 3 && components !== 4) {
        return { kind: 'refused', reason: 'JPEG 的颜色通道数不受支持' };
      }
      // The image data must end somewhere after the header: a cut-off upload has no end-of-image.
      if (b.lastIndexOf(Buffer.from([0xff, 0xd9])) < i) return { kind: 'refused', reason: 'JPEG 文件不完整（缺少结束标记）' };
      return { kind: 'image', mimeType: 'image/jpeg', width, height };
    }
    i += length;
  }
  return { kind: 'refused', reason: 'JPEG 文件中找不到图像尺寸（文件已损坏）' };
}

function pdf(b: Buffer): Sniffed {
  if (!/^%PDF-[12]\.\d/.test(b.toString('latin1', 0, 8))) return { kind: 'refused', reason: 'PDF 文件头已损坏' };
  // The trailer's %%EOF sits in the last kilobyte; a cut-off upload lacks it.
  if (b.indexOf('%%EOF', Math.max(0, b.length - 1024), 'latin1') < 0)
    return { kind: 'refused', reason: 'PDF 文件不完整（缺少结束标记）' };
  return { kind: 'pdf', mimeType: 'application/pdf' };
}

/** Reads the file's own signature; null when it is none of the formats this module knows. */
export function sniff(b: Buffer): Sniffed | null {
  if (startsWith(b, PNG_SIGNATURE)) return png(b);
  if (startsWith(b, [0xff, 0xd8, 0xff])) return jpeg(b);
  if (ascii(b, 0, '%PDF-')) return pdf(b);
  const other = otherFormat(b);
  return other ? { kind: 'refused', reason: `该文件实际为${/^[A-Za-z]/.test(other) ? ' ' : ''}${other}` } : null;
}

export const isAccepted = (s: Sniffed | null, types: readonly AttachmentMimeType[]): boolean =>
  s !== null && s.kind !== 'refused' && types.includes(s.mimeType);
