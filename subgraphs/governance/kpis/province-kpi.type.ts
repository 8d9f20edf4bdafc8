import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { KpiTargetView } from './kpi.type.js';

@ObjectType({
  description:
    'One-stop figures of a province for a calendar year: the sums over the dossiers its communes received in the year ' +
    '(one grouped query), and the rates computed from those sums.',
})
export class ProvinceDossierStats {
  @Field(() => Int, { description: 'The calendar year.' })
  year!: number;

  @Field(() => [ID], { description: 'The provinces whose communes are counted: this one, and with includePredecessors those merged into it (Phú Thọ from 2025: also Hòa Bình, Phú Thọ before 2025, Vĩnh Phúc).' })
  provinceIds!: string[];

  @Field(() => Int, { description: 'Dossiers received in the year by those communes, all channels.' })
  received!: number;

  @Field(() => Int, { description: 'Of those, resolved with completedAt ≤ dueAt.' })
  resolvedOnTime!: number;

  @Field(() => Int, { description: 'Of those, resolved with completedAt > dueAt.' })
  resolvedOverdue!: number;

  @Field(() => Int, { description: 'unresolved = received − resolvedOnTime − resolvedOverdue.' })
  unresolved!: number;

  @Field(() => Int, { description: 'Of those, received through the online channel.' })
  online!: number;

  @Field(() => Float, { nullable: true, description: 'onlineRate = online ÷ received over the province, 0..1 rounded to 0.001; null when received is 0.' })
  onlineRate!: number | null;

  @Field(() => Float, { nullable: true, description: 'onTimeRate = resolvedOnTime ÷ (resolvedOnTime + resolvedOverdue) over the province, 0..1 rounded to 0.001; null when none was resolved.' })
  onTimeRate!: number | null;

  @Field(() => KpiTargetView, { nullable: true, description: 'The online-rate target the province set for its communes for the year; null when none was set.' })
  target!: KpiTargetView | null;

  @Field(() => Boolean, { nullable: true, description: 'online ÷ received ≥ target.minimum (unrounded); null when there is no target or no dossier.' })
  targetMet!: boolean | null;
}

@ObjectType({ description: 'Electronic-document figures of a province for a calendar year: sums over its communes\' registers, and rates from those sums.' })
export class ProvinceDocumentStats {
  @Field(() => Int, { description: 'The calendar year.' })
  year!: number;

  @Field(() => [ID], { description: 'The provinces whose communes are counted: this one, and with includePredecessors those merged into it.' })
  provinceIds!: string[];

  @Field(() => Int, { description: 'Incoming documents registered by those communes, by arrival year.' })
  incoming!: number;

  @Field(() => Int, { description: 'Incoming documents received electronically.' })
  incomingElectronic!: number;

  @Field(() => Int, { description: 'Outgoing documents issued, electronic or paper.' })
  outgoing!: number;

  @Field(() => Int, { description: 'Outgoing documents issued as electronic documents.' })
  outgoingElectronic!: number;

  @Field(() => Int, { description: 'Outgoing electronic documents with at least one digital signature record.' })
  outgoingSigned!: number;

  @Field(() => Float, { nullable: true, description: 'signedRate = outgoingSigned ÷ outgoingElectronic, 0..1 rounded to 0.001; null when outgoingElectronic is 0.' })
  signedRate!: number | null;

  @Field(() => Float, { nullable: true, description: 'incomingElectronicRate = incomingElectronic ÷ incoming, 0..1 rounded to 0.001; null when incoming is 0.' })
  incomingElectronicRate!: number | null;
}
