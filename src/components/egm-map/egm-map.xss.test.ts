// Injection tests: the XSS corpus (src/testing/xss-corpus.ts) in every text field of a map,
// rendered by <egm-map> in Chromium with every part open (filter panel and chips, the study
// panel and its cards, the about text), then every shadow root checked.
import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { parseMap, splitMap, validateMap } from '../../core/parse.js';
import type { EgmMap } from '../../core/types.js';
import { HOSTILE_FIELDS, hostileMap, XSS_PAYLOADS } from '../../testing/xss-corpus.js';
import type { EgmFilterBar } from '../egm-filter-bar/egm-filter-bar.js';
import type { EgmGrid } from '../egm-grid/egm-grid.js';
import type { EgmLegend } from '../egm-legend/egm-legend.js';
import type { EgmStudyCard } from '../egm-study-card/egm-study-card.js';
import './egm-map.js';
import type { EgmMapElement } from './egm-map.js';

declare global {
  interface Window {
    __xss: number;
  }
}

/** Elements none of our templates make: finding one means markup from the file got through. */
const FORBIDDEN = new Set([
  'script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'img', 'image', 'video', 'audio', 'source', 'link', 'meta',
  'base', 'style', 'form', 'math', 'foreignobject', 'animate', 'set', 'use', 'marquee', 'noscript', 'template', 'textarea',
]);
/** Attributes that take a URL. */
const URL_ATTRIBUTES = ['href', 'xlink:href', 'src', 'srcset', 'action', 'formaction', 'data', 'poster', 'background', 'ping', 'srcdoc'];

/** Every element below `root`, through every open shadow root, recursively. */
function allElements(root: Document | Element | ShadowRoot): Element[] {
  const out: Element[] = [];
  const visit = (node: Document | Element | ShadowRoot) => {
    for (const el of Array.from(node.querySelectorAll('*'))) {
      out.push(el);
      if (el.shadowRoot) visit(el.shadowRoot);
    }
  };
  // The root itself is the host's; what it renders is below it.
  if (root instanceof Element && root.shadowRoot) visit(root.shadowRoot);
  visit(root);
  return out;
}

/** Everything in the rendered tree that markup from a file could have made, as sentences. */
function findings(root: Element): string[] {
  const found: string[] = [];
  for (const el of allElements(root)) {
    const tag = el.localName.toLowerCase();
    if (FORBIDDEN.has(tag)) found.push(`a <${tag}> element`);
    if (tag === 'egm-map' && el !== root) found.push('a nested <egm-map>');
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on')) found.push(`<${tag} ${name}>`);
      if (name === 'style') found.push(`<${tag} style>`);
      if (URL_ATTRIBUTES.includes(name)) {
        // eslint-disable-next-line no-control-regex -- control characters are what browsers skip in URLs
        const value = attr.value.replace(/[\s\u0000-\u001f]/g, '');
        if (!/^https?:\/\//i.test(value)) found.push(`<${tag} ${name}="${attr.value}">`);
      }
    }
    if (tag === 'a' && el.hasAttribute('href') && el.getAttribute('target') === '_blank') {
      const rel = (el.getAttribute('rel') ?? '').split(/\s+/);
      if (!rel.includes('noopener') || !rel.includes('noreferrer')) found.push(`<a href="${el.getAttribute('href')}"> without rel="noopener noreferrer"`);
    }
  }
  return found;
}

const sr = (el: Element) => el.shadowRoot!;

const texts = (root: ParentNode, selector: string) => [...root.querySelectorAll(selector)].map((n) => n.textContent ?? '');

interface Opened {
  el: EgmMapElement;
  /** The filter panel's option names while it was open (it closes when a cell is clicked). */
  options: string[];
  /** `findings` while the filter panel was open. */
  panelFindings: string[];
}

/**
 * Renders the map with every part opened in turn: a filter panel with an option checked, then
 * a cell's study panel and its cards, and the about text.
 */
