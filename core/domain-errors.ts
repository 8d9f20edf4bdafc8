/**
 * Errors of the domain, free of any transport: rules (`*.rules.ts`), commands, queries and CLI code
 * throw these, and each transport says them in its own words. GraphQL maps them to the public codes
 * in one place (core/graphql/domain-error-mapping.ts); the CLI prints the message. Messages say what
 * was wrong and what to do; `details` are machine-readable facts (GraphQL `extensions`).
 */
export type DomainErrorKind = 'INVALID_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'RATE_LIMITED';

export abstract class DomainError extends Error {
  abstract readonly kind: DomainErrorKind;

  constructor(
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Input that breaks a rule; `field` is its input path (`input.receivedAt`), so a form can show the message beside it. */
export class InvalidInputError extends DomainError {
  readonly kind = 'INVALID_INPUT';

  constructor(
    message: string,
    readonly field: string,
    details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message, { ...details, field });
  }
}

/** Nobody signed in, where someone must be. */
export class UnauthenticatedError extends DomainError {
  readonly kind = 'UNAUTHENTICATED';
}

/** Signed in, but without the role or scope this needs. */
export class ForbiddenError extends DomainError {
  readonly kind = 'FORBIDDEN';
}

/** What the caller names by id does not exist. (Looking something up that is missing returns null instead.) */
export class NotFoundError extends DomainError {
  readonly kind = 'NOT_FOUND';
}

/** The state does not allow it now: a duplicate, a stale version, a transition the workflow forbids. */
export class ConflictError extends DomainError {
  readonly kind = 'CONFLICT';
}

/** Too many at once; `retryAfterSeconds` says when to try again. */
export class RateLimitedError extends DomainError {
  readonly kind = 'RATE_LIMITED';

  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message, { retryAfterSeconds });
  }
}

export const invalidInput = (message: string, field: string, details: Readonly<Record<string, unknown>> = {}) => new InvalidInputError(message, field, details);
export const unauthenticated = (message = 'Sign in first: send a bearer token in the Authorization header.') => new UnauthenticatedError(message);
export const forbidden = (message: string) => new ForbiddenError(message);
export const notFound = (message: string, details: Readonly<Record<string, unknown>> = {}) => new NotFoundError(message, details);
export const conflict = (message: string, details: Readonly<Record<string, unknown>> = {}) => new ConflictError(message, details);
export const rateLimited = (message: string, retryAfterSeconds: number) => new RateLimitedError(message, retryAfterSeconds);

/** An error in a file or CLI input, reported with the 1-based line it came from. */
export class InputLineError extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
    readonly source?: string,
  ) {
    super(`${source ? `${source}:` : 'line '}${line}: ${reason}`);
    this.name = 'InputLineError';
  }
}
