import { invalidInput } from '../../../core/domain-errors.js';
import { pageWindow, toConnection, type Connection, type PageArgs } from '../../../core/graphql/connection.js';
import type { SubgraphContext } from '../../../core/graphql/context.js';
import { requireReaderOf } from '../common/officer-scope.js';
import type { AdministrativeUnit } from '../units/administrative-unit.entity.js';
import { unitLoader } from '../units/unit-registry.js';
import { Dossier } from './dossier.entity.js';
import { dossierCursor, listDossiers, toDossierView } from './dossier.store.js';
import type { DossierFilter, DossierView } from './dossier.type.js';

/**
 * A dossier by id; null when there is none. Officers of the receiving commune and provincial
 * officers of its province only (FORBIDDEN or UNAUTHENTICATED otherwise, the refusal recorded).
 */
export async function findDossier(context: SubgraphContext, id: string): Promise<DossierView | null> {
  const dossier = await context.em.findOne(Dossier, { id });
  if (!dossier) return null;
  const unit = await unitLoader(context).load(dossier.communeId);
  const ref = { target: dossier.id, communeId: dossier.communeId };
  await requireReaderOf(context, unit ?? { id: dossier.communeId, code: '', name: dossier.communeId, provinceId: null }, 'Query.dossier', ref);
  return toDossierView(dossier);
}

/** A page of the dossiers the commune received, newest first, filtered; readers of its register only. */
export async function listCommuneDossiers(
  context: SubgraphContext,
  commune: Pick<AdministrativeUnit, 'id' | 'code' | 'name' | 'provinceId'>,
  filter: DossierFilter | undefined,
  page: PageArgs,
): Promise<Connection<DossierView>> {
  await requireReaderOf(context, commune, 'Commune.dossiers');
  const { limit, after } = pageWindow(page);
  if (filter?.receivedFrom && filter.receivedTo && filter.receivedFrom > filter.receivedTo) {
    throw invalidInput(`receivedFrom ${filter.receivedFrom} is after receivedTo ${filter.receivedTo}.`, 'filter.receivedFrom');
  }
  const { rows, totalCount } = await listDossiers(context.em, commune.id, filter ?? {}, limit, after);
  return toConnection(rows.map(toDossierView), limit, totalCount, dossierCursor);
}
