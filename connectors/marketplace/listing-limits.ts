/**
 * What a marketplace accepts in a listing, declared by each adapter (its `limits` in
 * `connectors/<name>/index.ts`) so the hub refuses a change before queueing it instead of learning
 * it from a failed job. `listingLimitProblems` is pure: the commerce subgraph turns its problems into
 * BAD_USER_INPUT naming the marketplace and the rule.
 */
import type { ListingContent } from './contract.js';
import { mappingKey } from './mapping.js';

export interface ListingLimits {
  /** Whole VND, inclusive. */
  priceVnd: { min: number; max: number };
  stock: { max: number };
  /** Characters, inclusive. */
  name: { min: number; max: number };
  description: { max: number };
  /** Hub selling units the adapter can map (its mappings.ts). */
  units: readonly string[];
  /** Hub categories the adapter can map (its mappings.ts). */
  categories: readonly string[];
  /** Net weight of one selling unit: at most `maxGrams`; required unless the unit is one of `optionalForUnits` (when given). */
  weight: { maxGrams: number; optionalForUnits?: readonly string[] };
  images: { max: number };
  /** Attributes each hub category needs there (e.g. meat: origin, quarantine certificate); categories not named need none. */
  attributes?: Readonly<Record<string, readonly string[]>>;
}

/** The rule a listing breaks; part of the public error (`extensions.rule`). */
export type ListingRule = 'PRICE' | 'STOCK' | 'NAME_LENGTH' | 'DESCRIPTION_LENGTH' | 'UNIT' | 'CATEGORY' | 'WEIGHT' | 'IMAGES' | 'CATEGORY_ATTRIBUTE';

export interface ListingLimitProblem {
  rule: ListingRule;
  /** The content field at fault. */
  field: 'priceVnd' | 'stock' | 'name' | 'description' | 'unit' | 'category' | 'netWeightGrams' | 'images' | 'attributes';
  message: string;
}

const vnd = (n: number) => `${n.toLocaleString('en-US')} đ`;

/** Every limit `content` breaks (none: the marketplace should accept it). */
export function listingLimitProblems(limits: ListingLimits, content: Omit<ListingContent, 'sellerSku' | 'version'>): ListingLimitProblem[] {
  const problems: ListingLimitProblem[] = [];
  const { priceVnd, stock, name, description, units, categories, weight, images } = limits;
  if (content.priceVnd < priceVnd.min || content.priceVnd > priceVnd.max) {
    problems.push({ rule: 'PRICE', field: 'priceVnd', message: `the price must be ${vnd(priceVnd.min)} to ${vnd(priceVnd.max)} (is ${vnd(content.priceVnd)})` });
  }
  if (content.stock > stock.max) problems.push({ rule: 'STOCK', field: 'stock', message: `the stock must be at most ${stock.max.toLocaleString('en-US')} (is ${content.stock.toLocaleString('en-US')})` });
  const nameLength = [...content.name].length;
  if (nameLength < name.min || nameLength > name.max) {
    problems.push({ rule: 'NAME_LENGTH', field: 'name', message: `the name must be ${name.min} to ${name.max} characters (has ${nameLength})` });
  }
  const descriptionLength = [...content.description].length;
  if (descriptionLength > description.max) {
    problems.push({ rule: 'DESCRIPTION_LENGTH', field: 'description', message: `the description must be at most ${description.max} characters (has ${descriptionLength})` });
  }
  const unit = mappingKey(content.unit);
  if (!units.includes(unit)) problems.push({ rule: 'UNIT', field: 'unit', message: `the unit "${content.unit}" is not sold there: use one of ${units.join(', ')}` });
  if (!categories.includes(mappingKey(content.category))) {
    problems.push({ rule: 'CATEGORY', field: 'category', message: `the category "${content.category}" has no counterpart there: use one of ${categories.join(', ')}` });
  }
  if (content.netWeightGrams != null && content.netWeightGrams > weight.maxGrams) {
    problems.push({ rule: 'WEIGHT', field: 'netWeightGrams', message: `the net weight must be at most ${weight.maxGrams.toLocaleString('en-US')} g (is ${content.netWeightGrams.toLocaleString('en-US')} g)` });
  } else if (content.netWeightGrams == null && weight.optionalForUnits && !weight.optionalForUnits.includes(unit)) {
    problems.push({ rule: 'WEIGHT', field: 'netWeightGrams', message: `a net weight is required for products sold by the ${content.unit}` });
  }
  if (content.images.length > images.max) problems.push({ rule: 'IMAGES', field: 'images', message: `at most ${images.max} images (has ${content.images.length})` });
  const required = limits.attributes?.[mappingKey(content.category)] ?? [];
  const missing = required.filter((name) => !content.attributes?.[name]?.trim());
  if (missing.length) {
    problems.push({ rule: 'CATEGORY_ATTRIBUTE', field: 'attributes', message: `the category "${content.category}" needs the attribute${missing.length > 1 ? 's' : ''} ${missing.join(', ')}` });
  }
  return problems;
}
