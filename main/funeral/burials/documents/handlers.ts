import { defineHandlers } from '../../../core/handler';
import { burialCertificatePdf, expiryNoticesPdf, storageCertificatePdf } from './service';

export const burialDocumentsHandlers = defineHandlers({
  'funeral.burials.documents.certificate': (i, { app, actor }) => burialCertificatePdf(app, actor, i.id, i.reprintReason),
  'funeral.burials.documents.expiryNotices': (i, { app, actor }) => expiryNoticesPdf(app, actor, i.burialIds),
  'funeral.storage.documents.certificate': (i, { app, actor }) => storageCertificatePdf(app, actor, i.id, i.reprintReason),
});
