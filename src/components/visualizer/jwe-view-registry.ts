/**
 * Where StepView finds the views of an encrypted token's stages: empty until a widget that draws JWE traces
 * registers them (jwe-views.ts), so that a page that only signs cannot reach them.
 */
import type { JweStage, ViewLoaders } from './trace-step';

let jweViews: ViewLoaders<JweStage> | undefined;

export function registerJweViews(views: ViewLoaders<JweStage>): void {
  jweViews = views;
}

/** The loader of this JWE stage's view, once registered. */
export function jweViewLoader(stage: JweStage): ViewLoaders<JweStage>[JweStage] | undefined {
  return jweViews?.[stage];
}
