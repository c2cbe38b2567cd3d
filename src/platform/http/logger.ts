import pino from 'pino';

// Structured JSON logs. Requests are logged by route pattern and status only: no bodies, no query
// strings, no names or identity numbers. The redact list is a second guard for fields that slip in.
export function createLogger(level: string) {
  return pino({
    level,
    base: { app: 'bolig-nu' },
    redact: {
      paths: ['password', '*.password', 'nationalId', '*.nationalId', 'req.headers.cookie', 'headers.cookie'],
      censor: '[redacted]',
    },
  });
}
