import { pino, type Logger } from 'pino';

export type { Logger };

/** JSON logs on stdout, one line per event; `service` tells the gateway's lines from each subgraph's. */
export function createLogger(service: string, level: string = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: ['req.headers.authorization', 'authorization', '*.token'], censor: '[redacted]' },
  });
}
