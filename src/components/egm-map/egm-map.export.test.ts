import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { FilterEngine } from '../../core/filter.js';
import { createIndex } from '../../core/map-index.js';
import { parseMap, splitMap } from '../../core/parse.js';
import { smallMap } from '../../core/testing/fixture.js';
import type { EgmMap } from '../../core/types.js';
import { hostileMap, XSS_PAYLOADS } from '../../testing/xss-corpus.js';
import type { EgmGrid } from '../egm-grid/egm-grid.js';
import './egm-map.js';
import type { EgmMapElement } from './egm-map.js';

const root = (el: EgmMapElement) => el.shadowRoot!;
const grid = (el: EgmMapElement) => root(el).querySelector<EgmGrid>('egm-grid')!;
const cell = (el: EgmMapElement, r: string, c: string) => grid(el).shadowRoot!.querySelector<HTMLElement>(`[data-row="${r}"][data-column="${c}"]`)!;

async function small(attrs = ''): Promise<EgmMapElement> {
  const { schema, studies } = splitMap(smallMap());
  const el = await fixture<EgmMapElement>(attrs === 'url-state' ? html`<egm-map url-state .schema=${schema} .studies=${studies}></egm-map>` : html`<egm-map .schema=${schema} .studies=${studies}></egm-map>`);
  await el.updateComplete;
  await grid(el).updateComplete;
  return el;
}

/** Keeps downloads from leaving the page during tests; returns the names offered. */
function catchDownloads(): { names: string[]; restore: () => void } {
  const names: string[] = [];
  const original = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    if (this.download) names.push(this.download);
    else original.call(this);
  };
  return { names, restore: () => (HTMLAnchorElement.prototype.click = original) };
}

