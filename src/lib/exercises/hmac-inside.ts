/**
 * Chapter 8's exercises: the key block of a long secret, the first byte of K′ ⊕ ipad, and a payload whose HS256
 * signature starts with a digit. Every number comes from the core's HMAC trace (`hmacSteps`) or `sign`.
 */
import { ALPHABET, IPAD, OPAD, algorithmInfo, hmacSteps, secretFromText, sign, utf8Encode } from '../jwt';
import { byteBits, count, hexByte, hexPreview, plural } from '../format';
import type { TypedDefinition } from './definition';
import type { Feedback } from './feedback';
import { readWholeNumber } from '../whole-number';

const HS256 = algorithmInfo('HS256');

/** The key block of a secret, from the core's HMAC trace. */
export async function keyBlockOf(secret: Uint8Array): Promise<{ blockBytes: number; keyWasHashed: boolean; keyBytes: number; zeros: number; keyBlock: Uint8Array }> {
  const [key] = await hmacSteps(HS256, secret, new Uint8Array());
  const keyBytes = key.keyWasHashed ? HS256.hashBytes : secret.length;
  return { blockBytes: key.blockBytes, keyWasHashed: key.keyWasHashed, keyBytes, zeros: key.blockBytes - keyBytes, keyBlock: key.keyBlock };
}

export async function keyBlockPadding(secretText: string): Promise<TypedDefinition> {
  const secret = utf8Encode(secretText);
  const k = await keyBlockOf(secret);
  const check = (answer: string): Feedback => {
    const n = readWholeNumber(answer);
    if (n === undefined) return { kind: 'invalid', message: 'Type a whole number of bytes, for example 12.' };
    if (n === k.zeros) return { kind: 'solved', message: `Right: the ${count(secret.length)}-byte secret is longer than the ${count(k.blockBytes)}-byte block, so it is hashed to ${count(k.keyBytes)} bytes, and ${plural(k.zeros, 'zero byte')} fill the block.` };
    if (n === 0) return { kind: 'wrong', message: `0 would mean the key fills the block, as if it were cut to its first ${count(k.blockBytes)} bytes. HMAC never cuts a key: one longer than the block is hashed first.` };
    if (n > k.blockBytes) return { kind: 'wrong', message: `The key block is ${plural(k.blockBytes, 'byte')} in all, so it cannot hold ${count(n)} zero bytes.` };
    if (n === k.blockBytes) return { kind: 'wrong', message: `${count(n)} zero bytes would be the whole block: the key would be left out of HMAC altogether.` };
    if (n === 2 * k.blockBytes - secret.length) {
      return { kind: 'wrong', message: `${count(n)} would fill a ${count(2 * k.blockBytes)}-byte block, the size SHA-384 and SHA-512 use. SHA-256's block is ${plural(k.blockBytes, 'byte')}.` };
    }
    return { kind: 'wrong', message: `${plural(n, 'zero byte')} would leave ${plural(k.blockBytes - n, 'byte')} for the key, but the key block holds either the key itself or its ${count(HS256.hashBytes)}-byte SHA-256 digest.` };
  };
  return {
    answer: 'typed',
    kind: 'Predict, then reveal',
    title: 'A secret longer than the block',
    needsWebCrypto: true,
    prompt: [
      { text: `An HS256 secret of ${plural(secret.length, 'byte')}:` },
      { code: secretText },
      { text: `HMAC fits it to a ${count(k.blockBytes)}-byte key block. How many of the block's bytes are zero padding?` },
    ],
    label: 'Zero bytes',
    hints: [
      `SHA-256 reads ${count(k.blockBytes)}-byte blocks; a shorter key is padded with zeros, a longer one is treated differently.`,
      `This secret is ${count(secret.length)} bytes, more than ${count(k.blockBytes)}: it is hashed first, and its SHA-256 digest takes its place.`,
      `A SHA-256 digest is ${plural(HS256.hashBytes, 'byte')}; the rest of the ${count(k.blockBytes)}-byte block is zeros.`,
    ],
    check,
    reveal: [{ text: `The key block: the digest's ${count(k.keyBytes)} bytes, then ${plural(k.zeros, 'zero byte')}:` }, { code: hexPreview(k.keyBlock, k.blockBytes) }],
    solution: [
      { text: `${count(secret.length)} > ${count(k.blockBytes)}, so K′ = SHA-256(secret) followed by zeros: ${count(k.blockBytes)} − ${count(k.keyBytes)} = ${count(k.zeros)} zero bytes. A secret longer than the block gains nothing over its ${count(k.keyBytes)}-byte digest.` },
    ],
  };
}

