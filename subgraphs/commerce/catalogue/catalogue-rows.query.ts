import type { SubgraphContext } from '../../../core/graphql/context.js';
import { readRows } from '../../shared/access-guard.js';
import type { RowScope } from '../../shared/access-rule.js';
import type { FilteredField } from '../../shared/access-rules.js';
import { memberProducerIds } from './producer-access.query.js';

/** The catalogue's filtered lists (ACCESS_RULES): their drafts are the producer's members'. */
export type CatalogueField = Extract<FilteredField, 'Query.products' | 'Query.product' | 'Producer.products' | 'Commune.products' | 'Product.listings'>;

const PUBLIC_ROWS: RowScope = { kind: 'public' };

/**
 * Which catalogue rows the viewer sees, by the field's rule: all (admins), the public rows plus the
 * drafts of the producers it is a recorded member of (commerce's records, read once per request), or
 * the public rows. The rules answer the public rows rather than refuse, so this never throws.
 */
export async function catalogueRows(context: SubgraphContext, field: CatalogueField): Promise<RowScope> {
  return (await readRows(context, field, { memberProducerIds: memberProducerIds(context) }, { target: field })) ?? PUBLIC_ROWS;
}
