import { describe, expect, it } from 'vitest';
import { demoFieldKeys, loadEnv } from './env.ts';

const keys = { DATA_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64'), DATA_HASH_KEY: Buffer.alloc(32, 2).toString('base64') };

describe('loadEnv', () => {
  it('needs nothing for a local run', () => {
    const env = loadEnv({});
    expect(env).toMatchObject({ PORT: 3000, DATA_DIR: './data', DEMO: true, SESSION_IDLE_MINUTES: 30, LOGIN_MAX_FAILURES: 5 });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it('lists every invalid variable at once', () => {
    expect(() => loadEnv({ PORT: 'eighty', DATABASE_URL: 'mysql://x', DEMO: 'maybe' })).toThrowError(
      /PORT[\s\S]*DATABASE_URL[\s\S]*DEMO|PORT[\s\S]*DEMO[\s\S]*DATABASE_URL/,
    );
  });

  it('refuses an OIDC issuer without client credentials', () => {
    expect(() => loadEnv({ OIDC_ISSUER: 'https://login.example.no' })).toThrowError(/OIDC_CLIENT_ID/);
  });

  it('allows synthetic test identity numbers everywhere but production', () => {
    expect(loadEnv({ NODE_ENV: 'development' }).ALLOW_SYNTHETIC_IDS).toBe(true);
    expect(loadEnv({ NODE_ENV: 'production', ...keys }).ALLOW_SYNTHETIC_IDS).toBe(false);
    expect(loadEnv({ NODE_ENV: 'production', ALLOW_SYNTHETIC_IDS: 'true', ...keys }).ALLOW_SYNTHETIC_IDS).toBe(true);
  });

  it('refuses to start in production without the field encryption keys, and uses the labelled demo keys elsewhere', () => {
    expect(() => loadEnv({ NODE_ENV: 'production' })).toThrowError(/DATA_ENCRYPTION_KEY and DATA_HASH_KEY are required in production/);
    expect(() => loadEnv({ DATA_ENCRYPTION_KEY: 'c2hvcnQ=' })).toThrowError(/DATA_ENCRYPTION_KEY: must be 32 bytes/);
    expect(() => loadEnv({ DATA_ENCRYPTION_KEY: keys.DATA_ENCRYPTION_KEY, DATA_HASH_KEY: keys.DATA_ENCRYPTION_KEY })).toThrowError(/must be different/);
    const production = loadEnv({ NODE_ENV: 'production', ...keys });
    expect(production.fieldKeys.encryption.equals(Buffer.from(keys.DATA_ENCRYPTION_KEY, 'base64'))).toBe(true);
    expect(loadEnv({}).fieldKeys).toEqual(demoFieldKeys);
    expect(demoFieldKeys.encryption.toString()).toMatch(/^DEMO-ONLY/);
  });
});
