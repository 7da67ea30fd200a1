import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { GridModel } from '../../core/grid.js';
import { createIndex } from '../../core/map-index.js';
import { parseMap, splitMap } from '../../core/parse.js';
import { smallMap } from '../../core/testing/fixture.js';
import type { EgmMap } from '../../core/types.js';
import type { EgmCellSelectEvent } from '../../events/egm-cell-select.js';
import type { EgmHeaderSelectEvent } from '../../events/egm-header-select.js';
import './egm-grid.js';
import type { EgmGrid } from './egm-grid.js';

async function grid(map: EgmMap = smallMap(), attrs: { rows?: string; columns?: string; segments?: string } = {}): Promise<EgmGrid> {
  const { schema, studies } = splitMap(map);
  const el = await fixture<EgmGrid>(html`<egm-grid .schema=${schema} .studies=${studies} rows=${attrs.rows ?? ''} columns=${attrs.columns ?? ''} segments=${attrs.segments ?? ''}></egm-grid>`);
  await el.updateComplete;
  return el;
}
const cells = (el: EgmGrid) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="gridcell"]')];
const cell = (el: EgmGrid, row: string, column: string) => el.shadowRoot!.querySelector<HTMLElement>(`[role="gridcell"][data-row="${row}"][data-column="${column}"]`)!;
const focused = (el: EgmGrid) => el.shadowRoot!.activeElement as HTMLElement | null;
const loadJson = async (path: string) => (await (await fetch(path)).json()) as EgmMap;

/** Every cell's data-count equals core's count for the same configuration. */
function expectCountsMatchCore(el: EgmGrid, map: EgmMap, filters?: Parameters<GridModel['count']>[0]) {
  const model = new GridModel(createIndex(parseMap(map)), { rows: map.layout.rows, columns: map.layout.columns, segments: map.layout.segments });
  const counts = model.count(filters);
  const C = model.columns.lines.length;
  let checked = 0;
  model.rows.lines.forEach((r, i) =>
    model.columns.lines.forEach((c, j) => {
      const td = cell(el, r.id, c.id);
      expect(td.dataset.count, `${r.id} × ${c.id}`).to.equal(String(counts.counts[i * C + j]));
      expect(td.dataset.total, `${r.id} × ${c.id} total`).to.equal(String(model.totals.counts[i * C + j]));
      checked++;
    }),
  );
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
      const el = await grid(map);
      expect(expectCountsMatchCore(el, map)).to.equal(60 * 40);
    });

    it('draws the cells on screen first and every cell by updateComplete, through filters and collapsing', async () => {
      const map = await loadJson('/demo/large-1000.egm.json');
      const el = await grid(map);
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

    it('draws gaps without a bubble and filtered-out cells as a dashed outline', async () => {
      const el = await grid();
      expect(cell(el, 'education', 'cost').querySelector('svg')).to.equal(null);
      el.filters = { categories: { population: ['adults'] } };
      await el.updateComplete;
      expect(cell(el, 'emotional', 'mental-health').querySelector('.ghost')).to.not.equal(null);
      expect(cell(el, 'education', 'physical').querySelector('text')!.textContent).to.equal('1');
    });

    it('sizes bubbles by area and draws slices with the segment colours, never with a style attribute', async () => {
      const el = await grid();
      const big = cell(el, 'education', 'mental-health').querySelectorAll('path.slice');
      expect([...big].map((p) => p.getAttribute('fill'))).to.deep.equal(['#1b7837', '#e08214']);
      const one = cell(el, 'education', 'physical').querySelector('circle.slice')!;
      expect(Number(one.getAttribute('r'))).to.equal(15.56); // sqrt(1/2) × 22
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

    it('fires events that a listener on document receives', async () => {
      const el = await grid();
      setTimeout(() => cell(el, 'education', 'physical').click());
      const e = await oneEvent<EgmCellSelectEvent>(document, 'egm-cell-select');
      expect(e.detail.studyIds).to.deep.equal(['s1']);
    });
  });
});
