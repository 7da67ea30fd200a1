import { LitElement, html, nothing, svg, type PropertyValues, type PropertyDeclarations } from 'lit';
import { heading, headingLevel } from '../../internal/heading.js';
import { LocaleController } from '../../controllers/locale-controller.js';
import type { GridModel, SegmentInfo } from '../../core/grid.js';
import { heatScale } from '../../core/heat.js';
import { sizeKeyCounts } from '../../core/scale.js';
import { synthesisGapMin } from '../../core/synthesis.js';
import type { EgmFilters, EgmIssue } from '../../core/types.js';
import { EgmSegmentToggleEvent } from '../../events/egm-segment-toggle.js';
import type { EgmLocale } from '../../i18n/registry.js';
import { BUBBLE_SCALE, MOSAIC, MOSAIC_CAP, VIEW, aroundNumber, bubble, gridView, heatStyles, markStyles, radiusFor, type GridView } from '../../internal/bubble.js';
import { gridModel, resolveAxes, resolveMap, type Axes, type MapData } from '../../internal/map-data.js';
import { renderIssues } from '../../internal/render-issues.js';
import { tokens } from '../../styles/tokens.js';
import { legendStyles } from './egm-legend.styles.js';


/** The fill handed to `bubble()` for the size key; the style sheet recolours it (`--egm-color-bubble`). */
const KEY_FILL = '#4a6fa5';
const VIEW_BOX = `${-VIEW / 2} ${-VIEW / 2} ${VIEW} ${VIEW}`;

/** What the legend reads from the `<egm-grid>` it follows (the grid's own property names). */
type GridLike = HTMLElement & {
  schema?: unknown;
  studies?: unknown;
  filters?: EgmFilters;
  collapsed?: unknown;
  hiddenSegments?: unknown;
  rows?: unknown;
  columns?: unknown;
  segments?: unknown;
  view?: unknown;
  donut?: unknown;
  highlight?: unknown;
  synthesisGapMin?: unknown;
};

interface Inputs {
  schema: unknown;
  studies: unknown;
  filters: EgmFilters | undefined;
  collapsed: string[];
  rows: string | null | undefined;
  columns: string | null | undefined;
  segments: string | null | undefined;
  donut: boolean;
  view: GridView;
  /** The synthesis-gap threshold when highlighting is on, else 0. */
  sgMin: number;
}

type Resolved =
  | { readonly status: 'empty' }
  | { readonly status: 'invalid'; readonly issues: readonly EgmIssue[] }
  | {
      readonly status: 'ok';
      readonly data: MapData;
      readonly axes: Axes;
      readonly model: GridModel;
      readonly counts: readonly number[];
      readonly donut: boolean;
      readonly view: GridView;
      /** The synthesis-gap threshold, or 0 when highlighting is off or the map has no `layout.reviews`. */
      readonly sgMin: number;
    };

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * How many studies carry each segment of `model` (in `model.segments` order) under `filters`:
 * a top-level category counts the studies coded to it or a descendant, "Not coded" those with
 * no code in the segment dimension. Without a filter these are the segments' `total`s.
 */
export function segmentCounts(data: MapData, model: GridModel, filters: EgmFilters | undefined): number[] {
  const dim = model.options.segments ? data.index.dimension(model.options.segments) : undefined;
  if (!dim || model.segments.length === 0) return [];
  const mask = data.filters.mask(filters);
  return model.segments.map((s) => {
    if (s.notCoded) return mask.clone().andNotWith(dim.coded).count();
    const o = dim.ordinals.get(s.id);
    return o === undefined ? 0 : mask.andCount(dim.members[o]);
  });
}

