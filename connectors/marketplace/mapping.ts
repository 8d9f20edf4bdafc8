import { ConnectorError } from './contract.js';

/** The key a hub category or unit is looked up by: NFC, lower case, single spaces ("Quả" = "quả"). */
export function mappingKey(value: string): string {
  return value.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');
}

/**
 * Maps a hub value through one adapter's table. A value with no mapping is refused locally as
 * REJECTED (retrying cannot help; the table in the adapter folder needs a line), without calling the
 * marketplace.
 */
export function mapHubValue<T>(
  table: Readonly<Record<string, T>>,
  hubValue: string,
  what: 'category' | 'unit',
  marketplace: string,
  file: string,
): T {
  const mapped = table[mappingKey(hubValue)];
  if (mapped === undefined) {
    const known = Object.keys(table).join(', ');
    throw new ConnectorError(
      'REJECTED',
      `${marketplace}: hub ${what} "${hubValue}" has no ${marketplace.toLowerCase()} mapping (known: ${known}); add it to ${file}`,
    );
  }
  return mapped;
}
