/**
 * postmart's category tree and sales units as the adapter assumes them (README.md), and how the
 * hub's categories and units map onto them. One place to edit when the real taxonomy is known.
 */

/** postmart category ids (under "Nông sản - Đặc sản"). */
export const POSTMART_CATEGORIES: Readonly<Record<number, string>> = {
  300110: 'Rau xanh',
  300120: 'Củ, quả',
  300130: 'Trái cây tươi',
  300140: 'Trứng',
  300150: 'Chè, cà phê',
  300160: 'Gạo, ngũ cốc',
  300170: 'Mật ong, đặc sản',
  300180: 'Thực phẩm tươi sống',
};

/** Hub category → postmart category id. Keys are `mappingKey` form. */
export const POSTMART_CATEGORY_BY_HUB: Readonly<Record<string, number>> = {
  vegetables: 300120,
  'leafy vegetables': 300110,
  tubers: 300120,
  fruit: 300130,
  eggs: 300140,
  tea: 300150,
  rice: 300160,
  honey: 300170,
  'dried goods': 300170,
  meat: 300180,
};

/** postmart sales units. PACK_10 is ten pieces (the hub's "chục"). */
export const POSTMART_UNITS = ['KG', 'PIECE', 'BOX', 'PACK_10', 'BUNCH', 'BAG', 'PACKET', 'BOTTLE', 'TRAY'] as const;
export type PostmartUnit = (typeof POSTMART_UNITS)[number];

/** Hub selling unit → postmart sales unit. */
export const POSTMART_UNIT_BY_HUB: Readonly<Record<string, PostmartUnit>> = {
  kg: 'KG',
  quả: 'PIECE',
  hộp: 'BOX',
  chục: 'PACK_10',
  bó: 'BUNCH',
  túi: 'BAG',
  gói: 'PACKET',
  chai: 'BOTTLE',
  khay: 'TRAY',
};

/** Attributes postmart requires per category (assumed, as Shopee's): meat needs its origin and veterinary quarantine certificate. By postmart category id. */
export const POSTMART_REQUIRED_ATTRIBUTES: Readonly<Record<number, readonly string[]>> = {
  300180: ['origin', 'quarantine_certificate'],
};

/** The same by hub category, for the adapter's declared limits. */
export const POSTMART_ATTRIBUTES_BY_HUB: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  Object.entries(POSTMART_CATEGORY_BY_HUB).flatMap(([hub, id]) => (POSTMART_REQUIRED_ATTRIBUTES[id] ? [[hub, POSTMART_REQUIRED_ATTRIBUTES[id]]] : [])),
);
