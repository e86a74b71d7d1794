import { defineHandlers } from '../../core/handler';
import { replacementCertificatePdf } from './replacement';
import { certificatePdf, declarationsPdf, refusalNoticePdf, reviewFormPdf } from './service';

export const marriageDocumentsHandlers = defineHandlers({
  'marriage.documents.certificate': (i, { app, actor }) => certificatePdf(app, actor, i),
  'marriage.documents.reviewForm': (i, { app, actor }) => reviewFormPdf(app, actor, i.id),
  'marriage.documents.declarations': (i, { app, actor }) => declarationsPdf(app, actor, i.id),
  'marriage.documents.replacement': (i, { app, actor }) => replacementCertificatePdf(app, actor, i),
  'marriage.documents.refusalNotice': (i, { app, actor }) => refusalNoticePdf(app, actor, i.refusalId),
});
