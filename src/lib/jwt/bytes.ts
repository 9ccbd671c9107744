/** Byte helpers: UTF-8 with exact error positions, hex, concatenation. */
import { hexByte } from '../format';
import { JwtError, type Part } from './errors';

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function utf8Encode(text: string): Uint8Array {
  return encoder.encode(text);
}

/**
 * Decodes UTF-8 strictly: invalid bytes are an error that names the byte, never U+FFFD.
 * `part` says which part of a token the bytes came from, for the message.
 */
export function utf8Decode(bytes: Uint8Array, part: Part = 'token'): string {
  const bad = findInvalidUtf8(bytes);
  if (bad !== -1) {
    const hex = hexByte(bytes[bad]!, true);
    throw new JwtError(
      'ERR_UTF8_INVALID',
      `Byte ${bad + 1} of the decoded ${part} (0x${hex}) is not valid UTF-8, so these bytes are not text.`,
      { where: { part } },
    );
  }
  return decoder.decode(bytes);
}

/**
 * Bytes UTF-8 needs for a code point. A lone surrogate (half of a UTF-16 pair, which UTF-8 cannot encode)
 * counts 3: TextEncoder writes U+FFFD in its place, which is 3 bytes.
 */
export function utf8Length(cp: number): 1 | 2 | 3 | 4 {
  if (cp < 0x80) return 1;
  if (cp < 0x800) return 2;
  if (cp < 0x10000) return 3;
  return 4;
}

/** Returns the index of the first byte that does not belong to a valid UTF-8 sequence, or -1. */
export function findInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need: number;
    let min: number;
    if (b < 0x80) { i++; continue; }
    else if (b >= 0xc2 && b <= 0xdf) { need = 1; min = 0x80; }
    else if (b >= 0xe0 && b <= 0xef) { need = 2; min = 0x800; }
    else if (b >= 0xf0 && b <= 0xf4) { need = 3; min = 0x10000; }
    else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not UTF-8.
    if (cp < min || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) return i;
    i += need + 1;
  }
  return -1;
}

export function toHex(bytes: Uint8Array, separator = ''): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    if (i > 0) out += separator;
    out += hexByte(bytes[i]!);
  }
  return out;
}

export function fromHex(hex: string): Uint8Array {
  const clean = hex.replace(/\s+/g, '');
  if (clean.length % 2 !== 0 || /[^0-9a-fA-F]/.test(clean)) {
    throw new JwtError('ERR_JOSE_GENERIC', `"${hex}" is not an even number of hex digits.`);
  }
  const out = new Uint8Array(clean.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(clean.slice(2 * i, 2 * i + 2), 16);
  return out;
}

export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

/** Index of the first byte where a and b differ (a length difference counts), or -1 if equal. */
export function firstDifference(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return a.length === b.length ? -1 : n;
}

/** WebCrypto wants an ArrayBuffer-backed view; this narrows the type without copying. */
export function buf(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes as Uint8Array<ArrayBuffer>;
}
