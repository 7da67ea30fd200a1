import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { GridModel } from '../../core/grid.js';
import { BATCH } from '../../core/read-json.js';
import { loadDeferredCode } from '../../internal/deferred-loader.js';
import { createIndex } from '../../core/map-index.js';
import { parseMap, splitMap } from '../../core/parse.js';
import { smallMap, smallMapRenamed } from '../../core/testing/fixture.js';
import { utf16 } from '../../core/testing/utf16.js';
import type { EgmFilters, EgmMap, EgmStudy } from '../../core/types.js';
import type { EgmErrorEvent } from '../../events/egm-error.js';
import type { EgmHeaderSelectEvent } from '../../events/egm-header-select.js';
import type { EgmLoadEvent } from '../../events/egm-load.js';
import type { EgmGrid } from '../egm-grid/egm-grid.js';
import './egm-map.js';
import type { EgmMapElement } from './egm-map.js';

const DEMO = '/demo/peer-support.egm.json';
const root = (el: EgmMapElement) => el.shadowRoot!;
const grid = (el: EgmMapElement) => root(el).querySelector<EgmGrid>('egm-grid')!;
const cell = (el: EgmMapElement, r: string, c: string) => grid(el).shadowRoot!.querySelector<HTMLElement>(`[data-row="${r}"][data-column="${c}"]`)!;
const slotShown = (el: EgmMapElement) => root(el).querySelector('slot') !== null;
const header = (el: EgmMapElement, axis: 'row' | 'column', id: string) => grid(el).shadowRoot!.querySelector<HTMLElement>(`th[data-axis="${axis}"][data-id="${id}"]`)!;
const text = (n: Element | null | undefined) => (n?.textContent ?? '').replace(/\s+/g, ' ').trim();
const panelTitle = (el: EgmMapElement) => text(root(el).querySelector('#panel-title'));
const panelCount = (el: EgmMapElement) => text(root(el).querySelector('.panel-count'));
const cardIds = (el: EgmMapElement) => [...root(el).querySelectorAll('egm-study-card')].map((c) => c.study!.id);
const groupHeadings = (el: EgmMapElement) => [...root(el).querySelectorAll('.panel h4.group')].map(text);
/** The ids of the cards under each group heading, by heading. */
const groupedIds = (el: EgmMapElement) =>
  Object.fromEntries([...root(el).querySelectorAll('.panel h4.group')].map((h) => [text(h), [...h.nextElementSibling!.querySelectorAll('egm-study-card')].map((c) => c.study!.id)]));
/** A labelled control of the panel's tools, found by its label's text. */
const tool = <T extends HTMLElement>(el: EgmMapElement, label: string) =>
  [...root(el).querySelectorAll('.panel-tools label')].find((l) => text(l).startsWith(label))!.querySelector<T>('select, input')!;
const findBox = (el: EgmMapElement) => root(el).querySelector<HTMLInputElement>('.panel .find input')!;
const fullscreenButton = (el: EgmMapElement) => root(el).querySelector<HTMLButtonElement>('button.fullscreen')!;
const liveText = (el: EgmMapElement) => text(root(el).querySelector('[aria-live="polite"]'));

async function choose(el: EgmMapElement, label: string, value: string): Promise<void> {
  const select = tool<HTMLSelectElement>(el, label);
  select.value = value;
  select.dispatchEvent(new Event('change'));
  await el.updateComplete;
}

async function mapOf(map: EgmMap, attrs: { rows?: string; columns?: string; filters?: EgmFilters } = {}): Promise<EgmMapElement> {
  const { schema, studies } = splitMap(map);
  const el = await fixture<EgmMapElement>(
    html`<egm-map .schema=${schema} .studies=${studies} .filters=${attrs.filters ?? { categories: {} }} rows=${attrs.rows ?? ''} columns=${attrs.columns ?? ''}></egm-map>`,
  );
  await grid(el).updateComplete;
  return el;
}

/** Activates a header or cell with a click and waits for the panel to show what it asked for. */
async function open(el: EgmMapElement, target: HTMLElement): Promise<void> {
  target.click();
  await waitUntil(() => root(el).querySelector('.panel'));
  await el.updateComplete;
}

/**
 * The small map with one more column dimension, "Scope", whose one category every study
 * carries: its header lists all seven studies, with and without years and authors.
 */
function everythingMap(): EgmMap {
  const map = smallMap();
  map.dimensions.push({ id: 'scope', label: 'Scope', categories: [{ id: 'everything', label: 'Everything' }] });
  for (const s of map.studies) s.codes.scope = ['everything'];
  return map;
}
async function everything(): Promise<EgmMapElement> {
  const el = await mapOf(everythingMap(), { columns: 'scope' });
  await open(el, header(el, 'column', 'everything'));
  return el;
}

async function loaded(src: string): Promise<EgmMapElement> {
  const el = await fixture<EgmMapElement>(html`<egm-map src=${src}><p id="fallback">See the <a href="/report">report</a>.</p></egm-map>`);
  if (!grid(el)) await oneEvent(el, 'egm-load');
  await el.updateComplete;
  await grid(el).updateComplete;
  return el;
}

/** Replaces fetch for one test; returns the restore function. */
function stubFetch(impl: (url: string, init?: RequestInit) => Promise<Response>): () => void {
  const original = window.fetch;
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => impl(input instanceof Request ? input.url : input.toString(), init);
  return () => (window.fetch = original);
}

