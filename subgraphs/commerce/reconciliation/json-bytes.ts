/**
 * JSON text written as UTF-8 bytes into one reused buffer, exactly as JSON.stringify writes the
 * same strings, numbers and nulls. A pack's items (item-pack.ts) are written so: their ids and
 * references are copied from the tables' UTF-8 columns without a string or an array per item,
 * and a pack's text becomes a string once (a million items made 4 million strings, a million
 * arrays and JSON.stringify's walk over them).
 */
const BILLION = 1_000_000_000;

export class JsonBytes {
  private bytes = Buffer.allocUnsafe(64 * 1024);
  private used = 0;
  /** Digits of a number, written backwards before they are copied in order. */
  private readonly digits = new Uint8Array(24);

  /** Bytes written since the last reset. */
  get length(): number {
    return this.used;
  }

  reset(): void {
    this.used = 0;
  }

  /** The text written since the last reset. */
  text(): string {
    return this.bytes.toString('utf8', 0, this.used);
  }

  /** The bytes written since the last reset, not copied: valid until the next write or reset. */
  view(): Buffer {
    return this.bytes.subarray(0, this.used);
  }

  private room(n: number): void {
    if (this.used + n <= this.bytes.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.used + n));
    this.bytes.copy(next, 0, 0, this.used);
    this.bytes = next;
  }

  /** One ASCII character: a bracket, a comma. */
  char(code: number): void {
    this.room(1);
    this.bytes[this.used++] = code;
  }

  null(): void {
    this.ascii('null');
  }

  /** ASCII text as is (what the caller already knows to be JSON). */
  private ascii(text: string): void {
    this.room(text.length);
    const bytes = this.bytes;
    let at = this.used;
    for (let k = 0; k < text.length; k++) bytes[at++] = text.charCodeAt(k);
    this.used = at;
  }

  /**
   * A number as JSON.stringify writes it: whole numbers (amounts, lines, times) digit by digit, no
   * string made. Digits come from int32 arithmetic: above 10^9 (epoch milliseconds) the value is
   * split in two first, since dividing a double by 10 a dozen times a number cost more than the rest.
   */
  number(value: number): void {
    if (!Number.isSafeInteger(value)) {
      this.ascii(JSON.stringify(value));
      return;
    }
    this.room(17);
    let n = value;
    if (n < 0) {
      this.bytes[this.used++] = 0x2d;
      n = -n;
    }
    if (n < BILLION) {
      this.digitsOf(n | 0, 0);
      return;
    }
    const high = Math.floor(n / BILLION);
    this.digitsOf(high | 0, 0);
    this.digitsOf((n - high * BILLION) | 0, 9);
  }

  /** The decimal digits of 0 ≤ n < 10^9, at least `width` of them (leading zeros). */
  private digitsOf(n: number, width: number): void {
    const digits = this.digits;
    let d = 0;
    do {
      const rest = (n / 10) | 0;
      digits[d++] = 0x30 + n - rest * 10;
      n = rest;
    } while (n > 0 || d < width);
    const bytes = this.bytes;
    let at = this.used;
    while (d > 0) bytes[at++] = digits[--d];
    this.used = at;
  }

  /** A string as JSON.stringify writes it. */
  string(value: string): void {
    const n = value.length;
    this.room(n + 2);
    const bytes = this.bytes;
    let at = this.used;
    bytes[at++] = 0x22;
    for (let k = 0; k < n; k++) {
      const c = value.charCodeAt(k);
      // Only printable ASCII other than quote and backslash is copied a unit a byte.
      if (c < 0x20 || c > 0x7e || c === 0x22 || c === 0x5c) {
        this.escaped(value);
        return;
      }
      bytes[at++] = c;
    }
    bytes[at++] = 0x22;
    this.used = at;
  }

  /** What JSON.stringify writes for text beyond printable ASCII (escapes, UTF-8). */
  private escaped(value: string): void {
    const json = JSON.stringify(value);
    this.room(Buffer.byteLength(json, 'utf8'));
    this.used += this.bytes.write(json, this.used, 'utf8');
  }

  /**
   * A string given as its UTF-8 bytes (well-formed, as Buffer.write makes them), copied as they
   * are when JSON.stringify would not escape any of them; false, with nothing written, when it
   * would (a control character, a quote, a backslash): the caller writes the decoded string.
   */
  utf8String(source: Uint8Array, start: number, end: number): boolean {
    this.room(end - start + 2);
    const bytes = this.bytes;
    let at = this.used;
    bytes[at++] = 0x22;
    for (let k = start; k < end; k++) {
      const b = source[k];
      if (b < 0x20 || b === 0x22 || b === 0x5c) return false;
      bytes[at++] = b;
    }
    bytes[at++] = 0x22;
    this.used = at;
    return true;
  }
}
