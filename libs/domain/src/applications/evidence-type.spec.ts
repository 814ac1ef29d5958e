import { detectEvidenceType } from '@redress/domain';

const bytes = (...parts: Array<string | number[]>): Uint8Array =>
  Uint8Array.from(parts.flatMap((part) => (typeof part === 'string' ? [...part].map((c) => c.charCodeAt(0)) : part)));

describe('evidence types are recognised by content', () => {
  it.each([
    ['pdf', bytes('%PDF-1.7\n%...')],
    ['jpeg', bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10], 'JFIF')],
    ['png', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], 'IHDR')],
    ['heic', bytes([0, 0, 0, 0x18], 'ftypheic', [0, 0, 0, 0], 'mif1heic')],
    ['docx', bytes([0x50, 0x4b, 0x03, 0x04, 20, 0], '[Content_Types].xml', [0, 0], 'word/document.xml')],
  ])('%s', (type, content) => {
    expect(detectEvidenceType(content)).toBe(type);
  });

  it.each([
    ['an executable named .pdf', bytes('MZ', [0x90, 0], 'This program cannot be run in DOS mode')],
    ['a plain ZIP', bytes([0x50, 0x4b, 0x03, 0x04], 'notes.txt')],
    ['a spreadsheet', bytes([0x50, 0x4b, 0x03, 0x04], '[Content_Types].xml', 'xl/workbook.xml')],
    ['an MP4 video', bytes([0, 0, 0, 0x18], 'ftypisom')],
    ['HTML', bytes('<!doctype html><script>')],
    ['a GIF', bytes('GIF89a')],
    ['nothing', bytes()],
    ['a truncated PNG signature', bytes([0x89, 0x50, 0x4e])],
  ])('refuses %s', (_name, content) => {
    expect(detectEvidenceType(content)).toBeNull();
  });
});
