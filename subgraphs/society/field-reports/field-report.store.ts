import { groupByKey, requestLoader, type SubgraphContext } from '../../../core/graphql/context.js';
import { FieldReportEvent } from './field-report-event.entity.js';

/** Every step of each report asked for in a request, oldest first: one query for a page of reports, not one per report. */
export function historyByReport(context: SubgraphContext) {
  return requestLoader<string, FieldReportEvent[]>(context, 'fieldReportHistory', async (ids) => {
    const rows = await context.em.find(FieldReportEvent, { reportId: { $in: [...ids] } }, { orderBy: { at: 'asc', id: 'asc' } });
    return groupByKey(ids, rows, (r) => r.reportId);
  });
}
