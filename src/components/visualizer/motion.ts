/**
 * Svelte transitions for the stages' animations that respect prefers-reduced-motion: under it they last no
 * time, so the element is in its final place at once and Svelte starts no animation or frame loop (motion is
 * never the only carrier of meaning; every beat's final picture says the same). Use them as `in:` only: an
 * `out:` keeps a leaving element in the page while it animates, so a beat's page would not be its own.
 */
import { prefersReducedMotion } from 'svelte/motion';
import { fade, fly, scale, type FadeParams, type FlyParams, type ScaleParams, type TransitionConfig } from 'svelte/transition';

const still: TransitionConfig = { duration: 0 };

export function flyIn(node: Element, params?: FlyParams): TransitionConfig {
  return prefersReducedMotion.current ? still : fly(node, params);
}

export function fadeIn(node: Element, params?: FadeParams): TransitionConfig {
  return prefersReducedMotion.current ? still : fade(node, params);
}

export function scaleIn(node: Element, params?: ScaleParams): TransitionConfig {
  return prefersReducedMotion.current ? still : scale(node, params);
}
