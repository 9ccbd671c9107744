/** The token core's public face: widgets import from here only. */
export { ALGORITHMS, algorithmInfo, isAlgorithm, type Algorithm, type AlgorithmInfo, type Family, type HashName } from './algorithms';
export { ALPHABET, base64urlDecode, base64urlEncode, base64urlGroups, type Base64Group } from './base64url';
export { concatBytes, findInvalidUtf8, firstDifference, fromHex, toHex, utf8Decode, utf8Encode } from './bytes';
export { checkClaims, isoDate, numericDate, type ClaimOptions } from './claims';
export { OID_NAMES, readDer, type DerNode } from './der';
export {
  JWE_PARTS, JWS_PARTS, PART_TITLES, decode, decodeSegment, inspectToken, partsOf,
  type Decoded, type EncryptedPartView, type SegmentView, type TokenPart, type TokenView,
} from './decode';
export { JwtError, isJwtError, type ErrorCode, type JwePart, type Part, type Where } from './errors';
export { lineColumn, parseJsonObject, type JsonMember, type JsonWarning, type ParsedObject } from './json';
export * from './keys';
export { annotateDer, annotateDigestInfo, type DerAnnotation } from './der';
export { parsePem, type Pem } from './pem';
export { DIGEST_INFO_PREFIX, bigIntToBytes, bytesToBigInt, modPow } from './rsa';
export { hmacSteps } from './hmac';
export { sign, type SignOptions, type SignResult } from './sign';
export type * from './trace';
export { verify, verifyJws, type JwsVerifyOptions, type JwsVerifyResult, type VerifyOptions, type VerifyResult } from './verify';
