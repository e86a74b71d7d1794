import { defineHandlers } from '../../core/handler';
import { indicators, indicatorsPdf, indicatorsXlsx } from './service';
import { addEcoForms, listEcoForms, listTownships, removeTownship, saveTownship } from './settingsService';

export const funeralReportsHandlers = defineHandlers({
  'funeral.reports.indicators': (i, ctx) => indicators(ctx, i),
  'funeral.reports.pdf': (i, ctx) => indicatorsPdf(ctx, i),
  'funeral.reports.xlsx': (i, ctx) => indicatorsXlsx(ctx, i),
  'funeral.reports.ecoForms.list': (_i, ctx) => listEcoForms(ctx),
  'funeral.reports.ecoForms.add': (i, ctx) => addEcoForms(ctx, i),
  'funeral.reports.townships.list': (_i, ctx) => listTownships(ctx),
  'funeral.reports.townships.save': (i, ctx) => saveTownship(ctx, i),
  'funeral.reports.townships.remove': (i, ctx) => removeTownship(ctx, i),
});
