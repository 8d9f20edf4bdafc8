/** A problem with one row, before its line number is known; `readStatement` adds the line. */
export class RowError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RowError';
  }
}
