import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '../../../core/graphql/scalars.js';
import { IndicatorUnit, SocioEconomicIndicator } from './indicator-enums.js';

registerEnumType(SocioEconomicIndicator, {
  name: 'SocioEconomicIndicator',
  description: 'A socio-economic indicator followed per commune and year (its unit is fixed: IndicatorUnit).',
  valuesConfig: {
    POPULATION: { description: 'Residents (nhân khẩu), PERSONS.' },
    HOUSEHOLDS: { description: 'Households (hộ), HOUSEHOLDS.' },
    POOR_HOUSEHOLDS: { description: 'Poor households by the national multidimensional poverty line (hộ nghèo), HOUSEHOLDS.' },
    NEAR_POOR_HOUSEHOLDS: { description: 'Near-poor households (hộ cận nghèo), HOUSEHOLDS.' },
    POOR_HOUSEHOLD_RATE: { description: 'Poor households ÷ households, RATE.' },
    NEAR_POOR_HOUSEHOLD_RATE: { description: 'Near-poor households ÷ households, RATE.' },
    AVERAGE_INCOME_PER_PERSON: { description: 'Average income per person per year (thu nhập bình quân đầu người), VND_PER_PERSON_PER_YEAR.' },
    BROADBAND_HOUSEHOLD_SHARE: { description: 'Households with a fixed broadband connection ÷ households, RATE.' },
    CASHLESS_ACCOUNT_ADULT_SHARE: { description: 'Adults with a bank, e-wallet or mobile-money account ÷ adults, RATE.' },
  },
});
registerEnumType(IndicatorUnit, {
  name: 'IndicatorUnit',
  description: 'What an indicator value counts or measures.',
  valuesConfig: {
    PERSONS: { description: 'A number of people.' },
    HOUSEHOLDS: { description: 'A number of households.' },
    RATE: { description: 'A share from 0 to 1 (0.042 is 4.2%).' },
    VND_PER_PERSON_PER_YEAR: { description: 'Đồng per person per year.' },
  },
});

@ObjectType({ description: 'One socio-economic indicator of a commune for a year, with its unit, period and source. Public.' })
export class IndicatorValue {
  @Field(() => SocioEconomicIndicator, { description: 'Which indicator.' })
  indicator!: SocioEconomicIndicator;

  @Field(() => Int, { description: 'The year the value belongs to.' })
  year!: number;

  @Field(() => Float, { description: 'The value in `unit`: a count, đồng, or a rate 0..1.' })
  value!: number;

  @Field(() => IndicatorUnit, { description: 'The unit of `value` (fixed per indicator).' })
  unit!: IndicatorUnit;

  @Field(() => DateScalar, { description: 'First day the value covers.' })
  periodFrom!: string;

  @Field(() => DateScalar, { description: 'Last day the value covers; a count (population, households) is as of this day.' })
  periodTo!: string;

  @Field(() => String, { description: 'Where the value comes from (a report, a survey, or "assumed" for the sample data).' })
  source!: string;

  @Field(() => String, { nullable: true, description: 'A remark on the value, e.g. how it was estimated.' })
  note!: string | null;
}
