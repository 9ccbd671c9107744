/**
 * Chapter 9's exercises: how long an RS256 signature is for a key size, where the verifier's two encoded
 * messages first differ when the payload was changed, and what a verifier does with a token signed by another
 * key. Lengths come from the core's encoder, blocks from its verify trace, keys from WebCrypto.
 */
import { base64urlEncode, decode, emLayout, generateKeyPair, importJwk, isJwtError, isoDate, publicJwk, sign, verify, type CompareStep } from '../jwt';
import { count, plural } from '../format';
import type { PickDefinition, TypedDefinition } from './definition';
import type { Feedback } from './feedback';
import { OUTCOME_OPTIONS, stageFeedback, verdictOf } from './verifier-stages';
import { readWholeNumber } from '../whole-number';

/** The parts of an encoded message in words, for "byte 3 is in the FF padding". */
const EM_PART_NAMES = { zero: 'leading 00', type: 'block type 01', padding: 'FF padding', separator: '00 that ends the padding', 'digest-info': 'DigestInfo header naming SHA-256' } as const;

/** "byte 205", "bytes 3–204": byte numbers counted from 1. */
const bytesFrom = (first: number, last: number) => (first === last ? `byte ${count(first)}` : `bytes ${count(first)}–${count(last)}`);

/** Bytes and base64url characters of an RSA signature: as long as the modulus. */
export function signatureSize(modulusBits: number): { bytes: number; chars: number } {
  const bytes = Math.ceil(modulusBits / 8);
  return { bytes, chars: base64urlEncode(new Uint8Array(bytes)).length };
}

export function signatureLength(modulusBits: number, knownBits = 2048): TypedDefinition {
  const size = signatureSize(modulusBits);
  const known = signatureSize(knownBits);
  const hs256 = base64urlEncode(new Uint8Array(32)).length;
  const groups = Math.floor(size.bytes / 3);
  const left = size.bytes % 3;
  const check = (answer: string): Feedback => {
    const n = readWholeNumber(answer);
    if (n === undefined) return { kind: 'invalid', message: 'Type a whole number of characters, for example 100.' };
    if (n === size.chars) return { kind: 'solved', message: `Right: a ${modulusBits}-bit modulus gives ${plural(size.bytes, 'byte')} of signature, which base64url writes as ${count(size.chars)} characters.` };
    if (n === known.chars) return { kind: 'wrong', message: `${count(n)} is the length for a ${knownBits}-bit key, ${count(known.bytes)} bytes. The signature grows with the modulus.` };
    if (n === size.bytes) return { kind: 'wrong', message: `${count(n)} is the number of bytes. Base64url writes 4 characters for every 3 bytes.` };
    if (n === modulusBits) return { kind: 'wrong', message: `${n} is the key size in bits. Count bytes first (8 bits each), then characters (4 for every 3 bytes).` };
    if (n === hs256) return { kind: 'wrong', message: `${count(n)} is an HS256 signature: 32 bytes of HMAC. An RSA signature is a number as long as the modulus.` };
    const bytes = Math.floor((n * 6) / 8);
    return { kind: 'wrong', message: `${count(n)} characters hold about ${plural(bytes, 'byte')}, a ${bytes * 8}-bit number. This signature is as long as the ${modulusBits}-bit modulus.` };
  };
  return {
    answer: 'typed',
    kind: 'Predict, then reveal',
    title: `A ${modulusBits}-bit key's signature`,
    prompt: [{ text: `With a ${knownBits}-bit key, an RS256 signature is ${count(known.chars)} base64url characters. How many is it with a ${modulusBits}-bit key?` }],
    label: 'Characters',
    hints: [
      'The signature s = m^d mod n is a number below n, written in exactly as many bytes as the modulus.',
      `${modulusBits} bits are ${plural(size.bytes, 'byte')}.`,
      `${count(size.bytes)} bytes are ${plural(groups, 'group')} of 3${left ? ` and ${plural(left, 'byte')} left over` : ''}; each group becomes 4 characters, and a JWT adds no = padding.`,
    ],
    check,
    reveal: [{ text: `${modulusBits} bits → ${plural(size.bytes, 'byte')} → ${plural(size.chars, 'character')}; against ${count(hs256)} for HS256.` }],
    solution: [{ text: `${modulusBits} ÷ 8 = ${count(size.bytes)} bytes. ${count(groups)} × 4${left ? ` + ${count(signatureSize(left * 8).chars)}` : ''} = ${count(size.chars)} characters.` }],
  };
}

/** Where the encoded message the verifier expects and the one it opened first differ, from the core's verify trace. */
export async function emDifference(jwk: JsonWebKey, header: string, payload: string, edited: string): Promise<{ token: string; compare: CompareStep }> {
  const privateKey = await importJwk(jwk, 'RS256');
  const publicKey = await importJwk(publicJwk(jwk), 'RS256');
  const original = (await sign(header, payload, privateKey)).token;
  const changed = (await sign(header, edited, privateKey)).token;
  const [h, p] = changed.split('.');
  const token = `${h}.${p}.${original.split('.')[2]}`;
  try {
    await verify(token, publicKey, { algorithms: ['RS256'], trace: true });
  } catch (error) {
    if (!isJwtError(error)) throw error;
    const compare = error.trace?.find((step): step is CompareStep => step.stage === 'compare');
    if (compare) return { token, compare };
  }
  throw new Error('The edited payload should have failed at the compare.');
}

