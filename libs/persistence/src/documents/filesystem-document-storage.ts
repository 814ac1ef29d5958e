import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { randomUUID } from 'node:crypto';
import { DocumentStorage, StoredDocumentUnreadableError } from '@redress/application';

const KEY_PATTERN = /^[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)*$/;

/** The platform's FieldCipher, typed structurally (its byte format, with the same key ring as the fields). */
export interface FileCipher {
  encryptBytes(plaintext: Buffer, context?: string): Buffer;
  decryptBytes(value: Buffer, context?: string): Buffer;
  isEncryptedBytes(value: Buffer): boolean;
  bytesNeedRotation(value: Buffer): boolean;
}

/** What a file is bound to: moved or copied under another key, it no longer decrypts. */
export const documentContext = (key: string): string => `document:${key}`;

/**
 * Files under one root directory, encrypted at rest with the field-encryption key ring (AES-256-GCM, the key id in
 * each file's header, bound to its storage key): a copy of the directory is useless without the keys. Files
 * written before encryption (no format marker) are still read as they are; `npm run keys:rotate` encrypts them,
 * and re-encrypts files under an older key (`reencryptDocumentFiles`). Writes go to a temporary name first and are renamed into
 * place, so a crash never leaves half a file under a real key. Keys are checked so that none can climb out of the
 * root.
 */
export class FilesystemDocumentStorage extends DocumentStorage {
  private readonly root: string;

  constructor(
    root: string,
    private readonly cipher: FileCipher,
  ) {
    super();
    this.root = resolve(root);
  }

  private pathOf(key: string): string {
    if (!KEY_PATTERN.test(key)) throw new Error('a storage key is segments of letters, digits, _ and - only');
    const path = resolve(join(this.root, key));
    if (!path.startsWith(this.root + sep)) throw new Error('storage key outside the root');
    return path;
  }

  async put(key: string, content: Buffer, _contentType: string): Promise<void> {
    await this.write(key, this.cipher.encryptBytes(content, documentContext(key)));
  }

  async get(key: string): Promise<Buffer> {
    const stored = await readFile(this.pathOf(key));
    // Written before files were encrypted: read as it is (keys:rotate encrypts it).
    if (!this.cipher.isEncryptedBytes(stored)) return stored;
    try {
      return this.cipher.decryptBytes(stored, documentContext(key));
    } catch {
      throw new StoredDocumentUnreadableError('failed decryption (tampered, moved, or its key is not configured)');
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  /**
   * Whether the file under this key is plaintext or under a key other than the active one. Throws ENOENT (as `get`)
   * when there is no such file.
   */
  async needsReencryption(key: string): Promise<boolean> {
    return this.cipher.bytesNeedRotation(await readFile(this.pathOf(key)));
  }

  /**
   * Rewrites one file under the active key (encrypting a plaintext one); answers whether it changed anything.
   * The caller must make sure the file is not being deleted meanwhile (a rename would bring it back): the
   * re-encryption command holds the database row that points at the key.
   */
  async reencrypt(key: string): Promise<boolean> {
    const stored = await readFile(this.pathOf(key));
    if (!this.cipher.bytesNeedRotation(stored)) return false;
    const plaintext = this.cipher.isEncryptedBytes(stored) ? await this.get(key) : stored;
    await this.write(key, this.cipher.encryptBytes(plaintext, documentContext(key)));
    return true;
  }

  private async write(key: string, bytes: Buffer): Promise<void> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    const temporary = `${path}.${randomUUID()}.part`;
    await writeFile(temporary, bytes, { mode: 0o600 });
    await rename(temporary, path);
  }
}
