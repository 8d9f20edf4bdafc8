import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { PageArgs, type Connection } from '../../../core/graphql/connection.js';
import type { SubgraphContext } from '../../../core/graphql/context.js';
import { canRead } from '../common/officer-scope.js';
import { toCommune } from '../units/commune.resolver.js';
import { Commune } from '../units/commune.type.js';
import { unitLoader } from '../units/unit-registry.js';
import { findDossier, listCommuneDossiers } from './dossier.query.js';
import { historyByDossier } from './dossier-history.js';
import { DossierApplicant, DossierConnection, DossierFilter, DossierStatusChangeView, DossierView } from './dossier.type.js';

@Resolver(() => DossierView)
export class DossierResolver {
  @Query(() => DossierView, { nullable: true, description: 'A dossier by id; null when there is none. Officers of the receiving commune and provincial officers of its province only.' })
  async dossier(@Arg('id', () => ID, { description: 'Dossier.id.' }) id: string, @Ctx() context: SubgraphContext): Promise<DossierView | null> {
    return findDossier(context, id);
  }

  @FieldResolver(() => Boolean, { description: 'True when the dossier is open (received, processing, supplement requested) and past its due time now.' })
  overdueNow(@Root() dossier: DossierView): boolean {
    return dossier.completedAt === null && dossier.dueAt.getTime() < Date.now();
  }

  @FieldResolver(() => Boolean, { nullable: true, description: 'For a closed dossier: completedAt ≤ dueAt. Null while open.' })
  completedOnTime(@Root() dossier: DossierView): boolean | null {
    return dossier.completedAt ? dossier.completedAt.getTime() <= dossier.dueAt.getTime() : null;
  }

  @FieldResolver(() => DossierApplicant, {
    nullable: true,
    description:
      'Who submitted the dossier. Personal data: null unless the caller is an officer of the receiving commune (or of the unit it merged into); every read is audited, ' +
      'every refused read written to Commune.refusedRecordReads.',
  })
  async applicant(@Root() dossier: DossierView, @Ctx() context: SubgraphContext): Promise<DossierApplicant | null> {
    const unit = (await unitLoader(context).load(dossier.communeId)) ?? { id: dossier.communeId, provinceId: null };
    if (!(await canRead(context, unit, 'Dossier.applicant', { target: dossier.id, communeId: dossier.communeId }))) return null;
    context.logger.info({ audit: 'dossier.applicant.read', subject: context.viewer?.subject, dossierId: dossier.id, requestId: context.requestId }, 'personal data read');
    return dossier.applicant;
  }

  @FieldResolver(() => [DossierStatusChangeView], {
    nullable: true,
    description: 'Status changes recorded through the hub, oldest first (imports carry only the current state). Officers of the commune only; null for others.',
  })
  async history(@Root() dossier: DossierView, @Ctx() context: SubgraphContext): Promise<DossierStatusChangeView[] | null> {
    const unit = (await unitLoader(context).load(dossier.communeId)) ?? { id: dossier.communeId, provinceId: null };
    if (!(await canRead(context, unit, 'Dossier.history', { target: dossier.id, communeId: dossier.communeId }))) return null;
    return (await historyByDossier(context).load(dossier.id)).map((c) =>
      Object.assign(new DossierStatusChangeView(), { fromStatus: c.fromStatus ?? null, toStatus: c.toStatus, at: c.at, recordedBy: c.recordedBy }),
    );
  }

  @FieldResolver(() => Commune, { nullable: true, description: 'The receiving commune.' })
  async commune(@Root() dossier: DossierView, @Ctx() context: SubgraphContext): Promise<Commune | null> {
    const unit = await unitLoader(context).load(dossier.communeId);
    return unit ? toCommune(unit) : null;
  }
}

@Resolver(() => Commune)
export class CommuneDossiersResolver {
  @FieldResolver(() => DossierConnection, {
    nullable: true,
    description:
      'Dossiers the commune received, newest first, filtered. Officers of the commune and provincial officers of its province only (FORBIDDEN otherwise; UNAUTHENTICATED without a token).',
  })
  async dossiers(
    @Root() commune: Commune,
    @Arg('filter', () => DossierFilter, { nullable: true, description: 'Optional filters, combined with AND.' }) filter: DossierFilter | undefined,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: SubgraphContext,
  ): Promise<Connection<DossierView>> {
    return listCommuneDossiers(context, commune, filter, page);
  }
}
