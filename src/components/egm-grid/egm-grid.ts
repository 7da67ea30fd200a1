import { adoptStyles, html, LitElement, nothing, svg, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import { GridFocusController } from '../../controllers/grid-focus-controller.js';
import { LocaleController } from '../../controllers/locale-controller.js';
import { ViewportController } from '../../controllers/viewport-controller.js';
import { isEmptyFilter, normalizeFilters } from '../../core/filter.js';
import { formatMessage, formatNumber } from '../../core/i18n.js';
import type { AxisEntry, GridCounts, GridModel, HeaderCounts } from '../../core/grid.js';
import { heatScale, type HeatScale } from '../../core/heat.js';
import { synthesisGapAt, synthesisGapMin } from '../../core/synthesis.js';
import type { EgmFilters, EgmIssue, EgmSchema, EgmStudy } from '../../core/types.js';
import type { EgmLocale } from '../../i18n/registry.js';
import { EgmCellSelectEvent } from '../../events/egm-cell-select.js';
import { EgmGroupToggleEvent } from '../../events/egm-group-toggle.js';
import { EgmHeaderSelectEvent } from '../../events/egm-header-select.js';
import { EgmSelectionClearEvent } from '../../events/egm-selection-clear.js';
import { aroundNumber, bubbleParts, gridView, mosaic, MOSAIC_VIEW, radiusFor, VIEW, type GridView, type Slice } from '../../internal/bubble.js';
import { gridModel, resolveAxes, resolveMap, type MapData } from '../../internal/map-data.js';
import { deferredCode, loadDeferredCode, loadDeferredWhenIdle } from '../../internal/deferred-loader.js';
import { PRINT_COLUMNS, PRINT_PAGE, PrintController } from '../../internal/print.js';
import { printStyles } from '../../internal/print.styles.js';
import { renderIssues } from '../../internal/render-issues.js';
import { styles } from './egm-grid.styles.js';

/** A selected cell. */
export interface EgmCellRef {
  rowId: string;
  columnId: string;
}

/**
 * How `<egm-grid>` draws its cells: `bubble` (area by count, slices by segment), `heatmap`
 * (shade by count, with the count), `mosaic` (a tile per study, coloured by segment) or `table`
 * (a static data table of the counts). Any other value draws bubbles.
 */
export type EgmGridView = GridView;
/** `highlight` values. */
export type EgmGridHighlight = 'synthesis-gaps';
/**
 * Which cells `<egm-grid>` keeps in the page: `all`, `near` (those on or near the screen) or
 * `auto` (near above 1,000 cells in the grid views, else all). See docs/performance.md.
 */
export type EgmGridCells = 'auto' | 'all' | 'near';

const SEP = '\u001f';
/** Bubbles smaller than this radius (in bubble units) get their count beside them. */
const SMALL_BUBBLE = 10;
const CORNER = 'corner';
const rowKey = (id: string) => `r${SEP}${id}`;
const colKey = (id: string) => `c${SEP}${id}`;
const cellKey = (r: string, c: string) => `x${SEP}${r}${SEP}${c}`;

/**
 * How long a background task drawing off-screen cells should take. The number of cells per
 * task adapts to it (starting from CHUNK_CELLS), so that on a slow machine no task runs long
 * and on a fast one few tasks (each followed by a frame) are needed.
 */
const CHUNK_MS = 20;
const CHUNK_CELLS = 200;
/** The longest a background share waits for a frame, then for the page to be idle. */
const CHUNK_WAIT_MS = 100;
/**
 * Rows whose headers the first render of a map draws (unless the tab stop or a selection is in
 * the body; a large grid's first render draws none: see `rowsToDraw`); the others follow in
 * background shares. A laptop's screen shows 8–14 of the grid's rows below the map's toolbar
 * and legend.
 */
const FIRST_ROWS = 12;
/** Rows each background share adds to them until all are drawn. */
const ROWS_MORE = 16;
/**
 * How long the script of a render may spend drawing cells for the first time (new DOM, whole
 * rows, the first always). The frame that shows them costs about twice as much again in style,
 * layout and paint: on this project's 2-core test machine a new cell costs about 0.3 ms of
 * script and 0.6 ms of layout, and a screen of them (150 and more) drawn at once made frames of
 * 100 ms; with 12 ms, frames of 48 new cells still reached 50-75 ms (docs/performance.md, tenth
 * session). Cells drawn before and changed by a filter do not count: they change attributes only.
 */
const FRESH_MS = 8;
/** Columns counted as in view before the IntersectionObserver has said which are. */
const FIRST_COLUMNS = 12;
/** Above this many cells (leaf rows × leaf columns shown), `cells="auto"` draws only those near the screen. */
const NEAR_CELLS = 1000;
/**
 * How far beyond the scroll box's visible part a row or column counts as near (drawn when only
 * the cells near the screen are): about six rows above and below, five columns to the right.
 */
const NEAR_MARGIN = '320px 480px';

/** Shallow equality of two dependency lists (what `guard` compares), from index `from` on. */
const same = (a: readonly unknown[], b: readonly unknown[], from = 0) => {
  if (a.length !== b.length) return false;
  for (let i = from; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
};
/** In a header's dependency list, the counts (1–4) come before this index; the rest is its shape. */
const NUMBERS_END = 5;

/** What depends on the grid model only (not on the filter): computed once per model. */
interface Layout {
  radius: (count: number) => number;
  heat: HeatScale;
  slots: (string | undefined)[][];
  /** First line index covered by each column entry. */
  colStart: Map<AxisEntry, number>;
  /** Cell keys, at `row line × columns + column line`. */
  cellKeys: string[];
  /**
   * The headers' counts without filters: the most each header can show under any filter, so
   * the room kept for its count (see `renderHeader`) never changes with the filter.
   */
  maxHeads: HeaderCounts;
}
const layouts = new WeakMap<GridModel, Layout>();

/** What `render` needs, computed in `willUpdate` only when its inputs change. */
interface Prepared extends Layout {
  data: MapData;
  model: GridModel;
  counts: GridCounts;
  heads: HeaderCounts;
  filtered: boolean;
  /**
   * Per cell, a number that changes whenever the cell's counts change: with the model, the
   * selection and the tab stop it decides whether a cell's template is rebuilt at all.
   */
  versions: Uint32Array;
  /** Per row line, a number that changes whenever any of its cells' counts change. */
  rowVersions: Uint32Array;
}

/** How a body row was last drawn. */
interface RowState {
  /** The row's inputs when it was drawn. */
  deps: unknown[];
  /** The `guard` key of the row's template: the same token keeps the row as it is. */
  token: object;
  /** Every cell shows `deps`' data (no cell was left for later). */
  complete: boolean;
  /** How many of the row's leading cells are drawn (a row drawn for the screen may stop early). */
  cells: number;
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
 * `view` draws the same counts as bubbles (the default), a heat map, a mosaic (a tile per study)
 * or a static data table; `highlight="synthesis-gaps"` marks the cells with at least
 * `synthesis-gap-min` primary studies and no review (`data-synthesis-gap` holds their number of
 * primary studies). See docs/views.md.
 *
 * Large maps stay responsive: after a change only the cells and header counts whose numbers
 * changed are redrawn, those on screen in the same frame and the others in short background
 * tasks (`updateComplete` resolves once every cell drawn and header is current). A grid of more
 * than 1,000 cells keeps only the cells near the screen in the page (`cells`). A new map is drawn
 * in steps, a frame each, so that no step blocks the page for long: the headers and the first
 * rows' cells (a grid of more than 1,000 cells: its column headers alone, then the first rows),
 * then the rest of the screen a few rows at a time (as many new cells as the machine draws in
 * about 8 ms of script), then the other rows. See docs/performance.md.
 *
 * @summary The matrix of an evidence and gap map: bubbles, heat map, mosaic or table.
 *
 * @event egm-cell-select - A cell was selected: `{ rowId, columnId, studyIds }`. Cancelable.
 * @event egm-header-select - A header was activated: `{ axis, categoryId, studyIds, scope? }`.
 * @event egm-group-toggle - A group was collapsed or expanded: `{ axis, categoryId, expanded }`.
 * @event egm-selection-clear - Escape (or `clearSelection()`) cleared the selected cell: `{ rowId, columnId }`.
 * @event egm-render - Not bubbling: the grid re-rendered (a following `<egm-legend>` listens).
 *
 * @attribute theme - `dark` for the dark theme, `auto` to follow the reader's system (`prefers-color-scheme`); the elements inside follow (docs/theming.md).
 * @csspart scroller - The scrolling box around the grid.
 * @csspart grid - The grid table.
 * @csspart corner - The top-left header cell.
 * @csspart column-header - A column header.
 * @csspart row-header - A row header.
 * @csspart cell - A cell (a bubble, a shade, tiles or, in the table view, text).
 * @csspart bubble - The SVG bubble inside a cell.
 * @csspart mosaic - The SVG tiles inside a cell (mosaic view).
 * @csspart error - The error state shown for invalid input.
 * @csspart note - The note under an empty map ("This map has no studies yet…").
 * @csspart print - The printed copy, drawn only while the page prints (tables of column chunks).
 *
 * @cssproperty --egm-cell-size - Height of a cell and size of its bubble. Default `3.5rem`.
 * @cssproperty --egm-column-width - Width of a column. Default `6rem`.
 * @cssproperty --egm-column-label-lines - Lines a column header's label shows before it is cut short (its tooltip and accessible name keep it whole). Default `4`.
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
 * @cssproperty --egm-color-synthesis-gap - Outline and marker of a synthesis gap. Default `#7b2cbf`.
 */
export class EgmGrid extends LitElement {
  /**
   * The script time of one new cell in ms (FRESH_MS), measured as grids draw and shared by every
   * grid of the page; a first guess for a slow machine until then. Not API: tests set it.
   */
  private static freshCellMs = 0.3;

  static override styles = [styles, printStyles];
  /**
   * Lit's reactive properties, declared here rather than by decorators (a smaller bundle). Each
   * element's table is written out whole: the manifest analyzer reads it as it stands, and a
   * table spread from a shared one loses the element from custom-elements.json.
   */
  static override properties: PropertyDeclarations = {
    schema: { attribute: false },
    studies: { attribute: false },
    filters: { attribute: false },
    selected: { attribute: false },
    collapsed: { attribute: false },
    hiddenSegments: { attribute: false },
    rows: { reflect: true },
    columns: { reflect: true },
    segments: { reflect: true },
    view: { reflect: true },
    highlight: { reflect: true },
    synthesisGapMin: { type: Number, reflect: true, attribute: 'synthesis-gap-min' },
    cells: { reflect: true },
    donut: { type: Boolean, reflect: true },
    label: {},
    printColumns: { type: Number, attribute: 'print-columns' },
    printPage: { attribute: 'print-page' },
    strings: { attribute: false },
  };

  /** The map without its studies (a whole map file also works). */
  schema?: EgmSchema;
  /** The study list. */
  studies?: EgmStudy[];
  /** The filters, as `<egm-filter-bar>` emits them. */
  filters?: EgmFilters;
  /** The selected cell, or null. */
  selected: EgmCellRef | null = null;
  /** Ids of collapsed groups, on either axis. Groups start expanded. */
  collapsed: string[] = [];
  /** Segment category ids to hide (visual only; `""` is "Not coded"). */
  hiddenSegments: string[] = [];
  /** Dimension id shown as rows, overriding `layout.rows`. */
  rows?: string;
  /** Dimension id shown as columns, overriding `layout.columns`. */
  columns?: string;
  /** Dimension id that colours the bubbles' slices, overriding `layout.segments`; `none` for plain bubbles. */
  segments?: string;
  /**
   * How cells are drawn: `bubble`, `heatmap`, `mosaic` or `table` (see docs/views.md). Every
   * view shows the same counts; an unknown value draws bubbles. `table` is a static data table
   * (no keyboard grid, no selection by click).
   */
  view: EgmGridView = 'bubble';
  /**
   * `synthesis-gaps` marks the cells with at least `synthesis-gap-min` primary studies and no
   * review under the current filters (a dashed outline, a ◇ and their names say so). Needs the
   * map's `layout.reviews`; without it nothing is marked.
   */
  highlight?: EgmGridHighlight;
  /** The least number of primary (non-review) studies of a synthesis gap: a whole number ≥ 1 (other values give 5). */
  synthesisGapMin: number = 5;
  /**
   * Which cells are in the page. `all`: every cell. `near`: only the cells on or near the screen
   * (the rest are drawn as they scroll in, and dropped as they scroll away), so that a large
   * map filters, scrolls and paints as fast as a small one. `auto` (the default): `near` when the
   * grid shows more than 1,000 cells, else `all`. The table view always has every cell. Host
   * tests that look up cells off screen in a large grid set `all` (or scroll them into view).
   */
  cells: EgmGridCells = 'auto';
  /** Draw bubbles as donuts rather than pies. */
  donut = false;
  /** Accessible name of the grid; defaults to the map's title and axes. */
  label?: string;
  /**
   * Printing: leaf columns per printed chunk. Wider maps print in chunks of this many columns,
   * each starting a new page with the row headers, and the column headers repeated on every page.
   */
  printColumns = PRINT_COLUMNS;
  /** Printing: the `@page` size asked for while the grid prints; `""` leaves it to the host page. */
  printPage = PRINT_PAGE;
  /** Replacement strings (any part of the English table, src/i18n/en.ts); see docs/i18n.md. */
  strings?: EgmLocale;

  private readonly l10n = new LocaleController(this);
  private readonly printer = new PrintController(this);
  private prepared?: Prepared;
  private issues?: readonly EgmIssue[];
  /** The heading over `issues`: a key of the `grid` strings. */
  private invalidHeading: 'invalid' | 'badSettings' = 'invalid';

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
      this.invalidHeading = 'invalid';
      this.issues = state.issues;
      return;
    }
    const axes = resolveAxes(state.data, { rows: this.rows, columns: this.columns, segments: this.segments });
    if (Array.isArray(axes)) {
      this.invalidHeading = 'badSettings';
      this.issues = axes;
      return;
    }
    const model = gridModel(state.data, axes, this.collapsed ?? []);
    const counts = model.count(this.filters);
    let layout = layouts.get(model);
    if (!layout) layouts.set(model, (layout = this.layout(model)));
    this.prepared = {
      ...layout,
      data: state.data,
      model,
      counts,
      heads: model.headerCounts(this.filters),
      filtered: !isEmptyFilter(normalizeFilters(this.filters)),
      ...this.versionsFor(model, counts),
    };
  }

  private readonly versions = new WeakMap<GridModel, { counts: GridCounts; versions: Uint32Array; rowVersions: Uint32Array }>();

  /**
   * Bumps the version of every cell (and its row) whose counts differ from those this model
   * last had. A (model, version) pair thus names one set of counts for a cell, for good.
   */
  private versionsFor(model: GridModel, counts: GridCounts): { versions: Uint32Array; rowVersions: Uint32Array } {
    const last = this.versions.get(model);
    if (!last) {
      const fresh = { counts, versions: new Uint32Array(counts.counts.length), rowVersions: new Uint32Array(counts.rows) };
      this.versions.set(model, fresh);
      return fresh;
    }
    if (last.counts !== counts) {
      const K = model.segments.length;
      const C = counts.columns;
      const { versions, rowVersions } = last;
      const a = last.counts, b = counts;
      for (let i = 0; i < versions.length; i++) {
        let changed = a.counts[i] !== b.counts[i];
        changed ||= a.reviews[i] !== b.reviews[i];
        for (let k = i * K; !changed && k < (i + 1) * K; k++) changed = a.segments[k] !== b.segments[k] || a.firstSegments[k] !== b.firstSegments[k];
        if (changed) {
          versions[i]++;
          rowVersions[Math.floor(i / C)]++;
        }
      }
      last.counts = counts;
    }
    return last;
  }

  // ---- drawing the visible part first ------------------------------------------------------
  //
  // An update draws the rows and columns on screen at once, and leaves the other changed rows
  // for background tasks of CHUNK_CELLS cells each. With `cells="all"` (and `auto` up to
  // NEAR_CELLS cells) the DOM holds every cell, and `updateComplete` resolves once every cell
  // shows the current data. Otherwise only the rows and columns near the screen have cells
  // (and the tab stop and the selected cell): those coming near are drawn, those going away
  // dropped, and `updateComplete` resolves once every cell near the screen is current.

  private readonly viewport = new ViewportController(this, {
    targets: () => this.renderRoot.querySelectorAll<HTMLElement>('th[data-axis]'),
    changed: () => {
      if (this.behind) this.requestUpdate();
    },
  });
  /**
   * The rows and columns near the screen (within NEAR_MARGIN): while only the cells near the
   * screen are kept (`windowed`), a row or column coming near is drawn, one going away dropped.
   */
  private readonly nearby = new ViewportController(this, {
    targets: () => this.renderRoot.querySelectorAll<HTMLElement>('th[data-axis]'),
    margin: NEAR_MARGIN,
    changed: () => {
      if (this.windowed) this.requestUpdate();
    },
  });
  /** Only the cells near the screen are kept (see `cells`); decided at each render. */
  private windowed = false;
  /** Every cell is drawn now, in this render: printing without the printed copy (see `renderPrint`). */
  private whole = false;
  private readonly rowStates = new Map<string, RowState>();
  private readonly cellDeps = new Map<string, unknown[]>();
  /** Rows whose cells do not all show the current data yet (cleared, and said again, at each render). */
  private readonly pending = new Set<string>();
  /** Some headers off screen still show the numbers of an earlier filter. */
  private headsBehind = false;
  /** Rows or headers are left for a background share. */
  private get shares(): boolean {
    return this.pending.size > 0 || this.headsBehind || this.rowsLeft;
  }
  /**
   * Whether anything drawn is not current yet: rows or headers left for the background, or
   * (keeping only the cells near the screen) which rows are near is not known yet.
   */
  private get behind(): boolean {
    return this.shares || (this.windowed && !this.nearby.known());
  }
  /** What each header (by key) was last drawn from: an off-screen header that changed waits. */
  private readonly headDeps = new Map<string, unknown[]>();
  /** Cells the current update may draw off screen (a background task's share). */
  private budget = 0;
  /** Cells the current render may still draw for the first time (FRESH_MS), and has drawn. */
  private fresh = 0;
  private freshDrawn = 0;
  /** When the current render began; whether it left rows on screen for the next share (FRESH_MS). */
  private renderStart = 0;
  private screenLeft = false;
  /** The map whose first render drew only the first FIRST_ROWS rows; how many rows are drawn. */
  private stagedFor?: MapData;
  private rowCut = Infinity;
  /** The current render draws rows the first render left out. */
  private rowsAdded = false;
  /** Rows of the model not drawn yet (the first render of a map); rows drawn, and watched. */
  private rowsLeft = false;
  private rowsDrawn = 0;
  private rowsWatched = 0;
  private background = false;
  /** Cells per background task, adapted to CHUNK_MS; when the current task started. */
  private chunkCells = CHUNK_CELLS;
  private chunkStart = 0;
  /** Cancels the background share waiting to run, if any. */
  private chunkTimer?: () => void;
  private waiters: (() => void)[] = [];

  /** Also waits for the rows left for later and, while printing, for the printed copy's code. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let result = await super.getUpdateComplete();
    for (;;) {
      if (this.printWaiting) await this.printWaiting;
      else if (this.behind && this.isConnected) await new Promise<void>((resolve) => this.waiters.push(resolve));
      else return result;
      result = await super.getUpdateComplete();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.watched = undefined;
    this.chunkTimer?.();
    this.chunkTimer = undefined;
    this.release();
  }

  private release(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }

  /**
   * Draws the next share of the rows left for later, in a task of its own: after the next frame
   * (a share run before it would hold back the frame that shows the update a reader is waiting
   * for), once the page is idle (input first), or at once when rows on screen wait (FRESH_MS).
   * CHUNK_WAIT_MS bounds each wait: a hidden page draws no frames, and a busy one has no idle
   * time.
   */
  private scheduleChunk(): void {
    if (this.chunkTimer !== undefined) return;
    let frame = 0;
    let idle: number | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = () => {
      this.chunkTimer = undefined;
      if (!this.shares || !this.isConnected) return this.release();
      this.background = true;
      this.budget = this.chunkCells;
      this.chunkStart = performance.now();
      this.requestUpdate();
    };
    const afterFrame = () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      // Rows on screen that wait, or a first render that drew the column headers alone: at once.
      if (typeof requestIdleCallback === 'function' && !this.screenLeft && this.rowCut !== 0) idle = requestIdleCallback(run, { timeout: CHUNK_WAIT_MS });
      else timer = setTimeout(run);
    };
    frame = requestAnimationFrame(afterFrame);
    timer = setTimeout(afterFrame, CHUNK_WAIT_MS);
    this.chunkTimer = () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      if (idle !== undefined) cancelIdleCallback(idle);
    };
  }

  /** The model whose headers the viewport controller watches. */
  private watched?: GridModel;

  protected override updated(): void {
    // The printed copy's code, before anyone prints (once a map is drawn and the page idle).
    if (this.prepared) loadDeferredWhenIdle();
    if (this.prepared?.model !== this.watched || this.rowsDrawn !== this.rowsWatched) {
      this.watched = this.prepared?.model;
      this.rowsWatched = this.rowsDrawn;
      this.viewport.sync();
      this.nearby.sync();
    }
    const background = this.background;
    if (background) {
      const took = performance.now() - this.chunkStart;
      const drawn = this.chunkCells - Math.max(0, this.budget);
      if (took > 0 && drawn >= this.chunkCells / 2) {
        this.chunkCells = Math.round(Math.min(4 * CHUNK_CELLS, Math.max(CHUNK_CELLS / 4, (this.chunkCells * CHUNK_MS) / took)));
      }
    }
    // The script time of a new cell (an upper bound: the render did other work too; at most 2
    // ms, so that a collection of garbage during the render does not stall the next ones).
    if (this.freshDrawn >= 8) {
      const each = Math.min(2, (performance.now() - this.renderStart) / this.freshDrawn);
      EgmGrid.freshCellMs = Math.max(0.02, 0.6 * EgmGrid.freshCellMs + 0.4 * each);
    }
    this.background = false;
    this.budget = 0;
    if (this.shares) this.scheduleChunk();
    else if (!this.behind) this.release();
    // A background share changes no input: a following legend has nothing new to read.
    if (background) return;
    const rendered = new Event('egm-render');
    this.dispatchEvent(rendered);
  }

  /**
   * The model's layout: the keyboard slot matrix (header rows, then one row per body row;
   * column 0 is the row header), where column headers start, and the cell keys.
   */
  private layout(model: GridModel): Layout {
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
    const cellKeys = new Array<string>(model.rows.lines.length * C);
    for (const r of model.rows.lines) for (const c of model.columns.lines) cellKeys[r.line * C + c.line] = cellKey(r.id, c.id);
    for (const r of model.rows.entries) {
      const key = rowKey(r.id);
      if (r.expanded) slots.push(new Array<string>(C + 1).fill(key));
      else slots.push([key, ...cellKeys.slice(r.line * C, (r.line + 1) * C)]);
    }
    return { radius: radiusFor(model.totals.max), heat: heatScale(model.totals.max), slots, colStart, cellKeys, maxHeads: model.headerCounts(undefined) };
  }

  /** The key holding the tab stop, looked up once per render rather than once per cell. */
  private active?: string;

  protected override render(): TemplateResult | typeof nothing {
    // Each row says again whether it is pending: a row gone from the model (its group
    // collapsed, its category hidden) must not keep the grid waiting for it.
    this.pending.clear();
    const l10n = this.l10n;
    const g = l10n.s.grid;
    if (this.issues) return renderIssues(g[this.invalidHeading], this.issues, l10n);
    const p = this.prepared;
    if (!p) return nothing;
    const { model, data } = p;
    // A background share brings every header up to date (those off screen wait for it).
    if (this.background) this.headsBehind = false;
    this.active = this.nav.activeKey;
    this.renderStart = performance.now();
    // Core names the segment of uncoded studies in English: its label comes from the strings.
    this.segmentLabels = model.segments.map((s) => (s.notCoded ? g.notCoded : s.label));
    this.look = gridView(this.view);
    const grid = (this.grid = this.look !== 'table');
    const cells = model.rows.lines.length * model.columns.lines.length;
    // (Without an IntersectionObserver, as in jsdom, nothing is known to be near: every cell.)
    // Printing without the printed copy's code (see renderPrint): every cell, so that the screen
    // grid prints whole.
    this.whole = this.printer.printing && !deferredCode();
    this.windowed = !this.whole && grid && typeof IntersectionObserver !== 'undefined' && (this.cells === 'near' || (this.cells !== 'all' && cells > NEAR_CELLS));
    // A background share draws the rows on screen that the last render had no allowance for, or
    // else the next rows the first render left out, with no new cells: their headers are its
    // frame's work.
    const rows = this.rowsToDraw(p, this.background && !this.screenLeft);
    this.fresh = this.rowsAdded ? 0 : Math.max(8, Math.round(FRESH_MS / EgmGrid.freshCellMs));
    this.freshDrawn = 0;
    this.screenLeft = false;
    const lines = model.columns.lines;
    this.viewReach = this.reach(this.viewport, lines);
    this.nearReach = this.windowed ? Math.max(this.reach(this.nearby, lines), this.viewReach) : lines.length;
    this.sgMin = this.highlight === 'synthesis-gaps' && model.hasReviews ? synthesisGapMin(this.synthesisGapMin) : 0;
    const rowsDim = model.rows.dimension.dimension;
    const colsDim = model.columns.dimension.dimension;
    const label = this.label ?? l10n.t(g.label, { title: data.map.title, rows: rowsDim.label, columns: colsDim.label });
    return html`
      ${this.printer.printing ? this.renderPrint(p) : nothing}
      <div class="scroller" part="scroller" role=${grid ? nothing : 'region'} aria-label=${grid ? nothing : label} tabindex=${grid ? nothing : 0}>
        <table
          class=${`view-${this.look}`}
          role=${grid ? 'grid' : nothing}
          part="grid"
          aria-label=${grid ? label : nothing}
          aria-rowcount=${grid ? model.columns.depth + model.rows.entries.length : nothing}
          aria-colcount=${grid ? model.columns.lines.length + 1 : nothing}
          @keydown=${this.onKeydown}
          @click=${this.onClick}
          @focusin=${this.onFocusin}
        >
          ${grid ? nothing : html`<caption class="visually-hidden">${label}</caption>`}
          <thead>
            ${this.renderColumnHeaders(p)}
          </thead>
          <tbody>
            ${repeat(rows, (r) => r.id, (r, i) => this.renderRow(p, r, i))}
          </tbody>
        </table>
      </div>
      ${data.index.size === 0 ? html`<p class="note" part="note">${g.empty}</p>` : nothing}
    `;
  }

  /**
   * The body rows to draw. A map's first render draws the first FIRST_ROWS (all of them when
   * the tab stop or a selection is in the body): laying out every row header for the first time
   * is most of the first frame's cost. A large grid (only the cells near the screen kept) draws
   * no body row at first: its column headers alone make the first frame, and its first share,
   * in the task right after that frame, draws ROWS_MORE rows with as many new cells as the
   * allowance permits. Later background shares (`more`) draw ROWS_MORE more rows each, with no
   * new cells.
   */
  private rowsToDraw(p: Prepared, more: boolean): readonly AxisEntry[] {
    const entries = p.model.rows.entries;
    if (p.data !== this.stagedFor) {
      this.stagedFor = p.data;
      this.rowCut = this.windowed ? 0 : FIRST_ROWS;
    }
    this.rowsAdded = false;
    // Printing, a selection, or the tab stop in the body (a keyboard user's Ctrl+End in the
    // first frames, say): every row at once.
    const a = this.active;
    if (this.whole || this.selected || (a?.[1] === SEP && a[0] !== 'c')) this.rowCut = Infinity;
    else if (more && this.rowCut < entries.length) {
      // (The first share after the column headers alone draws new cells too, within the
      // allowance, as a small grid's first render does.)
      this.rowsAdded = this.rowCut > 0;
      this.rowCut += ROWS_MORE;
    }
    const n = Math.min(this.rowCut, entries.length);
    // Every row drawn: no cut from now on (rows a group opens later are drawn as any other).
    if (!(this.rowsLeft = n < entries.length)) this.rowCut = Infinity;
    this.rowsDrawn = n;
    return this.rowsLeft ? entries.slice(0, n) : entries;
  }

  /**
   * The printed copy, from the code drawn after the first screen (`deferred.ts`, fetched once
   * the page is idle). A page printed before it is here (in its first seconds) prints the screen
   * grid instead, with every cell drawn (`whole`) and unclipped (print.styles.ts); the code is
   * fetched then, for the next print.
   */
  private renderPrint(p: Prepared): TemplateResult | typeof nothing {
    const code = deferredCode();
    if (!code) {
      this.printWaiting ??= loadDeferredCode()
        .then(() => this.requestUpdate(), () => undefined)
        .finally(() => (this.printWaiting = undefined));
      return nothing;
    }
    // The copy's style sheet came with its code: added to the element's own, once.
    if (!this.printStyled) {
      this.printStyled = true;
      adoptStyles(this.renderRoot as ShadowRoot, [...EgmGrid.elementStyles, code.printViewStyles]);
    }
    return code.printView({
      model: p.model,
      counts: p.counts,
      filtered: p.filtered,
      perChunk: this.printColumns,
      hiddenSegments: this.hiddenSegments ?? [],
      donut: this.donut,
      lang: this.l10n.lang,
      strings: this.l10n.s.print,
    });
  }

  /** The printed copy's code on its way (see `renderPrint`); whether its styles are adopted. */
  private printWaiting?: Promise<unknown>;
  private printStyled = false;

  /** The view drawn (the `view` attribute, or bubbles), whether it is a grid (not the table), the synthesis-gap threshold (0: off). */
  private look: EgmGridView = 'bubble';
  private grid = true;
  private sgMin = 0;
  /** The segments' labels, in `model.segments` order, as shown ("Not coded" from the strings). */
  private segmentLabels: string[] = [];

  /**
   * How many leading columns a complete row has: all of them, or while only the cells near the
   * screen are kept, those up to the last column near it (the keyboard's tab stop and the
   * selected cell are drawn besides, wherever they are).
   */
  private nearReach = 0;
  /** How many leading columns reach the last one in view (worked out once per render). */
  private viewReach = 0;

  /** Whether the grid is laid out right to left (from `dir`, without computing styles). */
  private isRtl(): boolean {
    try {
      return this.matches(':dir(rtl)');
    } catch {
      return getComputedStyle(this).direction === 'rtl';
    }
  }

  private tab(key: string): 0 | -1 | typeof nothing {
    return !this.grid ? nothing : key === this.active ? 0 : -1;
  }

  private renderColumnHeaders(p: Prepared): TemplateResult[] {
    const { model } = p;
    const depth = model.columns.depth;
    const rowsDim = model.rows.dimension.dimension;
    const colsDim = model.columns.dimension.dimension;
    const levels: TemplateResult[] = [];
    const indexed = model.columns.entries.map((e, i) => ({ e, i }));
    for (let h = 1; h <= depth; h++) {
      const entries = indexed.filter(({ e }) => e.depth === h);
      levels.push(html`<tr role=${this.grid ? 'row' : nothing}>
        ${h === 1
          ? html`<th role=${this.grid ? 'columnheader' : nothing} class="corner" part="corner" rowspan=${depth} data-key=${CORNER} tabindex=${this.tab(CORNER)}>
              <span class="corner-cols">${this.l10n.t(this.isRtl() ? this.l10n.s.grid.cornerColumnsRtl : this.l10n.s.grid.cornerColumns, { label: colsDim.label })}</span>
              <span class="corner-rows">${this.l10n.t(this.l10n.s.grid.cornerRows, { label: rowsDim.label })}</span>
            </th>`
          : nothing}
        ${repeat(entries, ({ e }) => e.id, ({ e, i }) => this.renderHeader(p, 'column', e, i, e.expanded ? 1 : depth - h + 1))}
      </tr>`);
    }
    return levels;
  }

  /** A header; `i` is its index in the axis' entries. Rebuilt only when its count or tab stop changes. */
  private renderHeader(p: Prepared, axis: 'row' | 'column', e: AxisEntry, i: number, rowspan: number) {
    const key = axis === 'row' ? rowKey(e.id) : colKey(e.id);
    const count = axis === 'row' ? p.heads.rows[i] : p.heads.columns[i];
    const directOnly = e.expanded ? (axis === 'row' ? p.heads.rowsDirectOnly[i] : p.heads.columnsDirectOnly[i]) : 0;
    const maxCount = axis === 'row' ? p.maxHeads.rows[i] : p.maxHeads.columns[i];
    const maxDirect = e.expanded ? (axis === 'row' ? p.maxHeads.rowsDirectOnly[i] : p.maxHeads.columnsDirectOnly[i]) : 0;
    const colspan = axis === 'column' ? e.span : e.expanded ? p.model.columns.lines.length + 1 : 1;
    const tabindex = this.tab(key);
    const grid = this.grid;
    const l10n = this.l10n;
    let deps: unknown[] = [e, count, directOnly, maxCount, maxDirect, colspan, rowspan, tabindex, grid, l10n.s, l10n.lang];
    const prev = this.headDeps.get(key);
    // A changed header off screen keeps its old numbers until the next background share:
    // every new number is a layout of its own, and those in view come first. The tab stop and
    // anything but the numbers are never left behind.
    const numbersOnly = prev !== undefined && prev[0] === e && !same(prev, deps) && same(prev, deps, NUMBERS_END);
    if (numbersOnly && !this.background && (axis === 'row' ? this.viewport.row(e.id) : this.viewport.column(e.id)) === false) {
      this.headsBehind = true;
      deps = prev;
    }
    this.headDeps.set(key, deps);
    return guard(deps, () => {
      const g = l10n.s.grid;
      // By position, not by category id: an id may hold spaces, which would split the IDREF list.
      // The description is the header's accessible description only: hidden, so that it is not
      // part of the name as well (read twice on every header), and shown in its tooltip.
      const descId = `desc-${axis}-${i}`;
      const classes = `head ${axis} depth-${e.depth}${e.group ? ' group' : ''}${e.expanded ? ' expanded' : ''}`;
      // A count's room is sized by its unfiltered value (`data-max`, drawn invisibly by CSS) and
      // the count itself sits in a contained box over it (`.live`): a filter changing the numbers
      // re-lays out those boxes alone, never the header, and so never the whole table.
      // The studies coded to a group alone: the button stays (hidden) while a filter leaves none.
      const directText = l10n.t(g.directOnly, { n: directOnly, label: e.label });
      const direct =
        maxDirect > 0
          ? grid
            ? html`<button class=${directOnly > 0 ? 'direct-only' : 'direct-only none'} type="button" tabindex="-1" data-direct=${e.id} data-axis=${axis}
                data-max=${l10n.t(g.directOnly, { n: maxDirect, label: e.label })}
                aria-label=${l10n.t(g.directOnlyName, { n: directOnly, label: e.label })}><span class="live">${directText}</span></button>`
            : html`<span class=${directOnly > 0 ? 'direct-only' : 'direct-only none'} data-max=${l10n.t(g.directOnly, { n: maxDirect, label: e.label })}
                ><span class="live">${directText}</span></span>`
          : nothing;
      const content = html`<span class="head-inner">
          ${e.group ? html`<span class="chevron" aria-hidden="true">${e.expanded ? '▾' : '▸'}</span>` : nothing}
          <span class="head-label" dir="auto" title=${headTitle(e) ?? nothing}>${e.label}</span>
          <span class="head-count" data-max=${l10n.n(maxCount)}><span class="live">${aroundNumber(l10n.t(g.headCount, { n: count }), l10n.n(count))}</span></span>
          ${direct}
        </span>
        ${e.description ? html`<span hidden id=${descId}>${e.description}</span>` : nothing}`;
      const role = axis === 'row' ? 'rowheader' : 'columnheader';
      return html`<th
        role=${grid ? role : nothing}
        scope=${axis === 'row' ? 'row' : e.expanded ? 'colgroup' : 'col'}
        class=${classes}
        part=${axis === 'row' ? 'row-header' : 'column-header'}
        colspan=${colspan}
        rowspan=${rowspan}
        data-key=${key}
        data-axis=${axis}
        data-id=${e.id}
        tabindex=${tabindex}
        aria-expanded=${e.group && grid ? String(e.expanded) : nothing}
        aria-describedby=${e.description ? descId : nothing}
      >${content}</th>`;
    });
  }

  /**
   * A body row. Its header is always current (headers are few, and a header's text changing
   * costs a relayout of the whole table, so all of them change in one frame). Its cells: kept
   * as they are, without visiting them, when nothing they show changed; drawn now when the row
   * is on screen (changed cells in off-screen columns may wait); otherwise left for a
   * background share. A row never drawn before has no cells until then.
   */
  private renderRow(p: Prepared, r: AxisEntry, i: number): TemplateResult {
    const header = this.renderHeader(p, 'row', r, i, 1);
    if (r.expanded) {
      return html`<tr role=${this.grid ? 'row' : nothing} class="group-row">${header}</tr>`;
    }
    const active = this.active;
    const prefix = `x${SEP}${r.id}${SEP}`;
    const activeHere = active !== undefined && active.startsWith(prefix) ? active.slice(prefix.length) : undefined;
    const selected = this.selected?.rowId === r.id ? this.selected.columnId : undefined;
    const deps = [p.model, p.rowVersions[r.line], selected, activeHere, this.hiddenSegments, this.donut, p.filtered, this.look, this.sgMin, this.l10n.s, this.l10n.lang, this.nearReach];
    const state = this.rowStates.get(r.id);
    // The same token keeps the cells as drawn. (Should Lit have new parts for them, `guard` draws them all.)
    const keep = (s: RowState) => guard([s.token], () => this.renderCells(p, r, 'all', s));
    let cells: unknown;
    if (this.windowed && activeHere === undefined && selected === undefined && !this.rowIn(this.nearby, p, r, i)) {
      // Far from the screen, with neither the tab stop nor the selection: no cells.
      if (state) this.drop(p, r);
      cells = nothing;
    } else if (state?.complete && same(state.deps, deps)) {
      cells = keep(state);
    } else {
      let mode: 'all' | 'visible' | 'later';
      if (this.whole) {
        mode = 'all';
      } else if (this.background && this.budget > 0) {
        mode = 'all';
        this.budget -= this.nearReach;
      } else if (activeHere !== undefined || this.rowIn(this.viewport, p, r, i)) {
        // (The row of the keyboard's tab stop too: focus can only move to a drawn cell.)
        mode = 'visible';
      } else {
        mode = 'later';
      }
      // A row never drawn (or dropped) is new DOM: within the render's allowance (FRESH_MS; the
      // first such row always, but none in a share that adds rows), unless it holds the tab stop
      // or the selection.
      if (mode !== 'later' && !state && !this.whole && activeHere === undefined && selected === undefined) {
        if (this.fresh <= 0) {
          if (mode === 'visible') this.screenLeft = true;
          mode = 'later';
        } else {
          this.fresh -= this.nearReach;
          this.freshDrawn += this.nearReach;
        }
      }
      if (mode === 'later') {
        this.pending.add(r.id);
        if (state) state.complete = false;
        cells = state ? keep(state) : nothing;
      } else {
        const next: RowState = { deps, token: {}, complete: true, cells: 0 };
        this.rowStates.set(r.id, next);
        const drawn = this.renderCells(p, r, mode, next, state?.cells ?? 0, [activeHere, selected]);
        if (!next.complete) this.pending.add(r.id);
        cells = guard([next.token], () => drawn);
      }
    }
    return html`<tr role=${this.grid ? 'row' : nothing} class=${cells === nothing ? 'pending' : nothing}>${header}${cells}</tr>`;
  }

  /** Forgets a row's cells (dropped while far from the screen): drawn afresh when it comes near. */
  private drop(p: Prepared, r: AxisEntry): void {
    this.rowStates.delete(r.id);
    const C = p.counts.columns;
    for (const c of p.model.columns.lines) this.cellDeps.delete(p.cellKeys[r.line * C + c.line]);
  }

  /**
   * Whether row `r` (the `i`th) is in view (`v`: the viewport) or near it (`v`: nearby). Before
   * the observer has reported on any row: the first FIRST_ROWS (of which the first render draws
   * as many as its allowance of new cells allows). After, a row it has not reported on yet (a
   * group just expanded, rows drawn after the first render) counts as in view, as columns do in
   * `reach`.
   */
  private rowIn(v: ViewportController, p: Prepared, r: AxisEntry, i: number): boolean {
    if (!p.model.rows.entries.some((e) => v.reported('row', e.id))) return i < FIRST_ROWS;
    return !v.reported('row', r.id) || v.row(r.id) === true;
  }

  /**
   * A row's cells. A complete row has `nearReach` leading cells (every cell unless only those
   * near the screen are kept), and the cells of `keep` (the tab stop's and the selection's
   * columns). A row drawn for the screen stops after the last column in view (the first
   * FIRST_COLUMNS while that is unknown), but keeps the cells it had (`had`) up to the complete
   * row's: the cells right of it that were never drawn wait for a background share, and the row
   * stays pending. Only trailing cells wait, so a drawn cell is always in its column.
   */
  private renderCells(p: Prepared, r: AxisEntry, mode: 'all' | 'visible', state: RowState, had = 0, keep: readonly (string | undefined)[] = []) {
    const lines = p.model.columns.lines;
    const C = p.counts.columns;
    const kept = this.reach(undefined, lines, keep);
    const full = this.windowed ? Math.max(this.nearReach, kept) : lines.length;
    const n = mode === 'visible' ? Math.max(this.viewReach, kept, Math.min(had, full)) : full;
    if (n < full) state.complete = false;
    const shown = n < lines.length ? lines.slice(0, n) : lines;
    state.cells = shown.length;
    const cells = shown.map((c) => this.renderCell(p, r, c, r.line * C + c.line, mode, state));
    return repeat(shown, (c) => c.id, (_c, j) => cells[j]);
  }

  /**
   * How many leading columns reach the last one in view (`v`: the viewport) or near it (`v`:
   * nearby), and the columns of `keep` (ids). Before the observer has reported on any of them:
   * the first FIRST_COLUMNS. After, a column it has not reported on yet (a group just expanded)
   * counts as in view. Without `v`: the columns of `keep` alone.
   */
  private reach(v: ViewportController | undefined, lines: readonly AxisEntry[], keep: readonly (string | undefined)[] = []): number {
    let n = 0;
    if (v) {
      const known = lines.some((c) => v.reported('column', c.id));
      for (let j = lines.length - 1; j >= 0; j--) {
        const id = lines[j].id;
        if (known ? v.column(id) || !v.reported('column', id) : j < FIRST_COLUMNS) {
          n = j + 1;
          break;
        }
      }
    }
    for (const id of keep) if (id !== undefined) n = Math.max(n, lines.findIndex((c) => c.id === id) + 1);
    return n;
  }

  /**
   * A cell. Its template is rebuilt only when something it shows changed: its counts (the
   * version), the model, the selection, the tab stop, hidden segments, donut, filter state,
   * view, synthesis-gap threshold, or strings and language.
   * In a row drawn for the screen, a changed cell in an off-screen column waits (the row then
   * stays pending).
   */
  private renderCell(p: Prepared, r: AxisEntry, c: AxisEntry, at: number, mode: 'all' | 'visible', row: RowState) {
    const key = p.cellKeys[at];
    const selected = this.selected?.rowId === r.id && this.selected?.columnId === c.id;
    const tabindex = this.tab(key);
    const draw = () => this.cellTemplate(p, r, c, at, key, selected, tabindex);
    const deps = [p.model, p.versions[at], selected, tabindex, this.hiddenSegments, this.donut, p.filtered, this.look, this.sgMin, this.l10n.s, this.l10n.lang];
    const prev = this.cellDeps.get(key);
    if (prev && same(prev, deps)) return guard(prev, draw);
    if (prev && mode === 'visible' && this.viewport.column(c.id) === false) {
      row.complete = false;
      return guard(prev, draw);
    }
    this.cellDeps.set(key, deps);
    return guard(deps, draw);
  }

  private cellTemplate(p: Prepared, r: AxisEntry, c: AxisEntry, at: number, key: string, selected: boolean, tabindex: number | typeof nothing): TemplateResult {
    const { model, counts } = p;
    const view = this.look;
    const { lang, s: { grid: g } } = this.l10n;
    const labels = this.segmentLabels;
    const count = counts.counts[at];
    const total = model.totals.counts[at];
    const segs = model.segments;
    const K = segs.length;
    const hidden = this.hiddenSegments ?? [];
    // The mosaic draws each study once, in its first segment; the other views every segment.
    const values = view === 'mosaic' ? counts.firstSegments : counts.segments;
    const slices: Slice[] = [];
    const parts: string[] = [];
    const shown: string[] = [];
    // The slices this cell can ever show (those of its unfiltered count): its bubble's paths.
    let slots = 0;
    for (let k = 0; k < K; k++) {
      const n = counts.segments[at * K + k];
      const part = n > 0 ? formatMessage(lang, g.segment, { label: labels[k], n }) : '';
      if (part) parts.push(part);
      if (!hidden.includes(segs[k].id)) {
        slices.push({ index: k, color: segs[k].color, value: values[at * K + k] });
        if (part) shown.push(part);
        if (model.totals.segments[at * K + k] > 0) slots++;
      }
    }
    const state = total === 0 ? 'gap' : count === 0 ? 'filtered' : 'filled';
    const sg = this.sgMin ? synthesisGapAt(counts, at, this.sgMin) : 0;
    const classes = `cell ${state}${selected ? ' selected' : ''}${sg ? ' sg' : ''}`;
    const mark = sg ? html`<span class="sg-mark" aria-hidden="true">${g.synthesisMark}</span>` : nothing;
    if (view === 'table') {
      const sub = (text: string, cls = 'sub') => html`<span class=${cls}>${text}</span>`;
      return html`<td class=${classes} part="cell" data-key=${key} data-row=${r.id} data-column=${c.id} data-count=${count} data-total=${total}
        data-synthesis-gap=${sg || nothing}><span class="tn">${formatNumber(lang, count)}</span>${state === 'gap'
        ? sub(g.tableGap)
        : p.filtered && count !== total
          ? sub(formatMessage(lang, g.tableOf, { total }))
          : nothing}${shown.length && count ? sub(shown.join(g.segmentSeparator)) : nothing}${sg
        ? html`<span class="sub sg-text">${mark} ${g.tableSynthesisGap}</span>`
        : nothing}</td>`;
    }
    const amount =
      state === 'gap'
        ? g.gap
        : state === 'filtered'
          ? formatMessage(lang, g.filteredOut, { total })
          : p.filtered && count !== total
            ? formatMessage(lang, g.ofTotal, { count, n: total })
            : formatMessage(lang, g.studies, { n: count });
    let name = formatMessage(lang, g.cell, { row: r.label, column: c.label, amount });
    if (parts.length) name = formatMessage(lang, g.cellMore, { name, more: parts.join(g.segmentSeparator) });
    if (sg) name = formatMessage(lang, g.cellMore, { name, more: formatMessage(lang, g.synthesisGap, { n: sg }) });
    let content: unknown = nothing;
    if (state === 'filtered' && view !== 'bubble') content = html`<div class="box"><span class="ghost-box"></span></div>`;
    else if (state !== 'gap' && view === 'heatmap') {
      content = html`<div class=${`box heat heat-${p.heat.steps[p.heat.step(count)].shade}`}><span class="hn">${formatNumber(lang, count)}</span></div>`;
    } else if (state !== 'gap' && view === 'mosaic') {
      const { tiles, more } = mosaic(slices, count, 'var(--_bubble)');
      content = html`<div class="box"><svg class="mosaic" part="mosaic" viewBox=${MOSAIC_VIEW} aria-hidden="true" focusable="false">${tiles}</svg>${more
        ? html`<span class="more">${formatMessage(lang, g.more, { n: more })}</span>`
        : nothing}</div>`;
    } else if (state !== 'gap') {
      const radius = p.radius(count);
      // One shape for filled and filtered cells alike (see bubbleParts): a path for each slice
      // the unfiltered cell has, and the count, empty in a cell filtered to zero.
      const filtered = state === 'filtered';
      const paths = bubbleParts(Math.max(slots, 1), radius, slices, 'var(--_bubble)', this.donut, filtered ? p.radius(total) : 0);
      content = html`<div class="box"><svg class="bubble" part="bubble" viewBox=${`${-VIEW / 2} ${-VIEW / 2} ${VIEW} ${VIEW}`} aria-hidden="true" focusable="false">${paths}${countLabel(filtered ? '' : formatNumber(lang, count), radius)}</svg></div>`;
    }
    return html`<td
      role="gridcell"
      class=${classes}
      part="cell"
      data-key=${key}
      data-row=${r.id}
      data-column=${c.id}
      data-count=${count}
      data-total=${total}
      data-synthesis-gap=${sg || nothing}
      aria-selected=${selected ? 'true' : 'false'}
      aria-label=${name}
      tabindex=${tabindex}
    >${content}${mark}</td>`;
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
    if (!this.grid) return;
    const el = this.keyFromEvent(event);
    if (el) this.nav.activate(el.dataset.key!);
  };

  private readonly onClick = (event: MouseEvent) => {
    // The table view is a static table: nothing in it is operable.
    if (!this.grid) return;
    const direct = (event.composedPath().find((n) => n instanceof HTMLElement && n.dataset.direct !== undefined) as HTMLElement | undefined);
    if (direct) {
      this.selectDirectOnly(direct.dataset.axis as 'row' | 'column', direct.dataset.direct!);
      return;
    }
    const el = this.keyFromEvent(event);
    if (!el) return;
    this.nav.activate(el.dataset.key!, true);
    this.activate(el, false, event.ctrlKey || event.metaKey);
  };

  private readonly onKeydown = (event: KeyboardEvent) => {
    if (this.nav.handleKey(event)) {
      event.preventDefault();
      return;
    }
    if (event.key === 'Escape' && this.selected) {
      // Escape clears the selection (focus stays where it is); `egm-cell-select` is not sent.
      event.preventDefault();
      this.clearSelection();
      return;
    }
    if (event.key !== 'Enter' && event.key !== ' ') return;
    const el = this.keyFromEvent(event);
    if (!el) return;
    event.preventDefault();
    this.activate(el, event.shiftKey, event.ctrlKey || event.metaKey);
  };

  /**
   * Enter, Space or a click on a cell or header. On a group header: toggles the group; with
   * Shift, lists the studies coded to the group alone; with Ctrl (⌘), lists all its studies.
   */
  private activate(el: HTMLElement, shift: boolean, all = false): void {
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
    else if (entry.group && !all) this.toggleGroup(axis, id);
    else {
      const select = new EgmHeaderSelectEvent({ axis, categoryId: id, studyIds: this.prepared!.model.headerStudies(axis, id, this.filters) });
      this.dispatchEvent(select);
    }
  }

  /**
   * Clears the selected cell, as Escape in the grid does, and fires `egm-selection-clear`
   * so that a host can close what it opened for the cell.
   */
  clearSelection(): void {
    const was = this.selected;
    if (!was) return;
    this.selected = null;
    this.dispatchEvent(new EgmSelectionClearEvent({ rowId: was.rowId, columnId: was.columnId }));
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

/**
 * A header label's tooltip: its description, and its full text when it may be cut short (column
 * labels are clamped to `--egm-column-label-lines` lines). Both are also in the accessible name
 * or description, and the description is written out in `<egm-map>`'s panel.
 */
function headTitle(e: AxisEntry): string | undefined {
  const parts = [e.label.length > 40 ? e.label : '', e.description ?? ''].filter(Boolean);
  return parts.length ? parts.join(' — ') : undefined;
}

/** The count inside a bubble, or beside it when the bubble is too small to hold it. */
function countLabel(count: string, radius: number) {
  const inside = radius >= SMALL_BUBBLE;
  return svg`<text class=${inside ? 'n' : 'n beside'} x=${inside ? 0 : radius + 2} text-anchor=${inside ? 'middle' : 'start'} dy="0.35em">${count}</text>`;
}

if (!customElements.get('egm-grid')) customElements.define('egm-grid', EgmGrid);

declare global {
  interface HTMLElementTagNameMap {
    'egm-grid': EgmGrid;
  }
}
