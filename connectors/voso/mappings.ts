/**
 * voso's category tree and unit codes as the adapter assumes them (README.md), and how the hub's
 * categories and units map onto them. One place to edit when the real taxonomy is known.
 */

/** voso category ids (leaf categories under "Nông sản" — agricultural produce). */
export const VOSO_CATEGORIES: Readonly<Record<number, string>> = {
  10101: 'Rau củ quả > Rau ăn lá',
  10102: 'Rau củ quả > Rau ăn quả',
  10103: 'Rau củ quả > Củ',
  10201: 'Trái cây',
  10301: 'Trứng gia cầm',
  10401: 'Chè, trà',
  10501: 'Gạo, ngũ cốc',
  10601: 'Mật ong',
  10701: 'Đặc sản khô',
  10801: 'Thịt, gia cầm',
};

/** Hub category → voso category id. Keys are `mappingKey` form. */
export const VOSO_CATEGORY_BY_HUB: Readonly<Record<string, number>> = {
  vegetables: 10102,
  'leafy vegetables': 10101,
  tubers: 10103,
  fruit: 10201,
  eggs: 10301,
  tea: 10401,
  rice: 10501,
  honey: 10601,
  'dried goods': 10701,
  meat: 10801,
};

/** voso unit codes. */
export const VOSO_UNITS = ['KG', 'G', 'QUA', 'HOP', 'CHUC', 'BO', 'TUI', 'GOI', 'CHAI', 'KHAY'] as const;
export type VosoUnit = (typeof VOSO_UNITS)[number];

/** Hub selling unit → voso unit code. "chục" is ten pieces (voso's CHUC), not a dozen. */
export const VOSO_UNIT_BY_HUB: Readonly<Record<string, VosoUnit>> = {
  kg: 'KG',
  g: 'G',
  quả: 'QUA',
  hộp: 'HOP',
  chục: 'CHUC',
  bó: 'BO',
  túi: 'TUI',
  gói: 'GOI',
  chai: 'CHAI',
  khay: 'KHAY',
};

/**
 * Attributes voso requires per category (assumed, as Shopee's category attributes): honey and meat
 * need their origin, meat also its veterinary quarantine certificate number. Keyed by voso category id.
 */
export const VOSO_REQUIRED_ATTRIBUTES: Readonly<Record<number, readonly string[]>> = {
  10601: ['origin'],
  10801: ['origin', 'quarantine_certificate'],
};

/** The same by hub category, for the adapter's declared limits. */
export const VOSO_ATTRIBUTES_BY_HUB: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  Object.entries(VOSO_CATEGORY_BY_HUB).flatMap(([hub, id]) => (VOSO_REQUIRED_ATTRIBUTES[id] ? [[hub, VOSO_REQUIRED_ATTRIBUTES[id]]] : [])),
);
