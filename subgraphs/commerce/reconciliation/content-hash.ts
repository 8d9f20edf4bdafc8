import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

/** Anything but printable ASCII and tab: such a line may need NFC normalising. */
const NON_ASCII = /[^\t -~]/;

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
    let text = this.carry + this.decoder.write(chunk);
    if (this.first && text.length) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      this.first = false;
    }
    const lines = text.split('\n');
    this.carry = lines.pop()!;
    for (const line of lines) this.line(line);
  }

  digest(): StatementHashes {
    const rest = this.carry + this.decoder.end();
    if (rest) this.line(rest);
    return { fileSha256: this.bytes.digest('hex'), contentSha256: this.content.digest('hex') };
  }

  private line(line: string): void {
    const text = line.endsWith('\r') ? line.slice(0, -1) : line;
    if (text === '') {
      this.pendingEmpty++;
      return;
    }
    for (; this.pendingEmpty > 0; this.pendingEmpty--) this.content.update('\n');
    // Most statement lines are ASCII or already NFC: normalising only when needed keeps a
    // million-row file fast.
    this.content.update(NON_ASCII.test(text) ? text.normalize('NFC') : text);
    this.content.update('\n');
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
