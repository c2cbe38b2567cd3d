import { z } from 'zod';
import type { FieldKeys } from '../crypto/field-crypto.ts';

const key32 = z
  .string()
  .transform((v) => Buffer.from(v, 'base64'))
  .refine((b) => b.length === 32, 'must be 32 bytes, base64-encoded (openssl rand -base64 32)');

/**
 * PUBLIC demo/test keys, used only outside production when no key is set. Anything encrypted with
 * them is readable by anyone who has this source code: never use them for real data.
 */
export const demoFieldKeys: FieldKeys = {
  encryption: Buffer.from('DEMO-ONLY-bolignu-encryption-key'),
  hash: Buffer.from('DEMO-ONLY-bolignu-search-hashkey'),
};

// Every environment variable the app reads, in one schema. Defaults make a local run need nothing.
const booleanFlag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no'])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  // The built web client (npm start builds it here).
  WEB_DIR: z.string().min(1).default('dist/web'),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  // Named (prepared) statements on PostgreSQL; false behind a pooler in transaction mode (db/named-statements.ts).
  DATABASE_PREPARE: booleanFlag.default(true),
  DEMO: booleanFlag.default(true),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  // Synthetic test identity numbers (month + 80) are refused in production.
  ALLOW_SYNTHETIC_IDS: booleanFlag.optional(),
  PUBLIC_URL: z.url().optional(),
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_LABEL: z.string().default('Logg inn med kommunens konto'),
  // Scheduled jobs (three-month warnings, offer lapse, daily digest); false turns the runner off.
  JOBS: booleanFlag.default(true),
  // Outgoing e-mail for the daily digest; without SMTP_HOST no e-mail is sent.
  SMTP_HOST: z.string().min(1).optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
  SMTP_SECURE: booleanFlag.default(false),
  SMTP_USER: z.string().min(1).optional(),
  SMTP_PASSWORD: z.string().min(1).optional(),
  MAIL_FROM: z.string().min(3).default('Bolig Nu <ikke-svar@bolignu.invalid>'),
  // Field encryption (fødselsnummer, TOTP secrets): 32 random bytes, base64 (`openssl rand -base64 32`).
  // Required in production; development and test use the fixed, public demo keys below.
  DATA_ENCRYPTION_KEY: key32.optional(),
  // The keyed hash that makes identity numbers searchable by exact match; a different 32 bytes.
  DATA_HASH_KEY: key32.optional(),
  // Behind a reverse proxy: take the client address for login rate limits from X-Forwarded-For.
  TRUST_PROXY: booleanFlag.default(false),
  // Login attempts allowed from one address per LOGIN_LOCK_MINUTES window, before 429.
  LOGIN_MAX_PER_IP: z.coerce.number().int().min(1).max(100_000).default(100),
});

export type Env = Omit<z.infer<typeof envSchema>, 'DATA_ENCRYPTION_KEY' | 'DATA_HASH_KEY'> & {
  ALLOW_SYNTHETIC_IDS: boolean;
  /** The field encryption and search-hash keys (the demo keys outside production when unset). */
  fieldKeys: FieldKeys;
};

/** Parses the environment; throws one error listing every invalid variable. */
export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const env = result.data;
  if (env.OIDC_ISSUER && (!env.OIDC_CLIENT_ID || !env.OIDC_CLIENT_SECRET)) {
    throw new Error('Invalid configuration:\n  OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are required with OIDC_ISSUER');
  }
  const { DATA_ENCRYPTION_KEY, DATA_HASH_KEY, ...rest } = env;
  if (env.NODE_ENV === 'production' && (!DATA_ENCRYPTION_KEY || !DATA_HASH_KEY)) {
    throw new Error('Invalid configuration:\n  DATA_ENCRYPTION_KEY and DATA_HASH_KEY are required in production (openssl rand -base64 32, one each)');
  }
  if (DATA_ENCRYPTION_KEY && DATA_HASH_KEY && DATA_ENCRYPTION_KEY.equals(DATA_HASH_KEY)) {
    throw new Error('Invalid configuration:\n  DATA_ENCRYPTION_KEY and DATA_HASH_KEY must be different keys');
  }
  return {
    ...rest,
    ALLOW_SYNTHETIC_IDS: env.ALLOW_SYNTHETIC_IDS ?? env.NODE_ENV !== 'production',
    fieldKeys: { encryption: DATA_ENCRYPTION_KEY ?? demoFieldKeys.encryption, hash: DATA_HASH_KEY ?? demoFieldKeys.hash },
  };
}
