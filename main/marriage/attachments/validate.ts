import { createHash } from 'node:crypto';
import { ServiceError } from '../../core/errors';
import { AGREEMENT_FILE, JOINT_PHOTO, formatBytes, mimeLabels, type AttachmentMimeType } from './contract';
import { sniff } from './fileContent';

// The rules a file must meet before it is stored. Everything is judged from the bytes: a GIF
// renamed .png, a text file renamed .jpg or a cut-off upload is refused with what is wrong with it.

export interface CheckedFile {
  bytes: Buffer;
  mimeType: AttachmentMimeType;
  width: number | null;
  height: number | null;
  sha256: string;
  fileName: string;
}

interface Rules {
  /** 合影 / 协议扫描件: the word the messages use. */
  label: string;
  types: readonly AttachmentMimeType[];
  maxBytes: number;
  minShortSidePx: number;
  maxSidePx: number;
  maxAspectRatio: number | null;
  /** What to do about a refusal, appended to each message. */
  hint: string;
}

const photoRules: Rules = {
  label: '合影',
  types: JOINT_PHOTO.types,
  maxBytes: JOINT_PHOTO.maxBytes,
  minShortSidePx: JOINT_PHOTO.minShortSidePx,
  maxSidePx: JOINT_PHOTO.maxSidePx,
  maxAspectRatio: JOINT_PHOTO.maxAspectRatio,
  hint: '请选择双方近期半身免冠合影的 JPEG 或 PNG 文件',
};

const agreementRules: Rules = {
  label: '协议扫描件',
  types: AGREEMENT_FILE.types,
  maxBytes: AGREEMENT_FILE.maxBytes,
  minShortSidePx: AGREEMENT_FILE.minShortSidePx,
  maxSidePx: AGREEMENT_FILE.maxSidePx,
  maxAspectRatio: null,
  hint: '请上传 PDF、JPEG 或 PNG 格式的扫描件',
};

const invalid = (message: string): ServiceError => new ServiceError('INVALID_INPUT', message, 'base64');

const typeList = (types: readonly AttachmentMimeType[]): string =>
  types.map((t) => mimeLabels[t].replace(/ (图像|文档)$/, '')).join('、');

/** The name as the clerk's computer gave it, without folders or control characters (display only). */
export function cleanFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return clean === '' ? '未命名文件' : clean.slice(0, 255);
}

function check(rules: Rules, rawName: string, base64: string): CheckedFile {
  const fileName = cleanFileName(rawName);
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length === 0) throw invalid(`「${fileName}」是空文件。${rules.hint}`);
  if (bytes.length > rules.maxBytes) {
    throw invalid(
      `「${fileName}」大小为 ${formatBytes(bytes.length)}，超过${rules.label}的上限 ${formatBytes(rules.maxBytes)}，请压缩后再上传`,
    );
  }
  const found = sniff(bytes);
  const accepted = `${rules.label}只接受 ${typeList(rules.types)} 文件（以文件内容为准，不看扩展名）`;
  if (found === null) throw invalid(`「${fileName}」不是可识别的 ${typeList(rules.types)} 文件。${accepted}`);
  if (found.kind === 'refused') throw invalid(`「${fileName}」不能作为${rules.label}：${found.reason}。${accepted}`);
  if (!rules.types.includes(found.mimeType)) {
    throw invalid(`「${fileName}」不能作为${rules.label}：该文件实际为 ${mimeLabels[found.mimeType]}。${accepted}`);
  }
  let width: number | null = null;
  let height: number | null = null;
  if (found.kind === 'image') {
    ({ width, height } = found);
    const short = Math.min(width, height);
    const long = Math.max(width, height);
    const size = `${width} × ${height} 像素`;
    if (short < rules.minShortSidePx) {
      throw invalid(
        `「${fileName}」分辨率过低（${size}）：${rules.label}的短边至少需要 ${rules.minShortSidePx} 像素，请使用更清晰的原图`,
      );
    }
    if (long > rules.maxSidePx) {
      throw invalid(`「${fileName}」尺寸过大（${size}）：${rules.label}的长边不能超过 ${rules.maxSidePx} 像素，请缩小后再上传`);
    }
    if (rules.maxAspectRatio !== null && long / short > rules.maxAspectRatio) {
      throw invalid(
        `「${fileName}」长宽比例异常（${size}）：${rules.label}应为双人合影，长边不超过短边的 ${rules.maxAspectRatio} 倍`,
      );
    }
  }
  return { bytes, mimeType: found.mimeType, width, height, sha256: createHash('sha256').update(bytes).digest('hex'), fileName };
}

export const checkJointPhoto = (fileName: string, base64: string): CheckedFile => check(photoRules, fileName, base64);
export const checkAgreementFile = (fileName: string, base64: string): CheckedFile => check(agreementRules, fileName, base64);
