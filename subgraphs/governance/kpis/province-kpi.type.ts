import { Field, ID, ObjectType } from 'type-graphql';
import { DocumentFigures, DossierFigures } from './kpi.type.js';

@ObjectType({
  // Plain properties skip type-graphql's per-field middleware: they cannot throw a domain error, and a province page has ~1,000.
  simpleResolvers: true,
  description:
    'One-stop figures of a province for a calendar year: the sums over the dossiers its communes received in the year ' +
    '(one grouped query over the per-month summary), and the rates computed from those sums.',
})
export class ProvinceDossierStats extends DossierFigures {
  @Field(() => [ID], { description: 'The provinces whose communes are counted: this one, and with includePredecessors those merged into it (Phú Thọ from 2025: also Hòa Bình, Phú Thọ before 2025, Vĩnh Phúc).' })
  provinceIds!: string[];
}

@ObjectType({ simpleResolvers: true /* plain properties: no per-field middleware */, description: 'Electronic-document figures of a province for a calendar year: sums over its communes\' registers, and rates from those sums.' })
export class ProvinceDocumentStats extends DocumentFigures {
  @Field(() => [ID], { description: 'The provinces whose communes are counted: this one, and with includePredecessors those merged into it.' })
  provinceIds!: string[];
}