/** The first byte of K′ ⊕ ipad and K′ ⊕ opad for a key, from the core's HMAC trace. */
export async function padBytes(secret: Uint8Array): Promise<{ key: number; ipad: number; opad: number }> {
  const [key, inner, outer] = await hmacSteps(HS256, secret, new Uint8Array());
  return { key: key.keyBlock[0]!, ipad: inner.keyIpad[0]!, opad: outer.keyOpad[0]! };
}

/** "7c", "0x7c", "7C" → 0x7c; undefined for anything that is not one byte in hex. */
export function parseHexByte(answer: string): number | undefined {
  const m = /^(?:0x)?([0-9a-f]{1,2})$/i.exec(answer.trim());
  return m ? parseInt(m[1]!, 16) : undefined;
}

export async function ipadByte(secretText: string): Promise<TypedDefinition> {
  const b = await padBytes(utf8Encode(secretText));
  const first = secretText[0]!;
  const check = (answer: string): Feedback => {
    const n = parseHexByte(answer);
    if (n === undefined) return { kind: 'invalid', message: 'Type one byte in hex, two digits such as 5c.' };
    if (n === b.ipad) return { kind: 'solved', message: `Right: ${hexByte(b.key)} ⊕ ${hexByte(IPAD)} = ${hexByte(b.ipad)} (${byteBits(b.key)} ⊕ ${byteBits(IPAD)} = ${byteBits(b.ipad)}).` };
    if (n === b.key) return { kind: 'wrong', message: `${hexByte(n)} is "${first}" itself, the key block's first byte before the XOR. The inner hash's block is K′ ⊕ ipad.` };
    if (n === b.opad) return { kind: 'wrong', message: `${hexByte(n)} is ${hexByte(b.key)} ⊕ ${hexByte(OPAD)}: K′ ⊕ opad, the block of the outer hash. The inner one uses ipad, ${hexByte(IPAD)}.` };
    if (n === IPAD) return { kind: 'wrong', message: `${hexByte(n)} is 00 ⊕ ${hexByte(IPAD)}, what a padding byte becomes. The block's first byte is the key's first byte, "${first}", not padding.` };
    return { kind: 'wrong', message: `${hexByte(n)} would be ${hexByte(b.key)} ⊕ ${hexByte(n ^ b.key)}, not ⊕ ${hexByte(IPAD)}. Check the XOR bit by bit.` };
  };
  return {
    answer: 'typed',
    kind: 'Predict, then reveal',
    title: 'The first byte of the inner block',
    needsWebCrypto: true,
    prompt: [{ text: `With the key "${secretText}", what is the first byte of K′ ⊕ ipad, the block the inner hash starts with? Answer in hex.` }],
    label: 'Byte (hex)',
    hints: [
      `The key is shorter than the block, so K′ starts with the key's own bytes: the first is "${first}".`,
      `"${first}" is the byte ${hexByte(b.key)}, in bits ${byteBits(b.key)}; ipad is ${hexByte(IPAD)}, ${byteBits(IPAD)}.`,
      'XOR gives 1 where the two bits differ and 0 where they are equal; write the result back in hex, four bits per digit.',
    ],
    check,
    reveal: [{ text: `K′ ⊕ ipad starts with ${hexByte(b.ipad)}; K′ ⊕ opad, for the outer hash, starts with ${hexByte(b.opad)}.` }],
    solution: [
      { code: `  ${byteBits(b.key)}   ${hexByte(b.key)}  "${first}"\n⊕ ${byteBits(IPAD)}   ${hexByte(IPAD)}  ipad\n= ${byteBits(b.ipad)}   ${hexByte(b.ipad)}` },
    ],
  };
}

