import { randomUUID } from 'node:crypto';
import { Arg, Ctx, Directive, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { notFound } from '../../../core/domain-errors.js';
import { groupByKey, requestLoader, type SubgraphContext } from '../../../core/graphql/context.js';
import { todayInVietnam } from '../../../core/time.js';
import { CONNECTIVITY_MANAGERS, parseCommuneId, requireCommuneRole } from '../access.rules.js';
import { deviceNow } from '../clock.js';
import { Commune, loadForScope, REQUIRES_LINEAGE } from '../commune/commune.reference.js';
import { ItEquipment } from './it-equipment.entity.js';
import { AddItEquipmentInput, ItEquipmentPayload, ItEquipmentType, UpdateItEquipmentInput } from './it-equipment.type.js';
import { checkItEquipment } from './inventory.rules.js';

function itEquipmentByCommune(context: SubgraphContext) {
  return requestLoader<string, ItEquipment[]>(context, 'itEquipmentByCommune', async (ids) => {
    const rows = await context.em.find(ItEquipment, { communeId: { $in: [...ids] } }, { orderBy: { kind: 'asc', id: 'asc' } });
    return groupByKey(ids, rows, (r) => r.communeId);
  });
}

@Resolver(() => ItEquipmentType)
export class ItEquipmentResolver {
  @Mutation(() => ItEquipmentPayload, { description: 'Adds a line to the commune\'s LAN and IT inventory (OFFICER of the commune).' })
  async addItEquipment(@Arg('input', () => AddItEquipmentInput, { description: 'The line.' }) input: AddItEquipmentInput, @Ctx() context: SubgraphContext): Promise<ItEquipmentPayload> {
    const communeId = parseCommuneId(input.communeId, 'input.communeId');
    requireCommuneRole(context.viewer, CONNECTIVITY_MANAGERS, communeId, 'change the IT inventory');
    const fields = checkItEquipment({ ...input, acquiredOn: input.acquiredOn ?? null, note: input.note ?? null }, todayInVietnam(deviceNow()));
    const row = Object.assign(new ItEquipment(), { id: randomUUID(), communeId, kind: input.kind, status: input.status, ...fields });
    await context.em.transactional(async (tx) => {
      tx.persist(row);
    });
    return { itEquipment: row };
  }

  @Mutation(() => ItEquipmentPayload, { description: 'Changes an inventory line: count, state (FAULTY, RETIRED), remark (OFFICER of the commune).' })
  async updateItEquipment(@Arg('input', () => UpdateItEquipmentInput, { description: 'The changes.' }) input: UpdateItEquipmentInput, @Ctx() context: SubgraphContext): Promise<ItEquipmentPayload> {
    const existing = await context.em.findOne(ItEquipment, { id: input.id });
    if (!existing) throw notFound(`No inventory line has id "${input.id}": list them with Commune.itEquipment.`, { field: 'input.id' });
    requireCommuneRole(context.viewer, CONNECTIVITY_MANAGERS, existing.communeId, 'change the IT inventory');
    const fields = checkItEquipment(
      {
        description: input.description ?? existing.description,
        count: input.count ?? existing.count,
        acquiredOn: input.acquiredOn !== undefined ? input.acquiredOn : (existing.acquiredOn ?? null),
        note: input.note !== undefined ? input.note : (existing.note ?? null),
      },
      todayInVietnam(deviceNow()),
    );
    const row = await context.em.transactional(async (tx) => {
      const current = await tx.findOneOrFail(ItEquipment, { id: input.id });
      return Object.assign(current, fields, { status: input.status ?? current.status });
    });
    return { itEquipment: row };
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