describe('egm-map exports', () => {
  let downloads: ReturnType<typeof catchDownloads>;
  beforeEach(() => (downloads = catchDownloads()));
  afterEach(() => downloads.restore());

  it('offers the filtered studies as CSV and RIS, with formula injection neutralised', async () => {
    const el = await small();
    el.filters = { categories: { population: ['adults'] } };
    await el.updateComplete;
    const csv = await el.exportStudies('csv');
    const lines = csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines.length).to.equal(1 + 4); // s1, s3, s4, s7 pass the filter
    expect(lines.slice(1).map((l) => l.split(',')[0])).to.deep.equal(['s1', 's3', 's4', 's7']);
    const ris = await el.exportStudies('ris');
    expect(ris.match(/^TY {2}- /gm)!.length).to.equal(4);
    expect(ris).to.contain('AU  - Núñez A');
    expect(downloads.names).to.deep.equal(['small.csv', 'small.ris']);
    await el.updateComplete;
    expect(root(el).querySelector('[aria-live="polite"]')!.textContent.trim()).to.equal('Downloaded 4 studies as RIS');
  });

  it('draws the map as an SVG that parses, with one bubble per non-empty cell', async () => {
    const el = await small();
    el.filters = { categories: { design: ['rct'] } };
    await el.updateComplete;
    await grid(el).updateComplete;
    const text = (await el.exportPicture('svg')) as string;
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    expect(doc.querySelector('parsererror')).to.equal(null);
    const nonEmpty = [...grid(el).shadowRoot!.querySelectorAll('[data-count]')].filter((c) => c.getAttribute('data-count') !== '0').length;
    expect(doc.querySelectorAll('.bubble').length).to.equal(nonEmpty);
    expect(doc.querySelectorAll('script, foreignObject, a').length).to.equal(0);
    expect(downloads.names).to.deep.equal(['small.svg']);
  });

  it('downloads from the buttons, loading the download code on first use', async () => {
    const el = await small();
    const buttons = [...root(el).querySelectorAll<HTMLButtonElement>('.actions button')];
    buttons[0].dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
    buttons[0].click();
    await waitUntil(() => downloads.names.length === 1, 'the CSV is offered');
    buttons[2].click();
    await waitUntil(() => downloads.names.length === 2, 'the SVG is offered');
    expect(downloads.names).to.deep.equal(['small.csv', 'small.svg']);
  });

  it('paints a PNG and writes an SVG of a map holding each hostile payload in every field', async () => {
    // Labels and the title go into the picture's text: the SVG must stay well-formed XML (an
    // image that fails to decode paints no PNG) and run nothing.
    const w = window as unknown as { __xss?: number };
    w.__xss = 0;
    const el = await fixture<EgmMapElement>(html`<egm-map></egm-map>`);
    const failed: string[] = [];
    for (const { name, payload } of XSS_PAYLOADS) {
      const { schema, studies } = splitMap(hostileMap(payload));
      el.schema = schema;
      el.studies = studies;
      await el.updateComplete;
      await waitUntil(() => grid(el)?.model, `the map of "${name}" is drawn`);
      const svg = (await el.exportPicture('svg')) as string;
      const parsed = new DOMParser().parseFromString(svg, 'image/svg+xml');
      const png = (await el.exportPicture('png').catch(() => undefined)) as Blob | undefined;
      const head = png ? [...new Uint8Array(await png.slice(0, 4).arrayBuffer())] : [];
      if (parsed.querySelector('parsererror') || parsed.querySelector('script, foreignObject, [onload], a') || head.join() !== '137,80,78,71') failed.push(name);
    }
    expect(failed).to.deep.equal([]);
    expect(w.__xss).to.equal(0);
  });

  it("writes the picture's key in the map's language: English, or French on a French page", async () => {
    const key = (svg: string) => [...new DOMParser().parseFromString(svg, 'image/svg+xml').querySelectorAll('text')].map((t) => t.textContent).slice(-2);
    const en = await small();
    expect(key((await en.exportPicture('svg')) as string)).to.deep.equal(['Not coded', 'Gap: no studies']);
    await import('../../i18n/fr.js');
    const { schema, studies } = splitMap(smallMap());
    const wrap = await fixture<HTMLDivElement>(html`<div lang="fr"><egm-map .schema=${schema} .studies=${studies}></egm-map></div>`);
    const fr = wrap.querySelector('egm-map')!;
    await fr.updateComplete;
    await grid(fr).updateComplete;
    expect(key((await fr.exportPicture('svg')) as string)).to.deep.equal(['Non codé', 'Lacune : aucune étude']);
    // The grid keeps its own controllers: the picture's, made for it, is gone.
    expect(grid(fr).shadowRoot!.querySelector('td[data-count]')!.getAttribute('aria-label')).to.match(/étude/);
  });

  it('paints a PNG', async () => {
    const el = await small();
    const png = (await el.exportPicture('png')) as Blob;
    expect(png.type).to.equal('image/png');
    expect(png.size).to.be.greaterThan(2000);
    const head = new Uint8Array(await png.slice(0, 4).arrayBuffer());
    expect([...head]).to.deep.equal([0x89, 0x50, 0x4e, 0x47]);
  });

  it('makes a PNG of a map too tall for a canvas at twice its size (800 rows), at the largest size a browser paints', async () => {
    const map: EgmMap = {
      format: 'egm/1',
      title: 'Eight hundred rows',
      dimensions: [
        { id: 'r', label: 'Rows', categories: Array.from({ length: 800 }, (_, i) => ({ id: `r${i}`, label: `Row ${i}` })) },
        { id: 'c', label: 'Columns', categories: [{ id: 'c1', label: 'Column one' }] },
      ],
      layout: { rows: 'r', columns: 'c' },
      studies: Array.from({ length: 800 }, (_, i) => ({ id: `s${i}`, title: `Study ${i}`, codes: { r: [`r${i}`], c: ['c1'] } })),
    };
    const { schema, studies } = splitMap(map);
    const el = await fixture<EgmMapElement>(html`<egm-map .schema=${schema} .studies=${studies}></egm-map>`);
    await grid(el).updateComplete;
    const png = (await el.exportPicture('png')) as Blob;
    expect(png.type).to.equal('image/png');
    const bytes = new DataView(await png.slice(0, 24).arrayBuffer());
    // The IHDR chunk's height: the picture (over 38,000 pixels tall) scaled to fit 16,384.
    expect(bytes.getUint32(20)).to.equal(16_384);
    expect(downloads.names).to.deep.equal(['eight-hundred-rows.png']);
  });

  it('names the files after the map’s id or title, accented letters without their accents', async () => {
    const map = { ...smallMap(), id: undefined, title: 'Évaluation du soutien par les pairs : santé' };
    const { schema, studies } = splitMap(map);
    const el = await fixture<EgmMapElement>(html`<egm-map .schema=${schema} .studies=${studies}></egm-map>`);
    await grid(el).updateComplete;
    await el.exportStudies('csv');
    expect(downloads.names).to.deep.equal(['evaluation-du-soutien-par-les-pairs-sante.csv']);
  });
});

