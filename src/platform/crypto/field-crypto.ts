import { createCipheriv, createDecipheriv, createHmac, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';

// Field-level encryption for the few values that must not be readable from a database dump or a
// backup: fødselsnummer/D-number (people.national_id) and TOTP secrets (users.totp_secret).
// AES-256-GCM with a random 96-bit nonce per value; the column name is bound in as associated data,
// so a ciphertext copied into another column does not decrypt. Exact-match search uses a keyed hash
// (HMAC-SHA256 with a second key), so the index reveals nothing without that key.
// Stored form: "v1:<nonce>:<tag>:<ciphertext>" (base64url). The version leaves room for a new key.

export interface FieldKeys {
  /** 32 bytes, AES-256-GCM. */
  encryption: Buffer;
  /** 32 bytes, HMAC-SHA256. */
  hash: Buffer;
}

const prefix = 'v1:';

// The key as a KeyObject, made once per key: given a Buffer, every cipher imports the key again
// (a person search's masked identity numbers spent more CPU there than in AES itself).
const keyObjects = new WeakMap<Buffer, KeyObject>();
function keyObject(key: Buffer): KeyObject {
  let made = keyObjects.get(key);
  if (!made) keyObjects.set(key, (made = createSecretKey(key)));
  return made;
}

export function isSealed(value: string): boolean {
  return value.startsWith(prefix);
}

export function seal(keys: FieldKeys, purpose: string, plaintext: string): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyObject(keys.encryption), nonce);
  cipher.setAAD(Buffer.from(purpose));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return `${prefix}${nonce.toString('base64url')}:${cipher.getAuthTag().toString('base64url')}:${body.toString('base64url')}`;
}

/** Decrypts a sealed value; throws (without the value in the message) if the key or purpose is wrong. */
export function open(keys: FieldKeys, purpose: string, sealed: string): string {
  const parts = sealed.split(':');
  if (parts.length !== 4 || parts[0] !== 'v1') throw new Error(`${purpose}: not a sealed value`);
  const decipher = createDecipheriv('aes-256-gcm', keyObject(keys.encryption), Buffer.from(parts[1]!, 'base64url'));
  decipher.setAAD(Buffer.from(purpose));
  decipher.setAuthTag(Buffer.from(parts[2]!, 'base64url'));
  try {
    return Buffer.concat([decipher.update(Buffer.from(parts[3]!, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    throw new Error(`${purpose}: cannot decrypt (wrong DATA_ENCRYPTION_KEY?)`);
  }
}

/** The keyed hash used for exact-match lookups (hex). */
export function keyedHash(keys: FieldKeys, purpose: string, plaintext: string): string {
  return createHmac('sha256', keyObject(keys.hash)).update(`${purpose}\0${plaintext}`).digest('hex');
}

// The national id in particular: one purpose string for the column, used by the people feature,
// the start-up migration of old plain rows and the test factory.
export const nationalIdPurpose = 'people.national_id';
export const sealNationalId = (keys: FieldKeys, nationalId: string) => seal(keys, nationalIdPurpose, nationalId);
export const openNationalId = (keys: FieldKeys, sealed: string | null) => (sealed === null ? null : open(keys, nationalIdPurpose, sealed));
export const nationalIdHash = (keys: FieldKeys, nationalId: string) => keyedHash(keys, nationalIdPurpose, nationalId);
