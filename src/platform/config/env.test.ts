import { describe, expect, it } from 'vitest';
import { loadEnv } from './env.ts';

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
    expect(loadEnv({ NODE_ENV: 'production' }).ALLOW_SYNTHETIC_IDS).toBe(false);
    expect(loadEnv({ NODE_ENV: 'production', ALLOW_SYNTHETIC_IDS: 'true' }).ALLOW_SYNTHETIC_IDS).toBe(true);
  });
});
