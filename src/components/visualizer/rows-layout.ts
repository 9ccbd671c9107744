/**
 * Items of different widths packed into rows, the window of rows a scroll container shows, and arrow-key
 * moves over them: the byte views draw only the rows on screen with this. Pure data in, data out.
 */

/** How many items of `itemPx` fit side by side in `widthPx` with `gapPx` between them; at least one. */
export function perRow(widthPx: number, itemPx: number, gapPx: number): number {
  if (!(itemPx > 0)) return 1;
  return Math.max(1, Math.floor((widthPx + gapPx) / (itemPx + gapPx)));
}

/**
 * Packs items of the given widths into rows no wider than `rowWidth`, in order, with `gap` between items.
 * Returns the row starts plus a final entry equal to the item count: row r holds items
 * `starts[r]` … `starts[r+1] - 1`. Every row holds at least one item, even one wider than the row.
 */
export function packRows(widths: ArrayLike<number>, rowWidth: number, gap: number): Uint32Array {
  const starts: number[] = [];
  let used = Infinity;
  for (let i = 0; i < widths.length; i++) {
    const w = widths[i]!;
    if (used + gap + w > rowWidth + 1e-9) {
      starts.push(i);
      used = w;
    } else {
      used += gap + w;
    }
  }
  starts.push(widths.length);
  return Uint32Array.from(starts);
}

/** Number of rows in a packing from packRows. */
export const rowCount = (starts: Uint32Array) => starts.length - 1;

/** The row that holds item `index` (binary search over the row starts). */
export function rowOf(starts: Uint32Array, index: number): number {
  let lo = 0;
  let hi = starts.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= index) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export interface RowRange {
  /** First row to draw. */
  first: number;
  /** One past the last row to draw. */
  end: number;
}

/**
 * The rows of height `rowHeight` to draw for a scroll container scrolled to `scrollTop` and `viewport` high:
 * those on screen plus `overscan` above and below, clamped to 0…rows.
 */
export function visibleRows(scrollTop: number, viewport: number, rowHeight: number, rows: number, overscan = 2): RowRange {
  if (rows <= 0 || !(rowHeight > 0)) return { first: 0, end: 0 };
  const top = Math.max(0, scrollTop);
  const bottom = top + Math.max(0, viewport);
  // Division can round across a row's edge where r × rowHeight does not: step back or on by the row that
  // multiplication says is still on screen, so no row that shows is left undrawn.
  let firstOnScreen = Math.floor(top / rowHeight);
  if (firstOnScreen > 0 && firstOnScreen * rowHeight > top) firstOnScreen--;
  let endOnScreen = Math.ceil(bottom / rowHeight);
  if (endOnScreen * rowHeight < bottom) endOnScreen++;
  const first = Math.max(0, Math.min(rows - 1, firstOnScreen) - overscan);
  const end = Math.min(rows, endOnScreen + overscan);
  return { first, end: Math.max(end, first + 1) };
}

/** The scrollTop that brings row `row` fully into view, moving as little as possible. */
export function scrollToRow(row: number, rowHeight: number, scrollTop: number, viewport: number): number {
  if (rowOnScreen(row, scrollTop, viewport, rowHeight)) return scrollTop;
  const top = row * rowHeight;
  if (top < scrollTop) return top;
  return Math.max(0, top + rowHeight - viewport);
}

/**
 * The scroll position that shows the span `start`…`start + size` (e.g. a cell's left edge and width), moving as
 * little as possible; a span larger than the viewport is shown from its start.
 */
export function scrollToSpan(start: number, size: number, scroll: number, viewport: number): number {
  if (start < scroll || size > viewport) return Math.max(0, start);
  if (start + size > scroll + viewport) return start + size - viewport;
  return scroll;
}

/**
 * The first row wholly on screen (or the last row, when none is): where focus lands if its item scrolled away.
 * Half a pixel off counts as on screen: browsers round scroll offsets and box sizes to whole pixels, and rows
 * in em are not (a box scrolled to its end may stop 0.4 px past a row's top).
 */
