import { CACHE_SECONDS, cacheFor } from '../../../core/graphql/cache-hints.js';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Directive, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import { groupByKey, requestLoader, type SubgraphContext } from '../../../core/graphql/context.js';
import { DateScalar } from '../../../core/graphql/scalars.js';
import { todayInVietnam } from '../../../core/time.js';
import { Commune, communeScope, REQUIRES_LINEAGE, resolveCommuneReference } from '../commune/commune.reference.js';
import { SchoolSystem } from './school-system.entity.js';
import { School, SchoolLevel } from './school.entity.js';
import { SchoolNode, SchoolSystemNode, SchoolSystemStatus } from './school.type.js';

/** A system's status on `on`, from its milestones. */
export function systemStatusOn(system: Pick<SchoolSystem, 'accountsCreatedOn' | 'liveFrom' | 'retiredOn'>, on: string): SchoolSystemStatus {
  if (system.retiredOn && system.retiredOn <= on) return SchoolSystemStatus.RETIRED;
  if (system.liveFrom && system.liveFrom <= on) return SchoolSystemStatus.LIVE;
  if (system.accountsCreatedOn && system.accountsCreatedOn <= on) return SchoolSystemStatus.ACCOUNTS_CREATED;
  return SchoolSystemStatus.PLANNED;
}

const LEVEL_ORDER = Object.values(SchoolLevel);

@Resolver(() => Commune)
export class CommuneSchoolResolver {
  @FieldResolver(() => [SchoolNode], { nullable: true, description: 'The schools of the commune (and of the units merged into it), from preschool up, and the digital systems each uses.' })
  @Directive(REQUIRES_LINEAGE)
  async schools(@Root() commune: Commune, @Ctx() context: SubgraphContext, @Info() info: GraphQLResolveInfo): Promise<School[]> {
    cacheFor(info, CACHE_SECONDS.stable);
    const loader = requestLoader<string, School[]>(context, 'schoolsByCommune', async (ids) =>
      groupByKey(ids, await context.em.find(School, { communeId: { $in: [...ids] } }, { orderBy: { name: 'asc' } }), (s) => s.communeId),
    );
    const schools = (await loader.loadMany(communeScope(commune))).flatMap((list) => (list instanceof Error ? [] : list));
    return [...schools].sort((a, b) => LEVEL_ORDER.indexOf(a.level) - LEVEL_ORDER.indexOf(b.level) || a.name.localeCompare(b.name, 'vi'));
  }
}

@Resolver(() => SchoolNode)
export class SchoolResolver {
  @FieldResolver(() => Commune, { description: 'The commune the school is in.' })
  commune(@Root() school: School): Commune {
    return resolveCommuneReference({ id: school.communeId });
  }

  @FieldResolver(() => [SchoolSystemNode], { description: 'The digital systems the school uses or will use, by kind.' })
  async systems(@Root() school: School, @Ctx() context: SubgraphContext): Promise<SchoolSystemNode[]> {
    const rows = await requestLoader<string, SchoolSystem[]>(context, 'systemsBySchool', async (ids) =>
      groupByKey(ids, await context.em.find(SchoolSystem, { schoolId: { $in: [...ids] } }, { orderBy: { kind: 'asc', id: 'asc' } }), (s) => s.schoolId),
    ).load(school.id);
    return rows as SchoolSystemNode[];
  }
}

@Resolver(() => SchoolSystemNode)
export class SchoolSystemResolver {
  @FieldResolver(() => SchoolSystemStatus, { description: 'Status on date `on` (default today, Asia/Ho_Chi_Minh), from the milestones.' })
  status(
    @Root() system: SchoolSystem,
    @Arg('on', () => DateScalar, { nullable: true, description: 'The date; default today.' }) on: string | undefined,
  ): SchoolSystemStatus {
    return systemStatusOn(system, on ?? todayInVietnam());
  }
}