describe('egm-map', () => {
  describe('accessibility', () => {
    it('passes axe on the loaded demo map, and with the study panel open', async () => {
      const el = await loaded(DEMO);
      await expect(el).to.be.accessible();
      cell(el, 'education', 'mental-health').click();
      await waitUntil(() => root(el).querySelector('.panel'));
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });

    it('announces filter results and selections in one polite live region', async () => {
      const el = await loaded(DEMO);
      const live = root(el).querySelectorAll('[aria-live="polite"]');
      expect(live.length).to.equal(1);
      cell(el, 'education', 'mental-health').click();
      await waitUntil(() => live[0].textContent.includes('Education × Mental health'));
      const n = cell(el, 'education', 'mental-health').dataset.count;
      expect(live[0].textContent.trim()).to.equal(`Education × Mental health: ${n} studies`);
    });
  });

  describe('layout', () => {
    it('keeps an open filter panel above the grid’s sticky headers (the contained filter bar is lifted)', async () => {
      const el = await loaded(DEMO);
      const bar = root(el).querySelector('egm-filter-bar')!;
      bar.shadowRoot!.querySelector<HTMLButtonElement>('.control-button')!.click();
      await bar.updateComplete;
      const panel = bar.shadowRoot!.querySelector<HTMLElement>('.panel')!;
      // Tall enough to reach over the grid's column headers (a long list of options would).
      panel.style.minHeight = '40rem';
      const head = grid(el).shadowRoot!.querySelector('thead th')!.getBoundingClientRect();
      const box = panel.getBoundingClientRect();
      const x = box.left + 20;
      const y = head.top + 5;
      expect(y).to.be.within(box.top, box.bottom, 'the point is inside the open panel');
      // By name: a failing comparison of the elements themselves would print their whole state.
      expect(root(el).elementFromPoint(x, y)?.localName).to.equal('egm-filter-bar');
    });
  });

  describe('loading', () => {
    it('loads src, emits egm-load with the study count and hides the fallback content', async () => {
      const el = await fixture<EgmMapElement>(html`<egm-map><p>Fallback</p></egm-map>`);
      expect(slotShown(el)).to.equal(true);
      setTimeout(() => (el.src = DEMO));
      const e = await oneEvent<EgmLoadEvent>(el, 'egm-load');
      expect(e.detail).to.deep.equal({ studies: 91 });
      await el.updateComplete;
      expect(slotShown(el)).to.equal(false);
      expect(root(el).querySelector('.title')!.textContent).to.equal('Peer support in health and social care (illustrative)');
    });

    it('shows a loading state with the fallback while the file is on its way', async () => {
      let release!: () => void;
      const restore = stubFetch(() => new Promise((resolve) => (release = () => resolve(new Response(JSON.stringify(smallMap()))))));
      try {
        const el = await fixture<EgmMapElement>(html`<egm-map src="/slow.json"><p>Fallback</p></egm-map>`);
        expect(root(el).querySelector('[role="status"]')!.textContent).to.contain('Loading the map');
        expect(slotShown(el)).to.equal(true);
        release();
        await oneEvent(el, 'egm-load');
        await el.updateComplete;
        expect(root(el).querySelector('egm-grid')).to.not.equal(null);
      } finally {
        restore();
      }
    });

    it('reports a 404 with the fallback and a retry button', async () => {
      const el = await fixture<EgmMapElement>(html`<egm-map><p>Fallback</p></egm-map>`);
      setTimeout(() => (el.src = '/demo/missing.egm.json'));
      const e = await oneEvent<EgmErrorEvent>(el, 'egm-error');
      expect(e.detail.message).to.match(/^The map file could not be loaded: the server answered 404/);
      await el.updateComplete;
      expect(root(el).querySelector('[role="alert"]')!.textContent).to.contain('404');
      expect(slotShown(el)).to.equal(true);
      expect(root(el).querySelector('button.retry')).to.not.equal(null);
    });

    it('says when the server sends a web page, an empty body, or another format', async () => {
      const bodies: Record<string, string> = { '/page': '<!doctype html><p>Not found</p>', '/empty': '', '/text': 'studies: 12', '/eppi': '{"format":"eppi/1"}' };
      const restore = stubFetch((url) => Promise.resolve(new Response(bodies[new URL(url).pathname])));
      try {
        const messages: string[] = [];
        for (const path of Object.keys(bodies)) {
          const el = await fixture<EgmMapElement>(html`<egm-map></egm-map>`);
          setTimeout(() => (el.src = path));
          messages.push((await oneEvent<EgmErrorEvent>(el, 'egm-error')).detail.message);
        }
        const base = location.origin;
        expect(messages).to.deep.equal([
          `The map file at ${base}/page is not JSON (the server sent a web page; is the address right?).`,
          `The map file at ${base}/empty is empty.`,
          `The map file at ${base}/text is not JSON.`,
          `The file at ${base}/eppi is not an egm/1 map (its format is "eppi/1"). Convert other formats with the importers first.`,
        ]);
      } finally {
        restore();
      }
    });

    it('reads a file whose body arrives in small pieces, characters of 2-4 bytes cut between them, a byte-order mark first', async () => {
      const map = smallMap();
      map.title = 'Santé mentale € 😀 — 同行支持';
      const bytes = new TextEncoder().encode(`\uFEFF${JSON.stringify(map)}`);
      expect(bytes.slice(0, 3)).to.deep.equal(new Uint8Array([0xef, 0xbb, 0xbf]));
      let pieces = 0;
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          const at = pieces * 5;
          if (at >= bytes.length) return controller.close();
          pieces++;
          controller.enqueue(bytes.slice(at, at + 5));
        },
      });
      const restore = stubFetch(() => Promise.resolve(new Response(body)));
      try {
        const el = await fixture<EgmMapElement>(html`<egm-map></egm-map>`);
        setTimeout(() => (el.src = '/pieces.json'));
        const e = await oneEvent<EgmLoadEvent>(el, 'egm-load');
        expect(e.detail.studies).to.equal(map.studies.length);
        expect(pieces).to.equal(Math.ceil(bytes.length / 5));
        await el.updateComplete;
        expect(root(el).querySelector('.title')!.textContent.trim()).to.equal('Santé mentale € 😀 — 同行支持');
      } finally {
        restore();
      }
    });

    it('reads a map file saved as UTF-16 (Notepad, PowerShell 5), where text() would give garbage', async () => {
      const map = smallMap();
      map.title = 'Santé mentale € 😀 — 同行支持';
      const bytes = utf16(JSON.stringify(map));
      const url = URL.createObjectURL(new Blob([bytes], { type: 'application/json' }));
      try {
        expect(() => JSON.parse(new TextDecoder().decode(bytes)) as unknown).to.throw(SyntaxError);
        const el = await loaded(url);
        expect(root(el).querySelector('.title')!.textContent.trim()).to.equal('Santé mentale € 😀 — 同行支持');
        expect(grid(el).shadowRoot!.querySelectorAll('td[data-count]').length).to.be.above(0);
        expect(el.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
      } finally {
        URL.revokeObjectURL(url);
      }
    });

    it('parses a large file as it arrives, a batch of studies at a time: JSON.parse never has the whole of it', async () => {
      // 450 copies of the small map's studies (about 0.65 MB), sent in chunks of 64 KB.
      const small = smallMap();
      const COPIES = 450;
      const map = { ...small, studies: Array.from({ length: COPIES }, (_, k) => small.studies.map((s) => ({ ...s, id: `${s.id}-${k}` }))).flat() };
      const bytes = new TextEncoder().encode(JSON.stringify(map));
      expect(bytes.length).to.be.above(600_000);
      const chunk = 1 << 16;
      let sent = 0;
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent >= bytes.length) return controller.close();
          controller.enqueue(bytes.slice(sent, (sent += chunk)));
        },
      });
      const parse = JSON.parse;
      const parsed: number[] = [];
      JSON.parse = function (this: unknown, text: string, reviver?: Parameters<typeof parse>[1]) {
        if (text.length > 1000) parsed.push(text.length);
        return parse.call(this, text, reviver) as unknown;
      };
      const restore = stubFetch(() => Promise.resolve(new Response(body)));
      try {
        const el = await fixture<EgmMapElement>(html`<egm-map></egm-map>`);
        setTimeout(() => (el.src = '/large.json'));
        const e = await oneEvent<EgmLoadEvent>(el, 'egm-load');
        JSON.parse = parse;
        expect(e.detail.studies).to.equal(small.studies.length * COPIES);
        // A batch and the chunk that filled it, and the rest of the file (the schema).
        expect(Math.max(...parsed)).to.be.at.most(BATCH + chunk + 2);
        expect(parsed.filter((n) => n > 100_000).length).to.be.at.least(2);
        // Every cell counts each study 450 times: the same map as the small one, 450 times over.
        const one = await fixture<EgmMapElement>(html`<egm-map .schema=${small}></egm-map>`);
        await el.updateComplete;
        await waitUntil(() => grid(el)?.shadowRoot?.querySelector('td[data-total]') && grid(one)?.shadowRoot?.querySelector('td[data-total]'));
        const totals = (m: EgmMapElement) => [...grid(m).shadowRoot!.querySelectorAll<HTMLElement>('td[data-total]')].map((td) => Number(td.dataset.total));
        expect(totals(el)).to.deep.equal(totals(one).map((n) => n * COPIES));
        expect(totals(one).some((n) => n > 0)).to.equal(true);
        // Equal code lists of a dimension are one frozen array: as many as the small map has.
        const studies = grid(el).model!.index.studies;
        for (const { id } of small.dimensions) {
          const lists = new Set(studies.map((s) => s.codes[id]).filter((l) => l !== undefined));
          expect(lists.size, id).to.equal(new Set(small.studies.map((s) => s.codes[id]).filter((l) => l !== undefined).map((l) => JSON.stringify(l))).size);
          expect([...lists].every((l) => Object.isFrozen(l)), id).to.equal(true);
        }
      } finally {
        JSON.parse = parse;
        restore();
      }
    });

    it('lists every validation issue of an invalid file', async () => {
      const bad = smallMap() as unknown as Record<string, any>;
      bad.studies[0].codes.outcome = ['mental'];
      bad.studies[1].url = 'javascript:alert(1)';
      const restore = stubFetch(() => Promise.resolve(new Response(JSON.stringify(bad))));
      try {
        const el = await fixture<EgmMapElement>(html`<egm-map></egm-map>`);
        setTimeout(() => (el.src = '/bad.json'));
        const e = await oneEvent<EgmErrorEvent>(el, 'egm-error');
        expect(e.detail.issues!.map((i) => i.path)).to.deep.equal(['studies[0].codes.outcome[0]', 'studies[1].url']);
        await el.updateComplete;
        const alert = root(el).querySelector('[role="alert"]')!;
        expect(alert.textContent).to.contain('2 problems');
        expect(alert.textContent).to.contain('did you mean "mental-health"?');
        expect(root(el).querySelector('egm-grid')).to.equal(null);
      } finally {
        restore();
      }
    });

    it('times out', async () => {
      const restore = stubFetch((_url, init) => new Promise((_, reject) => init!.signal!.addEventListener('abort', () => reject(new Error('aborted')))));
      try {
        const el = await fixture<EgmMapElement>(html`<egm-map load-timeout="50"></egm-map>`);
        setTimeout(() => (el.src = '/never.json'));
        const e = await oneEvent<EgmErrorEvent>(el, 'egm-error');
        expect(e.detail.message).to.contain('took longer than 0.1 seconds');
      } finally {
        restore();
      }
    });

    it('lets a newer src win over a late response to an older one', async () => {
      const pending: Record<string, (r: Response) => void> = {};
      const restore = stubFetch((url) => new Promise((resolve) => (pending[new URL(url).pathname] = resolve)));
      try {
        const el = await fixture<EgmMapElement>(html`<egm-map src="/old.json"></egm-map>`);
        el.src = '/new.json';
        await el.updateComplete;
        const newer = smallMap();
        newer.title = 'Newer map';
        pending['/new.json'](new Response(JSON.stringify(newer)));
        await oneEvent(el, 'egm-load');
        const older = smallMap();
        older.title = 'Older map';
        pending['/old.json']?.(new Response(JSON.stringify(older)));
        await aTimeout(50);
        await el.updateComplete;
        expect(root(el).querySelector('.title')!.textContent).to.equal('Newer map');
      } finally {
        restore();
      }
    });

    it('fails a src that is not a URL with egm-error and the fallback, rather than keep the map it had', async () => {
      const el = await loaded(DEMO);
      setTimeout(() => (el.src = 'http://[::1'));
      const e = await oneEvent<EgmErrorEvent>(el, 'egm-error');
      expect(e.detail.message).to.match(/^The map file could not be loaded from http:\/\/\[::1 \(.+\)\.$/);
      await el.updateComplete;
      expect(root(el).querySelector('egm-grid')).to.equal(null);
      expect(slotShown(el)).to.equal(true);
    });

    it('cancels a load without an error when src is removed, and loads again when moved in the page meanwhile', async () => {
      const pending: ((r: Response) => void)[] = [];
      const restore = stubFetch(
        (_url, init) =>
          new Promise((resolve, reject) => {
            pending.push(resolve);
            init!.signal!.addEventListener('abort', () => reject(new DOMException('The user aborted a request.', 'AbortError')));
          }),
      );
      try {
        const el = await fixture<EgmMapElement>(html`<egm-map src="/map.json"><p>Fallback</p></egm-map>`);
        const errors: string[] = [];
        el.addEventListener('egm-error', (e) => errors.push(e.detail.message));
        el.removeAttribute('src');
        await el.updateComplete;
        await aTimeout(20);
        expect(errors).to.deep.equal([]);
        expect(root(el).querySelector('[role="status"]')).to.equal(null);
        // Moved while loading (removed and added again, as a script or a framework may do).
        el.setAttribute('src', '/map.json');
        await el.updateComplete;
        expect(pending.length).to.equal(2);
        const parent = el.parentElement!;
        el.remove();
        await aTimeout(20);
        parent.append(el);
        expect(pending.length).to.equal(3);
        const load = oneEvent<EgmLoadEvent>(el, 'egm-load');
        pending[2](new Response(JSON.stringify(smallMap())));
        expect((await load).detail).to.deep.equal({ studies: 7 });
        expect(errors).to.deep.equal([]);
      } finally {
        restore();
      }
    });

    it('reports an invalid .schema with egm-error, once for each map given', async () => {
      const bad = smallMap() as unknown as Record<string, any>;
      bad.studies[0].codes.outcome = ['mental'];
      const { schema, studies } = splitMap(bad as EgmMap);
      const el = await fixture<EgmMapElement>(html`<egm-map></egm-map>`);
      const errors: EgmErrorEvent['detail'][] = [];
      el.addEventListener('egm-error', (e) => errors.push(e.detail));
      el.schema = schema;
      el.studies = studies;
      await el.updateComplete;
      expect(errors.map((d) => [d.message, d.issues?.map((i) => i.path)])).to.deep.equal([['This map could not be shown', ['studies[0].codes.outcome[0]']]]);
      expect(errors[0].issues![0].message).to.contain('did you mean "mental-health"?');
      // Other updates report nothing new; a new map object is reported again.
      el.setAttribute('view', 'heatmap');
      await el.updateComplete;
      expect(errors.length).to.equal(1);
      el.studies = [...studies];
      await el.updateComplete;
      expect(errors.length).to.equal(2);
      const loads: number[] = [];
      el.addEventListener('egm-load', (e) => loads.push(e.detail.studies));
      el.studies = splitMap(smallMap()).studies;
      await el.updateComplete;
      expect(loads).to.deep.equal([7]);
      expect(errors.length).to.equal(2);
    });

    it('keeps the filters and collapsed groups another map has, and drops the rest', async () => {
      const el = await mapOf(smallMap(), { filters: { categories: { outcome: ['mental-health'], population: ['children', 'older'] }, query: 'peer' } });
      header(el, 'row', 'delivery').click();
      const legend = root(el).querySelector('egm-legend')!;
      legend.shadowRoot!.querySelector<HTMLButtonElement>('button[data-segment="low"]')!.click();
      await el.updateComplete;
      await grid(el).updateComplete;
      expect(grid(el).collapsed).to.deep.equal(['delivery']);
      expect(grid(el).hiddenSegments).to.deep.equal(['low']);
      // (The code drawn after the first screen, which fits the view, is here once the page is idle.)
      await loadDeferredCode();
      // The next version of the map: "older" and "low" are gone, the rest is as it was.
      const next = smallMap();
      next.dimensions.find((d) => d.id === 'population')!.categories[0].children = [{ id: 'working-age', label: 'Working age' }];
      next.dimensions.find((d) => d.id === 'quality')!.categories.pop();
      for (const st of next.studies) {
        for (const dim of ['population', 'quality']) if (st.codes[dim]) st.codes[dim] = st.codes[dim].filter((id) => id !== 'older' && id !== 'low');
      }
      const { schema, studies } = splitMap(next);
      el.schema = schema;
      el.studies = studies;
      await el.updateComplete;
      await grid(el).updateComplete;
      expect(el.filters).to.deep.equal({ categories: { outcome: ['mental-health'], population: ['children'] }, query: 'peer' });
      expect(grid(el).collapsed).to.deep.equal(['delivery']);
      // (A hidden segment the map no longer has hides nothing.)
      expect(grid(el).hiddenSegments).to.deep.equal(['low']);
      const toggles = [...legend.shadowRoot!.querySelectorAll<HTMLButtonElement>('button[data-segment]')];
      expect(toggles.map((b) => `${b.dataset.segment}: ${b.getAttribute('aria-pressed')}`)).to.deep.equal(['high: true', 'medium: true', ': true']);
      // A map of other ids: nothing of the old view filters it to nothing.
      const other = smallMapRenamed('outcome', 'result');
      for (const d of other.dimensions) if (d.id === 'support') d.categories = d.categories.filter((c) => c.id !== 'delivery');
      for (const st of other.studies) if (st.codes.support) st.codes.support = st.codes.support.filter((id) => !['delivery', 'in-person', 'remote'].includes(id));
      el.schema = splitMap(other).schema;
      el.studies = splitMap(other).studies;
      await el.updateComplete;
      await grid(el).updateComplete;
      expect(el.filters).to.deep.equal({ categories: { population: ['children'] }, query: 'peer' });
      expect(grid(el).collapsed).to.deep.equal([]);
    });

    it('takes .schema and .studies without src', async () => {
      const { schema, studies } = splitMap(smallMap());
      const el = await fixture<EgmMapElement>(html`<egm-map .schema=${schema} .studies=${studies}></egm-map>`);
      await grid(el).updateComplete;
      expect(cell(el, 'education', 'mental-health').dataset.count).to.equal('2');
    });
  });

  describe('rendering', () => {
    it('shows the title, description, safe links, sanitised about text and metadata', async () => {
      const map = smallMap();
      Object.assign(map, {
        description: 'Plain <b>text</b>',
        links: [{ label: 'Report', url: 'https://example.org/report' }],
        aboutHtml: '<p onclick="alert(1)">Methods <a href="javascript:alert(1)">bad</a> <a href="https://example.org/m">good</a><script>alert(1)</script><img src=x onerror=alert(1)></p>',
        version: '2.1',
        searchDate: '2021-06-30',
        license: 'CC-BY-4.0',
        citation: 'Author A (2022) Small map',
      });
      const { schema, studies } = splitMap(map);
      const el = await fixture<EgmMapElement>(html`<egm-map .schema=${schema} .studies=${studies}></egm-map>`);
      const r = root(el);
      expect(r.querySelector('.description')!.textContent).to.equal('Plain <b>text</b>');
      const link = r.querySelector<HTMLAnchorElement>('.links a')!;
      expect([link.href, link.rel]).to.deep.equal(['https://example.org/report', 'noopener noreferrer']);
      const about = r.querySelector('.about-body')!;
      expect(about.innerHTML.replace(/<!--[^>]*-->/g, '')).to.equal('<p>Methods <a>bad</a> <a href="https://example.org/m" rel="noopener noreferrer" target="_blank">good</a></p>');
      const meta = [...r.querySelectorAll('.meta div')].map((d) => [d.querySelector('dt')!.textContent, d.querySelector('dd')!.textContent]);
      expect(meta).to.deep.equal([
        ['Version', '2.1'],
        ['Searched', '2021-06-30'],
        ['Licence', 'CC-BY-4.0'],
        ['Cite as', 'Author A (2022) Small map'],
      ]);
      expect(r.querySelectorAll('[style]').length).to.equal(0);
    });

    it('reads dimensions named after Object.prototype members as any other', async () => {
      // The rows called "__proto__" and the population filter "constructor": to a reader, the
      // same map. Both are filtered from the bar, then a cell's panel is opened.
      const maps = [smallMap(), smallMapRenamed('population', 'constructor', smallMapRenamed('support', '__proto__'))];
      const seen = [];
      for (const [map, population] of [[maps[0], 'population'], [maps[1], 'constructor']] as const) {
        const { schema, studies } = splitMap(map);
        const el = await fixture<EgmMapElement>(html`<egm-map .schema=${schema} .studies=${studies}></egm-map>`);
        const bar = root(el).querySelector('egm-filter-bar')!;
        bar.shadowRoot!.querySelector<HTMLButtonElement>(`.control[data-dimension="${population}"] .control-button`)!.click();
        await (bar as unknown as { updateComplete: Promise<unknown> }).updateComplete;
        bar.shadowRoot!.querySelector<HTMLInputElement>('input[data-id="adults"]')!.click();
        await waitUntil(() => grid(el).filters?.categories[population]?.length === 1, 'the filter reaches the grid');
        await grid(el).updateComplete;
        const counts = [...grid(el).shadowRoot!.querySelectorAll<HTMLElement>('td[data-count]')].map((td) => `${td.dataset.row}×${td.dataset.column}=${td.dataset.count}`);
        await open(el, cell(el, 'education', 'mental-health'));
        seen.push({ counts, panel: panelCount(el), cards: cardIds(el) });
      }
      expect(seen[0].counts.length).to.be.greaterThan(0);
      expect(seen[0].cards).to.deep.equal(['s1']);
      expect(seen[1]).to.deep.equal(seen[0]);
    });

    it('passes rows, columns and segments to its grid', async () => {
      const { schema, studies } = splitMap(smallMap());
      const el = await fixture<EgmMapElement>(html`<egm-map .schema=${schema} .studies=${studies} rows="outcome" columns="support" segments="design"></egm-map>`);
      await grid(el).updateComplete;
      expect([grid(el).rows, grid(el).columns, grid(el).segments]).to.deep.equal(['outcome', 'support', 'design']);
      expect(cell(el, 'mental-health', 'education').dataset.count).to.equal('2');
    });
  });

  describe('large maps', () => {
    it('keeps the cells near the screen, closes the panel back to its cell scrolled far away, and passes cells="all" on', async () => {
      const map = (await (await fetch('/demo/large-1000.egm.json')).json()) as EgmMap;
      const el = await mapOf(map);
      const g = grid(el);
      const gridcells = () => g.shadowRoot!.querySelectorAll('[role="gridcell"]').length;
      expect(g.cells).to.equal('auto');
      expect(gridcells()).to.be.within(1, 1200);
      const model = g.model!;
      const first = cell(el, model.rows.lines[0].id, model.columns.lines[0].id);
      first.focus();
      await open(el, first);
      const scroller = g.shadowRoot!.querySelector<HTMLElement>('.scroller')!;
      scroller.scrollTop = scroller.scrollHeight;
      const lastRow = model.rows.lines.at(-1)!.id;
      await waitUntil(() => g.shadowRoot!.querySelector(`[role="gridcell"][data-row="${lastRow}"]`), 'the grid follows the scroll', { timeout: 5000 });
      await g.updateComplete;
      // The first row is far above now: only its selected cell (the tab stop too) is kept.
      expect(g.shadowRoot!.querySelectorAll(`[role="gridcell"][data-row="${model.rows.lines[0].id}"]`).length).to.be.greaterThan(0);
      root(el).querySelector<HTMLButtonElement>('.panel button.close')!.click();
      await el.updateComplete;
      await g.updateComplete;
      expect(g.shadowRoot!.activeElement).to.equal(cell(el, model.rows.lines[0].id, model.columns.lines[0].id));
      el.cells = 'all';
      await el.updateComplete;
      await g.updateComplete;
      expect(g.cells).to.equal('all');
      expect(gridcells()).to.equal(60 * 40);
    });
  });

  describe('events and the study panel', () => {
    it('lists exactly the clicked cell’s studies, sortable, and closes back to the cell', async () => {
      const map = (await (await fetch(DEMO)).json()) as EgmMap;
      const el = await loaded(DEMO);
      const model = new GridModel(createIndex(parseMap(map)), { rows: 'support', columns: 'outcome' });
      const expected = model.cellStudies('self-management', 'mental-health', undefined);
      cell(el, 'self-management', 'mental-health').click();
      await waitUntil(() => root(el).querySelector('.panel'));
      await el.updateComplete;
      const cards = [...root(el).querySelectorAll('egm-study-card')];
      expect(cards.map((c) => c.study!.id).sort()).to.deep.equal([...expected].sort());
      expect(root(el).querySelector('.panel-count')!.textContent.trim()).to.equal(`${expected.length} studies`);
      const years = cards.map((c) => c.study!.year ?? -Infinity);
      expect(years).to.deep.equal([...years].sort((a, b) => b - a));
      const select = root(el).querySelector<HTMLSelectElement>('.sort select')!;
      select.value = 'title';
      select.dispatchEvent(new Event('change'));
      await el.updateComplete;
      const titles = [...root(el).querySelectorAll('egm-study-card')].map((c) => c.study!.title);
      expect(titles).to.deep.equal([...titles].sort((a, b) => a.localeCompare(b)));
      root(el).querySelector<HTMLButtonElement>('.close')!.click();
      await el.updateComplete;
      await grid(el).updateComplete;
      expect(root(el).querySelector('.panel')).to.equal(null);
      expect(grid(el).shadowRoot!.activeElement).to.equal(cell(el, 'self-management', 'mental-health'));
    });

    it('says a gap is a gap', async () => {
      const { schema, studies } = splitMap(smallMap());
      const el = await fixture<EgmMapElement>(html`<egm-map .schema=${schema} .studies=${studies}></egm-map>`);
      await grid(el).updateComplete;
      cell(el, 'education', 'cost').click();
      await waitUntil(() => root(el).querySelector('.panel'));
      expect(root(el).querySelector('.panel-count')!.textContent.trim()).to.equal('No studies: this is a gap in the evidence.');
    });

    it('does not open the panel when the host prevents the selection', async () => {
      const { schema, studies } = splitMap(smallMap());
      const el = await fixture<EgmMapElement>(html`<egm-map .schema=${schema} .studies=${studies}></egm-map>`);
      await grid(el).updateComplete;
      document.addEventListener('egm-cell-select', (e) => e.preventDefault(), { once: true });
      cell(el, 'education', 'mental-health').click();
      await aTimeout(20);
      await el.updateComplete;
      expect(root(el).querySelector('.panel')).to.equal(null);
    });
  });
  describe('row and column study lists', () => {
    it('lists a column header’s studies under the filters, in study-list order, naming the column', async () => {
      const filters: EgmFilters = { categories: { population: ['adults'] } };
      const el = await mapOf(smallMap(), { filters });
      setTimeout(() => header(el, 'column', 'mental-health').click());
      const e = await oneEvent<EgmHeaderSelectEvent>(el, 'egm-header-select');
      // Mental health: s1, s2, s3, s7; adults (older and working age included) leaves s1, s3, s7.
      expect(e.detail).to.deep.equal({ axis: 'column', categoryId: 'mental-health', studyIds: ['s1', 's3', 's7'] });
      const model = new GridModel(createIndex(parseMap(smallMap())), { rows: 'support', columns: 'outcome' });
      expect(e.detail.studyIds).to.deep.equal(model.headerStudies('column', 'mental-health', filters));
      await waitUntil(() => root(el).querySelector('.panel'));
      await el.updateComplete;
      expect(panelTitle(el)).to.equal('Mental health');
      expect(panelCount(el)).to.equal('3 studies');
      expect(cardIds(el)).to.deep.equal(['s3', 's1', 's7']); // newest first
      const region = root(el).querySelector('.panel')!;
      expect(region.getAttribute('role')).to.equal('region');
      expect(text(root(el).getElementById(region.getAttribute('aria-labelledby')!))).to.equal('Mental health');
      await waitUntil(() => liveText(el) === 'Mental health: 3 studies');
      await expect(el).to.be.accessible();
    });

    it('lists a row header’s studies from the keyboard, and follows a later filter change', async () => {
      const el = await mapOf(smallMap());
      header(el, 'row', 'in-person').focus();
      setTimeout(() => void sendKeys({ press: 'Enter' }));
      const e = await oneEvent<EgmHeaderSelectEvent>(el, 'egm-header-select');
      expect(e.detail).to.deep.equal({ axis: 'row', categoryId: 'in-person', studyIds: ['s3', 's7'] });
      await waitUntil(() => root(el).querySelector('.panel'));
      await el.updateComplete;
      expect(panelTitle(el)).to.equal('In person');
      expect(cardIds(el)).to.deep.equal(['s3', 's7']);
      // A host's new filters: the same row, what is left of it (s7 is a review).
      el.filters = { categories: { design: ['rct'] } };
      await el.updateComplete;
      expect(panelTitle(el)).to.equal('In person');
      expect(panelCount(el)).to.equal('1 study');
      expect(cardIds(el)).to.deep.equal(['s3']);
    });

    it('lists the studies coded to a row group alone, and to a column group alone', async () => {
      const el = await mapOf(smallMap());
      const direct = grid(el).shadowRoot!.querySelector<HTMLElement>('button.direct-only[data-axis="row"][data-direct="delivery"]')!;
      setTimeout(() => direct.click());
      const e = await oneEvent<EgmHeaderSelectEvent>(el, 'egm-header-select');
      // s4 is coded to Delivery only; s5 also to Remote, so it is not in the list.
      expect(e.detail).to.deep.equal({ axis: 'row', categoryId: 'delivery', studyIds: ['s4'], scope: 'direct' });
      await waitUntil(() => root(el).querySelector('.panel'));
      await el.updateComplete;
      expect(panelTitle(el)).to.equal('Delivery (coded to the group alone)');
      expect(cardIds(el)).to.deep.equal(['s4']);

      const t = await mapOf(smallMap(), { rows: 'outcome', columns: 'support' });
      const colDirect = grid(t).shadowRoot!.querySelector<HTMLElement>('button.direct-only[data-axis="column"][data-direct="delivery"]')!;
      setTimeout(() => colDirect.click());
      const c = await oneEvent<EgmHeaderSelectEvent>(t, 'egm-header-select');
      expect(c.detail).to.deep.equal({ axis: 'column', categoryId: 'delivery', studyIds: ['s4'], scope: 'direct' });
      await waitUntil(() => root(t).querySelector('.panel'));
      await t.updateComplete;
      expect(panelTitle(t)).to.equal('Delivery (coded to the group alone)');
      await expect(t).to.be.accessible();
    });

    it('closes the panel and clears the selection when the rows or columns change', async () => {
      const el = await mapOf(smallMap());
      await open(el, cell(el, 'education', 'mental-health'));
      expect(grid(el).selected).to.deep.equal({ rowId: 'education', columnId: 'mental-health' });
      const before = cardIds(el);
      expect(before).to.deep.equal(['s1', 's2']);
      el.setAttribute('rows', 'outcome');
      el.setAttribute('columns', 'support');
      await el.updateComplete;
      await grid(el).updateComplete;
      expect(root(el).querySelector('.panel')).to.equal(null);
      expect(grid(el).selected).to.equal(null);
      // The transposed cell opens as any other.
      await open(el, cell(el, 'mental-health', 'education'));
      expect(panelTitle(el)).to.equal('Mental health × Education');
      expect(cardIds(el)).to.deep.equal(before);
    });

    it('lists a column header of the transposed map, and a collapsed group’s cell under the group’s name', async () => {
      const el = await mapOf(smallMap(), { rows: 'outcome', columns: 'support' });
      await open(el, header(el, 'column', 'education'));
      expect(panelTitle(el)).to.equal('Education');
      expect(cardIds(el)).to.deep.equal(['s1', 's2']);
      // Collapse the Delivery column group (its header toggles it): its cells list every study
      // coded to the group or below. Physical health × Delivery: s4 (the group) and s5 (Remote).
      header(el, 'column', 'delivery').click();
      await el.updateComplete;
      await grid(el).updateComplete;
      expect(header(el, 'column', 'delivery').getAttribute('aria-expanded')).to.equal('false');
      await open(el, cell(el, 'physical', 'delivery'));
      await waitUntil(() => panelTitle(el) === 'Physical health × Delivery');
      expect(cardIds(el)).to.deep.equal(['s5', 's4']);
      expect(panelCount(el)).to.equal('2 studies');
    });
  });

  describe('the study panel: sorting, grouping and search', () => {
    it('sorts by year, title and first author, each both ways (no year or author last)', async () => {
      const el = await everything();
      expect(panelTitle(el)).to.equal('Everything');
      const sort = tool<HTMLSelectElement>(el, 'Sort by');
      expect(sort.labels[0].textContent.replace(/\s+/g, ' ').trim().startsWith('Sort by')).to.be.true;
      expect([...sort.options].map((o) => [o.value, o.textContent.trim()])).to.deep.equal([
        ['year-desc', 'Newest first'],
        ['year-asc', 'Oldest first'],
        ['title', 'Title, A to Z'],
        ['title-desc', 'Title, Z to A'],
        ['author', 'First author, A to Z'],
        ['author-desc', 'First author, Z to A'],
      ]);
      expect(sort.value).to.equal('year-desc');
      expect(cardIds(el)).to.deep.equal(['s3', 's1', 's7', 's2', 's5', 's6', 's4']);
      const orders: Record<string, string[]> = {};
      for (const value of ['year-asc', 'title', 'title-desc', 'author', 'author-desc', 'year-desc']) {
        await choose(el, 'Sort by', value);
        orders[value] = cardIds(el);
      }
      expect(orders).to.deep.equal({
        'year-asc': ['s6', 's5', 's2', 's7', 's1', 's3', 's4'],
        // Befriending, Blended, Emotional … and, Emotional … without, Peer education, Peer support, Remote
        title: ['s7', 's3', 's2', 's6', 's1', 's4', 's5'],
        'title-desc': ['s5', 's4', 's1', 's6', 's2', 's3', 's7'],
        // Müller, Núñez, Ó Briain, Okafor (accents do not count first), then by title.
        author: ['s3', 's1', 's7', 's2', 's6', 's4', 's5'],
        'author-desc': ['s2', 's7', 's1', 's3', 's6', 's4', 's5'],
        'year-desc': ['s3', 's1', 's7', 's2', 's5', 's6', 's4'],
      });
      // From the keyboard: the select changes with the arrow keys.
      sort.focus();
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      expect(cardIds(el)).to.deep.equal(orders['year-asc']);
    });

    it('groups by a dimension’s categories in their order, with counts, "Not coded" last', async () => {
      const el = await everything();
      const group = tool<HTMLSelectElement>(el, 'Group by');
      expect([...group.options].map((o) => o.textContent.trim())).to.deep.equal(['None', 'Type of support', 'Outcome', 'Study quality', 'Population', 'Study type', 'Scope']);
      await choose(el, 'Group by', 'quality');
      // s3 is High and Low, so it is in both; s4 (no quality codes) and s7 are not coded.
      expect(groupHeadings(el)).to.deep.equal(['High: 3 studies', 'Medium: 1 study', 'Low: 2 studies', 'Not coded: 2 studies']);
      expect(groupedIds(el)).to.deep.equal({
        'High: 3 studies': ['s3', 's1', 's6'],
        'Medium: 1 study': ['s2'],
        'Low: 2 studies': ['s3', 's5'],
        'Not coded: 2 studies': ['s7', 's4'],
      });
      expect(panelCount(el)).to.equal('7 studies');
      // Headings nest: the region's h3, the groups' h4, the cards' h5.
      expect([...root(el).querySelectorAll('egm-study-card')].map((c) => c.getAttribute('heading-level'))).to.deep.equal(Array(8).fill('5'));
      await expect(el).to.be.accessible();
      await choose(el, 'Sort by', 'title');
      expect(groupedIds(el)['High: 3 studies']).to.deep.equal(['s3', 's6', 's1']);
      await choose(el, 'Group by', 'design');
      expect(groupedIds(el)).to.deep.equal({
        'Systematic review: 2 studies': ['s7', 's2'],
        'RCT: 3 studies': ['s3', 's1', 's4'],
        'Not coded: 2 studies': ['s6', 's5'],
      });
      // Grouping by a dimension with a group category counts its children under it.
      await choose(el, 'Group by', 'population');
      expect(groupHeadings(el)).to.deep.equal(['Adults: 4 studies', 'Children: 2 studies', 'Not coded: 2 studies']);
      await choose(el, 'Group by', '');
      expect(groupHeadings(el)).to.deep.equal([]);
      expect(cardIds(el)).to.deep.equal(['s7', 's3', 's2', 's6', 's1', 's4', 's5']);
      expect(root(el).querySelector('egm-study-card')!.getAttribute('heading-level')).to.equal('4');
    });

    it('searches within the panel, ignoring case and accents, with a live count', async () => {
      const el = await everything();
      const box = findBox(el);
      expect(text(box.labels![0])).to.equal('Search these studies');
      box.focus();
      await sendKeys({ type: 'NUNEZ' });
      await el.updateComplete;
      expect(cardIds(el)).to.deep.equal(['s1']);
      expect(panelCount(el)).to.equal('1 of 7 studies');
      await waitUntil(() => liveText(el) === '1 of 7 studies', 'the count is announced');
      box.select();
      await sendKeys({ type: 'peer' });
      await el.updateComplete;
      expect(cardIds(el)).to.deep.equal(['s3', 's1', 's5', 's4']);
      expect(panelCount(el)).to.equal('4 of 7 studies');
      // With groups: the search applies within each.
      await choose(el, 'Group by', 'quality');
      expect(groupedIds(el)).to.deep.equal({ 'High: 2 studies': ['s3', 's1'], 'Low: 2 studies': ['s3', 's5'], 'Not coded: 1 study': ['s4'] });
      await choose(el, 'Group by', '');
      box.select();
      await sendKeys({ type: 'loneliness' }); // in s7's abstract
      await el.updateComplete;
      expect(cardIds(el)).to.deep.equal(['s7']);
      box.select();
      await sendKeys({ type: 'muller "blended peer"' });
      await el.updateComplete;
      expect(cardIds(el)).to.deep.equal(['s3']);
      box.select();
      await sendKeys({ type: 'nothing like this' });
      await el.updateComplete;
      expect(cardIds(el)).to.deep.equal([]);
      expect(panelCount(el)).to.equal('0 of 7 studies');
      await expect(el).to.be.accessible();
      // Another list starts with an empty search box.
      await open(el, header(el, 'row', 'education'));
      await waitUntil(() => panelTitle(el) === 'Education');
      expect(findBox(el).value).to.equal('');
      expect(cardIds(el)).to.deep.equal(['s1', 's2']);
    });

    it('draws a new panel’s first 8 cards at once and the rest of its page a task later; updateComplete waits for them all', async () => {
      const big: EgmMap = {
        format: 'egm/1',
        title: 'Thirty studies',
        dimensions: [
          { id: 'r', label: 'Rows', categories: [{ id: 'r1', label: 'Row one' }, { id: 'r2', label: 'Row two' }] },
          { id: 'c', label: 'Columns', categories: [{ id: 'c1', label: 'Column one' }] },
        ],
        layout: { rows: 'r', columns: 'c' },
        studies: Array.from({ length: 30 }, (_, i) => ({ id: `s${i}`, title: `Study ${i}`, year: 2030 - i, codes: { r: [i < 20 ? 'r1' : 'r2'], c: ['c1'] } })),
      };
      const el = await mapOf(big);
      const seen: number[] = [];
      // Cards as each update of the map leaves them (before the next task).
      const observer = new MutationObserver(() => seen.push(root(el).querySelectorAll('egm-study-card').length));
      observer.observe(root(el), { childList: true, subtree: true });
      cell(el, 'r1', 'c1').click();
      await el.updateComplete;
      observer.disconnect();
      // Cards come in the first update with the list's code (the page's first panel may wait for it).
      expect(seen.find((n) => n > 0)).to.equal(8, 'the first update with cards draws 8');
      expect(seen.at(-1)).to.equal(20);
      expect(cardIds(el)).to.deep.equal(Array.from({ length: 20 }, (_, i) => `s${i}`));
      // Another cell while the rest of a page is still to come: the newer cell wins, in full.
      cell(el, 'r2', 'c1').click();
      await aTimeout(0);
      cell(el, 'r1', 'c1').click();
      await el.updateComplete;
      expect(panelTitle(el)).to.equal('Row one × Column one');
      expect(cardIds(el)).to.deep.equal(Array.from({ length: 20 }, (_, i) => `s${i}`));
    });

    it('pages, sorts, groups and searches a cell of 10,000 studies', async () => {
      const N = 10_000;
      const quality = ['high', 'medium', 'low'];
      const big: EgmMap = {
        format: 'egm/1',
        title: 'Large cell',
        dimensions: [
          { id: 'r', label: 'Rows', categories: [{ id: 'r1', label: 'Row one' }] },
          { id: 'c', label: 'Columns', categories: [{ id: 'c1', label: 'Column one' }] },
          { id: 'quality', label: 'Quality', categories: quality.map((id) => ({ id, label: id.toUpperCase() })) },
        ],
        layout: { rows: 'r', columns: 'c', segments: 'quality' },
        studies: Array.from({ length: N }, (_, i) => ({
          id: `s${i}`,
          // Titles out of step with the ids and 20 years: many ties to break by title.
          title: `Study ${String((i * 7919) % N).padStart(5, '0')}`,
          year: 2000 + (i % 20),
          codes: { r: ['r1'], c: ['c1'], quality: i % 10 === 0 ? [] : [quality[i % 3]] },
        })),
      };
      const el = await mapOf(big);
      await open(el, cell(el, 'r1', 'c1'));
      const { compare } = new Intl.Collator();
      const byYear = [...big.studies].sort((a, b) => b.year! - a.year! || compare(a.title, b.title)).map((s) => s.id);
      expect(panelCount(el)).to.equal('10,000 studies');
      expect(cardIds(el)).to.deep.equal(byYear.slice(0, 50));
      const more = () => root(el).querySelector<HTMLButtonElement>('button.more')!;
      expect(text(more())).to.equal('Show 50 more of 9,950');
      more().click();
      await el.updateComplete;
      expect(cardIds(el)).to.deep.equal(byYear.slice(0, 100));
      await choose(el, 'Sort by', 'year-asc');
      const byYearAsc = [...big.studies].sort((a, b) => a.year! - b.year! || compare(a.title, b.title)).map((s) => s.id);
      expect(cardIds(el)).to.deep.equal(byYearAsc.slice(0, 100));
      await choose(el, 'Sort by', 'year-desc');
      await choose(el, 'Group by', 'quality');
      const inGroup = (q: string | null) => big.studies.filter((s) => (q ? s.codes.quality[0] === q : s.codes.quality.length === 0));
      const counts = [...quality, null].map((q) => inGroup(q).length);
      expect(groupHeadings(el)).to.deep.equal([
        `HIGH: ${counts[0].toLocaleString()} studies`,
        `MEDIUM: ${counts[1].toLocaleString()} studies`,
        `LOW: ${counts[2].toLocaleString()} studies`,
        `Not coded: ${counts[3].toLocaleString()} studies`,
      ]);
      // Each group shows its first 50, in order, with its own "Show more".
      const firstOf = (q: string | null, n: number) => {
        const ids = new Set(inGroup(q).map((s: EgmStudy) => s.id));
        return byYear.filter((id) => ids.has(id)).slice(0, n);
      };
      expect(Object.values(groupedIds(el))).to.deep.equal([firstOf('high', 50), firstOf('medium', 50), firstOf('low', 50), firstOf(null, 50)]);
      const buttons = () => [...root(el).querySelectorAll<HTMLButtonElement>('button.more')];
      expect(buttons().map(text)).to.deep.equal(counts.map((n) => `Show 50 more of ${(n - 50).toLocaleString()}`));
      // Each button is described by its group's heading.
      expect(buttons().map((b) => text(root(el).getElementById(b.getAttribute('aria-describedby')!)))).to.deep.equal(groupHeadings(el));
      buttons()[3].click();
      await el.updateComplete;
      expect(Object.values(groupedIds(el)).map((ids) => ids.length)).to.deep.equal([50, 50, 50, 100]);
      expect(Object.values(groupedIds(el))[3]).to.deep.equal(firstOf(null, 100));
      const box = findBox(el);
      box.focus();
      await sendKeys({ type: 'study 0999' });
      await el.updateComplete;
      const matches = big.studies.filter((s) => s.title.includes('0999'));
      expect(panelCount(el)).to.equal(`${matches.length} of 10,000 studies`);
      expect(Object.values(groupedIds(el)).flat().sort()).to.deep.equal(matches.map((s) => s.id).sort());
    });

    it('moves focus to the first card the last "Show more" adds, as its button goes, in a list and in a group', async () => {
      // 120 studies in one cell: pages of 50, 50 and 20; the odd ones "High", the even ones not coded (60 each).
      const map: EgmMap = {
        format: 'egm/1',
        title: 'A hundred and twenty studies',
        dimensions: [
          { id: 'r', label: 'Rows', categories: [{ id: 'r1', label: 'Row one' }] },
          { id: 'c', label: 'Columns', categories: [{ id: 'c1', label: 'Column one' }] },
          { id: 'q', label: 'Quality', categories: [{ id: 'high', label: 'High' }] },
        ],
        layout: { rows: 'r', columns: 'c' },
        studies: Array.from({ length: 120 }, (_, i) => ({ id: `s${i}`, title: `Study ${String(i).padStart(3, '0')}`, codes: { r: ['r1'], c: ['c1'], q: i % 2 ? ['high'] : [] } })),
      };
      const el = await mapOf(map);
      await open(el, cell(el, 'r1', 'c1'));
      await choose(el, 'Sort by', 'title');
      /** The study id of the card holding focus ("" when focus left the panel). */
      const focusedCard = () => {
        const active = root(el).activeElement;
        return active?.localName === 'egm-study-card' ? (active as HTMLElement & { study: EgmStudy }).study.id : '';
      };
      const more = () => root(el).querySelector<HTMLButtonElement>('button.more');
      more()!.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      // Another page of 50 and 20 left: the button stays, and so does focus.
      expect(cardIds(el)).to.have.length(100);
      expect(root(el).activeElement?.className).to.equal('more');
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(cardIds(el)).to.have.length(120);
      expect(more() === null, 'no "Show more" left').to.equal(true);
      expect(focusedCard()).to.equal('s100');
      // In a group: each group's own last page.
      await choose(el, 'Group by', 'q');
      const buttons = () => [...root(el).querySelectorAll<HTMLButtonElement>('button.more')];
      expect(buttons().map(text)).to.deep.equal(['Show 10 more of 10', 'Show 10 more of 10']);
      buttons()[1].focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(buttons()).to.have.length(1);
      // "Not coded": the even studies, the 51st of them s100.
      expect(focusedCard()).to.equal('s100');
      expect(groupedIds(el)['Not coded: 60 studies']).to.have.length(60);
    });

    it('keeps the search box while a search is on, even when a filter leaves one study or none', async () => {
      const el = await mapOf(smallMap());
      // Education × Mental health: s1 and s2; s1 is an RCT, s2 a systematic review.
      await open(el, cell(el, 'education', 'mental-health'));
      findBox(el).focus();
      await sendKeys({ type: 'zzz' });
      await el.updateComplete;
      expect(panelCount(el)).to.equal('0 of 2 studies');
      el.filters = { categories: { design: ['rct'] } };
      await el.updateComplete;
      expect(panelCount(el)).to.equal('0 of 1 study');
      // The search that hides the one study can be seen and cleared, and focus stays in its box.
      expect(findBox(el)?.value).to.equal('zzz');
      findBox(el).select();
      await sendKeys({ press: 'Backspace' });
      await el.updateComplete;
      expect(cardIds(el)).to.deep.equal(['s1']);
      expect(panelCount(el)).to.equal('1 study');
      expect(root(el).activeElement?.localName).to.equal('input');
      // No search, focus elsewhere and one study: no tools, as before.
      findBox(el).blur();
      await open(el, cell(el, 'education', 'physical'));
      expect(panelCount(el)).to.equal('1 study');
      expect(root(el).querySelector('.panel-tools') === null, 'no tools for one study').to.equal(true);
    });

    it('sorts titles and first authors as the cards show them: white space around them and blank names do not count', async () => {
      const map = smallMap();
      const s = (id: string) => map.studies.find((x) => x.id === id)!;
      // From a spreadsheet: a title with a leading space and a line break, a blank first author.
      s('s5').title = '  \nRemote peer mentoring';
      s('s4').authors = ['', ' Adams Z '];
      s('s6').authors = ['  ', 'Zane Y'];
      const el = await mapOf(map);
      // The "Physical health" column: s1, s4 and s5.
      await open(el, header(el, 'column', 'physical'));
      await choose(el, 'Sort by', 'title');
      // Peer education …, Peer support …, Remote (not first, as its raw title would sort).
      expect(cardIds(el)).to.deep.equal(['s1', 's4', 's5']);
      await choose(el, 'Sort by', 'title-desc');
      expect(cardIds(el)).to.deep.equal(['s5', 's4', 's1']);
      // Adams (not "no first author"), Núñez, then s5 without one.
      await choose(el, 'Sort by', 'author');
      expect(cardIds(el)).to.deep.equal(['s4', 's1', 's5']);
      // The "Emotional support" row: s2 and s6.
      await open(el, header(el, 'row', 'emotional'));
      await choose(el, 'Sort by', 'author');
      // Okafor before Zane (whose blank first name is not a name that sorts first).
      expect(cardIds(el)).to.deep.equal(['s2', 's6']);
      await choose(el, 'Sort by', 'author-desc');
      expect(cardIds(el)).to.deep.equal(['s6', 's2']);
    });
  });

  describe('full screen', () => {
    afterEach(() => {
      expect(getComputedStyle(document.documentElement).overflow).to.equal('visible');
    });

    it('fills the viewport from its button, and Escape brings it back with focus on the button', async () => {
      const el = await mapOf(smallMap());
      const button = fullscreenButton(el);
      expect(text(button)).to.equal('Full screen');
      expect(button.getAttribute('aria-pressed')).to.equal('false');
      expect(getComputedStyle(el).position).to.equal('static');
      button.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(el.fullscreen).to.be.true;
      expect(el.hasAttribute('fullscreen')).to.be.true;
      expect(button.getAttribute('aria-pressed')).to.equal('true');
      expect(root(el).activeElement).to.equal(button);
      const box = el.getBoundingClientRect();
      expect([box.left, box.top, box.width, box.height]).to.deep.equal([0, 0, document.documentElement.clientWidth, window.innerHeight]);
      expect(getComputedStyle(el).position).to.equal('fixed');
      expect(getComputedStyle(document.documentElement).overflow).to.equal('hidden');
      await expect(el).to.be.accessible();
      // Escape from anywhere inside: here a grid cell.
      cell(el, 'education', 'physical').focus();
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(el.fullscreen).to.be.false;
      expect(el.hasAttribute('fullscreen')).to.be.false;
      expect(button.getAttribute('aria-pressed')).to.equal('false');
      expect(getComputedStyle(el).position).to.equal('static');
      expect(getComputedStyle(document.documentElement).overflow).to.equal('visible');
      expect(document.documentElement.hasAttribute('style')).to.be.false;
      await waitUntil(() => root(el).activeElement === button, 'focus returns to the button');
      // The button turns it off as well, keeping focus.
      button.click();
      await el.updateComplete;
      expect(el.fullscreen).to.be.true;
      button.click();
      await el.updateComplete;
      expect(el.fullscreen).to.be.false;
      expect(getComputedStyle(document.documentElement).overflow).to.equal('visible');
    });

    it('leaves Escape to an open filter panel first', async () => {
      const el = await mapOf(smallMap());
      el.fullscreen = true;
      await el.updateComplete;
      const bar = root(el).querySelector('egm-filter-bar')!;
      const button = bar.shadowRoot!.querySelector<HTMLButtonElement>('.control-button')!;
      button.focus();
      await sendKeys({ press: 'ArrowDown' });
      await bar.updateComplete;
      await sendKeys({ press: 'Escape' });
      await bar.updateComplete;
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      expect(el.fullscreen).to.be.true;
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(el.fullscreen).to.be.false;
    });

    it('lets the page scroll again when removed while filling the viewport, and when set by attribute', async () => {
      const before = getComputedStyle(document.documentElement).overflow;
      const el = await mapOf(smallMap());
      el.setAttribute('fullscreen', '');
      await el.updateComplete;
      expect(getComputedStyle(document.documentElement).overflow).to.equal('hidden');
      el.remove();
      expect(getComputedStyle(document.documentElement).overflow).to.equal(before);
      document.body.append(el); // back on the page, still full screen
      await el.updateComplete;
      expect(getComputedStyle(document.documentElement).overflow).to.equal('hidden');
      el.removeAttribute('fullscreen');
      await el.updateComplete;
      expect(getComputedStyle(document.documentElement).overflow).to.equal(before);
      el.remove();
    });
  });
});

