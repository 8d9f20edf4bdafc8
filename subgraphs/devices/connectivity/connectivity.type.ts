import { PART_OF_PARENT } from '../../../core/graphql/cache-hints.js';
import { Directive, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '../../../core/graphql/scalars.js';
import { MobileGeneration, MobileOperator } from './connectivity.rules.js';
import { VillageConnectivity } from './village-connectivity.entity.js';

registerEnumType(MobileGeneration, {
  name: 'MobileGeneration',
  description: 'A mobile network generation.',
  valuesConfig: {
    G2: { description: '2G (GSM): voice and SMS.' },
    G3: { description: '3G (UMTS/HSPA): mobile data.' },
    G4: { description: '4G (LTE).' },
    G5: { description: '5G (NR).' },
  },
});
registerEnumType(MobileOperator, {
  name: 'MobileOperator',
  description: 'A mobile network operator.',
  valuesConfig: {
    VIETTEL: { description: 'Viettel.' },
    VINAPHONE: { description: 'VinaPhone (VNPT).' },
    MOBIFONE: { description: 'MobiFone.' },
    VIETNAMOBILE: { description: 'Vietnamobile.' },
    OTHER: { description: 'Another operator.' },
  },
});

@ObjectType('MobileCoverage', { description: 'One operator covering a village with one generation.' })
export class MobileCoverageType {
  @Field(() => MobileOperator, { description: 'The operator.' })
  operator!: MobileOperator;

  @Field(() => MobileGeneration, { description: 'The generation it offers there.' })
  generation!: MobileGeneration;
}

@ObjectType('VillageConnectivity', { description: 'A village\'s (thôn) mobile coverage and fixed broadband, as one survey found them.' })
export class VillageConnectivityType {
  @Field(() => ID, { description: 'Survey record id.' })
  id!: string;

  @Field(() => String, { description: 'Village (thôn, xóm, bản).' })
  village!: string;

  @Field(() => [MobileCoverageType], { description: 'Operators and generations covering the village.' })
  coverage!: MobileCoverageType[];

  @Field(() => Boolean, { description: 'Whether fixed broadband (fibre, cable) is available in the village.' })
  fixedBroadband!: boolean;

  @Field(() => DateScalar, { description: 'Day of the survey.' })
  surveyedOn!: string;

  @Field(() => String, { description: 'Who surveyed or reported it.' })
  source!: string;
}

@ObjectType({ description: 'Telecom coverage of a commune\'s villages, from each village\'s latest survey on or before the day asked.' })
@Directive(PART_OF_PARENT)
export class ConnectivityStats {
  @Field(() => Int, { description: 'villages = villages with a survey on or before the day.' })
  villages!: number;

  @Field(() => Int, { description: 'villagesWith3G = villages covered by 3G or a newer generation, by any operator.' })
  villagesWith3G!: number;

  @Field(() => Int, { description: 'villagesWith4G = villages covered by 4G or 5G, by any operator.' })
  villagesWith4G!: number;

  @Field(() => Int, { description: 'villagesWithBroadband = villages where fixed broadband is available.' })
  villagesWithBroadband!: number;

  @Field(() => Float, { nullable: true, description: 'share3G = villagesWith3G ÷ villages, 3 decimals; null with no village.' })
  share3G!: number | null;

  @Field(() => Float, { nullable: true, description: 'share4G = villagesWith4G ÷ villages, 3 decimals; null with no village.' })
  share4G!: number | null;

  @Field(() => Float, { nullable: true, description: 'shareBroadband = villagesWithBroadband ÷ villages, 3 decimals; null with no village.' })
  shareBroadband!: number | null;

  @Field(() => DateScalar, { nullable: true, description: 'The most recent survey day counted.' })
  lastSurveyedOn!: string | null;
}

@InputType({ description: 'One operator covering a village with one generation.' })
export class MobileCoverageInput {
  @Field(() => MobileOperator, { description: 'The operator.' })
  operator!: MobileOperator;

  @Field(() => MobileGeneration, { description: 'The generation.' })
  generation!: MobileGeneration;
}

@InputType({ description: 'A village survey. Recording the same village and day again replaces that survey.' })
export class RecordVillageConnectivityInput {
  @Field(() => ID, { description: 'Commune.id, e.g. "05068/1".' })
  communeId!: string;

  @Field(() => String, { description: 'Village, 1 to 200 characters (case and diacritics do not make another village).' })
  village!: string;

  @Field(() => [MobileCoverageInput], { description: 'Operators and generations found, at most 20; empty when there is no signal.' })
  coverage!: MobileCoverageInput[];

  @Field(() => Boolean, { description: 'Whether fixed broadband is available.' })
  fixedBroadband!: boolean;

  @Field(() => DateScalar, { description: 'Day of the survey, not in the future.' })
  surveyedOn!: string;

  @Field(() => String, { description: 'Who surveyed or reported it, 1 to 300 characters.' })
  source!: string;
}

@ObjectType({ description: 'The survey as recorded.' })
export class VillageConnectivityPayload {
  @Field(() => VillageConnectivityType, { description: 'The survey.' })
  villageConnectivity!: VillageConnectivity;
}
