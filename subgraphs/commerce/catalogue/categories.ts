/**
 * The hub's product categories. Each marketplace adapter maps them to its own category tree
 * (connectors/voso/mappings.ts, connectors/postmart/mappings.ts), so adding one here means adding
 * it to every adapter's mapping; an unmapped category is refused by the adapter as REJECTED.
 */
export const PRODUCT_CATEGORIES = ['vegetables', 'leafy vegetables', 'tubers', 'fruit', 'eggs', 'tea', 'rice', 'honey', 'dried goods', 'meat'] as const;
export type ProductCategory = (typeof PRODUCT_CATEGORIES)[number];

export function isProductCategory(value: string): value is ProductCategory {
  return (PRODUCT_CATEGORIES as readonly string[]).includes(value);
}
