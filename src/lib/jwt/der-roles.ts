/**
 * DER with names: each element of a key (SPKI, PKCS #8 and the PKCS #1 keys inside them) named for the part it
 * holds, with its value in words, and strings that hold DER opened in place. The shapes are the ASN.1 modules
 * of RFC 5280, RFC 5208 and RFC 8017.
 */
import { bitLength } from '../format';
import { OID_NAMES, readDer, type DerNode } from './der';
import { bytesToBigInt } from './rsa';

/** One DER element, named for the part of the key it holds. */
export interface DerItem {
  tagName: string;
  /** Where the element starts in the DER of the whole PEM block. */
  offset: number;
  headerLength: number;
  /** Number of content bytes. */
  length: number;
  /** What the element is in the key ("modulus n"), when the key's layout says. */
  role?: string;
  /** Its value in words: an OID's name, a small INTEGER in decimal, a large one's size in bits. */
  detail?: string;
  /** A large INTEGER's bytes (without DER's sign byte), to show in hex. */
  bytes?: Uint8Array;
  children: DerItem[];
}

/** The layout of a key structure: a role for each element, and for a string that holds DER, that DER's layout. */
export interface DerShape {
  role: string;
  items?: DerShape[];
  holds?: DerShape;
}

const roles = (...names: string[]): DerShape[] => names.map((role) => ({ role }));

const ALGORITHM_ID: DerShape = { role: 'AlgorithmIdentifier: which kind of key', items: roles('algorithm', 'parameters (none for RSA)') };
const RSA_PUBLIC_KEY: DerShape = { role: 'RSAPublicKey (PKCS #1)', items: roles('modulus n', 'public exponent e') };
const RSA_PRIVATE_KEY: DerShape = {
  role: 'RSAPrivateKey (PKCS #1)',
  items: roles('version', 'modulus n', 'public exponent e', 'private exponent d', 'prime p', 'prime q', 'dp = d mod (p − 1)', 'dq = d mod (q − 1)', 'qi = q⁻¹ mod p'),
};

/** SPKI (RFC 5280 §4.1), the "PUBLIC KEY" block. */
export const SPKI_SHAPE: DerShape = {
  role: 'SubjectPublicKeyInfo',
  items: [ALGORITHM_ID, { role: 'subjectPublicKey', holds: RSA_PUBLIC_KEY }],
};

/** PKCS #8 (RFC 5208 §5), the "PRIVATE KEY" block. */
export const PKCS8_SHAPE: DerShape = {
  role: 'PrivateKeyInfo (PKCS #8)',
  items: [{ role: 'version' }, ALGORITHM_ID, { role: 'privateKey', holds: RSA_PRIVATE_KEY }],
};

/** INTEGERs up to this size are shown in decimal; larger ones by their size and bytes. */
export const SMALL_BITS = 32;

/** Reads DER and names its elements after `shape`; offsets count from the start of `der`. */
export function derTree(der: Uint8Array, shape: DerShape): DerItem {
  return item(readDer(der), shape, 0);
}

function item(node: DerNode, shape: DerShape | undefined, base: number): DerItem {
  const out: DerItem = {
    tagName: node.tagName,
    offset: base + node.offset,
    headerLength: node.headerLength,
    length: node.length,
    role: shape?.role,
    children: (node.children ?? []).map((child, i) => item(child, shape?.items?.[i], base)),
  };
  if (node.oid) out.detail = `${OID_NAMES[node.oid] ?? 'unknown'} (${node.oid})`;
  if (node.tagName === 'NULL') out.detail = 'no contents';
  if (node.tagName === 'INTEGER') {
    const bits = bitLength(node.value);
    if (bits <= SMALL_BITS) {
      out.detail = bytesToBigInt(node.value).toString();
    } else {
      // DER INTEGERs are signed: a number whose top bit is set gets a 00 byte in front, or it would read as negative.
      const padded = node.value.length > 1 && node.value[0] === 0;
      out.detail = `a ${bits}-bit number` + (padded ? '; the first byte 00 is there to keep it positive' : '');
      out.bytes = node.value.subarray(node.value.length - Math.ceil(bits / 8));
    }
  }
  if (shape?.holds) {
    // A BIT STRING's first content byte counts the unused bits at its end (0 here); the rest is DER.
    const skip = node.tagName === 'BIT STRING' ? 1 : 0;
    const start = node.offset + node.headerLength + skip;
    out.detail = skip ? 'first byte 00 (no unused bits), then DER bytes, shown inside' : 'DER bytes, shown inside';
    out.children = [item(readDer(node.value.subarray(skip)), shape.holds, base + start)];
  }
  return out;
}
