import { defineHandlers } from '../../core/handler';
import { statsPdf, statsReport, statsXlsx } from './service';

export const marriageStatsHandlers = defineHandlers({
  'marriage.stats.report': (i, { app }) => statsReport(app, i.period),
  'marriage.stats.documents.pdf': (i, { app, actor }) => statsPdf(app, actor, i.period),
  'marriage.stats.documents.xlsx': (i, { app, actor }) => statsXlsx(app, actor, i.period),
});
