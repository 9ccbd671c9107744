/**
 * Turns a core trace into the stages a stepper walks through: a stable key (so editing an input keeps the
 * learner on the same stage), a short label for the stage map, a status with its words, and one paragraph
 * that names the learner's actual values. Pure data in, data out: no Svelte here.
 */
import { plural } from '../../lib/format';
import { algorithmInfo, emShape, type Step } from '../../lib/jwt';
import { countText } from '../../lib/text';
import { exponentText } from './rsa-layout';
import type { TraceStep } from './trace-step';

/** A check that passed or failed; a check that was not made (an absent claim); or a stage that checks nothing. */
export type StageStatus = 'ok' | 'fail' | 'unchecked' | 'neutral';

/** The sign drawn beside a stage's label; `verdict` says the same in words. */
export const STATUS_MARKS: Record<StageStatus, string> = { ok: '✓', fail: '✗', unchecked: '–', neutral: '' };

export interface StageEntry {
  key: string;
  label: string;
  /** A signed token's step, or an encrypted token's (jwe-stages.ts makes those entries). */
  step: TraceStep;
  status: StageStatus;
  /** The status in words ("passed", "not present, not checked"); empty for a stage that checks nothing. */
  verdict: string;
  explanation: string;
}

const PART_NAMES = { header: 'header', payload: 'payload', signature: 'signature' } as const;


function codePoints(text: string): string[] {
  return Array.from(text);
}

function stageKey(step: Step): string {
  switch (step.stage) {
    case 'utf8':
    case 'base64url':
    case 'decode':
      return `${step.stage}:${step.part}`;
    case 'claim':
      return `claim:${step.name ?? step.claim}`;
    default:
      return step.stage;
  }
}

function label(step: Step): string {
  switch (step.stage) {
    case 'utf8': return `${capital(step.part)} → UTF-8`;
    case 'base64url': return `${capital(step.part)} → base64url`;
    case 'signing-input': return 'Signing input';
    case 'hmac-key': return 'HMAC key block';
    case 'hmac-inner': return 'Inner hash';
    case 'hmac-outer': return 'Outer hash';
    case 'digest': return `${step.hash} digest`;
    case 'rsa-encode': return 'PKCS#1 v1.5 padding';
    case 'rsa-sign': return 'Private-key operation';
    case 'rsa-public': return 'Public-key operation';
    case 'opaque-sign': return 'Signature';
    case 'opaque-verify': return 'Signature check';
    case 'compare': return 'Compare';
    case 'token': return 'Token';
    case 'split': return 'Split';
    case 'decode': return `Decode ${step.part}`;
    case 'algorithm': return 'Algorithm allowed?';
    case 'key-select': return 'Which key?';
    case 'key': return 'Key fits?';
    case 'claim': return step.claim === 'required' ? `Has ${step.name}?` : `Check ${step.claim}`;
  }
}

function capital(text: string): string {
  return text[0]!.toUpperCase() + text.slice(1);
}

function status(step: Step): StageStatus {
  switch (step.stage) {
    case 'algorithm':
    case 'key-select':
    case 'key':
      return step.ok ? 'ok' : 'fail';
    case 'claim':
      return step.status === 'passed' ? 'ok' : step.status === 'failed' ? 'fail' : 'unchecked';
    case 'compare':
      return step.equal ? 'ok' : 'fail';
    case 'opaque-verify':
      return step.valid ? 'ok' : 'fail';
    default:
      return 'neutral';
  }
}

