import { defineHandlers } from '../../core/handler';
import {
  approveCorrection,
  correctionList,
  issueReplacement,
  marriageHistory,
  proposeCorrection,
  rejectCorrection,
  replacementsOfRegistration,
} from './service';

export const amendmentsHandlers = defineHandlers({
  'marriage.replacement.issue': (i, ctx) => issueReplacement(ctx, i),
  'marriage.replacement.list': (i, { app }) => replacementsOfRegistration(app, i.registrationId),
  'marriage.correction.propose': (i, ctx) => proposeCorrection(ctx, i),
  'marriage.correction.approve': (i, ctx) => approveCorrection(ctx, i),
  'marriage.correction.reject': (i, ctx) => rejectCorrection(ctx, i),
  'marriage.correction.list': (i, { app }) => correctionList(app, i),
  'marriage.history': (i, { app }) => marriageHistory(app, i.registrationId),
});
