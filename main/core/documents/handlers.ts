import { defineHandlers } from '../handler';
import { testPage } from './service';

export const documentsHandlers = defineHandlers({
  'documents.testPage': (i, { app, actor }) => testPage(app, actor, i.printer),
});
