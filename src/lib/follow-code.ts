/**
 * A follow code: what a teacher reads out so students open the same place, "4-2-3" for chapter 4, its second
 * widget, stage 3. Short on purpose (it carries no inputs: the widgets open on their examples; a link carries
 * inputs). On the chapter page it becomes the fragment #follow=<widget>-<stage>.
 */
export interface FollowPlace {
  chapter: number;
  widget: number;
  stage: number;
}

export const FOLLOW_PREFIX = 'follow=';

/** Reads a code as typed ("4-2-3", "4.2.3", "4 2 3"), or says what is wrong with it. */
export function readFollowCode(typed: string): FollowPlace | { problem: string } {
  const text = typed.trim();
  if (text === '') return { problem: 'Type the code your presenter shows, three numbers like 4-2-3.' };
  const match = /^(\d{1,3})\s*[-.\s]\s*(\d{1,3})\s*[-.\s]\s*(\d{1,3})$/.exec(text);
  if (match === null) return { problem: `"${text.slice(0, 20)}" is not a code: it is three numbers, like 4-2-3 (chapter, widget, stage).` };
  const [chapter, widget, stage] = match.slice(1).map(Number) as [number, number, number];
  if (chapter === 0 || widget === 0 || stage === 0) return { problem: 'Each number of a code starts at 1, like 4-2-3.' };
  return { chapter, widget, stage };
}

export function followCode(place: FollowPlace): string {
  return `${place.chapter}-${place.widget}-${place.stage}`;
}

export function followFragment(widget: number, stage: number): string {
  return `${FOLLOW_PREFIX}${widget}-${stage}`;
}

/** The widget and stage a chapter page's hash names (#follow=2-3), or undefined for any other hash. */
export function readFollowFragment(hash: string): { widget: number; stage: number } | undefined {
  const match = /^#?follow=(\d{1,3})-(\d{1,3})$/.exec(hash);
  if (match === null) return undefined;
  const [widget, stage] = match.slice(1).map(Number) as [number, number];
  return widget > 0 && stage > 0 ? { widget, stage } : undefined;
}
