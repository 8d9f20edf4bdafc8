/** Text is stored NFC-normalised so that the same word typed on two keyboards compares equal. */
export function nfc(value: string): string {
  return value.normalize('NFC').trim();
}

/**
 * A search key: lower case, no diacritics, đ → d. "Bí xanh" and "bi xanh" both fold to "bi xanh".
 * Stored beside the text so that a database index can serve diacritic-insensitive search.
 */
export function foldForSearch(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
