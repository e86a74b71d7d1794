import { defineHandlers } from '../../core/handler';
import { certificatePdf, declarationsPdf, refusalNoticePdf, reviewFormPdf } from './service';

export const marriageDocumentsHandlers = defineHandlers({
  'marriage.documents.certificate': (i, { app, actor }) => certificatePdf(app, actor, i),
  'marriage.documents.reviewForm': (i, { app, actor }) => reviewFormPdf(app, actor, i.id),
  'marriage.documents.declarations': (i, { app, actor }) => declarationsPdf(app, actor, i.id),
  'marriage.documents.refusalNotice': (i, { app, actor }) => refusalNoticePdf(app, actor, i.refusalId),
});
