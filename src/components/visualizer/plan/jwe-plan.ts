/**
 * The plans of an encrypted token's stages (JWE): the CEK encrypted to the recipient's public key or opened
 * with the private key, AES-GCM and AES-CBC + HMAC performed, and the five parts joined. A few beats whatever
 * the input's length; each caption names the learner's bytes.
 */
import { hexPreview, plural } from '../../../lib/format';
import {
  PART_TITLES,
  type CbcDecryptStep,
  type CbcHmacEncryptStep,
  type CbcHmacTagStep,
  type GcmDecryptStep,
  type GcmEncryptStep,
  type JwePartsStep,
  type RsaOaepStep,
} from '../../../lib/jwt';
import type { Beat } from './beats';

/** What the scene shows at this beat: the input, the key at work, or the result. */
export type KeyBeat = Beat & { show: 'input' | 'key' | 'output' };

export function rsaOaepPlan(step: RsaOaepStep): readonly KeyBeat[] {
  if (step.operation === 'wrap') {
    return [
      { show: 'input', caption: `The ${plural(step.cek?.length ?? 0, 'byte')} of the CEK (${hexPreview(step.cek ?? new Uint8Array())})…` },
      { show: 'key', caption: `…are encrypted with ${step.alg} (OAEP, ${step.hash}) and the recipient's PUBLIC key: anyone may hold it…` },
      { show: 'output', caption: `…giving ${plural(step.encryptedKey.length, 'byte')} of encrypted key (${hexPreview(step.encryptedKey)}), as long as the ${step.modulusBits}-bit modulus.` },
    ];
  }
  return [
    { show: 'input', caption: `The ${plural(step.encryptedKey.length, 'byte')} of the encrypted key (${hexPreview(step.encryptedKey)})…` },
    { show: 'key', caption: `…are decrypted with ${step.alg} and the recipient's PRIVATE key, which only the recipient holds…` },
    {
      show: 'output',
      caption: step.ok && step.cek
        ? `…giving back the ${plural(step.cek.length, 'byte')} of the CEK (${hexPreview(step.cek)}).`
        : '…and OAEP decoding fails: not the key the token was made for, or a changed encrypted key. No CEK.',
    },
  ];
}

/** AES-GCM: the plaintext encrypted, then the tag; on decrypt, the tag recomputed and compared first. */
export type GcmBeat = Beat & { show: 'input' | 'ciphertext' | 'tag' | 'verdict' | 'plaintext' };

export function gcmEncryptPlan(step: GcmEncryptStep): readonly GcmBeat[] {
  return [
    { show: 'input', caption: `${step.enc} takes the CEK, the IV, the AAD and ${plural(step.plaintext.length, 'byte')} of plaintext (${hexPreview(step.plaintext)})…` },
    { show: 'ciphertext', caption: `…XORs the plaintext with its key stream: ${plural(step.ciphertext.length, 'byte')} of ciphertext (${hexPreview(step.ciphertext)}), as many as the plaintext…` },
    { show: 'tag', caption: `…and computes the ${step.tag.length}-byte authentication tag over the AAD and the ciphertext: ${hexPreview(step.tag, 16)}.` },
  ];
}

export function gcmDecryptPlan(step: GcmDecryptStep): readonly GcmBeat[] {
  const beats: GcmBeat[] = [
    { show: 'input', caption: `${step.enc} takes the CEK, the IV, the AAD, ${plural(step.ciphertext.length, 'byte')} of ciphertext and the token's ${step.tag.length}-byte tag (${hexPreview(step.tag)})…` },
    {
      show: 'verdict',
      caption: step.ok
        ? '…recomputes the tag over the AAD and the ciphertext: it matches…'
        : '…recomputes the tag over the AAD and the ciphertext: it does NOT match, so nothing is decrypted.',
    },
  ];
  if (step.ok && step.plaintext) beats.push({ show: 'plaintext', caption: `…and only then decrypts: ${plural(step.plaintext.length, 'byte')} of plaintext (${hexPreview(step.plaintext)}).` });
  return beats;
}

/** AES-CBC + HMAC (RFC 7518 §5.2): the CEK split, padding, encryption, the MAC input, the tag. */
export type CbcBeat = Beat & { show: 'split' | 'padding' | 'ciphertext' | 'mac' | 'tag' | 'verdict' | 'plaintext' };

export function cbcHmacEncryptPlan(step: CbcHmacEncryptStep): readonly CbcBeat[] {
  return [
    { show: 'split', caption: `The ${step.macKey.length + step.encKey.length}-byte CEK splits in two: MAC key ${hexPreview(step.macKey, 4)} and AES key ${hexPreview(step.encKey, 4)}.` },
    { show: 'padding', caption: `PKCS#7 pads the ${plural(step.plaintext.length, 'plaintext byte')} with ${plural(step.padding.length, 'byte')} of value ${step.padding.length} to ${step.paddedPlaintext.length}, a whole number of 16-byte blocks.` },
    { show: 'ciphertext', caption: `AES-CBC with the AES key and the IV encrypts them: ${plural(step.ciphertext.length, 'byte')} of ciphertext (${hexPreview(step.ciphertext)}).` },
    { show: 'mac', caption: `HMAC-${step.hash} with the MAC key over AAD ‖ IV ‖ ciphertext ‖ AL (${plural(step.macInput.length, 'byte')}) gives ${plural(step.hmac.length, 'byte')}…` },
    { show: 'tag', caption: `…and the tag is its first half: ${hexPreview(step.tag, 16)}.` },
  ];
}

export function cbcHmacTagPlan(step: CbcHmacTagStep): readonly CbcBeat[] {
  return [
    { show: 'split', caption: `The CEK splits in two: the first ${step.macKey.length} bytes are the MAC key, the last ${step.encKey.length} the AES key.` },
    { show: 'mac', caption: `HMAC-${step.hash} with the MAC key over AAD ‖ IV ‖ ciphertext ‖ AL (${plural(step.macInput.length, 'byte')}); its first half is ${hexPreview(step.computedTag, 16)}…` },
    {
      show: 'verdict',
      caption: step.ok
        ? `…equal to the token's tag, so the ciphertext may be decrypted.`
        : `…not the token's tag (${hexPreview(step.receivedTag, 16)}): something was changed, and nothing is decrypted.`,
    },
  ];
}

export function cbcDecryptPlan(step: CbcDecryptStep): readonly CbcBeat[] {
  return [
    { show: 'ciphertext', caption: `AES-CBC with the AES key decrypts ${plural(step.ciphertext.length, 'byte')} of ciphertext…` },
    { show: 'plaintext', caption: `…and removes ${plural(step.padding.length, 'byte')} of padding: ${plural(step.plaintext.length, 'byte')} of plaintext (${hexPreview(step.plaintext)}).` },
  ];
}

/** The five parts encoded one after the other. */
export type PartsBeat = Beat & { parts: number };

export function partsPlan(step: JwePartsStep): readonly PartsBeat[] {
  return step.parts.map((part, i) => ({
    parts: i + 1,
    caption: `${PART_TITLES[part.part]}: ${plural(part.bytes.length, 'byte')} → ${plural(part.text.length, 'base64url character')}.`,
  }));
}
