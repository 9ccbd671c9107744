/**
 * Chapter 3's exercises, on RFC 7516 A.1's key pair and token: which key the sender needs, which stage refuses a
 * JWE with one changed ciphertext character, and how many bytes A256GCM adds. Every fact is the core's: an
 * encrypt that works with the public key, a decrypt with the public key that fails, the decrypt trace's last
 * stage, the lengths of a traced encryption.
 */
import { ALPHABET, JwtError, decrypt, encrypt, isJwtError, publicJwk, type JweStage } from '../jwt';
import { count, plural } from '../format';
import type { PickDefinition, TypedDefinition } from './definition';
import type { Feedback } from './feedback';
import { readWholeNumber } from '../whole-number';

const ALLOWED = { keyManagementAlgorithms: ['RSA-OAEP', 'RSA-OAEP-256'], contentEncryptionAlgorithms: ['A256GCM', 'A128CBC-HS256'] } as const;

function allowed() {
  return { keyManagementAlgorithms: [...ALLOWED.keyManagementAlgorithms], contentEncryptionAlgorithms: [...ALLOWED.contentEncryptionAlgorithms] };
}

/** The core's refusal, as the message it gives. */
async function refusal(work: Promise<unknown>): Promise<string | undefined> {
  try {
    await work;
    return undefined;
  } catch (error) {
    if (!isJwtError(error)) throw error;
    return error.message;
  }
}

export const SENDER_KEY_OPTIONS = [
  { value: 'recipient-public', label: "The recipient's public key" },
  { value: 'recipient-private', label: "The recipient's private key" },
  { value: 'sender-private', label: "The sender's own private key" },
] as const;

export async function senderKey(jwk: JsonWebKey, plaintext: string): Promise<PickDefinition> {
  const { token } = await encrypt({ alg: 'RSA-OAEP-256', enc: 'A256GCM' }, plaintext, publicJwk(jwk));
  const withPublic = await refusal(decrypt(token, publicJwk(jwk), allowed()));
  const opened = (await decrypt(token, jwk, allowed())).text();
  const check = (answer: string): Feedback => {
    switch (answer) {
      case 'recipient-public':
        return { kind: 'solved', message: `Right. The sender encrypted ${plural(token.length, 'character')} of token with nothing but the public key, and only the private key opens it (it gives back "${opened}").` };
      case 'recipient-private':
        return {
          kind: 'wrong',
          message: 'That is the guide\'s reversal. The private key never leaves the recipient, so a sender cannot have it; and if it encrypted, the public key that everyone holds would have to decrypt, which is exactly what it cannot do. ' +
            `Tried with the public key, the core says: ${withPublic ?? 'it opened, which would be an error'}`,
        };
      case 'sender-private':
        return { kind: 'wrong', message: "The sender's private key makes a signature, which says who sent the token but hides nothing. To sign and encrypt, sign with it first, then encrypt the signed token to the recipient's public key: a nested JWT." };
      default:
        return { kind: 'invalid', message: 'Choose one of the answers first.' };
    }
  };
  return {
    answer: 'pick',
    kind: 'Predict, then reveal',
    title: 'Which key does the sender need?',
    needsWebCrypto: true,
    prompt: [{ text: 'A service wants to send Ada claims that only Ada can read, as a JWE with alg RSA-OAEP-256 and enc A256GCM. Ada has an RSA key pair. Which key must the service have to make the token?' }],
    label: 'The key the sender uses',
    options: SENDER_KEY_OPTIONS,
    hints: [
      'Ask who may read the token in the end, and which key only that party holds.',
      'The claims are encrypted with a fresh random CEK; the question is how the CEK reaches Ada.',
      'RSA-OAEP encrypts the CEK so that one key alone can decrypt it: Ada\'s private key. The key that encrypts is its partner.',
    ],
    check,
    solution: [
      { text: "Ada's public key. The sender draws a random CEK, encrypts the claims with AES-GCM, and encrypts the CEK to Ada's public key with RSA-OAEP. Only Ada's private key recovers the CEK." },
      { text: `Decrypting with the public key instead is refused: ${withPublic ?? ''}` },
    ],
  };
}

