// Keyboard-only use of a whole map (issue 4): where focus lands when a cell is chosen, when the
// panel opens and closes, when Escape clears a selection or ends full screen, and when a filter
// or a collapse changes the cell that has focus. Every step is a key press; every step asserts
// the focused element.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { splitMap } from '../../core/parse.js';
import { smallMap } from '../../core/testing/fixture.js';
import { EgmFilterChangeEvent } from '../../events/egm-filter-change.js';
import type { EgmSelectionClearEvent } from '../../events/egm-selection-clear.js';
import type { EgmGrid } from '../egm-grid/egm-grid.js';
import '../egm-grid/egm-grid.js';
import './egm-map.js';
import type { EgmMapElement } from './egm-map.js';

const root = (el: EgmMapElement) => el.shadowRoot!;
const grid = (el: EgmMapElement) => root(el).querySelector<EgmGrid>('egm-grid')!;
const cell = (g: EgmGrid, r: string, c: string) => g.shadowRoot!.querySelector<HTMLElement>(`[data-row="${r}"][data-column="${c}"]`)!;
/** The focused element, followed through shadow roots. */
function deepActive(): Element | null {
  let a = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}
/** "row × column" of the focused grid cell, or a short description of what else has focus. */
function focusedCell(): string {
  const a = deepActive() as HTMLElement | null;
  if (!a) return 'nothing';
  if (a.dataset.row && a.dataset.column) return `${a.dataset.row} × ${a.dataset.column}`;
  return `${a.tagName.toLowerCase()}${a.className ? `.${a.className.split(' ')[0]}` : ''}`;
}

async function map(): Promise<EgmMapElement> {
  const { schema, studies } = splitMap(smallMap());
  const el = await fixture<EgmMapElement>(html`<egm-map .schema=${schema} .studies=${studies}></egm-map>`);
  await grid(el).updateComplete;
  return el;
}

const settle = async (el: EgmMapElement) => {
  await el.updateComplete;
  await grid(el).updateComplete;
};

describe('<egm-grid> Escape', () => {
  it('clears the selection, keeps focus on the cell and says which cell it was', async () => {
    const { schema, studies } = splitMap(smallMap());
    const g = await fixture<EgmGrid>(html`<egm-grid .schema=${schema} .studies=${studies}></egm-grid>`);
    cell(g, 'education', 'mental-health').focus();
    await sendKeys({ press: 'Enter' });
    await g.updateComplete;
    expect(g.selected).to.deep.equal({ rowId: 'education', columnId: 'mental-health' });
    expect(cell(g, 'education', 'mental-health').getAttribute('aria-selected')).to.equal('true');

    const cleared: EgmSelectionClearEvent[] = [];
    g.addEventListener('egm-selection-clear', (e) => cleared.push(e));
    await sendKeys({ press: 'Escape' });
    await g.updateComplete;
    expect(g.selected).to.equal(null);
    expect(cell(g, 'education', 'mental-health').getAttribute('aria-selected')).to.equal('false');
    expect(cleared.map((e) => e.detail)).to.deep.equal([{ rowId: 'education', columnId: 'mental-health' }]);
    expect(focusedCell()).to.equal('education × mental-health');

    // Nothing selected: Escape is left to the page (not prevented, no event).
    let prevented: boolean | undefined;
    document.addEventListener('keydown', (e) => (prevented = e.defaultPrevented), { once: true });
    await sendKeys({ press: 'Escape' });
    expect(prevented).to.equal(false);
    expect(cleared.length).to.equal(1);
  });
});