/** A base64url character is a digit when its 6-bit value is 52 to 61. */
const isDigit = (c: string) => c >= '0' && c <= '9';

/** The payload with `name` lengthened by the fewest digits 1, 2, … that make the signature start with a digit. */
export async function digitSolution(header: string, payload: string, secret: string): Promise<{ payload: string; token: string }> {
  const value = JSON.parse(payload) as Record<string, unknown>;
  for (let n = 1; ; n++) {
    const text = JSON.stringify({ ...value, name: `${String(value.name)} ${n}` });
    const { token } = await sign(header, text, secretFromText(secret));
    if (isDigit(token.split('.')[2]![0]!)) return { payload: text, token };
  }
}

async function signatureOf(header: string, payload: string, secret: string): Promise<string | undefined> {
  try {
    return (await sign(header, payload, secretFromText(secret))).token.split('.')[2];
  } catch {
    return undefined;
  }
}

export async function signatureDigit(header: string, payload: string, secret: string): Promise<TypedDefinition> {
  const worked = await digitSolution(header, payload, secret);
  const tries = Number(/ (\d+)"/.exec(worked.payload)![1]);
  const start = (await signatureOf(header, payload, secret))!;
  const digits = [...ALPHABET].filter(isDigit);
  const first = ALPHABET.indexOf(digits[0]!);
  const last = ALPHABET.indexOf(digits.at(-1)!);
  const check = async (answer: string): Promise<Feedback> => {
    if (answer === payload) return { kind: 'invalid', message: 'This is the payload as it started; change it first.' };
    const signature = await signatureOf(header, answer, secret);
    if (signature === undefined) return { kind: 'invalid', message: 'The payload must stay a JSON object, such as {"name":"Ada"}.' };
    const c = signature[0]!;
    const value = ALPHABET.indexOf(c);
    if (isDigit(c)) return { kind: 'solved', message: `Done: the signature is ${signature}, starting with "${c}".` };
    return {
      kind: 'wrong',
      message: `The signature starts with "${c}": its first 6 bits are ${value.toString(2).padStart(6, '0')}, value ${count(value)}, and the digits are ${count(first)} to ${count(last)}. No edit steers the HMAC: change the payload again and look.`,
    };
  };
  return {
    answer: 'typed',
    kind: 'Make it happen',
    title: 'A signature that starts with a digit',
    needsWebCrypto: true,
    prompt: [{ text: `Edit this payload until its HS256 signature, with the secret "${secret}" and the header ${header}, starts with a digit (0 to 9). The line under the field shows the signature as you type.` }],
    label: 'Payload',
    start: payload,
    multiline: true,
    live: async (answer) => {
      const signature = await signatureOf(header, answer, secret);
      return signature === undefined ? 'Now: not a JSON object, so nothing to sign.' : `Now: the signature is ${signature}.`;
    },
    hints: [
      `The signature's first character is its first 6 bits. ${count(digits.length)} of the 64 characters are digits, so about one payload in ${count(Math.round(64 / digits.length))} works.`,
      'HMAC gives no way to aim: one changed character gives an unrelated signature. Make small changes and watch the line under the field.',
      `Appending a number to the name is an easy way to try many payloads: "${String((JSON.parse(payload) as Record<string, unknown>).name)} 1", " 2", …`,
    ],
    check,
    solution: [
      { text: `The signature starts with "${start[0]}" at first. Appending " 1", " 2", … to the name, attempt ${count(tries)} gives the payload` },
      { code: worked.payload },
      { text: 'and the token' },
      { code: worked.token },
      { text: 'Trying until something comes out is the only way: that is what makes a MAC impossible to forge without the key.' },
    ],
  };
}