/** Decryption's stages as a learner names them, and "opened". */
export type JweOutcome = 'split' | 'decode' | 'algorithms' | 'key-management' | 'tag' | 'opened';
const ORDER: readonly JweOutcome[] = ['split', 'decode', 'algorithms', 'key-management', 'tag', 'opened'];
export const JWE_OUTCOME_OPTIONS: readonly { value: JweOutcome; label: string }[] = [
  { value: 'split', label: 'Split into five parts' },
  { value: 'decode', label: 'Decode each part' },
  { value: 'algorithms', label: 'alg and enc allowed?' },
  { value: 'key-management', label: 'Decrypt the CEK with the private key' },
  { value: 'tag', label: 'Authentication tag check' },
  { value: 'opened', label: 'Opened: no stage refuses it' },
];

function outcomeOf(stage: JweStage | undefined): JweOutcome {
  switch (stage) {
    case 'jwe-split': return 'split';
    case 'jwe-decode': return 'decode';
    case 'algorithms':
    case 'check':
    case 'jwe-key': return 'algorithms';
    case 'rsa-oaep':
    case 'aes-kw':
    case 'aes-gcmkw':
    case 'ecdh-es':
    case 'pbes2':
    case 'cek': return 'key-management';
    default: return 'tag';
  }
}

export interface JweVerdict {
  outcome: JweOutcome;
  reason?: string;
}

/** The core's decrypt of `token`, and the stage that refused it. */
export async function jweVerdictOf(token: string, key: JsonWebKey): Promise<JweVerdict> {
  try {
    await decrypt(token, key, { ...allowed(), trace: true });
    return { outcome: 'opened' };
  } catch (error) {
    if (!(error instanceof JwtError)) throw error;
    return { outcome: outcomeOf(error.jweTrace?.at(-1)?.stage), reason: error.message };
  }
}

/** The token with character `index` of part `part` (0–4) replaced by the next base64url character. */
export function tamperJwe(token: string, part: number, index: number): { token: string; from: string; to: string } {
  const pieces = token.split('.');
  const text = pieces[part]!;
  const from = text[index]!;
  const to = ALPHABET[(ALPHABET.indexOf(from) + 1) % ALPHABET.length]!;
  pieces[part] = text.slice(0, index) + to + text.slice(index + 1);
  return { token: pieces.join('.'), from, to };
}

export async function changedCiphertext(token: string, jwk: JsonWebKey, index: number): Promise<PickDefinition> {
  const t = tamperJwe(token, 3, index);
  const truth = await jweVerdictOf(t.token, jwk);
  const label = (o: JweOutcome) => JWE_OUTCOME_OPTIONS.find((x) => x.value === o)!.label;
  const refused = truth.outcome === 'opened' ? 'No stage refuses it.' : `It is refused at "${label(truth.outcome)}": ${truth.reason}`;
  const check = (answer: string): Feedback => {
    const choice = ORDER.find((o) => o === answer);
    if (choice === undefined) return { kind: 'invalid', message: 'Choose one of the answers first.' };
    if (choice === truth.outcome) return { kind: 'solved', message: `Right. ${refused} AES-GCM checks the tag before it decrypts anything, so not one changed byte reaches the recipient.` };
    if (choice === 'opened') return { kind: 'wrong', message: `Opening it would mean the tag still matched a changed ciphertext: the tag exists to prevent exactly that. ${refused}` };
    if (ORDER.indexOf(choice) < ORDER.indexOf(truth.outcome)) {
      const passed = {
        split: 'It still splits into five parts.',
        decode: 'The changed ciphertext is still base64url, so it decodes.',
        algorithms: 'The header is untouched: alg and enc are still allowed.',
        'key-management': 'The encrypted key is untouched, so the private key still recovers the CEK.',
      }[choice as 'split' | 'decode' | 'algorithms' | 'key-management'];
      return { kind: 'wrong', message: `${passed} ${refused}` };
    }
    return { kind: 'wrong', message: `It never gets that far. ${refused}` };
  };
  return {
    answer: 'pick',
    kind: 'Predict, then reveal',
    title: 'One changed ciphertext character',
    needsWebCrypto: true,
    prompt: [
      { text: `RFC 7516 A.1's token, with character ${count(index + 1)} of its ciphertext (the fourth part) changed from "${t.from}" to "${t.to}". The recipient holds the private key and accepts RSA-OAEP with A256GCM. Which stage refuses it, if any?` },
      { code: t.token },
    ],
    label: 'The stage that stops it',
    options: JWE_OUTCOME_OPTIONS,
    hints: [
      'Decryption runs its stages in order, and the first failure stops it.',
      'Nothing about the header or the encrypted key changed, so the CEK comes back as before.',
      'AES-GCM computes a tag over the header, the IV and the ciphertext, and compares it with the token\'s before decrypting.',
    ],
    check,
    solution: [{ text: `Split, decode, the algorithms and the CEK all pass: none of them looks at the ciphertext. The tag does. ${refused}` }],
  };
}

