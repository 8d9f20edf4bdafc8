import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { connectionTypes } from '../../../core/graphql/connection.js';
import { VndScalar } from '../../../core/graphql/scalars.js';
import { Marketplace } from '../catalogue/marketplace.js';
import { OrderStatus } from './order.entity.js';
// Registers the enums' GraphQL names (kept out of the domain module).
import '../catalogue/marketplace.type.js';

registerEnumType(OrderStatus, { name: 'OrderStatus', description: 'Where a marketplace order stands, as the marketplace reports it.' });

@ObjectType('OrderLine', { description: 'One product line of an order.' })
export class OrderLineNode {
  @Field(() => String, { description: 'The hub\'s seller SKU the marketplace sold.' })
  sellerSku!: string;

  @Field(() => ID, { nullable: true, description: 'Product.id; null when the SKU is not in the catalogue.' })
  productId!: string | null;

  @Field(() => Int, { description: 'Units ordered.' })
  quantity!: number;

  @Field(() => VndScalar, { description: 'Price of one unit in đồng, as sold.' })
  unitPriceVnd!: number;
}

@ObjectType('Order', { description: 'An order pulled from a marketplace. The buyer is masked before it is stored.' })
export class OrderNode {
  @Field(() => ID, { description: 'The hub\'s id of the order.' })
  id!: string;

  @Field(() => Marketplace, { description: 'Where it was placed.' })
  marketplace!: Marketplace;

  @Field(() => String, { description: 'The marketplace\'s order id (orders are deduplicated on it).' })
  externalOrderId!: string;

  @Field(() => OrderStatus, { description: 'Status at the last pull.' })
  status!: OrderStatus;

  @Field(() => VndScalar, { description: 'Order total in đồng, as the marketplace states it.' })
  totalVnd!: number;

  @Field(() => VndScalar, { description: 'Shipping fee in đồng.' })
  shippingFeeVnd!: number;

  @Field(() => String, { description: 'Buyer name, masked ("N***** V** A*").' })
  buyerName!: string;

  @Field(() => String, { description: 'Buyer phone, masked (last three digits).' })
  buyerPhone!: string;

  @Field(() => Date, { description: 'When the buyer placed it.' })
  placedAt!: Date;

  @Field(() => Date, { description: 'When the marketplace last changed it.' })
  updatedAt!: Date;

  @Field(() => [OrderLineNode], { description: 'The lines of the producer\'s products.' })
  lines!: OrderLineNode[];
}

export const { ConnectionType: OrderConnection } = connectionTypes(OrderNode, 'Order', 'order');
