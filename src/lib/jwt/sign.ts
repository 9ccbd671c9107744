/** Creating a compact JWS (RFC 7515 §5.1), optionally with the trace of every stage. */
import { algorithmInfo } from './algorithms';
import { base64urlEncode } from './base64url';
import { utf8Encode } from './bytes';
import { parseJsonObject } from './json';
import type { KeyInput } from './keys/common';
import { assertKeyFits } from './keys/fit';
import { createSignature } from './signature';
import type { JsonPart, Step } from './trace';

export interface SignOptions {
  /** Return the steps as well as the token. Off by default: then signing does no extra work. */
  trace?: boolean;
}

export interface SignResult {
  token: string;
  trace?: Step[];
}

type Json = Record<string, unknown> | string;

/**
 * JSON given as text is signed exactly as written (spaces, line breaks and member order are part of the
 * signed bytes); it is still parsed first, so duplicate members and non-objects are refused.
 */
function jsonText(json: Json, part: JsonPart): { text: string; value: Record<string, unknown> } {
  if (typeof json === 'string') return { text: json, value: parseJsonObject(json, part).value };
  return { text: JSON.stringify(json), value: json };
}

/**
 * Signs a header and payload; the header's `alg` chooses the algorithm and must fit the key.
 * A JWT's payload is a JSON object; a plain JWS may carry any bytes, given as a Uint8Array.
 */
export async function sign(header: Json, payload: Json | Uint8Array, key: KeyInput, options: SignOptions = {}): Promise<SignResult> {
  const trace = options.trace === true;
  const h = jsonText(header, 'header');
  const p = payload instanceof Uint8Array ? undefined : jsonText(payload, 'payload');
  const info = algorithmInfo(h.value.alg);
  assertKeyFits(key, info.alg, 'sign');

  const headerBytes = utf8Encode(h.text);
  const payloadBytes = p ? utf8Encode(p.text) : (payload as Uint8Array);
  const headerB64 = base64urlEncode(headerBytes);
  const payloadB64 = base64urlEncode(payloadBytes);
  const signingText = `${headerB64}.${payloadB64}`;
  const signingInput = utf8Encode(signingText);
  const { signature, steps: signatureSteps } = await createSignature(info, key, signingInput, trace);
  const signatureB64 = base64urlEncode(signature);
  const token = `${signingText}.${signatureB64}`;
  if (!trace) return { token };

  const steps: Step[] = [
    { stage: 'utf8', part: 'header', text: h.text, bytes: headerBytes },
    { stage: 'base64url', part: 'header', bytes: headerBytes, text: headerB64 },
  ];
  if (p) steps.push({ stage: 'utf8', part: 'payload', text: p.text, bytes: payloadBytes });
  steps.push(
    { stage: 'base64url', part: 'payload', bytes: payloadBytes, text: payloadB64 },
    { stage: 'signing-input', header: headerB64, payload: payloadB64, text: signingText, bytes: signingInput },
    ...signatureSteps,
    { stage: 'base64url', part: 'signature', bytes: signature, text: signatureB64 },
    { stage: 'token', header: headerB64, payload: payloadB64, signature: signatureB64, token },
  );
  return { token, trace: steps };
}