export async function gcmSizes(plaintext: string, jwk: JsonWebKey): Promise<TypedDefinition> {
  const sizes = async (enc: 'A256GCM' | 'A128CBC-HS256') => {
    const { trace } = await encrypt({ alg: 'RSA-OAEP-256', enc }, plaintext, publicJwk(jwk), { trace: true });
    const step = trace!.find((s) => s.stage === 'gcm-encrypt' || s.stage === 'cbc-hmac-encrypt') as { plaintext: Uint8Array; ciphertext: Uint8Array; tag: Uint8Array };
    return { plaintext: step.plaintext.length, ciphertext: step.ciphertext.length, tag: step.tag.length };
  };
  const gcm = await sizes('A256GCM');
  const cbc = await sizes('A128CBC-HS256');
  const total = gcm.ciphertext + gcm.tag;
  const check = (answer: string): Feedback => {
    const n = readWholeNumber(answer);
    if (n === undefined) return { kind: 'invalid', message: 'Type a whole number of bytes, for example 100.' };
    if (n === total) return { kind: 'solved', message: `Right: ${gcm.ciphertext} bytes of ciphertext, exactly as many as the plaintext, and a ${gcm.tag}-byte tag.` };
    if (n === gcm.ciphertext) return { kind: 'wrong', message: `${n} is the ciphertext alone: AES-GCM adds no padding, but the authentication tag travels too.` };
    if (n === cbc.ciphertext + cbc.tag) return { kind: 'wrong', message: `${n} is what A128CBC-HS256 would make: it pads to whole 16-byte blocks (${cbc.ciphertext} bytes). AES-GCM does not pad.` };
    if (n === gcm.ciphertext + 32) return { kind: 'wrong', message: `${n} counts a 32-byte tag: the CEK of A256GCM is 32 bytes, but its tag is ${gcm.tag}.` };
    return { kind: 'wrong', message: `${n} bytes would be ${n - gcm.plaintext} more than the plaintext. Count what AES-GCM produces: the ciphertext, and the tag.` };
  };
  return {
    answer: 'typed',
    kind: 'Predict, then reveal',
    title: 'How many bytes does A256GCM make?',
    needsWebCrypto: true,
    prompt: [
      { text: `RFC 7516 A.1's plaintext is ${plural(gcm.plaintext, 'byte')} of UTF-8:` },
      { code: plaintext },
      { text: 'Encrypted with enc A256GCM (a 32-byte CEK), how many bytes are the ciphertext and the authentication tag together?' },
    ],
    label: 'Ciphertext + tag, in bytes',
    hints: [
      'AES-GCM is a stream of key bytes XORed with the plaintext: it adds no padding.',
      'Besides the ciphertext, it produces an authentication tag of a fixed size, whatever the key size.',
      `The tag is 128 bits. ${gcm.plaintext} + …`,
    ],
    check,
    solution: [{ text: `${gcm.plaintext} bytes of plaintext give ${gcm.ciphertext} bytes of ciphertext, plus the ${gcm.tag}-byte tag: ${total}. (A128CBC-HS256 would give ${cbc.ciphertext} + ${cbc.tag} = ${cbc.ciphertext + cbc.tag}, padding included.)` }],
  };
}
