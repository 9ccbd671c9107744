/**
 * Where StepView finds the views of an encrypted token's stages: empty until a widget that draws JWE traces
 * registers them (jwe-views.ts), so that a page that only signs cannot reach them. The same for a JWK Set's
 * key choice (key-set-views.ts), registered by a widget that verifies with a key set.
 */
import type { JweStage, KeySetStage, ViewLoaders } from './trace-step';

let jweViews: ViewLoaders<JweStage> | undefined;

export function registerJweViews(views: ViewLoaders<JweStage>): void {
  jweViews = views;
}

/** The loader of this JWE stage's view, once registered. */
export function jweViewLoader(stage: JweStage): ViewLoaders<JweStage>[JweStage] | undefined {
  return jweViews?.[stage];
}

let keySetViews: ViewLoaders<KeySetStage> | undefined;

export function registerKeySetViews(views: ViewLoaders<KeySetStage>): void {
  keySetViews = views;
}

/** The loader of a key set stage's view, once registered. */
export function keySetViewLoader(stage: KeySetStage): ViewLoaders<KeySetStage>[KeySetStage] | undefined {
  return keySetViews?.[stage];
}
