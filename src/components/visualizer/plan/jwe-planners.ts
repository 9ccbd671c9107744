/**
 * The planners of an encrypted token's stages (JweStep), one per stage, so a new JWE stage is a compile error
 * here until it says how it animates. Registered with their views (jwe-views.ts) by the widgets that draw JWE
 * traces, so a page that only signs never reaches them.
 */
import type { JweStage } from '../trace-step';
import type { Planner } from './beats';
import { finalOnly } from './final-only';

export const JWE_PLANNERS = {
  cek: finalOnly,
  'rsa-oaep': () => import('./jwe-plan').then((m) => m.rsaOaepPlan),
  'aes-kw': finalOnly,
  'aes-gcmkw': finalOnly,
  'ecdh-es': finalOnly,
  pbes2: finalOnly,
  'protected-header': finalOnly,
  iv: finalOnly,
  aad: finalOnly,
  'gcm-encrypt': () => import('./jwe-plan').then((m) => m.gcmEncryptPlan),
  'gcm-decrypt': () => import('./jwe-plan').then((m) => m.gcmDecryptPlan),
  'cbc-hmac-encrypt': () => import('./jwe-plan').then((m) => m.cbcHmacEncryptPlan),
  'cbc-hmac-tag': () => import('./jwe-plan').then((m) => m.cbcHmacTagPlan),
  'cbc-decrypt': () => import('./jwe-plan').then((m) => m.cbcDecryptPlan),
  parts: () => import('./jwe-plan').then((m) => m.partsPlan),
  'jwe-token': finalOnly,
  'jwe-split': finalOnly,
  'jwe-decode': finalOnly,
  algorithms: finalOnly,
  check: finalOnly,
  'jwe-key': finalOnly,
  plaintext: finalOnly,
} satisfies { [S in JweStage]: Planner<S> | (() => Promise<Planner<S>>) };
