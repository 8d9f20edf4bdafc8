import { pageWindow, toConnection, type Connection, type PageArgs } from '../../../core/graphql/connection.js';
import type { SubgraphContext } from '../../../core/graphql/context.js';
import { requireReaderOf } from '../common/officer-scope.js';
import { checkYear } from '../kpis/year.rules.js';
import type { AdministrativeUnit } from '../units/administrative-unit.entity.js';
import { unitLoader } from '../units/unit-registry.js';
import { DocumentRecord } from './document.entity.js';
import { documentCursor, listDocuments, toDocumentView } from './document.store.js';
import type { DocumentFilter, DocumentView } from './document.type.js';

/**
 * A document by id; null when there is none. Officers of the commune whose register holds it and
 * provincial officers of its province only (FORBIDDEN or UNAUTHENTICATED otherwise, the refusal recorded).
 */
export async function findDocument(context: SubgraphContext, id: string): Promise<DocumentView | null> {
  const record = await context.em.findOne(DocumentRecord, { id });
  if (!record) return null;
  const unit = await unitLoader(context).load(record.communeId);
  await requireReaderOf(context, unit ?? { id: record.communeId, code: '', name: record.communeId, provinceId: null }, 'Query.document', { target: record.id, communeId: record.communeId });
  return toDocumentView(record);
}

/** A page of the commune's register, newest first, filtered; readers of its register only. */
export async function listCommuneDocuments(
  context: SubgraphContext,
  commune: Pick<AdministrativeUnit, 'id' | 'code' | 'name' | 'provinceId'>,
  filter: DocumentFilter | undefined,
  page: PageArgs,
): Promise<Connection<DocumentView>> {
  await requireReaderOf(context, commune, 'Commune.documents');
  const { limit, after } = pageWindow(page);
  if (filter?.year !== undefined && filter.year !== null) checkYear(filter.year, 'filter.year');
  const { rows, totalCount } = await listDocuments(context.em, commune.id, filter ?? {}, limit, after);
  return toConnection(rows.map(toDocumentView), limit, totalCount, documentCursor);
}
