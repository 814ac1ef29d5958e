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
/**
 * Marks encrypted bytes (files). No file type the services store starts with it (PDF `%PDF`, PNG `\x89PNG`, JPEG
 * `\xFF\xD8`, ISO media `\0\0\0`), so bytes without it are plaintext written before files were encrypted.
 */
const BYTES_MAGIC = Buffer.from('RDXENC1\0', 'latin1');

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

  /**
   * AES-256-GCM encryption of bytes (a stored file), under the active key, with the context (for example
   * `document:<storage key>`) and the header bound as additional authenticated data.
   *
   * Format: `RDXENC1\0`, one byte of key id length, the key id (UTF-8), 12 bytes of IV, 16 bytes of tag, then the
   * ciphertext (as long as the plaintext).
   */
  encryptBytes(plaintext: Buffer, context = ''): Buffer {
    const keyId = Buffer.from(this.active.id, 'utf8');
    if (keyId.length > 255) throw new FieldCipherError('a key id for files must be at most 255 bytes');
    const header = Buffer.concat([BYTES_MAGIC, Buffer.from([keyId.length]), keyId]);
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.active.key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.concat([header, Buffer.from(context, 'utf8')]));
    const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return Buffer.concat([header, iv, cipher.getAuthTag(), body]);
  }

  decryptBytes(value: Buffer, context = ''): Buffer {
    const { keyId, header } = this.bytesHeader(value);
    const key = this.keysById.get(keyId);
    if (!key) throw new FieldCipherError(`no key with id ${keyId}`);
    const iv = value.subarray(header.length, header.length + IV_BYTES);
    const tag = value.subarray(header.length + IV_BYTES, header.length + IV_BYTES + TAG_BYTES);
    if (tag.length !== TAG_BYTES) throw new FieldCipherError('encrypted bytes are cut short');
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.concat([header, Buffer.from(context, 'utf8')]));
    decipher.setAuthTag(tag);
    try {
      return Buffer.concat([decipher.update(value.subarray(header.length + IV_BYTES + TAG_BYTES)), decipher.final()]);
    } catch {
      throw new FieldCipherError('encrypted bytes failed authentication (wrong key, context or tampered)');
    }
  }

  /** Whether bytes carry the encrypted format's marker (else they are plaintext from before encryption). */
  isEncryptedBytes(value: Buffer): boolean {
    return value.length >= BYTES_MAGIC.length && value.subarray(0, BYTES_MAGIC.length).equals(BYTES_MAGIC);
  }

  /** The key id encrypted bytes were written under. */
  keyIdOfBytes(value: Buffer): string {
    return this.bytesHeader(value).keyId;
  }

  /** Plaintext bytes, and bytes under a key other than the active one, are due for (re-)encryption. */
  bytesNeedRotation(value: Buffer): boolean {
    return !this.isEncryptedBytes(value) || this.keyIdOfBytes(value) !== this.active.id;
  }

  private bytesHeader(value: Buffer): { keyId: string; header: Buffer } {
    if (!this.isEncryptedBytes(value)) throw new FieldCipherError('not encrypted bytes');
    const length = value[BYTES_MAGIC.length];
    const end = BYTES_MAGIC.length + 1 + (length ?? 0);
    if (length === undefined || length === 0 || value.length < end)
      throw new FieldCipherError('encrypted bytes are cut short');
    return { keyId: value.subarray(BYTES_MAGIC.length + 1, end).toString('utf8'), header: value.subarray(0, end) };
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
