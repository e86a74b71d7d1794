import { defineHandlers } from '../../core/handler';
import { respoilCertificate, seriesOfYear, setCertificateStart, voidedNumbers } from './service';

export const marriageNumbersHandlers = defineHandlers({
  'marriage.numbers.respoil': (i, ctx) => respoilCertificate(ctx, i.registrationId, i.reason),
  'marriage.numbers.voided': (i, ctx) => voidedNumbers(ctx, i.kind, i.year),
  'marriage.numbers.series': (i, ctx) => seriesOfYear(ctx, i.year),
  'marriage.numbers.setStart': (i, ctx) => setCertificateStart(ctx, i.kind, i.year, i.start),
});
