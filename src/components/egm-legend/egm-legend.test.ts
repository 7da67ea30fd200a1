import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { HEAT_PALETTE, heatScale } from '../../core/heat.js';
import { sizeKeyCounts } from '../../core/scale.js';
import { smallMap, smallMapWithBigCell } from '../../core/testing/fixture.js';
import type { EgmFilters, EgmMap } from '../../core/types.js';
import type { EgmSegmentToggleEvent } from '../../events/egm-segment-toggle.js';
import { radiusFor } from '../../internal/bubble.js';
import { gridModel, resolveAxes, resolveMap, type Axes } from '../../internal/map-data.js';
import '../egm-grid/egm-grid.js';
import './egm-legend.js';
import type { EgmLegend } from './egm-legend.js';

let demo: EgmMap;
before(async () => {
  demo = (await (await fetch('/demo/peer-support.egm.json')).json()) as EgmMap;
});

/** A stand-in for `<egm-grid>` (written separately): the same property names, and `egm-render` after each change. */
type FakeGrid = HTMLElement & { schema?: unknown; studies?: unknown; filters?: EgmFilters; hiddenSegments?: string[]; collapsed?: string[] };
function render(grid: FakeGrid, props: Partial<FakeGrid> = {}): void {
  Object.assign(grid, props);
  grid.dispatchEvent(new Event('egm-render'));
}

const small = smallMap();
const ADULTS: EgmFilters = { categories: { population: ['adults'] } };

