/**
 * The exercises written as definitions (src/lib/exercises/definition.ts), by id: each loads its chapter's module
 * only when its island mounts, with the example it is built on (the guide's token, RFC 7515's key).
 */
import type { ExerciseDefinition } from '../../lib/exercises/definition';
import { GUIDE_HEADER, GUIDE_PAYLOAD, GUIDE_SECRET } from '../widgets/guide-example';
import { RFC7515_A2_HEADER, RFC7515_A2_JWK, RFC7515_A2_PAYLOAD } from '../widgets/rfc7515-example';

const guide = { header: GUIDE_HEADER, payload: GUIDE_PAYLOAD, secret: GUIDE_SECRET };
/** The verifier's clock in chapter 5's visualizer: an hour after the example's iat. */
const GUIDE_CLOCK = '2023-06-25T19:13:05Z';

const reading = () => import('../../lib/exercises/reading-tokens');
const verifying = () => import('../../lib/exercises/verifier-stages');
const hmac = () => import('../../lib/exercises/hmac-inside');
const rsa = () => import('../../lib/exercises/rsa-signatures');

const DEFINITIONS: Record<string, () => Promise<ExerciseDefinition>> = {
  // what-is-jwt
  'read-claim': () => reading().then((m) => m.readClaim('name')),
  'which-parts-change': () => reading().then((m) => m.whichPartsChange('name', 'Ada')),
  unsecured: () => reading().then((m) => m.unsecuredToken()),
  // verifying-a-token
  'exp-boundary': () => verifying().then((m) => m.expiryBoundary(guide)),
  'clock-tolerance': () => verifying().then((m) => m.clockTolerance(guide, 90)),
  'tamper-stage': () => verifying().then((m) => m.tamperStage(guide, GUIDE_CLOCK, 1, 12)),
  // hs256
  'key-block-padding': () => hmac().then((m) => m.keyBlockPadding('a secret far longer than the block: ' + 'correct horse battery staple '.repeat(3).slice(0, 64))),
  'ipad-byte': () => hmac().then((m) => m.ipadByte('Jefe')),
  'signature-digit': () => hmac().then((m) => m.signatureDigit(GUIDE_HEADER, GUIDE_PAYLOAD, GUIDE_SECRET)),
  // rs256
  'signature-length': () => rsa().then((m) => m.signatureLength(3072)),
  'em-difference': () => rsa().then((m) => m.firstEmDifference(RFC7515_A2_JWK, RFC7515_A2_HEADER, RFC7515_A2_PAYLOAD, RFC7515_A2_PAYLOAD.replace('"joe"', '"ann"'))),
  'wrong-key': () => rsa().then((m) => m.wrongKey(RFC7515_A2_JWK, RFC7515_A2_HEADER, RFC7515_A2_PAYLOAD)),
};

export function loadExercise(id: string): Promise<ExerciseDefinition> {
  const load = DEFINITIONS[id];
  return load ? load() : Promise.reject(new Error(`No exercise is defined with the id "${id}".`));
}