/**
 * The key to an evidence and gap map's grid: what the segment colours mean (and a toggle to
 * hide each segment), what the cells' sizes, shades or tiles mean, and how a gap and a
 * filtered-out cell look. Drawn with the grid's own drawing and scales, so the two never disagree.
 *
 * It follows the grid's `view`: the size key for `bubble`, the shade key (and no segment
 * toggles: shades show totals) for `heatmap`, the tile key for `mosaic`, only the segment key
 * for `table`. With `highlight="synthesis-gaps"` and a map with `layout.reviews`, it explains
 * the synthesis-gap marker.
 *
 * Give it the grid's inputs (`.schema`, `.studies`, `.filters`, `.collapsed`, `rows`, `columns`,
 * `segments`, `view`, `donut`, `highlight`, `synthesis-gap-min`), or `for="<id of an egm-grid>"`
 * to follow that grid: it then reads the grid's properties after each of its updates, and sets
 * the grid's `hiddenSegments` when toggled.
 *
 * @summary The legend of a grid: segment toggles with counts, bubble sizes, gaps.
 *
 * @event {EgmSegmentToggleEvent} egm-segment-toggle - A segment was shown or hidden.
 *   `detail: { dimensionId, categoryId, visible }` ("Not coded" has `categoryId: ""`).
 *   Cancelable: `preventDefault()` reverts the toggle.
 *
 * @attribute theme - `dark` for the dark theme, `auto` to follow the reader's system (`prefers-color-scheme`); the elements inside follow (docs/theming.md).
 * @csspart legend - The legend's box (a group labelled "Legend").
 * @csspart segments - The segment dimension's heading and toggles.
 * @csspart heading - The segment dimension's name.
 * @csspart toggle - A segment's toggle button (`aria-pressed="true"` while it is shown).
 * @csspart swatch - A segment's colour swatch.
 * @csspart count - A segment's number of studies under the current filters.
 * @csspart size-key - The bubble sizes (bubble view).
 * @csspart shade-key - The heat map's shades and their counts (heatmap view).
 * @csspart tile-key - What a tile means (mosaic view).
 * @csspart synthesis-gap - The synthesis-gap marker's swatch.
 * @csspart states-key - The gap and the filtered-out cell.
 * @csspart gap - The gap swatch, styled like the grid's gaps.
 * @csspart error - The error state for invalid input.
 *
 * @cssproperty --egm-color-bubble - The size key's bubbles, as the grid's plain bubbles. Default: `#4a6fa5`.
 * @cssproperty --egm-cell-size - The grid's cell size: a key bubble is drawn in the same box as a grid bubble. Default: `3.5rem`.
 * @cssproperty --egm-legend-bubble-size - The box of a key bubble, if it should differ from the grid's. Default: `calc(var(--egm-cell-size) - 0.3rem)`.
 * @cssproperty --egm-legend-swatch-size - A segment swatch's size. Default: `0.9rem`.
 * @cssproperty --egm-color-gap - A gap's background, as in the grid. Default: `#eef1f4`.
 * @cssproperty --egm-color-synthesis-gap - The synthesis-gap marker, as in the grid. Default: `#7b2cbf`.
 * @cssproperty --egm-font-family - Font. Default: the system UI font.
 * @cssproperty --egm-font-size - Base font size. Default: `0.875rem`.
 * @cssproperty --egm-color-text - Text colour. Default: `#1f2328`.
 * @cssproperty --egm-color-text-muted - Counts, hidden segments, key labels and the filtered-out outline. Default: `#57606a`.
 * @cssproperty --egm-color-background - A shown segment's toggle. Default: `#ffffff`.
 * @cssproperty --egm-color-surface - A hidden segment's toggle. Default: `#f6f8fa`.
 * @cssproperty --egm-color-border - Borders. Default: `#d0d7de`.
 * @cssproperty --egm-color-accent - A hovered toggle's border. Default: `#0b5cad`.
 * @cssproperty --egm-color-focus - Focus ring. Default: `#0b5cad`.
 * @cssproperty --egm-space - Spacing unit. Default: `0.5rem`.
 */
