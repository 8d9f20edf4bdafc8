import type { SubgraphPart } from '../../../core/subgraph.js';
import { FieldReportMutationResolver } from './field-report-mutations.resolver.js';
import { CommuneFieldReportResolver, FieldReportResolver } from './field-report.resolver.js';

/** Field reports (phản ánh hiện trường): submission, workflow, SLA and KPIs. No pilot reports: the source gives no counts. */
export const fieldReportsPart: SubgraphPart = {
  resolvers: [CommuneFieldReportResolver, FieldReportResolver, FieldReportMutationResolver],
};
