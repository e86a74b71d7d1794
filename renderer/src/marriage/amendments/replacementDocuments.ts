import type { ReplacementView } from '../../../../main/marriage/amendments/contract';
import { call } from '../../app/api';
import type { PdfDocumentItem } from '../../app/PdfDocuments';

/** The preview and overlay of one replacement certificate, as PdfDocuments buttons. */
export function replacementDocuments(r: Pick<ReplacementView, 'id' | 'kind'>, short = false): PdfDocumentItem[] {
  const name = r.kind === 'BJ' ? '补领结婚证' : '补领离婚证';
  return [
    {
      key: `preview-${r.id}`,
      label: short ? '预览' : `${name}预览（样本）`,
      generate: () => call('marriage.documents.replacement', { id: r.id, mode: 'preview', printer: null }),
    },
    {
      key: `overlay-${r.id}`,
      label: short ? '套打' : `${name}套打`,
      generate: () => call('marriage.documents.replacement', { id: r.id, mode: 'overlay', printer: null }),
    },
  ];
}
