/**
 * Evidence files are recognised by their content (magic bytes), never by their name or the type the browser
 * claims: a renamed executable is not a PDF. PDF, JPEG, PNG, HEIC (iPhone photos) and DOCX only.
 */
export const evidenceTypes = {
  pdf: 'application/pdf',
  jpeg: 'image/jpeg',
  png: 'image/png',
  heic: 'image/heic',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;
export type EvidenceType = keyof typeof evidenceTypes;

/** At most 20 MB a file. */
export const MAX_EVIDENCE_BYTES = 20 * 1024 * 1024;
/** At most this many files on one application. */
export const MAX_EVIDENCE_FILES = 30;

const startsWith = (bytes: Uint8Array, prefix: readonly number[], offset = 0): boolean =>
  bytes.length >= offset + prefix.length && prefix.every((byte, index) => bytes[offset + index] === byte);

const ascii = (text: string): number[] => [...text].map((character) => character.charCodeAt(0));

function contains(bytes: Uint8Array, text: string, limit = bytes.length): boolean {
  const needle = ascii(text);
  const end = Math.min(bytes.length, limit) - needle.length;
  outer: for (let index = 0; index <= end; index += 1) {
    for (let offset = 0; offset < needle.length; offset += 1) {
      if (bytes[index + offset] !== needle[offset]) continue outer;
    }
    return true;
  }
  return false;
}

// ISO base media file brands of HEIF/HEIC still images (ISO/IEC 23008-12).
const heifBrands = ['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'mif1', 'msf1'];

/** The evidence type of the bytes, or `null` when they are none of the accepted types. */
export function detectEvidenceType(bytes: Uint8Array): EvidenceType | null {
  if (startsWith(bytes, ascii('%PDF-'))) return 'pdf';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, ascii('ftyp'), 4)) {
    const brand = String.fromCharCode(...bytes.subarray(8, 12));
    return heifBrands.includes(brand) ? 'heic' : null;
  }
  // DOCX is a ZIP (local file header PK\3\4) holding [Content_Types].xml and word/document.xml; any other ZIP
  // (or an .xlsx, or a .jar) is refused. The names sit in the local headers and the central directory.
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    return contains(bytes, '[Content_Types].xml') && contains(bytes, 'word/document.xml') ? 'docx' : null;
  }
  return null;
}
