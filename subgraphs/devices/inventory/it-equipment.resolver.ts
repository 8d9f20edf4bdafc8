import { Arg, Ctx, Directive, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '../../../core/graphql/context.js';
import { Commune, loadForScope, REQUIRES_LINEAGE } from '../commune/commune.reference.js';
import { itEquipmentByCommune } from './it-equipment.store.js';
import { addItEquipment, updateItEquipment } from './it-equipment.command.js';
import { ItEquipment } from './it-equipment.entity.js';
import { AddItEquipmentInput, ItEquipmentPayload, ItEquipmentType, UpdateItEquipmentInput } from './it-equipment.type.js';

@Resolver(() => ItEquipmentType)
export class ItEquipmentResolver {
  @Mutation(() => ItEquipmentPayload, { description: 'Adds a line to the commune\'s LAN and IT inventory (OFFICER of the commune).' })
  async addItEquipment(@Arg('input', () => AddItEquipmentInput, { description: 'The line.' }) input: AddItEquipmentInput, @Ctx() context: SubgraphContext): Promise<ItEquipmentPayload> {
    return { itEquipment: await addItEquipment(context.em, context.viewer, input) };
  }

  @Mutation(() => ItEquipmentPayload, { description: 'Changes an inventory line: count, state (FAULTY, RETIRED), remark (OFFICER of the commune).' })
  async updateItEquipment(@Arg('input', () => UpdateItEquipmentInput, { description: 'The changes.' }) input: UpdateItEquipmentInput, @Ctx() context: SubgraphContext): Promise<ItEquipmentPayload> {
    return { itEquipment: await updateItEquipment(context.em, context.viewer, input) };
  }
}

@Resolver(() => Commune)
export class CommuneItEquipmentResolver {
  @FieldResolver(() => [ItEquipmentType], { nullable: true, description: 'The LAN and IT inventory of the commune office (and of the units merged into it), by kind.' })
  @Directive(REQUIRES_LINEAGE)
  async itEquipment(@Root() commune: Commune, @Ctx() context: SubgraphContext): Promise<ItEquipment[]> {
    return loadForScope(itEquipmentByCommune(context), commune);
  }
}
