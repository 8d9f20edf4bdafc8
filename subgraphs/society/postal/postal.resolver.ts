import { Arg, Ctx, Directive, FieldResolver, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../../../core/graphql/context.js';
import { readAccess } from '../../shared/access-guard.js';
import { Commune, communeScope, REQUIRES_LINEAGE } from '../commune/commune.reference.js';
import type { PostalDossierLink } from './postal-dossier-link.entity.js';
import type { PostalPoint } from './postal-point.entity.js';
import { addPostalPoint, linkPostalDossier } from './postal.command.js';
import { postalDossiers, postalDossierStats, postalPointsOf } from './postal.query.js';
import { AddPostalPointInput, LinkPostalDossierInput, PostalDossierLinkPayload, PostalDossierLinkType, PostalDossierStats, PostalPointPayload, PostalPointType } from './postal.type.js';

@Resolver(() => PostalPointType)
export class PostalPointResolver {
  @FieldResolver(() => PostalDossierStats, { description: 'Dossiers received at and returned from the point in a year (public counts).' })
  dossierStats(@Root() point: PostalPoint, @Ctx() context: SubgraphContext, @Arg('year', () => Int, { description: 'Calendar year (Asia/Ho_Chi_Minh).' }) year: number): Promise<PostalDossierStats> {
    return postalDossierStats(context.em, point.id, year);
  }

  @FieldResolver(() => [PostalDossierLinkType], { nullable: true, description: 'Dossiers through the point in a year, by time: the commune\'s officers only (null for others).' })
  async dossiers(@Root() point: PostalPoint, @Ctx() context: SubgraphContext, @Arg('year', () => Int, { description: 'Calendar year (Asia/Ho_Chi_Minh).' }) year: number): Promise<PostalDossierLink[] | null> {
    if (!(await readAccess(context, 'PostalPoint.dossiers', { unitIds: [point.communeId] }, { target: point.id, communeId: point.communeId }))) return null;
    return postalDossiers(context.em, point.id, year);
  }

  @Mutation(() => PostalPointPayload, { description: 'Adds a postal service point (OFFICER of the commune).' })
  async addPostalPoint(@Arg('input', () => AddPostalPointInput, { description: 'The point.' }) input: AddPostalPointInput, @Ctx() context: SubgraphContext): Promise<PostalPointPayload> {
    return { postalPoint: await addPostalPoint(context.em, context.viewer, input) };
  }

  @Mutation(() => PostalDossierLinkPayload, {
    description: 'Records a dossier received at or returned from a postal point (OFFICER of the point\'s commune). CONFLICT when that dossier already went that way.',
  })
  async linkPostalDossier(@Arg('input', () => LinkPostalDossierInput, { description: 'The link.' }) input: LinkPostalDossierInput, @Ctx() context: SubgraphContext): Promise<PostalDossierLinkPayload> {
    return { link: await linkPostalDossier(context.em, context.viewer, input, new Date()) };
  }
}

@Resolver(() => Commune)
export class CommunePostalResolver {
  @FieldResolver(() => [PostalPointType], { nullable: true, description: 'Postal service points of the commune (and of the units merged into it), by name.' })
  @Directive(REQUIRES_LINEAGE)
  postalPoints(@Root() commune: Commune, @Ctx() context: SubgraphContext): Promise<PostalPoint[]> {
    return postalPointsOf(context.em, communeScope(commune));
  }
}
