/**
 * The decode-only face of the core: taking a token apart without a key. A widget that only decodes imports
 * this instead of index.ts, so its page does not download the signing, key and DER code (index.ts reaches
 * every module; this reaches only decode.ts and what it needs).
 */
export { toHex } from './bytes';
export {
  JWE_PARTS, JWS_PARTS, PART_TITLES, decode, decodeSegment, inspectToken, partsOf,
  type Decoded, type EncryptedPartView, type SegmentView, type TokenPart, type TokenView,
} from './decode';
export { JwtError, isJwtError, type ErrorCode, type Part, type Where } from './errors';
