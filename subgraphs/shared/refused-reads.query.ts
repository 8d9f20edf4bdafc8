import { pageWindow, toConnection, type Connection, type PageArgs } from '../../core/graphql/connection.js';
import type { SubgraphContext } from '../../core/graphql/context.js';
import { forbidden } from '../../core/domain-errors.js';
import { findRefusedReads } from './refused-read.store.js';
import { toRefusedReadView, type RefusedReadView } from './refused-read.type.js';
import { actsForUnit, Role } from './roles.js';

/**
 * A subgraph's refused-read log of a commune and the units merged into it. Readable by the commune's
 * chairperson (head of the People's Committee, which answers for the commune's personal data) and
 * admins: not by the health staff or officers whose own refusals it lists.
 */
export async function listRefusedReads(context: SubgraphContext, communeId: string, scope: string[], page: PageArgs): Promise<Connection<RefusedReadView>> {
  if (!actsForUnit(context.viewer, Role.CHAIRPERSON, communeId)) {
    throw forbidden(`The refused-read log of ${communeId} is for its ${Role.CHAIRPERSON} (or the successor's) and admins: sign in with such a token.`);
  }
  const { limit, after } = pageWindow(page);
  const { rows, totalCount } = await findRefusedReads(context, scope, limit, after);
  return toConnection(rows.map(toRefusedReadView), limit, totalCount, (r) => [r.at.getTime(), r.id]);
}
