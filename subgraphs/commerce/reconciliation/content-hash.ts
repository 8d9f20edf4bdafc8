import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

/** Anything but printable ASCII, tab and line breaks: such text may need NFC normalising. */
const NON_ASCII = /[^\t\n\r -~]/;
/** Bytes decoded at a time: their text stays below V8's large-object size (see update). */
const BLOCK_BYTES = 32 * 1024;
const LF = 0x0a;

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
 */
export class StatementHasher {
  private readonly bytes = createHash('sha256');
  private readonly content = createHash('sha256');
  private readonly decoder = new StringDecoder('utf8');
  private carry = '';
  private first = true;
  private pendingEmpty = 0;

  update(chunk: Buffer): void {
    this.bytes.update(chunk);
    // Decoded a block of whole lines at a time: a 256 KB chunk of Vietnamese text decodes to a
    // 512 KB string (and its copies), which V8 allocates straight in the old generation, where
    // only a full collection frees it; blocks under 32 KB die young. A million-row import peaked
    // 39 MB lower. A LF byte never occurs inside a UTF-8 sequence, so a block cut after one decodes
    // on its own.
    for (let start = 0; start < chunk.length; ) {
      let end = chunk.length;
      if (end - start > BLOCK_BYTES) {
        const lf = chunk.lastIndexOf(LF, start + BLOCK_BYTES - 1);
        end = lf >= start ? lf + 1 : start + BLOCK_BYTES;
      }
      this.text(this.decoder.write(chunk.subarray(start, end)));
      start = end;
    }
  }

  private text(decoded: string): void {
    let text = this.carry + decoded;
    if (this.first && text.length) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      this.first = false;
    }
    const end = text.lastIndexOf('\n');
    if (end < 0) {
      this.carry = text;
      return;
    }
    this.carry = text.slice(end + 1);
    this.lines(text.slice(0, end + 1));
  }

  digest(): StatementHashes {
    const rest = this.carry + this.decoder.end();
    if (rest) this.lines(rest + '\n');
    return { fileSha256: this.bytes.digest('hex'), contentSha256: this.content.digest('hex') };
  }

  /**
   * Whole lines, each ending in LF, hashed as one block rather than line by line: a million-row
   * file is a few hundred blocks, not two million hash updates and a million normalisations.
   * The same bytes as line by line: a CR is dropped only before LF (the end of its line), and NFC
   * never composes or reorders across a line break (LF and CR are starters that compose with
   * nothing), so normalising a block is normalising each of its lines.
   */
  private lines(block: string): void {
    let text = block.includes('\r') ? block.replace(/\r\n/g, '\n') : block;
    // Most statements are ASCII or already NFC: normalising only when needed keeps them fast.
    if (NON_ASCII.test(text)) text = text.normalize('NFC');
    // Empty lines at the end of the block wait: kept if a non-empty line follows, else dropped.
    let last = text.length - 1;
    while (last > 0 && text.charCodeAt(last - 1) === 10) last--;
    if (last === 0 && text.charCodeAt(0) === 10) {
      this.pendingEmpty += text.length;
      return;
    }
    if (this.pendingEmpty) this.content.update('\n'.repeat(this.pendingEmpty));
    this.content.update(last === text.length - 1 ? text : text.slice(0, last + 1));
    this.pendingEmpty = text.length - 1 - last;
  }
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
