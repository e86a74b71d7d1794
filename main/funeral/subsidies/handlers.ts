import { defineHandlers } from '../../core/handler';
import { createBatch, batchView, listBatches, markBatchPaid, removeFromBatch } from './batchService';
import { noticePdf, rosterPdf, rosterXlsx } from './documents/service';
import { listPolicies, loadSamplePolicies, policyInForce, savePolicyVersion } from './policyService';
import {
  applyForSubsidy,
  assessApplication,
  burialForSubsidy,
  districtApproval,
  getApplication,
  listApplications,
  streetReview,
  updateDocuments,
} from './service';

export const subsidiesHandlers = defineHandlers({
  'funeral.subsidies.policies.list': (_i, { app }) => listPolicies(app),
  'funeral.subsidies.policies.save': (i, ctx) => savePolicyVersion(ctx, i),
  'funeral.subsidies.policies.loadSample': (_i, ctx) => loadSamplePolicies(ctx),
  'funeral.subsidies.policies.inForce': (i, { app }) => policyInForce(app, i.areaCode, i.date),
  'funeral.subsidies.burial': (i, { app }) => burialForSubsidy(app, i.burialId),
  'funeral.subsidies.assess': (i, ctx) => assessApplication(ctx, i),
  'funeral.subsidies.apply': (i, ctx) => applyForSubsidy(ctx, i),
  'funeral.subsidies.updateDocuments': (i, ctx) => updateDocuments(ctx, i.id, i.documents),
  'funeral.subsidies.review': (i, ctx) => streetReview(ctx, i),
  'funeral.subsidies.approve': (i, ctx) => districtApproval(ctx, i),
  'funeral.subsidies.get': (i, ctx) => getApplication(ctx, i.id),
  'funeral.subsidies.list': (i, { app }) => listApplications(app, i),
  'funeral.subsidies.batches.create': (i, ctx) => createBatch(ctx, i),
  'funeral.subsidies.batches.remove': (i, ctx) => removeFromBatch(ctx, i.batchId, i.applicationId),
  'funeral.subsidies.batches.list': (_i, { app }) => listBatches(app),
  'funeral.subsidies.batches.get': (i, { app }) => batchView(app, i.id),
  'funeral.subsidies.batches.markPaid': (i, ctx) => markBatchPaid(ctx, i),
  'funeral.subsidies.notice.pdf': (i, ctx) => noticePdf(ctx, i.id),
  'funeral.subsidies.roster.pdf': (i, ctx) => rosterPdf(ctx, i.batchId),
  'funeral.subsidies.roster.xlsx': (i, ctx) => rosterXlsx(ctx, i.batchId),
});
