import { defineHandlers } from '../../core/handler';
import {
  addAreaLimit,
  blockPlot,
  createCemetery,
  findPlot,
  generatePlots,
  getCemetery,
  getPlot,
  listAreaLimits,
  listCemeteries,
  plotMap,
  unblockPlot,
  updateCemetery,
  updatePlot,
} from './service';

export const cemeteriesHandlers = defineHandlers({
  'funeral.cemeteries.list': (_i, { app }) => listCemeteries(app),
  'funeral.cemeteries.get': (i, { app }) => getCemetery(app, i.id),
  'funeral.cemeteries.create': (i, ctx) => createCemetery(ctx, i),
  'funeral.cemeteries.update': (i, ctx) => updateCemetery(ctx, i.id, i.fields),
  'funeral.plots.generate': (i, ctx) => generatePlots(ctx, i),
  'funeral.plots.map': (i, { app }) => plotMap(app, i.sectionId),
  'funeral.plots.get': (i, { app }) => getPlot(app, i.id),
  'funeral.plots.find': (i, { app }) => findPlot(app, i.cemeteryId, i.label),
  'funeral.plots.block': (i, ctx) => blockPlot(ctx, i.id, i.reason),
  'funeral.plots.unblock': (i, ctx) => unblockPlot(ctx, i.id, i.reason),
  'funeral.plots.update': (i, ctx) => updatePlot(ctx, i),
  'funeral.plotLimits.list': (_i, { app }) => listAreaLimits(app),
  'funeral.plotLimits.add': (i, ctx) => addAreaLimit(ctx, i),
});
