import { PART_OF_PARENT } from '../../../core/graphql/cache-hints.js';
import { Directive, Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { KpiIndicator, TargetScope } from './kpi-enums.js';
import type { KpiTarget } from './kpi-target.entity.js';

registerEnumType(KpiIndicator, {
  name: 'KpiIndicator',
  description: 'A rate the hub computes (DOMAIN.md section 3, Decision 766/QĐ-TTg).',
  valuesConfig: {
    ONLINE_RATE: { description: 'Dossiers received online ÷ all dossiers received in the year.' },
    ON_TIME_RATE: { description: 'Dossiers resolved on time ÷ dossiers resolved (on time + overdue).' },
    SIGNED_RATE: { description: 'Outgoing electronic documents digitally signed ÷ outgoing electronic documents.' },
  },
});
registerEnumType(TargetScope, {
  name: 'TargetScope',
  description: 'Whom a target was set for: a whole province (all its communes) or one commune.',
});

@ObjectType('KpiTarget', { simpleResolvers: true /* plain properties: no per-field middleware */, description: 'A target for a rate in a year, set by a province for its communes or for one commune.' })
@Directive(PART_OF_PARENT)
export class KpiTargetView {
  @Field(() => KpiIndicator, { description: 'The rate the target is about.' })
  indicator!: KpiIndicator;

  @Field(() => Int, { description: 'The year the target applies to.' })
  year!: number;

  @Field(() => Float, { description: 'The rate (0..1) to reach or exceed, e.g. 0.5 for "at least 50%".' })
  minimum!: number;

  @Field(() => TargetScope, { description: 'Province-wide or for one commune.' })
  scope!: TargetScope;

  @Field(() => ID, { description: 'Id of the unit that set (province) or received (commune) the target, e.g. "17/1" for Hòa Bình.' })
  unitId!: string;

  @Field(() => String, { description: 'Where the target comes from.' })
  source!: string;
}

/** A target row as the schema shows it. */
export function toTargetView(target: KpiTarget): KpiTargetView {
  return Object.assign(new KpiTargetView(), {
    indicator: target.indicator,
    year: target.year,
    minimum: target.minimum,
    scope: target.scope,
    unitId: target.unitId,
    source: target.source,
  });
}

@ObjectType({
  description:
    'A figure a source report stated, beside the value the hub computes from records. ' +
    'E.g. the pilot report stated Nam Thượng\'s 2021 online rate as 26.7% where its own counts give 20.9%.',
})
export class StatedFigureComparison {
  @Field(() => KpiIndicator, { description: 'Which rate.' })
  indicator!: KpiIndicator;

  @Field(() => Float, { description: 'The value the report stated, 0..1 (26.7% is 0.267).' })
  stated!: number;

  @Field(() => Float, { nullable: true, description: 'The value computed from the records (rounded to 0.001); null when its denominator is 0.' })
  computed!: number | null;

  @Field(() => Float, { nullable: true, description: 'computed − stated, rounded to 0.001 (negative: the report overstated).' })
  difference!: number | null;

  @Field(() => Boolean, {
    description: 'True when the computed value, rounded as the report rounded (to its precision), equals the stated one.',
  })
  consistent!: boolean;

  @Field(() => String, { description: 'The report that stated the figure.' })
  source!: string;

  @Field(() => String, { nullable: true, description: 'What the stated figure appears to be computed from, when known.' })
  note!: string | null;
}

/**
 * The document figures a commune and a province both report. Abstract: it adds no type to the schema,
 * DocumentStats and ProvinceDocumentStats each carry these fields with the same meaning.
 */
@ObjectType({ simpleResolvers: true /* plain properties: no per-field middleware */, description: 'Document figures shared by DocumentStats and ProvinceDocumentStats (not a schema type of its own).' })
export abstract class DocumentFigures {
  @Field(() => Int, { description: 'The calendar year.' })
  year!: number;

  @Field(() => Int, { description: 'Incoming documents registered (văn bản đến) by the units counted (communeIds, or the communes of provinceIds), by arrival date.' })
  incoming!: number;

  @Field(() => Int, { description: 'Incoming documents received electronically.' })
  incomingElectronic!: number;

  @Field(() => Int, { description: 'Outgoing documents issued (văn bản đi), electronic or paper.' })
  outgoing!: number;

  @Field(() => Int, { description: 'Outgoing documents issued as electronic documents.' })
  outgoingElectronic!: number;

  @Field(() => Int, { description: 'Outgoing electronic documents with at least one digital signature record.' })
  outgoingSigned!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'signedRate = outgoingSigned ÷ outgoingElectronic, 0..1 rounded to 0.001; null when outgoingElectronic is 0.',
  })
  signedRate!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'incomingElectronicRate = incomingElectronic ÷ incoming, 0..1 rounded to 0.001; null when incoming is 0.',
  })
  incomingElectronicRate!: number | null;
}

