import { z } from 'zod';
import { channel, needs, returns } from '../../core/contract/define';
import { recordId } from '../../core/contract/fields';

// Files kept with a marriage record: the couple's joint photo (双方合影, printed on the 结婚证) and
// the scanned pages of a divorce agreement (离婚协议书扫描件). The bytes cross every transport as
// Base64 inside the JSON call, so the desktop (IPC) and the browser (HTTP bridge) carry them alike.
// The limits live here so the renderer refuses a file before sending it with the same numbers the
// service enforces; the service still checks the content itself (never the file name).

const MB = 1024 * 1024;

export const attachmentKinds = ['jointPhoto', 'divorceAgreement'] as const;
export type AttachmentKind = (typeof attachmentKinds)[number];

export const attachmentMimeTypes = ['image/jpeg', 'image/png', 'application/pdf'] as const;
export type AttachmentMimeType = (typeof attachmentMimeTypes)[number];

/** What pdfkit can place on the certificate. */
export const JOINT_PHOTO = {
  types: ['image/jpeg', 'image/png'] as const,
  maxBytes: 5 * MB,
  /** Below this the photo prints visibly blurred in the 50 × 35 mm box (≈ 220 dpi at 35 mm). */
  minShortSidePx: 300,
  maxSidePx: 12_000,
  /** A joint photo is roughly the box's shape; a strip or a tall phone screenshot is not one. */
  maxAspectRatio: 3,
};

export const AGREEMENT_FILE = {
  types: ['application/pdf', 'image/jpeg', 'image/png'] as const,
  maxBytes: 20 * MB,
  /** A scanned page below this cannot be read back (≈ 60 dpi for A4). */
  minShortSidePx: 500,
  maxSidePx: 20_000,
  /** Several pages, each its own file; a bound agreement rarely has more. */
  maxFilesPerApplication: 30,
};

export const mimeLabels: Record<AttachmentMimeType, string> = {
  'image/jpeg': 'JPEG 图像',
  'image/png': 'PNG 图像',
  'application/pdf': 'PDF 文档',
};

export const formatBytes = (n: number): string =>
  n >= MB ? `${(n / MB).toFixed(1)} MB` : n >= 1024 ? `${Math.ceil(n / 1024)} KB` : `${n} 字节`;

/** Base64 of at most `maxBytes` bytes; the message names the limit in the clerk's terms. */
const base64Content = (maxBytes: number, label: string) =>
  z
    .string()
    .min(1, { message: `请选择${label}` })
    .max(Math.ceil(maxBytes / 3) * 4, { message: `${label}不能超过 ${maxBytes / MB} MB，请压缩后再上传` })
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: `${label}的内容编码无效（应为 Base64）` })
    .describe(label);

const fileName = z.string().trim().min(1).max(255).describe('文件名');

/** One stored file, without its bytes. */
export interface AttachmentView {
  id: number;
  kind: AttachmentKind;
  mimeType: AttachmentMimeType;
  byteSize: number;
  sha256: string;
  /** As the clerk's computer named it; shown, never trusted. */
  fileName: string;
  /** Images only. */
  width: number | null;
  height: number | null;
  /** Joint photo: the photo this one replaced (the old one is kept). */
  replaces: number | null;
  /** Joint photo: whether it is the one the certificate uses now. Agreement files are always current. */
  current: boolean;
  createdAt: string;
  createdBy: string | null;
}

export interface AttachmentFile extends AttachmentView {
  base64: string;
}

export interface JointPhotoState {
  /** The photo printed on the certificate, with its bytes; null when none was imported yet. */
  current: AttachmentFile | null;
  /** Every photo ever imported for the record, newest first (the current one included). */
  history: AttachmentView[];
}

export const attachmentsContract = {
  'marriage.photo.set': channel({
    input: z
      .object({
        registrationId: recordId.describe('结婚登记记录'),
        fileName,
        base64: base64Content(JOINT_PHOTO.maxBytes, '合影文件'),
      })
      .strict(),
    output: returns<AttachmentView>(),
    access: needs('marriage.register'),
    summary: '导入或更换双方合影（JPEG/PNG，不超过 5 MB，短边不少于 300 像素），随登记记录保存；旧合影保留在历史中',
    mutates: true,
  }),
  'marriage.photo.get': channel({
    input: z.object({ registrationId: recordId.describe('结婚登记记录') }).strict(),
    output: returns<JointPhotoState>(),
    access: needs('marriage.register'),
    summary: '读取结婚登记记录的当前合影（含文件内容）及历次更换记录',
    mutates: false,
  }),
  'marriage.divorce.agreement.attach': channel({
    input: z
      .object({
        divorceId: recordId.describe('离婚申请'),
        fileName,
        base64: base64Content(AGREEMENT_FILE.maxBytes, '协议扫描件'),
      })
      .strict(),
    output: returns<AttachmentView>(),
    access: needs('marriage.register'),
    summary: '为离婚申请附加离婚协议书扫描件（PDF/JPEG/PNG，每份不超过 20 MB，可分多页多份上传）',
    mutates: true,
  }),
  'marriage.divorce.agreement.list': channel({
    input: z.object({ divorceId: recordId.describe('离婚申请') }).strict(),
    output: returns<AttachmentView[]>(),
    access: needs('marriage.register'),
    summary: '列出离婚申请已附的协议书扫描件（按上传顺序）',
    mutates: false,
  }),
  'marriage.divorce.agreement.get': channel({
    input: z.object({ id: recordId.describe('扫描件') }).strict(),
    output: returns<AttachmentFile>(),
    access: needs('marriage.register'),
    summary: '读取一份离婚协议书扫描件（含文件内容）',
    mutates: false,
  }),
};
