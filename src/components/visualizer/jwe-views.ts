/**
 * The views of an encrypted token's stages (JweStep), one loader per stage, each downloaded when its stage is
 * first shown. A widget that draws JWE traces calls `drawJweStages()` once: StepView and the planners learn these
 * stages then, so a page that only signs or verifies never reaches them (see README, "Page weight").
 */
import { registerJwePlanners } from './plan';
import { JWE_PLANNERS } from './plan/jwe-planners';
import { registerJweViews } from './jwe-view-registry';
import type { JweStage, ViewLoaders } from './trace-step';

const JWE_VIEWS: ViewLoaders<JweStage> = {
  cek: () => import('./JweBytesView.svelte'),
  'rsa-oaep': () => import('./RsaOaepView.svelte'),
  'aes-kw': () => import('./KeyWrapView.svelte'),
  'aes-gcmkw': () => import('./KeyWrapView.svelte'),
  'ecdh-es': () => import('./KeyWrapView.svelte'),
  pbes2: () => import('./KeyWrapView.svelte'),
  'protected-header': () => import('./JweHeaderView.svelte'),
  iv: () => import('./JweBytesView.svelte'),
  aad: () => import('./JweBytesView.svelte'),
  'gcm-encrypt': () => import('./GcmView.svelte'),
  'gcm-decrypt': () => import('./GcmView.svelte'),
  'cbc-hmac-encrypt': () => import('./CbcHmacView.svelte'),
  'cbc-hmac-tag': () => import('./CbcHmacView.svelte'),
  'cbc-decrypt': () => import('./CbcHmacView.svelte'),
  parts: () => import('./JwePartsView.svelte'),
  'jwe-token': () => import('./JwePartsView.svelte'),
  'jwe-split': () => import('./JwePartsView.svelte'),
  'jwe-decode': () => import('./JweHeaderView.svelte'),
  algorithms: () => import('./JweCheckView.svelte'),
  check: () => import('./JweCheckView.svelte'),
  'jwe-key': () => import('./JweCheckView.svelte'),
  plaintext: () => import('./JweBytesView.svelte'),
};

/** Lets every stepper on the page draw JWE stages. Call it once, at the top of a widget that shows them. */
export function drawJweStages(): void {
  registerJweViews(JWE_VIEWS);
  registerJwePlanners(JWE_PLANNERS);
}
