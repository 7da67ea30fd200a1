// axe (every rule it runs by default: WCAG 2.0-2.2 A and AA, plus best practices) on every
// element in each of its states, in the light and the dark theme (issue 4). One fixture per
// state; the state is reached the way a reader reaches it (clicks, keys, properties).
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { splitMap } from '../core/parse.js';
import type { EgmMap } from '../core/types.js';
import type { EgmFilterBar } from './egm-filter-bar/egm-filter-bar.js';
import type { EgmGrid } from './egm-grid/egm-grid.js';
import type { EgmLegend } from './egm-legend/egm-legend.js';
import type { EgmMapElement } from './egm-map/egm-map.js';
import type { EgmStudyCard } from './egm-study-card/egm-study-card.js';
import './egm-filter-bar/egm-filter-bar.js';
import './egm-grid/egm-grid.js';
import './egm-legend/egm-legend.js';
import './egm-map/egm-map.js';
import './egm-study-card/egm-study-card.js';

let demo: EgmMap;
before(async () => {
  demo = (await (await fetch('/demo/peer-support.egm.json')).json()) as EgmMap;
});

const THEMES = ['light', 'dark'] as const;
type Theme = (typeof THEMES)[number];
const themeOf = (t: Theme) => (t === 'dark' ? 'dark' : undefined);
const settle = async (...els: { updateComplete: Promise<unknown> }[]) => {
  for (const el of els) await el.updateComplete;
};

/** The element's own background as the reader sees it: a themed element paints its own. */
async function inPage<T extends HTMLElement>(theme: Theme, template: ReturnType<typeof html>): Promise<T> {
  // A dark page behind dark elements, as a host with a dark design would have.
  const page = await fixture<HTMLDivElement>(html`<div class=${theme}>${template}</div>`);
  if (theme === 'dark') page.style.setProperty('background', '#0d1117');
  const el = page.firstElementChild as T;
  await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  return el;
}

