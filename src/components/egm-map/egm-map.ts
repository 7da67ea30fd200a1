import { html, LitElement, nothing, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import { normalizeFilters } from '../../core/filter.js';
import { isHttpUrl } from '../../core/parse.js';
import { yieldToEventLoop } from '../../core/yield.js';
import type { EgmFilters, EgmIssue, EgmMap, EgmSchema, EgmStudy } from '../../core/types.js';
import { EGM_FORMAT } from '../../core/types.js';
import { formatNumber, type Params } from '../../core/i18n.js';
import { LocaleController } from '../../controllers/locale-controller.js';
import type { EgmStrings } from '../../i18n/en.js';
import { heading } from '../../internal/heading.js';
import type { EgmLocale } from '../../i18n/registry.js';
import type { EgmCellSelectEvent } from '../../events/egm-cell-select.js';
import { EgmErrorEvent } from '../../events/egm-error.js';
import type { EgmFilterChangeEvent } from '../../events/egm-filter-change.js';
import type { EgmHeaderSelectEvent } from '../../events/egm-header-select.js';
import { EgmLoadEvent } from '../../events/egm-load.js';
import type { EgmSegmentToggleEvent } from '../../events/egm-segment-toggle.js';
import { gridModel, resolveAxes, resolveMap, resolveMapAsync, studyYears, type MapData } from '../../internal/map-data.js';
import { deferredCode, loadDeferredCode } from '../../internal/deferred-loader.js';
import { IDLE_LOAD_MS, whenIdle } from '../../internal/idle.js';
import { renderIssues } from '../../internal/render-issues.js';
import '../egm-filter-bar/egm-filter-bar.js';
import '../egm-grid/egm-grid.js';
import type { EgmCellRef, EgmGrid } from '../egm-grid/egm-grid.js';
import '../egm-legend/egm-legend.js';
import { styles } from './egm-map.styles.js';
import type { EgmStudySort, StudyList } from './study-panel.js';

export type { EgmStudySort } from './study-panel.js';

/** How long a `src` load may take. */
export const LOAD_TIMEOUT_MS = 30_000;
/**
 * Cards drawn at once when a panel opens (more than a tall panel shows); the rest of the page
 * follows in the next task, so the panel appears within a frame even for a full page.
 */
const FIRST_CARDS = 8;

type LoadState =
  | { status: 'idle' }
  /** `progress` (0 to 1) once the file is in and being checked and indexed. */
  | { status: 'loading'; url: string; progress?: number }
  /** `json` is the file as parsed: the key under which it was validated and indexed. */
  | { status: 'loaded'; url: string; json: object; map: EgmMap }
  /** `error` is formatted in the map's language when shown. */
  | { status: 'failed'; url: string; error: LoadError; issues?: readonly EgmIssue[] };

type Panel =
  | { kind: 'cell'; rowId: string; columnId: string; studyIds: string[] }
  | { kind: 'header'; axis: 'row' | 'column'; categoryId: string; studyIds: string[]; scope?: 'all' | 'direct' };

/** A message of the `map` strings without a plural: the load errors. */
type LoadError = { key: { [K in keyof EgmStrings['map']]: EgmStrings['map'][K] extends string ? K : never }[keyof EgmStrings['map']]; params: Params };

/** Whether a map of this page has asked to warm it up (once per page: internal/warm-up.ts). */
let warmUpAsked = false;
/**
 * The longest wait for idle time before the warm-up is drawn anyway. At 2 s (the wait for the
 * deferred code), a 100,000-study file read in slices had usually arrived first, and the warm-up
 * was skipped: the first render and its frame then took 50-95 ms (docs/performance.md).
 */
const WARM_UP_MS = 200;

/** Maps filling the viewport; while there is one, the page behind does not scroll. */
const fullscreenMaps = new Set<EgmMapElement>();
let pageOverflow = '';
function lockPageScroll(map: EgmMapElement, on: boolean): void {
  const before = fullscreenMaps.size;
  if (on) fullscreenMaps.add(map);
  else fullscreenMaps.delete(map);
  const page = document.documentElement;
  if (!before && fullscreenMaps.size) {
    pageOverflow = page.style.overflow;
    page.style.setProperty('overflow', 'hidden');
  } else if (before && !fullscreenMaps.size) {
    page.style.overflow = pageOverflow;
    if (!page.style.length) page.removeAttribute('style');
  }
}

/**
 * The whole evidence and gap map in one tag: title and about text, filter bar, legend, grid
 * and a study panel, wired together. Give it `src` (an `egm/1` JSON file) or `.schema` and
 * `.studies`. Content placed inside the tag (a link to the report, a static table) is shown
 * until the map has loaded, and again if loading fails.
 *
 * Activating a cell or a row or column header opens the study panel: a labelled region listing
 * its studies (under the current filters) 50 at a time, sortable by year, title or first
 * author in either direction, groupable by the top-level categories of any dimension (groups
 * in category order, "Not coded" last, each headed by its count; a study coded to two
 * categories is in both groups), and searchable within (every word, ignoring case and
 * accents, in titles, authors and abstracts, as the filter bar's search).
 *
 * **Full screen**: the "Full screen" button (`aria-pressed`), or the `fullscreen` attribute,
 * makes the map fill the viewport (`position: fixed; inset: 0` on the host) until pressed
 * again or Escape is pressed inside the map; focus stays on, or returns to, the button. The
 * page behind does not scroll meanwhile, and scrolls again once the map leaves full screen or
 * the page. This is CSS, not the Fullscreen API: embedded maps often sit in iframes that do
 * not allow it (`allow="fullscreen"`), and the API's own Escape and permission prompts would
 * differ by browser. Hosts whose own layers sit above it set `--egm-map-fullscreen-z-index`.
 *
 * @summary A complete, embeddable evidence and gap map.
 *
 * @slot - Fallback content, shown while loading and when loading fails.
 *
 * @event egm-load - The map loaded and validated: `{ studies }`.
 * @event egm-error - The map could not be loaded or is invalid: `{ message, issues? }`.
 * @event egm-cell-select - From the grid: a cell was selected.
 * @event egm-header-select - From the grid: a header was activated.
 * @event egm-filter-change - From the filter bar: the filters changed.
 * @event egm-segment-toggle - From the legend: a segment was shown or hidden.
 * @event egm-study-select - From a study card: a study was activated.
 *
 * @attribute theme - `dark` for the dark theme, `auto` to follow the reader's system (`prefers-color-scheme`); the elements inside follow (docs/theming.md).
 * @csspart header - The title, description, links and about text.
 * @csspart title - The map's title.
 * @csspart meta - Version, search date, citation and licence.
 * @csspart panel - The study panel.
 * @csspart fullscreen-button - The button that makes the map fill the viewport and back.
 * @csspart status - The loading state.
 * @csspart progress - The progress bar while a large map is checked and indexed.
 * @csspart error - The error state.
 * @csspart actions - The "Download and share" buttons under the map.
 *
 * @cssproperty --egm-map-panel-width - Width of the study panel beside the grid on wide containers. Default `24rem`.
 * @cssproperty --egm-map-fullscreen-z-index - Stacking order of the map while it fills the viewport. Default `10000`.
 */
export class EgmMapElement extends LitElement {
  static override styles = styles;
  /**
   * Lit's reactive properties, declared here rather than by decorators (a smaller bundle). Each
   * element's table is written out whole: the manifest analyzer reads it as it stands, and a
   * table spread from a shared one loses the element from custom-elements.json.
   */
  static override properties: PropertyDeclarations = {
    src: { reflect: true },
    schema: { attribute: false },
    studies: { attribute: false },
    filters: { attribute: false },
    rows: { reflect: true },
    columns: { reflect: true },
    segments: { reflect: true },
    view: { reflect: true },
    highlight: { reflect: true },
    synthesisGapMin: { reflect: true, attribute: 'synthesis-gap-min' },
    cells: { reflect: true },
    urlState: { type: Boolean, attribute: 'url-state', reflect: true },
    loadTimeout: { type: Number, attribute: 'load-timeout' },
    headingLevel: { type: Number, attribute: 'heading-level' },
    fullscreen: { type: Boolean, reflect: true },
    strings: { attribute: false },
    load: { state: true },
    selected: { state: true },
    panel: { state: true },
    collapsed: { state: true },
    hiddenSegments: { state: true },
    sort: { state: true },
    groupBy: { state: true },
    panelQuery: { state: true },
    shown: { state: true },
    firstCards: { state: true },
    announcement: { state: true },
  };

  /** URL of an `egm/1` JSON map. Wins over `.schema` / `.studies` when both are set. */
  src?: string;
  /** The map without studies (or a whole map). */
  schema?: EgmSchema;
  studies?: EgmStudy[];
  /**
   * The current filters; the filter bar updates them. When another map replaces the one shown,
   * they keep what it has (categories it does not have are dropped), as collapsed groups do.
   */
  filters: EgmFilters = { categories: {} };
  /** Passed to the grid and legend: dimension ids overriding the map's layout. */
  rows?: string;
  columns?: string;
  segments?: string;
  view?: string;
  /** Passed to the grid and legend: `synthesis-gaps` marks cells with enough primary studies and no review. */
  highlight?: string;
  /** Passed to the grid and legend: the least number of primary studies of a synthesis gap (default 5). */
  synthesisGapMin?: string;
  /**
   * Passed to the grid: which cells are in the page, `all`, `near` (those near the screen) or
   * `auto` (near above 1,000 cells; the grid's default).
   */
  cells?: string;
  /**
   * Keep filters, the selected cell, collapsed groups and the view in the page URL (its hash),
   * restore them on load and follow the back button. Namespaced by the map's `id` (else the
   * element's `id`, else `egm`), so several maps on one page keep separate state. What a link
   * holds that the map does not have (a category since removed, a hand-edited id) is dropped on
   * restore; the rest applies.
   */
  urlState = false;
  /** Milliseconds a `src` load may take before it fails. */
  loadTimeout = LOAD_TIMEOUT_MS;
  /** Heading level of the map's title (2 by default, for a map inside an article). */
  headingLevel = 2;

  /**
   * The map title's heading level (1-6); the legend and panel headings are one below it, the
   * panel's groups and cards below those, so the outline never skips a level.
   */
  private get level(): number {
    return Math.min(6, Math.max(1, Math.round(this.headingLevel) || 2));
  }
  /** Whether the map fills the viewport (the "Full screen" button toggles it; Escape ends it). */
  fullscreen = false;
  /**
   * Replacement strings (any part of the English table, src/i18n/en.ts); see docs/i18n.md.
   * Passed on to the filter bar, legend, grid and study cards inside the map.
   */
  strings?: EgmLocale;

  private readonly l10n = new LocaleController(this);

  private load: LoadState = { status: 'idle' };
  private selected: EgmCellRef | null = null;
  private panel?: Panel;
  private collapsed: string[] = [];
  private hiddenSegments: string[] = [];
  private sort: EgmStudySort = 'year-desc';
  /** The dimension whose top-level categories group the panel's studies ("": no groups). */
  private groupBy = '';
  /** The panel's search box. */
  private panelQuery = '';
  /** Cards shown, by group id ("" when not grouped); a page (`PAGE` in study-panel.ts) when not set. */
  private shown = new Map<string, number>();
  /** While a newly opened panel draws its first cards only: the cards drawn per group. */
  private firstCards = 0;
  private restOfPage?: { timer: ReturnType<typeof setTimeout>; done: Promise<void>; finish: () => void };
  private announcement = '';

  private controller?: AbortController;
  private reportedFor?: MapData;
  /** The panel's count as last rendered, announced once typing in its search box pauses. */
  private panelCount = '';
  private findTimer?: ReturnType<typeof setTimeout>;

  constructor() {
    super();
    this.addEventListener('keydown', this.onKeydown);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('popstate', this.onPopState);
    if (this.fullscreen) lockPageScroll(this, true);
    // The URL state's code, while the map file is on its way.
    if (this.urlState && !this.deferredFailed) void this.loadDeferred();
    // A load cut short when the element left the page (moved by a script, say) starts again.
    if (this.load.status === 'loading' && !this.controller) this.reload();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.onPopState);
    this.cancel();
    clearTimeout(this.findTimer);
    this.drawRestOfPage();
    lockPageScroll(this, false);
  }

  /**
   * Resolves once the code for an open panel, an about text or the URL state is here
   * (`deferred.ts`) and the panel's whole page of cards is drawn too (it follows the first cards
   * in the next task), so `await map.updateComplete` sees every card, the about text and the
   * URL's state applied.
   */
  protected override async getUpdateComplete(): Promise<boolean> {
    let result = await super.getUpdateComplete();
    for (;;) {
      const waiting = this.restOfPage?.done ?? (this.panel || this.data?.map.aboutHtml || this.restoring ? this.waiting : undefined);
      if (!waiting) return result;
      await waiting;
      result = await super.getUpdateComplete();
    }
  }

  /** Draws the first cards of a new panel now and the rest of its page in the next task. */
  private drawFirstCards(): void {
    this.drawRestOfPage();
    this.firstCards = FIRST_CARDS;
    let finish!: () => void;
    const done = new Promise<void>((resolve) => (finish = resolve));
    this.restOfPage = { timer: setTimeout(() => this.drawRestOfPage()), done, finish };
  }

  /** Ends the first-cards state now (the rest of the page is drawn in this update). */
  private drawRestOfPage(): void {
    const pending = this.restOfPage;
    if (!pending) return;
    clearTimeout(pending.timer);
    this.restOfPage = undefined;
    this.firstCards = 0;
    pending.finish();
  }

  /** Fetches `src` again (after an error, say). */
  reload(): void {
    if (this.src) void this.fetchMap(this.src);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('src')) {
      if (this.src) void this.fetchMap(this.src);
      else {
        this.cancel();
        this.load = { status: 'idle' };
      }
    }
    // (Other rows or columns: the selected cell's ids may name no cell, or another one.)
    if (['schema', 'studies', 'src', 'rows', 'columns'].some((k) => changed.has(k as keyof EgmMapElement))) {
      this.selected = null;
      this.panel = undefined;
    } else if (changed.has('filters') && this.panel) {
      // From the filter bar or the host alike.
      this.refreshPanel();
    }
  }

  /** Stops a load without a word (the element left the page, or `src` was removed). */
  private cancel(): void {
    this.controller?.abort();
    this.controller = undefined;
  }

  private async fetchMap(src: string): Promise<void> {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    let url = src;
    // The page's first map warms it up while the file is on its way (internal/warm-up.ts): once
    // the page is idle, and WARM_UP_MS after the request at the latest (a large file read in
    // slices leaves the page no idle time until it is in).
    if (!warmUpAsked) {
      warmUpAsked = true;
      const stillWaiting = () => this.controller === controller && this.load.status === 'loading' && this.load.progress === undefined && this.isConnected;
      whenIdle(() => {
        if (stillWaiting()) void loadDeferredCode().then((code) => stillWaiting() && code.warmUp(this.renderRoot as ShadowRoot), () => undefined);
      }, WARM_UP_MS);
    }
    const timer = setTimeout(() => controller.abort(new DOMException('timeout', 'TimeoutError')), this.loadTimeout);
    const fail = (key: LoadError['key'], params: Params, issues?: readonly EgmIssue[]) => {
      if (this.controller !== controller) return; // a newer src took over
      this.load = { status: 'failed', url, error: { key, params: { url, ...params } }, issues };
      const message = this.loadError(this.load.error);
      const error = new EgmErrorEvent(issues ? { message, issues: [...issues] } : { message });
      this.dispatchEvent(error);
    };
    try {
      // (A URL that cannot be parsed, such as "http://[::1", fails as a fetch would.)
      url = new URL(src, document.baseURI).href;
      this.load = { status: 'loading', url };
      // The file's reader (core/read-json.ts) is a chunk of the embed bundle, fetched beside the
      // file. Without it (a host that uploaded the bundle's file alone), the file is parsed whole.
      const [response, reader] = await Promise.all([
        fetch(url, { signal: controller.signal, headers: { accept: 'application/json' } }),
        import('../../core/read-json.js').catch(() => undefined),
      ]);
      if (!response.ok) return fail('httpError', { status: `${response.status}${response.statusText ? ` ${response.statusText}` : ''}` });
      const read = reader ? await reader.readJson(response, controller.signal) : { json: JSON.parse(await response.text()) as unknown };
      if (this.controller !== controller) return;
      if ('error' in read) return fail(read.error, {});
      const { json } = read;
      const format = (json as { format?: unknown } | null)?.format;
      if (typeof json === 'object' && json !== null && format !== undefined && format !== EGM_FORMAT) {
        return fail('wrongFormat', { format: EGM_FORMAT, found: JSON.stringify(format) });
      }
      // Checked and indexed in slices with progress (a 100,000-study map takes seconds), as the
      // file was read and parsed (readJson: the study list a batch at a time as it arrives).
      this.load = { status: 'loading', url, progress: 0 };
      await yieldToEventLoop();
      let shown = 0;
      const state = await resolveMapAsync(json, undefined, {
        // The parsed file is ours alone: checked in place rather than copied (far less garbage
        // to collect at 100,000 studies, and half the memory).
        adopt: true,
        signal: controller.signal,
        onProgress: (f) => {
          if (this.controller === controller && f - shown >= 0.01) this.load = { status: 'loading', url, progress: (shown = f) };
        },
      });
      if (this.controller !== controller) return;
      if (state.status !== 'ok') {
        const issues = state.status === 'invalid' ? state.issues : [{ path: '', message: this.l10n.s.map.noMap }];
        return fail('notValid', { format: EGM_FORMAT }, issues);
      }
      await this.prepareFirstRender(state.data);
      if (this.controller !== controller) return;
      this.load = { status: 'loaded', url, json: json as object, map: state.data.map };
    } catch (error) {
      // (Cancelled loads returned above: an aborted signal here is the timeout's.)
      if (this.controller !== controller) return;
      if (controller.signal.aborted) fail('timeout', { seconds: Math.round(this.loadTimeout / 100) / 10 });
      else fail('fetchFailed', { error: error instanceof Error ? error.message : String(error) });
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * What the elements share, made before the first render and each in a task of its own rather
   * than in the first render's (tens of ms at 100,000 studies): the grid model with its
   * unfiltered counts, and its header counts; the language's number format; the filter bar's
   * year range.
   */
  private async prepareFirstRender(data: MapData): Promise<void> {
    const axes = resolveAxes(data, { rows: this.rows, columns: this.columns, segments: this.segments });
    if (Array.isArray(axes)) return;
    const model = gridModel(data, axes, this.collapsed);
    await yieldToEventLoop();
    model.headerCounts(undefined);
    formatNumber(this.l10n.lang, 1234);
    await yieldToEventLoop();
    studyYears(data);
    await yieldToEventLoop();
  }

  /** A load error's text in the map's language. */
  private loadError(error: LoadError): string {
    return this.l10n.t(this.l10n.s.map[error.key], error.params);
  }

  /** The map to show: the loaded `src`, else the properties. */
  private get source(): { schema: unknown; studies: unknown } | undefined {
    // The parsed file itself (not the validated copy), so that every element finds the map
    // validated and indexed once, under the same key, instead of validating the copy again.
    if (this.src) return this.load.status === 'loaded' ? { schema: this.load.json, studies: undefined } : undefined;
    if (this.schema) return { schema: this.schema, studies: this.studies };
    return undefined;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('fullscreen')) lockPageScroll(this, this.fullscreen && this.isConnected);
    const src = this.source;
    const state = src ? resolveMap(src.schema, src.studies) : undefined;
    if (state?.status === 'ok' && this.reportedFor !== state.data) {
      // Another map replaced the one shown: the reader's view keeps what the new map has (with
      // the deferred code, here once the first map was drawn and the page idle: see fitView).
      const fit = this.reportedFor && deferredCode()?.fitView(state.data, this.filters, this.collapsed);
      if (fit) ({ filters: this.filters, collapsed: this.collapsed } = fit);
      this.reportedFor = state.data;
      // The panel's code, before a reader opens a cell (once the map is drawn and the page idle).
      whenIdle(() => void this.loadDeferred(), IDLE_LOAD_MS);
      if (this.urlState) this.restoreUrlState();
      const load = new EgmLoadEvent({ studies: state.data.index.size });
      this.dispatchEvent(load);
    } else if (state?.status === 'invalid' && !this.src) {
      this.reportedFor = undefined;
      // Once per map given (as a failed load is reported once per src).
      if (['schema', 'studies', 'src'].some((k) => changed.has(k as keyof EgmMapElement))) {
        const error = new EgmErrorEvent({ message: this.l10n.s.map.invalid, issues: [...state.issues] });
        this.dispatchEvent(error);
      }
    }
    // After any restore above, so a map's first render never overwrites the URL it came with.
    if (['filters', 'selected', 'collapsed', 'view'].some((k) => changed.has(k as keyof EgmMapElement))) this.saveUrlState();
  }

  protected override render(): TemplateResult {
    if (this.src && this.load.status === 'loading') {
      const { progress } = this.load;
      // The status text changes once (so a screen reader is not read every percent); the bar moves.
      const m = this.l10n.s.map;
      return html`<div class="status" part="status" role="status">
          <span class="spinner" aria-hidden="true"></span>${progress === undefined ? m.loading : m.preparing}
          ${progress === undefined ? nothing : html`<progress part="progress" max="100" .value=${Math.round(progress * 100)} aria-label=${m.preparingLabel}></progress>`}
        </div>
        <slot></slot>`;
    }
    if (this.src && this.load.status === 'failed') {
      const { error, issues } = this.load;
      const message = this.loadError(error);
      return html`${issues ? renderIssues(message, issues, this.l10n) : html`<div class="error" part="error" role="alert"><p>${message}</p></div>`}
        <p><button class="retry" type="button" @click=${this.reload}>${this.l10n.s.map.retry}</button></p>
        <slot></slot>`;
    }
    const src = this.source;
    if (!src) return html`<slot></slot>`;
    const state = resolveMap(src.schema, src.studies);
    if (state.status === 'invalid') {
      return html`${renderIssues(this.l10n.s.map.invalid, state.issues, this.l10n)}<slot></slot>`;
    }
    if (state.status === 'empty') return html`<slot></slot>`;
    return this.renderMap(state.data, src.schema as EgmSchema, src.studies as EgmStudy[] | undefined);
  }

  private renderMap(data: MapData, schema: EgmSchema, studies: EgmStudy[] | undefined): TemplateResult {
    const { map } = data;
    return html`
      <div class="map">
        <div class="top">
          ${this.renderHeader(map)}
          <button
            class="fullscreen"
            part="fullscreen-button"
            type="button"
            aria-pressed=${this.fullscreen ? 'true' : 'false'}
            @click=${() => (this.fullscreen = !this.fullscreen)}
          >
            ${this.l10n.s.map.fullscreen}
          </button>
        </div>
        <egm-filter-bar
          silent
          .schema=${schema}
          .studies=${studies}
          .filters=${this.filters}
          .strings=${this.strings}
          @egm-filter-change=${this.onFilterChange}
        ></egm-filter-bar>
        <egm-legend
          .schema=${schema}
          .studies=${studies}
          .strings=${this.strings}
          .filters=${this.filters}
          .collapsed=${this.collapsed}
          .hiddenSegments=${this.hiddenSegments}
          rows=${this.rows ?? nothing}
          columns=${this.columns ?? nothing}
          segments=${this.segments ?? nothing}
          view=${this.view ?? nothing}
          highlight=${this.highlight ?? nothing}
          synthesis-gap-min=${this.synthesisGapMin ?? nothing}
          heading-level=${Math.min(6, this.level + 1)}
          @egm-segment-toggle=${this.onSegmentToggle}
        ></egm-legend>
        <div class="body">
          <egm-grid
            .schema=${schema}
            .studies=${studies}
            .strings=${this.strings}
            .filters=${this.filters}
            .selected=${this.selected}
            .collapsed=${this.collapsed}
            .hiddenSegments=${this.hiddenSegments}
            rows=${this.rows ?? nothing}
            columns=${this.columns ?? nothing}
            segments=${this.segments ?? nothing}
            view=${this.view ?? nothing}
            highlight=${this.highlight ?? nothing}
            synthesis-gap-min=${this.synthesisGapMin ?? nothing}
            cells=${this.cells ?? nothing}
            @egm-cell-select=${this.onCellSelect}
            @egm-selection-clear=${this.onSelectionClear}
            @egm-header-select=${this.onHeaderSelect}
            @egm-group-toggle=${this.onGroupToggle}
          ></egm-grid>
          ${this.panel ? this.renderPanel(data, schema) : nothing}
        </div>
        ${this.renderActions()}
        ${this.renderMeta(map)}
        <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</div>
      </div>
    `;
  }

  private renderActions(): TemplateResult {
    const m = this.l10n.s.map;
    return html`<div class="actions" part="actions" role="group" aria-label=${m.actions} @pointerover=${this.exportFiles} @focusin=${this.exportFiles}>
      <span class="actions-label">${m.download}</span>
      <button type="button" @click=${() => this.offer(this.exportStudies('csv'))}>${m.studiesCsv}</button>
      <button type="button" @click=${() => this.offer(this.exportStudies('ris'))}>${m.studiesRis}</button>
      <button type="button" @click=${() => this.offer(this.exportPicture('svg'))}>${m.mapSvg}</button>
      <button type="button" @click=${() => this.offer(this.exportPicture('png'))}>${m.mapPng}</button>
      ${this.urlState ? html`<button type="button" @click=${this.copyLink}>${m.copyLink}</button>` : nothing}
    </div>`;
  }

  private aboutCache?: { html: string; fragment: DocumentFragment };

  /**
   * The sanitised about text, parsed once per text (not on every render). Empty until the
   * sanitiser is here (it sits in a closed `<details>`; the code is fetched at once).
   */
  private about(source: string): DocumentFragment | typeof nothing {
    const code = deferredCode();
    if (!code) {
      if (!this.deferredFailed) void this.loadDeferred();
      return nothing;
    }
    if (this.aboutCache?.html !== source) this.aboutCache = { html: source, fragment: code.sanitizeHtml(source) };
    return this.aboutCache.fragment.cloneNode(true) as DocumentFragment;
  }

  private renderHeader(map: EgmMap): TemplateResult {
    const links = (map.links ?? []).filter((l) => isHttpUrl(l.url));
    return html`<div class="header" part="header">
      ${heading(this.level)`<H class="title" part="title" dir="auto">${map.title}</H>`}
      ${map.description ? html`<p class="description" dir="auto">${map.description}</p>` : nothing}
      ${links.length
        ? html`<ul class="links">
            ${links.map((l) => html`<li><a href=${l.url} target="_blank" rel="noopener noreferrer">${l.label}</a></li>`)}
          </ul>`
        : nothing}
      ${map.aboutHtml ? html`<details class="about"><summary>${this.l10n.s.map.aboutMap}</summary><div class="about-body">${this.about(map.aboutHtml)}</div></details>` : nothing}
    </div>`;
  }

  private renderMeta(map: EgmMap): TemplateResult | typeof nothing {
    const m = this.l10n.s.map;
    const items: [string, string][] = [];
    if (map.version) items.push([m.version, map.version]);
    if (map.searchDate) items.push([m.searched, map.searchDate]);
    if (map.license) items.push([m.licence, map.license]);
    if (map.citation) items.push([m.citeAs, map.citation]);
    if (!items.length) return nothing;
    return html`<dl class="meta" part="meta">${items.map(([k, v]) => html`<div><dt>${k}</dt><dd>${v}</dd></div>`)}</dl>`;
  }

  private renderPanel(data: MapData, schema: EgmSchema): TemplateResult {
    const panel = this.panel!;
    const m = this.l10n.s.map;
    const label = (dimId: string, id: string) => data.index.dimension(dimId)?.nodes.get(id)?.data.label ?? id;
    const grid = this.renderRoot.querySelector<EgmGrid>('egm-grid');
    const model = grid?.model;
    const rowsDim = model?.rows.dimension.dimension.id ?? data.map.layout.rows;
    const colsDim = model?.columns.dimension.dimension.id ?? data.map.layout.columns;
    const title =
      panel.kind === 'cell'
        ? this.l10n.t(m.cellTitle, { row: label(rowsDim, panel.rowId), column: label(colsDim, panel.columnId) })
        : panel.scope === 'direct'
          ? this.l10n.t(m.directOnly, { label: label(panel.axis === 'row' ? rowsDim : colsDim, panel.categoryId) })
          : label(panel.axis === 'row' ? rowsDim : colsDim, panel.categoryId);
    // A header's description (shown only as a tooltip and to screen readers in the grid) is
    // written out here, so that touch and keyboard users can read it too.
    const description =
      panel.kind === 'header' ? data.index.dimension(panel.axis === 'row' ? rowsDim : colsDim)?.nodes.get(panel.categoryId)?.data.description : undefined;
    return html`<section class="panel" part="panel" role="region" aria-labelledby="panel-title">
      <div class="panel-head">
        ${heading(this.level + 1)`<H id="panel-title" tabindex="-1">${title}</H>`}
        <button class="close" type="button" aria-label=${m.close} @click=${this.closePanel}>×</button>
      </div>
      ${description ? html`<p class="panel-description">${description}</p>` : nothing}
      ${this.renderStudyList(data, schema, panel)}
    </section>`;
  }

  /** The panel's list, once its code is here; until then a loading line, or the failure and a retry. */
  private renderStudyList(data: MapData, schema: EgmSchema, panel: Panel): TemplateResult {
    const m = this.l10n.s.map;
    const code = deferredCode();
    if (code) this.studyList ??= new code.StudyList();
    if (!this.studyList) {
      if (!this.deferredFailed) void this.loadDeferred();
      this.panelCount = '';
      return this.deferredFailed
        ? html`<p class="panel-count" role="alert">${m.panelFailed}</p>
            <p><button class="retry" type="button" @click=${this.retryPanel}>${m.retry}</button></p>`
        : html`<p class="panel-count">${m.panelLoading}</p>`;
    }
    const { template, count } = this.studyList.render({
      data,
      schema,
      studyIds: panel.studyIds,
      gap: () => panel.kind === 'cell' && this.isGap(panel),
      l10n: this.l10n,
      strings: this.strings,
      level: this.level + 1,
      sort: this.sort,
      groupBy: this.groupBy,
      query: this.panelQuery,
      shown: this.shown,
      firstCards: this.firstCards,
      onSearch: this.onPanelSearch,
      onSort: this.onSort,
      onGroup: this.onGroup,
      onMore: (id, upTo) => (this.shown = new Map(this.shown).set(id, upTo)),
    });
    this.panelCount = count;
    return template;
  }

  private isGap(panel: Extract<Panel, { kind: 'cell' }>): boolean {
    const model = this.renderRoot.querySelector<EgmGrid>('egm-grid')?.model;
    const r = model?.rows.byId.get(panel.rowId)?.line ?? -1;
    const c = model?.columns.byId.get(panel.columnId)?.line ?? -1;
    return !!model && r >= 0 && c >= 0 && model.totals.counts[r * model.totals.columns + c] === 0;
  }

  /** This map's panel list (sort and search caches), once the code is here. */
  private studyList?: StudyList;
  /** The deferred code on its way for this map (see `loadDeferred`). */
  private waiting?: Promise<void>;
  /**
   * The deferred code could not be loaded (the chunk is missing, say): the panel says so and
   * offers a retry; the about text and the URL state wait for that retry.
   */
  private deferredFailed = false;

  /**
   * Fetches the code the map draws after its first screen (`deferred.ts`), if it is not here
   * yet, and draws again when it is. Called once the map is drawn and the page is idle, when a
   * panel opens, and by the panel's retry button; renders that need it call it too, unless it
   * failed (a failed load is retried by a reader's action, not by a loop of renders).
   */
  private loadDeferred(): Promise<void> {
    if (deferredCode()) return Promise.resolve();
    this.deferredFailed = false;
    return (this.waiting ??= loadDeferredCode().then(
      () => {
        this.waiting = undefined;
        // The list arrives with a panel already open: its first cards, then the rest of the page.
        if (this.panel) this.drawFirstCards();
        this.requestUpdate();
      },
      () => {
        this.waiting = undefined;
        this.deferredFailed = true;
        this.requestUpdate();
      },
    ));
  }

  // ---- wiring ------------------------------------------------------------------------------

  /** Applies a change after the event has reached every listener, unless one prevented it. */
  private afterDispatch(event: Event, apply: () => void): void {
    queueMicrotask(() => {
      if (!event.defaultPrevented) apply();
    });
  }

  private readonly onFilterChange = (event: EgmFilterChangeEvent) => {
    this.afterDispatch(event, () => {
      this.filters = normalizeFilters(event.detail.filters);
      const grid = this.renderRoot.querySelector<EgmGrid>('egm-grid');
      void this.updateComplete.then(() => {
        const counts = grid?.counts;
        const size = grid?.model?.index.size ?? 0;
        if (counts) this.announce(this.l10n.t(this.l10n.s.map.filtered, { shown: counts.shown, n: size }));
      });
    });
  };

  private readonly onCellSelect = (event: EgmCellSelectEvent) => {
    this.afterDispatch(event, () => {
      const { rowId, columnId, studyIds } = event.detail;
      this.selected = { rowId, columnId };
      this.openPanel({ kind: 'cell', rowId, columnId, studyIds });
    });
  };

  private readonly onHeaderSelect = (event: EgmHeaderSelectEvent) => {
    this.afterDispatch(event, () => {
      const { axis, categoryId, studyIds, scope } = event.detail;
      this.selected = null;
      this.openPanel({ kind: 'header', axis, categoryId, studyIds, scope });
    });
  };

  private readonly onGroupToggle = (event: Event) => {
    const grid = event.target as EgmGrid;
    this.collapsed = [...grid.collapsed];
  };

  private readonly onSegmentToggle = (event: EgmSegmentToggleEvent) => {
    this.afterDispatch(event, () => {
      const { categoryId, visible } = event.detail;
      const hidden = new Set(this.hiddenSegments);
      if (visible) hidden.delete(categoryId);
      else hidden.add(categoryId);
      this.hiddenSegments = [...hidden];
    });
  };

  private readonly onSort = (event: Event) => {
    this.sort = (event.target as HTMLSelectElement).value as EgmStudySort;
  };

  private readonly onGroup = (event: Event) => {
    this.groupBy = (event.target as HTMLSelectElement).value;
    this.shown = new Map();
  };

  private readonly onPanelSearch = (event: Event) => {
    this.panelQuery = (event.target as HTMLInputElement).value;
    this.shown = new Map();
    // The count is announced once typing pauses, not at every key.
    clearTimeout(this.findTimer);
    this.findTimer = setTimeout(() => this.announce(this.panelCount), 400);
  };

  /** Escape ends full screen, unless something inside used it (a filter panel, a search box it clears). */
  private readonly onKeydown = (event: KeyboardEvent) => {
    if (!this.fullscreen || event.key !== 'Escape' || event.defaultPrevented) return;
    const target = event.composedPath()[0];
    if (target instanceof HTMLInputElement && target.type === 'search' && target.value) return;
    event.preventDefault();
    this.fullscreen = false;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.fullscreen')?.focus());
  };

  private openPanel(panel: Panel): void {
    void this.loadDeferred();
    this.panel = panel;
    this.panelQuery = '';
    this.shown = new Map();
    this.drawFirstCards();
    const n = panel.studyIds.length;
    void this.updateComplete.then(() => {
      const title = this.renderRoot.querySelector('#panel-title')?.textContent ?? '';
      const m = this.l10n.s.map;
      this.announce(this.l10n.t(n === 0 ? m.openedNone : m.opened, { title, n }));
    });
  }

  /** After a filter change the panel lists what is left of its cell or header. */
  private refreshPanel(): void {
    const model = this.renderRoot.querySelector<EgmGrid>('egm-grid')?.model;
    const panel = this.panel;
    if (!model || !panel) return;
    const studyIds =
      panel.kind === 'cell'
        ? model.cellStudies(panel.rowId, panel.columnId, this.filters)
        : panel.scope === 'direct'
          ? model.directOnlyStudies(panel.axis, panel.categoryId, this.filters)
          : model.headerStudies(panel.axis, panel.categoryId, this.filters);
    this.panel = { ...panel, studyIds };
  }

  // ---- exports and shareable state ---------------------------------------------------------

  private get data(): MapData | undefined {
    const src = this.source;
    const state = src ? resolveMap(src.schema, src.studies) : undefined;
    return state?.status === 'ok' ? state.data : undefined;
  }

  private exportModule?: Promise<typeof import('../../internal/export-files.js')>;

  /**
   * The download code, imported on first use (a chunk beside the embed bundle). Called when a
   * pointer or focus reaches the download buttons, so it is usually there before the click.
   * A failed import is forgotten, so the next click tries again.
   */
  private readonly exportFiles = (): Promise<typeof import('../../internal/export-files.js')> =>
    (this.exportModule ??= import('../../internal/export-files.js').catch((error: unknown) => {
      this.exportModule = undefined;
      throw error;
    }));

  /** Waits for a download from a button; says so in the live region when it cannot be made. */
  private offer(job: Promise<unknown>): void {
    job.catch(() => this.announce(this.l10n.s.map.downloadFailed));
  }

  /**
   * The studies passing the current filters, as CSV or RIS, offered as a file download.
   * Resolves to the file's text (`""` before a map has loaded); rejects when the download code
   * cannot be loaded.
   */
  async exportStudies(kind: 'csv' | 'ris'): Promise<string> {
    const files = await this.exportFiles();
    const data = this.data;
    if (!data) return '';
    const { text, count } = files.downloadStudies(data, this.filters, kind);
    this.announce(this.l10n.t(this.l10n.s.map.downloaded, { n: count, format: kind.toUpperCase() }));
    return text;
  }

  /**
   * The map as drawn now (filters, collapsed groups, hidden segments) as an SVG or PNG file
   * download. Resolves to the SVG text or the PNG blob (`undefined` before a map has loaded);
   * rejects when the download code cannot be loaded.
   */
  async exportPicture(kind: 'svg' | 'png'): Promise<string | Blob | undefined> {
    const files = await this.exportFiles();
    const grid = this.renderRoot.querySelector<EgmGrid>('egm-grid');
    const data = this.data;
    return data && grid ? files.downloadPicture(data, grid, this.hiddenSegments, kind) : undefined;
  }

  private get stateKey(): string {
    return this.data?.map.id || this.id || 'egm';
  }

  /**
   * Applies the state in the URL, if any, to this map. The code that reads it comes with what
   * the map draws after its first screen (`deferred.ts`), fetched as soon as `url-state` is set:
   * until it is here, nothing is written to the URL either (`restoring`), so the link's state is
   * never overwritten by the map's first state. If it cannot be fetched, the map stays as it is.
   */
  private restoreUrlState(): void {
    const code = deferredCode();
    if (!code) {
      if (this.deferredFailed) return;
      this.restoring = true;
      void this.loadDeferred().then(() => {
        this.restoring = false;
        if (deferredCode() && this.urlState && this.data) this.restoreUrlState();
      });
      return;
    }
    const state = code.stateInUrl(this.stateKey, this.data!, this);
    if (!state) return;
    this.restoring = true;
    this.filters = state.filters;
    this.collapsed = state.collapsed;
    if (state.view) this.view = state.view;
    this.selected = state.selected;
    void this.updateComplete.then(() => {
      const grid = this.renderRoot.querySelector<EgmGrid>('egm-grid');
      if (state.selected && grid?.model) {
        const { rowId, columnId } = state.selected;
        this.openPanel({ kind: 'cell', rowId, columnId, studyIds: grid.cellStudies(rowId, columnId) });
      } else this.panel = undefined;
      this.restoring = false;
    });
  }

  private restoring = false;

  /** Records the current state in the URL (a history entry per change, so Back undoes it). */
  private saveUrlState(): void {
    if (!this.urlState || this.restoring || !this.data) return;
    const code = deferredCode();
    if (!code) {
      if (!this.deferredFailed) void this.loadDeferred().then(() => deferredCode() && this.saveUrlState());
      return;
    }
    code.pushStateToUrl(this.stateKey, { filters: this.filters, selected: this.selected, collapsed: this.collapsed, view: this.view });
  }

  private readonly onPopState = () => {
    if (this.urlState && this.data) this.restoreUrlState();
  };

  private readonly copyLink = async () => {
    try {
      await navigator.clipboard.writeText(location.href);
      this.announce(this.l10n.s.map.linkCopied);
    } catch {
      this.announce(this.l10n.t(this.l10n.s.map.copyThisLink, { url: location.href }));
    }
  };

  /** Escape in the grid cleared its selection: the cell's panel closes, focus stays in the grid. */
  private readonly onSelectionClear = () => {
    this.selected = null;
    if (this.panel?.kind === 'cell') this.panel = undefined;
  };

  /** The panel's "Try again": once the list is drawn, focus goes to the panel's title (the button is gone). */
  private readonly retryPanel = async () => {
    await this.loadDeferred();
    await this.updateComplete;
    if (this.studyList) this.renderRoot.querySelector<HTMLElement>('#panel-title')?.focus();
  };

  private readonly closePanel = () => {
    const selected = this.selected;
    this.panel = undefined;
    this.selected = null;
    // Return focus to the cell the panel came from.
    void this.updateComplete.then(() => {
      const grid = this.renderRoot.querySelector<EgmGrid>('egm-grid');
      const target = selected
        ? grid?.shadowRoot?.querySelector<HTMLElement>(`[data-row="${CSS.escape(selected.rowId)}"][data-column="${CSS.escape(selected.columnId)}"]`)
        : grid?.shadowRoot?.querySelector<HTMLElement>('[tabindex="0"]');
      target?.focus();
    });
  };

  private announce(text: string): void {
    // The same text twice in a row would not be re-read: nudge it.
    this.announcement = this.announcement === text ? `${text}\u00a0` : text;
  }
}

if (!customElements.get('egm-map')) customElements.define('egm-map', EgmMapElement);

declare global {
  interface HTMLElementTagNameMap {
    'egm-map': EgmMapElement;
  }
}