describe('egm-map in other languages', () => {
  /** French groups digits with a narrow no-break space. */
  const NNBSP = '\u202f';
  const bar = (el: EgmMapElement) => root(el).querySelector('egm-filter-bar')!;
  const barStatus = (el: EgmMapElement) => bar(el).shadowRoot!.querySelector('[part="status"]')!.textContent.trim();
  const actions = (el: EgmMapElement) => root(el).querySelector<HTMLElement>('.actions')!;

  async function mapIn(lang: string, map: EgmMap = smallMap()): Promise<EgmMapElement> {
    const { schema, studies } = splitMap(map);
    const wrap = await fixture<HTMLDivElement>(html`<div lang=${lang}><egm-map .schema=${schema} .studies=${studies}></egm-map></div>`);
    const el = wrap.querySelector('egm-map')!;
    await el.updateComplete;
    await grid(el).updateComplete;
    await bar(el).updateComplete;
    return el;
  }

  before(async () => {
    await import('../../i18n/fr.js');
  });

  it('speaks French: header, buttons, filter bar, panel, cards and announcements', async () => {
    const map = everythingMap();
    Object.assign(map, { aboutHtml: '<p>Methods</p>', version: '1.2', searchDate: '2024-05-01', license: 'CC BY 4.0', citation: 'Small (2024)' });
    const el = await mapIn('fr', map);
    expect(text(root(el).querySelector('.about summary'))).to.equal('À propos de cette carte');
    expect([...root(el).querySelectorAll('.meta dt')].map(text)).to.deep.equal(['Version', 'Date de recherche', 'Licence', 'Citation']);
    expect(text(fullscreenButton(el))).to.equal('Plein écran');
    expect(actions(el).getAttribute('aria-label')).to.equal('Télécharger et partager');
    expect(text(actions(el))).to.equal('Télécharger : Études (CSV) Études (RIS) Carte (SVG) Carte (PNG)');
    expect(barStatus(el)).to.equal('7 sur 7 études affichées');
    expect(bar(el).shadowRoot!.querySelector('[role="toolbar"]')!.getAttribute('aria-label')).to.equal('Filtres');
    // A filter from the bar: announced by the map's live region.
    const barRoot = bar(el).shadowRoot!;
    barRoot.querySelector<HTMLButtonElement>('.control[data-dimension="population"] .control-button')!.click();
    await bar(el).updateComplete;
    barRoot.querySelector<HTMLInputElement>('input[data-id="children"]')!.click();
    await waitUntil(() => liveText(el) === '2 sur 7 études affichées', 'the filtered count is announced');
    expect(barStatus(el)).to.equal('2 sur 7 études affichées');
    el.filters = { categories: {} };
    await el.updateComplete;
    // The panel.
    await open(el, cell(el, 'education', 'mental-health'));
    expect(panelTitle(el)).to.equal('Education × Mental health');
    expect(panelCount(el)).to.equal('2 études');
    await waitUntil(() => liveText(el) === 'Education × Mental health : 2 études', 'the panel is announced');
    expect(root(el).querySelector('.panel .close')!.getAttribute('aria-label')).to.equal('Fermer la liste des études');
    expect(text(findBox(el).labels![0])).to.equal('Rechercher dans ces études');
    expect(findBox(el).placeholder).to.equal('Rechercher dans ces études');
    expect([...tool<HTMLSelectElement>(el, 'Trier par').options].map((o) => o.text)).to.deep.equal([
      'Plus récentes d’abord',
      'Plus anciennes d’abord',
      'Titre, de A à Z',
      'Titre, de Z à A',
      'Premier auteur, de A à Z',
      'Premier auteur, de Z à A',
    ]);
    expect(tool<HTMLSelectElement>(el, 'Grouper par').options[0].text).to.equal('Aucun');
    const card = root(el).querySelector('egm-study-card')!;
    await card.updateComplete;
    expect(card.shadowRoot!.querySelector('dl.codes')!.getAttribute('aria-label')).to.equal('Catégories');
    await expect(el).to.be.accessible();
    // A gap: no studies at all.
    await open(el, cell(el, 'education', 'cost'));
    await waitUntil(() => panelTitle(el) === 'Education × Cost-effectiveness');
    expect(panelCount(el)).to.equal('Aucune étude : c’est une lacune dans les données probantes.');
    await waitUntil(() => liveText(el) === 'Education × Cost-effectiveness : aucune étude');
    // A header's list, searched and grouped.
    el.columns = 'scope';
    await el.updateComplete;
    await grid(el).updateComplete;
    await open(el, header(el, 'column', 'everything'));
    await waitUntil(() => panelTitle(el) === 'Everything');
    const box = findBox(el);
    box.focus();
    await sendKeys({ type: 'peer' });
    await el.updateComplete;
    expect(panelCount(el)).to.equal('4 sur 7 études');
    await waitUntil(() => liveText(el) === '4 sur 7 études', 'the count is announced');
    await choose(el, 'Grouper par', 'quality');
    expect(groupHeadings(el)).to.deep.equal(['High : 2 études', 'Low : 2 études', 'Non codé : 1 étude']);
    await choose(el, 'Grouper par', '');
    box.select();
    await sendKeys({ type: 'nothing like this' });
    await el.updateComplete;
    expect(panelCount(el)).to.equal('0 sur 7 études');
    await expect(el).to.be.accessible();
  });

  it('formats large counts in French', async () => {
    const N = 1_234;
    const el = await mapIn('fr', {
      format: 'egm/1',
      title: 'Many studies',
      dimensions: [
        { id: 'r', label: 'Rows', categories: [{ id: 'r1', label: 'Row one' }] },
        { id: 'c', label: 'Columns', categories: [{ id: 'c1', label: 'Column one' }] },
      ],
      layout: { rows: 'r', columns: 'c', filters: ['r'] },
      studies: Array.from({ length: N }, (_, i) => ({ id: `s${i}`, title: `Study ${i}`, year: 2000 + (i % 10), codes: { r: ['r1'], c: ['c1'] } })),
    });
    expect(barStatus(el)).to.equal(`1${NNBSP}234 sur 1${NNBSP}234 études affichées`);
    await open(el, cell(el, 'r1', 'c1'));
    // Raw text: \s would match the narrow no-break space.
    expect(root(el).querySelector('.panel-count')!.textContent).to.equal(`1${NNBSP}234 études`);
    expect(root(el).querySelector('button.more')!.textContent.trim()).to.equal(`Afficher 50 de plus sur 1${NNBSP}184`);
    await waitUntil(() => root(el).querySelector('[aria-live="polite"]')!.textContent === `Row one × Column one : 1${NNBSP}234 études`);
  });

  it('shows loading and load errors in French', async () => {
    let release!: () => void;
    const restore = stubFetch(() => new Promise((resolve) => (release = () => resolve(new Response('', { status: 404, statusText: 'Not Found' })))));
    try {
      const wrap = await fixture<HTMLDivElement>(html`<div lang="fr"><egm-map src="/missing.json"><p>Repli</p></egm-map></div>`);
      const el = wrap.querySelector('egm-map')!;
      await el.updateComplete;
      expect(text(root(el).querySelector('[role="status"]'))).to.equal('Chargement de la carte…');
      setTimeout(release);
      const e = await oneEvent<EgmErrorEvent>(el, 'egm-error');
      const message = `Impossible de charger le fichier de la carte : le serveur a répondu 404 Not Found pour ${location.origin}/missing.json.`;
      expect(e.detail.message).to.equal(message);
      await el.updateComplete;
      expect(text(root(el).querySelector('[role="alert"]'))).to.equal(message);
      expect(text(root(el).querySelector('button.retry'))).to.equal('Réessayer');
      await expect(el).to.be.accessible();
    } finally {
      restore();
    }
  });

  it('heads the problems of an invalid map in French', async () => {
    const bad = smallMap() as unknown as { studies: { codes: Record<string, string[]>; url?: string }[] };
    bad.studies[0].codes.outcome = ['mental'];
    bad.studies[1].url = 'javascript:alert(1)';
    const wrap = await fixture<HTMLDivElement>(html`<div lang="fr"><egm-map .schema=${bad}></egm-map></div>`);
    const el = wrap.querySelector('egm-map')!;
    await el.updateComplete;
    expect(text(root(el).querySelector('[role="alert"] h2'))).to.equal('Impossible d’afficher cette carte (2 problèmes)');
    await expect(el).to.be.accessible();
  });

  it('passes its own strings to the filter bar, grid, legend and study cards', async () => {
    const el = await mapIn('fr');
    const strings = { map: { fullscreen: 'Agrandir' }, filterBar: { clear: 'Tout retirer' }, card: { categories: 'Codes' } };
    el.strings = strings;
    await el.updateComplete;
    await bar(el).updateComplete;
    expect(text(fullscreenButton(el))).to.equal('Agrandir');
    expect(text(actions(el).querySelector('button'))).to.equal('Études (CSV)');
    expect(text(bar(el).shadowRoot!.querySelector('.clear'))).to.equal('Tout retirer');
    expect(bar(el).shadowRoot!.querySelector('[role="toolbar"]')!.getAttribute('aria-label')).to.equal('Filtres');
    expect((grid(el) as unknown as { strings: unknown }).strings).to.equal(strings);
    expect((root(el).querySelector('egm-legend') as unknown as { strings: unknown }).strings).to.equal(strings);
    await open(el, cell(el, 'education', 'mental-health'));
    const card = root(el).querySelector('egm-study-card')!;
    await card.updateComplete;
    expect(card.strings).to.equal(strings);
    expect(card.shadowRoot!.querySelector('dl.codes')!.getAttribute('aria-label')).to.equal('Codes');
  });

  it('speaks English for a language without a registered locale', async () => {
    const el = await mapIn('de');
    expect(text(fullscreenButton(el))).to.equal('Full screen');
    expect(actions(el).getAttribute('aria-label')).to.equal('Download and share');
    expect(barStatus(el)).to.equal('Showing 7 of 7 studies');
    await open(el, cell(el, 'education', 'mental-health'));
    expect(panelCount(el)).to.equal('2 studies');
    await waitUntil(() => liveText(el) === 'Education × Mental health: 2 studies');
    expect(root(el).querySelector('.panel .close')!.getAttribute('aria-label')).to.equal('Close the study list');
  });
});
