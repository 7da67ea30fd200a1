import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { GridModel } from '../../core/grid.js';
import { contrastRatio } from '../../core/color.js';
import { HEAT_PALETTE, HEAT_TEXT, heatScale, heatText } from '../../core/heat.js';
import { synthesisGaps } from '../../core/synthesis.js';
import { createIndex } from '../../core/map-index.js';
import { parseMap, splitMap } from '../../core/parse.js';
import { smallMap, smallMapWithBigCell } from '../../core/testing/fixture.js';
import type { EgmMap } from '../../core/types.js';
import type { EgmCellSelectEvent } from '../../events/egm-cell-select.js';
import type { EgmHeaderSelectEvent } from '../../events/egm-header-select.js';
import './egm-grid.js';
import type { EgmGrid, EgmGridView } from './egm-grid.js';

async function grid(map: EgmMap = smallMap(), attrs: { rows?: string; columns?: string; segments?: string; cells?: string } = {}): Promise<EgmGrid> {
  const { schema, studies } = splitMap(map);
  const el = await fixture<EgmGrid>(
    html`<egm-grid .schema=${schema} .studies=${studies} rows=${attrs.rows ?? ''} columns=${attrs.columns ?? ''} segments=${attrs.segments ?? ''} cells=${attrs.cells ?? 'auto'}></egm-grid>`,
  );
  await el.updateComplete;
  return el;
}
const cells = (el: EgmGrid) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="gridcell"]')];
const cell = (el: EgmGrid, row: string, column: string) => el.shadowRoot!.querySelector<HTMLElement>(`[role="gridcell"][data-row="${row}"][data-column="${column}"]`)!;
const focused = (el: EgmGrid) => el.shadowRoot!.activeElement as HTMLElement | null;
const text = (node: Element | null) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const loadJson = async (path: string) => (await (await fetch(path)).json()) as EgmMap;
/** The row (or leaf and collapsed column) headers whose box overlaps the scroll box's visible part. */
const inView = (el: EgmGrid, axis: 'row' | 'column') => {
  const b = el.shadowRoot!.querySelector('.scroller')!.getBoundingClientRect();
  return [...el.shadowRoot!.querySelectorAll<HTMLElement>(`th[data-axis="${axis}"]:not([aria-expanded="true"])`)]
    .filter((th) => {
      const r = th.getBoundingClientRect();
      return axis === 'row' ? r.bottom > b.top + 1 && r.top < b.bottom - 1 : r.right > b.left + 1 && r.left < b.right - 1;
    })
    .map((th) => th.dataset.id!);
};
/**
 * Runs `fn` as on a fast machine: each new cell costs 0.02 ms of script (the grid measures it as
 * it draws, and the measure is shared by every grid), so the allowance of new cells a render has
 * (8 ms) does not stop a test that counts on rows and columns in view being drawn at once.
 */
