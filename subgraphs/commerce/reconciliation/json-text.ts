/**
 * JSON text of the lists and values an item stores, written directly: a million items, each with a
 * handful of plain ids, would otherwise make a million JSON.stringify calls and their arrays.
 * Output is exactly JSON.stringify's.
 */

/** True when JSON.stringify would write the string as is: no control character, quote, backslash or surrogate (lone ones are escaped). */
function plainJson(value: string): boolean {
  for (let k = 0; k < value.length; k++) {
    const c = value.charCodeAt(k);
    if (c < 0x20 || c === 0x22 || c === 0x5c || (c >= 0xd800 && c <= 0xdfff)) return false;
  }
  return true;
}

/** JSON text of a string, as JSON.stringify writes it. */
export function jsonString(value: string): string {
  return plainJson(value) ? `"${value}"` : JSON.stringify(value);
}

/**
 * JSON text of a list of strings, as JSON.stringify writes it. Nearly every item lists one plain
 * id or reference: that one is concatenated directly (a million items, four lists each).
 */
export function jsonStrings(values: readonly string[]): string {
  if (values.length === 0) return '[]';
  if (values.length === 1 && plainJson(values[0])) return `["${values[0]}"]`;
  return JSON.stringify(values);
}

/** JSON text of a list of statement lines (whole numbers). */
export function jsonLines(values: readonly number[]): string {
  return values.length === 1 ? `[${values[0]}]` : JSON.stringify(values);
}
