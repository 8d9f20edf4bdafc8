import type { SubgraphContext } from '../../../core/graphql/context.js';
import type { CommuneReference } from '../../shared/commune.reference.js';
import { loadForScope } from '../commune/commune.reference.js';
import { villageSurveysByCommune } from './connectivity.store.js';
import { latestPerVillage, summariseConnectivity, type ConnectivitySummary } from './connectivity.rules.js';
import type { VillageConnectivity } from './village-connectivity.entity.js';

const villageOrder = new Intl.Collator('vi', { numeric: true, sensitivity: 'base' });

/** Coverage and broadband over the commune's (and its predecessors') villages, from each one's latest survey on or before the day. Public. */
export async function connectivityOn(context: SubgraphContext, commune: CommuneReference, day: string): Promise<ConnectivitySummary> {
  return summariseConnectivity(latestPerVillage(await loadForScope(villageSurveysByCommune(context), commune), day));
}

/** Each village's latest survey on or before the day, by village name (Vietnamese collation, numbers by value). Public. */
export async function villageSurveysOn(context: SubgraphContext, commune: CommuneReference, day: string): Promise<VillageConnectivity[]> {
  const rows = await loadForScope(villageSurveysByCommune(context), commune);
  return latestPerVillage(rows, day).sort((a, b) => villageOrder.compare(a.village, b.village) || a.id.localeCompare(b.id));
}
