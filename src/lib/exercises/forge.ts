/**
 * Forge or refuse: produce a token that a given verifier accepts, with a given claim. The verifier is the core's
 * own `verify`, configured here; a refusal is explained from the core's error, with the usual slips (a payload
 * edited after signing, the secret read as base64url, `alg: none`) named.
 */
import { decode, isJwtError, secretFromBase64url, secretFromText, sign, verify, type Algorithm } from '../jwt';
import type { Feedback } from './feedback';

export interface ForgeTask {
  /** The verifier's shared secret, read as UTF-8 text. */
  readonly secret: string;
  readonly algorithms: readonly Algorithm[];
  /** The verifier's clock, fixed so the exercise does not expire with the example's `exp`. */
  readonly now: string;
  /** The claim the accepted token must carry. */
  readonly claim: string;
  readonly value: string;
}

/** The chapter's verifier: the guide's secret, HS256 only, its clock an hour after the example's `iat`. */
export const ADA_TASK: ForgeTask = { secret: 'super-secret', algorithms: ['HS256'], now: '2023-06-25T19:13:05Z', claim: 'name', value: 'Ada' };

export async function checkForgery(task: ForgeTask, answer: string): Promise<Feedback> {
  const token = answer.trim();
  if (token === '') return { kind: 'invalid', message: 'Paste a token: three base64url parts joined by dots.' };
  const options = { algorithms: task.algorithms, currentDate: new Date(task.now) };
  try {
    const { payload } = await verify(token, secretFromText(task.secret), options);
    const got = payload[task.claim];
    if (got === task.value) return { kind: 'solved', message: `Accepted: the signature matches under the secret, and "${task.claim}" is "${task.value}".` };
    return {
      kind: 'wrong',
      message: `The verifier accepts this token, but its "${task.claim}" is ${got === undefined ? 'missing' : JSON.stringify(got)}, not "${task.value}". Change the payload, then sign it again.`,
    };
  } catch (error) {
    if (!isJwtError(error)) throw error;
    if (error.code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED') {
      if (await acceptedWith(token, secretFromBase64Safe(task.secret), options)) {
        return { kind: 'wrong', message: `Refused: this token was signed with "${task.secret}" read as base64url bytes, and this verifier reads the secret as text. Switch the secret to text and sign again.` };
      }
      return {
        kind: 'wrong',
        message: `Refused: the signature is not the HMAC of this header and payload under "${task.secret}". If you edited the payload of a signed token, its signature still belongs to the old payload: sign the new one.`,
      };
    }
    if (error.code === 'ERR_JOSE_ALG_NOT_ALLOWED') {
      const alg = algOf(token);
      const why = alg === 'none' ? '"none" means no signature at all, and a careful verifier never accepts it' : `its header says "${alg ?? '?'}"`;
      return { kind: 'wrong', message: `Refused: this verifier accepts only ${task.algorithms.join(', ')}, and ${why}.` };
    }
    return { kind: 'wrong', message: `Refused: ${error.message}` };
  }
}

function secretFromBase64Safe(text: string): Uint8Array | undefined {
  try {
    return secretFromBase64url(text);
  } catch {
    return undefined;
  }
}

async function acceptedWith(token: string, key: Uint8Array | undefined, options: { algorithms: readonly Algorithm[]; currentDate: Date }): Promise<boolean> {
  if (key === undefined) return false;
  try {
    await verify(token, key, options);
    return true;
  } catch {
    return false;
  }
}

function algOf(token: string): string | undefined {
  try {
    const alg = decode(token).header.alg;
    return typeof alg === 'string' ? alg : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A worked answer: the payload with the claim set to the task's value (its other members in their order),
 * signed under the task's secret.
 */
export async function forgeSolution(task: ForgeTask, header: string, payload: string): Promise<{ payload: string; token: string }> {
  const parsed = JSON.parse(payload) as Record<string, unknown>;
  const text = JSON.stringify({ ...parsed, [task.claim]: task.value });
  const { token } = await sign(header, text, secretFromText(task.secret));
  return { payload: text, token };
}