/** One paragraph that names the values in this step. */
export function explain(step: Step, input = 'the signing input'): string {
  switch (step.stage) {
    case 'utf8': {
      // Characters as a person counts them; the other counts are named when they differ (an emoji, an accent).
      const count = countText(step.text);
      const same = count.characters === count.codePoints && count.codePoints === count.utf16Units;
      const units = same ? '' : ` (as you see them: ${plural(count.codePoints, 'code point')}, ${plural(count.utf16Units, 'UTF-16 code unit')} for JavaScript's length)`;
      const multi = codePoints(step.text).filter((c) => c.codePointAt(0)! > 0x7f).length;
      return `Your ${plural(count.characters, `${step.part} character`)}${units} become ${plural(step.bytes.length, 'UTF-8 byte')}.` +
        (multi ? ` ${multi} of the ${same ? 'characters' : 'code points'} are outside ASCII and take 2 to 4 bytes each.` : ' Every character is ASCII, so each is one byte.');
    }
    case 'base64url': {
      const full = Math.floor(step.bytes.length / 3);
      const rest = step.bytes.length % 3;
      return `The ${plural(step.bytes.length, `${step.part} byte`)} become ${plural(step.text.length, 'base64url character')}: ` +
        `${plural(full, 'full group')} of 3 bytes → 4 characters` +
        (rest ? `, and a last group of ${plural(rest, 'byte')} written as ${rest + 1} characters, where standard base64 would add ${plural(3 - rest, '"="')} of padding.` : ', with nothing left over, so no padding would be needed even in standard base64.');
    }
    case 'signing-input':
      return `The encoded header (${plural(step.header.length, 'character')}), a dot, and the encoded payload (${plural(step.payload.length, 'character')}) make the ${step.text.length}-character signing input. The signature covers exactly these ASCII bytes: the base64url text, not the JSON.`;
    case 'hmac-key':
      return `The secret is ${plural(step.key.length, 'byte')}. HMAC-${step.hash} works on ${step.blockBytes}-byte blocks, so the key is ` +
        (step.keyWasHashed ? `longer than a block: it is hashed first, and the ${step.keyBlock.length === step.blockBytes ? 'hash' : 'result'} is padded with zero bytes to ${step.blockBytes}.` : `padded with ${plural(step.blockBytes - step.key.length, 'zero byte')} to ${step.blockBytes}.`) +
        (step.weak ? ` It is shorter than the ${step.minimumBytes} bytes RFC 7518 asks for: fine for a demo, guessable in real use.` : ` That meets RFC 7518's minimum of ${step.minimumBytes} bytes.`);
    case 'hmac-inner':
      return `Each byte of the key block is XORed with 0x36, and the ${plural(step.message.length, 'byte')} of ${input} are appended. ${step.hash} of those ${step.keyIpad.length + step.message.length} bytes is the ${step.innerHash.length}-byte inner hash.`;
    case 'hmac-outer':
      return `The key block XORed with 0x5c, followed by the inner hash, is hashed again. These ${step.mac.length} bytes are the HMAC: the signature. WebCrypto's own HMAC of the same key and input is ${sameBytes(step.mac, step.webCrypto) ? 'identical' : 'DIFFERENT — an error'}.`;
    case 'digest':
      return `${step.hash} of the ${plural(step.input.length, 'byte')} of the signing input gives a ${step.digest.length}-byte digest. For RSA, this digest is what gets signed, after the next stage wraps and pads it.`;
    case 'rsa-encode':
      return `The key has a ${step.modulusBits}-bit modulus, so everything RSA works on is k = ${step.em.length} bytes long. ` +
        `The ${step.digest.length}-byte digest goes into a ${step.digestInfo.length}-byte DigestInfo that also names the hash (${step.hash}), ` +
        `and the encoded message EM is 00 01, then ${step.paddingBytes} bytes of FF, then 00, then the DigestInfo. ` +
        'This deterministic padding is RSASSA-PKCS1-v1_5; the key works on EM, never on the bare hash.';
    case 'rsa-sign':
      return `Signing is not "encrypting the hash". WebCrypto reads the ${step.signature.length}-byte EM as a number m and computes s = m^d mod n with the private exponent d, which never leaves it. ` +
        `To check, this page raises s to the public exponent e = ${exponentText(step.e)} modulo n with BigInt: ${step.check === step.m ? 'it gives back m exactly' : 'it does NOT give back m — an error'}.`;
    case 'rsa-public': {
      if (!step.inRange) {
        return step.signature.length !== step.em.length
          ? `The signature is ${plural(step.signature.length, 'byte')}, but with this ${step.em.length}-byte modulus a genuine one is exactly ${step.em.length}: it cannot be genuine.`
          : 'The signature, read as a number, is not below the modulus n, so no private key could have made it: it cannot be genuine.';
      }
      const layout = emShape(step.em);
      return `The verifier computes m′ = s^e mod n with the public exponent e = ${exponentText(step.e)} and writes it as ${step.em.length} bytes, EM′. ` +
        (layout.ok
          ? `EM′ has the shape of an encoded message: 00 01, ${layout.paddingBytes} bytes of FF, 00, and a DigestInfo. Nothing is "decrypted"; next, the verifier builds EM itself and compares.`
          : `EM′ does not have the shape of an encoded message: ${layout.problem} A wrong key or a changed signature gives such noise.`);
    }
    case 'opaque-sign':
      return step.randomized
        ? `${step.alg} signatures include fresh randomness: signing the same input twice gives different signatures, and both verify.`
        : `${step.alg} signatures are deterministic, but only the private key can make one.`;
    case 'opaque-verify':
      return `Without the private key a verifier cannot make the ${step.alg} signature itself; WebCrypto's check recomputes ${algorithmInfo(step.alg).recomputes} with the public key and compares. It says ${step.valid ? 'valid' : 'invalid'}.`;
    case 'compare': {
      const [what, theirs] = step.what === 'mac'
        ? ['control signature', "the token's"]
        : ['encoded message EM the verifier built', 'EM′ recovered from the signature'];
      return step.equal
        ? `All ${plural(step.expected.length, 'byte')} of the ${what} match ${theirs}. WebCrypto's constant-time check agrees: the signature is valid.`
        : step.expected.length !== step.received.length
          ? `The ${what} has ${plural(step.expected.length, 'byte')} but ${theirs} has ${step.received.length}: they cannot match.`
          : `The ${what} and ${theirs} differ, first at byte ${step.firstDifference + 1}. A naive compare would have stopped after ${plural(step.naiveBytesExamined, 'byte')}; WebCrypto looks at all of them.`;
    }
    case 'token':
      return `Header, payload and signature joined by dots: ${plural(step.token.length, 'character')} in all.`;
    case 'split':
      return step.segments.length === 3
        ? `Two dots split the token into header (${plural(step.segments[0]!.length, 'character')}), payload (${step.segments[1]!.length}) and signature (${step.segments[2]!.length}).`
        : `The token splits into ${plural(step.segments.length, 'part')}; a signed token has exactly 3.`;
    case 'decode':
      return step.bytes === undefined
        ? `The ${PART_NAMES[step.part]} is not valid base64url.`
        : step.part === 'signature'
          ? `The signature decodes to ${plural(step.bytes.length, 'byte')}.`
          : step.value === undefined
            ? `The ${step.part}'s ${plural(step.bytes.length, 'byte')} are not a JSON object.`
            : `The ${step.part} decodes to ${plural(step.bytes.length, 'byte')} of JSON with ${plural(Object.keys(step.value).length, 'member')}. Nothing in it is trusted yet.`;
    case 'algorithm':
      return step.ok
        ? `The header asks for ${String(step.alg)}, which this verifier accepts (${step.allowed.join(', ')}).`
        : `The header asks for ${JSON.stringify(step.alg)}; this verifier accepts only ${step.allowed.join(', ')}.`;
    case 'key-select': {
      const fitting = step.keys.filter((k) => k.candidate).length;
      const skipped = step.keys.filter((k) => k.rejectedBy === 'unusable').length;
      if (step.keys.length === 0) return step.message;
      return `${step.message} Of the set's ${plural(step.keys.length, 'key')}, ${fitting === 0 ? 'none fits' : fitting === 1 ? 'one fits' : `${fitting} fit`} this token` +
        (skipped ? `; ${skipped === 1 ? 'one is' : `${skipped} are`} skipped whatever the token, as keys this verifier cannot use (RFC 7517 §5).` : '.');
    }
    case 'key':
      return step.ok ? `The key is ${step.description}: it fits ${step.alg}.` : `The key is ${step.description}, which does not fit ${step.alg}.`;
    case 'claim':
      return step.message;
  }
}

