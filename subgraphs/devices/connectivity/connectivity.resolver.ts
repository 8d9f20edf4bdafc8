import type { GraphQLResolveInfo } from 'graphql';
import { cacheForPeriod } from '../../../core/graphql/cache-hints.js';
import { Arg, Ctx, Directive, FieldResolver, Info, Mutation, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../../../core/graphql/context.js';
import { DateScalar } from '../../../core/graphql/scalars.js';
import { todayInVietnam } from '../../../core/time.js';
import { deviceNow } from '../clock.js';
import { Commune, REQUIRES_LINEAGE } from '../commune/commune.reference.js';
import { connectivityOn, villageSurveysOn } from './connectivity.query.js';
import { ConnectivityStats, RecordVillageConnectivityInput, VillageConnectivityPayload, VillageConnectivityType } from './connectivity.type.js';
import { recordVillageConnectivity } from './village-connectivity.command.js';
import { VillageConnectivity } from './village-connectivity.entity.js';

@Resolver(() => VillageConnectivityType)
export class VillageConnectivityResolver {
  @Mutation(() => VillageConnectivityPayload, {
    description: 'Records a village\'s coverage and broadband as surveyed on a day (OFFICER of the commune); the same village and day again replaces that survey.',
  })
  async recordVillageConnectivity(
    @Arg('input', () => RecordVillageConnectivityInput, { description: 'The survey.' }) input: RecordVillageConnectivityInput,
    @Ctx() context: SubgraphContext,
  ): Promise<VillageConnectivityPayload> {
    return { villageConnectivity: await recordVillageConnectivity(context.em, context.viewer, input) };
  }
}

@Resolver(() => Commune)
export class CommuneConnectivityResolver {
  @FieldResolver(() => ConnectivityStats, {
    nullable: true,
    description: 'Mobile coverage and fixed broadband of the commune\'s villages (and of the units merged into it), from each village\'s latest survey on or before `on`.',
  })
  @Directive(REQUIRES_LINEAGE)
  async connectivity(
    @Root() commune: Commune,
    @Ctx() context: SubgraphContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('on', () => DateScalar, { nullable: true, description: 'As of this day; default today (Asia/Ho_Chi_Minh).' }) on?: string | null,
  ): Promise<ConnectivityStats> {
    const today = todayInVietnam(deviceNow());
    // A later survey dated on or before a past day can still be recorded, but rarely: as stable as a closed period.
    cacheForPeriod(info, { day: on ?? today }, today);
    return connectivityOn(context, commune, on ?? today);
  }

  @FieldResolver(() => [VillageConnectivityType], {
    nullable: true,
    description: 'Each village\'s latest survey on or before `on`, by village name.',
  })
  @Directive(REQUIRES_LINEAGE)
  async villageConnectivity(
    @Root() commune: Commune,
    @Ctx() context: SubgraphContext,
    @Arg('on', () => DateScalar, { nullable: true, description: 'As of this day; default today (Asia/Ho_Chi_Minh).' }) on?: string | null,
  ): Promise<VillageConnectivity[]> {
    return villageSurveysOn(context, commune, on ?? todayInVietnam(deviceNow()));
  }
}