async function legend(schema: unknown = small, filters?: EgmFilters): Promise<EgmLegend> {
  return fixture<EgmLegend>(html`<egm-legend .schema=${schema} .filters=${filters}></egm-legend>`);
}
const $ = (el: EgmLegend, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
const $$ = (el: EgmLegend, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
/** Booleans, not elements, in assertions: chai's failure message for a DOM node can stall the browser. */
const has = (el: EgmLegend, selector: string) => $(el, selector) !== null;
const textOf = (node: Element | null) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const toggle = (el: EgmLegend, id: string) => $(el, `.toggle[data-segment="${id}"]`)!;
/** Each toggle as [category id, label, count shown, aria-pressed]. */
const toggles = (el: EgmLegend) =>
  $$(el, '.toggle').map((b) => [b.dataset.segment, textOf(b.querySelector('.label')), Number(textOf(b.querySelector('.count')).split(' ')[0]), b.getAttribute('aria-pressed')]);
const counts = (el: EgmLegend) => $$(el, '.toggle .count').map((c) => Number(c.dataset.count));

describe('egm-legend', () => {
  describe('accessibility', () => {
    it('passes axe with segments, with a segment hidden, and on the demo map', async () => {
      const el = await legend();
      await expect(el).to.be.accessible();
      toggle(el, 'low').click();
      await el.updateComplete;
      await expect(el).to.be.accessible();
      await expect(await legend(demo)).to.be.accessible();
    });

    it('passes axe without segments and in the error state', async () => {
      await expect(await fixture(html`<egm-legend segments="none" .schema=${small}></egm-legend>`)).to.be.accessible();
      await expect(await legend({ format: 'egm/1' })).to.be.accessible();
    });
  });

  describe('properties', () => {
    it('has the documented defaults', async () => {
      const el = await legend();
      expect(el.view).to.equal('bubble');
      expect(el.hiddenSegments).to.deep.equal([]);
      expect(el.collapsed).to.deep.equal([]);
      expect(el.headingLevel).to.equal(3);
      expect([el.rows, el.columns, el.segments, el.for]).to.deep.equal([undefined, undefined, undefined, undefined]);
      expect(el.hasAttribute('schema') || el.hasAttribute('hidden-segments')).to.be.false;
    });

    it('reflects its settings as attributes', async () => {
      const el = await legend();
      el.segments = 'population';
      el.rows = 'outcome';
      el.columns = 'support';
      el.donut = true;
      el.headingLevel = 4;
      el.for = 'grid';
      await el.updateComplete;
      expect(['segments', 'rows', 'columns', 'view', 'donut', 'heading-level', 'for'].map((a) => el.getAttribute(a))).to.deep.equal([
        'population',
        'outcome',
        'support',
        'bubble',
        '',
        '4',
        'grid',
      ]);
    });

    it('shows segments hidden through .hiddenSegments as not pressed', async () => {
      const el = await legend();
      el.hiddenSegments = ['low', ''];
      await el.updateComplete;
      expect(toggles(el).map((t) => t[3])).to.deep.equal(['true', 'true', 'false', 'false']);
    });

    it('takes a whole map as .schema, or a schema and .studies', async () => {
      const { studies, ...schema } = small;
      const el = await fixture<EgmLegend>(html`<egm-legend .schema=${schema} .studies=${studies}></egm-legend>`);
      expect(counts(el)).to.deep.equal([3, 1, 2, 2]);
    });

    describe('following a grid (for)', () => {
      it("reads the grid's inputs after each egm-render, and sets the grid's hiddenSegments", async () => {
        const wrap = await fixture(html`<div><egm-legend for="g"></egm-legend><test-grid id="g"></test-grid></div>`);
        const el = wrap.querySelector('egm-legend')!;
        const grid = wrap.querySelector<FakeGrid>('#g')!;
        expect(el.shadowRoot!.children).to.have.length(0);
        render(grid, { schema: small, hiddenSegments: [] });
        await el.updateComplete;
        expect(counts(el)).to.deep.equal([3, 1, 2, 2]);
        render(grid, { filters: ADULTS });
        await el.updateComplete;
        expect(counts(el)).to.deep.equal([2, 0, 1, 2]);
        toggle(el, 'medium').click();
        expect(grid.hiddenSegments).to.deep.equal(['medium']);
        expect(el.hiddenSegments).to.deep.equal(['medium']);
        render(grid, { hiddenSegments: ['low'] });
        await el.updateComplete;
        expect(toggles(el).map((t) => t[3])).to.deep.equal(['true', 'true', 'false', 'true']);
      });

      it("reads the grid's attributes before it has properties, and finds a grid added later", async () => {
        const wrap = await fixture<HTMLDivElement>(html`<div><egm-legend for="late"></egm-legend></div>`);
        const el = wrap.querySelector('egm-legend')!;
        const grid = document.createElement('test-grid') as FakeGrid;
        grid.id = 'late';
        grid.setAttribute('segments', 'population');
        wrap.append(grid);
        render(grid, { schema: small });
        await el.updateComplete;
        expect(textOf($(el, '.heading'))).to.equal('Population');
        expect(counts(el)).to.deep.equal([4, 2, 2]);
      });

      it('follows a real <egm-grid>: its filters, segments and hidden segments', async () => {
      const wrap = await fixture(html`<div><egm-legend for="real"></egm-legend><egm-grid id="real" .schema=${small}></egm-grid></div>`);
      const el = wrap.querySelector('egm-legend')!;
      const grid = wrap.querySelector('egm-grid')!;
      await grid.updateComplete;
      await el.updateComplete;
      expect(counts(el)).to.deep.equal([3, 1, 2, 2]);
      grid.filters = ADULTS;
      await grid.updateComplete;
      await el.updateComplete;
      expect(counts(el)).to.deep.equal([2, 0, 1, 2]);
      toggle(el, 'low').click();
      expect(grid.hiddenSegments).to.deep.equal(['low']);
      grid.segments = 'none';
      await grid.updateComplete;
      await el.updateComplete;
      expect(has(el, '.segments')).to.be.false;
    });

    it('switches grids when for changes, and ignores egm-render from other elements', async () => {
        const wrap = await fixture(html`<div><egm-legend for="a"></egm-legend><test-grid id="a"></test-grid><test-grid id="b"></test-grid></div>`);
        const el = wrap.querySelector('egm-legend')!;
        const [a, b] = [...wrap.querySelectorAll<FakeGrid>('test-grid')];
        render(a, { schema: small });
        render(b, { schema: small, filters: ADULTS });
        await el.updateComplete;
        expect(counts(el)).to.deep.equal([3, 1, 2, 2]);
        el.for = 'b';
        await el.updateComplete;
        expect(counts(el)).to.deep.equal([2, 0, 1, 2]);
        // A change to grid a no longer reaches the legend.
        let updates = 0;
        const original = el.requestUpdate.bind(el);
        el.requestUpdate = (...args: Parameters<EgmLegend['requestUpdate']>) => {
          updates++;
          original(...args);
        };
        render(a, { filters: { categories: { design: ['sr'] } } });
        expect(updates).to.equal(0);
      });
    });
  });

  describe('rendering', () => {
    it("shows the segment dimension's name as a heading and each segment with its count (hand-counted)", async () => {
      const el = await legend();
      expect(textOf($(el, 'h3.heading'))).to.equal('Study quality');
      expect(toggles(el)).to.deep.equal([
        ['high', 'High', 3, 'true'],
        ['medium', 'Medium', 1, 'true'],
        ['low', 'Low', 2, 'true'],
        ['', 'Not coded', 2, 'true'],
      ]);
      expect(textOf(toggle(el, 'medium'))).to.equal('Medium 1 study');
      expect(textOf(toggle(el, 'high'))).to.equal('High 3 studies');
      const group = $(el, '.segments')!;
      expect(group.getAttribute('role')).to.equal('group');
      expect(group.getAttribute('aria-labelledby')).to.equal($(el, '.heading')!.id);
      expect($(el, '.legend')!.getAttribute('role')).to.equal('group');
      expect($(el, '.legend')!.getAttribute('aria-label')).to.equal('Legend');
    });

    it("shows the same segment counts as core's grid model", async () => {
      const state = resolveMap(small, undefined);
      if (state.status !== 'ok') throw new Error('the fixture is invalid');
      const model = gridModel(state.data, resolveAxes(state.data, {}) as Axes, []);
      const el = await legend();
      expect(counts(el)).to.deep.equal(model.segments.map((s) => s.total));
      expect($$(el, '.swatch rect').map((r) => r.getAttribute('fill'))).to.deep.equal(model.segments.map((s) => s.color));
    });

    it('recounts under the filters: population adults gives High 2, Medium 0, Low 1, Not coded 2', async () => {
      // Adults (older, working-age or adults itself): s1 high, s3 high + low, s4 and s7 not coded.
      const el = await legend(small, ADULTS);
      expect(counts(el)).to.deep.equal([2, 0, 1, 2]);
      // A query and a study type: "peer" is in s1, s3, s4, s5; Systematic review is s2, s7.
      el.filters = { categories: {}, query: 'peer' };
      await el.updateComplete;
      expect(counts(el)).to.deep.equal([2, 0, 2, 1]);
      el.filters = { categories: { design: ['sr'] } };
      await el.updateComplete;
      expect(counts(el)).to.deep.equal([0, 1, 0, 1]);
      el.filters = undefined;
      await el.updateComplete;
      expect(counts(el)).to.deep.equal([3, 1, 2, 2]);
    });

    it('counts the demo map like a plain count of its studies, with and without a filter', async () => {
      const quality = demo.dimensions.find((d) => d.id === 'quality')!.categories.map((c) => c.id);
      const byHand = (pass: (s: EgmMap['studies'][number]) => boolean) => [
        ...quality.map((q) => demo.studies.filter((s) => pass(s) && s.codes.quality?.includes(q)).length),
        demo.studies.filter((s) => pass(s) && !s.codes.quality?.length).length,
      ];
      const expectedAll = byHand(() => true);
      const el = await legend(demo);
      // "Not coded" is listed only when some study is not coded.
      expect(counts(el)).to.deep.equal(expectedAll[quality.length] > 0 ? expectedAll : expectedAll.slice(0, -1));
      el.filters = { categories: { population: ['carers'] } };
      await el.updateComplete;
      const expectedCarers = byHand((s) => !!s.codes.population?.includes('carers'));
      expect(counts(el)).to.deep.equal(expectedAll[quality.length] > 0 ? expectedCarers : expectedCarers.slice(0, -1));
      expect(expectedCarers.reduce((a, b) => a + b, 0)).to.be.greaterThan(0);
    });

    it('leaves "Not coded" out when every study has a segment code', async () => {
      const coded = { ...small, studies: small.studies.filter((s) => s.codes.quality?.length) };
      const el = await legend(coded);
      expect(toggles(el).map((t) => t[0])).to.deep.equal(['high', 'medium', 'low']);
    });

    it('follows the segments attribute, and shows no toggles for segments="none"', async () => {
      const el = await legend();
      el.segments = 'population';
      await el.updateComplete;
      expect(textOf($(el, '.heading'))).to.equal('Population');
      expect(toggles(el).map((t) => [t[1], t[2]])).to.deep.equal([
        ['Adults', 4],
        ['Children', 2],
        ['Not coded', 2],
      ]);
      el.segments = 'none';
      await el.updateComplete;
      expect(has(el, '.segments')).to.be.false;
      expect(has(el, '.size-key')).to.be.true;
      expect(has(el, '.gap')).to.be.true;
      const plain = await legend({ ...small, layout: { rows: 'support', columns: 'outcome' } });
      expect(has(plain, '.segments')).to.be.false;
      expect(has(plain, '.size-key')).to.be.true;
    });

    it("draws the size key with the grid's bubble and scale", async () => {
      const el = await legend();
      // The largest unfiltered cell holds 2 studies (education × mental health, in-person × mental health).
      expect(sizeKeyCounts(2)).to.deep.equal([1, 2]);
      const items = $$(el, '.size-key li');
      expect(items.map((li) => textOf(li))).to.deep.equal(['1 study', '2 studies']);
      const r = radiusFor(2);
      // Whole discs, drawn as paths like the grid's bubbles.
      const disc = (n: number) => `M0 -${n}A${n} ${n} 0 1 1 0 ${n}A${n} ${n} 0 1 1 0 -${n}Z`;
      expect(items.map((li) => li.querySelector('path.slice')!.getAttribute('d'))).to.deep.equal([1, 2].map((n) => disc(Math.round(r(n) * 100) / 100)));
      expect(items[0].querySelector('svg')!.getAttribute('viewBox')).to.equal('-24 -24 48 48');
      expect(textOf($(el, '#size-label'))).to.equal('Studies per cell:');
    });

    it('labels the demo size key with core sizeKeyCounts of the largest cell', async () => {
      const state = resolveMap(demo, undefined);
      if (state.status !== 'ok') throw new Error('the demo map is invalid');
      const max = gridModel(state.data, resolveAxes(state.data, {}) as Axes, []).totals.max;
      const el = await legend(demo);
      expect($$(el, '.size-key li').map((li) => textOf(li))).to.deep.equal(sizeKeyCounts(max).map((n) => `${n} ${n === 1 ? 'study' : 'studies'}`));
    });

    it('draws donuts like the grid when donut is set', async () => {
      const el = await fixture<EgmLegend>(html`<egm-legend donut .schema=${small}></egm-legend>`);
      expect($$(el, '.size-key path[fill-rule="evenodd"]')).to.have.length(2);
      const plain = await legend();
      expect([$$(plain, '.size-key path').length, $$(plain, '.size-key path[fill-rule]').length]).to.deep.equal([2, 0]);
    });

    it('shows what a gap and a filtered-out cell look like', async () => {
      const el = await legend();
      const [gap, filtered] = $$(el, '.states-key li');
      expect(textOf(gap)).to.equal('Gap: no studies');
      expect(gap.querySelector('.gap')).to.satisfy((n: Element | null) => n !== null);
      expect(textOf(filtered)).to.equal('No studies under the current filters');
      const circle = filtered.querySelector('circle.ghost')!;
      expect(getComputedStyle(circle).strokeDasharray).to.equal('3px, 3px');
      expect(getComputedStyle(circle).fill).to.equal('none');
    });

    it('shows the shared error state for an invalid map or a bad attribute, without throwing', async () => {
      const el = await legend({ format: 'egm/1' });
      const error = $(el, '.error')!;
      expect(error.getAttribute('role')).to.equal('alert');
      expect(textOf(error.querySelector('h2'))).to.match(/^The legend cannot be shown \(\d+ problems?\)$/);
      const bad = await fixture<EgmLegend>(html`<egm-legend rows="nope" .schema=${small}></egm-legend>`);
      expect(textOf($(bad, '.error li'))).to.match(/^rows attribute: unknown dimension "nope"/);
      const notAMap = await legend('a string');
      expect(has(notAMap, '.error')).to.be.true;
      const empty = await fixture<EgmLegend>(html`<egm-legend></egm-legend>`);
      expect(empty.shadowRoot!.children).to.have.length(0);
    });
  });

  describe('keyboard', () => {
    it('toggles with Space and Enter, one Tab stop per segment', async () => {
      const el = await legend();
      toggle(el, 'high').focus();
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect(toggle(el, 'high').getAttribute('aria-pressed')).to.equal('false');
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement === toggle(el, 'medium')).to.be.true;
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(el.hiddenSegments).to.deep.equal(['high', 'medium']);
      await sendKeys({ press: 'Shift+Tab' });
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(el.hiddenSegments).to.deep.equal(['medium']);
      expect(toggle(el, 'high').getAttribute('aria-pressed')).to.equal('true');
    });
  });

  describe('events', () => {
    it('emits a cancelable, bubbling, composed egm-segment-toggle with the segment', async () => {
      const el = await legend();
      setTimeout(() => toggle(el, 'medium').click());
      const e: EgmSegmentToggleEvent = await oneEvent(document, 'egm-segment-toggle');
      expect(e.detail).to.deep.equal({ dimensionId: 'quality', categoryId: 'medium', visible: false });
      expect([e.bubbles, e.composed, e.cancelable]).to.deep.equal([true, true, true]);
      expect(el.hiddenSegments).to.deep.equal(['medium']);
      setTimeout(() => toggle(el, 'medium').click());
      const again = await oneEvent(el, 'egm-segment-toggle');
      expect(again.detail).to.deep.equal({ dimensionId: 'quality', categoryId: 'medium', visible: true });
      expect(el.hiddenSegments).to.deep.equal([]);
    });

    it('reports "Not coded" as categoryId ""', async () => {
      const el = await legend();
      setTimeout(() => toggle(el, '').click());
      const e = await oneEvent(el, 'egm-segment-toggle');
      expect(e.detail).to.deep.equal({ dimensionId: 'quality', categoryId: '', visible: false });
    });

    it('reverts the toggle when the event is cancelled, leaving a followed grid alone', async () => {
      const wrap = await fixture(html`<div><egm-legend for="g"></egm-legend><test-grid id="g"></test-grid></div>`);
      const el = wrap.querySelector('egm-legend')!;
      const grid = wrap.querySelector<FakeGrid>('#g')!;
      render(grid, { schema: small, hiddenSegments: [] });
      await el.updateComplete;
      el.addEventListener('egm-segment-toggle', (e) => e.preventDefault(), { once: true });
      toggle(el, 'low').click();
      await el.updateComplete;
      expect(toggle(el, 'low').getAttribute('aria-pressed')).to.equal('true');
      expect(el.hiddenSegments).to.deep.equal([]);
      expect(grid.hiddenSegments).to.deep.equal([]);
      toggle(el, 'low').click();
      await el.updateComplete;
      expect(toggle(el, 'low').getAttribute('aria-pressed')).to.equal('false');
      expect(grid.hiddenSegments).to.deep.equal(['low']);
    });
  });

  describe('views and synthesis gaps', () => {
    const keys = (el: EgmLegend) => ['.segments', '.size-key', '.shade-key', '.tile-key', '.states-key', '.sg-key'].filter((k) => has(el, k));
    async function viewLegend(view: string, schema: unknown = small, attrs: Partial<EgmLegend> = {}) {
      const el = await fixture<EgmLegend>(html`<egm-legend .schema=${schema} view=${view}></egm-legend>`);
      Object.assign(el, attrs);
      await el.updateComplete;
      return el;
    }

    it('follows the view: size key for bubbles, shade key for the heat map, tile key for the mosaic, segments only for the table', async () => {
      expect(keys(await viewLegend('bubble'))).to.deep.equal(['.segments', '.size-key', '.states-key']);
      expect(keys(await viewLegend('heatmap'))).to.deep.equal(['.shade-key', '.states-key']);
      expect(keys(await viewLegend('mosaic'))).to.deep.equal(['.segments', '.tile-key', '.states-key']);
      expect(keys(await viewLegend('table'))).to.deep.equal(['.segments']);
      expect(keys(await viewLegend('pie')), 'an unknown view is bubbles').to.deep.equal(['.segments', '.size-key', '.states-key']);
    });

    it('draws the heat map’s own steps and shades', async () => {
      const state = resolveMap(demo, undefined);
      if (state.status !== 'ok') throw new Error('the demo map is invalid');
      const max = gridModel(state.data, resolveAxes(state.data, {}) as Axes, []).totals.max;
      const el = await viewLegend('heatmap', demo);
      const items = $$(el, '.shade-key li');
      const steps = heatScale(max).steps;
      expect(steps.length).to.equal(7);
      expect(items.map((li) => textOf(li))).to.deep.equal(steps.map((s) => (s.from === s.to ? `${s.from}` : `${s.from}–${s.to}`)));
      const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
      expect(items.map((li) => getComputedStyle(li.querySelector('.shade')!).backgroundColor)).to.deep.equal(steps.map((s) => rgb(HEAT_PALETTE[s.shade])));
      expect(textOf($(el, '#shade-label'))).to.equal('Studies per cell:');
      // A filtered-out cell has no bubble in this view: a dashed box.
      expect(getComputedStyle($(el, '.states-key .ghost-box')!).borderTopStyle).to.equal('dashed');
    });

    it('explains a tile in the mosaic', async () => {
      const el = await viewLegend('mosaic');
      expect($$(el, '.tile-key li').map((li) => textOf(li))).to.deep.equal(['One tile per study']);
    });

    it('explains the synthesis-gap marker when highlighting is on and the map has layout.reviews', async () => {
      const el = await viewLegend('bubble', small, { highlight: 'synthesis-gaps' });
      expect(textOf($(el, '.sg-key .sg-mark'))).to.equal('◇');
      expect(textOf($(el, '.sg-key > span:last-child'))).to.equal('Synthesis gap: at least 5 primary studies, no review');
      expect(getComputedStyle($(el, '.sg-key .sg-swatch')!).borderTopStyle).to.equal('dashed');
      el.synthesisGapMin = 2;
      await el.updateComplete;
      expect(textOf($(el, '.sg-key > span:last-child'))).to.equal('Synthesis gap: at least 2 primary studies, no review');
      el.view = 'table';
      await el.updateComplete;
      expect(keys(el)).to.deep.equal(['.segments', '.states-key', '.sg-key']);
      el.highlight = undefined;
      await el.updateComplete;
      expect(has(el, '.sg-key')).to.be.false;
      const { reviews: _, ...layout } = small.layout;
      const noReviews = await viewLegend('bubble', { ...small, layout }, { highlight: 'synthesis-gaps' });
      expect(has(noReviews, '.sg-key')).to.be.false;
    });

    it('passes axe in every view with the marker', async () => {
      for (const view of ['bubble', 'heatmap', 'mosaic', 'table']) {
        await expect(await viewLegend(view, demo, { highlight: 'synthesis-gaps', synthesisGapMin: 3 }), view).to.be.accessible();
      }
    });

    it('follows a real grid’s view, highlight and threshold', async () => {
      const wrap = await fixture(html`<div><egm-legend for="v"></egm-legend><egm-grid id="v" view="heatmap" highlight="synthesis-gaps" synthesis-gap-min="2" .schema=${small}></egm-grid></div>`);
      const el = wrap.querySelector('egm-legend')!;
      const grid = wrap.querySelector('egm-grid')!;
      await grid.updateComplete;
      await el.updateComplete;
      expect(keys(el)).to.deep.equal(['.shade-key', '.states-key', '.sg-key']);
      expect($(el, '.sg-key')!.dataset.min).to.equal('2');
      grid.view = 'mosaic';
      grid.highlight = undefined;
      await grid.updateComplete;
      await el.updateComplete;
      expect(keys(el)).to.deep.equal(['.segments', '.tile-key', '.states-key']);
    });
  });

  describe('in other languages', () => {
    before(async () => {
      await import('../../i18n/fr.js');
    });
    /** French groups digits with a narrow no-break space. */
    const NNBSP = '\u202f';
    /** The text as it is (`textOf` would turn the narrow space into a plain one). */
    const raw = (node: Element | null) => node?.textContent?.replace(/[ \n]+/g, ' ').trim();

    async function inLang(lang: string, schema: unknown = small, props: Partial<EgmLegend> = {}): Promise<EgmLegend> {
      const wrap = await fixture<HTMLDivElement>(html`<div lang=${lang}><egm-legend .schema=${schema}></egm-legend></div>`);
      const el = wrap.querySelector('egm-legend')!;
      Object.assign(el, props);
      await el.updateComplete;
      return el;
    }
    const bigMap = () => smallMapWithBigCell(1234);

    it('shows its keys, toggles and counts in French', async () => {
      const el = await inLang('fr');
      expect($(el, '.legend')!.getAttribute('aria-label')).to.equal('Légende');
      expect(toggles(el)).to.deep.equal([
        ['high', 'High', 3, 'true'],
        ['medium', 'Medium', 1, 'true'],
        ['low', 'Low', 2, 'true'],
        ['', 'Non codé', 2, 'true'],
      ]);
      expect(textOf(toggle(el, 'medium'))).to.equal('Medium 1 étude');
      expect(textOf(toggle(el, 'high'))).to.equal('High 3 études');
      expect(textOf(toggle(el, 'high').querySelector('.count .visually-hidden'))).to.equal('études');
      expect(textOf($(el, '#size-label'))).to.equal('Études par cellule :');
      expect($$(el, '.size-key li').map((li) => textOf(li))).to.deep.equal(['1 étude', '2 études']);
      expect($$(el, '.states-key li').map((li) => textOf(li))).to.deep.equal(['Lacune : aucune étude', 'Aucune étude avec les filtres actuels']);
      Object.assign(el, { highlight: 'synthesis-gaps', synthesisGapMin: 1 });
      await el.updateComplete;
      expect(textOf($(el, '.sg-key'))).to.equal('◇Lacune de synthèse : au moins 1 étude primaire, aucune revue');
      el.synthesisGapMin = 5;
      await el.updateComplete;
      expect(textOf($(el, '.sg-key > span:last-child'))).to.equal('Lacune de synthèse : au moins 5 études primaires, aucune revue');
      await expect(el).to.be.accessible();
      el.view = 'mosaic';
      await el.updateComplete;
      expect($$(el, '.tile-key li').map((li) => textOf(li))).to.deep.equal(['Une tuile par étude']);
    });

    it('formats numbers of four digits and more in French', async () => {
      const el = await inLang('fr', bigMap());
      expect(raw(toggle(el, 'high').querySelector('.count'))).to.equal(`1${NNBSP}237 études`);
      expect(toggle(el, 'high').querySelector('.count')!.getAttribute('data-count')).to.equal('1237');
      const fr = new Intl.NumberFormat('fr');
      const sizes = sizeKeyCounts(1234);
      expect(sizes[sizes.length - 1]).to.be.greaterThan(999);
      expect($$(el, '.size-key li').map(raw)).to.deep.equal(sizes.map((n) => `${fr.format(n)} ${n === 1 ? 'étude' : 'études'}`));
      el.view = 'heatmap';
      await el.updateComplete;
      const steps = heatScale(1234).steps;
      expect($$(el, '.shade-key li').map(raw)).to.deep.equal(steps.map((st) => (st.from === st.to ? fr.format(st.from) : `${fr.format(st.from)}–${fr.format(st.to)}`)));
      expect(raw($$(el, '.shade-key li').pop()!)).to.match(new RegExp(`–1${NNBSP}234$`));
      el.view = 'mosaic';
      await el.updateComplete;
      expect($$(el, '.tile-key li').map((li) => textOf(li))).to.deep.equal(['Une tuile par étude', '+N : études au-delà des 40 tuiles d’une cellule pleine']);
      await expect(el).to.be.accessible();
    });

    it('shows its error state in French, the problems themselves in English', async () => {
      const el = await inLang('fr', small, { rows: 'nope' });
      expect(textOf($(el, '.error h2'))).to.equal('Impossible d’afficher la légende (1 problème)');
      expect(textOf($(el, '.error li'))).to.match(/^rows attribute: unknown dimension "nope"/);
      await expect(el).to.be.accessible();
    });

    it('takes its own strings over the locale', async () => {
      const el = await inLang('fr');
      el.strings = { legend: { gap: 'Case vide', studies: { one: '{n} article', other: '{n} articles' } }, grid: { notCoded: 'Sans code' } };
      await el.updateComplete;
      expect($$(el, '.states-key li').map((li) => textOf(li))).to.deep.equal(['Case vide', 'Aucune étude avec les filtres actuels']);
      expect(textOf(toggle(el, 'high'))).to.equal('High 3 articles');
      expect(textOf(toggle(el, '').querySelector('.label'))).to.equal('Sans code');
    });

    it('speaks English, with English numbers, in a language with no locale', async () => {
      const el = await inLang('de', bigMap());
      expect($(el, '.legend')!.getAttribute('aria-label')).to.equal('Legend');
      expect(textOf(toggle(el, 'high'))).to.equal('High 1,237 studies');
      expect(textOf(toggle(el, '').querySelector('.label'))).to.equal('Not coded');
      expect($$(el, '.states-key li').map((li) => textOf(li))).to.deep.equal(['Gap: no studies', 'No studies under the current filters']);
      expect(textOf($(el, '#size-label'))).to.equal('Studies per cell:');
    });
  });
});
