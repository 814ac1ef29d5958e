import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  createSecretKey,
  randomBytes,
  type KeyObject,
} from 'node:crypto';

/** One field-encryption key: an id stored beside every value it encrypts, and 32 bytes of key. */
export interface FieldKey {
  id: string;
  key: Buffer;
}

export class FieldCipherError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FieldCipherError';
  }
}

const FORMAT = 'f1';
const IV_BYTES = 12; // 96-bit random nonces (NIST SP 800-38D)
const TAG_BYTES = 16;

/** Parses `id:base64,id:base64`; the first key is the one that encrypts. */
export function parseFieldKeys(list: string): FieldKey[] {
  const keys = list.split(',').map((pair) => {
    const [id, encoded] = pair.split(':');
    if (!id || !encoded) throw new FieldCipherError('a field key must be written id:base64');
    const key = Buffer.from(encoded, 'base64');
    if (key.length !== 32) throw new FieldCipherError(`field key ${id} must be 32 bytes`);
    return { id, key };
  });
  if (new Set(keys.map((key) => key.id)).size !== keys.length)
    throw new FieldCipherError('field key ids must be unique');
  return keys;
}

/**
 * AES-256-GCM encryption of single fields (special-category data), with the key id stored in each
 * value so that keys can rotate: new values use the active key, old values still decrypt.
 * The optional context (for example `claim:<id>:injuries`) is bound as additional authenticated data,
 * so a ciphertext copied to another record or column fails to decrypt.
 *
 * Format: `f1.<key id>.<iv>.<ciphertext>.<tag>`, each part base64url.
 */
export class FieldCipher {
  // Key objects are made once: passing raw key bytes to each cipher call costs a key set-up every time.
  private readonly keysById: Map<string, KeyObject>;
  private readonly active: { id: string; key: KeyObject };
  private readonly blindIndexKey: KeyObject;

  constructor(keys: FieldKey[], blindIndexKey: Buffer) {
    const [active] = keys;
    if (!active) throw new FieldCipherError('at least one field key is needed');
    this.keysById = new Map(keys.map((key) => [key.id, createSecretKey(key.key)]));
    this.active = { id: active.id, key: this.keysById.get(active.id)! };
    this.blindIndexKey = createSecretKey(blindIndexKey);
  }

  get activeKeyId(): string {
    return this.active.id;
  }

  encrypt(plaintext: string, context = ''): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.active.key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return [
      FORMAT,
      this.active.id,
      iv.toString('base64url'),
      body.toString('base64url'),
      tag.toString('base64url'),
    ].join('.');
  }

  decrypt(value: string, context = ''): string {
    const parts = value.split('.');
    if (parts.length !== 5 || parts[0] !== FORMAT) throw new FieldCipherError('not an encrypted field value');
    const [, keyId, ivText, bodyText, tagText] = parts as [string, string, string, string, string];
    const key = this.keysById.get(keyId);
    if (!key) throw new FieldCipherError(`no key with id ${keyId}`);
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(ivText, 'base64url'), {
      authTagLength: TAG_BYTES,
    });
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(Buffer.from(tagText, 'base64url'));
    try {
      return Buffer.concat([decipher.update(Buffer.from(bodyText, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      throw new FieldCipherError('field value failed authentication (wrong key, context or tampered)');
    }
  }

  encryptJson(value: unknown, context = ''): string {
    return this.encrypt(JSON.stringify(value), context);
  }

  decryptJson<T>(value: string, context = ''): T {
    return JSON.parse(this.decrypt(value, context)) as T;
  }

  /** The key id a stored value was written under: values not under the active key are due for rotation. */
  keyIdOf(value: string): string {
    const keyId = value.split('.')[1];
    if (!keyId) throw new FieldCipherError('not an encrypted field value');
    return keyId;
  }

  needsRotation(value: string): boolean {
    return this.keyIdOf(value) !== this.active.id;
  }

  /** Re-encrypts a value under the active key. */
  rotate(value: string, context = ''): string {
    return this.needsRotation(value) ? this.encrypt(this.decrypt(value, context), context) : value;
  }

  /**
   * A keyed hash (HMAC-SHA256) of a normalised value, for equality search on an encrypted field
   * without decrypting it. The purpose separates indexes, so equal values in two fields do not match.
   */
  blindIndex(purpose: string, value: string): string {
    const normalised = value.normalize('NFKC').trim().toLowerCase();
    return createHmac('sha256', this.blindIndexKey).update(`${purpose}\u0000${normalised}`).digest('base64url');
  }
}
