import { CACHE_SECONDS, cacheFor } from '../../../core/graphql/cache-hints.js';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Directive, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../../../core/graphql/context.js';
import { DateScalar } from '../../../core/graphql/scalars.js';
import { todayInVietnam } from '../../../core/time.js';
import { Commune, communeScope, REQUIRES_LINEAGE, resolveCommuneReference } from '../commune/commune.reference.js';
import type { SchoolSystem } from './school-system.entity.js';
import type { School } from './school.entity.js';
import { schoolsOf } from './school.query.js';
import { SchoolSystemStatus, systemStatusOn } from './school.rules.js';
import { systemsBySchool } from './school.store.js';
import { SchoolNode, SchoolSystemNode } from './school.type.js';

@Resolver(() => Commune)
export class CommuneSchoolResolver {
  @FieldResolver(() => [SchoolNode], { nullable: true, description: 'The schools of the commune (and of the units merged into it), from preschool up, and the digital systems each uses.' })
  @Directive(REQUIRES_LINEAGE)
  async schools(@Root() commune: Commune, @Ctx() context: SubgraphContext, @Info() info: GraphQLResolveInfo): Promise<School[]> {
    cacheFor(info, CACHE_SECONDS.stable);
    return schoolsOf(context, communeScope(commune));
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
    return (await systemsBySchool(context).load(school.id)) as SchoolSystemNode[];
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
