import type { SubgraphContext } from '../../../core/graphql/context.js';
import type { School } from './school.entity.js';
import { bySchoolLevel } from './school.rules.js';
import { schoolsByCommune } from './school.store.js';

/**
 * The schools of these communes (a commune and those merged into it), from preschool up. Public. Through the
 * request's loader (hence the context), so the communes of one gateway request share one query.
 */
export async function schoolsOf(context: SubgraphContext, communeIds: string[]): Promise<School[]> {
  const schools = (await schoolsByCommune(context).loadMany(communeIds)).flatMap((list) => (list instanceof Error ? [] : list));
  return [...schools].sort(bySchoolLevel);
}
