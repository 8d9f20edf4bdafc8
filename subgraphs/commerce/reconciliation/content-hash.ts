import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

/** Anything but printable ASCII and tab: such a line may need NFC normalising. */
const NON_ASCII = /[^\t -~]/;

/**
 * SHA-256 of a statement's *content*: UTF-8 text without BOM, each line NFC-normalised and without
 * its CR, lines joined by LF, trailing empty lines dropped. The same statement re-saved by Excel
 * (CRLF, BOM) or by a Mac (NFD) has the same content hash though its bytes differ, so a re-sent file
 * is recognised as the run it already is.
 */
export async function contentSha256(file: string): Promise<string> {
  return (await statementHashes(file)).contentSha256;
}

/**
 * Both hashes in one pass over the file: SHA-256 of the bytes and of the content (above). Calls
 * `onBytes` with the bytes read so far.
 */
export async function statementHashes(file: string, onBytes?: (read: number) => void): Promise<{ fileSha256: string; contentSha256: string }> {
  const bytes = createHash('sha256');
  const hash = createHash('sha256');
  let read = 0;
  const decoder = new StringDecoder('utf8');
  let carry = '';
  let first = true;
  let pendingEmpty = 0;
  const emit = (line: string) => {
    const text = line.endsWith('\r') ? line.slice(0, -1) : line;
    if (text === '') {
      pendingEmpty++;
      return;
    }
    for (; pendingEmpty > 0; pendingEmpty--) hash.update('\n');
    // Most statement lines are ASCII or already NFC: normalising only when needed keeps a
    // million-row file fast.
    hash.update(NON_ASCII.test(text) ? text.normalize('NFC') : text);
    hash.update('\n');
  };
  for await (const chunk of createReadStream(file, { highWaterMark: 256 * 1024 })) {
    bytes.update(chunk as Buffer);
    read += (chunk as Buffer).length;
    onBytes?.(read);
    let text = carry + decoder.write(chunk as Buffer);
    if (first && text.length) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    const lines = text.split('\n');
    carry = lines.pop()!;
    for (const line of lines) emit(line);
  }
  const rest = carry + decoder.end();
  if (rest) emit(rest);
  return { fileSha256: bytes.digest('hex'), contentSha256: hash.digest('hex') };
}
