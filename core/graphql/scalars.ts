import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { isCalendarDate } from '../time.js';
import { MAX_VND } from '../money.js';

/** `Date`: a calendar date, yyyy-mm-dd, held in code as that string (no time zone to get wrong). */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date, yyyy-mm-dd (ISO 8601), in the Asia/Ho_Chi_Minh calendar.',
  specifiedByURL: 'https://tools.ietf.org/html/rfc3339',
  serialize(value) {
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    if (typeof value === 'string' && isCalendarDate(value)) return value;
    throw new GraphQLError(`Date cannot represent ${String(value)}`);
  },
  parseValue(value) {
    if (typeof value !== 'string' || !isCalendarDate(value)) {
      throw new GraphQLError(`Date must be a real calendar date written yyyy-mm-dd, got ${JSON.stringify(value)}.`, { extensions: { code: 'BAD_USER_INPUT' } });
    }
    return value;
  },
  parseLiteral(ast: ValueNode) {
    if (ast.kind !== Kind.STRING || !isCalendarDate(ast.value)) {
      throw new GraphQLError('Date must be a real calendar date written yyyy-mm-dd, as a string.', { nodes: ast, extensions: { code: 'BAD_USER_INPUT' } });
    }
    return ast.value;
  },
});

/** `DateTime`: an instant, ISO 8601 with offset; stored and returned in UTC. */
export const DateTimeScalar = new GraphQLScalarType({
  ...DateTimeResolver.toConfig(),
  name: 'DateTime',
  description: 'An instant, ISO 8601 with an offset (e.g. 2021-06-01T08:30:00+07:00); returned in UTC.',
});


function parseVnd(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new GraphQLError(`Vnd must be a whole number of đồng (VND has no minor unit), got ${JSON.stringify(value)}.`, { extensions: { code: 'BAD_USER_INPUT' } });
  }
  if (value < 0) throw new GraphQLError(`Vnd cannot be negative, got ${value}.`, { extensions: { code: 'BAD_USER_INPUT' } });
  if (value > MAX_VND) throw new GraphQLError(`Vnd ${value} is above the limit of ${MAX_VND}: check the amount (was it sent ×100?).`, { extensions: { code: 'BAD_USER_INPUT' } });
  return value;
}

/** `Vnd`: an amount of Vietnamese đồng, a whole non-negative number (ISO 4217 exponent 0). */
export const VndScalar = new GraphQLScalarType<number, number>({
  name: 'Vnd',
  description: 'An amount in Vietnamese đồng: a whole number (VND has no minor unit), 0 to 10^15.',
  serialize(value) {
    const n = typeof value === 'string' ? Number(value) : value;
    return parseVnd(n);
  },
  parseValue: parseVnd,
  parseLiteral(ast) {
    if (ast.kind !== Kind.INT) {
      throw new GraphQLError('Vnd must be a whole number of đồng, written as an integer literal.', { nodes: ast, extensions: { code: 'BAD_USER_INPUT' } });
    }
    return parseVnd(Number(ast.value));
  },
});
