/**
 * What chapter 9's key-pair widget shows about an RSA key: its PEM texts, the DER inside them as a tree whose
 * elements are named for the part of the key they hold, its JWK member by member, the modulus size and the
 * RFC 7638 thumbprint. Everything is computed from the key itself through the token core.
 */
import {
  OID_NAMES, base64urlDecode, bytesToBigInt, exportJwk, exportPem, importJwk, keyWarnings, parsePem, publicJwk,
  readDer, thumbprint, thumbprintInput, type DerNode,
} from '../../lib/jwt';

export interface RsaKeyPair {
  /** Absent for a public key on its own: it can verify, but not sign. */
  privateKey?: CryptoKey;
  publicKey: CryptoKey;
}

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
interface Shape {
  role: string;
  items?: Shape[];
  holds?: Shape;
}

const roles = (...names: string[]): Shape[] => names.map((role) => ({ role }));

const ALGORITHM_ID: Shape = { role: 'AlgorithmIdentifier: which kind of key', items: roles('algorithm', 'parameters (none for RSA)') };
const RSA_PUBLIC_KEY: Shape = { role: 'RSAPublicKey (PKCS #1)', items: roles('modulus n', 'public exponent e') };
const RSA_PRIVATE_KEY: Shape = {
  role: 'RSAPrivateKey (PKCS #1)',
  items: roles('version', 'modulus n', 'public exponent e', 'private exponent d', 'prime p', 'prime q', 'dp = d mod (p − 1)', 'dq = d mod (q − 1)', 'qi = q⁻¹ mod p'),
};

/** SPKI (RFC 5280 §4.1), the "PUBLIC KEY" block. */
export const SPKI_SHAPE: Shape = {
  role: 'SubjectPublicKeyInfo',
  items: [ALGORITHM_ID, { role: 'subjectPublicKey', holds: RSA_PUBLIC_KEY }],
};

/** PKCS #8 (RFC 5208 §5), the "PRIVATE KEY" block. */
export const PKCS8_SHAPE: Shape = {
  role: 'PrivateKeyInfo (PKCS #8)',
  items: [{ role: 'version' }, ALGORITHM_ID, { role: 'privateKey', holds: RSA_PRIVATE_KEY }],
};

/** INTEGERs up to this size are shown in decimal; larger ones by their size and bytes. */
const SMALL_BITS = 32;

/** The number of bits of a big-endian unsigned number, leading zeros not counted. */
export function bitLength(bytes: Uint8Array): number {
  const first = bytes.findIndex((b) => b !== 0);
  if (first === -1) return 0;
  return (bytes.length - first - 1) * 8 + (32 - Math.clz32(bytes[first]!));
}

/** Reads DER and names its elements after `shape`; offsets count from the start of `der`. */
export function derTree(der: Uint8Array, shape: Shape): DerItem {
  return item(readDer(der), shape, 0);
}

function item(node: DerNode, shape: Shape | undefined, base: number): DerItem {
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

/** One member of an RSA JWK, explained. */
export interface JwkMemberRow {
  name: string;
  value: string;
  meaning: string;
  /** Whether the member must stay with the key's owner. */
  secret: boolean;
  /** For a number: its size in bits, and for small ones (e) its decimal value. */
  bits?: number;
  decimal?: string;
}

const MEMBERS: Record<string, { meaning: string; secret: boolean }> = {
  kty: { meaning: 'key type: an RSA key', secret: false },
  n: { meaning: 'modulus: the product p × q of two secret primes; its size in bits is the key size', secret: false },
  e: { meaning: 'public exponent: a signature s checks out when s^e mod n gives back the padded hash', secret: false },
  d: { meaning: 'private exponent: signing computes m^d mod n; whoever has d can sign', secret: true },
  p: { meaning: 'first prime factor of n', secret: true },
  q: { meaning: 'second prime factor of n', secret: true },
  dp: { meaning: 'd mod (p − 1): lets signing work modulo p, a faster route to the same result (CRT)', secret: true },
  dq: { meaning: 'd mod (q − 1): the same for q', secret: true },
  qi: { meaning: 'q⁻¹ mod p: joins the two halves back into one number modulo n', secret: true },
  alg: { meaning: 'the JWS algorithm the key is meant for', secret: false },
};

/** The members that are numbers, as big-endian bytes in base64url (RFC 7518 §6.3). */
const NUMBERS = ['n', 'e', 'd', 'p', 'q', 'dp', 'dq', 'qi'];

/** The order RFC 7518 §6.3 lists the members in; WebCrypto exports them in another. */
const ORDER = Object.keys(MEMBERS);
const rank = (name: string) => (ORDER.includes(name) ? ORDER.indexOf(name) : ORDER.length);

/** The members of a JWK in RFC 7518's order, each with its meaning, and numbers with their size. */
export function jwkMembers(jwk: JsonWebKey): JwkMemberRow[] {
  const entries = Object.entries(jwk).sort(([a], [b]) => rank(a) - rank(b));
  return entries.map(([name, value]) => {
    const known = MEMBERS[name] ?? { meaning: 'not one of the key\'s numbers', secret: false };
    const row: JwkMemberRow = { name, value: String(value), ...known };
    if (NUMBERS.includes(name) && typeof value === 'string') {
      const bytes = base64urlDecode(value);
      row.bits = bitLength(bytes);
      if (row.bits <= SMALL_BITS) row.decimal = bytesToBigInt(bytes).toString();
    }
    return row;
  });
}

/** A key pasted or generated on its own: a private key brings its public half, a public key comes alone. */
export async function keyPairOf(key: CryptoKey): Promise<RsaKeyPair> {
  if (key.type === 'public') return { publicKey: key };
  return { privateKey: key, publicKey: await importJwk(publicJwk(await exportJwk(key)), 'RS256') };
}

export interface RsaAnatomy {
  publicPem: string;
  publicDerLength: number;
  publicTree: DerItem;
  privatePem?: string;
  privateDerLength?: number;
  privateTree?: DerItem;
  /** The whole JWK (with the private members when there is a private key), and its public half. */
  jwk: JsonWebKey;
  publicJwk: JsonWebKey;
  members: JwkMemberRow[];
  modulusBits: number;
  exponent: string;
  thumbprintInput: string;
  thumbprint: string;
  warnings: string[];
}

export async function rsaAnatomy({ privateKey, publicKey }: RsaKeyPair): Promise<RsaAnatomy> {
  const publicPem = await exportPem(publicKey);
  const publicDer = parsePem(publicPem).der;
  const jwk = await exportJwk(privateKey ?? publicKey);
  const members = jwkMembers(jwk);
  const member = (name: string) => members.find((m) => m.name === name)!;
  const pub = publicJwk(jwk);
  const anatomy: RsaAnatomy = {
    publicPem,
    publicDerLength: publicDer.length,
    publicTree: derTree(publicDer, SPKI_SHAPE),
    jwk,
    publicJwk: pub,
    members,
    modulusBits: member('n').bits!,
    exponent: member('e').decimal ?? `a ${member('e').bits}-bit number`,
    thumbprintInput: thumbprintInput(pub),
    thumbprint: await thumbprint(pub),
    warnings: keyWarnings(publicKey, 'RS256'),
  };
  if (privateKey) {
    anatomy.privatePem = await exportPem(privateKey);
    const privateDer = parsePem(anatomy.privatePem).der;
    anatomy.privateDerLength = privateDer.length;
    anatomy.privateTree = derTree(privateDer, PKCS8_SHAPE);
  }
  return anatomy;
}
