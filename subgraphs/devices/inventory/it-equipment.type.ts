import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '../../../core/graphql/scalars.js';
import { ItEquipment } from './it-equipment.entity.js';
import { ItEquipmentKind, ItEquipmentStatus } from './inventory.rules.js';

registerEnumType(ItEquipmentKind, {
  name: 'ItEquipmentKind',
  description: 'A kind of LAN or IT equipment in the commune office.',
  valuesConfig: {
    DESKTOP_COMPUTER: { description: 'Desktop computer.' },
    LAPTOP: { description: 'Laptop.' },
    PRINTER: { description: 'Printer.' },
    SCANNER: { description: 'Document scanner (for digitising dossiers).' },
    NETWORK_SWITCH: { description: 'LAN switch.' },
    ROUTER: { description: 'Router or internet gateway.' },
    FIREWALL: { description: 'Firewall or other network security appliance (monitoring and protecting the LAN).' },
    WIFI_ACCESS_POINT: { description: 'Wi-Fi access point.' },
    UPS: { description: 'Uninterruptible power supply.' },
    SERVER: { description: 'Server.' },
    OTHER: { description: 'Anything else.' },
  },
});
registerEnumType(ItEquipmentStatus, {
  name: 'ItEquipmentStatus',
  description: 'State of an inventory line.',
  valuesConfig: {
    IN_USE: { description: 'In service.' },
    SPARE: { description: 'Kept in reserve.' },
    FAULTY: { description: 'Out of service, awaiting repair.' },
    RETIRED: { description: 'Disposed of or written off; kept for the record.' },
  },
});

@ObjectType('ItEquipment', { description: 'A line of the commune office\'s LAN and IT inventory.' })
export class ItEquipmentType {
  @Field(() => ID, { description: 'Inventory line id.' })
  id!: string;

  @Field(() => ItEquipmentKind, { description: 'Kind of equipment.' })
  kind!: ItEquipmentKind;

  @Field(() => String, { description: 'Model or description.' })
  description!: string;

  @Field(() => Int, { description: 'How many units this line holds.' })
  count!: number;

  @Field(() => DateScalar, { nullable: true, description: 'Day acquired; null if unknown.' })
  acquiredOn!: string | null;

  @Field(() => ItEquipmentStatus, { description: 'State.' })
  status!: ItEquipmentStatus;

  @Field(() => String, { nullable: true, description: 'Remark.' })
  note!: string | null;
}

@InputType({ description: 'A new inventory line.' })
export class AddItEquipmentInput {
  @Field(() => ID, { description: 'Commune.id, e.g. "05068/1".' })
  communeId!: string;

  @Field(() => ItEquipmentKind, { description: 'Kind of equipment.' })
  kind!: ItEquipmentKind;

  @Field(() => String, { description: 'Model or description, 1 to 200 characters.' })
  description!: string;

  @Field(() => Int, { description: 'How many units, 1 to 10000.' })
  count!: number;

  @Field(() => DateScalar, { nullable: true, description: 'Day acquired, not in the future.' })
  acquiredOn?: string | null;

  @Field(() => ItEquipmentStatus, { description: 'State.' })
  status!: ItEquipmentStatus;

  @Field(() => String, { nullable: true, description: 'Remark, at most 500 characters.' })
  note?: string | null;
}

@InputType({ description: 'Changes to an inventory line; fields left out stay as they are.' })
export class UpdateItEquipmentInput {
  @Field(() => ID, { description: 'The inventory line.' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'Model or description, 1 to 200 characters.' })
  description?: string | null;

  @Field(() => Int, { nullable: true, description: 'How many units, 1 to 10000.' })
  count?: number | null;

  @Field(() => DateScalar, { nullable: true, description: 'Day acquired.' })
  acquiredOn?: string | null;

  @Field(() => ItEquipmentStatus, { nullable: true, description: 'State.' })
  status?: ItEquipmentStatus | null;

  @Field(() => String, { nullable: true, description: 'Remark, at most 500 characters.' })
  note?: string | null;
}

@ObjectType({ description: 'The inventory line as it now stands.' })
export class ItEquipmentPayload {
  @Field(() => ItEquipmentType, { description: 'The inventory line.' })
  itEquipment!: ItEquipment;
}
