// The page's first <egm-map src> warms the page up while its file is on its way
// (internal/warm-up.ts). A file of its own: the warm-up happens once per page, and each test file
// runs in a page of its own.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { parseMap } from '../../core/parse.js';
import { smallMap } from '../../core/testing/fixture.js';
import { WARM_UP_MAP } from '../../internal/warm-up.js';
import type { EgmGrid } from '../egm-grid/egm-grid.js';
import './egm-map.js';
import type { EgmMapElement } from './egm-map.js';

/** Replaces fetch with one that answers only when told; returns the release and the restore. */
function holdFetch(): { release: () => void; restore: () => void } {
  const original = window.fetch;
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  window.fetch = () => held.then(() => new Response(JSON.stringify(smallMap())));
  return { release, restore: () => (window.fetch = original) };
}

const idle = () => new Promise((resolve) => requestIdleCallback(resolve));

describe('egm-map warm-up', () => {
  it('is a valid map with every kind of header', () => {
    const map = parseMap(WARM_UP_MAP);
    expect(map.studies.length).to.equal(4);
    expect(map.dimensions.map((d) => d.categories.some((c) => c.children))).to.deep.equal([true, true, false, false]);
  });

  it('draws a map out of sight while the page’s first file is on its way, keeps its events in, and removes it after a frame', async () => {
    const loads: Event[] = [];
    const count = (e: Event) => loads.push(e);
    // In the capture phase too: a host listening there sees the events a shadow root keeps in.
    document.addEventListener('egm-load', count, { capture: true });
    const { release, restore } = holdFetch();
    try {
      const el = await fixture<EgmMapElement>(html`<egm-map src="/held.egm.json"></egm-map>`);
      const warmUp = () => el.shadowRoot!.querySelector<HTMLElement>('.warm-up');
      // Looked at when its grid has rendered (a capture listener hears the grid's own event):
      // it is removed a frame later.
      let seen: { hidden: string | null; inert: boolean; visibility: string; children: string[]; drawn: boolean; scrolls: boolean } | undefined;
      const onRender = (e: Event) => {
        const box = (e.target as Element).closest<HTMLElement>('.warm-up');
        if (!box || seen) return;
        seen = {
          hidden: box.getAttribute('aria-hidden'),
          inert: box.inert,
          visibility: getComputedStyle(box).visibility,
          children: [...box.children].map((c) => c.localName),
          drawn: (e.target as EgmGrid).shadowRoot!.querySelector('[data-count]') !== null,
          // Nothing of it adds to the page's scrolling.
          scrolls: document.documentElement.scrollWidth !== document.documentElement.clientWidth,
        };
      };
      el.shadowRoot!.addEventListener('egm-render', onRender, { capture: true });
      await waitUntil(() => seen, 'the warm-up grid is drawn', { timeout: 4000 });
      expect(seen).to.deep.equal({ hidden: 'true', inert: true, visibility: 'hidden', children: ['egm-filter-bar', 'egm-legend', 'egm-grid'], drawn: true, scrolls: false });
      await waitUntil(() => !warmUp(), 'the warm-up is removed', { timeout: 4000 });
      expect(el.shadowRoot!.querySelector('[role="status"]')).to.not.equal(null, 'still loading');
      expect(loads).to.deep.equal([]);
      release();
      await waitUntil(() => loads.length > 0, 'the map loads');
      expect(loads.map((e) => e.target)).to.deep.equal([el]);
    } finally {
      restore();
      document.removeEventListener('egm-load', count, { capture: true });
    }
  });

  it('happens once per page', async () => {
    const { release, restore } = holdFetch();
    try {
      const el = await fixture<EgmMapElement>(html`<egm-map src="/held-again.egm.json"></egm-map>`);
      await idle();
      await idle();
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(el.shadowRoot!.querySelector('.warm-up')).to.equal(null);
      release();
    } finally {
      restore();
    }
  });
});
