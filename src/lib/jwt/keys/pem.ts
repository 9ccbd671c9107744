/** PEM keys: SPKI and PKCS#8, PKCS#1 RSA keys wrapped into those for WebCrypto, and export. */
import { algorithmInfo, type Algorithm } from '../algorithms';
import { buf } from '../bytes';
import { OID_NAMES, derBitString, derInteger, derNull, derOctetString, derOid, derSequence, readDer, type DerNode } from '../der';
import { JwtError } from '../errors';
import { parsePem, toPem } from '../pem';
import { article, assertExtractable, confusionError, keyError, needs } from './common';

const RSA_OID = '1.2.840.113549.1.1.1';
const RSA_PSS_OID = '1.2.840.113549.1.1.10';
const EC_OID = '1.2.840.10045.2.1';
const ED25519_OID = '1.3.101.112';
const CURVE_OIDS: Record<string, string> = { 'P-256': '1.2.840.10045.3.1.7', 'P-384': '1.3.132.0.34', 'P-521': '1.3.132.0.35' };

/** Reads a PEM key for `alg`: SPKI or PKCS#8, and PKCS#1 RSA keys, which are wrapped into those first. */
export async function importPem(pem: string, alg: Algorithm): Promise<CryptoKey> {
  const info = algorithmInfo(alg);
  if (info.family === 'HMAC') {
    throw confusionError(`${alg} needs a shared secret, not a PEM key.`);
  }
  const { label, der } = parsePem(pem);
  const { format, body } = pemBody(label, der);
  const { oid, curve } = keyAlgorithm(readPemDer(body, label), format, label);
  if (oid === RSA_PSS_OID && info.kty === 'RSA') {
    throw keyError('ERR_KEY_INVALID', 'This PEM holds an RSA key restricted to RSA-PSS (OID 1.2.840.113549.1.1.10). WebCrypto reads RSA keys only as plain rsaEncryption keys; export the key in that form, which works for PS256 as well.');
  }
  const fits = info.kty === 'RSA' ? oid === RSA_OID
    : info.family === 'ECDSA' ? oid === EC_OID && curve === CURVE_OIDS[info.crv!]
    : oid === ED25519_OID;
  if (!fits) throw keyError('ERR_KEY_MISMATCH', `This PEM holds ${pemKeyKind(oid, curve)}, but ${alg} needs ${needs(info)}.`);

  try {
    return await crypto.subtle.importKey(format, buf(body), info.importParams, true, [format === 'spki' ? 'verify' : 'sign']);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw keyError('ERR_KEY_INVALID', `The PEM is well-formed, but WebCrypto cannot read the key inside it (${reason}).`, {}, error);
  }
}

/** Reads the DER of a PEM block; when it is cut short, says that the base64 is likely incomplete. */
function readPemDer(der: Uint8Array, label: string): DerNode {
  try {
    return readDer(der);
  } catch (error) {
    if (!(error instanceof JwtError)) throw error;
    const short = /remain|ends here|ends first/.test(error.message)
      ? ' The bytes stop before the key does: was part of the base64 lost when it was copied?'
      : '';
    throw keyError('ERR_KEY_INVALID', `The base64 of this ${label} block decodes to ${der.length} bytes, but they are not well-formed DER. ${error.message}${short}`, {}, error);
  }
}

/** The DER WebCrypto reads for a PEM label, and in which format. */
function pemBody(label: string, der: Uint8Array): { format: 'spki' | 'pkcs8'; body: Uint8Array } {
  switch (label) {
    case 'PUBLIC KEY': return { format: 'spki', body: der };
    case 'PRIVATE KEY': return { format: 'pkcs8', body: der };
    case 'RSA PUBLIC KEY': return { format: 'spki', body: spkiFromPkcs1(der) };
    case 'RSA PRIVATE KEY': return { format: 'pkcs8', body: pkcs8FromPkcs1(der) };
    default: throw keyError('ERR_KEY_INVALID', unsupportedLabel(label));
  }
}

function unsupportedLabel(label: string): string {
  switch (label) {
    case 'CERTIFICATE':
      return 'This is a certificate, not a key. Paste the public key inside it instead: "openssl x509 -in cert.pem -pubkey -noout" prints it as a PUBLIC KEY block.';
    case 'ENCRYPTED PRIVATE KEY':
      return 'This private key is encrypted with a password, which WebCrypto cannot open. Decrypt it first ("openssl pkey -in key.pem -out plain.pem") and paste the PRIVATE KEY block.';
    case 'EC PRIVATE KEY':
      return 'This is an EC private key in the older SEC 1 form. Convert it to PKCS#8 ("openssl pkey -in key.pem -out pkcs8.pem") and paste the PRIVATE KEY block.';
    default:
      return `A "${label}" block is not a key format read here. Paste a PUBLIC KEY, PRIVATE KEY, RSA PUBLIC KEY or RSA PRIVATE KEY block.`;
  }
}