async function renderOpen(map: EgmMap): Promise<Opened> {
  const { schema, studies } = splitMap(map);
  const el = await fixture<EgmMapElement>(html`<egm-map .schema=${schema} .studies=${studies}></egm-map>`);
  const grid = sr(el).querySelector<EgmGrid>('egm-grid')!;
  const bar = sr(el).querySelector<EgmFilterBar>('egm-filter-bar')!;
  await grid.updateComplete;
  await bar.updateComplete;
  // The filter panel, and a checked option (so a chip shows the label too).
  sr(bar).querySelector<HTMLButtonElement>('.control-button')!.click();
  await bar.updateComplete;
  const box = sr(bar).querySelector<HTMLInputElement>('.panel input[type="checkbox"]')!;
  const changed = oneEvent(bar, 'egm-filter-change');
  box.click();
  await changed;
  await aTimeout(0);
  await el.updateComplete;
  await grid.updateComplete;
  await bar.updateComplete;
  await aTimeout(30);
  const options = texts(sr(bar), '.control[data-dimension] .option .name');
  const panelFindings = findings(el);
  // A cell with a study: its panel and cards.
  const cell = [...sr(grid).querySelectorAll<HTMLElement>('[data-count]')].find((c) => c.dataset.count !== '0')!;
  cell.click();
  await waitUntil(() => sr(el).querySelector('.panel egm-study-card'), 'the study panel did not open');
  const cards = [...sr(el).querySelectorAll<EgmStudyCard>('egm-study-card')];
  await Promise.all(cards.map((c) => c.updateComplete));
  // The about text.
  const about = sr(el).querySelector<HTMLDetailsElement>('details.about');
  if (about) about.open = true;
  // Let anything that could fire (image errors, frames, toggles, focus) fire.
  await aTimeout(60);
  return { el, options, panelFindings };
}

