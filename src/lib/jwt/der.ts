/**
 * A minimal DER (ITU-T X.690) reader and writer: enough to look inside SPKI, PKCS#8 and PKCS#1 keys and the
 * RSA DigestInfo, and to wrap PKCS#1 keys for WebCrypto. Every node keeps its exact byte offsets so a widget
 * can point at the bytes it describes; read with a DerShape (der-shapes.ts), each node is also named for the
 * field of the ASN.1 structure it is.
 */
import { concatBytes, toHex } from './bytes';
import { JwtError } from './errors';

export interface DerNode {
  tag: number;
  /** 'SEQUENCE', 'INTEGER', 'OBJECT IDENTIFIER', …; '[0]' for context-specific tags. */
  tagName: string;
  /** Where the element starts (its tag byte), counted from the start of the bytes given to readDer. */
  offset: number;
  /** Bytes taken by the tag and the length; the contents start at offset + headerLength. */
  headerLength: number;
  /** Number of content bytes (the L of tag-length-value). */
  length: number;
  /** The contents. */
  value: Uint8Array;
  /**
   * The elements inside a constructed type (SEQUENCE, SET, explicit tags); for a BIT STRING or OCTET STRING
   * that a DerShape says holds DER, the one element of that DER, with offsets still counted from the start.
   */
  children?: DerNode[];
  /** An OBJECT IDENTIFIER's value, dotted ("1.2.840.113549.1.1.1"). */
  oid?: string;
  /** The field this element is in the structure it was read as ("modulus n", "digest"), from its DerShape. */
  role?: string;
}

/** An ASN.1 structure: the type and field name of an element, and of the elements inside it. */
export interface DerShape {
  role: string;
  /** The tag name the element must have ('SEQUENCE', 'INTEGER', …). */
  type: string;
  /** Exactly the elements inside, in order; none when absent. */
  items?: DerShape[];
  /** For a BIT STRING or OCTET STRING whose contents are DER (a key inside SPKI or PKCS #8): that DER's shape. */
  holds?: DerShape;
}

const UNIVERSAL_NAMES: Record<number, string> = {
  0x01: 'BOOLEAN',
  0x02: 'INTEGER',
  0x03: 'BIT STRING',
  0x04: 'OCTET STRING',
  0x05: 'NULL',
  0x06: 'OBJECT IDENTIFIER',
  0x0c: 'UTF8String',
  0x13: 'PrintableString',
  0x16: 'IA5String',
  0x17: 'UTCTime',
  0x18: 'GeneralizedTime',
  0x30: 'SEQUENCE',
  0x31: 'SET',
};

/** Names of the object identifiers that appear in JWS keys and signatures. */
export const OID_NAMES: Record<string, string> = {
  '1.2.840.113549.1.1.1': 'rsaEncryption',
  '1.2.840.113549.1.1.10': 'RSASSA-PSS',
  '1.2.840.10045.2.1': 'id-ecPublicKey',
  '1.2.840.10045.3.1.7': 'P-256',
  '1.3.132.0.34': 'P-384',
  '1.3.132.0.35': 'P-521',
  '1.3.101.110': 'X25519',
  '1.3.101.111': 'X448',
  '1.3.101.112': 'Ed25519',
  '1.3.101.113': 'Ed448',
  '1.2.840.10040.4.1': 'DSA',
  '2.16.840.1.101.3.4.2.1': 'SHA-256',
  '2.16.840.1.101.3.4.2.2': 'SHA-384',
  '2.16.840.1.101.3.4.2.3': 'SHA-512',
};

/** Deep enough for any key or DigestInfo; stops crafted input from exhausting the stack. */
const MAX_DEPTH = 16;

export function tagName(tag: number): string {
  const universal = UNIVERSAL_NAMES[tag];
  if (universal) return universal;
  const number = tag & 0x1f;
  switch (tag & 0xc0) {
    case 0x80: return `[${number}]`;
    case 0x40: return `APPLICATION ${number}`;
    case 0xc0: return `PRIVATE ${number}`;
    default: return `tag 0x${toHex(Uint8Array.of(tag))}`;
  }
}

function fail(offset: number, message: string): never {
  throw new JwtError('ERR_KEY_INVALID', `DER error at byte ${offset}: ${message}`, { where: { part: 'key' } });
}

/**
 * Reads one DER element that must cover all of `bytes`. With a `shape`, every element is named for its field
 * (and strings that hold DER are opened in place), but only when the whole structure is exactly that shape:
 * DER of another shape comes back without names rather than with misleading ones.
 */
export function readDer(bytes: Uint8Array, shape?: DerShape): DerNode {
  const root = readWhole(bytes, 0, bytes.length, 0);
  return (shape && named(bytes, root, shape)) ?? root;
}

