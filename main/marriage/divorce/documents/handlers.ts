import { defineHandlers } from '../../../core/handler';
import { divorceCertificatePdf, divorceReceiptPdf, divorceWithdrawalPdf } from './service';

export const divorceDocumentsHandlers = defineHandlers({
  'marriage.divorce.documents.receipt': (i, { app, actor }) => divorceReceiptPdf(app, actor, i.id),
  'marriage.divorce.documents.withdrawal': (i, { app, actor }) => divorceWithdrawalPdf(app, actor, i.id),
  'marriage.divorce.documents.certificate': (i, { app, actor }) => divorceCertificatePdf(app, actor, i),
});
