import pino from 'pino';

export type Logger = pino.Logger;

/**
 * Structured JSON logs. Anything that could hold a secret is redacted by path, and request logs never include
 * query strings (ltijs puts its ltik there) or bodies (id_tokens).
 */
export function createLogger(level: pino.LevelWithSilent): Logger {
  return pino({
    level,
    base: { service: 'tasting-menu' },
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'headers.authorization',
        'headers.cookie',
        '*.id_token',
        '*.token',
        '*.ltik',
        '*.ltiKey',
        '*.password',
        'config.ltiKey',
      ],
      censor: '[redacted]',
    },
  });
}
