import { defineHandlers } from '../../core/handler';
import {
  addUsePeriod,
  expiringWorklist,
  getBurial,
  keepSpousePlace,
  listUsePeriods,
  plotContents,
  registerBurial,
  releaseSpousePlace,
  renewBurial,
  searchBurials,
} from './service';

export const burialsHandlers = defineHandlers({
  'funeral.burials.register': (i, ctx) => registerBurial(ctx, i),
  'funeral.burials.get': (i, { app }) => getBurial(app, i.id),
  'funeral.burials.search': (i, { app }) => searchBurials(app, i.query, i.cemeteryId),
  'funeral.burials.ofPlot': (i, { app }) => plotContents(app, i.plotId),
  'funeral.burials.keepSpousePlace': (i, ctx) => keepSpousePlace(ctx, i),
  'funeral.burials.releaseSpousePlace': (i, ctx) => releaseSpousePlace(ctx, i.reservationId, i.reason),
  'funeral.burials.renew': (i, ctx) => renewBurial(ctx, i),
  'funeral.burials.expiring': (i, { app }) => expiringWorklist(app, i.months, i.cemeteryId),
  'funeral.usePeriods.list': (_i, { app }) => listUsePeriods(app),
  'funeral.usePeriods.add': (i, ctx) => addUsePeriod(ctx, i),
});
