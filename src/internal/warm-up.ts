/**
 * Warming a page up for its first map while the map's file is on its way.
 *
 * The first map a page draws pays costs that later maps do not: the browser compiles the code
 * that draws it, prepares each of Lit's templates once, builds the rules of the elements' style
 * sheets and shapes their text for the first time. Measured at 100,000 studies on this
 * project's machine, the first render and its frame were 25-40 ms shorter when a four-study map
 * had been drawn in the page before (docs/performance.md). So while `<egm-map src>` waits for
 * its file, once the page is idle (200 ms after asking at the latest: `WARM_UP_MS` in the map), it
 * draws `WARM_UP_MAP` out of sight (`warmUp`: hidden, inert,
 * out of the accessibility tree; its filter bar, legend and grid, which fire no event of their
 * own while drawing), and removes it once a frame has laid it out. Once per page, and only while
 * the file is still on its way: never after it has arrived. This module comes with the code
 * drawn after the first screen (`deferred.ts`), which the page fetches once idle anyway.
 */
import type { EgmMap } from '../core/types.js';

/**
 * Draws `WARM_UP_MAP` in `root` (a map's shadow root, whose `.warm-up` rule hides it): its
 * filter bar, then its legend, then its grid, a frame apart (each element's first drawing is
 * the costly part: together they made a frame of 100 ms and more), and removes it once the grid
 * has rendered and a frame has laid it out (after 5 s at most: a page in the background draws
 * no frames).
 */
export function warmUp(root: ShadowRoot): void {
  const box = document.createElement('div');
  box.className = 'warm-up';
  box.setAttribute('aria-hidden', 'true');
  box.inert = true;
  const remove = () => box.remove();
  const afterFrame = (then: () => void) => requestAnimationFrame(() => setTimeout(then));
  const add = (name: string) => {
    const el = document.createElement(name) as HTMLElement & { schema: unknown };
    el.schema = WARM_UP_MAP;
    box.append(el);
    return el;
  };
  add('egm-filter-bar');
  afterFrame(() => {
    add('egm-legend');
    afterFrame(() => add('egm-grid').addEventListener('egm-render', () => afterFrame(remove), { once: true }));
  });
  setTimeout(remove, 5000);
  root.append(box);
}

/**
 * The map drawn to warm a page up: every kind of header (a group of rows and one of columns),
 * segments, a filter and years, in four studies.
 */
export const WARM_UP_MAP: EgmMap = {
  format: 'egm/1',
  id: 'egm-warm-up',
  title: 'Warm-up',
  dimensions: [
    {
      id: 'r',
      label: 'Rows',
      categories: [
        { id: 'r1', label: 'Row one' },
        { id: 'rg', label: 'Row group', children: [{ id: 'r2', label: 'Row two' }, { id: 'r3', label: 'Row three' }] },
      ],
    },
    {
      id: 'c',
      label: 'Columns',
      categories: [
        { id: 'c1', label: 'Column one' },
        { id: 'cg', label: 'Column group', children: [{ id: 'c2', label: 'Column two' }, { id: 'c3', label: 'Column three' }] },
      ],
    },
    {
      id: 's',
      label: 'Segments',
      categories: [
        { id: 's1', label: 'High', color: '#1b7837' },
        { id: 's2', label: 'Low', color: '#b2182b' },
      ],
    },
    { id: 'f', label: 'Filter', categories: [{ id: 'f1', label: 'One' }, { id: 'f2', label: 'Two' }] },
  ],
  layout: { rows: 'r', columns: 'c', segments: 's', filters: ['f'] },
  studies: [
    { id: 'w1', title: 'One', year: 2001, codes: { r: ['r1'], c: ['c1', 'c2'], s: ['s1'], f: ['f1'] } },
    { id: 'w2', title: 'Two', year: 2002, codes: { r: ['r2'], c: ['c2'], s: ['s2'], f: ['f2'] } },
    { id: 'w3', title: 'Three', year: 2003, codes: { r: ['r3', 'rg'], c: ['c3'], s: ['s1', 's2'], f: ['f1'] } },
    { id: 'w4', title: 'Four', codes: { r: ['r1'], c: ['cg'] } },
  ],
};
