/**
 * The token core's public face: widgets import from here only. A page still downloads only the modules
 * what it imports needs: the core is declared free of side effects in astro.config.mjs.
 */
export { ALGORITHMS, algorithmInfo, hmacAlgorithm, isAlgorithm, type Algorithm, type AlgorithmInfo, type Family, type HashName } from './algorithms';
export { ALPHABET, base64urlDecode, base64urlValue, base64urlEncode, base64urlGroups, type Base64Group } from './base64url';
export { concatBytes, findInvalidUtf8, firstDifference, fromHex, toHex, utf8Decode, utf8Encode, utf8Length } from './bytes';
export { checkClaims, isoDate, numericDate, type ClaimOptions } from './claims';
export { OID_NAMES, readDer, type DerNode, type DerShape } from './der';
export { DIGEST_INFO_SHAPE, PKCS8_SHAPE, SPKI_SHAPE } from './der-shapes';
export {
  JWE_PARTS, JWS_PARTS, PART_TITLES, decode, decodeSegment, inspectToken, partsOf,
  type Decoded, type EncryptedPartView, type SegmentView, type TokenPart, type TokenView,
} from './decode';
export { JwtError, isJwtError, type ErrorCode, type JwePart, type Part, type Where } from './errors';
export { lineColumn, parseJsonObject, type JsonMember, type JsonWarning, type ParsedObject } from './json';
export { assertKeyFits, describeKey, keyWarnings } from './keys/fit';
export { generateKeyPair, generateSecret } from './keys/generate';
export { exportJwk, importJwk, publicJwk } from './keys/jwk';
export { exportPem, importPem } from './keys/pem';
export { checkHmacSecret, secretFromBase64url, secretFromText } from './keys/secret';
export { parseKeySet, selectKey, verifyJwsWithKeySet, verifyWithKeySet, type KeySelection, type KeySet, type KeySetEntry } from './keys/set';
export { importKeyText } from './keys/text';
export { thumbprint, thumbprintInput } from './keys/thumbprint';
export type { KeyDescription, KeyInput } from './keys/common';
export { parsePem, type Pem } from './pem';
export { DIGEST_INFO_PREFIX, bigIntToBytes, bytesToBigInt, modPow } from './rsa';
export { emLayout, type EmLayout } from './pkcs1';
export { emShape, type EmPart, type EmPartName, type EmShape } from './pkcs1-shape';
export { IPAD, OPAD, hmacSteps } from './hmac';
export { sign, type SignOptions, type SignResult } from './sign';
export type * from './trace';
export { verify, verifyJws, type JwsVerifyOptions, type JwsVerifyResult, type VerifyOptions, type VerifyResult } from './verify';
export {
  CONTENT_ENCRYPTION_ALGORITHMS, KEY_MANAGEMENT_ALGORITHMS, contentEncryptionInfo, keyManagementInfo,
  type ContentEncryptionAlgorithm, type ContentEncryptionInfo, type KeyManagementAlgorithm, type KeyManagementFamily, type KeyManagementInfo,
} from './jwe/algorithms';
export { aesError } from './jwe/aes';
export { decrypt, type DecryptOptions, type DecryptResult } from './jwe/decrypt';
export { encrypt, type EncryptOptions, type EncryptResult } from './jwe/encrypt';
export type { JweHeaderInput } from './jwe/header';
export type { JweKey } from './jwe/keys';
export { nestJwt, openNested, type OpenNestedOptions, type OpenNestedResult } from './jwe/nested';
export type * from './jwe/trace';