function verdict(step: Step, status: StageStatus): string {
  if (step.stage === 'claim' && step.status === 'absent') return 'not present, not checked';
  return { ok: 'passed', fail: 'failed', unchecked: 'not checked', neutral: '' }[status];
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * The stages of a trace; when `failed`, the last step is where the operation stopped. `input` names what was
 * signed: a JWT's signing input unless the trace is of some other message (HMAC up close).
 */
export function stagesOf(steps: readonly Step[], failed = false, input?: string): StageEntry[] {
  return steps.map((step, i) => {
    const stageStatus = failed && i === steps.length - 1 ? 'fail' : status(step);
    return {
      key: stageKey(step),
      label: label(step),
      step,
      status: stageStatus,
      verdict: verdict(step, stageStatus),
      explanation: explain(step, input),
    };
  });
}

/**
 * Why a token was accepted, without claiming more than was checked: claims the token does not carry were
 * not checked, and a token without `exp` never expires.
 */
export function acceptedText(stages: readonly StageEntry[]): string {
  const names = (wanted: 'absent' | 'unchecked') =>
    stages.flatMap(({ step }) => (step.stage === 'claim' && step.status === wanted ? [step.name ?? step.claim] : []));
  const absent = names('absent');
  const unchecked = names('unchecked');
  if (absent.length === 0 && unchecked.length === 0) return 'The signature matches and every claim check passed.';
  const parts = ['The signature matches and every check made passed.'];
  if (absent.length > 0) parts.push(`Not in the token, so not checked: ${listText(absent)}.`);
  if (absent.includes('exp')) parts.push('Without exp, this token never expires.');
  if (unchecked.length > 0) parts.push(`Shown for information, no rule set: ${listText(unchecked)}.`);
  return parts.join(' ');
}

function listText(items: readonly string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
