import { html, LitElement, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { GridFocusController } from '../../controllers/grid-focus-controller.js';
import { isEmptyFilter, normalizeFilters } from '../../core/filter.js';
import type { AxisEntry, GridCounts, GridModel } from '../../core/grid.js';
import type { EgmFilters, EgmIssue, EgmSchema, EgmStudy } from '../../core/types.js';
import { EgmCellSelectEvent } from '../../events/egm-cell-select.js';
import { EgmGroupToggleEvent } from '../../events/egm-group-toggle.js';
import { EgmHeaderSelectEvent } from '../../events/egm-header-select.js';
import { bubble, radiusFor, VIEW, type Slice } from '../../internal/bubble.js';
import { gridModel, resolveAxes, resolveMap, type MapData } from '../../internal/map-data.js';
import { renderIssues } from '../../internal/render-issues.js';
import { styles } from './egm-grid.styles.js';

/** A selected cell. */
export interface EgmCellRef {
  rowId: string;
  columnId: string;
}

/** The views `<egm-grid>` draws. */
export type EgmGridView = 'bubble';

const SEP = '\u001f';
/** Bubbles smaller than this radius (in bubble units) get their count beside them. */
const SMALL_BUBBLE = 10;
const CORNER = 'corner';
const rowKey = (id: string) => `r${SEP}${id}`;
const colKey = (id: string) => `c${SEP}${id}`;
const cellKey = (r: string, c: string) => `x${SEP}${r}${SEP}${c}`;
const plural = (n: number, one: string, many: string) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

/** What `render` needs, computed in `willUpdate` only when its inputs change. */
interface Prepared {
  data: MapData;
  model: GridModel;
  counts: GridCounts;
  filtered: boolean;
  radius: (count: number) => number;
  slots: (string | undefined)[][];
  /** First line index covered by each column entry. */
  colStart: Map<AxisEntry, number>;
}

/**
 * The evidence and gap map matrix: rows × columns of bubbles whose area is the number of
 * distinct studies and whose slices are the segments (e.g. study quality).
 *
 * A WAI-ARIA grid with one tab stop: arrow keys, Home/End, Ctrl+Home/End and PageUp/PageDown
 * move between cells and headers; Enter or Space selects a cell (or a leaf header; on a group
 * header it collapses or expands the group; Shift+Enter there lists the studies coded to the
 * group alone). Every cell carries `data-row`, `data-column`, `data-count` and `data-total`.
 *
 * @summary The bubble matrix of an evidence and gap map.
 *
 * @event egm-cell-select - A cell was selected: `{ rowId, columnId, studyIds }`. Cancelable.
 * @event egm-header-select - A header was activated: `{ axis, categoryId, studyIds, scope? }`.
 * @event egm-group-toggle - A group was collapsed or expanded: `{ axis, categoryId, expanded }`.
 * @event egm-render - Not bubbling: the grid re-rendered (a following `<egm-legend>` listens).
 *
 * @csspart scroller - The scrolling box around the grid.
 * @csspart grid - The grid table.
 * @csspart corner - The top-left header cell.
 * @csspart column-header - A column header.
 * @csspart row-header - A row header.
 * @csspart cell - A cell with a bubble.
 * @csspart bubble - The SVG bubble inside a cell.
 * @csspart error - The error state shown for invalid input.
 *
 * @cssproperty --egm-cell-size - Height of a cell and size of its bubble. Default `3.5rem`.
 * @cssproperty --egm-column-width - Width of a column. Default `6rem`.
 * @cssproperty --egm-color-bubble - Colour of bubbles without segments.
 * @cssproperty --egm-row-header-width - Width of the row headers. Default `15rem`.
 * @cssproperty --egm-grid-max-height - Height after which the grid scrolls. Default `80vh`.
 * @cssproperty --egm-font-family - Font of all elements.
 * @cssproperty --egm-font-size - Base font size. Default `0.875rem`.
 * @cssproperty --egm-color-text - Text colour.
 * @cssproperty --egm-color-text-muted - Secondary text colour.
 * @cssproperty --egm-color-background - Background of cells and headers.
 * @cssproperty --egm-color-surface - Background of headers.
 * @cssproperty --egm-color-border - Grid lines.
 * @cssproperty --egm-color-focus - Focus ring.
 * @cssproperty --egm-color-selected - Ring around the selected cell.
 * @cssproperty --egm-color-gap - Background of a gap (a cell with no studies at all).
 */
export class EgmGrid extends LitElement {
  static override styles = styles;

  /** The map without its studies (a whole map file also works). */
  @property({ attribute: false }) schema?: EgmSchema;
  /** The study list. */
  @property({ attribute: false }) studies?: EgmStudy[];
  /** The filters, as `<egm-filter-bar>` emits them. */
  @property({ attribute: false }) filters?: EgmFilters;
  /** The selected cell, or null. */
  @property({ attribute: false }) selected: EgmCellRef | null = null;
  /** Ids of collapsed groups, on either axis. Groups start expanded. */
  @property({ attribute: false }) collapsed: string[] = [];
  /** Segment category ids to hide (visual only; `""` is "Not coded"). */
  @property({ attribute: false }) hiddenSegments: string[] = [];
  /** Dimension id shown as rows, overriding `layout.rows`. */
  @property({ reflect: true }) rows?: string;
  /** Dimension id shown as columns, overriding `layout.columns`. */
  @property({ reflect: true }) columns?: string;
  /** Dimension id that colours the bubbles' slices, overriding `layout.segments`; `none` for plain bubbles. */
  @property({ reflect: true }) segments?: string;
  /** How cells are drawn. */
  @property({ reflect: true }) view: EgmGridView = 'bubble';
  /** Draw bubbles as donuts rather than pies. */
  @property({ type: Boolean, reflect: true }) donut = false;
  /** Accessible name of the grid; defaults to the map's title and axes. */
  @property() label?: string;

  private prepared?: Prepared;
  private issues?: readonly EgmIssue[];
  private invalidHeading = '';

  private readonly nav = new GridFocusController(this, {
    slots: () => this.prepared?.slots ?? [],
    element: (key) => this.renderRoot.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`),
    rtl: () => getComputedStyle(this).direction === 'rtl',
  });

  /** The grid model currently drawn (rows, columns, segments, totals), if the input is valid. */
  get model(): GridModel | undefined {
    return this.prepared?.model;
  }

  /** The counts currently drawn, under the current filters. */
  get counts(): GridCounts | undefined {
    return this.prepared?.counts;
  }

  /** The distinct studies of a cell under the current filters (what `egm-cell-select` reports). */
  cellStudies(rowId: string, columnId: string): string[] {
    return this.prepared?.model.cellStudies(rowId, columnId, this.filters) ?? [];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const inputs = ['schema', 'studies', 'rows', 'columns', 'segments', 'collapsed', 'filters'] as const;
    if (this.prepared && !inputs.some((k) => changed.has(k))) return;
    this.prepared = undefined;
    this.issues = undefined;
    const state = resolveMap(this.schema, this.studies);
    if (state.status === 'empty') return;
    if (state.status === 'invalid') {
      this.invalidHeading = 'This map could not be shown';
      this.issues = state.issues;
      return;
    }
    const axes = resolveAxes(state.data, { rows: this.rows, columns: this.columns, segments: this.segments });
    if (Array.isArray(axes)) {
      this.invalidHeading = 'This grid’s settings do not fit its map';
      this.issues = axes;
      return;
    }
    const model = gridModel(state.data, axes, this.collapsed ?? []);
    const counts = model.count(this.filters);
    const { slots, colStart } = this.layoutSlots(model);
    this.prepared = {
      data: state.data,
      model,
      counts,
      filtered: !isEmptyFilter(normalizeFilters(this.filters)),
      radius: radiusFor(model.totals.max),
      slots,
      colStart,
    };
  }

  protected override updated(): void {
    const rendered = new Event('egm-render');
    this.dispatchEvent(rendered);
  }

  /** The keyboard slot matrix: header rows, then one row per body row; column 0 is the row header. */
  private layoutSlots(model: GridModel): { slots: (string | undefined)[][]; colStart: Map<AxisEntry, number> } {
    const C = model.columns.lines.length;
    const depth = model.columns.depth;
    const slots: (string | undefined)[][] = [];
    const colStart = new Map<AxisEntry, number>();
    for (let h = 0; h < depth; h++) slots.push([CORNER, ...new Array<string | undefined>(C)]);
    const entries = model.columns.entries;
    entries.forEach((e, i) => {
      let start = e.line;
      if (start < 0) start = entries.slice(i + 1).find((n) => n.line >= 0)?.line ?? 0;
      colStart.set(e, start);
      const lastLevel = e.expanded ? e.depth : depth;
      for (let h = e.depth - 1; h < lastLevel; h++) for (let c = start; c < start + e.span; c++) slots[h][c + 1] = colKey(e.id);
    });
    for (const r of model.rows.entries) {
      const key = rowKey(r.id);
      if (r.expanded) slots.push(new Array<string>(C + 1).fill(key));
      else slots.push([key, ...model.columns.lines.map((c) => cellKey(r.id, c.id))]);
    }
    return { slots, colStart };
  }

  protected override render(): TemplateResult | typeof nothing {
    if (this.issues) return renderIssues(this.invalidHeading, this.issues);
    const p = this.prepared;
    if (!p) return nothing;
    const { model, data } = p;
    const rowsDim = model.rows.dimension.dimension;
    const colsDim = model.columns.dimension.dimension;
    const label = this.label ?? `${data.map.title}: ${rowsDim.label} by ${colsDim.label}`;
    return html`
      <div class="scroller" part="scroller">
        <table
          role="grid"
          part="grid"
          aria-label=${label}
          aria-rowcount=${model.columns.depth + model.rows.entries.length}
          aria-colcount=${model.columns.lines.length + 1}
          @keydown=${this.onKeydown}
          @click=${this.onClick}
          @focusin=${this.onFocusin}
        >
          <thead>
            ${this.renderColumnHeaders(p)}
          </thead>
          <tbody>
            ${repeat(model.rows.entries, (r) => r.id, (r) => this.renderRow(p, r))}
          </tbody>
        </table>
      </div>
      ${data.index.size === 0 ? html`<p class="note" part="note">This map has no studies yet: every cell is a gap.</p>` : nothing}
    `;
  }

  private renderColumnHeaders(p: Prepared): TemplateResult[] {
    const { model } = p;
    const depth = model.columns.depth;
    const rowsDim = model.rows.dimension.dimension;
    const colsDim = model.columns.dimension.dimension;
    const levels: TemplateResult[] = [];
    for (let h = 1; h <= depth; h++) {
      const entries = model.columns.entries.filter((e) => e.depth === h);
      levels.push(html`<tr role="row">
        ${h === 1
          ? html`<th role="columnheader" class="corner" part="corner" rowspan=${depth} data-key=${CORNER} tabindex=${this.nav.tabIndex(CORNER)}>
              <span class="corner-cols">${colsDim.label} →</span>
              <span class="corner-rows">${rowsDim.label} ↓</span>
            </th>`
          : nothing}
        ${repeat(entries, (e) => e.id, (e) => this.renderHeader(p, 'column', e, e.expanded ? 1 : depth - h + 1))}
      </tr>`);
    }
    return levels;
  }

  private renderHeader(p: Prepared, axis: 'row' | 'column', e: AxisEntry, rowspan: number): TemplateResult {
    const key = axis === 'row' ? rowKey(e.id) : colKey(e.id);
    const count = p.model.headerCount(axis, e.id, this.filters);
    const directOnly = e.expanded ? p.model.directOnlyCount(axis, e.id, this.filters) : 0;
    const colspan = axis === 'column' ? e.span : e.expanded ? p.model.columns.lines.length + 1 : 1;
    const descId = `desc-${axis}-${e.node.data.id}`;
    const classes = `head ${axis} depth-${e.depth}${e.group ? ' group' : ''}${e.expanded ? ' expanded' : ''}`;
    const content = html`<span class="head-inner">
        ${e.group ? html`<span class="chevron" aria-hidden="true">${e.expanded ? '▾' : '▸'}</span>` : nothing}
        <span class="head-label" title=${e.description ?? nothing}>${e.label}</span>
        <span class="head-count"><span class="visually-hidden">(</span>${count.toLocaleString()}<span class="visually-hidden"> ${count === 1 ? 'study' : 'studies'})</span></span>
        ${directOnly > 0
          ? html`<button class="direct-only" type="button" tabindex="-1" data-direct=${e.id} data-axis=${axis}
              aria-label=${`+${directOnly} ${e.label} only: ${plural(directOnly, 'study', 'studies')} coded to the group alone`}>+${directOnly} ${e.label} only</button>`
          : nothing}
      </span>
      ${e.description ? html`<span class="visually-hidden" id=${descId}>${e.description}</span>` : nothing}`;
    const role = axis === 'row' ? 'rowheader' : 'columnheader';
    return html`<th
      role=${role}
      scope=${axis === 'row' ? 'row' : e.expanded ? 'colgroup' : 'col'}
      class=${classes}
      part=${axis === 'row' ? 'row-header' : 'column-header'}
      colspan=${colspan}
      rowspan=${rowspan}
      data-key=${key}
      data-axis=${axis}
      data-id=${e.id}
      tabindex=${this.nav.tabIndex(key)}
      aria-expanded=${e.group ? String(e.expanded) : nothing}
      aria-describedby=${e.description ? descId : nothing}
    >${content}</th>`;
  }

  private renderRow(p: Prepared, r: AxisEntry): TemplateResult {
    if (r.expanded) {
      return html`<tr role="row" class="group-row">${this.renderHeader(p, 'row', r, 1)}</tr>`;
    }
    const { model, counts } = p;
    const C = counts.columns;
    return html`<tr role="row">
      ${this.renderHeader(p, 'row', r, 1)}
      ${repeat(model.columns.lines, (c) => c.id, (c) => this.renderCell(p, r, c, r.line * C + c.line))}
    </tr>`;
  }

  private renderCell(p: Prepared, r: AxisEntry, c: AxisEntry, at: number): TemplateResult {
    const { model, counts } = p;
    const count = counts.counts[at];
    const total = model.totals.counts[at];
    const key = cellKey(r.id, c.id);
    const selected = this.selected?.rowId === r.id && this.selected?.columnId === c.id;
    const segs = model.segments;
    const K = segs.length;
    const hidden = this.hiddenSegments ?? [];
    const slices: Slice[] = [];
    const parts: string[] = [];
    for (let k = 0; k < K; k++) {
      const n = counts.segments[at * K + k];
      if (n > 0) parts.push(`${segs[k].label} ${n.toLocaleString()}`);
      if (!hidden.includes(segs[k].id)) slices.push({ index: k, color: segs[k].color, value: n });
    }
    const state = total === 0 ? 'gap' : count === 0 ? 'filtered' : 'filled';
    const head = `${r.label}, ${c.label}: `;
    const amount =
      state === 'gap'
        ? 'no studies (a gap)'
        : state === 'filtered'
          ? `no studies under the current filters (${total.toLocaleString()} in all)`
          : p.filtered && count !== total
            ? `${count.toLocaleString()} of ${plural(total, 'study', 'studies')}`
            : plural(count, 'study', 'studies');
    const name = `${head}${amount}${parts.length ? `; ${parts.join(', ')}` : ''}`;
    const radius = p.radius(count);
    return html`<td
      role="gridcell"
      class=${`cell ${state}${selected ? ' selected' : ''}`}
      part="cell"
      data-key=${key}
      data-row=${r.id}
      data-column=${c.id}
      data-count=${count}
      data-total=${total}
      aria-selected=${selected ? 'true' : 'false'}
      aria-label=${name}
      tabindex=${this.nav.tabIndex(key)}
    >${state === 'gap'
      ? nothing
      : html`<svg class="bubble" part="bubble" viewBox=${`${-VIEW / 2} ${-VIEW / 2} ${VIEW} ${VIEW}`} aria-hidden="true" focusable="false">
          ${state === 'filtered'
            ? svg`<circle class="ghost" r=${p.radius(total)}></circle>`
            : svg`${bubble(radius, slices, 'var(--_bubble)', this.donut)}${countLabel(count, radius)}`}
        </svg>`}</td>`;
  }

  // ---- interaction ----------------------------------------------------------------------

  private keyFromEvent(event: Event): HTMLElement | undefined {
    for (const node of event.composedPath()) {
      if (node === this) return undefined;
      if (node instanceof HTMLElement && node.dataset.key) return node;
    }
    return undefined;
  }

  private readonly onFocusin = (event: FocusEvent) => {
    const el = this.keyFromEvent(event);
    if (el) this.nav.activate(el.dataset.key!);
  };

  private readonly onClick = (event: MouseEvent) => {
    const direct = (event.composedPath().find((n) => n instanceof HTMLElement && n.dataset.direct !== undefined) as HTMLElement | undefined);
    if (direct) {
      this.selectDirectOnly(direct.dataset.axis as 'row' | 'column', direct.dataset.direct!);
      return;
    }
    const el = this.keyFromEvent(event);
    if (!el) return;
    this.nav.activate(el.dataset.key!, true);
    this.activate(el, false);
  };

  private readonly onKeydown = (event: KeyboardEvent) => {
    if (this.nav.handleKey(event)) {
      event.preventDefault();
      return;
    }
    if (event.key !== 'Enter' && event.key !== ' ') return;
    const el = this.keyFromEvent(event);
    if (!el) return;
    event.preventDefault();
    this.activate(el, event.shiftKey);
  };

  /** Enter, Space or a click on a cell or header. */
  private activate(el: HTMLElement, shift: boolean): void {
    const key = el.dataset.key!;
    if (key.startsWith('x')) {
      this.selectCell(el.dataset.row!, el.dataset.column!);
      return;
    }
    const axis = el.dataset.axis as 'row' | 'column' | undefined;
    const id = el.dataset.id;
    if (!axis || id === undefined) return;
    const entry = (axis === 'row' ? this.prepared?.model.rows : this.prepared?.model.columns)?.byId.get(id);
    if (!entry) return;
    if (entry.group && shift) this.selectDirectOnly(axis, id);
    else if (entry.group) this.toggleGroup(axis, id);
    else {
      const select = new EgmHeaderSelectEvent({ axis, categoryId: id, studyIds: this.prepared!.model.headerStudies(axis, id, this.filters) });
      this.dispatchEvent(select);
    }
  }

  private selectCell(rowId: string, columnId: string): void {
    const previous = this.selected;
    this.selected = { rowId, columnId };
    const event = new EgmCellSelectEvent({ rowId, columnId, studyIds: this.cellStudies(rowId, columnId) });
    if (!this.dispatchEvent(event)) this.selected = previous;
  }

  private selectDirectOnly(axis: 'row' | 'column', groupId: string): void {
    const studyIds = this.prepared?.model.directOnlyStudies(axis, groupId, this.filters) ?? [];
    const select = new EgmHeaderSelectEvent({ axis, categoryId: groupId, studyIds, scope: 'direct' });
    this.dispatchEvent(select);
  }

  private toggleGroup(axis: 'row' | 'column', id: string): void {
    const collapsed = new Set(this.collapsed ?? []);
    const expanded = collapsed.has(id);
    if (expanded) collapsed.delete(id);
    else collapsed.add(id);
    this.collapsed = [...collapsed];
    // The header's row is re-rendered in its other shape: keep focus on it.
    this.nav.activate(axis === 'row' ? rowKey(id) : colKey(id), true);
    const toggle = new EgmGroupToggleEvent({ axis, categoryId: id, expanded });
    this.dispatchEvent(toggle);
  }
}

/** The count inside a bubble, or beside it when the bubble is too small to hold it. */
function countLabel(count: number, radius: number) {
  const inside = radius >= SMALL_BUBBLE;
  return svg`<text class=${inside ? 'n' : 'n beside'} x=${inside ? 0 : radius + 2} text-anchor=${inside ? 'middle' : 'start'} dy="0.35em">${count}</text>`;
}

if (!customElements.get('egm-grid')) customElements.define('egm-grid', EgmGrid);

declare global {
  interface HTMLElementTagNameMap {
    'egm-grid': EgmGrid;
  }
}
