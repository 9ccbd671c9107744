/**
 * A box that scrolls what does not fit (a long run of bytes in a bounded height, a row too wide for a phone)
 * takes the keyboard focus while, and only while, it has more to show, so that it scrolls without a pointer
 * (WCAG 2.1.1, axe's scrollable-region-focusable) and adds no Tab stop when all of it is in view. A Svelte
 * attachment: `{@attach focusableWhileScrolling}`. The box's own size changes whenever it starts or stops
 * scrolling (it grows to its limit first), so watching it is enough.
 */
export function focusableWhileScrolling(node: HTMLElement): () => void {
  const update = () => {
    if (node.scrollWidth > node.clientWidth || node.scrollHeight > node.clientHeight) node.tabIndex = 0;
    else node.removeAttribute('tabindex');
  };
  const observer = new ResizeObserver(update);
  observer.observe(node);
  update();
  return () => observer.disconnect();
}
