import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { StoredDocumentUnreadableError } from '@redress/application';
import { FilesystemDocumentStorage } from '@redress/persistence';
import { FieldCipher, parseFieldKeys } from '@redress/platform';

const blind = randomBytes(32);
const keys = (...ids: string[]) => ids.map((id) => `${id}:${randomBytes(32).toString('base64')}`);

describe('FilesystemDocumentStorage (encrypted at rest)', () => {
  const [k1, k2] = keys('k1', 'k2');
  const content = Buffer.from('%PDF-1.7 scan of a hospital letter: synthetic-marker-93');
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'redress-fs-storage-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const storage = (list: string[]) =>
    new FilesystemDocumentStorage(root, new FieldCipher(parseFieldKeys(list.join(',')), blind));

  it('writes ciphertext only (no temporary file left), and reads back the bytes it was given', async () => {
    const store = storage([k1!]);
    await store.put('applications/a1/d1', content, 'application/pdf');
    const raw = readFileSync(join(root, 'applications/a1/d1'));
    expect(raw.includes(Buffer.from('synthetic-marker-93'))).toBe(false);
    expect(raw.includes(Buffer.from('%PDF'))).toBe(false);
    expect(readdirSync(join(root, 'applications/a1'))).toEqual(['d1']);
    expect((await store.get('applications/a1/d1')).equals(content)).toBe(true);
  });

  it('reads a file written in clear before encryption as it is, and re-encrypts it', async () => {
    mkdirSync(join(root, 'claims/c1/letters'), { recursive: true });
    writeFileSync(join(root, 'claims/c1/letters/l1'), content);
    const store = storage([k1!]);
    expect((await store.get('claims/c1/letters/l1')).equals(content)).toBe(true);
    expect(await store.needsReencryption('claims/c1/letters/l1')).toBe(true);
    expect(await store.reencrypt('claims/c1/letters/l1')).toBe(true);
    expect(readFileSync(join(root, 'claims/c1/letters/l1')).includes(Buffer.from('synthetic'))).toBe(false);
    expect(await store.reencrypt('claims/c1/letters/l1')).toBe(false);
    expect((await store.get('claims/c1/letters/l1')).equals(content)).toBe(true);
  });

  it('refuses a tampered file, a file copied under another key, and a file whose key is gone', async () => {
    const store = storage([k1!]);
    await store.put('applications/a1/d1', content, 'application/pdf');
    const path = join(root, 'applications/a1/d1');
    const sound = readFileSync(path);
    const tampered = Buffer.from(sound);
    tampered[tampered.length - 1]! ^= 0x80;
    writeFileSync(path, tampered);
    await expect(store.get('applications/a1/d1')).rejects.toThrow(StoredDocumentUnreadableError);
    mkdirSync(dirname(join(root, 'applications/a2/d2')), { recursive: true });
    writeFileSync(join(root, 'applications/a2/d2'), sound);
    const error = await store.get('applications/a2/d2').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StoredDocumentUnreadableError);
    expect((error as Error).message).not.toMatch(/k1|applications|synthetic/);
    writeFileSync(path, sound);
    await expect(storage([k2!]).get('applications/a1/d1')).rejects.toThrow(StoredDocumentUnreadableError);
  });

  it('re-encrypts a file under an older key with the active one, so the older key can be retired', async () => {
    await storage([k1!]).put('applications/a1/d1', content, 'application/pdf');
    const rotated = storage([k2!, k1!]);
    expect(await rotated.needsReencryption('applications/a1/d1')).toBe(true);
    expect(await rotated.reencrypt('applications/a1/d1')).toBe(true);
    expect((await storage([k2!]).get('applications/a1/d1')).equals(content)).toBe(true);
  });

  it('keeps keys inside the root', async () => {
    const store = storage([k1!]);
    await expect(store.put('../outside', content, 'text/plain')).rejects.toThrow(/segments/);
    await expect(store.get('a/../../b')).rejects.toThrow(/segments/);
  });
});
