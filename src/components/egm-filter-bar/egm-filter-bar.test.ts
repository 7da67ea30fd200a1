import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { FilterEngine } from '../../core/filter.js';
import { createIndex } from '../../core/map-index.js';
import { parseMap, splitMap } from '../../core/parse.js';
import { smallMap } from '../../core/testing/fixture.js';
import type { EgmFilters, EgmMap } from '../../core/types.js';
import type { EgmFilterChangeEvent } from '../../events/egm-filter-change.js';
import { SEARCH_DEBOUNCE_MS, type EgmFilterBar } from './egm-filter-bar.js';
import './egm-filter-bar.js';

// --- helpers ---------------------------------------------------------------------------------

const NONE: EgmFilters = { categories: {} };

async function smallBar(filters: EgmFilters = NONE): Promise<EgmFilterBar> {
  const { schema, studies } = splitMap(smallMap());
  return fixture<EgmFilterBar>(html`<egm-filter-bar .schema=${schema} .studies=${studies} .filters=${filters}></egm-filter-bar>`);
}

const root = (el: EgmFilterBar) => el.shadowRoot!;
const all = <T extends Element = HTMLElement>(el: EgmFilterBar, sel: string) => [...root(el).querySelectorAll<T>(sel)] as T[];
const one = <T extends Element = HTMLElement>(el: EgmFilterBar, sel: string) => root(el).querySelector<T>(sel)!;
const text = (n: Element | null | undefined) => (n?.textContent ?? '').replace(/\s+/g, ' ').trim();
const status = (el: EgmFilterBar) => text(one(el, '[role="status"]'));
const controlButton = (el: EgmFilterBar, dim: string) => one<HTMLButtonElement>(el, `.control[data-dimension="${dim}"] .control-button`);
const panel = (el: EgmFilterBar, dim: string) => one<HTMLElement>(el, `.control[data-dimension="${dim}"] .panel`);
const checkbox = (el: EgmFilterBar, dim: string, id: string) => one<HTMLInputElement>(el, `.control[data-dimension="${dim}"] input[data-id="${id}"]`);
/** Each chip's accessible name (the "×" is aria-hidden). */
const chipNames = (el: EgmFilterBar) => all(el, '.chip').map((c) => text(c).replace(/×$/, '').trim());
const searchBox = (el: EgmFilterBar) => one<HTMLInputElement>(el, 'input[type="search"]');
const yearBox = (el: EgmFilterBar, which: 'from' | 'to') => one<HTMLInputElement>(el, `input[data-key="${which}"]`);
const focused = (el: EgmFilterBar) => root(el).activeElement as HTMLElement | null;
const modeButton = (el: EgmFilterBar) => one<HTMLButtonElement>(el, '.control.mode .control-button');
const modePanel = (el: EgmFilterBar) => one<HTMLElement>(el, '.control.mode .panel');
const modeRadio = (el: EgmFilterBar, mode: string) => one<HTMLInputElement>(el, `.control.mode input[value="${mode}"]`);
/** Each mode radio's accessible name and description, from the DOM it points at. */
const modeOptions = (el: EgmFilterBar) =>
  all<HTMLInputElement>(el, '.control.mode input[type="radio"]').map((r) => ({
    value: r.value,
    name: text(r.labels![0]),
    description: text(root(el).getElementById(r.getAttribute('aria-describedby')!)),
    checked: r.checked,
  }));

/** The numbers shown beside a dimension's options, by category id (its panel must be open). */
function shownFacets(el: EgmFilterBar, dim: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const opt of all(el, `.control[data-dimension="${dim}"] .option`)) {
    const id = opt.querySelector('input')!.dataset.id!;
    const facet = opt.querySelector<HTMLElement>('.facet')!;
    expect(facet.dataset.count, `data-count of ${id}`).to.equal(String(parseInt(facet.textContent, 10)));
    out[id] = Number(facet.dataset.count);
  }
  return out;
}

async function openPanel(el: EgmFilterBar, dim: string): Promise<void> {
  controlButton(el, dim).click();
  await el.updateComplete;
  expect(panel(el, dim).hidden).to.be.false;
}

/** Collects every egm-filter-change the element emits. */
function record(el: EgmFilterBar): EgmFilters[] {
  const seen: EgmFilters[] = [];
  el.addEventListener('egm-filter-change', (e) => seen.push(e.detail.filters));
  return seen;
}

const engineFor = (map: EgmMap) => new FilterEngine(createIndex(parseMap(map)));

let demo: EgmMap;
before(async () => {
  const response = await fetch('/demo/peer-support.egm.json');
  demo = (await response.json()) as EgmMap;
});

async function demoBar(filters: EgmFilters = NONE): Promise<EgmFilterBar> {
  const { schema, studies } = splitMap(structuredClone(demo));
  return fixture<EgmFilterBar>(html`<egm-filter-bar .schema=${schema} .studies=${studies} .filters=${filters}></egm-filter-bar>`);
}

// --- tests -----------------------------------------------------------------------------------

