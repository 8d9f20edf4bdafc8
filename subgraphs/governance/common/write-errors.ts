import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { conflict, invalidInput } from '../../../core/domain-errors.js';
import type { Problem } from './problems.js';

/** The first problem as BAD_USER_INPUT on `input.<field>`, with all of them in `extensions.problems`. */
export function throwProblems(problems: Problem[], prefix = 'input'): void {
  if (!problems.length) return;
  const [first] = problems;
  throw invalidInput(first.message, `${prefix}.${first.field}`, {
    problems: problems.map((p) => ({ field: `${prefix}.${p.field}`, message: p.message })),
  });
}

/**
 * Runs a write; a unique-index violation that slipped past the checks (two officers writing the
 * same number at once) becomes CONFLICT instead of an internal error.
 */
export async function withConflictAsError<T>(work: () => Promise<T>, message: string): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) throw conflict(message);
    throw error;
  }
}