export async function firstEmDifference(jwk: JsonWebKey, header: string, payload: string, edited: string): Promise<TypedDefinition> {
  const { token, compare } = await emDifference(jwk, header, payload, edited);
  const layout = emLayout(compare.expected);
  if (!layout.ok) throw new Error(layout.problem);
  const size = compare.expected.length;
  const answerAt = compare.firstDifference + 1; // counted from 1, as the visualizer names bytes
  const digestAt = size - 32 + 1;
  const partAt = (byte: number) => layout.parts.find((part) => byte - 1 >= part.offset && byte - 1 < part.offset + part.bytes.length);
  const check = (answer: string): Feedback => {
    const n = readWholeNumber(answer);
    if (n === undefined || n === 0) return { kind: 'invalid', message: `Type a byte number from 1 to ${count(size)}.` };
    if (n === answerAt) return { kind: 'solved', message: `Right: byte ${count(answerAt)}${answerAt === digestAt ? ', the first byte of the digest' : ''}. Everything before it is the same in every SHA-256 signature with this key size.` };
    if (n > size) return { kind: 'wrong', message: `The encoded message is as long as the modulus, ${plural(size, 'byte')}: there is no byte ${count(n)}.` };
    const part = partAt(n)!;
    if (part.name === 'digest-info' && n >= digestAt) {
      return { kind: 'wrong', message: `Byte ${count(n)} is in the digest, the right place to look, but the two digests already differ earlier, at byte ${count(answerAt)}.` };
    }
    return { kind: 'wrong', message: `Byte ${count(n)} is in the ${EM_PART_NAMES[part.name]} (${bytesFrom(part.offset + 1, part.name === 'digest-info' ? digestAt - 1 : part.offset + part.bytes.length)}), which is the same in both blocks: it depends only on the key size and the hash, not on the payload.` };
  };
  const parts = layout.parts.map((part) => `${EM_PART_NAMES[part.name]}${part.name === 'digest-info' ? ' and digest' : ''}: ${bytesFrom(part.offset + 1, part.offset + part.bytes.length)}`).join('; ');
  return {
    answer: 'typed',
    kind: 'Predict, then reveal',
    title: 'Where do the two blocks differ?',
    needsWebCrypto: true,
    prompt: [
      { text: `RFC 7515's token with one change in its payload, and the old signature kept. The verifier builds the encoded message it expects from the new payload and opens the signature to the old one: two ${count(size)}-byte blocks. At which byte, counting from 1, do they first differ?` },
      { code: token },
    ],
    label: 'Byte number',
    hints: [
      'Both blocks are 00 01 FF…FF 00, then the DigestInfo: its header naming SHA-256, then the 32-byte digest of the signing input.',
      'The padding and the DigestInfo header depend only on the key size and the hash. Only the digest depends on the payload.',
      `The digest is the last 32 bytes of ${count(size)}: it starts at byte ${count(digestAt)}. Two different digests usually differ at once.`,
    ],
    check,
    reveal: [{ text: `The core's verify compared the blocks and found the first difference at byte ${count(answerAt)}. The layout: ${parts}.` }],
    solution: [{ text: `${count(size)} − 32 = ${count(size - 32)} bytes of 00 01, FF padding, 00 and the DigestInfo header are identical; the digests begin at byte ${count(digestAt)}${answerAt === digestAt ? ' and differ at once, in their first byte' : `, and they first differ at byte ${count(answerAt)}`}.` }],
  };
}

export async function wrongKey(jwk: JsonWebKey, header: string, payload: string): Promise<PickDefinition> {
  const verifierKey = await importJwk(publicJwk(jwk), 'RS256');
  const other = await generateKeyPair('RS256', { modulusLength: 2048 });
  const { token } = await sign(header, payload, other.privateKey);
  const exp = decode(token).payload.exp;
  const now = isoDate(typeof exp === 'number' ? exp - 60 : 0);
  const truth = await verdictOf(token, { key: verifierKey, algorithms: ['RS256'], now });
  return {
    answer: 'pick',
    kind: 'Forge or refuse',
    title: 'Signed with the wrong private key',
    needsWebCrypto: true,
    prompt: [
      { text: `An attacker generated a key pair of their own (this page just made one) and signed RFC 7515's header and payload with its private key. The verifier holds RFC 7515's public key, allows RS256 only, and its clock reads ${now}, a minute before exp. Does it accept the token? If not, where is it refused?` },
    ],
    label: 'The verifier’s verdict',
    options: OUTCOME_OPTIONS,
    hints: [
      'The token is well formed and says RS256, and the verifier\'s key is an RSA public key: nothing looks wrong before the signature.',
      'The verifier opens the signature with its own public key: s^e mod n, with the n and e of RFC 7515\'s key.',
      'Only the private key that belongs to this n makes a signature that opens to the expected block; any other d gives noise.',
    ],
    check: (answer) => stageFeedback(answer, truth, token),
    solution: [
      { text: 'Split, decode, algorithm and key all pass. Opening the signature with RFC 7515\'s public key gives a block unrelated to the expected 00 01 FF…FF 00 ‖ DigestInfo, so the compare fails. Without the issuer\'s private key, a signature the public key accepts cannot be made. The token:' },
      { code: token },
    ],
  };
}
