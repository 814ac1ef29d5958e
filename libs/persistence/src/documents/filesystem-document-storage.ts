import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { randomUUID } from 'node:crypto';
import { DocumentStorage } from '@redress/application';

const KEY_PATTERN = /^[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)*$/;

/**
 * Files under one root directory. Writes go to a temporary name first and are renamed into place, so a crash
 * never leaves half a file under a real key. Keys are checked so that none can climb out of the root.
 */
export class FilesystemDocumentStorage extends DocumentStorage {
  private readonly root: string;

  constructor(root: string) {
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
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    const temporary = `${path}.${randomUUID()}.part`;
    await writeFile(temporary, content, { mode: 0o600 });
    await rename(temporary, path);
  }

  async get(key: string): Promise<Buffer> {
    return readFile(this.pathOf(key));
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }
}
