import { defineHandlers } from '../../core/handler';
import { attachAgreementFile, getAgreementFile, getJointPhoto, listAgreementFiles, setJointPhoto } from './service';

export const attachmentsHandlers = defineHandlers({
  'marriage.photo.set': (i, ctx) => setJointPhoto(ctx, i),
  'marriage.photo.get': (i, { app }) => getJointPhoto(app, i.registrationId),
  'marriage.divorce.agreement.attach': (i, ctx) => attachAgreementFile(ctx, i),
  'marriage.divorce.agreement.list': (i, { app }) => listAgreementFiles(app, i.divorceId),
  'marriage.divorce.agreement.get': (i, { app }) => getAgreementFile(app, i.id),
});