describe('egm-filter-bar', () => {
  describe('accessibility', () => {
    it('passes axe with every panel closed', async () => {
      const el = await smallBar();
      await expect(el).to.be.accessible();
    });

    it('passes axe with a panel open, active filters and chips', async () => {
      const el = await smallBar({ categories: { population: ['adults'] }, query: 'peer', years: { from: 2010 } });
      await openPanel(el, 'population');
      await expect(el).to.be.accessible();
    });

    it('passes axe on the demo map with a nested panel open', async () => {
      const el = await demoBar({ categories: { design: ['rct'] } });
      await openPanel(el, 'population');
      await expect(el).to.be.accessible();
    });

    it('passes axe in the error state', async () => {
      const el = await fixture<EgmFilterBar>(html`<egm-filter-bar .schema=${{ format: 'egm/1' }}></egm-filter-bar>`);
      await expect(el).to.be.accessible();
    });
  });

  describe('properties', () => {
    it('offers layout.filters by default and the dimensions attribute instead when set', async () => {
      const el = await smallBar();
      expect(all(el, '.control[data-dimension]').map((c) => c.dataset.dimension)).to.deep.equal(['population', 'design']);
      el.dimensions = 'design quality';
      await el.updateComplete;
      expect(el.getAttribute('dimensions')).to.equal('design quality');
      expect(all(el, '.control[data-dimension]').map((c) => c.dataset.dimension)).to.deep.equal(['design', 'quality']);
      expect(all(el, '.control-button').map(text)).to.deep.equal(['Study type ▾', 'Study quality ▾', 'Match: Each filter ▾']);
    });

    it('shows the error state for an unknown dimension in the attribute', async () => {
      const { schema, studies } = splitMap(smallMap());
      const el = await fixture<EgmFilterBar>(html`<egm-filter-bar dimensions="design nope" .schema=${schema} .studies=${studies}></egm-filter-bar>`);
      const alert = one(el, '[role="alert"]');
      expect(text(alert)).to.contain('dimensions attribute: unknown dimension "nope"');
      expect(all(el, '[role="toolbar"]')).to.have.length(0);
    });

    it('reflects .filters set by the host (controlled usage) without emitting', async () => {
      const el = await smallBar();
      const seen = record(el);
      el.filters = { categories: { population: ['adults'], design: ['rct'] }, query: 'peer', years: { from: 2015, to: 2021 } };
      await el.updateComplete;
      expect(seen).to.have.length(0);
      expect(status(el)).to.equal('Showing 2 of 7 studies'); // s1 (2019), s3 (2021)
      expect(text(controlButton(el, 'population'))).to.equal('Population 1 selected ▾');
      expect(searchBox(el).value).to.equal('peer');
      expect(yearBox(el, 'from').value).to.equal('2015');
      expect(yearBox(el, 'to').value).to.equal('2021');
      expect(chipNames(el)).to.deep.equal([
        'Remove filter: Population: Adults',
        'Remove filter: Study type: RCT',
        'Remove filter: Search: “peer”',
        'Remove filter: Years: 2015–2021',
      ]);
      await openPanel(el, 'population');
      expect(checkbox(el, 'population', 'adults').checked).to.be.true;
      el.filters = NONE;
      await el.updateComplete;
      expect(checkbox(el, 'population', 'adults').checked).to.be.false;
      expect(searchBox(el).value).to.equal('');
      expect(yearBox(el, 'from').value).to.equal('');
      expect(chipNames(el)).to.deep.equal([]);
      expect(status(el)).to.equal('Showing 7 of 7 studies');
      expect(seen).to.have.length(0);
    });

    it('renders nothing without a schema and never throws on junk input', async () => {
      const el = await fixture<EgmFilterBar>(html`<egm-filter-bar></egm-filter-bar>`);
      expect(root(el).children).to.have.length(0);
      expect(text(root(el) as unknown as Element)).to.equal('');
      el.schema = 42 as never;
      el.studies = 'x' as never;
      el.filters = 'junk' as never;
      await el.updateComplete;
      expect(text(one(el, '[role="alert"] h2'))).to.equal('This map cannot be filtered (1 problem)');
      const { schema, studies } = splitMap(smallMap());
      el.schema = schema;
      el.studies = studies;
      el.filters = { categories: { population: 'adults' }, years: 'soon' } as never;
      await el.updateComplete;
      expect(status(el)).to.equal('Showing 7 of 7 studies');
      el.schema = undefined;
      await el.updateComplete;
      expect(root(el).children).to.have.length(0);
    });

    it('takes a whole map file as .schema', async () => {
      const el = await fixture<EgmFilterBar>(html`<egm-filter-bar .schema=${smallMap()}></egm-filter-bar>`);
      expect(status(el)).to.equal('Showing 7 of 7 studies');
    });
  });

  describe('rendering', () => {
    it('is a toolbar with one disclosure button per dimension, a search box, years, Clear all and a live status', async () => {
      const el = await smallBar();
      const bar = one(el, '[role="toolbar"]');
      expect(bar.getAttribute('aria-label')).to.equal('Filters');
      expect(all(el, '.control-button').map(text)).to.deep.equal(['Population ▾', 'Study type ▾', 'Match: Each filter ▾']);
      const btn = controlButton(el, 'population');
      expect(btn.getAttribute('aria-expanded')).to.equal('false');
      expect(root(el).getElementById(btn.getAttribute('aria-controls')!)).to.equal(panel(el, 'population'));
      expect(panel(el, 'population').hidden).to.be.true;
      expect(searchBox(el).labels![0].textContent.trim()).to.equal('Search titles, authors and abstracts');
      expect(yearBox(el, 'from').labels![0].textContent.trim()).to.equal('From');
      expect(yearBox(el, 'to').labels![0].textContent.trim()).to.equal('To');
      expect(text(one(el, '.clear'))).to.equal('Clear all');
      expect(one(el, '.clear').getAttribute('aria-disabled')).to.equal('true');
      const live = one(el, '[role="status"]');
      expect(live.getAttribute('aria-live')).to.equal('polite');
      expect(status(el)).to.equal('Showing 7 of 7 studies');
    });

    it('bounds the year range by the earliest and latest years in the data', async () => {
      const el = await smallBar();
      for (const which of ['from', 'to'] as const) {
        expect(yearBox(el, which).type).to.equal('number');
        expect(yearBox(el, which).min).to.equal('2000');
        expect(yearBox(el, which).max).to.equal('2021');
      }
      const big = await demoBar();
      const years = demo.studies.map((s) => s.year).filter((y): y is number => typeof y === 'number');
      expect(yearBox(big, 'from').min).to.equal(String(Math.min(...years)));
      expect(yearBox(big, 'to').max).to.equal(String(Math.max(...years)));
    });

    it('lists the category tree with nested groups inside their group', async () => {
      const el = await smallBar();
      await openPanel(el, 'population');
      expect(controlButton(el, 'population').getAttribute('aria-expanded')).to.equal('true');
      const p = panel(el, 'population');
      expect(p.getAttribute('role')).to.equal('group');
      expect(p.getAttribute('aria-label')).to.equal('Population');
      const top = [...p.querySelectorAll(':scope > ul > li')];
      expect(top.map((li) => li.querySelector('input')!.dataset.id)).to.deep.equal(['adults', 'children']);
      const nested = [...top[0].querySelectorAll(':scope > ul > li input')].map((i) => (i as HTMLInputElement).dataset.id);
      expect(nested).to.deep.equal(['older', 'working-age']);
      expect(text(top[0].querySelector('label'))).to.equal('Adults 4 studies');
      // Indented by the stylesheet: the nested list starts further in than the top one.
      const outer = top[0].querySelector('label')!.getBoundingClientRect().left;
      const inner = top[0].querySelector(':scope ul label')!.getBoundingClientRect().left;
      expect(inner).to.be.greaterThan(outer);
    });

    it('shows beside each option exactly what FilterEngine.facets counts', async () => {
      const engine = engineFor(smallMap());
      const el = await smallBar();
      await openPanel(el, 'population');
      expect(shownFacets(el, 'population')).to.deep.equal({ adults: 4, older: 2, 'working-age': 1, children: 2 });
      expect(shownFacets(el, 'population')).to.deep.equal(Object.fromEntries(engine.facets(NONE, 'population')));
      const f: EgmFilters = { categories: { design: ['sr'], population: ['older'] } };
      el.filters = f;
      await el.updateComplete;
      expect(shownFacets(el, 'population')).to.deep.equal({ adults: 1, older: 1, 'working-age': 0, children: 2 });
      expect(shownFacets(el, 'population')).to.deep.equal(Object.fromEntries(engine.facets(f, 'population')));
      await openPanel(el, 'design');
      expect(shownFacets(el, 'design')).to.deep.equal({ sr: 1, rct: 1 });
      expect(shownFacets(el, 'design')).to.deep.equal(Object.fromEntries(engine.facets(f, 'design')));
    });

    it('shows the demo map’s facets as FilterEngine counts them, for every filter dimension', async () => {
      const engine = engineFor(structuredClone(demo));
      const f: EgmFilters = { categories: { design: ['rct'] }, years: { from: 2010 } };
      const el = await demoBar(f);
      expect(all(el, '.control[data-dimension]').map((c) => c.dataset.dimension)).to.deep.equal(demo.layout.filters);
      expect(status(el)).to.equal(`Showing ${engine.mask(f).count()} of 91 studies`);
      for (const dim of demo.layout.filters!) {
        await openPanel(el, dim);
        expect(shownFacets(el, dim), dim).to.deep.equal(Object.fromEntries(engine.facets(f, dim)));
      }
    });

    it('dims options that would give no study but keeps them selectable', async () => {
      const el = await smallBar({ categories: { design: ['sr'], population: ['older'] } });
      await openPanel(el, 'population');
      const working = checkbox(el, 'population', 'working-age');
      expect(working.disabled).to.be.false;
      expect(working.closest('.option')!.classList.contains('empty')).to.be.true;
      expect(checkbox(el, 'population', 'children').closest('.option')!.classList.contains('empty')).to.be.false;
      const dim = getComputedStyle(working.closest('.option')!.querySelector('.name')!).color;
      const normal = getComputedStyle(checkbox(el, 'population', 'children').closest('.option')!.querySelector('.name')!).color;
      expect(dim).not.to.equal(normal);
    });

    it('shows a selected group’s children as checked and a partly selected group as mixed', async () => {
      const el = await smallBar({ categories: { population: ['adults'] } });
      await openPanel(el, 'population');
      expect(checkbox(el, 'population', 'adults').checked).to.be.true;
      expect(checkbox(el, 'population', 'older').checked).to.be.true;
      expect(checkbox(el, 'population', 'working-age').checked).to.be.true;
      expect(checkbox(el, 'population', 'children').checked).to.be.false;
      el.filters = { categories: { population: ['older'] } };
      await el.updateComplete;
      expect(checkbox(el, 'population', 'adults').checked).to.be.false;
      expect(checkbox(el, 'population', 'adults').indeterminate).to.be.true;
      expect(checkbox(el, 'population', 'older').checked).to.be.true;
    });

    it('renders labels and study text as text, and no inline style attribute anywhere', async () => {
      const map = smallMap();
      map.dimensions[3].categories[1].label = '<img src=x onerror=alert(1)>Kids';
      const el = await fixture<EgmFilterBar>(html`<egm-filter-bar .schema=${map} .filters=${{ categories: { population: ['children'] }, query: '<b>x</b>' }}></egm-filter-bar>`);
      await openPanel(el, 'population');
      expect(all(el, 'img, b')).to.have.length(0);
      expect(chipNames(el)).to.deep.equal(['Remove filter: Population: <img src=x onerror=alert(1)>Kids', 'Remove filter: Search: “<b>x</b>”']);
      expect(all(el, '[style]')).to.have.length(0);
    });

    it('gives panels the full width on narrow containers', async () => {
      const { schema, studies } = splitMap(smallMap());
      const wrap = await fixture<HTMLDivElement>(html`<div><egm-filter-bar .schema=${schema} .studies=${studies}></egm-filter-bar></div>`);
      const el = wrap.querySelector('egm-filter-bar')!;
      wrap.style.setProperty('width', '360px'); // through the CSSOM, as a CSP-bound host would
      await aTimeout(0);
      await openPanel(el, 'population');
      const host = el.getBoundingClientRect();
      const p = panel(el, 'population').getBoundingClientRect();
      expect(Math.round(p.width)).to.equal(Math.round(host.width));
      expect(getComputedStyle(panel(el, 'population')).position).to.equal('static');
      wrap.style.setProperty('width', '900px');
      await aTimeout(0);
      expect(getComputedStyle(panel(el, 'population')).position).to.equal('absolute');
    });
  });

  describe('keyboard', () => {
    it('has one tab stop and moves focus among its controls with the arrow keys, Home and End', async () => {
      const el = await smallBar({ categories: { design: ['rct'] } });
      const stops = all(el, '[data-key]');
      expect(stops.map((s) => s.dataset.key)).to.deep.equal(['dim:population', 'dim:design', 'mode', 'search', 'from', 'to', 'chip:["design","rct"]', 'clear']);
      expect(stops.filter((s) => s.tabIndex === 0).map((s) => s.dataset.key)).to.deep.equal(['dim:population']);
      controlButton(el, 'population').focus();
      await sendKeys({ press: 'ArrowRight' });
      expect(focused(el)).to.equal(controlButton(el, 'design'));
      await el.updateComplete;
      expect(all(el, '[data-key]').filter((s) => s.tabIndex === 0)).to.deep.equal([controlButton(el, 'design')]);
      await sendKeys({ press: 'ArrowRight' });
      expect(focused(el)).to.equal(modeButton(el));
      await sendKeys({ press: 'ArrowRight' });
      expect(focused(el)).to.equal(searchBox(el));
      await sendKeys({ press: 'ArrowRight' }); // empty box: the caret is at its end
      expect(focused(el)).to.equal(yearBox(el, 'from'));
      await sendKeys({ press: 'ArrowRight' });
      expect(focused(el)).to.equal(yearBox(el, 'to'));
      await sendKeys({ press: 'End' });
      expect(focused(el)).to.equal(yearBox(el, 'to')); // Home/End stay in a box
      await sendKeys({ press: 'ArrowRight' });
      expect(focused(el)?.dataset.key).to.equal('chip:["design","rct"]');
      await sendKeys({ press: 'End' });
      expect(focused(el)).to.equal(one(el, '.clear'));
      await sendKeys({ press: 'ArrowRight' }); // wraps
      expect(focused(el)).to.equal(controlButton(el, 'population'));
      await sendKeys({ press: 'ArrowLeft' });
      expect(focused(el)).to.equal(one(el, '.clear'));
      await sendKeys({ press: 'Home' });
      expect(focused(el)).to.equal(controlButton(el, 'population'));
    });

    it('returns to the last focused control when tabbing back in', async () => {
      const wrap = await fixture<HTMLDivElement>(html`<div>
        <button id="before">before</button>
        <egm-filter-bar .schema=${smallMap()}></egm-filter-bar>
        <button id="after">after</button>
      </div>`);
      const el = wrap.querySelector('egm-filter-bar')!;
      wrap.querySelector<HTMLButtonElement>('#before')!.focus();
      await sendKeys({ press: 'Tab' });
      expect(focused(el)).to.equal(controlButton(el, 'population'));
      await sendKeys({ press: 'ArrowRight' });
      await sendKeys({ press: 'Tab' }); // one tab stop: out of the bar
      expect(document.activeElement).to.equal(wrap.querySelector('#after'));
      await sendKeys({ press: 'Shift+Tab' });
      expect(focused(el)).to.equal(controlButton(el, 'design'));
    });

    it('leaves the search box with Left/Right only at the ends of its text', async () => {
      const el = await smallBar({ categories: {}, query: 'peer' });
      searchBox(el).focus();
      searchBox(el).setSelectionRange(2, 2);
      await sendKeys({ press: 'ArrowRight' });
      expect(focused(el)).to.equal(searchBox(el));
      expect(searchBox(el).selectionStart).to.equal(3);
      await sendKeys({ press: 'ArrowRight' });
      await sendKeys({ press: 'ArrowRight' });
      expect(focused(el)).to.equal(yearBox(el, 'from'));
      await sendKeys({ press: 'ArrowLeft' });
      expect(focused(el)).to.equal(searchBox(el));
      searchBox(el).setSelectionRange(0, 0);
      await sendKeys({ press: 'ArrowLeft' });
      expect(focused(el)).to.equal(modeButton(el));
    });

    it('closes the panel on Escape and returns focus to its button', async () => {
      const el = await smallBar();
      controlButton(el, 'population').focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(panel(el, 'population').hidden).to.be.false;
      await sendKeys({ press: 'Tab' }); // into the panel
      expect(focused(el)).to.equal(checkbox(el, 'population', 'adults'));
      await sendKeys({ press: 'Tab' });
      expect(focused(el)).to.equal(checkbox(el, 'population', 'older'));
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(panel(el, 'population').hidden).to.be.true;
      expect(controlButton(el, 'population').getAttribute('aria-expanded')).to.equal('false');
      expect(focused(el)).to.equal(controlButton(el, 'population'));
    });

    it('opens a panel with ArrowDown; in it the arrows move between options, not across the toolbar', async () => {
      const el = await smallBar();
      controlButton(el, 'population').focus();
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      expect(panel(el, 'population').hidden).to.be.false;
      expect(focused(el)).to.equal(checkbox(el, 'population', 'adults'));
      await sendKeys({ press: 'ArrowDown' });
      expect(focused(el)).to.equal(checkbox(el, 'population', 'older'));
      await sendKeys({ press: 'ArrowRight' });
      expect(focused(el)).to.equal(checkbox(el, 'population', 'older'));
      await sendKeys({ press: 'ArrowUp' });
      expect(focused(el)).to.equal(checkbox(el, 'population', 'adults'));
      const seen = record(el);
      await sendKeys({ press: 'Space' });
      expect(seen).to.deep.equal([{ categories: { population: ['adults'] } }]);
      expect(panel(el, 'population').hidden).to.be.false;
    });

    it('closes the panel when focus or a click goes elsewhere', async () => {
      const el = await smallBar();
      await openPanel(el, 'population');
      document.body.click();
      await el.updateComplete;
      expect(panel(el, 'population').hidden).to.be.true;
      await openPanel(el, 'population');
      one<HTMLElement>(el, '.panel:not([hidden])').click(); // a click inside keeps it open
      await el.updateComplete;
      expect(panel(el, 'population').hidden).to.be.false;
      controlButton(el, 'design').click(); // another button: only one panel at a time
      await el.updateComplete;
      expect(panel(el, 'population').hidden).to.be.true;
      expect(panel(el, 'design').hidden).to.be.false;
      controlButton(el, 'design').focus();
      await sendKeys({ press: 'ArrowRight' });
      await el.updateComplete;
      expect(panel(el, 'design').hidden).to.be.true;
    });
  });

  describe('events', () => {
    it('checking "Adults" emits { population: ["adults"] } and updates the status, badge and chips', async () => {
      const el = await smallBar();
      await openPanel(el, 'population');
      setTimeout(() => checkbox(el, 'population', 'adults').click());
      const event: EgmFilterChangeEvent = await oneEvent(el, 'egm-filter-change');
      expect(event.detail.filters).to.deep.equal({ categories: { population: ['adults'] } });
      expect(event.bubbles && event.composed && event.cancelable).to.be.true;
      await el.updateComplete;
      expect(status(el)).to.equal('Showing 4 of 7 studies');
      expect(text(controlButton(el, 'population'))).to.equal('Population 1 selected ▾');
      expect(chipNames(el)).to.deep.equal(['Remove filter: Population: Adults']);
      expect(one(el, '.clear').getAttribute('aria-disabled')).to.equal('false');
      expect(el.filters).to.deep.equal({ categories: { population: ['adults'] } });
      expect(el.filters).not.to.equal(event.detail.filters); // the event carries its own copy
      // The other dimension's counts follow.
      await openPanel(el, 'design');
      expect(shownFacets(el, 'design')).to.deep.equal({ sr: 1, rct: 3 });
    });

    it('carries the filters whole, ORs within a dimension and keeps the host’s mode', async () => {
      const el = await smallBar({ categories: { design: ['rct'] }, mode: 'all' });
      const seen = record(el);
      await openPanel(el, 'population');
      checkbox(el, 'population', 'children').click();
      checkbox(el, 'population', 'older').click();
      expect(seen).to.deep.equal([
        { categories: { design: ['rct'], population: ['children'] }, mode: 'all' },
        { categories: { design: ['rct'], population: ['older', 'children'] }, mode: 'all' },
      ]);
    });

    it('checking a group replaces its selected children; unchecking an implied child replaces the group', async () => {
      const el = await smallBar({ categories: { population: ['older'] } });
      const seen = record(el);
      await openPanel(el, 'population');
      checkbox(el, 'population', 'adults').click();
      await el.updateComplete;
      checkbox(el, 'population', 'older').click();
      await el.updateComplete;
      expect(seen).to.deep.equal([{ categories: { population: ['adults'] } }, { categories: { population: ['working-age'] } }]);
      expect(status(el)).to.equal('Showing 1 of 7 studies');
    });

    it('reverts the checkbox when the event is cancelled', async () => {
      const el = await smallBar();
      el.addEventListener('egm-filter-change', (e) => e.preventDefault());
      await openPanel(el, 'population');
      const box = checkbox(el, 'population', 'adults');
      setTimeout(() => box.click());
      const event: EgmFilterChangeEvent = await oneEvent(el, 'egm-filter-change');
      expect(event.defaultPrevented).to.be.true;
      await el.updateComplete;
      expect(box.checked).to.be.false;
      expect(el.filters).to.deep.equal(NONE);
      expect(status(el)).to.equal('Showing 7 of 7 studies');
      expect(chipNames(el)).to.deep.equal([]);
    });

    it('lets a controlled host decide: what it sets in the handler wins', async () => {
      const el = await smallBar();
      el.addEventListener('egm-filter-change', (e) => {
        el.filters = { ...e.detail.filters, categories: { ...e.detail.filters.categories, design: ['sr'] } };
      });
      await openPanel(el, 'population');
      checkbox(el, 'population', 'children').click();
      await el.updateComplete;
      expect(el.filters).to.deep.equal({ categories: { population: ['children'], design: ['sr'] } });
      expect(status(el)).to.equal('Showing 2 of 7 studies');
    });

    it('debounces typing in the search box and emits the query once', async () => {
      const el = await smallBar();
      const seen = record(el);
      const box = searchBox(el);
      box.focus();
      // A burst of keystrokes (in one task, so timing cannot split it): one event, after the pause.
      for (const value of ['p', 'pe', 'pee', 'peer', 'peer ', 'peer  ']) {
        box.value = value;
        box.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      }
      const last = performance.now();
      await aTimeout(SEARCH_DEBOUNCE_MS / 2);
      expect(seen).to.have.length(0);
      const event: EgmFilterChangeEvent = await oneEvent(el, 'egm-filter-change');
      expect(performance.now() - last).to.be.at.least(SEARCH_DEBOUNCE_MS - 2);
      expect(event.detail.filters).to.deep.equal({ categories: {}, query: 'peer' });
      await aTimeout(SEARCH_DEBOUNCE_MS);
      expect(seen).to.have.length(1);
      await el.updateComplete;
      expect(box.value).to.equal('peer  '); // the text stays as typed: the user goes on typing after it
      // Real typing goes on from there.
      await sendKeys({ type: 'support' });
      await waitUntil(() => seen.at(-1)?.query === 'peer  support', 'no event for "peer  support"');
      await el.updateComplete;
      expect(status(el)).to.equal('Showing 2 of 7 studies');
    });

    it('searches at once on Enter', async () => {
      const el = await smallBar();
      const seen = record(el);
      searchBox(el).focus();
      await sendKeys({ type: 'nunez' });
      await sendKeys({ press: 'Enter' });
      expect(seen).to.deep.equal([{ categories: {}, query: 'nunez' }]);
      await aTimeout(SEARCH_DEBOUNCE_MS + 50);
      expect(seen).to.have.length(1);
      await el.updateComplete;
      expect(status(el)).to.equal('Showing 1 of 7 studies');
    });

    it('reverts the search box when its change is cancelled', async () => {
      const el = await smallBar({ categories: {}, query: 'peer' });
      el.addEventListener('egm-filter-change', (e) => e.preventDefault());
      searchBox(el).focus();
      await sendKeys({ type: 'x' });
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(searchBox(el).value).to.equal('peer');
      expect(status(el)).to.equal('Showing 4 of 7 studies');
    });

    it('emits the year range from the From and To boxes', async () => {
      const el = await smallBar();
      const seen = record(el);
      yearBox(el, 'from').focus();
      await sendKeys({ type: '2015' });
      await sendKeys({ press: 'Enter' });
      yearBox(el, 'to').focus();
      await sendKeys({ type: '2019' });
      await sendKeys({ press: 'Tab' }); // leaving the box commits too
      expect(seen).to.deep.equal([
        { categories: {}, years: { from: 2015 } },
        { categories: {}, years: { from: 2015, to: 2019 } },
      ]);
      await el.updateComplete;
      expect(status(el)).to.equal('Showing 3 of 7 studies');
      expect(chipNames(el)).to.deep.equal(['Remove filter: Years: 2015–2019']);
    });

    it('removes a filter from its chip and moves focus to what takes its place', async () => {
      const el = await smallBar({ categories: { population: ['adults', 'children'] }, query: 'peer' });
      const seen = record(el);
      const chip = all<HTMLButtonElement>(el, '.chip')[0];
      expect(chipNames(el)[0]).to.equal('Remove filter: Population: Adults');
      chip.focus();
      chip.click();
      await el.updateComplete;
      await el.updateComplete;
      expect(seen).to.deep.equal([{ categories: { population: ['children'] }, query: 'peer' }]);
      expect(chipNames(el)).to.deep.equal(['Remove filter: Population: Children', 'Remove filter: Search: “peer”']);
      expect(focused(el)).to.equal(all(el, '.chip')[0]);
      all<HTMLButtonElement>(el, '.chip')[1].click();
      expect(seen[1]).to.deep.equal({ categories: { population: ['children'] } });
      await el.updateComplete;
      expect(searchBox(el).value).to.equal('');
    });

    it('clears every filter with Clear all, and does nothing when there is none', async () => {
      const el = await smallBar({ categories: { population: ['adults'], design: ['sr'] }, query: 'peer', years: { to: 2020 } });
      const seen = record(el);
      one<HTMLButtonElement>(el, '.clear').click();
      await el.updateComplete;
      expect(seen).to.deep.equal([{ categories: {} }]);
      expect(chipNames(el)).to.deep.equal([]);
      expect(searchBox(el).value).to.equal('');
      expect(yearBox(el, 'to').value).to.equal('');
      expect(status(el)).to.equal('Showing 7 of 7 studies');
      expect(one(el, '.clear').getAttribute('aria-disabled')).to.equal('true');
      one<HTMLButtonElement>(el, '.clear').click();
      expect(seen).to.have.length(1);
    });

    it('bubbles out of the shadow root to the document', async () => {
      const el = await smallBar();
      await openPanel(el, 'design');
      setTimeout(() => checkbox(el, 'design', 'sr').click());
      const event: EgmFilterChangeEvent = await oneEvent(document, 'egm-filter-change');
      expect(event.detail.filters).to.deep.equal({ categories: { design: ['sr'] } });
      expect(event.target).to.equal(el);
    });
  });
  describe('filter modes', () => {
    /** Two population choices and one study type: every mode gives a different answer. */
    const MIXED: EgmFilters = { categories: { population: ['adults', 'children'], design: ['rct'] } };

    it('passes axe with the mode panel open', async () => {
      const el = await smallBar(MIXED);
      modeButton(el).click();
      await el.updateComplete;
      expect(modePanel(el).hidden).to.be.false;
      await expect(el).to.be.accessible();
    });

    it('is a button with a radio group of the three modes, each with its description shown', async () => {
      const el = await smallBar();
      const button = modeButton(el);
      expect(text(button)).to.equal('Match: Each filter ▾');
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      expect(root(el).getElementById(button.getAttribute('aria-controls')!)).to.equal(modePanel(el));
      expect(modePanel(el).hidden).to.be.true;
      button.click();
      await el.updateComplete;
      expect(button.getAttribute('aria-expanded')).to.equal('true');
      const group = modePanel(el);
      expect(group.getAttribute('role')).to.equal('radiogroup');
      expect(text(root(el).getElementById(group.getAttribute('aria-labelledby')!))).to.equal('Show studies that match');
      expect(modeOptions(el)).to.deep.equal([
        { value: 'standard', name: 'Each filter', description: 'Standard: a study needs one of your choices in every filter you use.', checked: true },
        { value: 'all', name: 'Every choice', description: 'A study needs all of your choices, in every filter.', checked: false },
        { value: 'any', name: 'Any choice', description: 'A study needs just one of your choices, in any filter.', checked: false },
      ]);
      // Shown, not a hover tooltip: each description takes room on screen, under its radio.
      for (const m of ['standard', 'all', 'any']) {
        const desc = root(el).getElementById(`mode-${m}`)!;
        expect(desc.getBoundingClientRect().height, m).to.be.greaterThan(0);
        expect(desc.getBoundingClientRect().top).to.be.at.least(modeRadio(el, m).getBoundingClientRect().bottom - 1);
      }
      expect(all(el, '[title]').filter((n) => n.closest('.mode'))).to.have.length(0);
    });

    it('gives the hand-checked counts on the small map, and what FilterEngine counts', async () => {
      // Adults or children, and RCT: s1, s3, s4. Adults and children and RCT: none (s7, the
      // only study with both, is a review). Adults or children or RCT: s1, s2, s3, s4, s7.
      const engine = engineFor(smallMap());
      const el = await smallBar(MIXED);
      const seen = record(el);
      const counts: Record<string, string> = {};
      for (const mode of ['all', 'any', 'standard'] as const) {
        modeRadio(el, mode).click();
        await el.updateComplete;
        counts[mode] = status(el);
        expect(status(el)).to.equal(`Showing ${engine.mask({ ...MIXED, mode }).count()} of 7 studies`);
      }
      expect(counts).to.deep.equal({ standard: 'Showing 3 of 7 studies', all: 'Showing 0 of 7 studies', any: 'Showing 5 of 7 studies' });
      expect(seen).to.deep.equal([{ ...MIXED, mode: 'all' }, { ...MIXED, mode: 'any' }, MIXED]);
    });

    it('gives the demo map’s counts as FilterEngine counts them, in every mode, chosen with the keyboard', async () => {
      const engine = engineFor(structuredClone(demo));
      const f: EgmFilters = { categories: { population: ['chronic', 'mental-health-conditions'], design: ['rct'] } };
      const el = await demoBar(f);
      const seen = record(el);
      const expected = (mode: 'standard' | 'all' | 'any') => `Showing ${engine.mask({ ...f, mode }).count()} of 91 studies`;
      const results = new Set([expected('standard'), expected('all'), expected('any')]);
      expect(results.size, 'the three modes differ on this filter').to.equal(3);
      expect(status(el)).to.equal(expected('standard'));
      // Into the toolbar, along to the mode button, down into its panel.
      controlButton(el, 'population').focus();
      for (let i = 0; i < 3; i++) await sendKeys({ press: 'ArrowRight' });
      expect(focused(el)).to.equal(modeButton(el));
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      expect(modePanel(el).hidden).to.be.false;
      expect(focused(el)).to.equal(modeRadio(el, 'standard'));
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      expect(focused(el)).to.equal(modeRadio(el, 'all'));
      expect(seen.at(-1)).to.deep.equal({ ...f, mode: 'all' });
      expect(status(el)).to.equal(expected('all'));
      expect(text(modeButton(el))).to.equal('Match: Every choice ▾');
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      expect(seen.at(-1)).to.deep.equal({ ...f, mode: 'any' });
      expect(status(el)).to.equal(expected('any'));
      await sendKeys({ press: 'ArrowRight' }); // the arrows stay in the radio group
      await el.updateComplete;
      expect(focused(el)).to.equal(modeRadio(el, 'standard'));
      expect(seen.at(-1)).to.deep.equal(f);
      expect(status(el)).to.equal(expected('standard'));
      expect(seen).to.have.length(3);
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(modePanel(el).hidden).to.be.true;
      expect(focused(el)).to.equal(modeButton(el));
      // The facets follow the mode too.
      el.filters = { ...f, mode: 'any' };
      await openPanel(el, 'design');
      expect(shownFacets(el, 'design')).to.deep.equal(Object.fromEntries(engine.facets({ ...f, mode: 'any' }, 'design')));
    });

    it('round-trips the mode through .filters and keeps it when categories change', async () => {
      const el = await smallBar({ categories: {}, mode: 'any' });
      const seen = record(el);
      expect(text(modeButton(el))).to.equal('Match: Any choice ▾');
      expect(modeRadio(el, 'any').checked).to.be.true;
      await openPanel(el, 'design');
      checkbox(el, 'design', 'sr').click();
      await el.updateComplete;
      expect(seen).to.deep.equal([{ categories: { design: ['sr'] }, mode: 'any' }]);
      expect(el.filters).to.deep.equal({ categories: { design: ['sr'] }, mode: 'any' });
      el.filters = { categories: { design: ['sr'] } };
      await el.updateComplete;
      expect(text(modeButton(el))).to.equal('Match: Each filter ▾');
      expect(modeRadio(el, 'standard').checked).to.be.true;
      expect(seen).to.have.length(1);
    });

    it('reverts the mode when the change is cancelled', async () => {
      const el = await smallBar(MIXED);
      el.addEventListener('egm-filter-change', (e) => e.preventDefault());
      modeButton(el).click();
      await el.updateComplete;
      setTimeout(() => modeRadio(el, 'any').click());
      const event: EgmFilterChangeEvent = await oneEvent(el, 'egm-filter-change');
      expect(event.detail.filters).to.deep.equal({ ...MIXED, mode: 'any' });
      expect(event.cancelable && event.defaultPrevented).to.be.true;
      await el.updateComplete;
      expect(modeRadio(el, 'any').checked).to.be.false;
      expect(modeRadio(el, 'standard').checked).to.be.true;
      expect(el.filters).to.deep.equal(MIXED);
      expect(status(el)).to.equal('Showing 3 of 7 studies');
    });

    it('is kept by Clear all, which a mode alone leaves disabled', async () => {
      const el = await smallBar({ ...MIXED, mode: 'any', query: 'peer' });
      const seen = record(el);
      one<HTMLButtonElement>(el, '.clear').click();
      await el.updateComplete;
      expect(seen).to.deep.equal([{ categories: {}, mode: 'any' }]);
      expect(text(modeButton(el))).to.equal('Match: Any choice ▾');
      expect(chipNames(el)).to.deep.equal([]);
      expect(one(el, '.clear').getAttribute('aria-disabled')).to.equal('true');
      one<HTMLButtonElement>(el, '.clear').click();
      expect(seen).to.have.length(1);
    });

    it('is not offered when the bar has no filter dimensions', async () => {
      const map = smallMap();
      map.layout.filters = [];
      const el = await fixture<EgmFilterBar>(html`<egm-filter-bar .schema=${map}></egm-filter-bar>`);
      expect(all(el, '.control')).to.have.length(0);
      expect(all(el, '[data-key]').map((n) => n.dataset.key)).to.deep.equal(['search', 'from', 'to', 'clear']);
    });
  });
});

