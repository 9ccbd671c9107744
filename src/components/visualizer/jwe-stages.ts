/**
 * Turns an encrypted token's trace (JweStep) into the stages a stepper walks through, like stages.ts does for a
 * signed token's: a stable key, a short label, a status with its words and one paragraph naming the learner's
 * values. Pure data in, data out.
 */
import { PART_TITLES, type JweStep } from '../../lib/jwt';
import { hexPreview, plural } from '../../lib/format';
import type { StageEntry, StageStatus } from './stages';

const CEK_SOURCES = {
  random: 'fresh random bytes from the browser',
  given: "the bytes you fixed (RFC 7516's CEK)",
  'direct-key': 'the shared key itself (dir)',
  'key-agreement': 'the ECDH-ES key agreement',
  unwrapped: 'the encrypted key, opened by key management',
} as const;

function stageKey(step: JweStep): string {
  switch (step.stage) {
    case 'jwe-decode':
      return `jwe-decode:${step.part}`;
    case 'check':
      return `check:${step.name}`;
    default:
      return step.stage;
  }
}

function label(step: JweStep): string {
  switch (step.stage) {
    case 'cek': return step.source === 'unwrapped' ? 'CEK recovered' : 'Content key (CEK)';
    case 'rsa-oaep': return step.operation === 'wrap' ? 'Encrypt the CEK (public key)' : 'Decrypt the CEK (private key)';
    case 'aes-kw': return 'AES key wrap';
    case 'aes-gcmkw': return 'AES-GCM key wrap';
    case 'ecdh-es': return 'ECDH-ES agreement';
    case 'pbes2': return 'PBES2 password key';
    case 'protected-header': return 'Protected header';
    case 'iv': return 'IV';
    case 'aad': return 'AAD';
    case 'gcm-encrypt': return 'AES-GCM encrypt';
    case 'gcm-decrypt': return 'AES-GCM tag check + decrypt';
    case 'cbc-hmac-encrypt': return 'AES-CBC + HMAC';
    case 'cbc-hmac-tag': return 'HMAC tag check';
    case 'cbc-decrypt': return 'AES-CBC decrypt';
    case 'parts': return 'Five parts';
    case 'jwe-token': return 'Token';
    case 'jwe-split': return 'Split';
    case 'jwe-decode': return `Decode ${PART_TITLES[step.part].toLowerCase()}`;
    case 'algorithms': return 'alg and enc allowed?';
    case 'check': return `Check ${step.name}`;
    case 'jwe-key': return 'Key fits?';
    case 'plaintext': return 'Plaintext';
  }
}

function status(step: JweStep): StageStatus {
  switch (step.stage) {
    case 'rsa-oaep':
      // Encrypting the CEK checks nothing; decrypting it can fail.
      return step.operation === 'wrap' ? 'neutral' : step.ok ? 'ok' : 'fail';
    case 'aes-kw':
    case 'aes-gcmkw':
    case 'gcm-decrypt':
    case 'cbc-hmac-tag':
    case 'algorithms':
    case 'check':
    case 'jwe-key':
      return step.ok ? 'ok' : 'fail';
    default:
      return 'neutral';
  }
}

