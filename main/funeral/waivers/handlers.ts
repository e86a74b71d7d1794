import { defineHandlers } from '../../core/handler';
import { listHomes, listStandards, saveHome, saveStandard } from './policy';
import {
  correctWaiver,
  getWaiver,
  listWaivers,
  lookupWaiver,
  quoteWaiver,
  recordWaiver,
  voidWaiver,
  waiverTotals,
} from './service';
import { monthSummary, settleMonth, settlementPdf, settlementSheet, settlementXlsx } from './settlement';

export const waiversHandlers = defineHandlers({
  'funeral.waivers.standards': (_i, { app }) => listStandards(app),
  'funeral.waivers.saveStandard': (i, ctx) => saveStandard(ctx, i),
  'funeral.waivers.homes': (_i, { app }) => listHomes(app),
  'funeral.waivers.saveHome': (i, ctx) => saveHome(ctx, i),
  'funeral.waivers.quote': (i, { app }) => quoteWaiver(app, i),
  'funeral.waivers.lookup': (i, { app }) => lookupWaiver(app, i.idNumber),
  'funeral.waivers.record': (i, ctx) => recordWaiver(ctx, i),
  'funeral.waivers.correct': (i, ctx) => correctWaiver(ctx, i),
  'funeral.waivers.void': (i, ctx) => voidWaiver(ctx, i),
  'funeral.waivers.get': (i, { app }) => getWaiver(app, i.id),
  'funeral.waivers.list': (i, { app }) => listWaivers(app, i),
  'funeral.waivers.monthSummary': (i, { app }) => monthSummary(app, i.month),
  'funeral.waivers.settlement': (i, { app }) => settlementSheet(app, i.funeralHomeId, i.month),
  'funeral.waivers.settlementPdf': (i, { app, actor }) => settlementPdf(app, actor, i.funeralHomeId, i.month),
  'funeral.waivers.settlementXlsx': (i, { app, actor }) => settlementXlsx(app, actor, i.funeralHomeId, i.month),
  'funeral.waivers.settle': (i, ctx) => settleMonth(ctx, i),
  'funeral.waivers.totals': (i, { app }) => waiverTotals(app, i.from, i.to),
});