async function withFastCells<T>(fn: () => Promise<T>): Promise<T> {
  const grids = customElements.get('egm-grid') as unknown as { freshCellMs: number };
  const measured = grids.freshCellMs;
  grids.freshCellMs = 0.02;
  try {
    return await fn();
  } finally {
    grids.freshCellMs = measured;
  }
}
/** Runs `check` at the grid's next `egm-render`, in that update's task, and resolves with what it returns. */
const atNextRender = <T>(el: EgmGrid, check: () => T) =>
  new Promise<T>((resolve, reject) =>
    el.addEventListener(
      'egm-render',
      () => {
        try {
          resolve(check());
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      },
      { once: true },
    ),
  );

/**
 * Every cell's data-count equals core's count for the same configuration. With `drawn`, the
 * cells drawn only (a grid keeping the cells near the screen): each row's cells are then its
 * leading columns, in order.
 */
function expectCountsMatchCore(el: EgmGrid, map: EgmMap, filters?: Parameters<GridModel['count']>[0], { drawn = false } = {}) {
  const model = new GridModel(createIndex(parseMap(map)), { rows: map.layout.rows, columns: map.layout.columns, segments: map.layout.segments, collapsed: el.collapsed });
  const counts = model.count(filters);
  const C = model.columns.lines.length;
  let checked = 0;
  model.rows.lines.forEach((r, i) => {
    const tds = [...el.shadowRoot!.querySelectorAll<HTMLElement>(`[role="gridcell"][data-row="${r.id}"]`)];
    if (drawn) expect(tds.map((td) => td.dataset.column), r.id).to.deep.equal(model.columns.lines.slice(0, tds.length).map((c) => c.id));
    model.columns.lines.forEach((c, j) => {
      const td = cell(el, r.id, c.id);
      if (drawn && !td) return;
      expect(td.dataset.count, `${r.id} × ${c.id}`).to.equal(String(counts.counts[i * C + j]));
      expect(td.dataset.total, `${r.id} × ${c.id} total`).to.equal(String(model.totals.counts[i * C + j]));
      checked++;
    });
  });
  expect(cells(el).length).to.equal(checked);
  return checked;
}

describe('egm-grid', () => {
  describe('accessibility', () => {
    it('passes axe on the small map', async () => {
      await expect(await grid()).to.be.accessible();
    });

    it('passes axe on the demo map with a selection and a collapsed group', async () => {
      const el = await grid(await loadJson('/demo/peer-support.egm.json'));
      el.selected = { rowId: 'education', columnId: 'mental-health' };
      el.collapsed = ['delivery'];
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });

    it('is a grid of rows with row and column headers and one tab stop', async () => {
      const el = await grid();
      const root = el.shadowRoot!;
      expect(root.querySelectorAll('[role="grid"]').length).to.equal(1);
      expect(root.querySelectorAll('[role="columnheader"]').length).to.equal(5); // corner + 4 outcomes
      expect(root.querySelectorAll('[role="rowheader"]').length).to.equal(5); // education, emotional, delivery, in-person, remote
      expect(root.querySelectorAll('[tabindex="0"]').length).to.equal(1);
      for (const c of cells(el)) expect(c.parentElement!.getAttribute('role')).to.equal('row');
    });

    it('names every cell with row, column, count and segment counts', async () => {
      const el = await grid();
      expect(cell(el, 'education', 'mental-health').getAttribute('aria-label')).to.equal('Education, Mental health: 2 studies; High 1, Medium 1');
      expect(cell(el, 'in-person', 'mental-health').getAttribute('aria-label')).to.equal('In person, Mental health: 2 studies; High 1, Low 1, Not coded 1');
      expect(cell(el, 'education', 'cost').getAttribute('aria-label')).to.equal('Education, Cost-effectiveness: no studies (a gap)');
      el.filters = { categories: { population: ['adults'] } };
      await el.updateComplete;
      expect(cell(el, 'emotional', 'mental-health').getAttribute('aria-label')).to.equal('Emotional support, Mental health: no studies under the current filters (1 in all)');
      expect(cell(el, 'education', 'mental-health').getAttribute('aria-label')).to.equal('Education, Mental health: 1 of 2 studies; High 1');
    });
  });

  describe('properties', () => {
    it('recounts when .filters changes, keeping data-total', async () => {
      const el = await grid();
      el.filters = { categories: { population: ['adults'] } };
      await el.updateComplete;
      expect(cell(el, 'education', 'mental-health').dataset.count).to.equal('1');
      expect(cell(el, 'education', 'mental-health').dataset.total).to.equal('2');
      expect(cell(el, 'emotional', 'mental-health').classList.contains('filtered')).to.equal(true);
      expect(cell(el, 'education', 'cost').classList.contains('gap')).to.equal(true);
    });

    it('shows a collapsed group as one row with distinct, not summed, counts', async () => {
      const el = await grid();
      el.collapsed = ['delivery'];
      await el.updateComplete;
      expect(cell(el, 'delivery', 'mental-health').dataset.count).to.equal('2'); // in person 2 + remote 1, but s3 is in both
      expect(cell(el, 'delivery', 'physical').dataset.count).to.equal('2'); // s4 coded to the group only, s5
      expect(cell(el, 'in-person', 'mental-health')).to.equal(null);
      const head = el.shadowRoot!.querySelector('[data-key$="delivery"][role="rowheader"]')!;
      expect(head.getAttribute('aria-expanded')).to.equal('false');
    });

    it('marks .selected with aria-selected', async () => {
      const el = await grid();
      el.selected = { rowId: 'remote', columnId: 'physical' };
      await el.updateComplete;
      expect(cell(el, 'remote', 'physical').getAttribute('aria-selected')).to.equal('true');
      expect(el.shadowRoot!.querySelectorAll('[aria-selected="true"]').length).to.equal(1);
    });

    it('hides segments visually only', async () => {
      const el = await grid();
      const before = cell(el, 'in-person', 'mental-health').querySelectorAll('.slice').length;
      el.hiddenSegments = ['low', ''];
      await el.updateComplete;
      const td = cell(el, 'in-person', 'mental-health');
      expect(before).to.equal(3);
      expect(td.querySelectorAll('.slice').length).to.equal(1);
      expect(td.dataset.count).to.equal('2');
    });

    it('transposes and recolours through the rows, columns and segments attributes', async () => {
      const el = await grid(smallMap(), { rows: 'outcome', columns: 'support', segments: 'design' });
      expect(cell(el, 'mental-health', 'education').dataset.count).to.equal('2');
      expect(cell(el, 'mental-health', 'education').getAttribute('aria-label')).to.equal('Mental health, Education: 2 studies; Systematic review 1, RCT 1');
      el.segments = 'none';
      await el.updateComplete;
      expect(cell(el, 'mental-health', 'education').querySelectorAll('.slice').length).to.equal(1);
    });

    it('shows every problem of an invalid map instead of a half map, and never throws', async () => {
      const bad = smallMap() as unknown as Record<string, any>;
      bad.studies[2].codes.outcome = ['mental'];
      bad.layout.rows = 'suport';
      const el = await fixture<EgmGrid>(html`<egm-grid .schema=${bad}></egm-grid>`);
      const alert = el.shadowRoot!.querySelector('[role="alert"]')!;
      expect(alert.textContent).to.contain('2 problems');
      expect(alert.textContent).to.contain('layout.rows: unknown dimension "suport" (did you mean "support"?)');
      expect(alert.textContent).to.contain('studies[2].codes.outcome[0]');
      expect(el.shadowRoot!.querySelector('[role="grid"]')).to.equal(null);
      el.schema = 42 as never;
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('.schema must be a map object');
      el.rows = 'nope';
      el.schema = splitMap(smallMap()).schema;
      el.studies = splitMap(smallMap()).studies;
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('rows attribute: unknown dimension "nope"');
    });
  });

  describe('rendering', () => {
    it('puts core’s counts in data-count and data-total on the demo map, filtered and not', async () => {
      const map = await loadJson('/demo/peer-support.egm.json');
      const el = await grid(map);
      expect(expectCountsMatchCore(el, map)).to.be.greaterThan(40);
      const filters = { categories: { region: ['uk'] } };
      el.filters = filters;
      await el.updateComplete;
      expectCountsMatchCore(el, map, filters);
    });

    it('puts core’s counts on the 1,000-study map with deep trees and long labels', async () => {
      const map = await loadJson('/demo/large-1000.egm.json');
      const el = await grid(map, { cells: 'all' });
      expect(expectCountsMatchCore(el, map)).to.equal(60 * 40);
    });

    it('draws the cells on screen first and every cell by updateComplete, through filters and collapsing (cells="all")', async () => {
      const map = await loadJson('/demo/large-1000.egm.json');
      const el = await grid(map, { cells: 'all' });
      const firstUpdate = () => new Promise<number>((resolve) => el.addEventListener('egm-render', () => resolve(stale()), { once: true }));
      const stale = () => cells(el).filter((td) => td.dataset.count !== String(expected.get(`${td.dataset.row} ${td.dataset.column}`))).length;
      let expected = new Map<string, number>();
      const expectFor = (filters: Parameters<GridModel['count']>[0]) => {
        const m = new GridModel(createIndex(parseMap(map)), { rows: map.layout.rows, columns: map.layout.columns, segments: map.layout.segments, collapsed: el.collapsed });
        const counts = m.count(filters);
        expected = new Map(m.rows.lines.flatMap((r) => m.columns.lines.map((c) => [`${r.id} ${c.id}`, counts.counts[r.line * counts.columns + c.line]] as const)));
      };
      const filters = { categories: { [map.layout.filters![0]]: [map.dimensions.find((d) => d.id === map.layout.filters![0])!.categories[0].id] } };
      expectFor(filters);
      const first = firstUpdate();
      el.filters = filters;
      const staleAtFirstFrame = await first;
      await el.updateComplete;
      expect(stale()).to.equal(0);
      // The test page shows only part of the 60 × 40 grid: the rest came after the first update.
      expect(staleAtFirstFrame).to.be.greaterThan(0);
      expectCountsMatchCore(el, map, filters);

      el.collapsed = [map.dimensions[0].categories[0].id];
      expectFor(filters);
      await el.updateComplete;
      expect(stale()).to.equal(0);
      expect(cells(el).length).to.equal(expected.size);
    });

    it('draws a large new grid’s column headers alone, then its rows, then the cells on screen a few at a time up to the columns in view, each cell in its column, and the keyboard reaches the rest at once', async () => {
      const map = await loadJson('/demo/large-1000.egm.json');
      const { schema, studies } = splitMap(map);
      const el = document.createElement<'egm-grid'>('egm-grid');
      el.schema = schema;
      el.studies = studies;
      const model = new GridModel(createIndex(parseMap(map)), { rows: map.layout.rows, columns: map.layout.columns, segments: map.layout.segments });
      const columnIds = model.columns.lines.map((c) => c.id);
      // A slow machine: each new cell takes 5 ms (the grid measures it as it draws).
      const grids = customElements.get('egm-grid') as unknown as { freshCellMs: number };
      const measured = grids.freshCellMs;
      grids.freshCellMs = 5;
      const rowsWithCells = () =>
        [...el.shadowRoot!.querySelectorAll('tr')].map((tr) => [...tr.querySelectorAll<HTMLElement>('[role="gridcell"]')]).filter((tds) => tds.length > 0);
      // Each render's checks, in order; a render with nothing to check (background shares send
      // no egm-render) is skipped by the checks themselves.
      const checks: (() => boolean)[] = [];
      let failure: Error | undefined;
      el.addEventListener('egm-render', () => {
        try {
          if (checks[0]?.()) checks.shift();
        } catch (error) {
          failure ??= error instanceof Error ? error : new Error(String(error));
          checks.length = 0;
        }
      });
      let lastColumn = '';
      let sawFirst = false;
      // 1. The first render: the column headers alone (60 × 40 cells: a large grid, whose body
      // rows come in the next task, a frame of their own).
      checks.push(() => {
        const root = el.shadowRoot!;
        expect(root.querySelectorAll('thead th[data-axis="column"]').length).to.equal(model.columns.entries.length);
        expect(root.querySelectorAll('tbody tr').length).to.equal(0);
        sawFirst = true;
        return true;
      });
      // 2. A render once the rows are drawn and the observer has reported: new cells for 8 × 5
      // ms a render (a row's at least), and every row drawn reaches the columns in view.
      checks.push(() => {
        const rows = rowsWithCells();
        if (rows.length < 2) return false;
        const root = el.shadowRoot!;
        const scroller = root.querySelector('.scroller')!.getBoundingClientRect();
        const inView = model.columns.lines.filter((c) => root.querySelector(`th[data-axis="column"][data-id="${c.id}"]`)!.getBoundingClientRect().left < scroller.right).length;
        for (const tds of rows) {
          // Every drawn cell is in its own column (only cells right of the screen wait)…
          expect(tds.map((td) => td.dataset.column)).to.deep.equal(columnIds.slice(0, tds.length));
          // …and every column in view is drawn.
          expect(tds.length).to.be.at.least(inView);
        }
        // New cells as if each cost 5 ms: 8 a render (whole rows), a row a render; a screen takes several.
        const onScreen = [...root.querySelectorAll('tbody tr:not(.group-row)')].filter((tr) => tr.getBoundingClientRect().top < Math.min(scroller.bottom, innerHeight)).length;
        expect(rows.length, 'rows with cells').to.be.lessThan(onScreen);
        // The test page shows part of the 40 columns: the first rows stop short of the last one.
        expect(inView).to.be.lessThan(columnIds.length);
        const short = rows.find((tds) => tds.length < columnIds.length)!;
        expect(short, 'a row stopped after the columns in view').to.not.equal(undefined);
        // A keyboard user on that row's first cell goes to its end, which is not drawn yet.
        // (In a microtask: after this update, before any background task.)
        lastColumn = `${short[0].dataset.row} ${columnIds[columnIds.length - 1]}`;
        queueMicrotask(() => {
          short[0].focus();
          short[0].dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true, composed: true, cancelable: true }));
        });
        return true;
      });
      // 3. The next update draws the tab stop's cell and focuses it (before any background share).
      checks.push(() => {
        const at = focused(el);
        expect(at?.getAttribute('role')).to.equal('gridcell');
        expect(`${at!.dataset.row} ${at!.dataset.column}`).to.equal(lastColumn);
        return true;
      });
      document.body.append(el);
      try {
        await el.updateComplete;
        await waitUntil(() => checks.length === 0, 'the renders checked', { timeout: 4000 });
        if (failure) throw failure;
        expect(sawFirst).to.equal(true);
        await el.updateComplete;
        // Every row is drawn by now, and every row on screen has its cells.
        expect(el.shadowRoot!.querySelectorAll('tbody tr').length).to.equal(model.rows.entries.length);
        // (The grid keeps the cells near the screen: those drawn are each in its column.)
        expectCountsMatchCore(el, map, undefined, { drawn: true });
      } finally {
        grids.freshCellMs = measured;
        el.remove();
      }
    });

    it('draws the tab stop’s row in a new map’s first render, however far down, and Ctrl+End there lands on a real cell', async () => {
      const map = await loadJson('/demo/large-1000.egm.json');
      const { schema, studies } = splitMap(map);
      const model = new GridModel(createIndex(parseMap(map)), { rows: map.layout.rows, columns: map.layout.columns, segments: map.layout.segments });
      const last = model.rows.lines.at(-1)!;
      expect(model.rows.entries.at(-1)).to.equal(last);
      const lastColumn = model.columns.lines.at(-1)!;
      const el = document.createElement<'egm-grid'>('egm-grid');
      el.schema = schema;
      el.studies = studies;
      // The selection is in the last row: its row is drawn at once, with the rows before it (its
      // cell follows, as any cell off screen).
      el.selected = { rowId: last.id, columnId: lastColumn.id };
      let firstRows = -1;
      let lastHeader = false;
      el.addEventListener('egm-render', () => {
        if (firstRows >= 0) return;
        const root = el.shadowRoot!;
        firstRows = root.querySelectorAll('tbody tr').length;
        lastHeader = root.querySelector(`th[data-axis="row"][data-id="${CSS.escape(last.id)}"]`) !== null;
      });
      document.body.append(el);
      try {
        await waitUntil(() => firstRows >= 0, 'the first render');
        expect(firstRows).to.equal(model.rows.entries.length);
        expect(lastHeader, 'the selected row, far down').to.equal(true);
        await el.updateComplete;
        const cell = el.shadowRoot!.querySelector(`td[data-row="${CSS.escape(last.id)}"][data-column="${CSS.escape(lastColumn.id)}"]`);
        expect(cell?.classList.contains('selected')).to.equal(true);
      } finally {
        el.remove();
      }
      // Without a selection: Ctrl+End in the first frame (the column headers alone) draws the
      // last row and focuses its last cell.
      const other = document.createElement<'egm-grid'>('egm-grid');
      other.schema = schema;
      other.studies = studies;
      let pressed = false;
      other.addEventListener('egm-render', () => {
        if (pressed) return;
        pressed = true;
        const root = other.shadowRoot!;
        expect(root.querySelectorAll('tbody tr').length).to.equal(0);
        const corner = root.querySelector<HTMLElement>('[tabindex="0"]')!;
        queueMicrotask(() => {
          corner.focus();
          corner.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', ctrlKey: true, bubbles: true, composed: true, cancelable: true }));
        });
      });
      document.body.append(other);
      try {
        await waitUntil(() => focused(other)?.dataset.column === lastColumn.id, 'Ctrl+End reached the last cell');
        expect(focused(other)!.dataset.row).to.equal(model.rows.lines.at(-1)!.id);
      } finally {
        other.remove();
      }
    });

    it('draws every column in view at once when a column group opens at the far right', async () => {
      const map = await loadJson('/demo/large-1000.egm.json');
      const last = map.dimensions.find((d) => d.id === map.layout.columns)!.categories.at(-1)!;
      const el = await grid(map);
      el.collapsed = [last.id];
      await el.updateComplete;
      const root = el.shadowRoot!;
      const scroller = root.querySelector<HTMLElement>('.scroller')!;
      scroller.scrollLeft = scroller.scrollWidth;
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      await el.updateComplete;
      const first = atNextRender(el, () => {
        // The group's new columns in view, and the rows in view: each such cell is drawn.
        const groupColumns = last.children!.map((c) => c.id);
        const columns = inView(el, 'column').filter((id) => groupColumns.includes(id));
        const rows = inView(el, 'row');
        expect(columns.length, 'columns of the group in view').to.be.greaterThan(0);
        expect(rows.length, 'rows in view').to.be.greaterThan(1);
        return rows.flatMap((r) => columns.filter((c) => !cell(el, r, c)).map((c) => `${r} ${c}`));
      });
      const missing = await withFastCells(async () => {
        el.collapsed = [];
        return first;
      });
      expect(missing).to.deep.equal([]);
      await el.updateComplete;
      expectCountsMatchCore(el, map, undefined, { drawn: true });
    });

    it('draws the rows of a row group at once when it opens in view, never drawn before', async () => {
      const map = await loadJson('/demo/large-1000.egm.json');
      const first = map.dimensions.find((d) => d.id === map.layout.rows)!.categories[0];
      const { schema, studies } = splitMap(map);
      // Collapsed from the start: the observer has never seen the group's rows.
      const el = await fixture<EgmGrid>(html`<egm-grid .schema=${schema} .studies=${studies} .collapsed=${[first.id]}></egm-grid>`);
      await el.updateComplete;
      const root = el.shadowRoot!;
      const opened = atNextRender(el, () => {
        const groupRows = first.children!.map((c) => c.id);
        const rows = inView(el, 'row').filter((id) => groupRows.includes(id));
        expect(rows.length, 'rows of the group in view').to.be.greaterThan(1);
        return rows.filter((id) => root.querySelectorAll(`[role="gridcell"][data-row="${id}"]`).length === 0);
      });
      const empty = await withFastCells(async () => {
        el.collapsed = [];
        return opened;
      });
      expect(empty).to.deep.equal([]);
      await el.updateComplete;
      expectCountsMatchCore(el, map, undefined, { drawn: true });
    });

    it('draws a large grid’s first rows in the task after its first frame, not in idle time', async () => {
      const map = await loadJson('/demo/large-1000.egm.json');
      const { schema, studies } = splitMap(map);
      const el = document.createElement<'egm-grid'>('egm-grid');
      el.schema = schema;
      el.studies = studies;
      // A page with no idle time: idle callbacks are held back until the end. (Their handle is
      // 0, which is no real callback's: cancelling one must not cancel another's.)
      const requestIdle = window.requestIdleCallback;
      const held: IdleRequestCallback[] = [];
      window.requestIdleCallback = (callback) => {
        held.push(callback);
        return 0;
      };
      let atFirstRender = -1;
      el.addEventListener('egm-render', () => (atFirstRender = el.shadowRoot!.querySelectorAll('tbody tr').length), { once: true });
      try {
        document.body.append(el);
        await waitUntil(() => el.shadowRoot!.querySelectorAll('tbody th[data-axis="row"]').length > 0, 'the first rows, with no idle time', { timeout: 1000 });
        expect(atFirstRender, 'rows in the first render').to.equal(0);
      } finally {
        window.requestIdleCallback = requestIdle;
        for (const callback of held) callback({ didTimeout: true, timeRemaining: () => 0 });
      }
      await el.updateComplete;
      expect(el.shadowRoot!.querySelectorAll('tbody tr').length).to.be.greaterThan(16);
      el.remove();
    });

    it('draws every row a group opens at the bottom once the first rows have all been drawn', async () => {
      const map = await loadJson('/demo/large-1000.egm.json');
      const last = map.dimensions.find((d) => d.id === map.layout.rows)!.categories.at(-1)!;
      // Enough rows that, collapsed, the grid's staged first rows (16 a share) stop short of the
      // opened group's last ones.
      expect(last.children!.length).to.be.greaterThan(4);
      const { schema, studies } = splitMap(map);
      const el = await fixture<EgmGrid>(html`<egm-grid .schema=${schema} .studies=${studies} .collapsed=${[last.id]}></egm-grid>`);
      await el.updateComplete;
      const missing = atNextRender(el, () =>
        last.children!.map((c) => c.id).filter((id) => !el.shadowRoot!.querySelector(`tbody th[data-axis="row"][data-id="${CSS.escape(id)}"]`)),
      );
      el.collapsed = [];
      expect(await missing).to.deep.equal([]);
      await el.updateComplete;
      expectCountsMatchCore(el, map, undefined, { drawn: true });
    });

    it('paints the frame that shows a change before drawing anything in the background', async () => {
      const map = await loadJson('/demo/large-1000.egm.json');
      const el = await grid(map, { cells: 'all' });
      const dim = map.dimensions.find((d) => d.id === map.layout.filters![0])!;
      let seen = 0;
      const observer = new MutationObserver((records) => (seen += records.length));
      el.addEventListener('egm-render', () => observer.observe(el.shadowRoot!, { subtree: true, childList: true, attributes: true, characterData: true }), { once: true });
      // The next frame held back for 50 ms (less than the grid's longest wait for one, 100 ms),
      // as when it is most of a frame away: nothing is drawn in the background meanwhile.
      const held: FrameRequestCallback[] = [];
      const raf = window.requestAnimationFrame;
      window.requestAnimationFrame = (callback) => held.push(callback);
      let whileHeld: number;
      try {
        el.filters = { categories: { [dim.id]: [dim.categories[0].id] } };
        await new Promise((resolve) => setTimeout(resolve, 50));
        whileHeld = seen + observer.takeRecords().length;
      } finally {
        window.requestAnimationFrame = raf;
      }
      for (const callback of held) callback(performance.now());
      await el.updateComplete;
      observer.disconnect();
      expect(whileHeld, 'DOM changes before the frame').to.equal(0);
      // The test page shows part of the grid: the rest was drawn after that frame.
      expect(seen, 'DOM changes after the frame').to.be.greaterThan(0);
      expectCountsMatchCore(el, map, el.filters);
    });

    it('does not wait for rows that left the grid before their turn in the background', async () => {
      const map = await loadJson('/demo/large-1000.egm.json');
      const el = await grid(map, { cells: 'all' });
      const dim = map.dimensions.find((d) => d.id === map.layout.filters![0])!;
      const groups = map.dimensions.find((d) => d.id === map.layout.rows)!.categories;
      // The last group's rows are far below: the filter leaves them for the background, and
      // the group is collapsed before any background share runs.
      const rendered = oneEvent(el, 'egm-render');
      el.filters = { categories: { [dim.id]: [dim.categories[0].id] } };
      await rendered;
      el.collapsed = [groups.at(-1)!.id];
      const settled = await Promise.race([el.updateComplete.then(() => 'settled'), new Promise((resolve) => setTimeout(() => resolve('still waiting'), 3000))]);
      expect(settled).to.equal('settled');
      expectCountsMatchCore(el, map, el.filters);
    });

    it('brings the header counts in view up to date first and the others by updateComplete', async () => {
      const map = await loadJson('/demo/large-1000.egm.json');
      const el = await grid(map);
      const root = el.shadowRoot!;
      const heads = () => [...root.querySelectorAll<HTMLElement>('th[data-axis] .head-count')];
      const texts = () => heads().map((h) => text(h));
      const scroller = root.querySelector('.scroller')!.getBoundingClientRect();
      // In view by more than a pixel, out of view by more than a pixel, or on the edge (left out:
      // the grid's IntersectionObserver may count an edge-adjacent header either way).
      const place = (h: HTMLElement) => {
        const r = h.closest('th')!.getBoundingClientRect();
        const overlap = Math.min(r.bottom - scroller.top, scroller.bottom - r.top, r.right - scroller.left, scroller.right - r.left);
        return overlap > 1 ? 'in' : overlap < -1 ? 'out' : 'edge';
      };
      const before = texts();
      const dim = map.dimensions.find((d) => d.id === map.layout.filters![0])!;
      let atFirst: string[] = [];
      const first = new Promise<void>((resolve) => el.addEventListener('egm-render', () => resolve(void (atFirst = texts())), { once: true }));
      el.filters = { categories: { [dim.id]: [dim.categories[0].id] } };
      await first;
      await el.updateComplete;
      const after = texts();
      const where = heads().map(place);
      const changed = after.map((t, i) => t !== before[i]);
      // The test page shows part of the 60 × 40 grid: both kinds of header are there, and changed.
      expect(changed.filter((c, i) => c && where[i] === 'in').length).to.be.greaterThan(5);
      expect(changed.filter((c, i) => c && where[i] === 'out').length).to.be.greaterThan(5);
      // In the first frame, every header in view already has its new number, and those out of view their old one.
      expect(atFirst.filter((t, i) => where[i] === 'in' && t !== after[i])).to.deep.equal([]);
      expect(atFirst.filter((t, i) => where[i] === 'out' && changed[i] && t === after[i])).to.deep.equal([]);
      // By updateComplete every header shows core's count.
      const m = new GridModel(createIndex(parseMap(map)), { rows: map.layout.rows, columns: map.layout.columns, segments: map.layout.segments });
      const want = m.headerCounts(el.filters);
      const number = (th: string) => Number(/\(([\d,]+)/.exec(after[heads().findIndex((h) => h.closest('th')!.matches(th))])![1].replace(/,/g, ''));
      const rowAt = (i: number) => `th[data-axis="row"][data-id="${m.rows.entries[i].id}"]`;
      const colAt = (i: number) => `th[data-axis="column"][data-id="${m.columns.entries[i].id}"]`;
      expect(m.rows.entries.map((_e, i) => number(rowAt(i)))).to.deep.equal([...want.rows]);
      expect(m.columns.entries.map((_e, i) => number(colAt(i)))).to.deep.equal([...want.columns]);
    });

    it('draws gaps without a bubble and filtered-out cells as a dashed outline', async () => {
      const el = await grid();
      expect(cell(el, 'education', 'cost').querySelector('svg')).to.equal(null);
      el.filters = { categories: { population: ['adults'] } };
      await el.updateComplete;
      expect(cell(el, 'emotional', 'mental-health').querySelector('.ghost')).to.not.equal(null);
      expect(cell(el, 'education', 'physical').querySelector('text')!.textContent).to.equal('1');
    });

    it('keeps a cell’s elements when a filter empties and refills it (attributes change, no DOM is made)', async () => {
      const el = await grid();
      const td = cell(el, 'emotional', 'mental-health');
      const nodes = () => [...td.querySelectorAll('svg, path, text')];
      const was = nodes();
      const shape = () => [...td.querySelectorAll('path')].map((p) => [p.getAttribute('class'), p.getAttribute('d') === '' ? '' : 'drawn']);
      const before = shape();
      expect(before.every(([cls, d]) => cls!.startsWith('slice seg-') && d === 'drawn')).to.equal(true);
      el.filters = { categories: { population: ['adults'] } };
      await el.updateComplete;
      expect(td.dataset.count).to.equal('0');
      expect(nodes()).to.have.ordered.members(was);
      // The first path is the dashed outline of the unfiltered bubble; the others are empty, the count too.
      expect(shape()).to.deep.equal([['ghost', 'drawn'], ...before.slice(1).map(() => ['', ''])]);
      expect(td.querySelector('text')!.textContent).to.equal('');
      el.filters = undefined;
      await el.updateComplete;
      expect(nodes()).to.have.ordered.members(was);
      expect(shape()).to.deep.equal(before);
      expect(td.querySelector('text')!.textContent).to.equal(td.dataset.count);
    });

    it('sizes bubbles by area and draws slices with the segment colours, never with a style attribute', async () => {
      const el = await grid();
      const big = cell(el, 'education', 'mental-health').querySelectorAll('path.slice');
      expect([...big].map((p) => p.getAttribute('fill'))).to.deep.equal(['#1b7837', '#e08214']);
      // One slice: a whole disc, drawn as a path like the others (sqrt(1/2) × 22 = 15.56).
      const one = cell(el, 'education', 'physical').querySelectorAll('path.slice');
      expect([...one].map((p) => p.getAttribute('d'))).to.deep.equal(['M0 -15.56A15.56 15.56 0 1 1 0 15.56A15.56 15.56 0 1 1 0 -15.56Z']);
      expect(el.shadowRoot!.querySelectorAll('[style]').length).to.equal(0);
    });

    it('renders study text as text', async () => {
      const map = smallMap();
      map.dimensions[0].categories[0].label = '<img src=x onerror=alert(1)>';
      const el = await grid(map);
      expect(el.shadowRoot!.querySelector('img')).to.equal(null);
      expect(el.shadowRoot!.textContent).to.contain('<img src=x onerror=alert(1)>');
    });
  });

  describe('keeping the cells near the screen (a grid over 1,000 cells)', () => {
    const drawnIn = (el: EgmGrid, row: string) => el.shadowRoot!.querySelectorAll(`[role="gridcell"][data-row="${row}"]`).length;

    it('draws the cells in view and near it only, each with core’s counts, in a table of the same size as with every cell', async () => {
      const map = await loadJson('/demo/large-1000.egm.json');
      const el = await grid(map);
      expect(el.cells).to.equal('auto');
      const drawn = expectCountsMatchCore(el, map, undefined, { drawn: true });
      expect(drawn, 'cells drawn').to.be.within(40, 1200);
      const rows = inView(el, 'row');
      const columns = inView(el, 'column');
      expect(rows.length).to.be.greaterThan(3);
      expect(columns.length).to.be.greaterThan(3);
      for (const r of rows) for (const c of columns) expect(cell(el, r, c), `${r} × ${c}`).to.not.equal(null);
      const model = el.model!;
      const last = model.rows.lines.at(-1)!.id;
      expect(drawnIn(el, last), 'the last row, far below').to.equal(0);
      // Rows without cells keep their height: the table is the size it is with every cell.
      const full = await grid(map, { cells: 'all' });
      expect(cells(full).length).to.equal(60 * 40);
      const size = (g: EgmGrid) => {
        const r = g.shadowRoot!.querySelector('table')!.getBoundingClientRect();
        return [r.width, r.height];
      };
      expect(size(el)).to.deep.equal(size(full));
      await expect(el).to.be.accessible();
    });

    it('draws rows as they scroll near and drops those gone far, with the current filter', async () => {
      const map = await loadJson('/demo/large-1000.egm.json');
      const el = await grid(map);
      const scroller = el.shadowRoot!.querySelector<HTMLElement>('.scroller')!;
      const model = el.model!;
      const first = model.rows.lines[0].id;
      const last = model.rows.lines.at(-1)!.id;
      expect(drawnIn(el, first)).to.be.greaterThan(0);
      scroller.scrollTop = scroller.scrollHeight;
      scroller.scrollLeft = scroller.scrollWidth;
      // (The observer reports a frame or more after the scroll; a loaded machine takes longer.)
      await waitUntil(() => drawnIn(el, last) > 0 && drawnIn(el, first) === 0, 'the grid follows the scroll', { timeout: 5000 });
      await el.updateComplete;
      expect(drawnIn(el, last), 'the last row, now in view').to.equal(40);
      expect(drawnIn(el, first), 'the first row, now far above').to.equal(0);
      expect(cells(el).length).to.be.within(40, 1200);
      for (const r of inView(el, 'row')) for (const c of inView(el, 'column')) expect(cell(el, r, c), `${r} × ${c}`).to.not.equal(null);
      const dim = map.dimensions.find((d) => d.id === map.layout.filters![0])!;
      const filters = { categories: { [dim.id]: [dim.categories[0].id] } };
      el.filters = filters;
      await el.updateComplete;
      expectCountsMatchCore(el, map, filters, { drawn: true });
      // Back at the top: the rows dropped come back with the filter's counts.
      scroller.scrollTop = 0;
      scroller.scrollLeft = 0;
      await waitUntil(() => drawnIn(el, first) > 0 && drawnIn(el, last) === 0, 'the grid follows the scroll', { timeout: 5000 });
      await el.updateComplete;
      expect(drawnIn(el, first)).to.be.greaterThan(3);
      expect(drawnIn(el, last)).to.equal(0);
      expectCountsMatchCore(el, map, filters, { drawn: true });
    });

    it('keeps the tab stop and the selected cell wherever they are, so focus lands on a real cell', async () => {
      const map = await loadJson('/demo/large-1000.egm.json');
      const el = await grid(map);
      const scroller = el.shadowRoot!.querySelector<HTMLElement>('.scroller')!;
      const model = el.model!;
      const lastRow = model.rows.lines.at(-1)!.id;
      const lastColumn = model.columns.lines.at(-1)!.id;
      expect(cell(el, lastRow, lastColumn)).to.equal(null);
      cell(el, model.rows.lines[0].id, model.columns.lines[0].id).focus();
      await sendKeys({ press: 'Control+End' });
      await el.updateComplete;
      expect(focused(el)).to.equal(cell(el, lastRow, lastColumn));
      // A far cell selected, then everything scrolled back to the start: both stay drawn.
      const far = { rowId: model.rows.lines[40].id, columnId: model.columns.lines[30].id };
      el.selected = far;
      scroller.scrollTop = 0;
      scroller.scrollLeft = 0;
      await waitUntil(() => drawnIn(el, model.rows.lines[0].id) > 0, 'the grid follows the scroll', { timeout: 5000 });
      await el.updateComplete;
      expect(drawnIn(el, lastRow)).to.be.greaterThan(0);
      expect(cell(el, lastRow, lastColumn).tabIndex).to.equal(0);
      expect(cell(el, far.rowId, far.columnId).getAttribute('aria-selected')).to.equal('true');
      expectCountsMatchCore(el, map, undefined, { drawn: true });
    });

    it('keeps every cell where there is no IntersectionObserver (as in jsdom), and settles', async () => {
      const map = await loadJson('/demo/large-1000.egm.json');
      const io = window.IntersectionObserver;
      (window as { IntersectionObserver?: unknown }).IntersectionObserver = undefined;
      try {
        const el = await grid(map);
        expect(expectCountsMatchCore(el, map)).to.equal(60 * 40);
      } finally {
        window.IntersectionObserver = io;
      }
    });

    it('keeps every cell with cells="all", in the table view, and at 1,000 cells or fewer', async () => {
      const map = await loadJson('/demo/large-1000.egm.json');
      const table = await grid(map);
      table.view = 'table';
      await table.updateComplete;
      expect(table.shadowRoot!.querySelectorAll('td[data-count]').length).to.equal(60 * 40);
      // Every row group collapsed: 8 rows × 40 columns.
      const el = await grid(map);
      el.collapsed = map.dimensions.find((d) => d.id === map.layout.rows)!.categories.map((c) => c.id);
      await el.updateComplete;
      expect(el.model!.rows.lines.length * 40).to.be.at.most(1000);
      expect(expectCountsMatchCore(el, map)).to.equal(el.model!.rows.lines.length * 40);
      // And `near` keeps the near cells of that smaller grid alone.
      el.cells = 'near';
      el.style.setProperty('--egm-grid-max-height', '10rem');
      await waitUntil(() => cells(el).length < el.model!.rows.lines.length * 40, 'rows far from the screen are dropped', { timeout: 5000 });
      await el.updateComplete;
      expect(cells(el).length).to.be.lessThan(el.model!.rows.lines.length * 40);
    });
  });

  describe('keyboard', () => {
    it('moves with the arrows, Home/End and Ctrl+Home/End, keeping one tab stop', async () => {
      const el = await grid();
      cell(el, 'education', 'physical').focus();
      await sendKeys({ press: 'ArrowRight' });
      expect(focused(el)!.dataset.column).to.equal('mental-health');
      await sendKeys({ press: 'ArrowDown' });
      expect(focused(el)!.dataset.row).to.equal('emotional');
      await sendKeys({ press: 'ArrowDown' }); // the expanded "Delivery" group row spans the width
      expect(focused(el)!.getAttribute('role')).to.equal('rowheader');
      await sendKeys({ press: 'ArrowDown' }); // and the column is remembered
      expect([focused(el)!.dataset.row, focused(el)!.dataset.column]).to.deep.equal(['in-person', 'mental-health']);
      await sendKeys({ press: 'End' });
      expect(focused(el)!.dataset.column).to.equal('cost');
      await sendKeys({ press: 'Home' });
      expect(focused(el)!.getAttribute('role')).to.equal('rowheader');
      await sendKeys({ press: 'Control+End' });
      expect([focused(el)!.dataset.row, focused(el)!.dataset.column]).to.deep.equal(['remote', 'cost']);
      await sendKeys({ press: 'Control+Home' });
      expect(focused(el)!.classList.contains('corner')).to.equal(true);
      expect(el.shadowRoot!.querySelectorAll('[tabindex="0"]').length).to.equal(1);
    });

    it('leaves Alt, Shift and Cmd/Ctrl with the arrows to the browser (Back, text selection), keeping Ctrl+Home/End', async () => {
      const el = await grid();
      const start = cell(el, 'education', 'mental-health');
      start.focus();
      const press = (init: KeyboardEventInit) => {
        const e = new KeyboardEvent('keydown', { ...init, bubbles: true, composed: true, cancelable: true });
        focused(el)!.dispatchEvent(e);
        return e.defaultPrevented;
      };
      const tried = [
        press({ key: 'ArrowLeft', altKey: true }),
        press({ key: 'ArrowRight', metaKey: true }),
        press({ key: 'ArrowLeft', ctrlKey: true }),
        press({ key: 'ArrowDown', shiftKey: true }),
        press({ key: 'End', shiftKey: true }),
        press({ key: 'PageDown', altKey: true }),
      ];
      await el.updateComplete;
      expect(tried).to.deep.equal([false, false, false, false, false, false]);
      expect([focused(el)!.dataset.row, focused(el)!.dataset.column]).to.deep.equal(['education', 'mental-health']);
      expect(press({ key: 'End', metaKey: true })).to.equal(true);
      await el.updateComplete;
      expect([focused(el)!.dataset.row, focused(el)!.dataset.column]).to.deep.equal(['remote', 'cost']);
    });

    /** The small map's grid in a box styled by `style`, and its scroll box. */
    async function boxedGrid(style: string): Promise<{ el: EgmGrid; scroller: HTMLElement }> {
      const wrap = await fixture<HTMLDivElement>(html`<div style=${style}></div>`);
      const { schema, studies } = splitMap(smallMap());
      const el = document.createElement('egm-grid');
      el.schema = schema;
      el.studies = studies;
      wrap.append(el);
      await el.updateComplete;
      return { el, scroller: el.shadowRoot!.querySelector<HTMLElement>('.scroller')! };
    }

    it('scrolls a cell the keyboard reaches clear of the sticky row headers', async () => {
      const { el, scroller } = await boxedGrid('width: 420px');
      expect(scroller.scrollWidth > scroller.clientWidth, 'the grid scrolls sideways').to.equal(true);
      cell(el, 'education', 'cost').focus();
      await sendKeys({ press: 'ArrowLeft' });
      await sendKeys({ press: 'ArrowLeft' });
      await sendKeys({ press: 'ArrowLeft' });
      expect(focused(el)!.dataset.column).to.equal('physical');
      const head = el.shadowRoot!.querySelector('th[data-axis="row"][data-id="education"]')!.getBoundingClientRect();
      const reached = cell(el, 'education', 'physical').getBoundingClientRect();
      expect(Math.round(reached.left) >= Math.floor(head.right) - 1, `cell at ${reached.left}, row header ends at ${head.right}`).to.equal(true);
    });

    it('scrolls a cell the keyboard reaches clear of the sticky column headers', async () => {
      const { el, scroller } = await boxedGrid('--egm-grid-max-height: 190px');
      expect(scroller.scrollHeight > scroller.clientHeight, 'the grid scrolls up and down').to.equal(true);
      const rows = [...el.shadowRoot!.querySelectorAll<HTMLElement>('tbody td[data-column="physical"]')];
      rows.at(-1)!.focus();
      scroller.scrollTop = scroller.scrollHeight;
      // Up to the first body row (group rows' headers on the way), each step clear of the headers.
      const head = el.shadowRoot!.querySelector('thead')!;
      const tops: string[] = [];
      for (let i = 0; i < 12 && focused(el)!.dataset.key !== rows[0].dataset.key; i++) {
        await sendKeys({ press: 'ArrowUp' });
        await el.updateComplete;
        const top = focused(el)!.getBoundingClientRect().top;
        if (Math.round(top) < Math.floor(head.getBoundingClientRect().bottom) - 1) tops.push(`${focused(el)!.dataset.key} at ${top}`);
      }
      expect(focused(el)!.dataset.key).to.equal(rows[0].dataset.key);
      expect(tops, `under the column headers (which end at ${head.getBoundingClientRect().bottom})`).to.deep.equal([]);
    });

    it('selects with Enter and Space', async () => {
      const el = await grid();
      cell(el, 'remote', 'mental-health').focus();
      setTimeout(() => void sendKeys({ press: 'Enter' }));
      const e = await oneEvent<EgmCellSelectEvent>(el, 'egm-cell-select');
      expect(e.detail).to.deep.equal({ rowId: 'remote', columnId: 'mental-health', studyIds: ['s3'] });
      await sendKeys({ press: 'ArrowLeft' });
      setTimeout(() => void sendKeys({ press: ' ' }));
      const e2 = await oneEvent<EgmCellSelectEvent>(el, 'egm-cell-select');
      expect(e2.detail.columnId).to.equal('physical');
      expect(cell(el, 'remote', 'physical').getAttribute('aria-selected')).to.equal('true');
    });

    it('keeps focus in the grid, on the tab stop, when the host collapses the focused cell’s group or swaps the axes', async () => {
      const el = await grid();
      cell(el, 'in-person', 'mental-health').focus();
      el.collapsed = ['delivery'];
      await el.updateComplete;
      const now = focused(el);
      expect(now !== null, 'focus is still in the grid').to.equal(true);
      expect(now!.getAttribute('tabindex')).to.equal('0');
      expect(now!.isConnected).to.equal(true);
      // The arrow keys go on from there.
      await sendKeys({ press: 'ArrowUp' });
      expect(focused(el) !== null && focused(el) !== now, 'moved').to.equal(true);
      // The rows and columns swapped: the focused cell is gone, focus stays in the grid.
      cell(el, 'education', 'physical').focus();
      el.setAttribute('rows', 'outcome');
      el.setAttribute('columns', 'support');
      await el.updateComplete;
      expect(focused(el)?.getAttribute('tabindex')).to.equal('0');
      // Focus elsewhere in the page is left alone by the grid's updates.
      const outside = document.createElement('button');
      document.body.append(outside);
      outside.focus();
      el.collapsed = [];
      await el.updateComplete;
      expect(document.activeElement === outside, 'the page keeps its focus').to.equal(true);
      outside.remove();
    });

    it('collapses and expands a group from its header, keeping focus on it', async () => {
      const el = await grid();
      const head = () => el.shadowRoot!.querySelector<HTMLElement>('[role="rowheader"][data-id="delivery"]')!;
      head().focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(el.collapsed).to.deep.equal(['delivery']);
      expect(head().getAttribute('aria-expanded')).to.equal('false');
      expect(focused(el)).to.equal(head());
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(el.collapsed).to.deep.equal([]);
      expect(focused(el)).to.equal(head());
    });
  });

  describe('events', () => {
    it('emits egm-cell-select with the distinct studies on click, [] for a gap', async () => {
      const el = await grid();
      setTimeout(() => cell(el, 'in-person', 'mental-health').click());
      const e = await oneEvent<EgmCellSelectEvent>(el, 'egm-cell-select');
      expect(e.detail).to.deep.equal({ rowId: 'in-person', columnId: 'mental-health', studyIds: ['s3', 's7'] });
      expect(e.bubbles && e.composed && e.cancelable).to.equal(true);
      setTimeout(() => cell(el, 'education', 'cost').click());
      const gap = await oneEvent<EgmCellSelectEvent>(el, 'egm-cell-select');
      expect(gap.detail.studyIds).to.deep.equal([]);
    });

    it('reports only studies passing the filters', async () => {
      const el = await grid();
      el.filters = { categories: { design: ['sr'] } };
      await el.updateComplete;
      setTimeout(() => cell(el, 'in-person', 'mental-health').click());
      const e = await oneEvent<EgmCellSelectEvent>(el, 'egm-cell-select');
      expect(e.detail.studyIds).to.deep.equal(['s7']);
    });

    it('reverts the selection when the host calls preventDefault()', async () => {
      const el = await grid();
      el.selected = { rowId: 'education', columnId: 'physical' };
      await el.updateComplete;
      el.addEventListener('egm-cell-select', (e) => e.preventDefault(), { once: true });
      cell(el, 'remote', 'physical').click();
      await el.updateComplete;
      expect(el.selected).to.deep.equal({ rowId: 'education', columnId: 'physical' });
      expect(cell(el, 'remote', 'physical').getAttribute('aria-selected')).to.equal('false');
    });

    it('emits egm-header-select for a leaf header and the group-only list', async () => {
      const el = await grid();
      setTimeout(() => el.shadowRoot!.querySelector<HTMLElement>('[role="columnheader"][data-id="mental-health"]')!.click());
      const e = await oneEvent<EgmHeaderSelectEvent>(el, 'egm-header-select');
      expect(e.detail).to.deep.equal({ axis: 'column', categoryId: 'mental-health', studyIds: ['s1', 's2', 's3', 's7'] });
      const direct = el.shadowRoot!.querySelector<HTMLElement>('button.direct-only')!;
      expect(direct.textContent.trim()).to.equal('+1 Delivery only');
      setTimeout(() => direct.click());
      const d = await oneEvent<EgmHeaderSelectEvent>(el, 'egm-header-select');
      expect(d.detail).to.deep.equal({ axis: 'row', categoryId: 'delivery', studyIds: ['s4'], scope: 'direct' });
    });

    it('keeps the room of the header counts as unfiltered, so a filter never resizes a header', async () => {
      const el = await grid();
      const root = el.shadowRoot!;
      const count = () => root.querySelector('th[data-axis="row"][data-id="education"] .head-count')!;
      const direct = () => root.querySelector<HTMLElement>('tbody th[data-id="delivery"] button.direct-only')!;
      expect([count().getAttribute('data-max'), text(count())]).to.deep.equal(['2', '(2 studies)']);
      expect([direct().getAttribute('data-max'), direct().classList.contains('none')]).to.deep.equal(['+1 Delivery only', false]);
      // s4, the one study coded to Delivery alone, is about adults: filtered out, the button keeps its place unseen.
      el.filters = { categories: { population: ['older'] } };
      await el.updateComplete;
      expect([count().getAttribute('data-max'), text(count())]).to.deep.equal(['2', '(1 study)']);
      expect([direct().getAttribute('data-max'), direct().classList.contains('none'), getComputedStyle(direct()).visibility]).to.deep.equal(['+1 Delivery only', true, 'hidden']);
      const live = count().querySelector('.live')!;
      expect([getComputedStyle(live).position, getComputedStyle(live).contain]).to.deep.equal(['absolute', 'size layout style']);
      el.filters = undefined;
      await el.updateComplete;
      expect([text(direct()), direct().classList.contains('none')]).to.deep.equal(['+1 Delivery only', false]);
    });

    it('draws each cell out of the flow, in a contained box that fills the cell', async () => {
      const el = await grid();
      const td = cell(el, 'education', 'physical');
      const box = td.querySelector<HTMLElement>('.box')!;
      const style = getComputedStyle(box);
      expect([style.position, style.contain, style.contentVisibility]).to.deep.equal(['absolute', 'strict', 'auto']);
      // The cell keeps its size without the drawing in its flow; the bubble sits inside the box.
      const [t, b, s] = [td.getBoundingClientRect(), box.getBoundingClientRect(), box.querySelector('svg')!.getBoundingClientRect()];
      expect(Math.round(t.height)).to.be.greaterThan(Math.round(b.height));
      expect([b.width > 0, s.top >= b.top - 0.5, s.bottom <= b.bottom + 0.5, Math.abs(s.left + s.right - b.left - b.right) < 1]).to.deep.equal([true, true, true, true]);
    });

    it('fires events that a listener on document receives', async () => {
      const el = await grid();
      setTimeout(() => cell(el, 'education', 'physical').click());
      const e = await oneEvent<EgmCellSelectEvent>(document, 'egm-cell-select');
      expect(e.detail.studyIds).to.deep.equal(['s1']);
    });
  });

  describe('views', () => {
    const GRID_VIEWS: EgmGridView[] = ['bubble', 'heatmap', 'mosaic'];
    /** Any cell carrying counts, in any view (a gridcell, or a table cell). */
    const anyCell = (el: EgmGrid, row: string, column: string) => el.shadowRoot!.querySelector<HTMLElement>(`td[data-row="${row}"][data-column="${column}"]`)!;
    const countCells = (el: EgmGrid) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('td[data-row]')];
    /** Tiles in a mosaic cell, per path class: each tile is one `M` command. */
    const tiles = (td: HTMLElement) => [...td.querySelectorAll('path.tile')].map((p) => [p.getAttribute('class'), p.getAttribute('d')!.match(/M/g)!.length]);
    async function viewGrid(view: string, map: EgmMap = smallMap(), extra: Partial<EgmGrid> = {}) {
      const el = await grid(map);
      Object.assign(el, { view, ...extra });
      await el.updateComplete;
      return el;
    }
    /** data-count, data-total and the drawn number of every cell equal core's, in a view. */
    function expectViewMatchesCore(el: EgmGrid, map: EgmMap, drawn: (td: HTMLElement) => number | undefined) {
      const model = new GridModel(createIndex(parseMap(map)), { rows: map.layout.rows, columns: map.layout.columns, segments: map.layout.segments });
      const counts = model.count(el.filters);
      const C = counts.columns;
      for (const r of model.rows.lines) {
        for (const c of model.columns.lines) {
          const td = anyCell(el, r.id, c.id);
          const n = counts.counts[r.line * C + c.line];
          expect([td.dataset.count, td.dataset.total], `${r.id} × ${c.id}`).to.deep.equal([String(n), String(model.totals.counts[r.line * C + c.line])]);
          const shown = drawn(td);
          if (shown !== undefined) expect(shown, `${r.id} × ${c.id} drawn`).to.equal(n);
        }
      }
      expect(countCells(el).length).to.equal(model.rows.lines.length * C);
    }

    it('passes axe in every view on the demo map, synthesis gaps highlighted', async () => {
      const map = await loadJson('/demo/peer-support.egm.json');
      for (const view of ['heatmap', 'mosaic', 'table']) {
        const el = await viewGrid(view, map, { highlight: 'synthesis-gaps', synthesisGapMin: 3, selected: { rowId: 'education', columnId: 'wellbeing' } });
        await expect(el, view).to.be.accessible();
      }
    });

    it('shows core’s counts on the demo map in every view, filtered and not', async () => {
      const map = await loadJson('/demo/peer-support.egm.json');
      const drawn: Record<EgmGridView, (td: HTMLElement) => number | undefined> = {
        bubble: (td) => (td.querySelector('text') ? Number(td.querySelector('text')!.textContent) : td.classList.contains('filled') ? -1 : undefined),
        heatmap: (td) => (td.classList.contains('filled') ? Number(text(td.querySelector('.hn'))) : undefined),
        // Each study one tile (no cell of the demo reaches the cap).
        mosaic: (td) => (td.classList.contains('filled') ? tiles(td).reduce((a, [, n]) => a + (n as number), 0) : undefined),
        table: (td) => Number(text(td.querySelector('.tn'))),
      };
      for (const view of ['bubble', 'heatmap', 'mosaic', 'table'] as const) {
        const el = await viewGrid(view, map);
        expectViewMatchesCore(el, map, drawn[view]);
        el.filters = { categories: { region: ['uk'] } };
        await el.updateComplete;
        expectViewMatchesCore(el, map, drawn[view]);
      }
    });

    it('keeps the keyboard model, names, selection and one tab stop in the heat map and the mosaic', async () => {
      for (const view of GRID_VIEWS) {
        const el = await viewGrid(view);
        expect(el.shadowRoot!.querySelectorAll('[role="grid"]').length, view).to.equal(1);
        expect(cell(el, 'in-person', 'mental-health').getAttribute('aria-label')).to.equal('In person, Mental health: 2 studies; High 1, Low 1, Not coded 1');
        cell(el, 'education', 'physical').focus();
        await sendKeys({ press: 'ArrowRight' });
        await sendKeys({ press: 'ArrowDown' });
        expect([focused(el)!.dataset.row, focused(el)!.dataset.column], view).to.deep.equal(['emotional', 'mental-health']);
        await sendKeys({ press: 'Control+End' });
        expect([focused(el)!.dataset.row, focused(el)!.dataset.column], view).to.deep.equal(['remote', 'cost']);
        expect(el.shadowRoot!.querySelectorAll('[tabindex="0"]').length).to.equal(1);
        await sendKeys({ press: 'ArrowUp' });
        setTimeout(() => void sendKeys({ press: 'Enter' }));
        const e = await oneEvent<EgmCellSelectEvent>(el, 'egm-cell-select');
        expect(e.detail, view).to.deep.equal({ rowId: 'in-person', columnId: 'cost', studyIds: [] });
        await el.updateComplete;
        expect(cell(el, 'in-person', 'cost').getAttribute('aria-selected')).to.equal('true');
      }
    });

    it('keeps the selection, the tab stop and collapsed groups across a change of view', async () => {
      const el = await grid();
      el.collapsed = ['delivery'];
      cell(el, 'emotional', 'mental-health').click();
      await el.updateComplete;
      for (const view of ['heatmap', 'mosaic', 'bubble'] as const) {
        el.view = view;
        await el.updateComplete;
        expect(cell(el, 'emotional', 'mental-health').getAttribute('aria-selected'), view).to.equal('true');
        expect(cell(el, 'emotional', 'mental-health').tabIndex, view).to.equal(0);
        expect(cell(el, 'delivery', 'mental-health').dataset.count, view).to.equal('2');
        expect(cell(el, 'in-person', 'mental-health'), view).to.equal(null);
      }
    });

    it('tells gaps from filtered-out cells in the heat map and the mosaic', async () => {
      for (const view of ['heatmap', 'mosaic']) {
        const el = await viewGrid(view, smallMap(), { filters: { categories: { population: ['adults'] } } });
        const gap = cell(el, 'education', 'cost');
        const out = cell(el, 'emotional', 'mental-health');
        expect([gap.className, gap.children.length], view).to.deep.equal(['cell gap', 0]);
        expect(out.classList.contains('filtered'), view).to.equal(true);
        expect(out.querySelectorAll('.ghost-box').length, view).to.equal(1);
        expect(getComputedStyle(out.querySelector('.ghost-box')!).borderTopStyle).to.equal('dashed');
        expect(out.getAttribute('aria-label')).to.equal('Emotional support, Mental health: no studies under the current filters (1 in all)');
      }
    });

    it('shades heat map cells by the shared heat scale, with text of at least 4.5:1 chosen per shade', async () => {
      const map = await loadJson('/demo/peer-support.egm.json');
      const el = await viewGrid('heatmap', map);
      const max = el.model!.totals.max;
      const scale = heatScale(max);
      const hex = (rgb: string) => `#${rgb.match(/\d+/g)!.slice(0, 3).map((n) => Number(n).toString(16).padStart(2, '0')).join('')}`;
      const seen = new Set<number>();
      for (const td of countCells(el).filter((c) => c.classList.contains('filled'))) {
        const n = Number(td.dataset.count);
        const shade = scale.steps[scale.step(n)].shade;
        const box = td.querySelector<HTMLElement>('.box.heat')!;
        expect(box.classList.contains(`heat-${shade}`), `${n}`).to.equal(true);
        const bg = hex(getComputedStyle(box).backgroundColor);
        const fg = hex(getComputedStyle(box.querySelector('.hn')!).color);
        expect(bg).to.equal(HEAT_PALETTE[shade]);
        expect(fg).to.equal(HEAT_TEXT[heatText(bg)]);
        expect(contrastRatio(bg, fg)).to.be.at.least(4.5);
        seen.add(shade);
      }
      // The largest cell takes the darkest shade and white text; a cell of one the lightest and dark text.
      const largest = countCells(el).find((c) => Number(c.dataset.count) === max)!.querySelector<HTMLElement>('.box')!;
      expect(largest.classList.contains(`heat-${HEAT_PALETTE.length - 1}`)).to.equal(true);
      expect(hex(getComputedStyle(largest).color)).to.equal('#ffffff');
      const one = countCells(el).find((c) => c.dataset.count === '1')!.querySelector<HTMLElement>('.box')!;
      expect([one.classList.contains('heat-0'), hex(getComputedStyle(one).color)]).to.deep.equal([true, '#1f2328']);
      expect(seen.size).to.be.greaterThan(4);
    });

    it('draws one mosaic tile per study in its first segment, and hides segments visually only', async () => {
      const el = await viewGrid('mosaic');
      // in-person × mental: s3 (high and low) once, as high; s7 not coded.
      expect(tiles(cell(el, 'in-person', 'mental-health'))).to.deep.equal([['tile seg-0', 1], ['tile seg-3', 1]]);
      expect(tiles(cell(el, 'education', 'mental-health'))).to.deep.equal([['tile seg-0', 1], ['tile seg-1', 1]]);
      expect([...cell(el, 'education', 'mental-health').querySelectorAll('path')].map((p) => p.getAttribute('fill'))).to.deep.equal(['#1b7837', '#e08214']);
      el.hiddenSegments = ['high'];
      await el.updateComplete;
      expect(tiles(cell(el, 'in-person', 'mental-health'))).to.deep.equal([['tile seg-3', 1]]);
      expect(cell(el, 'in-person', 'mental-health').dataset.count).to.equal('2');
      el.segments = 'none';
      await el.updateComplete;
      expect(tiles(cell(el, 'in-person', 'mental-health'))).to.deep.equal([['tile', 2]]);
    });

    it('caps a full mosaic cell at 40 tiles shared among segments in proportion, with "+N" for the rest', async () => {
      const map = smallMap();
      // 130 more studies in education × cost (a gap before): 70 high, 40 medium, 20 not coded.
      for (let i = 0; i < 130; i++) {
        const quality = i < 70 ? ['high'] : i < 110 ? ['medium'] : [];
        map.studies.push({ id: `x${i}`, title: `Extra ${i}`, codes: { support: ['education'], outcome: ['cost'], quality } });
      }
      const el = await viewGrid('mosaic', map);
      const td = cell(el, 'education', 'cost');
      expect(td.dataset.count).to.equal('130');
      // 40 × 70/130 = 21.5, × 40/130 = 12.3, × 20/130 = 6.2: 21 + 12 + 6, the largest remainder rounds up.
      expect(tiles(td)).to.deep.equal([['tile seg-0', 22], ['tile seg-1', 12], ['tile seg-3', 6]]);
      expect(text(td.querySelector('.more'))).to.equal('+90');
      expect(td.querySelectorAll('path').length).to.equal(3);
      expect(cell(el, 'education', 'physical').querySelector('.more')).to.equal(null);
    });

    it('is a static data table in the table view: headers with scope, a caption, the counts as text', async () => {
      const el = await viewGrid('table');
      const root = el.shadowRoot!;
      expect(root.querySelector('[role="grid"], [role="gridcell"], [role="row"], table [tabindex]')).to.equal(null);
      // The scrolling box is a labelled region that the keyboard can scroll.
      const scroller = root.querySelector('.scroller')!;
      expect([scroller.getAttribute('role'), scroller.getAttribute('aria-label'), scroller.getAttribute('tabindex')]).to.deep.equal(['region', 'Small test map: Type of support by Outcome', '0']);
      expect(text(root.querySelector('table > caption'))).to.equal('Small test map: Type of support by Outcome');
      expect([...root.querySelectorAll('thead th[data-id]')].map((th) => [th.getAttribute('data-id'), th.getAttribute('scope')])).to.deep.equal([
        ['physical', 'col'],
        ['mental-health', 'col'],
        ['wellbeing', 'col'],
        ['cost', 'col'],
      ]);
      expect([...root.querySelectorAll('tbody th')].map((th) => [th.getAttribute('data-id'), th.getAttribute('scope')])).to.deep.equal([
        ['education', 'row'],
        ['emotional', 'row'],
        ['delivery', 'row'],
        ['in-person', 'row'],
        ['remote', 'row'],
      ]);
      const td = anyCell(el, 'in-person', 'mental-health');
      expect([td.tagName, td.dataset.count, td.dataset.total]).to.deep.equal(['TD', '2', '2']);
      expect([...td.querySelectorAll('span')].map(text)).to.deep.equal(['2', 'High 1, Low 1, Not coded 1']);
      expect([...anyCell(el, 'education', 'cost').querySelectorAll('span')].map(text)).to.deep.equal(['0', 'gap']);
      expect(text(root.querySelector('tbody th[data-id="delivery"] .direct-only'))).to.equal('+1 Delivery only');
      expect(root.querySelector('button')).to.equal(null);
      el.filters = { categories: { population: ['adults'] } };
      el.hiddenSegments = ['low'];
      await el.updateComplete;
      expect([...anyCell(el, 'education', 'mental-health').querySelectorAll('span')].map(text)).to.deep.equal(['1', 'of 2', 'High 1']);
      expect([...anyCell(el, 'emotional', 'mental-health').querySelectorAll('span')].map(text)).to.deep.equal(['0', 'of 1']);
      expect([...anyCell(el, 'in-person', 'mental-health').querySelectorAll('span')].map(text)).to.deep.equal(['2', 'High 1, Not coded 1']);
    });

    it('selects nothing and toggles no group on a click in the table view', async () => {
      const el = await viewGrid('table');
      let events = 0;
      el.addEventListener('egm-cell-select', () => events++);
      el.addEventListener('egm-group-toggle', () => events++);
      anyCell(el, 'education', 'physical').click();
      el.shadowRoot!.querySelector<HTMLElement>('th[data-id="delivery"]')!.click();
      await el.updateComplete;
      expect([events, el.selected, el.collapsed]).to.deep.equal([0, null, []]);
    });

    it('draws bubbles for an unknown view, and never renders a style attribute', async () => {
      const el = await viewGrid('pie');
      expect(el.view).to.equal('pie');
      expect(cell(el, 'education', 'physical').querySelector('svg.bubble')).to.not.equal(null);
      expect(el.shadowRoot!.querySelector('table')!.className).to.equal('view-bubble');
      for (const view of ['heatmap', 'mosaic', 'table'] as const) {
        el.view = view;
        el.highlight = 'synthesis-gaps';
        await el.updateComplete;
        expect(el.shadowRoot!.querySelectorAll('[style]').length, view).to.equal(0);
      }
    });
  });

  describe('synthesis gaps', () => {
    const marked = (el: EgmGrid) =>
      [...el.shadowRoot!.querySelectorAll<HTMLElement>('td[data-synthesis-gap]')].map((td) => [td.dataset.row, td.dataset.column, td.dataset.synthesisGap]);

    it('marks cells with at least N primary studies and no review, with an outline, a marker and their names', async () => {
      const el = await grid();
      expect(marked(el)).to.deep.equal([]);
      el.highlight = 'synthesis-gaps';
      await el.updateComplete;
      expect(marked(el), 'none has 5').to.deep.equal([]);
      el.synthesisGapMin = 1;
      await el.updateComplete;
      // education × mental and in-person × mental hold a review (s2, s7); s4 is in no leaf cell.
      expect(marked(el)).to.deep.equal([
        ['education', 'physical', '1'],
        ['remote', 'physical', '1'],
        ['remote', 'mental-health', '1'],
      ]);
      const td = cell(el, 'remote', 'physical');
      expect(td.getAttribute('aria-label')).to.equal('Remote, Physical health: 1 study; Low 1; synthesis gap: 1 primary study, no review');
      expect(td.classList.contains('sg')).to.equal(true);
      expect(getComputedStyle(td, '::before').borderTopStyle).to.equal('dashed');
      expect(text(td.querySelector('.sg-mark'))).to.equal('◇');
      expect(td.querySelector('.sg-mark')!.getAttribute('aria-hidden')).to.equal('true');
      expect(cell(el, 'education', 'mental-health').getAttribute('aria-label')).to.equal('Education, Mental health: 2 studies; High 1, Medium 1');
    });

    it('follows the filters: a cell whose review is filtered out becomes one', async () => {
      const el = await grid();
      Object.assign(el, { highlight: 'synthesis-gaps', synthesisGapMin: 1, filters: { categories: { design: ['rct'] } } });
      await el.updateComplete;
      expect(marked(el)).to.deep.equal([
        ['education', 'physical', '1'],
        ['education', 'mental-health', '1'],
        ['in-person', 'mental-health', '1'],
        ['remote', 'mental-health', '1'],
      ]);
      expect(cell(el, 'education', 'mental-health').getAttribute('aria-label')).to.equal(
        'Education, Mental health: 1 of 2 studies; High 1; synthesis gap: 1 primary study, no review',
      );
    });

    it('marks the same cells as core on the demo map, in every view, collapsed or not', async () => {
      const map = await loadJson('/demo/peer-support.egm.json');
      for (const view of ['bubble', 'heatmap', 'mosaic', 'table'] as const) {
        for (const collapsed of [[], ['delivery', 'facilitation', 'duration']]) {
          const el = await grid(map);
          Object.assign(el, { view, collapsed, highlight: 'synthesis-gaps', synthesisGapMin: 3 });
          await el.updateComplete;
          const expected = synthesisGaps(el.model!, el.counts!, 3).map((g) => [g.rowId, g.columnId, String(g.primary)]);
          expect(expected.length).to.be.greaterThan(3);
          expect(marked(el), `${view} ${collapsed.join()}`).to.deep.equal(expected);
        }
      }
    });

    it('says so in the table view', async () => {
      const el = await grid();
      Object.assign(el, { view: 'table', highlight: 'synthesis-gaps', synthesisGapMin: 1 });
      await el.updateComplete;
      expect([...el.shadowRoot!.querySelectorAll('td[data-synthesis-gap="1"]')].length).to.equal(3);
      expect(text(el.shadowRoot!.querySelector('td[data-row="remote"][data-column="physical"] .sg-text'))).to.equal('◇ synthesis gap');
    });

    it('does nothing without layout.reviews', async () => {
      const map = smallMap();
      delete map.layout.reviews;
      const el = await grid(map);
      Object.assign(el, { highlight: 'synthesis-gaps', synthesisGapMin: 1 });
      await el.updateComplete;
      expect(marked(el)).to.deep.equal([]);
      expect(el.shadowRoot!.querySelectorAll('.sg, .sg-mark').length).to.equal(0);
    });
  });

  describe('in other languages', () => {
    before(async () => {
      await import('../../i18n/fr.js');
    });
    /** French groups digits with a narrow no-break space. */
    const NNBSP = '\u202f';
    /** The text as it is (`text()` would turn the narrow space into a plain one). */
    const raw = (node: Element | null) => node?.textContent?.trim();

    async function inLang(lang: string, map: EgmMap = smallMap(), props: Partial<EgmGrid> = {}, dir?: string): Promise<EgmGrid> {
      const { schema, studies } = splitMap(map);
      const wrap = await fixture<HTMLDivElement>(html`<div lang=${lang} dir=${dir ?? 'ltr'}><egm-grid .schema=${schema} .studies=${studies}></egm-grid></div>`);
      const el = wrap.querySelector('egm-grid')!;
      Object.assign(el, props);
      await el.updateComplete;
      return el;
    }
    const bigMap = () => smallMapWithBigCell(1234);
    const name = (el: EgmGrid, row: string, column: string) => cell(el, row, column).getAttribute('aria-label');

    it('names filled, gap, filtered-out and synthesis-gap cells in French', async () => {
      const el = await inLang('fr');
      expect(name(el, 'education', 'mental-health')).to.equal('Education, Mental health : 2 études ; High 1, Medium 1');
      expect(name(el, 'in-person', 'mental-health')).to.equal('In person, Mental health : 2 études ; High 1, Low 1, Non codé 1');
      expect(name(el, 'education', 'physical')).to.equal('Education, Physical health : 1 étude ; High 1');
      expect(name(el, 'education', 'cost')).to.equal('Education, Cost-effectiveness : aucune étude (une lacune)');
      el.filters = { categories: { population: ['adults'] } };
      await el.updateComplete;
      expect(name(el, 'emotional', 'mental-health')).to.equal('Emotional support, Mental health : aucune étude avec les filtres actuels (1 au total)');
      expect(name(el, 'education', 'mental-health')).to.equal('Education, Mental health : 1 sur 2 études ; High 1');
      Object.assign(el, { filters: undefined, highlight: 'synthesis-gaps', synthesisGapMin: 1 });
      await el.updateComplete;
      expect(name(el, 'remote', 'physical')).to.equal('Remote, Physical health : 1 étude ; Low 1 ; lacune de synthèse : 1 étude primaire, aucune revue');
      await expect(el).to.be.accessible();
    });

    it('names the grid, the corner and the headers in French', async () => {
      const el = await inLang('fr');
      const root = el.shadowRoot!;
      expect(root.querySelector('[role="grid"]')!.getAttribute('aria-label')).to.equal('Small test map : Type of support par Outcome');
      expect(text(root.querySelector('.corner'))).to.equal('Outcome → Type of support ↓');
      expect(text(root.querySelector('th[data-axis="row"][data-id="education"]'))).to.equal('Education (2 études)');
      expect(text(root.querySelector('th[data-axis="column"][data-id="wellbeing"] .head-count'))).to.equal('(1 étude)');
      // Only the number shows; the words are visually hidden.
      const count = root.querySelector('th[data-axis="row"][data-id="education"] .head-count')!;
      expect([...count.querySelectorAll('.visually-hidden')].map((s) => s.textContent)).to.deep.equal(['(', ' études)']);
      const direct = root.querySelector('th[data-id="delivery"] .direct-only')!;
      expect([text(direct), direct.getAttribute('aria-label')]).to.deep.equal(['+1 Delivery seulement', '+1 Delivery seulement : 1 étude codée au groupe seul']);
    });

    it('formats numbers of four digits and more in French, in every view', async () => {
      const el = await inLang('fr', bigMap());
      expect(name(el, 'education', 'cost')).to.equal(`Education, Cost-effectiveness : 1${NNBSP}234 études ; High 1${NNBSP}234`);
      expect(raw(cell(el, 'education', 'cost').querySelector('text.n'))).to.equal(`1${NNBSP}234`);
      expect(raw(el.shadowRoot!.querySelector('th[data-axis="row"][data-id="education"] .head-count'))).to.equal(`(1${NNBSP}236 études)`);
      el.view = 'heatmap';
      await el.updateComplete;
      expect(raw(cell(el, 'education', 'cost').querySelector('.hn'))).to.equal(`1${NNBSP}234`);
      el.view = 'mosaic';
      await el.updateComplete;
      expect(raw(cell(el, 'education', 'cost').querySelector('.more'))).to.equal(`+1${NNBSP}194`);
      el.view = 'table';
      await el.updateComplete;
      const td = (row: string, column: string) => el.shadowRoot!.querySelector(`td[data-row="${row}"][data-column="${column}"]`)!;
      expect([...td('education', 'cost').querySelectorAll('span')].map(raw)).to.deep.equal([`1${NNBSP}234`, `High 1${NNBSP}234`]);
      expect([...td('emotional', 'cost').querySelectorAll('span')].map(text)).to.deep.equal(['0', 'lacune']);
      el.filters = { categories: { population: ['adults'] } };
      await el.updateComplete;
      expect([...td('emotional', 'mental-health').querySelectorAll('span')].map(text)).to.deep.equal(['0', 'sur 1']);
      expect(text(el.shadowRoot!.querySelector('table > caption'))).to.equal('Small test map : Type of support par Outcome');
      await expect(el).to.be.accessible();
    });

    it('shows its notes and error states in French, the problems themselves in English', async () => {
      const empty = smallMap();
      empty.studies = [];
      const el = await inLang('fr', empty);
      expect(text(el.shadowRoot!.querySelector('.note'))).to.equal('Cette carte n’a pas encore d’études : chaque cellule est une lacune.');
      const bad = smallMap() as unknown as Record<string, any>;
      bad.studies[2].codes.outcome = ['mental'];
      bad.layout.rows = 'suport';
      const invalid = await inLang('fr', bad as EgmMap);
      expect(text(invalid.shadowRoot!.querySelector('[role="alert"] h2'))).to.equal('Impossible d’afficher cette carte (2 problèmes)');
      expect(invalid.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('layout.rows: unknown dimension "suport" (did you mean "support"?)');
      const settings = await inLang('fr', smallMap(), { rows: 'nope' });
      expect(text(settings.shadowRoot!.querySelector('[role="alert"] h2'))).to.equal('Les réglages de cette grille ne correspondent pas à sa carte (1 problème)');
      await expect(settings).to.be.accessible();
    });

    it('takes its own strings over the locale, and redraws every cell when the strings or the language change', async () => {
      const el = await inLang('fr');
      el.strings = { grid: { gap: 'case vide', notCoded: 'sans code' } };
      await el.updateComplete;
      expect(name(el, 'education', 'cost')).to.equal('Education, Cost-effectiveness : case vide');
      expect(name(el, 'in-person', 'mental-health')).to.equal('In person, Mental health : 2 études ; High 1, Low 1, sans code 1');
      expect(name(el, 'education', 'mental-health')).to.equal('Education, Mental health : 2 études ; High 1, Medium 1');
      el.strings = undefined;
      el.parentElement!.lang = 'en';
      el.requestUpdate();
      await el.updateComplete;
      expect(name(el, 'education', 'cost')).to.equal('Education, Cost-effectiveness: no studies (a gap)');
      expect(name(el, 'in-person', 'mental-health')).to.equal('In person, Mental health: 2 studies; High 1, Low 1, Not coded 1');
      expect(text(el.shadowRoot!.querySelector('th[data-axis="row"][data-id="education"]'))).to.equal('Education (2 studies)');
    });

    it('speaks English, with English numbers, in a language with no locale', async () => {
      const el = await inLang('de', bigMap());
      expect(name(el, 'education', 'cost')).to.equal('Education, Cost-effectiveness: 1,234 studies; High 1,234');
      expect(name(el, 'emotional', 'cost')).to.equal('Emotional support, Cost-effectiveness: no studies (a gap)');
      expect(text(el.shadowRoot!.querySelector('.corner'))).to.equal('Outcome → Type of support ↓');
      expect(el.shadowRoot!.querySelector('[role="grid"]')!.getAttribute('aria-label')).to.equal('Small test map: Type of support by Outcome');
    });

    it('swaps Left and Right under dir="rtl": ArrowRight moves to the previous column', async () => {
      const el = await inLang('fr', smallMap(), {}, 'rtl');
      cell(el, 'education', 'mental-health').focus();
      await sendKeys({ press: 'ArrowRight' });
      expect(focused(el)!.dataset.column).to.equal('physical');
      await sendKeys({ press: 'ArrowRight' });
      expect(focused(el)!.getAttribute('role')).to.equal('rowheader');
      await sendKeys({ press: 'ArrowLeft' });
      expect(focused(el)!.dataset.column).to.equal('physical');
      await sendKeys({ press: 'ArrowLeft' });
      expect(focused(el)!.dataset.column).to.equal('mental-health');
      expect(text(el.shadowRoot!.querySelector('.corner'))).to.equal('Outcome ← Type of support ↓');
      // The row headers are laid out on the right.
      const head = el.shadowRoot!.querySelector('th[data-axis="row"][data-id="education"]')!.getBoundingClientRect();
      expect(head.left).to.be.greaterThan(cell(el, 'education', 'physical').getBoundingClientRect().left);
    });

    it('keeps the row headers and the corner at the right under dir="rtl" as the grid scrolls to its far end', async () => {
      const el = await inLang('fr', smallMap(), {}, 'rtl');
      el.parentElement!.style.width = '420px';
      await el.updateComplete;
      const scroller = el.shadowRoot!.querySelector<HTMLElement>('.scroller')!;
      expect(scroller.scrollWidth > scroller.clientWidth, 'the grid scrolls sideways').to.equal(true);
      const edge = () => Math.round(scroller.getBoundingClientRect().right);
      const right = (selector: string) => Math.round(el.shadowRoot!.querySelector(selector)!.getBoundingClientRect().right);
      const before = [right('th[data-axis="row"][data-id="education"]'), right('th.corner')];
      // (Scrolling towards the end of a right-to-left box makes scrollLeft negative.)
      scroller.scrollLeft = -scroller.scrollWidth;
      await new Promise((r) => requestAnimationFrame(r));
      expect(scroller.scrollLeft < 0, 'scrolled').to.equal(true);
      expect([right('th[data-axis="row"][data-id="education"]'), right('th.corner')]).to.deep.equal(before);
      expect(Math.abs(before[0] - edge()) <= 2, `row header ends at ${before[0]}, the box at ${edge()}`).to.equal(true);
    });
  });
});
