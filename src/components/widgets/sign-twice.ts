/**
 * The "sign twice" experiment: for each public-key algorithm, a fresh key pair, the same header and payload
 * signed twice, and WebCrypto's verdict on both signatures. RS256 and EdDSA give the same bytes twice; PS256
 * (random salt) and ES256 (random k) do not, and every one of them still verifies.
 */
import {
  base64urlDecode, exportJwk, firstDifference, generateKeyPair, isJwtError, parseJsonObject, sign, verifyJws, type Algorithm,
} from '../../lib/jwt';

export const SIGN_TWICE_ALGORITHMS = ['RS256', 'PS256', 'ES256', 'EdDSA'] as const satisfies readonly Algorithm[];
export type SignTwiceAlgorithm = (typeof SIGN_TWICE_ALGORITHMS)[number];

export interface Signed {
  token: string;
  signature: Uint8Array;
  /** ES256 only: the raw signature is r‖s, 32 bytes each. */
  r?: Uint8Array;
  s?: Uint8Array;
  /** crypto.subtle.verify's verdict with the public key. */
  valid: boolean;
}

export interface SignedTwice {
  alg: SignTwiceAlgorithm;
  header: string;
  signatures: [Signed, Signed];
  identical: boolean;
  /** The public key that verifies both, so anyone can check them elsewhere. */
  publicJwk: JsonWebKey;
}

export type SignTwiceOutcome = SignedTwice | { alg: SignTwiceAlgorithm; error: string };

/** The header each algorithm signs: nothing in it but the algorithm and the type. */
export const headerFor = (alg: Algorithm) => JSON.stringify({ alg, typ: 'JWT' });

async function isValid(token: string, publicKey: CryptoKey, alg: Algorithm): Promise<boolean> {
  try {
    await verifyJws(token, publicKey, { algorithms: [alg] });
    return true;
  } catch (error) {
    if (isJwtError(error) && error.code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED') return false;
    throw error;
  }
}

export async function signTwice(alg: SignTwiceAlgorithm, payload: string): Promise<SignedTwice> {
  const { privateKey, publicKey } = await generateKeyPair(alg);
  const header = headerFor(alg);
  const once = async (): Promise<Signed> => {
    const { token, trace } = await sign(header, payload, privateKey, { trace: true });
    const opaque = trace?.find((step) => step.stage === 'opaque-sign');
    const signature = base64urlDecode(token.slice(token.lastIndexOf('.') + 1), 'signature');
    return { token, signature, r: opaque?.r, s: opaque?.s, valid: await isValid(token, publicKey, alg) };
  };
  const signatures: [Signed, Signed] = [await once(), await once()];
  const identical = firstDifference(signatures[0].signature, signatures[1].signature) === -1;
  return { alg, header, signatures, identical, publicJwk: await exportJwk(publicKey) };
}

/**
 * Every algorithm, side by side. A payload that is not a JSON object is refused once, at the payload, before
 * any key is made; a failure of one algorithm (a browser without Ed25519) is reported on that algorithm alone.
 */
export async function signEachTwice(payload: string): Promise<SignTwiceOutcome[]> {
  parseJsonObject(payload, 'payload');
  return Promise.all(
    SIGN_TWICE_ALGORITHMS.map((alg) =>
      signTwice(alg, payload).catch((error: unknown) => ({ alg, error: error instanceof Error ? error.message : String(error) })),
    ),
  );
}
