import { randomBytes } from 'node:crypto';
import { FieldCipher, FieldCipherError, parseFieldKeys } from '@redress/platform';

const key = (id: string) => ({ id, key: randomBytes(32) });

describe('FieldCipher', () => {
  const older = key('k1');
  const newer = key('k2');
  const blindKey = randomBytes(32);

  it('round-trips text and never writes the plaintext', () => {
    const cipher = new FieldCipher([older], blindKey);
    const stored = cipher.encrypt('broken jaw, PTSD', 'claim:1:injuries');
    expect(stored).not.toContain('jaw');
    expect(stored.startsWith('f1.k1.')).toBe(true);
    expect(cipher.decrypt(stored, 'claim:1:injuries')).toBe('broken jaw, PTSD');
  });

  it('uses a fresh nonce for every value', () => {
    const cipher = new FieldCipher([older], blindKey);
    expect(cipher.encrypt('same')).not.toBe(cipher.encrypt('same'));
  });

  it('decrypts values written under an older key after rotation, and re-encrypts them', () => {
    const before = new FieldCipher([older], blindKey);
    const stored = before.encrypt('conviction: fine', 'ctx');
    const after = new FieldCipher([newer, older], blindKey);
    expect(after.decrypt(stored, 'ctx')).toBe('conviction: fine');
    expect(after.needsRotation(stored)).toBe(true);
    const rotated = after.rotate(stored, 'ctx');
    expect(after.keyIdOf(rotated)).toBe('k2');
    expect(after.needsRotation(rotated)).toBe(false);
    expect(after.decrypt(rotated, 'ctx')).toBe('conviction: fine');
  });

  it('refuses a value whose key has been retired', () => {
    const stored = new FieldCipher([older], blindKey).encrypt('x');
    expect(() => new FieldCipher([newer], blindKey).decrypt(stored)).toThrow(/no key with id k1/);
  });

  it('refuses a tampered value or one moved to another context', () => {
    const cipher = new FieldCipher([older], blindKey);
    const stored = cipher.encrypt('secret', 'claim:1');
    expect(() => cipher.decrypt(stored, 'claim:2')).toThrow(FieldCipherError);
    const parts = stored.split('.');
    const body = Buffer.from(parts[3]!, 'base64url');
    body[0] = body[0]! ^ 1;
    parts[3] = body.toString('base64url');
    expect(() => cipher.decrypt(parts.join('.'), 'claim:1')).toThrow(/failed authentication/);
    expect(() => cipher.decrypt('plain text', 'claim:1')).toThrow(/not an encrypted field value/);
  });

  it('round-trips JSON', () => {
    const cipher = new FieldCipher([older], blindKey);
    expect(cipher.decryptJson(cipher.encryptJson({ a: [1, 'b'] }))).toEqual({ a: [1, 'b'] });
  });

  it('gives equal blind indexes for equal normalised values, separated by purpose and key', () => {
    const cipher = new FieldCipher([older], blindKey);
    expect(cipher.blindIndex('postcode', ' sw1a 1aa')).toBe(cipher.blindIndex('postcode', 'SW1A 1AA'));
    expect(cipher.blindIndex('postcode', 'SW1A 1AA')).not.toBe(cipher.blindIndex('crime-reference', 'SW1A 1AA'));
    expect(new FieldCipher([older], randomBytes(32)).blindIndex('postcode', 'SW1A 1AA')).not.toBe(
      cipher.blindIndex('postcode', 'SW1A 1AA'),
    );
  });

  it('parses key lists and rejects bad ones', () => {
    const text = `a:${randomBytes(32).toString('base64')},b:${randomBytes(32).toString('base64')}`;
    expect(parseFieldKeys(text).map((k) => k.id)).toEqual(['a', 'b']);
    expect(() => parseFieldKeys(`a:${randomBytes(16).toString('base64')}`)).toThrow(/32 bytes/);
    expect(() =>
      parseFieldKeys(`a:${randomBytes(32).toString('base64')},a:${randomBytes(32).toString('base64')}`),
    ).toThrow(/unique/);
    expect(() => new FieldCipher([], blindKey)).toThrow(/at least one/);
  });

  describe('bytes (stored files)', () => {
    const pdf = Buffer.concat([
      Buffer.from('%PDF-1.7\n'),
      Buffer.from('discharge summary: fractured orbit'),
      randomBytes(64),
    ]);

    it('round-trips bytes under the active key, bound to the context, never writing the plaintext', () => {
      const cipher = new FieldCipher([older], blindKey);
      const stored = cipher.encryptBytes(pdf, 'document:applications/a/b');
      expect(stored.includes(Buffer.from('fractured'))).toBe(false);
      expect(stored.includes(Buffer.from('%PDF'))).toBe(false);
      expect(cipher.isEncryptedBytes(stored)).toBe(true);
      expect(cipher.isEncryptedBytes(pdf)).toBe(false);
      expect(cipher.keyIdOfBytes(stored)).toBe('k1');
      expect(cipher.decryptBytes(stored, 'document:applications/a/b').equals(pdf)).toBe(true);
      expect(cipher.encryptBytes(pdf, 'x').equals(cipher.encryptBytes(pdf, 'x'))).toBe(false);
      expect(cipher.decryptBytes(cipher.encryptBytes(Buffer.alloc(0))).length).toBe(0);
    });

    it('refuses tampered bytes, another context, a changed key id and a cut-short value', () => {
      const cipher = new FieldCipher([older, key('k3')], blindKey);
      const stored = cipher.encryptBytes(pdf, 'ctx');
      const flipped = Buffer.from(stored);
      flipped[flipped.length - 5]! ^= 0x01;
      expect(() => cipher.decryptBytes(flipped, 'ctx')).toThrow(FieldCipherError);
      expect(() => cipher.decryptBytes(stored, 'other')).toThrow(/failed authentication/);
      const relabelled = Buffer.from(stored);
      relabelled.write('k3', 9, 'utf8'); // the header is authenticated too
      expect(() => cipher.decryptBytes(relabelled, 'ctx')).toThrow(/failed authentication/);
      expect(() => cipher.decryptBytes(stored.subarray(0, 20), 'ctx')).toThrow(/cut short/);
      expect(() => cipher.decryptBytes(pdf, 'ctx')).toThrow(/not encrypted bytes/);
    });

    it('decrypts bytes under an older key and says they are due for rotation', () => {
      const stored = new FieldCipher([older], blindKey).encryptBytes(pdf, 'ctx');
      const after = new FieldCipher([newer, older], blindKey);
      expect(after.bytesNeedRotation(stored)).toBe(true);
      expect(after.bytesNeedRotation(pdf)).toBe(true);
      expect(after.decryptBytes(stored, 'ctx').equals(pdf)).toBe(true);
      expect(after.bytesNeedRotation(after.encryptBytes(pdf, 'ctx'))).toBe(false);
      expect(() => new FieldCipher([newer], blindKey).decryptBytes(stored, 'ctx')).toThrow(/no key with id k1/);
    });
  });
});
