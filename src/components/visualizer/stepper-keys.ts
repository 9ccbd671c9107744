/**
 * The stepper's shortcuts (← → Home End, space) work wherever focus is in its widget, except where the
 * focused element already gives the key a meaning, so a shortcut never takes a key from a control:
 * - text entry (text fields, text areas, number fields, selects, sliders, radio buttons, editable text)
 *   keeps every key: arrows move the caret or the choice;
 * - composite widgets (radio groups, sliders, grids, lists, tabs, menus, trees) keep every key: they move
 *   within themselves (the byte grid and the tamper-token characters also stop the event themselves);
 * - buttons, checkboxes, links and summaries keep space, which presses them; arrows, Home and End still
 *   move the stepper from there;
 * - a box that scrolls sideways (a byte row too wide for a phone is focusable for this) keeps ← and →.
 * Keys with Alt, Ctrl, Meta or Shift are the browser's and the system's (Alt+← is "back").
 */
export const STEPPER_KEYS = ['ArrowLeft', 'ArrowRight', 'Home', 'End', ' '] as const;
export type StepperKey = (typeof STEPPER_KEYS)[number];

const KEEPS_EVERY_KEY = [
  'textarea',
  'select',
  '[contenteditable]:not([contenteditable="false"])',
  'input:not([type="checkbox"], [type="button"], [type="submit"], [type="reset"], [type="image"])',
  ...['radiogroup', 'radio', 'slider', 'spinbutton', 'grid', 'treegrid', 'listbox', 'tablist', 'menu', 'menubar', 'tree', 'combobox']
    .map((role) => `[role="${role}"]`),
].join(', ');

const PRESSED_BY_SPACE = 'button, input, a[href], summary, [role="button"], [role="checkbox"], [role="switch"], [role="link"]';

/** The shortcut this key press is, or undefined when the key is not one or belongs to the focused element. */
export function stepperKey(event: KeyboardEvent): StepperKey | undefined {
  const key = STEPPER_KEYS.find((k) => k === event.key);
  if (!key || event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return undefined;
  const target = event.target;
  if (!(target instanceof Element) || target.closest(KEEPS_EVERY_KEY)) return undefined;
  if (key === ' ' && target.closest(PRESSED_BY_SPACE)) return undefined;
  if ((key === 'ArrowLeft' || key === 'ArrowRight') && target.scrollWidth > target.clientWidth) return undefined;
  return key;
}
