/**
 * A PKCS#1 v1.5 encoded message read into its parts (pkcs1-shape.ts), with its DigestInfo's DER elements.
 * The verifier's EM′ is drawn from this.
 */
import { readDer, type DerNode } from './der';
import { DIGEST_INFO_SHAPE } from './der-shapes';
import { emShape, type EmPart } from './pkcs1-shape';

export type EmLayout =
  | { ok: true; parts: EmPart[]; paddingBytes: number; digestInfo: Uint8Array; digestInfoDer?: DerNode }
  | { ok: false; problem: string; offset: number };

/**
 * Reads EM's parts from its bytes, or says at which byte it stops looking like an encoded message. A
 * DigestInfo that parses as DER comes with its elements, named when they have DigestInfo's shape.
 */
export function emLayout(em: Uint8Array): EmLayout {
  const shape = emShape(em);
  return shape.ok ? { ...shape, digestInfoDer: tryReadDigestInfo(shape.digestInfo) } : shape;
}

function tryReadDigestInfo(digestInfo: Uint8Array): DerNode | undefined {
  try {
    return readDer(digestInfo, DIGEST_INFO_SHAPE);
  } catch {
    return undefined;
  }
}
