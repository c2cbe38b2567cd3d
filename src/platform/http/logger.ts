import pino, { type DestinationStream } from 'pino';

// Structured JSON logs. Requests are logged by route pattern and status only: no bodies, no query
// strings, no names or identity numbers. The redact list is a second guard for fields that slip in.
export function createLogger(level: string, destination?: DestinationStream) {
  return pino(
    {
      level,
      base: { app: 'bolig-nu' },
      redact: {
        paths: [
          'password',
          '*.password',
          'nationalId',
          '*.nationalId',
          '*.*.nationalId',
          'totpCode',
          '*.totpCode',
          'req.headers.cookie',
          'headers.cookie',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