export class EgmLegend extends LitElement {
  static override styles = [tokens, heatStyles, markStyles, legendStyles];
  /**
   * Lit's reactive properties, declared here rather than by decorators (a smaller bundle). Each
   * element's table is written out whole: the manifest analyzer reads it as it stands, and a
   * table spread from a shared one loses the element from custom-elements.json.
   */
  static override properties: PropertyDeclarations = {
    schema: { attribute: false },
    studies: { attribute: false },
    filters: { attribute: false },
    collapsed: { attribute: false },
    hiddenSegments: { attribute: false },
    rows: { reflect: true },
    columns: { reflect: true },
    segments: { reflect: true },
    view: { reflect: true },
    highlight: { reflect: true },
    synthesisGapMin: { type: Number, reflect: true, attribute: 'synthesis-gap-min' },
    donut: { type: Boolean, reflect: true },
    for: { reflect: true },
    headingLevel: { type: Number, reflect: true, attribute: 'heading-level' },
    strings: { attribute: false },
  };

  /** The map without its studies (or a whole map, which then carries its own studies). */
  schema?: unknown;

  /** The map's studies. */
  studies?: unknown;

  /** The grid's filters: segment counts are the studies that pass them. */
  filters?: EgmFilters;

  /** The grid's collapsed groups: they change its largest cell, and so its bubble sizes. */
  collapsed: string[] = [];

  /** Ids of the hidden segments ("" for "Not coded"); toggling updates it. */
  hiddenSegments: string[] = [];

  /** The grid's row dimension id (default: the map's `layout.rows`). */
  rows?: string;

  /** The grid's column dimension id (default: the map's `layout.columns`). */
  columns?: string;

  /** The grid's segment dimension id (default: `layout.segments`); `none` for plain bubbles. */
  segments?: string;

  /** The grid's view: `bubble`, `heatmap`, `mosaic` or `table` (anything else is `bubble`). */
  view = 'bubble';

  /** The grid's `highlight`: `synthesis-gaps` adds the synthesis-gap marker to the legend (with `layout.reviews`). */
  highlight?: string;

  /** The grid's `synthesis-gap-min`. */
  synthesisGapMin: number = 5;

  /** The grid draws donuts rather than pies: so does the size key. */
  donut = false;

  /** The id of an `<egm-grid>` in the same document or shadow root to follow instead of the properties above. */
  for?: string;

  /** The level of the segment dimension's heading, 2 to 6. */
  headingLevel = 3;

  /** Replacement strings (any part of the English table, src/i18n/en.ts); see docs/i18n.md. */
  strings?: EgmLocale;

  private readonly l10n = new LocaleController(this);
  private target?: GridLike;
  private root?: Document | ShadowRoot;
  private resolved: Resolved = { status: 'empty' };

  override connectedCallback(): void {
    super.connectedCallback();
    this.root = this.getRootNode() as Document | ShadowRoot;
    // Capture on the root hears the grid's non-bubbling `egm-render`, even from a grid added later.
    this.root.addEventListener('egm-render', this.onGridRender, true);
    this.target = undefined;
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.root?.removeEventListener('egm-render', this.onGridRender, true);
    this.root = undefined;
    this.target = undefined;
  }

  private readonly onGridRender = (e: Event): void => {
    if (!this.for || !(e.target instanceof HTMLElement) || e.target.id !== this.for) return;
    this.adopt(e.target);
    this.requestUpdate();
  };

  /** Takes the followed grid's hidden segments as the legend's own. */
  private adopt(grid: GridLike): void {
    this.target = grid;
    const hidden = grid.hiddenSegments;
    if (Array.isArray(hidden) && !sameList(strings(hidden), this.hiddenSegments)) this.hiddenSegments = strings(hidden);
  }

  private findTarget(): GridLike | undefined {
    if (!this.for || !this.isConnected) return undefined;
    const el = (this.getRootNode() as Document | ShadowRoot).getElementById(this.for);
    return el && el !== this ? el : undefined;
  }