export function firstVisibleRow(scrollTop: number, rowHeight: number, rows: number): number {
  if (rows <= 0 || !(rowHeight > 0)) return 0;
  return Math.min(rows - 1, Math.max(0, Math.ceil((scrollTop - 0.5) / rowHeight)));
}

/** Whether row `row` is wholly on screen. */
export function rowOnScreen(row: number, scrollTop: number, viewport: number, rowHeight: number): boolean {
  return row * rowHeight >= scrollTop - 1e-6 && (row + 1) * rowHeight <= scrollTop + viewport + 1e-6;
}

/** A byte grid's measures, in em of its font size (ByteGrid.svelte draws them; the views lay out rows with them). */
export interface GridGeometry {
  /** Height of a row, its padding included. */
  rowEm: number;
  /** Padding above and below the items of a row. */
  rowPadEm: number;
  /** The grid's greatest height: more rows scroll inside it. */
  maxEm: number;
  /** Horizontal padding of the rows, left plus right. */
  padEm: number;
  /** Gap between the items of a row. */
  gapEm: number;
}

/** Where a keyboard move landed: the item's row, and its left edge and width within the row, in em. */
export interface GridSpot {
  row: number;
  x: number;
  width: number;
}

/** How many whole rows a page (Page Up / Page Down) moves: at least one. */
export function rowsPerPage(viewport: number, rowHeight: number): number {
  return rowHeight > 0 ? Math.max(1, Math.floor(viewport / rowHeight)) : 1;
}

export interface NavKey {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
}

/** Left edge of item `index` within its row, in the units of `widths`. */
export function xOf(starts: Uint32Array, widths: ArrayLike<number>, gap: number, index: number): number {
  let x = 0;
  for (let i = starts[rowOf(starts, index)]!; i < index; i++) x += widths[i]! + gap;
  return x;
}

/** The item of row `row` under the horizontal position `x` (its centre nearest to x). */
function itemAt(starts: Uint32Array, widths: ArrayLike<number>, gap: number, row: number, x: number): number {
  let best = starts[row]!;
  let bestDistance = Infinity;
  let left = 0;
  for (let i = starts[row]!; i < starts[row + 1]!; i++) {
    const distance = Math.abs(left + widths[i]! / 2 - x);
    if (distance < bestDistance) {
      best = i;
      bestDistance = distance;
    }
    left += widths[i]! + gap;
  }
  return best;
}

/**
 * Arrow-key movement over items packed in rows: ←/→ the previous/next item (across rows), ↑/↓ the item
 * above/below (nearest by position), Home/End the row's first/last, Ctrl+Home/End the very first/last,
 * Page Up/Down `pageRows` rows. Returns the new index, or undefined for a key that is not a move.
 */
export function moveInRows(
  event: NavKey, index: number, starts: Uint32Array, widths: ArrayLike<number>, gap: number, pageRows: number,
): number | undefined {
  const items = starts[starts.length - 1]!;
  if (items === 0) return undefined;
  const clamp = (i: number) => Math.min(Math.max(i, 0), items - 1);
  const current = clamp(index);
  const row = rowOf(starts, current);
  const rows = rowCount(starts);
  const vertical = (to: number) => {
    const target = Math.min(Math.max(to, 0), rows - 1);
    if (target === row) return current;
    const x = xOf(starts, widths, gap, current) + widths[current]! / 2;
    return itemAt(starts, widths, gap, target, x);
  };
  const ctrl = event.ctrlKey === true || event.metaKey === true;
  switch (event.key) {
    case 'ArrowLeft': return clamp(current - 1);
    case 'ArrowRight': return clamp(current + 1);
    case 'ArrowUp': return vertical(row - 1);
    case 'ArrowDown': return vertical(row + 1);
    case 'PageUp': return vertical(row - pageRows);
    case 'PageDown': return vertical(row + pageRows);
    case 'Home': return ctrl ? 0 : starts[row]!;
    case 'End': return ctrl ? items - 1 : starts[row + 1]! - 1;
    default: return undefined;
  }
}