@ObjectType({
  // Plain properties skip type-graphql's per-field middleware: they cannot throw a domain error, and a province page has ~1,000.
  simpleResolvers: true,
  description:
    'Electronic-document figures of a commune for a calendar year (Asia/Ho_Chi_Minh), counted with one aggregate query ' +
    'over the document register. Incoming documents count in their arrival year, outgoing ones in their issue year.',
})
export class DocumentStats extends DocumentFigures {
  @Field(() => [ID], { description: 'The units whose records are counted: the commune, and with includePredecessors its predecessors (recursively).' })
  communeIds!: string[];

  // stated: a field resolver (stated-figures.resolver.ts), read only when asked for.
}

/**
 * The one-stop figures a commune and a province both report. Abstract: it adds no type to the
 * schema, DossierStats and ProvinceDossierStats each carry these fields with the same meaning.
 */
@ObjectType({ simpleResolvers: true /* plain properties: no per-field middleware */, description: 'One-stop figures shared by DossierStats and ProvinceDossierStats (not a schema type of its own).' })
export abstract class DossierFigures {
  @Field(() => Int, { description: 'The calendar year.' })
  year!: number;

  @Field(() => Int, { description: 'Dossiers received in the year by the units counted (communeIds, or the communes of provinceIds), all channels.' })
  received!: number;

  @Field(() => Int, { description: 'Of those, resolved (status RESOLVED) with completedAt ≤ dueAt.' })
  resolvedOnTime!: number;

  @Field(() => Int, { description: 'Of those, resolved with completedAt > dueAt.' })
  resolvedOverdue!: number;

  @Field(() => Int, { description: 'unresolved = received − resolvedOnTime − resolvedOverdue: still processing, returned, rejected or withdrawn.' })
  unresolved!: number;

  @Field(() => Int, { description: 'Of those, received through the online channel (level 3–4 before 2022-08-15; partial or full after).' })
  online!: number;

  @Field(() => Float, { nullable: true, description: 'onlineRate = online ÷ received, 0..1 rounded to 0.001; null when received is 0.' })
  onlineRate!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'onTimeRate = resolvedOnTime ÷ (resolvedOnTime + resolvedOverdue), 0..1 rounded to 0.001; null when none was resolved.',
  })
  onTimeRate!: number | null;

  @Field(() => KpiTargetView, {
    nullable: true,
    description: 'The online-rate target that applies: a commune\'s own for the year, else its province\'s; for a province, the one it set for its communes. Null when none was set.',
  })
  target!: KpiTargetView | null;

  @Field(() => Boolean, { nullable: true, description: 'online ÷ received ≥ target.minimum (unrounded); null when there is no target or no dossier.' })
  targetMet!: boolean | null;
}

@ObjectType({
  // Plain properties skip type-graphql's per-field middleware: they cannot throw a domain error, and a province page has ~1,000.
  simpleResolvers: true,
  description:
    'One-stop (administrative procedure) figures of a commune for a calendar year (Asia/Ho_Chi_Minh), read from the per-month ' +
    'summary of its dossiers. All counts are over the dossiers RECEIVED in the year (the year\'s cohort), whenever they were resolved.',
})
export class DossierStats extends DossierFigures {
  @Field(() => [ID], { description: 'The units whose records are counted: the commune, and with includePredecessors its predecessors (recursively).' })
  communeIds!: string[];

  // stated: a field resolver (stated-figures.resolver.ts), read only when asked for.
}