/** Reads the one element that must fill bytes `from` to `to`. */
function readWhole(bytes: Uint8Array, from: number, to: number, depth: number): DerNode {
  const node = readElement(bytes, from, to, depth);
  const end = node.offset + node.headerLength + node.length;
  if (end !== to) {
    fail(end, `the ${node.tagName} that starts at byte ${from} ends here, but ${to - end} more byte(s) follow it; DER holds exactly one element.`);
  }
  return node;
}

/** `node` and the elements inside it named after `shape`, or undefined when they are not shaped like it. */
function named(bytes: Uint8Array, node: DerNode, shape: DerShape): DerNode | undefined {
  if (node.tagName !== shape.type) return undefined;
  const inside = shape.holds ? held(bytes, node) : (node.children ?? []);
  const parts = shape.holds ? [shape.holds] : (shape.items ?? []);
  if (inside?.length !== parts.length) return undefined;
  const children: DerNode[] = [];
  for (const [i, child] of inside.entries()) {
    const part = named(bytes, child, parts[i]!);
    if (!part) return undefined;
    children.push(part);
  }
  const out: DerNode = { ...node, role: shape.role };
  if (children.length > 0) out.children = children;
  return out;
}

/** The element held in a string's contents (after a BIT STRING's count of unused bits, which must be 0). */
function held(bytes: Uint8Array, node: DerNode): DerNode[] | undefined {
  const skip = node.tagName === 'BIT STRING' ? 1 : 0;
  if (node.children || (skip && node.value[0] !== 0)) return undefined;
  const start = node.offset + node.headerLength;
  try {
    return [readWhole(bytes, start + skip, start + node.length, 0)];
  } catch {
    // Contents that are not DER: the string is not what the shape says it holds.
    return undefined;
  }
}

/** Reads the element at `offset`, which must end by `limit` (the end of the enclosing element). */
function readElement(bytes: Uint8Array, offset: number, limit: number, depth: number): DerNode {
  if (offset >= limit) fail(offset, 'expected a tag byte, but the data ends here.');
  const tag = bytes[offset]!;
  if ((tag & 0x1f) === 0x1f) fail(offset, `tag 0x${toHex(Uint8Array.of(tag))} starts a multi-byte tag, which keys never use.`);

  let pos = offset + 1;
  if (pos >= limit) fail(pos, `expected the length of the ${tagName(tag)}, but the data ends here.`);
  const first = bytes[pos++]!;
  let length = first;
  if (first === 0x80) fail(pos - 1, 'the length byte 0x80 means "indefinite length", which DER does not allow.');
  if (first > 0x80) {
    const count = first & 0x7f;
    if (count > 4) fail(pos - 1, `the length is said to take ${count} bytes; no key is that large.`);
    if (pos + count > limit) fail(pos, `expected ${count} length byte(s), but the data ends first.`);
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + bytes[pos + i]!;
    // DER requires the shortest length form: no leading zero byte, and the long form only from 128 up.
    if (bytes[pos] === 0 || length < 0x80) {
      fail(pos - 1, `the length ${length} is written in ${count + 1} bytes; DER requires the shortest form (${length < 0x80 ? 'one byte' : 'no leading zero byte'}).`);
    }
    pos += count;
  }

  const headerLength = pos - offset;
  const name = tagName(tag);
  if (pos + length > limit) {
    fail(pos, `the ${name} at byte ${offset} says it has ${length} content bytes, but only ${limit - pos} remain.`);
  }
  const value = bytes.subarray(pos, pos + length);
  const node: DerNode = { tag, tagName: name, offset, headerLength, length, value };

  if (tag & 0x20) {
    if (depth >= MAX_DEPTH) fail(offset, `elements are nested more than ${MAX_DEPTH} deep.`);
    node.children = [];
    for (let at = pos; at < pos + length; ) {
      const child = readElement(bytes, at, pos + length, depth + 1);
      node.children.push(child);
      at = child.offset + child.headerLength + child.length;
    }
  } else {
    checkPrimitive(node, pos);
  }
  return node;
}

/** The DER rules for the primitive types keys use. */
function checkPrimitive(node: DerNode, contentOffset: number): void {
  const { value } = node;
  switch (node.tag) {
    case 0x02:
      if (value.length === 0) fail(contentOffset, 'an INTEGER needs at least one content byte.');
      if (value.length > 1 && ((value[0] === 0 && value[1]! < 0x80) || (value[0] === 0xff && value[1]! >= 0x80))) {
        fail(contentOffset, 'the INTEGER starts with a byte that adds nothing; DER requires the shortest form.');
      }
      break;
    case 0x03:
      if (value.length === 0 || value[0]! > 7 || (value.length === 1 && value[0] !== 0)) {
        fail(contentOffset, 'a BIT STRING starts with the number of unused bits (0 to 7) followed by the bits.');
      }
      break;
    case 0x05:
      if (value.length !== 0) fail(contentOffset, `a NULL has no contents, but this one has ${value.length} byte(s).`);
      break;
    case 0x06:
      node.oid = decodeOid(value, contentOffset);
      break;
  }
}