describe('egm-map url-state', () => {
  const start = location.href;
  afterEach(() => history.replaceState(null, '', start));

  it('restores filters, the selected cell and collapsed groups from the URL', async () => {
    history.replaceState(null, '', '#small.f.population=adults&small.row=education&small.col=mental-health&small.collapsed=delivery&other.q=x');
    const el = await small('url-state');
    await waitUntil(() => root(el).querySelector('.panel'));
    await grid(el).updateComplete;
    const expected = new FilterEngine(createIndex(parseMap(smallMap()))).matchingIds({ categories: { population: ['adults'] } });
    expect(expected).to.deep.equal(['s1', 's3', 's4', 's7']);
    expect(cell(el, 'education', 'mental-health').dataset.count).to.equal('1');
    expect(cell(el, 'delivery', 'mental-health').dataset.count).to.equal('2'); // collapsed group row
    expect(cell(el, 'education', 'mental-health').getAttribute('aria-selected')).to.equal('true');
    expect([...root(el).querySelectorAll('egm-study-card')].map((c) => c.study!.id)).to.deep.equal(['s1']);
  });

  it('applies what a stale or hand-edited link holds that the map has, and drops the rest', async () => {
    // Dimensions named after Object.prototype members, a category the map does not have (any
    // more), a cell of unknown ids: the population filter alone is left.
    history.replaceState(null, '', '#small.f.toString=x&small.f.__proto__=y&small.f.population=gone&small.f.population=adults&small.row=gone&small.col=mental-health');
    const el = await small('url-state');
    await grid(el).updateComplete;
    expect(el.filters).to.deep.equal({ categories: { population: ['adults'] } });
    expect(root(el).querySelector('.panel')).to.equal(null);
    expect(grid(el).shadowRoot!.querySelectorAll('[aria-selected="true"]')).to.have.length(0);
    expect(cell(el, 'education', 'mental-health').dataset.count).to.equal('1');
  });

  it('drops a linked cell whose ids are categories of other dimensions than the grid’s rows and columns', async () => {
    // "adults" is a population, not a row of the small map; "education" a row, not a column.
    for (const hash of ['#small.row=adults&small.col=mental-health', '#small.row=mental-health&small.col=education']) {
      history.replaceState(null, '', hash);
      const el = await small('url-state');
      await grid(el).updateComplete;
      await aTimeout(20);
      // (Whether there is a panel, not the panel: a failing comparison of an element would print its whole state.)
      expect(root(el).querySelector('.panel') !== null, `${hash}: a panel`).to.equal(false);
      expect(grid(el).selected, hash).to.equal(null);
      el.remove();
    }
    // The same link on the map drawn the other way round is a cell of it.
    history.replaceState(null, '', '#small.row=mental-health&small.col=education');
    const { schema, studies } = splitMap(smallMap());
    const el = await fixture<EgmMapElement>(html`<egm-map url-state rows="outcome" columns="support" .schema=${schema} .studies=${studies}></egm-map>`);
    await waitUntil(() => root(el).querySelector('.panel'));
    expect(root(el).querySelector('#panel-title')!.textContent).to.equal('Mental health × Education');
    expect(cell(el, 'mental-health', 'education').getAttribute('aria-selected')).to.equal('true');
  });

  it('writes changes to the URL and follows the back button', async () => {
    history.replaceState(null, '', '#other.q=kept');
    const el = await small('url-state');
    cell(el, 'remote', 'physical').click();
    await waitUntil(() => location.hash.includes('small.row=remote'));
    expect(location.hash).to.equal('#other.q=kept&small.row=remote&small.col=physical');
    cell(el, 'education', 'physical').click();
    await waitUntil(() => location.hash.includes('small.row=education'));
    history.back();
    await waitUntil(() => cell(el, 'remote', 'physical').getAttribute('aria-selected') === 'true');
    await aTimeout(20);
    expect(location.hash).to.equal('#other.q=kept&small.row=remote&small.col=physical');
    expect(root(el).querySelector('#panel-title')!.textContent).to.equal('Remote × Physical health');
  });

  it('follows the back button to the entry before the first change: the map as it started', async () => {
    history.replaceState(null, '', '#other.q=kept');
    const el = await small('url-state');
    cell(el, 'remote', 'physical').click();
    await waitUntil(() => location.hash.includes('small.row=remote'));
    el.filters = { categories: { design: ['sr'] } };
    el.view = 'table';
    await waitUntil(() => location.hash.includes('small.view=table'));
    history.back();
    await waitUntil(() => !el.filters.categories.design, 'back to the cell, no filter');
    expect(root(el).querySelector('#panel-title')!.textContent).to.equal('Remote × Physical health');
    history.back();
    await waitUntil(() => !root(el).querySelector('.panel'), 'back to the map as it started: no cell');
    await aTimeout(20);
    expect(location.hash).to.equal('#other.q=kept');
    expect(grid(el).selected).to.equal(null);
    expect(el.view).to.equal('bubble');
    expect(el.filters).to.deep.equal({ categories: {} });
    // Forward again: the link's state.
    history.forward();
    await waitUntil(() => root(el).querySelector('.panel'));
    // An anchor of the page followed (a URL the map did not start with): the view stays.
    location.hash = 'methods';
    await aTimeout(50);
    expect(root(el).querySelector('.panel') !== null, 'the panel stays').to.equal(true);
  });

  it('keeps two maps’ state apart by their ids', async () => {
    const a = smallMap();
    const b = { ...smallMap(), id: 'second' };
    history.replaceState(null, '', '#small.f.design=sr&second.f.design=rct');
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <egm-map url-state .schema=${splitMap(a).schema} .studies=${splitMap(a).studies}></egm-map>
      <egm-map url-state .schema=${splitMap(b).schema} .studies=${splitMap(b).studies}></egm-map>
    </div>`);
    const [one, two] = [...wrapper.querySelectorAll('egm-map')];
    await one.updateComplete;
    await two.updateComplete;
    expect(one.filters).to.deep.equal({ categories: { design: ['sr'] } });
    expect(two.filters).to.deep.equal({ categories: { design: ['rct'] } });
  });
});
