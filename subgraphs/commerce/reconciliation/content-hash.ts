import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { isUtf8 } from 'node:buffer';

/** Anything but printable ASCII, tab and line breaks: such text may need NFC normalising. */
const NON_ASCII = /[^\t\n\r -~]/;
/**
 * True when valid UTF-8 `bytes` hold the lead byte of a code point from U+0300 up (0xCC and above)
 * other than those of U+1E00–U+1EFF (0xE1 then 0xB8–0xBB: Latin Extended Additional, where
 * Vietnamese letters with two marks live). Below U+0300 and in that block every character is NFC
 * already and composes with nothing before it, so bytes without one are their own NFC form and
 * are hashed as they are, never decoded.
 *
 * Four bytes at a time: a word with no byte from 0xC0 up is skipped whole, and a statement row is
 * mostly such words ("Thành công" aside). Made a Latin-1 string and searched by a regular
 * expression, this was a tenth of reading a million-row statement on its thread.
 */
export function mayChangeUnderNfc(bytes: Uint8Array): boolean {
  const { length } = bytes;
  // Bytes before the first 4-byte boundary of the buffer, then whole words, then what is left.
  const head = Math.min(length, (4 - (bytes.byteOffset & 3)) & 3);
  const words = (length - head) >>> 2;
  const tail = head + words * 4;
  if (changeableIn(bytes, 0, head) || changeableIn(bytes, tail, length)) return true;
  if (words === 0) return false;
  const view = new Uint32Array(bytes.buffer, bytes.byteOffset + head, words);
  for (let w = 0; w < words; w++) {
    const word = view[w];
    // Bit 7 of a byte left set only where its bits 7 and 6 both are: a byte from 0xC0 up.
    if ((word & (word << 1) & 0x80808080) !== 0 && changeableIn(bytes, head + w * 4, head + w * 4 + 4)) return true;
  }
  return false;
}

/** True when `bytes[from..to)` holds a byte from 0xCC up other than 0xE1 followed by 0xB8–0xBB (or 0xE1 at the very end). */
function changeableIn(bytes: Uint8Array, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    if (bytes[k] < 0xcc) continue;
    if (bytes[k] !== 0xe1) return true;
    const next = bytes[k + 1];
    if (next !== undefined && (next < 0xb8 || next > 0xbb)) return true;
  }
  return false;
}

/** Bytes hashed at a time: a text made of them stays below V8's large-object size (see pieces). */
const BLOCK_BYTES = 32 * 1024;
const LF = 0x0a;
const CR = 0x0d;
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const NO_BYTES = Buffer.alloc(0);

export interface StatementHashes {
  fileSha256: string;
  contentSha256: string;
}

/**
 * SHA-256 of a statement's bytes and of its *content*: UTF-8 text without BOM, each line
 * NFC-normalised and without its CR, lines joined by LF, trailing empty lines dropped. The same
 * statement re-saved by Excel (CRLF, BOM) or by a Mac (NFD) has the same content hash though its
 * bytes differ, so a re-sent file is recognised as the run it already is. Fed chunk by chunk, so the
 * import can hash the very chunks it parses instead of reading the file twice.
 *
 * Worked on the bytes: a block that is valid UTF-8 and NFC already (mayChangeUnderNfc) is hashed
 * as it is, less the CRs before LF; only other blocks are decoded, normalised and encoded again.
 * Decoding every block cost a third of reading a million-row statement on its thread.
 */
export class StatementHasher {
  private readonly bytes = createHash('sha256');
  private readonly content = createHash('sha256');
  /** The start of a line the chunks so far have not ended. */
  private carry: Buffer = NO_BYTES;
  private first = true;
  /** Empty lines held back: dropped if nothing but empty lines follows them. */
  private pendingEmpty = 0;
  /** The start of the current line is hashed already (partLine). */
  private midLine = false;

  update(chunk: Buffer): void {
    this.bytes.update(chunk);
    const last = chunk.lastIndexOf(LF);
    if (last < 0) {
      this.carry = this.carry.length ? Buffer.concat([this.carry, chunk]) : Buffer.from(chunk);
      if (this.carry.length > BLOCK_BYTES) this.partLine();
      return;
    }
    // The line the carry began ends at the chunk's first LF: joined up to there only.
    const lf = chunk.indexOf(LF);
    this.pieces(this.carry.length ? Buffer.concat([this.carry, chunk.subarray(0, lf + 1)]) : chunk.subarray(0, lf + 1));
    if (last > lf) this.pieces(chunk.subarray(lf + 1, last + 1));
    this.carry = last + 1 < chunk.length ? Buffer.from(chunk.subarray(last + 1)) : NO_BYTES;
  }

