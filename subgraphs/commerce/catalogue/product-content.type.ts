import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';

@ObjectType('ProductAttribute', { description: 'A category attribute of a product (what some marketplaces require for its category, e.g. origin for meat and honey).' })
export class ProductAttributeNode {
  @Field(() => String, { description: 'Attribute name: origin, quarantine_certificate, ...' })
  name!: string;

  @Field(() => String, { description: 'Its value, NFC.' })
  value!: string;
}

@InputType({ description: 'A category attribute: the names each marketplace requires per category are in connectors/README.md.' })
export class ProductAttributeInput {
  @Field(() => String, { description: 'Lower-case name (letters, digits, _), e.g. "origin".' })
  name!: string;

  @Field(() => String, { description: 'The value, 1–200 characters, e.g. "Lạng Sơn".' })
  value!: string;
}

@ObjectType('Package', { description: 'The shipping package of one selling unit.' })
export class PackageNode {
  @Field(() => Int, { description: 'Gross weight with packaging, grams.' })
  weightGrams!: number;

  @Field(() => Int, { description: 'Length, centimetres.' })
  lengthCm!: number;

  @Field(() => Int, { description: 'Width, centimetres.' })
  widthCm!: number;

  @Field(() => Int, { description: 'Height, centimetres.' })
  heightCm!: number;
}

@InputType({ description: 'The shipping package of one selling unit: sent to the marketplaces on create (postmart ships by its weight).' })
export class PackageInput {
  @Field(() => Int, { description: 'Gross weight with packaging, 1–100000 grams.' })
  weightGrams!: number;

  @Field(() => Int, { description: 'Length, 1–300 cm.' })
  lengthCm!: number;

  @Field(() => Int, { description: 'Width, 1–300 cm.' })
  widthCm!: number;

  @Field(() => Int, { description: 'Height, 1–300 cm.' })
  heightCm!: number;
}

@ObjectType('ProductImage', { description: 'An image the hub stores for a product and uploads to each marketplace\'s media service.' })
export class ProductImageNode {
  @Field(() => ID, { description: 'Stable id of the image.' })
  id!: string;

  @Field(() => String, { description: 'image/jpeg, image/png or image/webp, as read from the bytes.' })
  contentType!: string;

  @Field(() => Int, { description: 'Size in bytes.' })
  byteSize!: number;

  @Field(() => String, { description: 'Where the hub serves it: the commerce service\'s /products/images/{id}.' })
  path!: string;

  @Field(() => Int, { description: 'Order among the product\'s images (0 is the main image; stored images come before image URLs).' })
  position!: number;
}

@InputType({ description: 'A stored image to remove.' })
export class RemoveProductImageInput {
  @Field(() => ID, { description: 'The product.' })
  productId!: string;

  @Field(() => ID, { description: 'The image (ProductImage.id).' })
  imageId!: string;
}
