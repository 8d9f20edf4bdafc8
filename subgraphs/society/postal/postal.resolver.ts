import { randomUUID } from 'node:crypto';
import { Arg, Ctx, Directive, FieldResolver, Int, Mutation, Resolver, Root } from 'type-graphql';
import { conflict, invalidInput, notFound } from '../../../core/domain-errors.js';
import type { SubgraphContext } from '../../../core/graphql/context.js';
import { vietnamYearRange } from '../../../core/time.js';
import { requireCommuneId } from '../commune/commune-id.js';
import { Commune, communeScope, REQUIRES_LINEAGE } from '../commune/commune.reference.js';
import { isOfficerOf, requireOfficerOf } from '../field-reports/officer-access.rules.js';
import { PostalDossierLink } from './postal-dossier-link.entity.js';
import { PostalPoint } from './postal-point.entity.js';
import { checkDossierId, checkPostalPoint, PostalDossierDirection } from './postal.rules.js';
import { AddPostalPointInput, LinkPostalDossierInput, PostalDossierLinkPayload, PostalDossierLinkType, PostalDossierStats, PostalPointPayload, PostalPointType } from './postal.type.js';

function checkYear(year: number): { start: Date; end: Date } {
  if (!Number.isInteger(year) || year < 1990 || year > 2100) throw invalidInput(`year must be 1990 to 2100, got ${year}.`, 'year');
  return vietnamYearRange(year);
}

@Resolver(() => PostalPointType)
export class PostalPointResolver {
  @FieldResolver(() => PostalDossierStats, { description: 'Dossiers received at and returned from the point in a year (public counts).' })
  async dossierStats(@Root() point: PostalPoint, @Ctx() context: SubgraphContext, @Arg('year', () => Int, { description: 'Calendar year (Asia/Ho_Chi_Minh).' }) year: number): Promise<PostalDossierStats> {
    const { start, end } = checkYear(year);
    const links = await context.em.find(PostalDossierLink, { pointId: point.id, at: { $gte: start, $lt: end } });
    return { received: links.filter((l) => l.direction === PostalDossierDirection.RECEIVED).length, returned: links.filter((l) => l.direction === PostalDossierDirection.RETURNED).length };
  }

  @FieldResolver(() => [PostalDossierLinkType], { nullable: true, description: 'Dossiers through the point in a year, by time: the commune\'s officers only (null for others).' })
  async dossiers(@Root() point: PostalPoint, @Ctx() context: SubgraphContext, @Arg('year', () => Int, { description: 'Calendar year (Asia/Ho_Chi_Minh).' }) year: number): Promise<PostalDossierLink[] | null> {
    if (!isOfficerOf(context.viewer, point.communeId)) return null;
    const { start, end } = checkYear(year);
    return context.em.find(PostalDossierLink, { pointId: point.id, at: { $gte: start, $lt: end } }, { orderBy: { at: 'asc', id: 'asc' } });
  }

  @Mutation(() => PostalPointPayload, { description: 'Adds a postal service point (OFFICER of the commune).' })
  async addPostalPoint(@Arg('input', () => AddPostalPointInput, { description: 'The point.' }) input: AddPostalPointInput, @Ctx() context: SubgraphContext): Promise<PostalPointPayload> {
    const communeId = requireCommuneId(input.communeId, 'input.communeId');
    requireOfficerOf(context.viewer, communeId, 'add postal points');
    const point = Object.assign(new PostalPoint(), { id: randomUUID(), communeId, ...checkPostalPoint(input) });
    await context.em.transactional(async (tx) => {
      tx.persist(point);
    });
    return { postalPoint: point };
  }

  @Mutation(() => PostalDossierLinkPayload, {
    description: 'Records a dossier received at or returned from a postal point (OFFICER of the point\'s commune). CONFLICT when that dossier already went that way.',
  })
  async linkPostalDossier(@Arg('input', () => LinkPostalDossierInput, { description: 'The link.' }) input: LinkPostalDossierInput, @Ctx() context: SubgraphContext): Promise<PostalDossierLinkPayload> {
    const point = await context.em.findOne(PostalPoint, { id: input.pointId });
    if (!point) throw notFound(`No postal point has id "${input.pointId}": list them with Commune.postalPoints.`, { field: 'input.pointId' });
    requireOfficerOf(context.viewer, point.communeId, 'link dossiers to postal points');
    const dossierId = checkDossierId(input.dossierId);
    if (input.at.getTime() > Date.now()) throw invalidInput('at is in the future: record a dossier once it went through the point.', 'input.at');
    const link = Object.assign(new PostalDossierLink(), { id: randomUUID(), pointId: point.id, dossierId, direction: input.direction, at: input.at });
    await context.em.transactional(async (tx) => {
      const taken = await tx.findOne(PostalDossierLink, { dossierId, direction: input.direction });
      if (taken) throw conflict(`Dossier "${dossierId}" is already recorded as ${input.direction}.`, { field: 'input.dossierId' });
      tx.persist(link);
    });
    return { link };
  }
}

@Resolver(() => Commune)
export class CommunePostalResolver {
  @FieldResolver(() => [PostalPointType], { nullable: true, description: 'Postal service points of the commune (and of the units merged into it), by name.' })
  @Directive(REQUIRES_LINEAGE)
  async postalPoints(@Root() commune: Commune, @Ctx() context: SubgraphContext): Promise<PostalPoint[]> {
    return context.em.find(PostalPoint, { communeId: { $in: communeScope(commune) } }, { orderBy: { name: 'asc', id: 'asc' } });
  }
}