/** "the recipient's public key" or "the private key", from what WebCrypto was given. */
export function explainJwe(step: JweStep): string {
  switch (step.stage) {
    case 'cek':
      return step.source === 'unwrapped'
        ? `Key management gave back the ${plural(step.cek.length, 'byte')} of the content encryption key (CEK): the same key the sender drew, ${hexPreview(step.cek, 4)}.`
        : `The content encryption key (CEK) is ${plural(step.cek.length, 'byte')} (${step.cek.length * 8} bits, what ${step.enc} needs), from ${CEK_SOURCES[step.source]}. It encrypts this one token's content and is never used again.`;
    case 'rsa-oaep':
      if (step.operation === 'wrap') {
        return `${step.alg} (OAEP padding with ${step.hash}) encrypts the ${plural(step.cek?.length ?? 0, 'byte')} CEK with the recipient's PUBLIC key into ${plural(step.encryptedKey.length, 'byte')} of encrypted key, as long as the ${step.modulusBits}-bit modulus. The sender needs nothing secret: only the holder of the private key can open it.`;
      }
      return step.ok && step.cek
        ? `The recipient's PRIVATE key (${step.modulusBits}-bit modulus) decrypts the ${plural(step.encryptedKey.length, 'byte')} of encrypted key with ${step.alg}: the ${plural(step.cek.length, 'byte')} of the CEK come back.`
        : `${step.alg} could not open the ${plural(step.encryptedKey.length, 'byte')} of the encrypted key with this private key: either it is not the key the token was encrypted to, or the encrypted key was changed. Without the CEK nothing can be decrypted.`;
    case 'aes-kw':
      return step.ok
        ? `AES key wrap (RFC 3394) with a ${step.kekBits}-bit key-encryption key: ${plural(step.cek?.length ?? 0, 'byte')} of CEK ↔ ${plural(step.wrappedKey.length, 'byte')} of wrapped key (8 bytes more, its integrity check).`
        : 'Unwrapping failed its integrity check: a wrong key, or a changed encrypted key.';
    case 'aes-gcmkw':
      return step.ok
        ? `AES-GCM with a ${step.kekBits}-bit key encrypts the CEK; its ${step.iv.length}-byte IV and ${step.tag.length}-byte tag travel in the header as iv and tag.`
        : 'The key wrap tag did not match: a wrong key, or a changed encrypted key or header.';
    case 'ecdh-es':
      return `ECDH-ES on ${step.crv}: the sender's ephemeral key and the recipient's key agree on a ${step.z.length}-byte secret, and the Concat KDF derives ${plural(step.derivedKey.length, 'byte')} from it (${step.mode === 'direct' ? 'the CEK itself' : 'the key that wraps the CEK'}).`;
    case 'pbes2':
      return `PBKDF2 with ${step.hash}, ${step.p2c} iterations and a ${step.p2s.length}-byte salt turns the password into a ${step.kek.length}-byte key that wraps the CEK.`;
    case 'protected-header': {
      const added = step.added.length ? ` Key management added ${step.added.join(', ')}.` : '';
      return `The protected header, ${plural(step.bytes.length, 'UTF-8 byte')}, becomes ${plural(step.b64.length, 'base64url character')}: the only part of a JWE anyone can read. alg = ${String(step.value.alg)} says how the CEK travels, enc = ${String(step.value.enc)} how the content is encrypted.${added}`;
    }
    case 'iv':
      return `The initialization vector: ${plural(step.iv.length, 'byte')}, ${step.source === 'random' ? 'fresh random bytes' : "the bytes you fixed (RFC 7516's IV)"}. It is not secret, but with the same key it must never repeat: AES-GCM with a repeated IV gives away the key stream.`;
    case 'aad':
      return `The additional authenticated data is the ASCII text of the encoded protected header, ${plural(step.bytes.length, 'byte')}. It is not encrypted, but the tag covers it: change one header character and the tag no longer matches.`;
    case 'gcm-encrypt':
      return `AES-GCM with the ${step.enc === 'A128GCM' ? 128 : step.enc === 'A192GCM' ? 192 : 256}-bit CEK turns ${plural(step.plaintext.length, 'plaintext byte')} into as many ciphertext bytes (${step.ciphertext.length}), and computes a ${step.tag.length}-byte authentication tag over the AAD and the ciphertext.`;
    case 'gcm-decrypt':
      return step.ok
        ? `AES-GCM recomputes the tag over the AAD and the ${plural(step.ciphertext.length, 'ciphertext byte')}; it matches the token's ${step.tag.length}-byte tag, so the ciphertext is decrypted to ${plural(step.plaintext?.length ?? 0, 'byte')}.`
        : `AES-GCM recomputed the tag over the AAD (the header), the IV and the ciphertext, and it does not match the token's tag: something was changed, so nothing is decrypted.`;
    case 'cbc-hmac-encrypt':
      return `${step.enc} splits the ${step.macKey.length + step.encKey.length}-byte CEK: the first ${step.macKey.length} bytes are the MAC key, the last ${step.encKey.length} the AES key. PKCS#7 adds ${plural(step.padding.length, 'byte')} of padding, so ${step.plaintext.length} plaintext bytes become ${step.ciphertext.length} ciphertext bytes; HMAC-${step.hash} over AAD ‖ IV ‖ ciphertext ‖ AL gives ${step.hmac.length} bytes, and the tag is its first ${step.tag.length}.`;
    case 'cbc-hmac-tag':
      return step.ok
        ? `HMAC-${step.hash} over AAD ‖ IV ‖ ciphertext ‖ AL, first ${step.computedTag.length} bytes, equals the token's tag: only now is anything decrypted.`
        : `The tag computed over AAD ‖ IV ‖ ciphertext ‖ AL (${hexPreview(step.computedTag, 4)}) is not the token's (${hexPreview(step.receivedTag, 4)}): something was changed, so nothing is decrypted.`;
    case 'cbc-decrypt':
      return `AES-CBC with the last half of the CEK decrypts ${plural(step.ciphertext.length, 'byte')} and removes ${plural(step.padding.length, 'byte')} of PKCS#7 padding: ${plural(step.plaintext.length, 'byte')} of plaintext.`;
    case 'parts':
      return `Five parts, each base64url: ${step.parts.map((p) => `${PART_TITLES[p.part].toLowerCase()} ${p.text.length}`).join(', ')} characters.`;
    case 'jwe-token':
      return `The five parts joined by four dots: ${plural(step.token.length, 'character')}. Only the header can be read without the private key.`;
    case 'jwe-split':
      return step.segments.length === 5
        ? `Four dots split the token into five parts: header (${step.segments[0]!.length} characters), encrypted key (${step.segments[1]!.length}), IV (${step.segments[2]!.length}), ciphertext (${step.segments[3]!.length}) and tag (${step.segments[4]!.length}).`
        : `The token splits into ${plural(step.segments.length, 'part')}; an encrypted token has exactly 5.`;
    case 'jwe-decode':
      return step.bytes === undefined
        ? `The ${PART_TITLES[step.part].toLowerCase()} is not valid base64url.`
        : step.part === 'header'
          ? step.value === undefined
            ? `The header's ${plural(step.bytes.length, 'byte')} are not a JSON object.`
            : `The protected header decodes to JSON with ${plural(Object.keys(step.value).length, 'member')}. Nothing in it is trusted yet.`
          : `The ${PART_TITLES[step.part].toLowerCase()} decodes to ${plural(step.bytes.length, 'byte')}${step.part === 'ciphertext' ? ': unreadable without the CEK' : ''}.`;
    case 'algorithms':
      return step.ok
        ? `The header asks for alg ${String(step.alg)} and enc ${String(step.enc)}; this recipient accepts ${step.allowedAlg.join(', ')} and ${step.allowedEnc.join(', ')}.`
        : `The header asks for alg ${JSON.stringify(step.alg)} and enc ${JSON.stringify(step.enc)}; this recipient accepts only ${step.allowedAlg.join(', ')} with ${step.allowedEnc.join(', ')}.`;
    case 'check':
      return step.message;
    case 'jwe-key':
      return step.ok ? `The key is ${step.description}: it fits ${step.alg}.` : `The key is ${step.description}, which cannot decrypt ${step.alg}.`;
    case 'plaintext':
      return step.text === undefined
        ? `${plural(step.bytes.length, 'byte')} of plaintext, not valid UTF-8 text.`
        : `The plaintext: ${plural(step.bytes.length, 'byte')} of UTF-8, exactly what the sender encrypted.`;
  }
}

function verdict(status: StageStatus): string {
  return { ok: 'passed', fail: 'failed', unchecked: 'not checked', neutral: '' }[status];
}

/** The stages of an encrypt or decrypt trace; when `failed`, the last step is where decryption stopped. */
export function jweStagesOf(steps: readonly JweStep[], failed = false): StageEntry[] {
  return steps.map((step, i) => {
    const stageStatus = failed && i === steps.length - 1 ? 'fail' : status(step);
    return { key: stageKey(step), label: label(step), step, status: stageStatus, verdict: verdict(stageStatus), explanation: explainJwe(step) };
  });
}
