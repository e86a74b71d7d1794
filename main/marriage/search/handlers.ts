import { defineHandlers } from '../../core/handler';
import { exportSearchResults } from './service';

export const marriageSearchHandlers = defineHandlers({
  'marriage.search.export': (i, ctx) => exportSearchResults(ctx, i),
});
