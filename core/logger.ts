import { DriverException } from '@mikro-orm/core';
import { pino, stdSerializers, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/**
 * Personal fields of the hub's inputs and records, wherever they appear in a log object (one or two
 * levels deep), and what would carry them wholesale (GraphQL variables, SQL parameters).
 */
const PERSONAL_FIELDS = ['citizenId', 'phone', 'fullName', 'birthDate', 'address', 'contact', 'reporterContact', 'reporterName', 'reporterPhone', 'applicantName', 'applicantPhone', 'applicantCitizenId', 'buyerName', 'buyerPhone', 'receiptCode', 'streamUrl', 'description'];
const REDACT_PATHS = [
  'req.headers.authorization',
  'authorization',
  '*.token',
  'variables',
  '*.variables',
  'params',
  '*.params',
  'sql',
  '*.sql',
  ...PERSONAL_FIELDS.flatMap((field) => [field, `*.${field}`, `*.*.${field}`]),
];

/**
 * A database error's message and properties carry the SQL statement and its parameter values
 * (MikroORM: "insert into ... - SQLITE_...", PostgreSQL: `detail` "Key (phone)=(...)"): the log
 * keeps only what identifies the failure (class, codes, constraint, the stack's frames).
 */
function errorSerializer(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const cause = (error as { cause?: unknown }).cause;
  const database = error instanceof DriverException || (cause instanceof Error && 'code' in cause && 'severity' in cause);
  if (!database) return stdSerializers.err(error);
  const e = error as Error & { code?: unknown; errno?: unknown; sqlState?: unknown; constraint?: unknown; table?: unknown };
  return {
    type: error.constructor.name,
    message: 'database error (statement and values withheld from the log)',
    code: e.code,
    errno: e.errno,
    sqlState: e.sqlState,
    constraint: e.constraint,
    table: e.table,
    stack: error.stack?.split('\n').filter((line) => /^\s+at /.test(line)).join('\n'),
  };
}

/** JSON logs on stdout, one line per event; `service` tells the gateway's lines from each subgraph's. */
/** `level` comes from the configuration (LOG_LEVEL), read once at start-up like every setting. */
export function createLogger(service: string, level: string = 'info', destination?: DestinationStream): Logger {
  return pino({
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    serializers: { err: errorSerializer, error: errorSerializer },
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
  }, destination);
}

/**
 * A request's logger, made on first use: pino redacts a child's bindings as it makes the child,
 * which cost ~1.5% of the gateway's CPU per request although most requests never log a line.
 * The getter sits on the prototype: Apollo Server copies the context's own properties when it
 * starts an operation (Object.assign), which would call an own getter, and so make the child.
 * Copy fields onto the object this returns (Object.assign(lazyChildLogger(...), fields)).
 */
export function lazyChildLogger(parent: Logger, bindings: Record<string, unknown>): { readonly logger: Logger } {
  let child: Logger | undefined;
  return Object.create({
    get logger() {
      return (child ??= parent.child(bindings));
    },
  }) as { readonly logger: Logger };
}