describe('<egm-map> from the keyboard', () => {
  it('opens the panel with Enter, closes it with Escape in the grid, and focus stays on the cell', async () => {
    const el = await map();
    cell(grid(el), 'education', 'physical').focus();
    await sendKeys({ press: 'ArrowRight' });
    expect(focusedCell()).to.equal('education × mental-health');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => root(el).querySelector('.panel'), 'the panel opens');
    await settle(el);
    // Opening the panel does not move focus: the reader can keep exploring the grid.
    expect(focusedCell()).to.equal('education × mental-health');
    expect(root(el).querySelectorAll('.panel egm-study-card').length).to.equal(2);

    await sendKeys({ press: 'Escape' });
    await settle(el);
    expect(root(el).querySelector('.panel')).to.equal(null);
    expect(focusedCell()).to.equal('education × mental-health');
    await expect(el).to.be.accessible();
  });

  it('returns focus to the cell when the panel is closed with its close button', async () => {
    const el = await map();
    cell(grid(el), 'in-person', 'mental-health').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => root(el).querySelector('.panel button.close'));
    await settle(el);
    root(el).querySelector<HTMLButtonElement>('.panel button.close')!.focus();
    expect(focusedCell()).to.equal('button.close');
    await sendKeys({ press: 'Enter' });
    await settle(el);
    await waitUntil(() => focusedCell() === 'in-person × mental-health', `focus is on ${focusedCell()}`);
    expect(root(el).querySelector('.panel')).to.equal(null);
  });

  it('keeps focus on a cell that a filter empties, and on the group header when a collapse removes it', async () => {
    const el = await map();
    cell(grid(el), 'remote', 'physical').focus();
    await sendKeys({ press: 'Enter' });
    await settle(el);
    // Children only: remote × physical (s5, not coded to a population) is filtered out, not removed.
    el.filters = { categories: { population: ['children'] } };
    await settle(el);
    expect(cell(grid(el), 'remote', 'physical').dataset.count).to.equal('0');
    expect(focusedCell()).to.equal('remote × physical');

    // Collapsing "Delivery" removes the focused cell: focus moves to the group's header.
    el.filters = { categories: {} };
    await settle(el);
    const g = grid(el);
    const head = g.shadowRoot!.querySelector<HTMLElement>('th[data-axis="row"][data-id="delivery"]')!;
    head.focus();
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(g.collapsed).to.deep.equal(['delivery']);
    expect((deepActive() as HTMLElement).dataset.id).to.equal('delivery');
    await sendKeys({ press: 'ArrowRight' });
    expect(focusedCell()).to.equal('delivery × physical');
  });

  it('in full screen: the first Escape clears the selection, the second ends full screen', async () => {
    const el = await map();
    el.fullscreen = true;
    await settle(el);
    cell(grid(el), 'education', 'mental-health').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => root(el).querySelector('.panel'));
    await sendKeys({ press: 'Escape' });
    await settle(el);
    expect(root(el).querySelector('.panel')).to.equal(null);
    expect(el.fullscreen).to.equal(true);
    expect(focusedCell()).to.equal('education × mental-health');
    await sendKeys({ press: 'Escape' });
    await settle(el);
    expect(el.fullscreen).to.equal(false);
  });
});

describe('<egm-map> header descriptions', () => {
  it('are written out in the panel when a header is activated, for touch and keyboard users', async () => {
    const map = smallMap();
    map.dimensions.find((d) => d.id === 'support')!.categories[0].description = 'Peers share information about a condition.';
    const { schema, studies } = splitMap(map);
    const el = await fixture<EgmMapElement>(html`<egm-map .schema=${schema} .studies=${studies}></egm-map>`);
    await grid(el).updateComplete;
    const head = grid(el).shadowRoot!.querySelector<HTMLElement>('th[data-axis="row"][data-id="education"]')!;
    head.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => root(el).querySelector('.panel'));
    await settle(el);
    expect(root(el).querySelector('.panel-description')?.textContent).to.equal('Peers share information about a condition.');
    expect(focusedCell()).to.equal('th.head');
    await expect(el).to.be.accessible();
  });
});

describe('<egm-map> announcements', () => {
  it('has one live region in its whole tree, so a filter change is heard once', async () => {
    const el = await map();
    /** Every live region under `node`, through shadow roots. */
    const live = (node: ParentNode): Element[] =>
      [...node.querySelectorAll('*')].flatMap((e) => [
        ...(e.matches('[aria-live]:not([aria-live="off"]), [role="status"], [role="alert"], [role="log"]') ? [e] : []),
        ...(e.shadowRoot ? live(e.shadowRoot) : []),
      ]);
    const regions = live(root(el));
    expect(regions.length).to.equal(1);
    // As the bar does when a reader ticks "Children".
    const bar = root(el).querySelector('egm-filter-bar')!;
    bar.dispatchEvent(new EgmFilterChangeEvent({ filters: { categories: { population: ['children'] } } }));
    await waitUntil(() => regions[0].textContent.trim() !== '', 'the result is announced');
    await settle(el);
    expect(regions[0].textContent.trim()).to.equal('Showing 2 of 7 studies');
    // The filter bar still shows its status line, without announcing it.
    expect(bar.shadowRoot!.querySelector('[part="status"]')!.textContent.trim()).to.equal('Showing 2 of 7 studies');
  });
});

describe('<egm-map> group headers', () => {
  it('list every study of the group with Ctrl+Enter (Enter toggles it, Shift+Enter lists the group alone)', async () => {
    const el = await map();
    const g = grid(el);
    const head = () => g.shadowRoot!.querySelector<HTMLElement>('th[data-axis="row"][data-id="delivery"]')!;
    head().focus();
    const details: unknown[] = [];
    el.addEventListener('egm-header-select', (e) => details.push(e.detail));
    await sendKeys({ press: 'Control+Enter' });
    await waitUntil(() => root(el).querySelector('.panel'));
    await settle(el);
    // Delivery holds s3, s4, s5 and s7 (s4 coded to the group itself): hand-counted in the fixture.
    expect(details).to.deep.equal([{ axis: 'row', categoryId: 'delivery', studyIds: ['s3', 's4', 's5', 's7'] }]);
    expect(g.collapsed).to.deep.equal([]);
    expect(root(el).querySelectorAll('.panel egm-study-card').length).to.equal(4);
    expect((deepActive() as HTMLElement).dataset.id).to.equal('delivery');
  });
});
