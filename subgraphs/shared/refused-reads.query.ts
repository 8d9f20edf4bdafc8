import { pageWindow, toConnection, type Connection, type PageArgs } from '../../core/graphql/connection.js';
import type { SubgraphContext } from '../../core/graphql/context.js';
import { findRefusedReads } from './refused-read.store.js';
import { refusedReadFilter, type RefusedReadFilterInput } from './refused-read.rules.js';
import { toRefusedReadView, type RefusedReadView } from './refused-read.type.js';
import { readAccess } from './access-guard.js';
import { isCommuneId } from './commune-id.js';

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
  const { rows, totalCount } = await findRefusedReads(context, { communeIds: scope }, limit, after);
  return toConnection(rows.map(toRefusedReadView), limit, totalCount, (r) => [r.at.getTime(), r.id]);
}

/**
 * A subgraph's whole refused-read log, of every commune and of none (reconciliation, an id that does
 * not exist: rows no Commune log lists), filtered. Admins only; a refusal is logged against the
 * commune asked for, if any (so that its chairperson sees the attempt), else against the query.
 */
export async function listAllRefusedReads(
  context: SubgraphContext,
  field: 'Query.refusedReads' | 'Query.refusedDeviceReads' | 'Query.refusedRecordReads' | 'Query.refusedCommerceReads',
  args: PageArgs & RefusedReadFilterInput,
): Promise<Connection<RefusedReadView>> {
  const name = field.slice('Query.'.length);
  // Logged against the commune asked for only when it is one (the column holds a Commune.id); the input is checked after.
  const communeId = args.communeId && isCommuneId(args.communeId) ? args.communeId.trim() : null;
  await readAccess(context, field, {}, { target: communeId ?? name, communeId }, `${name} lists every commune's refused reads and those of none: it is for admins. A commune's chairperson reads the commune's own on Commune.${name}.`);
  const filter = refusedReadFilter(args);
  const { limit, after } = pageWindow(args);
  const { rows, totalCount } = await findRefusedReads(context, filter, limit, after);
  return toConnection(rows.map(toRefusedReadView), limit, totalCount, (r) => [r.at.getTime(), r.id]);
}