  private inputs(): Inputs | undefined {
    if (this.for) {
      const t = this.findTarget();
      if (!t) return undefined;
      if (t !== this.target) this.adopt(t);
      // Before the grid upgrades its attributes are not properties yet: read either.
      const attr = (name: 'rows' | 'columns' | 'segments') => (typeof t[name] === 'string' ? t[name] : t.getAttribute(name));
      return {
        schema: t.schema,
        studies: t.studies,
        filters: t.filters,
        collapsed: strings(t.collapsed),
        rows: attr('rows'),
        columns: attr('columns'),
        segments: attr('segments'),
        donut: typeof t.donut === 'boolean' ? t.donut : t.hasAttribute('donut'),
        view: gridView(t.view ?? t.getAttribute('view')),
        sgMin: (t.highlight ?? t.getAttribute('highlight')) === 'synthesis-gaps' ? synthesisGapMin(t.synthesisGapMin ?? t.getAttribute('synthesis-gap-min')) : 0,
      };
    }
    this.target = undefined;
    return {
      schema: this.schema,
      studies: this.studies,
      filters: this.filters,
      collapsed: strings(this.collapsed),
      rows: this.rows,
      columns: this.columns,
      segments: this.segments,
      donut: this.donut,
      view: gridView(this.view),
      sgMin: this.highlight === 'synthesis-gaps' ? synthesisGapMin(this.synthesisGapMin) : 0,
    };
  }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    this.resolved = this.resolve();
  }

  private resolve(): Resolved {
    const input = this.inputs();
    if (!input) return { status: 'empty' };
    const state = resolveMap(input.schema, input.studies);
    if (state.status !== 'ok') return state;
    const axes = resolveAxes(state.data, input);
    if (Array.isArray(axes)) return { status: 'invalid', issues: axes };
    try {
      const model = gridModel(state.data, axes, input.collapsed);
      const counts = segmentCounts(state.data, model, input.filters);
      return { status: 'ok', data: state.data, axes, model, counts, donut: input.donut, view: input.view, sgMin: model.hasReviews ? input.sgMin : 0 };
    } catch (error) {
      return { status: 'invalid', issues: [{ path: '', message: error instanceof Error ? error.message : String(error) }] };
    }
  }

  override render() {
    const r = this.resolved;
    if (r.status === 'empty') return nothing;
    const l10n = this.l10n;
    const t = l10n.s.legend;
    if (r.status === 'invalid') return renderIssues(t.invalid, r.issues, l10n);
    const { model, axes, data, counts } = r;
    // "Not coded" only when some study is not coded (it is never dropped from the grid).
    const shown = model.segments.map((s, i) => ({ s, i })).filter(({ s }) => !s.notCoded || s.total > 0);
    const level = headingLevel(this.headingLevel, 3);
    const hidden = new Set(strings(this.hiddenSegments));
    const max = model.totals.max;
    const donut = r.donut;
    const view = r.view;
    const sgMark = html`<span class="sg-swatch" part="synthesis-gap"><span class="sg-mark">${l10n.s.grid.synthesisMark}</span></span>`;
    return html`<div class="legend" part="legend" role="group" aria-label=${t.label}>
      ${axes.segments && shown.length && view !== 'heatmap'
        ? html`<div class="segments" part="segments" role="group" aria-labelledby="segments-heading">
            ${heading(level)`<H class="heading" part="heading" id="segments-heading">${data.index.dimension(axes.segments)!.dimension.label}</H>`}
            <ul>
              ${shown.map(({ s, i }) => {
                const visible = !hidden.has(s.id);
                return html`<li>
                  <button
                    class="toggle"
                    part="toggle"
                    type="button"
                    data-segment=${s.id}
                    aria-pressed=${visible ? 'true' : 'false'}
                    title=${s.description ?? nothing}
                    @click=${() => this.toggle(s)}
                  >
                    <svg class="swatch" part="swatch" viewBox="0 0 10 10" aria-hidden="true">
                      ${svg`<rect class=${`seg-${i}`} x="0.5" y="0.5" width="9" height="9" rx="2" fill=${s.color}></rect>`}
                    </svg>
                    <span class="label" dir="auto">${s.notCoded ? l10n.s.grid.notCoded : s.label}</span>
                    <span class="count" part="count" data-count=${counts[i]}>${aroundNumber(l10n.t(t.studies, { n: counts[i] }), l10n.n(counts[i]))}</span>
                  </button>
                </li>`;
              })}
            </ul>
          </div>`
        : nothing}
      ${view === 'bubble' ? this.sizeKey(max, donut) : nothing}
      ${view === 'heatmap'
        ? html`<div class="shade-key" part="shade-key">
            <span class="key-label" id="shade-label">${t.perCell}</span>
            <ul aria-labelledby="shade-label">
              ${heatScale(max).steps.map(
                (s) => html`<li data-from=${s.from} data-to=${s.to}><span class=${`shade heat-${s.shade}`}></span><span>${s.from === s.to ? l10n.n(s.from) : l10n.t(t.range, { from: s.from, to: s.to })}</span></li>`,
              )}
            </ul>
          </div>`
        : nothing}
      ${view === 'mosaic'
        ? html`<ul class="tile-key" part="tile-key">
            <li><svg class="tile" viewBox="0 0 7 7" aria-hidden="true">${svg`<rect width="7" height="7" fill=${KEY_FILL}></rect>`}</svg><span>${t.tile}</span></li>
            ${max > MOSAIC_CAP ? html`<li>${l10n.t(t.more, { n: MOSAIC_CAP - MOSAIC.columns })}</li>` : nothing}
          </ul>`
        : nothing}
      ${view !== 'table' || r.sgMin
        ? html`<ul class="states-key" part="states-key">
            ${view !== 'table'
              ? html`<li><span class="gap" part="gap"></span><span>${t.gap}</span></li>
                  <li>
                    ${view === 'bubble'
                      ? html`<svg class="bubble" viewBox=${VIEW_BOX} aria-hidden="true">${svg`<circle class="ghost" r=${BUBBLE_SCALE.maxRadius / 2}></circle>`}</svg>`
                      : html`<span class="ghost-box"></span>`}
                    <span>${t.filteredOut}</span>
                  </li>`
              : nothing}
            ${r.sgMin ? html`<li class="sg-key" data-min=${r.sgMin}>${sgMark}<span>${l10n.t(t.synthesisGap, { n: r.sgMin })}</span></li>` : nothing}
          </ul>`
        : nothing}
    </div>`;
  }

  private sizeKey(max: number, donut: boolean) {
    const radius = radiusFor(max);
    return html`<div class="size-key" part="size-key">
      <span class="key-label" id="size-label">${this.l10n.s.legend.perCell}</span>
      <ul aria-labelledby="size-label">
        ${sizeKeyCounts(max).map(
          (n) => html`<li data-count=${n}>
            <svg class="bubble" viewBox=${VIEW_BOX} aria-hidden="true">${bubble(radius(n), [], KEY_FILL, donut)}</svg>
            <span>${this.l10n.t(this.l10n.s.legend.studies, { n })}</span>
          </li>`,
        )}
      </ul>
    </div>`;
  }

  private toggle(segment: SegmentInfo): void {
    const r = this.resolved;
    if (r.status !== 'ok' || !r.axes.segments) return;
    const before = strings(this.hiddenSegments);
    const visible = before.includes(segment.id);
    const after = visible ? before.filter((id) => id !== segment.id) : [...before, segment.id];
    this.hiddenSegments = after;
    const event = new EgmSegmentToggleEvent({ dimensionId: r.axes.segments, categoryId: segment.id, visible });
    if (!this.dispatchEvent(event)) {
      this.hiddenSegments = before;
      return;
    }
    const grid = this.for ? this.findTarget() : undefined;
    if (grid) grid.hiddenSegments = after;
  }
}

if (!customElements.get('egm-legend')) customElements.define('egm-legend', EgmLegend);

declare global {
  interface HTMLElementTagNameMap {
    'egm-legend': EgmLegend;
  }
}
