/** Rows, windowing and keyboard moves over packed items: the byte views draw only the rows on screen with these. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utf8Encode } from '../../../../src/lib/jwt';
import {
  firstVisibleRow, moveInRows, packRows, perRow, rowCount, rowOf, rowOnScreen, rowsPerPage, scrollToRow, scrollToSpan,
  visibleRows, xOf, type NavKey,
} from '../../../../src/components/visualizer/rows-layout';
import { charCellWidths, splitCodePoints } from '../../../../src/components/visualizer/utf8-layout';

describe('rows and windowing', () => {
  const widthsArb = fc.array(fc.double({ min: 0.5, max: 30, noNaN: true }), { maxLength: 200 });

  it('packs items into rows in order, greedily, none wider than the row unless it holds one item', () => {
    fc.assert(
      fc.property(widthsArb, fc.double({ min: 1, max: 60, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (widths, rowWidth, gap) => {
        const starts = packRows(widths, rowWidth, gap);
        expect(starts[0] ?? 0).toBe(0);
        expect(starts.at(-1)).toBe(widths.length);
        if (widths.length === 0) expect(rowCount(starts)).toBe(0);
        const rowWidthOf = (from: number, to: number) => widths.slice(from, to).reduce((a, w) => a + w, 0) + gap * (to - from - 1);
        for (let r = 0; r < rowCount(starts); r++) {
          const from = starts[r]!;
          const to = starts[r + 1]!;
          expect(to).toBeGreaterThan(from);
          if (to - from > 1) expect(rowWidthOf(from, to)).toBeLessThanOrEqual(rowWidth + 1e-6);
          // Greedy: the next row's first item would not have fitted here.
          if (to < widths.length) expect(rowWidthOf(from, to + 1)).toBeGreaterThan(rowWidth - 1e-6);
          for (let i = from; i < to; i++) expect(rowOf(starts, i)).toBe(r);
        }
      }),
    );
  });

  it('draws only the rows on screen, plus a few, for a 64 KB text', () => {
    const text = 'x'.repeat(40000) + 'Zoë 日本 🎉'.repeat(1500);
    const layout = splitCodePoints(text);
    expect(utf8Encode(text).length).toBe(64000);
    const starts = packRows(charCellWidths(layout, 'hex'), 36, 0.4);
    const rowPx = 6.3 * 17;
    const range = visibleRows(100_000, 24 * 17, rowPx, rowCount(starts));
    expect(range.end - range.first).toBeLessThanOrEqual(Math.ceil((24 * 17) / rowPx) + 1 + 4);
    let cells = 0;
    for (let r = range.first; r < range.end; r++) cells += starts[r + 1]! - starts[r]!;
    expect(cells).toBeLessThan(150);
  });

  it('covers every row that intersects the viewport, clamped to the rows there are', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5000 }), fc.double({ min: 0, max: 200_000, noNaN: true }), fc.double({ min: 0, max: 2000, noNaN: true }),
        fc.double({ min: 10, max: 200, noNaN: true }), fc.integer({ min: 0, max: 4 }),
        (rows, scrollTop, viewport, rowHeight, overscan) => {
          const { first, end } = visibleRows(scrollTop, viewport, rowHeight, rows, overscan);
          if (rows === 0) {
            expect(end - first).toBe(0);
            return;
          }
          expect(first).toBeGreaterThanOrEqual(0);
          expect(end).toBeLessThanOrEqual(rows);
          expect(end).toBeGreaterThan(first);
          for (let r = 0; r < rows; r++) {
            const top = r * rowHeight;
            if (top < scrollTop + viewport && top + rowHeight > scrollTop) {
              expect(r).toBeGreaterThanOrEqual(first);
              expect(r).toBeLessThan(end);
            }
          }
          expect(end - first).toBeLessThanOrEqual(Math.ceil(viewport / rowHeight) + 1 + 2 * overscan);
        },
      ),
    );
  });

  it('scrolls as little as possible to show a row, and not at all when it is on screen', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.double({ min: 0, max: 100_000, noNaN: true }), fc.integer({ min: 1, max: 20 }), (row, scrollTop, visible) => {
        const rowHeight = 50;
        const viewport = visible * rowHeight;
        const top = scrollToRow(row, rowHeight, scrollTop, viewport);
        expect(rowOnScreen(row, top, viewport, rowHeight)).toBe(true);
        if (rowOnScreen(row, scrollTop, viewport, rowHeight)) expect(top).toBe(scrollTop);
      }),
    );
    expect(scrollToRow(10, 50, 0, 200)).toBe(350);
    expect(scrollToRow(2, 50, 400, 200)).toBe(100);
  });

  it('scrolls sideways as little as possible to show a cell, from its start when it is wider than the view', () => {
    fc.assert(
      fc.property(fc.nat(5000), fc.integer({ min: 1, max: 800 }), fc.nat(5000), fc.integer({ min: 100, max: 1000 }), (start, size, scroll, viewport) => {
        const x = scrollToSpan(start, size, scroll, viewport);
        expect(x).toBeGreaterThanOrEqual(0);
        // Its start is always on screen, and all of it when it fits.
        expect(start).toBeGreaterThanOrEqual(x);
        if (size <= viewport) expect(start + size).toBeLessThanOrEqual(x + viewport);
        else expect(x).toBe(start);
        if (start >= scroll && start + size <= scroll + viewport) expect(x).toBe(scroll);
      }),
    );
  });

  it('places a cell at the sum of the widths and gaps before it in its row', () => {
    const widths = [1, 2, 3, 4, 5];
    const starts = packRows(widths, 7, 0.5); // [1 2 3] [4] [5]
    expect(Array.from(starts)).toEqual([0, 3, 4, 5]);
    expect([0, 1, 2, 3, 4].map((i) => xOf(starts, widths, 0.5, i))).toEqual([0, 1.5, 4, 0, 0]);
  });

  it('knows the first row wholly on screen and the rows in a page', () => {
    expect(firstVisibleRow(0, 50, 10)).toBe(0);
    expect(firstVisibleRow(1, 50, 10)).toBe(1);
    // A box scrolled to its end stops at whole pixels: 0.4 px past row 3's top still shows row 3 whole.
    expect(firstVisibleRow(3 * 112.2 + 0.4, 112.2, 5)).toBe(3);
    expect(firstVisibleRow(100, 50, 10)).toBe(2);
    expect(firstVisibleRow(10_000, 50, 10)).toBe(9);
    expect(rowsPerPage(420, 100)).toBe(4);
    expect(rowsPerPage(50, 100)).toBe(1);
    expect(perRow(1000, 300, 20)).toBe(3);
    expect(perRow(100, 300, 20)).toBe(1);
  });
});

describe('keyboard', () => {
  const key = (k: string, ctrl = false): NavKey => ({ key: k, ctrlKey: ctrl });
  // Rows: [0 1 2] [3 4] [5 6 7]: item 3 is wide.
  const widths = [1, 1, 1, 2, 1, 1, 1, 1];
  const starts = packRows(widths, 3.2, 0.1);

  it('moves along and across rows in the character grid', () => {
    expect(Array.from(starts)).toEqual([0, 3, 5, 8]);
    expect(moveInRows(key('ArrowRight'), 2, starts, widths, 0.1, 1)).toBe(3);
    expect(moveInRows(key('ArrowLeft'), 3, starts, widths, 0.1, 1)).toBe(2);
    expect(moveInRows(key('ArrowLeft'), 0, starts, widths, 0.1, 1)).toBe(0);
    expect(moveInRows(key('ArrowRight'), 7, starts, widths, 0.1, 1)).toBe(7);
    expect(moveInRows(key('ArrowDown'), 1, starts, widths, 0.1, 1)).toBe(3); // under the wide item
    expect(moveInRows(key('ArrowDown'), 2, starts, widths, 0.1, 1)).toBe(4);
    expect(moveInRows(key('ArrowUp'), 4, starts, widths, 0.1, 1)).toBe(2);
    expect(moveInRows(key('ArrowUp'), 1, starts, widths, 0.1, 1)).toBe(1);
    expect(moveInRows(key('Home'), 4, starts, widths, 0.1, 1)).toBe(3);
    expect(moveInRows(key('End'), 5, starts, widths, 0.1, 1)).toBe(7);
    expect(moveInRows(key('Home', true), 6, starts, widths, 0.1, 1)).toBe(0);
    expect(moveInRows(key('End', true), 1, starts, widths, 0.1, 1)).toBe(7);
    expect(moveInRows(key('PageDown'), 0, starts, widths, 0.1, 2)).toBe(5);
    expect(moveInRows(key('PageUp'), 6, starts, widths, 0.1, 5)).toBe(1);
    expect(moveInRows(key('Enter'), 0, starts, widths, 0.1, 1)).toBeUndefined();
    expect(moveInRows(key('ArrowRight'), 0, packRows([], 3, 0), [], 0, 1)).toBeUndefined();
  });

  it('always lands on an item', () => {
    const keys = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown'];
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0.5, max: 8, noNaN: true }), { minLength: 1, maxLength: 80 }), fc.nat(), fc.constantFrom(...keys), fc.boolean(), (ws, start, k, ctrl) => {
        const s = packRows(ws, 10, 0.2);
        const to = moveInRows(key(k, ctrl), start % ws.length, s, ws, 0.2, 3)!;
        expect(Number.isInteger(to)).toBe(true);
        expect(to).toBeGreaterThanOrEqual(0);
        expect(to).toBeLessThan(ws.length);
      }),
    );
  });
});