  digest(): StatementHashes {
    if (this.carry.length) this.pieces(Buffer.concat([this.carry, Buffer.of(LF)]));
    this.carry = NO_BYTES;
    return { fileSha256: this.bytes.digest('hex'), contentSha256: this.content.digest('hex') };
  }

  /**
   * A line longer than a block (a file whose line end is CR alone is one line here): hashed up to
   * its last ASCII byte, which is a starter NFC composes with nothing before it and, not being LF,
   * leaves any CR before it as data; the rest waits for more.
   */
  private partLine(): void {
    let cut = this.carry.length - 1;
    while (cut > 0 && this.carry[cut] >= 0x80) cut--;
    if (cut <= 0) return;
    this.piece(this.carry.subarray(0, cut));
    this.carry = Buffer.from(this.carry.subarray(cut));
  }

  /** Whole lines (ending in LF), a block at a time, each block cut after a LF. */
  private pieces(lines: Buffer): void {
    for (let start = 0; start < lines.length; ) {
      let end = lines.length;
      if (end - start > BLOCK_BYTES) {
        const lf = lines.lastIndexOf(LF, start + BLOCK_BYTES - 1);
        end = lf >= start ? lf + 1 : lines.indexOf(LF, start + BLOCK_BYTES) + 1;
      }
      this.piece(lines.subarray(start, end));
      start = end;
    }
  }

  /**
   * Hashes a piece of the text: whole lines, or the start of one (no LF then). The same bytes as
   * line by line: a CR is dropped only before LF, and NFC never composes or reorders across a line
   * break (LF and CR are starters that compose with nothing), so normalising a block is normalising
   * each of its lines.
   */
  private piece(raw: Buffer): void {
    let bytes = raw;
    if (this.first) {
      this.first = false;
      if (bytes.subarray(0, UTF8_BOM.length).equals(UTF8_BOM)) bytes = bytes.subarray(UTF8_BOM.length);
    }
    if (isUtf8(bytes) && !mayChangeUnderNfc(bytes)) {
      if (bytes.includes(CR)) bytes = withoutCrBeforeLf(bytes);
    } else {
      // Not valid UTF-8 (decoded with replacement characters, as a text editor shows it) or possibly not NFC.
      let text = bytes.toString('utf8');
      if (text.includes('\r')) text = text.replace(/\r\n/g, '\n');
      if (NON_ASCII.test(text)) text = text.normalize('NFC');
      bytes = Buffer.from(text, 'utf8');
    }
    this.hashText(bytes);
  }

  /** Normalised text into the content hash, holding back empty lines at the end until a line follows them. */
  private hashText(text: Buffer): void {
    let bytes = text;
    if (this.midLine) {
      // The line a part of it began (partLine) ends at the first LF.
      const lf = bytes.indexOf(LF);
      this.content.update(lf < 0 ? bytes : bytes.subarray(0, lf + 1));
      if (lf < 0) return;
      this.midLine = false;
      bytes = bytes.subarray(lf + 1);
    }
    let last = bytes.length - 1;
    if (last < 0) return;
    if (bytes[last] !== LF) {
      this.flushEmptyLines();
      this.content.update(bytes);
      this.midLine = true;
      return;
    }
    while (last > 0 && bytes[last - 1] === LF) last--;
    if (last === 0) {
      this.pendingEmpty += bytes.length;
      return;
    }
    this.flushEmptyLines();
    this.content.update(last === bytes.length - 1 ? bytes : bytes.subarray(0, last + 1));
    this.pendingEmpty = bytes.length - 1 - last;
  }

  private flushEmptyLines(): void {
    if (this.pendingEmpty) this.content.update(Buffer.alloc(this.pendingEmpty, LF));
    this.pendingEmpty = 0;
  }
}

/** The bytes without each CR that comes right before a LF. */
function withoutCrBeforeLf(bytes: Buffer): Buffer {
  const out = Buffer.allocUnsafe(bytes.length);
  let size = 0;
  let from = 0;
  for (let cr = bytes.indexOf(CR); cr >= 0; cr = bytes.indexOf(CR, cr + 1)) {
    if (bytes[cr + 1] !== LF) continue;
    size += bytes.copy(out, size, from, cr);
    from = cr + 1;
  }
  size += bytes.copy(out, size, from);
  return out.subarray(0, size);
}

/** The content hash alone (see StatementHasher). */
export async function contentSha256(file: string): Promise<string> {
  return (await statementHashes(file)).contentSha256;
}

/** Both hashes of a file in one pass of its own (when the file is not being parsed anyway). */
export async function statementHashes(file: string): Promise<StatementHashes> {
  const hasher = new StatementHasher();
  for await (const chunk of createReadStream(file, { highWaterMark: 256 * 1024 })) hasher.update(chunk as Buffer);
  return hasher.digest();
}
