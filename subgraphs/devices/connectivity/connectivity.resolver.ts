import type { GraphQLResolveInfo } from 'graphql';
import { cacheForPeriod } from '../../../core/graphql/cache-hints.js';
import { randomUUID } from 'node:crypto';
import { Arg, Ctx, Directive, FieldResolver, Info, Mutation, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../../../core/graphql/context.js';
import { DateScalar } from '../../../core/graphql/scalars.js';
import { todayInVietnam } from '../../../core/time.js';
import { parseCommuneId, CONNECTIVITY_MANAGERS, requireCommuneRole } from '../access.rules.js';
import { deviceNow } from '../clock.js';
import { Commune, loadForScope, REQUIRES_LINEAGE } from '../commune/commune.reference.js';
import { villageSurveysByCommune } from './connectivity-loaders.js';
import { checkVillageSurvey, latestPerVillage, summariseConnectivity } from './connectivity.rules.js';
import { ConnectivityStats, RecordVillageConnectivityInput, VillageConnectivityPayload, VillageConnectivityType } from './connectivity.type.js';
import { VillageConnectivity } from './village-connectivity.entity.js';

const villageOrder = new Intl.Collator('vi', { numeric: true, sensitivity: 'base' });

@Resolver(() => VillageConnectivityType)
export class VillageConnectivityResolver {
  @Mutation(() => VillageConnectivityPayload, {
    description: 'Records a village\'s coverage and broadband as surveyed on a day (OFFICER of the commune); the same village and day again replaces that survey.',
  })
  async recordVillageConnectivity(
    @Arg('input', () => RecordVillageConnectivityInput, { description: 'The survey.' }) input: RecordVillageConnectivityInput,
    @Ctx() context: SubgraphContext,
  ): Promise<VillageConnectivityPayload> {
    const communeId = parseCommuneId(input.communeId, 'input.communeId');
    requireCommuneRole(context.viewer, CONNECTIVITY_MANAGERS, communeId, 'record village connectivity');
    const survey = checkVillageSurvey(input, todayInVietnam(deviceNow()));
    const row = await context.em.transactional(async (tx) => {
      const existing = await tx.findOne(VillageConnectivity, { communeId, villageKey: survey.villageKey, surveyedOn: survey.surveyedOn });
      if (existing) return Object.assign(existing, survey);
      const created = Object.assign(new VillageConnectivity(), { id: randomUUID(), communeId, ...survey });
      tx.persist(created);
      return created;
    });
    return { villageConnectivity: row };
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
    const rows = await loadForScope(villageSurveysByCommune(context), commune);
    return summariseConnectivity(latestPerVillage(rows, on ?? today));
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
    const rows = await loadForScope(villageSurveysByCommune(context), commune);
    return latestPerVillage(rows, on ?? todayInVietnam(deviceNow())).sort((a, b) => villageOrder.compare(a.village, b.village) || a.id.localeCompare(b.id));
  }
}