function decodeOid(value: Uint8Array, contentOffset: number): string {
  if (value.length === 0) fail(contentOffset, 'an OBJECT IDENTIFIER needs at least one content byte.');
  const arcs: bigint[] = [];
  let arc = 0n;
  for (let i = 0; i < value.length; i++) {
    const b = value[i]!;
    if (arc === 0n && b === 0x80) fail(contentOffset + i, 'an OBJECT IDENTIFIER arc starts with 0x80, which adds nothing.');
    arc = (arc << 7n) | BigInt(b & 0x7f);
    if (b & 0x80) continue;
    arcs.push(arc);
    arc = 0n;
  }
  if (value[value.length - 1]! & 0x80) fail(contentOffset + value.length - 1, 'the OBJECT IDENTIFIER ends in the middle of an arc.');
  // The first byte(s) pack the first two arcs as 40 × first + second, where first is 0, 1 or 2.
  const head = arcs[0]!;
  const first = head < 40n ? 0n : head < 80n ? 1n : 2n;
  return [first, head - first * 40n, ...arcs.slice(1)].join('.');
}

// Writers: each returns the complete tag-length-value bytes.

export function derElement(tag: number, contents: Uint8Array): Uint8Array {
  const n = contents.length;
  const length: number[] = [];
  if (n < 0x80) {
    length.push(n);
  } else {
    for (let rest = n; rest > 0; rest = Math.floor(rest / 256)) length.unshift(rest % 256);
    length.unshift(0x80 | length.length);
  }
  const out = new Uint8Array(1 + length.length + n);
  out[0] = tag;
  out.set(length, 1);
  out.set(contents, 1 + length.length);
  return out;
}

export function derSequence(...children: Uint8Array[]): Uint8Array {
  return derElement(0x30, concatBytes(...children));
}

/** A non-negative INTEGER from its big-endian magnitude (leading zeros are dropped) or a small number. */
export function derInteger(magnitude: Uint8Array | number): Uint8Array {
  let bytes = typeof magnitude === 'number' ? numberBytes(magnitude) : magnitude;
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start++;
  bytes = bytes.subarray(start);
  if (bytes.length === 0) bytes = Uint8Array.of(0);
  // A set top bit would make the number negative, so a zero byte goes in front.
  if (bytes[0]! & 0x80) bytes = Uint8Array.of(0, ...bytes);
  return derElement(0x02, bytes);
}

function numberBytes(n: number): Uint8Array {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new JwtError('ERR_JOSE_GENERIC', `derInteger takes a non-negative whole number, not ${n}.`);
  }
  const out: number[] = [];
  for (let rest = n; rest > 0; rest = Math.floor(rest / 256)) out.unshift(rest % 256);
  return Uint8Array.from(out);
}

export function derOid(dotted: string): Uint8Array {
  if (!/^[0-2](\.(0|[1-9][0-9]*))+$/.test(dotted)) {
    throw new JwtError('ERR_JOSE_GENERIC', `"${dotted}" is not a dotted object identifier like 1.2.840.113549.1.1.1.`);
  }
  const [first, second, ...rest] = dotted.split('.').map(BigInt) as [bigint, bigint, ...bigint[]];
  if (first < 2n && second >= 40n) {
    throw new JwtError('ERR_JOSE_GENERIC', `In "${dotted}", the second arc must be below 40 when the first is ${first}.`);
  }
  const out: number[] = [];
  for (const arc of [first * 40n + second, ...rest]) {
    const groups: number[] = [Number(arc & 0x7fn)];
    for (let v = arc >> 7n; v > 0n; v >>= 7n) groups.unshift(Number(v & 0x7fn) | 0x80);
    out.push(...groups);
  }
  return derElement(0x06, Uint8Array.from(out));
}

export function derNull(): Uint8Array {
  return Uint8Array.of(0x05, 0x00);
}

export function derOctetString(bytes: Uint8Array): Uint8Array {
  return derElement(0x04, bytes);
}

/** A BIT STRING of whole bytes (no unused bits), as SPKI wraps a public key. */
export function derBitString(bytes: Uint8Array): Uint8Array {
  const contents = new Uint8Array(bytes.length + 1);
  contents.set(bytes, 1);
  return derElement(0x03, contents);
}
