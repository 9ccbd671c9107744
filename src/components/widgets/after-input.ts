/**
 * When a widget recomputes after an input changed: after the browser has drawn the keystroke, so typing
 * never waits for the work, and once for a burst of keystrokes, since each new input cancels the run the
 * last one scheduled (return the cancel function from the `$effect` that calls this). An ordinary input is
 * recomputed right after the next frame (or after FRAME_WAIT_MS if no frame comes); a large one, whose work
 * takes longer than a frame, once typing pauses, so a 200 KB payload stays as quick to type in as a short one.
 */

/** Inputs longer than this (in UTF-16 units) wait for a pause in typing. */
export const LARGE_INPUT = 20_000;
/** How long typing must pause before a large input is recomputed. */
export const PAUSE_MS = 300;
/**
 * The longest an ordinary input waits for a frame: a hidden tab draws none, and a headless browser on a busy
 * machine can stop drawing for a while. The work must not wait for a frame that never comes.
 */
export const FRAME_WAIT_MS = 100;

/**
 * Whether an input of this size waits for a pause in typing: then the result on screen is for text that is
 * no longer there for as long as the learner types, and must say so (an ordinary input's wait is one frame).
 */
export function waitsForPause(size: number): boolean {
  return size > LARGE_INPUT;
}

export function afterInput(size: number, work: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  if (waitsForPause(size)) {
    timer = setTimeout(work, PAUSE_MS);
    return () => clearTimeout(timer);
  }
  const frame = requestAnimationFrame(() => {
    clearTimeout(fallback);
    timer = setTimeout(work);
  });
  const fallback = setTimeout(() => {
    cancelAnimationFrame(frame);
    work();
  }, FRAME_WAIT_MS);
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(fallback);
    clearTimeout(timer);
  };
}
