import type { ApolloServerPlugin } from '@apollo/server';
import { visit, type DocumentNode } from 'graphql';
import { invalidInput } from '../domain-errors.js';
import { toGraphQLError } from './domain-error-mapping.js';

// NUL and the other C0 controls except tab and newline: no text the hub stores needs them, and
// PostgreSQL refuses NUL in text outright (an INTERNAL_SERVER_ERROR, with the statement in the log).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B-\u001F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a string is refused, or null: a control character (by code point) or an unpaired surrogate. Never the value itself. */
export function textProblem(value: string): string | null {
  const control = CONTROL.exec(value);
  if (control) return `contains the control character U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}; remove it (tab and newline are allowed)`;
  if (LONE_SURROGATE.test(value)) return 'contains an unpaired UTF-16 surrogate (broken Unicode text); send well-formed UTF-8';
  return null;
}

/** Every string in a variable value, with its path (`input.description`, `input.items.2.name`). */
function* stringsIn(value: unknown, path: string): Generator<[string, string]> {
  if (typeof value === 'string') yield [path, value];
  else if (Array.isArray(value)) for (const [i, item] of value.entries()) yield* stringsIn(item, `${path}.${i}`);
  else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) yield* stringsIn(item, path ? `${path}.${key}` : key);
}

/** Literals by document: Apollo Server hands every request of a cached operation the same DocumentNode. */
const literalsByDocument = new WeakMap<DocumentNode, [string, string][]>();

/** Every string literal the operation passes as an argument, with the argument's name as its path. */
function literalsIn(document: DocumentNode): [string, string][] {
  let found = literalsByDocument.get(document);
  if (!found) literalsByDocument.set(document, (found = findLiterals(document)));
  return found;
}

function findLiterals(document: DocumentNode): [string, string][] {
  const found: [string, string][] = [];
  const names: string[] = [];
  visit(document, {
    Argument: { enter: (node) => void names.push(node.name.value), leave: () => void names.pop() },
    ObjectField: { enter: (node) => void names.push(node.name.value), leave: () => void names.pop() },
    StringValue: (node) => {
      if (names.length) found.push([names.join('.'), node.value]);
    },
  });
  return found;
}

/**
 * One check of every string a caller sends a subgraph (variables and argument literals, whatever
 * the input type): a control character or broken Unicode is BAD_USER_INPUT naming the input path,
 * before any resolver runs, so no such text reaches a rule, a log line or the database.
 */
export function textHygienePlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          for (const [path, value] of [...stringsIn(request.variables ?? {}, ''), ...literalsIn(document)]) {
            const problem = textProblem(value);
            if (!problem) continue;
            const error = toGraphQLError(invalidInput(`${path || 'a string argument'} ${problem}.`, path));
            error.extensions.http = { status: 400 };
            throw error;
          }
        },
      };
    },
  };
}
