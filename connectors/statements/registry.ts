import type { StatementReader } from './reader.js';
import { viettelMoneyReader } from './viettel-money.reader.js';
import { vivietReader } from './viviet.reader.js';
import { vnptMoneyReader } from './vnpt-money.reader.js';

/** Every statement reader, by provider code. Adding a provider: write its reader, add it here. */
export const READERS: ReadonlyMap<string, StatementReader> = new Map(
  [viettelMoneyReader, vnptMoneyReader, vivietReader].map((r) => [r.provider, r as StatementReader]),
);

export const PROVIDERS: readonly string[] = [...READERS.keys()];

export class UnknownProviderError extends Error {
  constructor(readonly provider: string) {
    super(`Unknown statement provider "${provider}": use one of ${PROVIDERS.join(', ')}.`);
    this.name = 'UnknownProviderError';
  }
}

export function readerFor(provider: string): StatementReader {
  const reader = READERS.get(provider);
  if (!reader) throw new UnknownProviderError(provider);
  return reader;
}
