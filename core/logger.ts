import { pino, type Logger } from 'pino';

export type { Logger };

/** JSON logs on stdout, one line per event; `service` tells the gateway's lines from each subgraph's. */
/** `level` comes from the configuration (LOG_LEVEL), read once at start-up like every setting. */
export function createLogger(service: string, level: string = 'info'): Logger {
  return pino({
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: ['req.headers.authorization', 'authorization', '*.token'], censor: '[redacted]' },
  });
}
