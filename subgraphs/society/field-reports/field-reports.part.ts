import type { SubgraphPart } from '../../../core/subgraph.js';
import { FieldReportEvent } from './field-report-event.entity.js';
import { FieldReportMutationResolver } from './field-report-mutations.resolver.js';
import { FieldReportSla } from './field-report-sla.entity.js';
import { FieldReport } from './field-report.entity.js';
import { CommuneFieldReportResolver, FieldReportResolver } from './field-report.resolver.js';

/** Field reports (phản ánh hiện trường): submission, workflow, SLA and KPIs. No pilot reports: the source gives no counts. */
export const fieldReportsPart: SubgraphPart = {
  entities: [FieldReport, FieldReportEvent, FieldReportSla],
  resolvers: [CommuneFieldReportResolver, FieldReportResolver, FieldReportMutationResolver],
};
