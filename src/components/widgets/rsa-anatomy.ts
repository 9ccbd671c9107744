/**
 * What chapter 9's key-pair widget shows about an RSA key: its PEM texts, the DER inside them as a tree whose
 * elements are named for the part of the key they hold, its JWK member by member, the modulus size and the
 * RFC 7638 thumbprint. Everything is computed from the key itself through the token core.
 */
import { SMALL_BITS, bitLength } from '../../lib/format';
import {
  PKCS8_SHAPE, SPKI_SHAPE, base64urlDecode, bytesToBigInt, exportJwk, exportPem, importJwk, keyWarnings,
  parsePem, publicJwk, readDer, thumbprint, thumbprintInput, type DerNode,
} from '../../lib/jwt';

export interface RsaKeyPair {
  /** Absent for a public key on its own: it can verify, but not sign. */
  privateKey?: CryptoKey;
  publicKey: CryptoKey;
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
  publicTree: DerNode;
  privatePem?: string;
  privateDerLength?: number;
  privateTree?: DerNode;
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
    publicTree: readDer(publicDer, SPKI_SHAPE),
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
    anatomy.privateTree = readDer(privateDer, PKCS8_SHAPE);
  }
  return anatomy;
}
