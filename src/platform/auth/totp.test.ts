import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, otpauthUri, totpCode, totpStep, verifyTotp } from './totp.ts';

// RFC 6238 appendix B: the SHA-1 test secret is the ASCII string "12345678901234567890"; the RFC
// lists 8-digit codes, whose last six digits are the 6-digit codes.
const rfcSecret = base32Encode(Buffer.from('12345678901234567890'));

describe('TOTP (RFC 6238)', () => {
  it.each([
    ['1970-01-01T00:00:59Z', '287082'],
    ['2005-03-18T01:58:29Z', '081804'],
    ['2005-03-18T01:58:31Z', '050471'],
    ['2009-02-13T23:31:30Z', '005924'],
    ['2033-05-18T03:33:20Z', '279037'],
  ])('gives the RFC test vector at %s', (at, code) => {
    expect(totpCode(rfcSecret, totpStep(new Date(at)))).toBe(code);
  });

  it('round-trips base32', () => {
    expect(base32Encode(Buffer.from('foobar'))).toBe('MZXW6YTBOI');
    expect(base32Decode('MZXW6YTBOI').toString()).toBe('foobar');
  });

  it('accepts the code of this step and one step either side, refuses older ones, and never the same step twice', () => {
    const now = new Date('2026-11-26T10:00:15Z');
    const step = totpStep(now);
    expect(verifyTotp(rfcSecret, totpCode(rfcSecret, step), now)).toBe(step);
    expect(verifyTotp(rfcSecret, totpCode(rfcSecret, step - 1), now)).toBe(step - 1);
    expect(verifyTotp(rfcSecret, totpCode(rfcSecret, step + 1), now)).toBe(step + 1);
    expect(verifyTotp(rfcSecret, totpCode(rfcSecret, step - 2), now)).toBeNull();
    expect(verifyTotp(rfcSecret, totpCode(rfcSecret, step), now, step)).toBeNull();
    expect(verifyTotp(rfcSecret, 'abcdef', now)).toBeNull();
  });

  it('builds the otpauth URI authenticator apps read', () => {
    expect(otpauthUri('JBSWY3DPEHPK3PXP', 'kari')).toBe(
      'otpauth://totp/Bolig%20Nu%3Akari?secret=JBSWY3DPEHPK3PXP&issuer=Bolig+Nu&algorithm=SHA1&digits=6&period=30',
    );
  });
});
