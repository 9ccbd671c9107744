/** The JWE protected header's own parameters: reading apu/apv/p2s/p2c, and adding what key management produces. */
import { base64urlDecode } from '../base64url';
import { JwtError } from '../errors';
import { parseJsonObject } from '../json';
import { MIN_P2C, MIN_P2S_BYTES } from './pbes2';

export type JweHeaderInput = Record<string, unknown> | string;

function headerError(message: string, cause?: unknown): JwtError {
  return new JwtError('ERR_JWE_INVALID', message, { where: { part: 'header' }, cause });
}

/** A base64url header member as bytes; absent is empty (apu and apv are optional). */
export function headerBytes(header: Record<string, unknown>, name: string): Uint8Array {
  const value = header[name];
  if (value === undefined) return new Uint8Array(0);
  if (typeof value !== 'string') throw headerError(`The header's "${name}" must be a base64url string, but it is ${JSON.stringify(value)}.`);
  try {
    return base64urlDecode(value, 'header');
  } catch (error) {
    throw headerError(`The header's "${name}" is not strict base64url: ${(error as Error).message}`, error);
  }
}

/** PBES2's salt input: at least 8 bytes (RFC 7518 §4.8.1.1). */
export function checkP2s(p2s: Uint8Array): string | undefined {
  return p2s.length < MIN_P2S_BYTES ? `The PBES2 salt input "p2s" is ${p2s.length} bytes; RFC 7518 §4.8.1.1 requires at least ${MIN_P2S_BYTES}.` : undefined;
}

/**
 * PBES2's iteration count, between a floor (fewer makes the password cheap to guess) and a cap (the count comes
 * from the token: a hostile one of a billion would stall the page for minutes).
 */
export function checkP2c(p2c: unknown, max: number): string | undefined {
  if (typeof p2c !== 'number' || !Number.isInteger(p2c) || p2c < 1) return `The PBES2 iteration count "p2c" must be a positive integer, but it is ${JSON.stringify(p2c)}.`;
  if (p2c < MIN_P2C) return `The PBES2 iteration count "p2c" is ${p2c}; fewer than ${MIN_P2C} iterations make the password cheap to guess (RFC 7518 §4.8.1.2), so it is refused.`;
  if (p2c > max) return `The PBES2 iteration count "p2c" is ${p2c}, more than this decrypter's maximum of ${max}: a count chosen by the token could keep the page busy for as long as it likes, so it is refused.`;
  return undefined;
}

/** The header as given: text is kept exactly as written (and parsed, so duplicates are refused). */
export function readHeader(header: JweHeaderInput): { text?: string; value: Record<string, unknown> } {
  if (typeof header === 'string') return { text: header, value: parseJsonObject(header, 'header').value };
  return { value: header };
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Adds the members key management produced. One the header already has must hold the same value (so an RFC
 * example's header, written with its epk or iv in place, is encrypted byte for byte); a text header gets the
 * others appended before its closing brace.
 */
export function addMembers(header: { text?: string; value: Record<string, unknown> }, members: Record<string, unknown>): { text: string; value: Record<string, unknown>; added: string[] } {
  const added: string[] = [];
  let text = header.text;
  const value = { ...header.value };
  for (const [name, v] of Object.entries(members)) {
    if (name in value) {
      if (!sameValue(value[name], v)) throw headerError(`The header already has "${name}", ${JSON.stringify(value[name])}, but key management produced ${JSON.stringify(v)}. Leave "${name}" out; it is added for you.`);
      continue;
    }
    if (text !== undefined) {
      const close = text.lastIndexOf('}');
      const comma = Object.keys(value).length > 0 ? ',' : '';
      text = `${text.slice(0, close)}${comma}${JSON.stringify(name)}:${JSON.stringify(v)}${text.slice(close)}`;
    }
    value[name] = v;
    added.push(name);
  }
  return { text: text ?? JSON.stringify(value), value, added };
}
