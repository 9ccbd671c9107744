/**
 * What the byte views' tests share: the utf8 and base64url steps of a real signing trace, a text's characters'
 * bytes, and RFC 4231's HMAC test cases traced by the core.
 */
import { algorithmInfo, fromHex, hmacSteps, secretFromText, sign, type Base64urlStep, type Utf8Step } from '../../../../src/lib/jwt';
import { splitCodePoints } from '../../../../src/components/visualizer/utf8-layout';
import { loadVectors } from '../../vectors';

const SECRET = secretFromText('a-string-secret-at-least-256-bits-long');

export async function traceOf(payload: string): Promise<{ utf8: Utf8Step[]; base64: Base64urlStep[] }> {
  const { trace } = await sign({ alg: 'HS256', typ: 'JWT' }, payload, SECRET, { trace: true });
  return {
    utf8: trace!.filter((s): s is Utf8Step => s.stage === 'utf8'),
    base64: trace!.filter((s): s is Base64urlStep => s.stage === 'base64url'),
  };
}

/** The characters and their bytes as the view draws them: one slice of the step's bytes per code point. */
export function charBytes(text: string, bytes: Uint8Array): Uint8Array[] {
  const layout = splitCodePoints(text);
  return Array.from({ length: layout.count }, (_, i) => bytes.subarray(layout.byteStart[i], layout.byteStart[i + 1]));
}

interface Rfc4231 {
  vectors: { test_case: number; key_hex: string; data_hex: string; expected_hex: Record<string, string> }[];
}
const rfc4231 = loadVectors<Rfc4231>('rfc4231.json');

/** RFC 4231's HMAC test case `n`. */
export const testCase = (n: number) => rfc4231.vectors.find((v) => v.test_case === n)!;

/** The core's three HMAC steps for a key and message given in hex. */
export async function hmacTrace(alg: 'HS256' | 'HS384' | 'HS512', keyHex: string, dataHex: string) {
  return hmacSteps(algorithmInfo(alg), fromHex(keyHex), fromHex(dataHex));
}