for (const theme of THEMES) {
  describe(`axe, ${theme} theme`, () => {
    describe('<egm-grid>', () => {
      const grid = async (attrs: { view?: string; highlight?: string } = {}) => {
        const { schema, studies } = splitMap(demo);
        return inPage<EgmGrid>(
          theme,
          html`<egm-grid theme=${themeOf(theme) ?? ''} .schema=${schema} .studies=${studies} view=${attrs.view ?? 'bubble'} highlight=${attrs.highlight ?? ''}></egm-grid>`,
        );
      };
      for (const view of ['bubble', 'heatmap', 'mosaic', 'table']) {
        it(`${view} view, with synthesis gaps highlighted`, async () => {
          const el = await grid({ view, highlight: 'synthesis-gaps' });
          await expect(el).to.be.accessible();
        });
      }
      it('filtered, with a cell selected and a group collapsed', async () => {
        const el = await grid();
        el.filters = { categories: { population: ['carers'] } };
        const first = el.shadowRoot!.querySelector<HTMLElement>('[role="gridcell"]:not(.gap)')!;
        el.selected = { rowId: first.dataset.row!, columnId: first.dataset.column! };
        const group = el.shadowRoot!.querySelector<HTMLElement>('th[aria-expanded="true"]');
        group?.click();
        await settle(el);
        await expect(el).to.be.accessible();
      });
      it('error state', async () => {
        const el = await inPage<EgmGrid>(theme, html`<egm-grid theme=${themeOf(theme) ?? ''} .schema=${{ format: 'egm/1' }} .studies=${[]}></egm-grid>`);
        expect(el.shadowRoot!.querySelector('.error')).not.to.equal(null);
        await expect(el).to.be.accessible();
      });
    });

    describe('<egm-filter-bar>', () => {
      const bar = async () => {
        const { schema, studies } = splitMap(demo);
        return inPage<EgmFilterBar>(theme, html`<egm-filter-bar theme=${themeOf(theme) ?? ''} .schema=${schema} .studies=${studies}></egm-filter-bar>`);
      };
      it('closed, then with a panel open and a choice made', async () => {
        const el = await bar();
        await expect(el).to.be.accessible();
        el.shadowRoot!.querySelector<HTMLButtonElement>('.control-button')!.click();
        await settle(el);
        el.shadowRoot!.querySelector<HTMLInputElement>('.panel:not([hidden]) input[type="checkbox"]')!.click();
        await settle(el);
        expect(el.shadowRoot!.querySelectorAll('[part~="chip"]').length).to.be.greaterThan(0);
        await expect(el).to.be.accessible();
      });
      it('with the filter-mode control open', async () => {
        const el = await bar();
        el.shadowRoot!.querySelector<HTMLButtonElement>('.control.mode .control-button')!.click();
        await settle(el);
        await expect(el).to.be.accessible();
      });
    });

    describe('<egm-legend>', () => {
      for (const view of ['bubble', 'heatmap', 'mosaic', 'table']) {
        it(`${view} view, a segment hidden, synthesis gaps explained`, async () => {
          const { schema, studies } = splitMap(demo);
          const el = await inPage<EgmLegend>(
            theme,
            html`<egm-legend theme=${themeOf(theme) ?? ''} .schema=${schema} .studies=${studies} view=${view} highlight="synthesis-gaps"></egm-legend>`,
          );
          el.hiddenSegments = [demo.dimensions.find((d) => d.id === demo.layout.segments)!.categories[0].id];
          await settle(el);
          await expect(el).to.be.accessible();
        });
      }
    });

    describe('<egm-study-card>', () => {
      it('with its authors and abstract expanded', async () => {
        const study = demo.studies.find((s) => (s.authors?.length ?? 0) > 4 && s.abstract)!;
        const el = await inPage<EgmStudyCard>(theme, html`<egm-study-card theme=${themeOf(theme) ?? ''} .schema=${demo} .study=${study}></egm-study-card>`);
        await expect(el).to.be.accessible();
        for (const b of el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button.text-button')) b.click();
        await settle(el);
        await expect(el).to.be.accessible();
      });
      it('error state', async () => {
        const el = await inPage<EgmStudyCard>(theme, html`<egm-study-card theme=${themeOf(theme) ?? ''} .study=${{ id: 'x' }}></egm-study-card>`);
        await expect(el).to.be.accessible();
      });
    });

    describe('<egm-map>', () => {
      const map = async () => {
        const el = await inPage<EgmMapElement>(theme, html`<egm-map theme=${themeOf(theme) ?? ''} src="/demo/peer-support.egm.json"></egm-map>`);
        await waitUntil(() => el.shadowRoot!.querySelector('egm-grid')?.shadowRoot?.querySelector('[role="gridcell"]'), 'the map loads');
        return el;
      };
      const grid = (el: EgmMapElement) => el.shadowRoot!.querySelector<EgmGrid>('egm-grid')!;

      it('loaded, then with a cell’s panel open, grouped by quality', async () => {
        const el = await map();
        await expect(el).to.be.accessible();
        grid(el).shadowRoot!.querySelector<HTMLElement>('[role="gridcell"]:not(.gap)')!.focus();
        await sendKeys({ press: 'Enter' });
        await waitUntil(() => el.shadowRoot!.querySelector('.panel egm-study-card'), 'the panel opens');
        const group = [...el.shadowRoot!.querySelectorAll('.panel-tools select')].at(-1) as HTMLSelectElement | undefined;
        if (group && group.options.length > 1) {
          group.value = group.options[1].value;
          group.dispatchEvent(new Event('change'));
        }
        await settle(el);
        await expect(el).to.be.accessible();
      });
      it('in full screen, in the heat map view', async () => {
        const el = await map();
        el.view = 'heatmap';
        el.fullscreen = true;
        await settle(el, grid(el));
        await expect(el).to.be.accessible();
        el.fullscreen = false;
        await settle(el);
      });
      it('loading, and failed', async () => {
        // A fetch that has not answered yet: axe sees the loading state, not a quick 404.
        const original = window.fetch;
        window.fetch = () => new Promise<Response>(() => {});
        try {
          const loading = await inPage<EgmMapElement>(theme, html`<egm-map theme=${themeOf(theme) ?? ''} src="/never-answers" load-timeout="60000"></egm-map>`);
          expect(loading.shadowRoot!.querySelector('[role="status"]')?.textContent).to.contain('Loading the map');
          await expect(loading).to.be.accessible();
          loading.remove();
        } finally {
          window.fetch = original;
        }
        const failed = await inPage<EgmMapElement>(theme, html`<egm-map theme=${themeOf(theme) ?? ''} src="/no-such-map.json"></egm-map>`);
        await waitUntil(() => failed.shadowRoot!.querySelector('.error, [part~="error"]'), 'the error shows');
        await expect(failed).to.be.accessible();
      });
    });
  });
}

describe('the dark theme', () => {
  it('changes every colour token and paints the element’s background; print stays light', async () => {
    const { schema, studies } = splitMap(demo);
    const light = await fixture<EgmGrid>(html`<egm-grid .schema=${schema} .studies=${studies}></egm-grid>`);
    const dark = await fixture<EgmGrid>(html`<egm-grid theme="dark" .schema=${schema} .studies=${studies}></egm-grid>`);
    const bg = (el: HTMLElement) => getComputedStyle(el).backgroundColor;
    expect(bg(light)).to.equal('rgba(0, 0, 0, 0)');
    expect(bg(dark)).to.equal('rgb(13, 17, 23)');
    expect(getComputedStyle(dark).color).to.equal('rgb(230, 237, 243)');
    expect(getComputedStyle(dark).colorScheme).to.equal('dark');
    // A host's own token on the element wins over the theme.
    dark.style.setProperty('--egm-color-background', '#202020');
    expect(bg(dark)).to.equal('rgb(32, 32, 32)');
  });

  it('is checked for contrast by the runs above: axe fails a dark grid given dark text', async () => {
    const { schema, studies } = splitMap(demo);
    const el = await inPage<EgmGrid>('dark', html`<egm-grid theme="dark" .schema=${schema} .studies=${studies}></egm-grid>`);
    el.style.setProperty('--egm-color-text', '#30363d');
    await expect(el).not.to.be.accessible();
  });

  it('follows the system with theme="auto"', async () => {
    const { emulateMedia } = await import('@web/test-runner-commands');
    const { schema, studies } = splitMap(demo);
    const el = await fixture<EgmGrid>(html`<egm-grid theme="auto" .schema=${schema} .studies=${studies}></egm-grid>`);
    await emulateMedia({ colorScheme: 'dark' });
    expect(getComputedStyle(el).backgroundColor).to.equal('rgb(13, 17, 23)');
    await emulateMedia({ colorScheme: 'light' });
    expect(getComputedStyle(el).backgroundColor).to.equal('rgba(0, 0, 0, 0)');
  });
});

describe('header descriptions', () => {
  it('are reachable from their headers even when a category id holds spaces', async () => {
    const map: EgmMap = {
      format: 'egm/1',
      id: 'spaces',
      title: 'Ids with spaces',
      dimensions: [
        { id: 'rows', label: 'Rows', categories: [{ id: 'peer education', label: 'Peer education', description: 'Groups led by peers.' }] },
        { id: 'cols', label: 'Columns', categories: [{ id: 'mental health', label: 'Mental health', description: 'Anxiety, depression.' }] },
      ],
      layout: { rows: 'rows', columns: 'cols' },
      studies: [{ id: 's1', title: 'One', codes: { rows: ['peer education'], cols: ['mental health'] } }],
    };
    const { schema, studies } = splitMap(map);
    const el = await fixture<EgmGrid>(html`<egm-grid .schema=${schema} .studies=${studies}></egm-grid>`);
    const described = [...el.shadowRoot!.querySelectorAll<HTMLElement>('th[aria-describedby]')].map((th) => {
      const ids = th.getAttribute('aria-describedby')!.split(/\s+/);
      return ids.map((id) => el.shadowRoot!.getElementById(id)?.textContent?.trim() ?? `missing #${id}`).join(' ');
    });
    expect(described.sort()).to.deep.equal(['Anxiety, depression.', 'Groups led by peers.']);
    await expect(el).to.be.accessible();
  });

  // What a screen reader announces on a header is its name, then its description: a description
  // that is also part of the name is read twice on every header the reader moves to.
  for (const view of ['bubble', 'table'] as const) {
    it(`are read once, as the description and not in the name too (${view} view)`, async () => {
      const { schema, studies } = splitMap(DESCRIBED);
      await fixture<EgmGrid>(html`<egm-grid .schema=${schema} .studies=${studies} view=${view}></egm-grid>`);
      const tree = await executeServerCommand<AxNode[], undefined>('ax-tree');
      // (Chromium puts a space after the "(" that a visually hidden span holds: not ours to read.)
      const heads = tree.filter((n) => n.role === 'columnheader' || n.role === 'rowheader').map((n) => [n.role, n.name.replace(/\(\s+/g, '('), n.description]);
      expect(heads.filter(([, , d]) => d).sort()).to.deep.equal([
        ['columnheader', 'Mental health (1 study)', 'Anxiety, depression.'],
        ['rowheader', 'Peer education (1 study)', 'Groups led by peers.'],
      ]);
    });
  }
});

describe('category descriptions in the filter bar', () => {
  it('are the descriptions of their checkboxes, as well as tooltips', async () => {
    const { schema, studies } = splitMap(DESCRIBED);
    const el = await fixture<EgmFilterBar>(html`<egm-filter-bar .schema=${schema} .studies=${studies}></egm-filter-bar>`);
    el.shadowRoot!.querySelector<HTMLButtonElement>('.control-button')!.click();
    await el.updateComplete;
    const tree = await executeServerCommand<AxNode[], undefined>('ax-tree');
    const boxes = tree.filter((n) => n.role === 'checkbox').map((n) => [n.name, n.description]);
    expect(boxes).to.deep.equal([
      ['Online 1 study', 'Delivered by video call or chat.'],
      ['In person 0 studies', ''],
    ]);
    expect([...el.shadowRoot!.querySelectorAll('.panel:not([hidden]) label[part~="option"]')].map((l) => l.getAttribute('title'))).to.deep.equal(['Delivered by video call or chat.', null]);
  });
});

interface AxNode {
  role: string;
  name: string;
  description: string;
}

const DESCRIBED: EgmMap = {
  format: 'egm/1',
  id: 'described',
  title: 'Described headers',
  dimensions: [
    { id: 'rows', label: 'Rows', categories: [{ id: 'pe', label: 'Peer education', description: 'Groups led by peers.' }] },
    { id: 'cols', label: 'Columns', categories: [{ id: 'mh', label: 'Mental health', description: 'Anxiety, depression.' }] },
    {
      id: 'mode',
      label: 'Mode',
      categories: [
        { id: 'online', label: 'Online', description: 'Delivered by video call or chat.' },
        { id: 'in-person', label: 'In person' },
      ],
    },
  ],
  layout: { rows: 'rows', columns: 'cols', filters: ['mode'] },
  studies: [{ id: 's1', title: 'One', codes: { rows: ['pe'], cols: ['mh'], mode: ['online'] } }],
};

describe('reflow at 320 CSS pixels (WCAG 1.4.10; 400% zoom of a 1280 px window)', () => {
  it('keeps the page from scrolling sideways: only the grid scrolls, inside its own box', async () => {
    const { setViewport } = await import('@web/test-runner-commands');
    await setViewport({ width: 320, height: 640 });
    try {
      const el = await fixture<EgmMapElement>(html`<egm-map src="/demo/peer-support.egm.json"></egm-map>`);
      await waitUntil(() => el.shadowRoot!.querySelector('egm-grid')?.shadowRoot?.querySelector('[role="gridcell"]'), 'the map loads');
      await el.updateComplete;
      expect(document.documentElement.scrollWidth, 'page width').to.be.at.most(320);
      expect(el.getBoundingClientRect().width).to.be.at.most(320);
      // Every control of the map and its filter bar is inside the viewport, none cut off.
      const bar = el.shadowRoot!.querySelector('egm-filter-bar')!;
      const controls = [...el.shadowRoot!.querySelectorAll('button'), ...bar.shadowRoot!.querySelectorAll('button, input')].filter(
        (c) => (c as HTMLElement).offsetParent !== null,
      );
      expect(controls.length).to.be.greaterThan(3);
      const outside = controls.filter((c) => c.getBoundingClientRect().right > 320.5 || c.getBoundingClientRect().left < -0.5).map((c) => c.outerHTML.slice(0, 80));
      expect(outside).to.deep.equal([]);
      // The grid scrolls within its scroller.
      const scroller = el.shadowRoot!.querySelector('egm-grid')!.shadowRoot!.querySelector<HTMLElement>('.scroller')!;
      expect(scroller.scrollWidth).to.be.greaterThan(scroller.clientWidth);
      await expect(el).to.be.accessible();
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });
});

describe('map text in any direction, and very long labels', () => {
  const LONG = 'Peer support delivered by trained volunteers with lived experience in community settings over twelve months';
  const map = (): EgmMap => ({
    format: 'egm/1',
    id: 'text',
    title: '\u202eRTL override in a title',
    dimensions: [
      { id: 'rows', label: 'Rows', categories: [{ id: 'r', label: 'أقران \u202eoverride' }] },
      { id: 'cols', label: 'Columns', categories: [{ id: 'long', label: LONG }, { id: 'short', label: 'Short' }] },
    ],
    layout: { rows: 'rows', columns: 'cols' },
    studies: [{ id: 's1', title: 'One', codes: { rows: ['r'], cols: ['long'] } }],
  });

  it('isolates every label from the text around it (dir="auto": a bidi override stays inside)', async () => {
    const { schema, studies } = splitMap(map());
    const el = await fixture<EgmMapElement>(html`<egm-map .schema=${schema} .studies=${studies}></egm-map>`);
    const g = el.shadowRoot!.querySelector<EgmGrid>('egm-grid')!;
    await g.updateComplete;
    const labels = [...g.shadowRoot!.querySelectorAll<HTMLElement>('.head-label'), el.shadowRoot!.querySelector<HTMLElement>('.title')!];
    expect(labels.length).to.equal(4);
    for (const label of labels) {
      expect(label.getAttribute('dir')).to.equal('auto');
      expect(getComputedStyle(label).unicodeBidi).to.equal('isolate');
    }
  });

  it('clamps a very long column label to four lines, keeping it whole in its tooltip and name', async () => {
    const { schema, studies } = splitMap(map());
    const el = await fixture<EgmGrid>(html`<egm-grid .schema=${schema} .studies=${studies}></egm-grid>`);
    const head = el.shadowRoot!.querySelector<HTMLElement>('th[data-axis="column"][data-id="long"]')!;
    const label = head.querySelector<HTMLElement>('.head-label')!;
    const line = parseFloat(getComputedStyle(label).lineHeight) || parseFloat(getComputedStyle(label).fontSize) * 1.2;
    expect(label.scrollHeight).to.be.greaterThan(label.clientHeight);
    expect(label.clientHeight).to.be.at.most(Math.ceil(line * 4) + 1);
    expect(label.title).to.equal(LONG);
    expect(head.textContent).to.contain(LONG);
    await expect(el).to.be.accessible();
  });
});
