import { defineHandlers } from '../../core/handler';
import { applyForDivorce, divorceWorklist, getDivorce, issueDivorceCertificate, withdrawDivorce } from './service';

export const divorceHandlers = defineHandlers({
  'marriage.divorce.apply': (i, ctx) => applyForDivorce(ctx, i),
  'marriage.divorce.withdraw': (i, ctx) => withdrawDivorce(ctx, i),
  'marriage.divorce.issue': (i, ctx) => issueDivorceCertificate(ctx, i.id),
  'marriage.divorce.get': (i, { app }) => getDivorce(app, i.id),
  'marriage.divorce.worklist': (_i, { app }) => divorceWorklist(app),
});