describe('egm-filter-bar in other languages', () => {
  /** French groups digits with a narrow no-break space. */
  const NNBSP = '\u202f';

  async function barIn(lang: string, map: EgmMap = smallMap(), filters: EgmFilters = NONE): Promise<EgmFilterBar> {
    const { schema, studies } = splitMap(map);
    const wrap = await fixture<HTMLDivElement>(html`<div lang=${lang}><egm-filter-bar .schema=${schema} .studies=${studies} .filters=${filters}></egm-filter-bar></div>`);
    const el = wrap.querySelector('egm-filter-bar')!;
    await el.updateComplete;
    return el;
  }

  /** `n` studies, the first `inFirst` in row r1 and the rest in r2; years 2000 to 2009. */
  function manyStudies(n: number, inFirst: number): EgmMap {
    return {
      format: 'egm/1',
      title: 'Many studies',
      dimensions: [
        { id: 'r', label: 'Rows', categories: [{ id: 'r1', label: 'Row one' }, { id: 'r2', label: 'Row two' }] },
        { id: 'c', label: 'Columns', categories: [{ id: 'c1', label: 'Column one' }] },
      ],
      layout: { rows: 'r', columns: 'c', filters: ['r'] },
      studies: Array.from({ length: n }, (_, i) => ({ id: `s${i}`, title: `Study ${i}`, year: 2000 + (i % 10), codes: { r: [i < inFirst ? 'r1' : 'r2'], c: ['c1'] } })),
    };
  }

  /** The text of each option of an open panel: label, count and its hidden unit. */
  const optionTexts = (el: EgmFilterBar, dim: string) => all(el, `.control[data-dimension="${dim}"] .option`).map(text);
  // Without collapsing white space (\s matches the narrow no-break space).
  const rawStatus = (el: EgmFilterBar) => one(el, '[role="status"]').textContent.trim();
  const facetTexts = (el: EgmFilterBar, dim: string) => all(el, `.control[data-dimension="${dim}"] .facet`).map((f) => f.textContent);

  before(async () => {
    await import('../../i18n/fr.js');
  });

  it('speaks French: the toolbar, its controls, chips, options, modes and the status', async () => {
    const el = await barIn('fr', smallMap(), { categories: { design: ['sr'], population: ['older'] } });
    expect(one(el, '[role="toolbar"]').getAttribute('aria-label')).to.equal('Filtres');
    expect(all(el, '.control-button').map(text)).to.deep.equal(['Population 1 sélectionnée ▾', 'Study type 1 sélectionnée ▾', 'Correspondance : Chaque filtre ▾']);
    expect(text(searchBox(el).labels![0])).to.equal('Rechercher dans les titres, auteurs et résumés');
    expect(searchBox(el).placeholder).to.equal('Rechercher des études');
    expect(text(one(el, '#years-label'))).to.equal('Années');
    expect(text(yearBox(el, 'from').labels![0])).to.equal('De');
    expect(text(yearBox(el, 'to').labels![0])).to.equal('À');
    expect(one(el, '.chips').getAttribute('aria-label')).to.equal('Filtres actifs');
    expect(chipNames(el)).to.deep.equal(['Retirer le filtre : Population : Older adults', 'Retirer le filtre : Study type : Systematic review']);
    expect(text(one(el, '.clear'))).to.equal('Tout effacer');
    expect(status(el)).to.equal('1 sur 7 études affichées'); // s7
    // Options: French counts 0 and 1 as singular.
    await openPanel(el, 'population');
    expect(optionTexts(el, 'population')).to.deep.equal(['Adults 1 étude', 'Older adults 1 étude', 'Working age 0 étude', 'Children 2 études']);
    await expect(el).to.be.accessible();
    controlButton(el, 'population').click();
    // The search and the years as chips (years are never formatted as numbers).
    el.filters = { categories: {}, query: 'befriending', years: { from: 2000, to: 2020 } };
    await el.updateComplete;
    expect(chipNames(el)).to.deep.equal(['Retirer le filtre : Recherche : « befriending »', 'Retirer le filtre : Années : 2000–2020']);
    el.filters = { categories: {}, years: { from: 2015 } };
    await el.updateComplete;
    expect(chipNames(el)).to.deep.equal(['Retirer le filtre : Années : à partir de 2015']);
    el.filters = { categories: { population: ['older', 'children'] }, years: { to: 2016 } };
    await el.updateComplete;
    expect(chipNames(el)).to.deep.equal(['Retirer le filtre : Population : Older adults', 'Retirer le filtre : Population : Children', 'Retirer le filtre : Années : jusqu’à 2016']);
    expect(text(controlButton(el, 'population'))).to.equal('Population 2 sélectionnées ▾');
    expect(status(el)).to.equal('1 sur 7 études affichées'); // s2 (2015)
    // The mode panel: names and descriptions.
    modeButton(el).click();
    await el.updateComplete;
    expect(text(one(el, '#mode-legend'))).to.equal('Afficher les études qui correspondent à');
    expect(modeOptions(el)).to.deep.equal([
      { value: 'standard', name: 'Chaque filtre', description: 'Standard : une étude doit avoir l’un de vos choix dans chaque filtre utilisé.', checked: true },
      { value: 'all', name: 'Tous les choix', description: 'Une étude doit avoir tous vos choix, dans chaque filtre.', checked: false },
      { value: 'any', name: 'Un des choix', description: 'Une étude doit avoir un seul de vos choix, dans n’importe quel filtre.', checked: false },
    ]);
    modeRadio(el, 'any').click();
    await el.updateComplete;
    expect(text(modeButton(el))).to.equal('Correspondance : Un des choix ▾');
    await expect(el).to.be.accessible();
  });

  it('formats counts in French and chooses the plural by the total', async () => {
    const el = await barIn('fr', manyStudies(12_345, 1_000));
    expect(rawStatus(el)).to.equal(`12${NNBSP}345 sur 12${NNBSP}345 études affichées`);
    await openPanel(el, 'r');
    expect(facetTexts(el, 'r')).to.deep.equal([`1${NNBSP}000 études`, `11${NNBSP}345 études`]);
    el.filters = { categories: { r: ['r1'] } };
    await el.updateComplete;
    expect(rawStatus(el)).to.equal(`1${NNBSP}000 sur 12${NNBSP}345 études affichées`);
    // One study in all: singular, whether it is shown or not.
    const single = await barIn('fr', manyStudies(1, 1));
    expect(status(single)).to.equal('1 sur 1 étude affichée');
    single.filters = { categories: {}, years: { from: 2001 } };
    await single.updateComplete;
    expect(status(single)).to.equal('0 sur 1 étude affichée');
  });

  it('speaks English, with English numbers, for a language without a registered locale', async () => {
    const el = await barIn('de', manyStudies(12_345, 1_000), { categories: { r: ['r1'] } });
    expect(one(el, '[role="toolbar"]').getAttribute('aria-label')).to.equal('Filters');
    expect(all(el, '.control-button').map(text)).to.deep.equal(['Rows 1 selected ▾', 'Match: Each filter ▾']);
    expect(text(one(el, '.clear'))).to.equal('Clear all');
    expect(chipNames(el)).to.deep.equal(['Remove filter: Rows: Row one']);
    expect(status(el)).to.equal('Showing 1,000 of 12,345 studies');
    await openPanel(el, 'r');
    expect(optionTexts(el, 'r')).to.deep.equal(['Row one 1,000 studies', 'Row two 11,345 studies']);
  });

  it('heads its problems in French', async () => {
    const { schema, studies } = splitMap(smallMap());
    const wrap = await fixture<HTMLDivElement>(html`<div lang="fr"><egm-filter-bar .schema=${schema} .studies=${studies} dimensions="nope"></egm-filter-bar></div>`);
    const el = wrap.querySelector('egm-filter-bar')!;
    await el.updateComplete;
    expect(text(one(el, '[role="alert"] h2'))).to.equal('Impossible d’afficher cette barre de filtres (1 problème)');
  });

  it('takes its own strings over the locale', async () => {
    const el = await barIn('fr');
    el.strings = { filterBar: { clear: 'Réinitialiser', status: { one: '{shown}/{n} étude', other: '{shown}/{n} études' } } };
    await el.updateComplete;
    expect(text(one(el, '.clear'))).to.equal('Réinitialiser');
    expect(status(el)).to.equal('7/7 études');
    expect(one(el, '[role="toolbar"]').getAttribute('aria-label')).to.equal('Filtres');
  });
});
