import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { GridModel } from '../../core/grid.js';
import { createIndex } from '../../core/map-index.js';
import { parseMap, splitMap } from '../../core/parse.js';
import { smallMap } from '../../core/testing/fixture.js';
import type { EgmMap } from '../../core/types.js';
import type { EgmErrorEvent } from '../../events/egm-error.js';
import type { EgmLoadEvent } from '../../events/egm-load.js';
import type { EgmGrid } from '../egm-grid/egm-grid.js';
import './egm-map.js';
import type { EgmMapElement } from './egm-map.js';

const DEMO = '/demo/peer-support.egm.json';
const root = (el: EgmMapElement) => el.shadowRoot!;
const grid = (el: EgmMapElement) => root(el).querySelector<EgmGrid>('egm-grid')!;
const cell = (el: EgmMapElement, r: string, c: string) => grid(el).shadowRoot!.querySelector<HTMLElement>(`[data-row="${r}"][data-column="${c}"]`)!;
const slotShown = (el: EgmMapElement) => root(el).querySelector('slot') !== null;

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
      const bodies: Record<string, string> = { '/page': '<!doctype html><p>Not found</p>', '/empty': '', '/eppi': '{"format":"eppi/1"}' };
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
          `The file at ${base}/eppi is not an egm/1 map (its format is "eppi/1"). Convert other formats with the importers first.`,
        ]);
      } finally {
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

    it('passes rows, columns and segments to its grid', async () => {
      const { schema, studies } = splitMap(smallMap());
      const el = await fixture<EgmMapElement>(html`<egm-map .schema=${schema} .studies=${studies} rows="outcome" columns="support" segments="design"></egm-map>`);
      await grid(el).updateComplete;
      expect([grid(el).rows, grid(el).columns, grid(el).segments]).to.deep.equal(['outcome', 'support', 'design']);
      expect(cell(el, 'mental-health', 'education').dataset.count).to.equal('2');
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
});