/** The `index`-th element inside `parent`, which must have the tag `tagName`; `role` names it for messages. */
function child(parent: DerNode, index: number, tagName: string, role: string, label: string): DerNode {
  const node = parent.children?.[index];
  if (!node) {
    const end = parent.offset + parent.headerLength + parent.length;
    throw keyError('ERR_KEY_INVALID', `This ${label} ends at byte ${end}, where ${role} (${article(tagName)}) should follow.`);
  }
  if (node.tagName !== tagName) {
    throw keyError('ERR_KEY_INVALID', `At byte ${node.offset}, this ${label} should hold ${role} (${article(tagName)}), but it has ${article(node.tagName)}.`);
  }
  return node;
}

/**
 * The algorithm OID (and curve OID) of an SPKI (SEQUENCE { AlgorithmIdentifier, BIT STRING }) or PKCS#8
 * (SEQUENCE { INTEGER version, AlgorithmIdentifier, OCTET STRING, … }) structure.
 */
function keyAlgorithm(root: DerNode, format: 'spki' | 'pkcs8', label: string): { oid: string; curve?: string } {
  if (root.tagName !== 'SEQUENCE') {
    throw keyError('ERR_KEY_INVALID', `A ${label} block holds a SEQUENCE, but this one holds ${article(root.tagName)}.`);
  }
  const first = format === 'spki' ? 0 : 1;
  if (format === 'pkcs8') child(root, 0, 'INTEGER', 'the version', label);
  const algorithmId = child(root, first, 'SEQUENCE', 'the algorithm identifier', label);
  child(root, first + 1, format === 'spki' ? 'BIT STRING' : 'OCTET STRING', 'the key itself', label);
  const oid = child(algorithmId, 0, 'OBJECT IDENTIFIER', 'the algorithm', label).oid!;
  return { oid, curve: algorithmId.children?.[1]?.oid };
}

function pemKeyKind(oid: string, curve: string | undefined): string {
  if (oid === RSA_OID) return 'an RSA key';
  if (oid === EC_OID) return `${article(curve && OID_NAMES[curve] ? OID_NAMES[curve] : 'unknown-curve')} EC key`;
  const name = OID_NAMES[oid];
  return name ? `${article(name)} key` : `a key of an unknown kind (algorithm OID ${oid})`;
}

/** AlgorithmIdentifier { rsaEncryption, NULL } (RFC 8017 Appendix A.1). */
function rsaAlgorithmId(): Uint8Array {
  return derSequence(derOid(RSA_OID), derNull());
}

/** Checks that PKCS#1 DER is a SEQUENCE of exactly the INTEGERs `roles` names (RFC 8017 Appendix A.1). */
function checkPkcs1(der: Uint8Array, label: string, roles: string[]): DerNode {
  const root = readPemDer(der, label);
  if (root.tagName !== 'SEQUENCE') {
    throw keyError('ERR_KEY_INVALID', `An ${label} block holds a SEQUENCE, but this one holds ${article(root.tagName)}.`);
  }
  roles.forEach((role, i) => child(root, i, 'INTEGER', role, label));
  if (root.children!.length > roles.length) {
    throw keyError('ERR_KEY_INVALID', `This ${label} has ${root.children!.length} elements, but ${roles.length} are expected; keys with more than two primes are not supported by WebCrypto.`);
  }
  return root;
}

function spkiFromPkcs1(der: Uint8Array): Uint8Array {
  checkPkcs1(der, 'RSA PUBLIC KEY', ['the modulus n', 'the public exponent e']);
  return derSequence(rsaAlgorithmId(), derBitString(der));
}

function pkcs8FromPkcs1(der: Uint8Array): Uint8Array {
  const roles = ['the version', 'n', 'e', 'd', 'p', 'q', 'dp', 'dq', 'qi'];
  const root = checkPkcs1(der, 'RSA PRIVATE KEY', roles);
  const version = root.children![0]!;
  if (version.length !== 1 || version.value[0] !== 0) {
    throw keyError('ERR_KEY_INVALID', `At byte ${version.offset}, this RSA PRIVATE KEY has version ${version.value[0]}; only version 0 (two primes) is supported.`);
  }
  return derSequence(derInteger(0), rsaAlgorithmId(), derOctetString(der));
}

/** SPKI "PUBLIC KEY" for a public key, PKCS#8 "PRIVATE KEY" for a private one. */
export async function exportPem(key: CryptoKey): Promise<string> {
  if (key.type === 'secret') throw keyError('ERR_KEY_MISMATCH', 'An HMAC secret has no PEM form; export it as a JWK or as base64url.');
  assertExtractable(key);
  const [format, label] = key.type === 'private' ? ['pkcs8', 'PRIVATE KEY'] as const : ['spki', 'PUBLIC KEY'] as const;
  return toPem(label, new Uint8Array(await crypto.subtle.exportKey(format, key)));
}
