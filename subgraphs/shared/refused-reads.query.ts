import { pageWindow, toConnection, type Connection, type PageArgs } from '../../core/graphql/connection.js';
import type { SubgraphContext } from '../../core/graphql/context.js';
import { findRefusedReads } from './refused-read.store.js';
import { toRefusedReadView, type RefusedReadView } from './refused-read.type.js';
import { readAccess } from './access-guard.js';

/**
 * A subgraph's refused-read log of a commune and the units merged into it. Readable by the commune's
 * chairperson (head of the People's Committee, which answers for the commune's personal data) and
 * admins: not by the health staff or officers whose own refusals it lists.
 */
export async function listRefusedReads(
  context: SubgraphContext,
  field: 'Commune.refusedReads' | 'Commune.refusedDeviceReads' | 'Commune.refusedRecordReads' | 'Commune.refusedCommerceReads',
  communeId: string,
  scope: string[],
  page: PageArgs,
): Promise<Connection<RefusedReadView>> {
  await readAccess(context, field, { unitIds: [communeId] }, { target: communeId, communeId }, `The refused-read log of ${communeId} is for its chairperson (or the successor's) and admins: sign in with such a token.`);
  const { limit, after } = pageWindow(page);
  const { rows, totalCount } = await findRefusedReads(context, scope, limit, after);
  return toConnection(rows.map(toRefusedReadView), limit, totalCount, (r) => [r.at.getTime(), r.id]);
}
