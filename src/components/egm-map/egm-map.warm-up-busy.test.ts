// The warm-up (internal/warm-up.ts) on a page that is never idle while the file comes in, as
// when a large file is read in slices: it is drawn anyway, soon after the request. A file of its
// own: the warm-up happens once per page, and each test file runs in a page of its own.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { smallMap } from '../../core/testing/fixture.js';
import { loadDeferredCode } from '../../internal/deferred-loader.js';
import './egm-map.js';
import type { EgmMapElement } from './egm-map.js';

describe('egm-map warm-up on a busy page', () => {
  it('is drawn within a second of the request while the page is never idle', async () => {
    // The warm-up's code first, so that what is timed is when the map asks for the warm-up.
    await loadDeferredCode();
    const original = window.fetch;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    window.fetch = () => held.then(() => new Response(JSON.stringify(smallMap())));
    // Tasks of 8 ms back to back, as slices of a read are: the page has no idle time.
    let busy = true;
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      const end = performance.now() + 8;
      while (performance.now() < end) {
        /* busy */
      }
      if (busy) channel.port2.postMessage(null);
    };
    try {
      const t0 = performance.now();
      const el = await fixture<EgmMapElement>(html`<egm-map src="/held.egm.json"></egm-map>`);
      channel.port2.postMessage(null);
      let seenAt: number | undefined;
      el.shadowRoot!.addEventListener('egm-render', (e) => (seenAt ??= (e.target as Element).closest('.warm-up') ? performance.now() - t0 : undefined), { capture: true });
      await waitUntil(() => seenAt !== undefined, 'the warm-up draws while the page is busy', { timeout: 1000 });
      expect(seenAt).to.be.below(1000);
      busy = false;
      release();
      await waitUntil(() => el.shadowRoot!.querySelector('egm-grid:not(.warm-up egm-grid)'), 'the map loads');
    } finally {
      busy = false;
      channel.port1.close();
      window.fetch = original;
    }
  });
});
