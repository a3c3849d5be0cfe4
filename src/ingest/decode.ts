import chardet from 'chardet';
import iconv from 'iconv-lite';

export type Decoded = { ok: true; text: string; encoding: string } | { ok: false; reason: string };

const BINARY_SIGNATURES: Array<[string, number[]]> = [
  ['PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['JPEG image', [0xff, 0xd8, 0xff]],
  ['GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['PDF document', [0x25, 0x50, 0x44, 0x46]],
  ['ZIP archive (docx/xlsx/zip)', [0x50, 0x4b, 0x03, 0x04]],
  ['gzip archive', [0x1f, 0x8b]],
  ['ELF executable', [0x7f, 0x45, 0x4c, 0x46]],
];

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

/** Share of control bytes (other than tab, CR, LF, FF) in a sample: high for binary files. */
function controlByteShare(bytes: Uint8Array): number {
  const n = Math.min(bytes.length, 65536);
  if (n === 0) return 0;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++;
  }
  return control / n;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Turns a file's bytes into text. Accepts UTF-8 (with or without BOM), UTF-16 with BOM, and legacy
 * Chinese encodings (GBK/GB18030, Big5) recognised by chardet; refuses binary content with a reason.
 */
export function decodeBytes(bytes: Uint8Array): Decoded {
  if (bytes.length >= 3 && startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    try {
      return { ok: true, text: utf8.decode(bytes.subarray(3)), encoding: 'utf-8 (BOM)' };
    } catch {
      return { ok: false, reason: 'starts with a UTF-8 byte-order mark but is not valid UTF-8' };
    }
  }
  if (bytes.length >= 2 && startsWith(bytes, [0xff, 0xfe])) {
    return { ok: true, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes.length >= 2 && startsWith(bytes, [0xfe, 0xff])) {
    return { ok: true, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  for (const [what, signature] of BINARY_SIGNATURES) {
    if (startsWith(bytes, signature)) return { ok: false, reason: `binary file (${what}), not a text transcript` };
  }
  if (controlByteShare(bytes) > 0.01) {
    return { ok: false, reason: 'binary content (control bytes), not a text transcript' };
  }
  try {
    return { ok: true, text: utf8.decode(bytes), encoding: 'utf-8' };
  } catch {
    // not UTF-8: fall through to detection
  }
  const sample = bytes.subarray(0, Math.min(bytes.length, 1 << 20));
  const detected = chardet.detect(sample);
  const candidates = [detected, 'GB18030', 'Big5'].filter((e): e is string => Boolean(e));
  for (const encoding of candidates) {
    if (!iconv.encodingExists(encoding) || /^utf-?8$/i.test(encoding)) continue;
    const text = iconv.decode(Buffer.from(bytes), encoding);
    if (looksLikeText(text)) return { ok: true, text, encoding: encoding.toLowerCase() };
  }
  return { ok: false, reason: 'unknown text encoding (not UTF-8, UTF-16 with BOM, GBK/GB18030 or Big5); re-save the file as UTF-8' };
}

/** Rejects decodings full of replacement characters or unassigned code points. */
function looksLikeText(text: string): boolean {
  const sample = text.slice(0, 20000);
  if (sample.length === 0) return true;
  let bad = 0;
  for (const ch of sample) if (ch === '\uFFFD' || /[\p{Cn}\p{Co}]/u.test(ch)) bad++;
  return bad / sample.length < 0.02;
}