describe('egm-map: the XSS corpus in every text field', () => {
  beforeEach(() => {
    window.__xss = 0;
  });

  it(`places each of the ${XSS_PAYLOADS.length} payloads in ${HOSTILE_FIELDS.length} fields of a valid map`, () => {
    for (const { payload } of XSS_PAYLOADS) expect(() => parseMap(hostileMap(payload))).not.to.throw();
  });

  it('the counter is live: payloads marked `fires` do run when inserted without a sanitiser', async () => {
    const live = XSS_PAYLOADS.filter((p) => p.fires);
    expect(live.length).to.be.above(5);
    const fired: string[] = [];
    for (const { name, payload } of live) {
      window.__xss = 0;
      const div = document.createElement('div');
      document.body.append(div);
      div.innerHTML = payload; // the unsafe way, on purpose: the control
      await waitUntil(() => window.__xss > 0, `${name} did not fire`, { timeout: 2000 }).catch(() => undefined);
      if (window.__xss > 0) fired.push(name);
      div.remove();
    }
    expect(fired).to.deep.equal(live.map((p) => p.name));
  });

  for (const { name, payload } of XSS_PAYLOADS) {
    it(name, async () => {
      const { el, options, panelFindings } = await renderOpen(hostileMap(payload));
      const root = sr(el);
      const grid = root.querySelector<EgmGrid>('egm-grid')!;
      const bar = root.querySelector<EgmFilterBar>('egm-filter-bar')!;
      const legend = root.querySelector<EgmLegend>('egm-legend')!;
      const cards = [...root.querySelectorAll<EgmStudyCard>('egm-study-card')];

      expect(window.__xss, 'script ran').to.equal(0);
      expect(panelFindings).to.deep.equal([]);
      expect(findings(el)).to.deep.equal([]);

      // The payload shows as the text it is, in every place a reader sees it.
      const p = payload;
      const t = payload.trim();
      expect(texts(root, '.title')).to.deep.equal([p]);
      expect(texts(root, '.description')).to.deep.equal([p]);
      expect(texts(root, '.links a')).to.deep.equal([p]);
      expect(texts(root, '.meta dd')).to.deep.equal([p, p, p, p]);
      expect(texts(sr(grid), '.head-label')).to.deep.equal([p, p, p, p, p]);
      expect(texts(sr(grid), '.corner-cols')).to.deep.equal([`${p} →`]);
      expect(texts(sr(grid), '.corner-rows')).to.deep.equal([`${p} ↓`]);
      expect(texts(sr(bar), '.control[data-dimension] .control-button > span:first-child')).to.deep.equal([p]);
      expect(options).to.deep.equal([p, p]);
      expect(texts(sr(bar), '.chip-text').every((c) => c.includes(p))).to.equal(true);
      expect(texts(sr(legend), '*').some((c) => c.includes(p))).to.equal(true);
      expect(cards.length).to.equal(1);
      const card = sr(cards[0]);
      expect(texts(card, '.title')).to.deep.equal([t]);
      expect(texts(card, '.source')).to.deep.equal([t]);
      expect(texts(card, '.abstract')).to.deep.equal([t]);
      expect(texts(card, '#authors')).to.deep.equal([`${t}, ${t}`]);
      expect(texts(card, '.badge-label').every((b) => b.includes(t))).to.equal(true);
      // A DOI is never a scheme: the card links to doi.org with the DOI encoded.
      expect(card.querySelector('a.link')!.getAttribute('href')).to.match(/^https:\/\/doi\.org\//);
      // Tooltips (category descriptions, and long labels whole) are attribute text.
      const titles = allElements(el).filter((n) => n.hasAttribute('title') && !n.closest('.about-body')).map((n) => n.getAttribute('title'));
      expect(titles.length).to.be.above(0);
      expect(titles.every((v) => v === p || v === `${p} — ${p}`)).to.equal(true);
    });
  }

  it('shows the about text as the sanitised copy: no markup from the corpus survives but allow-listed tags', async () => {
    const map = hostileMap(XSS_PAYLOADS.map((x) => x.payload).join('\n'));
    const { el } = await renderOpen(map);
    const body = sr(el).querySelector('.about-body')!;
    const tags = new Set([...body.querySelectorAll('*')].map((n) => n.localName));
    expect([...tags].filter((tag) => !['p', 'a', 'b', 'i', 'span', 'table', 'tbody', 'tr', 'td'].includes(tag))).to.deep.equal([]);
    expect(findings(el)).to.deep.equal([]);
    expect(window.__xss).to.equal(0);
  });

  it('a study card renders a DOI with a lone surrogate (it once made encodeURIComponent throw)', async () => {
    const { el } = await renderOpen(hostileMap('10.1000/\uD800'));
    const card = sr(el).querySelector('egm-study-card')!;
    expect(card.shadowRoot!.querySelector('a')!.getAttribute('href')).to.equal('https://doi.org/10.1000/%EF%BF%BD');
  });

  it('loaded from src, the same file shows the same text and runs nothing', async () => {
    const payload = XSS_PAYLOADS.find((x) => x.name === 'img onerror')!.payload;
    const original = window.fetch;
    window.fetch = () => Promise.resolve(new Response(JSON.stringify(hostileMap(payload))));
    try {
      const el = await fixture<EgmMapElement>(html`<egm-map src="/hostile.egm.json"></egm-map>`);
      await oneEvent(el, 'egm-load');
      await el.updateComplete;
      await aTimeout(60);
      expect(sr(el).querySelector('.title')!.textContent).to.equal(payload);
      expect(findings(el)).to.deep.equal([]);
      expect(window.__xss).to.equal(0);
    } finally {
      window.fetch = original;
    }
  });

  it('an invalid map with payloads in ids, references and urls shows its problems as text', async () => {
    const payload = '<img src=x onerror=__xss++>';
    const map = hostileMap('ok') as unknown as Record<string, any>;
    map.format = payload;
    map.layout.rows = payload;
    map.layout.filters = [payload];
    map.links = [{ label: payload, url: `javascript:void(__xss++)${payload}` }];
    map.studies[0].codes[payload] = [payload];
    map.studies[0].codes['ok·cols'] = [payload];
    map.studies[1].url = `data:text/html,${payload}`;
    map.studies[1].authors = payload;
    map.dimensions[0].categories[0].color = `url(https://evil.example/x)${payload}`;
    const result = validateMap(map);
    expect(result.ok).to.equal(false);
    const el = await fixture<EgmMapElement>(html`<egm-map .schema=${map}></egm-map>`);
    await aTimeout(60);
    const items = texts(sr(el), '[role="alert"] li');
    expect(items).to.deep.equal(result.issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)));
    expect(items.filter((i) => i.includes(payload)).length).to.be.above(3);
    expect(findings(el)).to.deep.equal([]);
    expect(window.__xss).to.equal(0);
  });
});
