import { LitElement, html, nothing, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { isEmptyFilter, normalizeFilters } from '../../core/filter.js';
import type { CategoryNode, DimensionIndex } from '../../core/map-index.js';
import type { EgmFilterMode, EgmFilters, EgmIssue, EgmSchema, EgmStudy } from '../../core/types.js';
import { EgmFilterChangeEvent } from '../../events/egm-filter-change.js';
import { LocaleController } from '../../controllers/locale-controller.js';
import type { EgmStrings } from '../../i18n/en.js';
import type { EgmLocale } from '../../i18n/registry.js';
import { resolveMap, studyYears, type MapData, type MapState } from '../../internal/map-data.js';
import { renderIssues } from '../../internal/render-issues.js';
import { styles } from './egm-filter-bar.styles.js';
import { optionState, rovingTarget, toggleCategory } from './selection.js';

/** How long typing in the search box waits before it filters (Enter filters at once). */
export const SEARCH_DEBOUNCE_MS = 200;

/** An active filter shown as a removable chip. */
interface Chip {
  key: string;
  label: string;
  remove: (filters: EgmFilters) => EgmFilters;
}

const own = (record: Record<string, string[]>, key: string): string[] | undefined =>
  Object.hasOwn(record, key) ? record[key] : undefined;

const sameFilters = (a: EgmFilters, b: EgmFilters) => JSON.stringify(normalizeFilters(a)) === JSON.stringify(normalizeFilters(b));

const MODES: readonly EgmFilterMode[] = ['standard', 'all', 'any'];
/** Each mode's name and plain-language description. */
const modeText = (t: EgmStrings['filterBar'], mode: EgmFilterMode): [label: string, description: string] =>
  mode === 'all' ? [t.modeAll, t.modeAllDescription] : mode === 'any' ? [t.modeAny, t.modeAnyDescription] : [t.modeStandard, t.modeStandardDescription];
/** The toolbar key (`data-key`) of the mode control. Dimension controls are `dim:<id>`. */
const MODE_KEY = 'mode';

/**
 * A toolbar of filters for an evidence and gap map: one checkbox menu per filter dimension,
 * a search box, a year range, the active filters as removable chips, and how many studies
 * pass. Wire it to a grid in one line:
 * `bar.addEventListener('egm-filter-change', (e) => (grid.filters = e.detail.filters))`.
 *
 * - Each dimension's button opens a panel listing its category tree (groups indented). Each
 *   option shows how many studies it would give with the other active filters kept
 *   (`FilterEngine.facets`). Options that would give none stay selectable and are only dimmed:
 *   the count already says "none", a disabled option could not be chosen ahead of another
 *   filter, and a host-set selection must always be removable where it is shown.
 * - Checking a group selects the group id, which includes its descendants (spec §3); its
 *   children then show as checked too. Unchecking one of them replaces the group by its other
 *   children. A group with only some descendants selected shows as mixed.
 * - After the dimensions, a "Match" button sets the `mode` (spec §4) in a panel of three
 *   radio buttons, each with its plain-language description shown under it (and linked with
 *   `aria-describedby`): "Each filter" (`standard`: one of the choices in every filter used),
 *   "Every choice" (`all`) and "Any choice" (`any`). It is a control of the toolbar like the
 *   others; inside its panel the arrow keys choose a mode, and each choice emits
 *   `egm-filter-change`. Hosts set it through `.filters.mode`.
 * - "Clear all" removes every category, the search and the year range but keeps the mode:
 *   the mode says how to combine filters and is not itself one (it shows no chip, and alone
 *   it leaves "Clear all" disabled).
 * - The search box matches every word in titles, authors and abstracts; it filters 200 ms
 *   after typing stops, or at once on Enter. The year range is bounded by the map's years.
 * - Keyboard: the bar is a WAI-ARIA toolbar with one tab stop; Left/Right (and Home/End on
 *   buttons) move between its controls. In the search box Left/Right move the caret and leave
 *   the box only at its ends; in the year boxes Up/Down change the year. Down on a closed
 *   filter or mode button opens its panel. Inside a panel Tab and Up/Down move between options;
 *   Escape closes it and returns focus to its button; clicking outside or tabbing out closes it.
 * - Controlled or not: setting `.filters` shows those filters; without a host setting it, the
 *   bar keeps its own state. Every change emits a cancelable `egm-filter-change`; calling
 *   `preventDefault()` reverts the bar to the filters it had before.
 * - Given no `.schema` it renders nothing; given an invalid map it shows the map's problems.
 *
 * @summary Filters for an evidence and gap map: category menus with counts, search, years, chips.
 * @tag egm-filter-bar
 *
 * @event {EgmFilterChangeEvent} egm-filter-change - The filters changed through the bar. `detail.filters` is a fresh normalised `EgmFilters`, exactly what `<egm-grid>`'s `.filters` takes. Bubbles, composed, cancelable: `preventDefault()` reverts the bar.
 *
 * @attribute theme - `dark` for the dark theme, `auto` to follow the reader's system (`prefers-color-scheme`); the elements inside follow (docs/theming.md).
 * @csspart base - The wrapper around the toolbar and the status line.
 * @csspart bar - The toolbar (`role="toolbar"`) holding every control.
 * @csspart control - One dimension's filter, or the mode control: its button and its panel.
 * @csspart control-button - The button that opens a dimension's (or the mode's) panel.
 * @csspart badge - How many categories of a dimension are selected, on its button.
 * @csspart panel - The panel listing a dimension's categories.
 * @csspart option - One category (checkbox, label and count), or one mode (radio and label), in a panel.
 * @csspart facet - The number of studies beside an option.
 * @csspart search - The search box.
 * @csspart years - The year range group.
 * @csspart year-input - Each of the "From" and "To" year boxes.
 * @csspart chips - The group of active-filter chips.
 * @csspart chip - One active filter; activating it removes the filter.
 * @csspart clear - The "Clear all" button.
 * @csspart status - The live "Showing N of M studies" line.
 * @csspart error - The error state shown for an invalid map.
 *
 * @cssproperty [--egm-font-family=system-ui, sans-serif] - Font of the bar.
 * @cssproperty [--egm-font-size=0.875rem] - Base font size.
 * @cssproperty [--egm-color-text=#1f2328] - Text colour.
 * @cssproperty [--egm-color-text-muted=#57606a] - Counts, the status line and options that would give no study.
 * @cssproperty [--egm-color-background=#ffffff] - Background of controls and panels.
 * @cssproperty [--egm-color-surface=#f6f8fa] - Chips, hovered options and open buttons.
 * @cssproperty [--egm-color-border=#d0d7de] - Borders of controls and panels.
 * @cssproperty [--egm-color-accent=#0b5cad] - Checkboxes, selection badges and "Clear all".
 * @cssproperty [--egm-color-focus=#0b5cad] - The focus ring.
 * @cssproperty [--egm-radius=6px] - Corner radius.
 * @cssproperty [--egm-space=0.5rem] - Spacing unit.
 * @cssproperty [--egm-filter-panel-max-height=20rem] - Height past which a panel scrolls.
 */
export class EgmFilterBar extends LitElement {
  static override styles = styles;
  /**
   * Lit's reactive properties, declared here rather than by decorators (a smaller bundle). Each
   * element's table is written out whole: the manifest analyzer reads it as it stands, and a
   * table spread from a shared one loses the element from custom-elements.json.
   */
  static override properties: PropertyDeclarations = {
    schema: { attribute: false },
    studies: { attribute: false },
    filters: { attribute: false },
    dimensions: { reflect: true },
    silent: { type: Boolean, reflect: true },
    strings: { attribute: false },
    openKey: { state: true },
    searchText: { state: true },
    focusKey: { state: true },
  };

  /** The map without its studies (spec §1), or a whole map file. Validated once per object. */
  schema?: EgmSchema;

  /** The study list. Left out, the studies of a whole map given as `.schema` are used. */
  studies?: EgmStudy[];

  /**
   * The filters shown (spec §4). Set it to control the bar; the bar also updates it itself
   * after each change it emits (unless the event is cancelled or its handler set it).
   */
  get filters(): EgmFilters {
    return this._filters;
  }
  set filters(value: EgmFilters) {
    const before = this.active;
    this._filters = value;
    // A host's new filters replace what the search box holds; its own echo keeps the caret.
    if (!this.committing && !sameFilters(before, this.active)) this.syncSearch(true);
  }

  /** Space-separated dimension ids to offer, overriding the map's `layout.filters`. */
  dimensions?: string;

  /**
   * The status line ("Showing N of M studies") is shown but not announced: for a host that has
   * its own live region and announces the result itself, as `<egm-map>` does, so that a screen
   * reader hears it once.
   */
  silent = false;

  /** Replacement strings (any part of the English table, src/i18n/en.ts); see docs/i18n.md. */
  strings?: EgmLocale;

  private readonly l10n = new LocaleController(this);

  /** The toolbar key (`dim:<id>` or the mode's) of the control whose panel is open. */
  private openKey: string | null = null;
  /** The search box's text, which runs ahead of `filters.query` while typing. */
  private searchText = '';
  /** The toolbar control that was focused last: it holds the tab stop. */
  private focusKey = '';

  private _filters: EgmFilters = { categories: {} };
  private normalized?: { from: EgmFilters; value: EgmFilters };
  private committing = false;
  private searchTimer?: ReturnType<typeof setTimeout>;
  private mapState: MapState = { status: 'empty' };

  /** `filters`, normalised (cached per object). */
  private get active(): EgmFilters {
    if (this.normalized?.from !== this._filters) this.normalized = { from: this._filters, value: normalizeFilters(this._filters) };
    return this.normalized.value;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('click', this.onDocumentClick, true);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('click', this.onDocumentClick, true);
    this.cancelSearch();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('schema') || changed.has('studies') || this.mapState.status === 'empty') {
      this.mapState = resolveMap(this.schema, this.studies);
    }
  }

  override render(): TemplateResult | typeof nothing {
    const st = this.mapState;
    const t = this.l10n.s.filterBar;
    if (st.status === 'empty') return nothing;
    if (st.status === 'invalid') return renderIssues(t.invalid, st.issues, this.l10n);
    const data = st.data;
    const dims = this.filterDimensions(data);
    if ('issues' in dims) return renderIssues(t.cannotShow, dims.issues, this.l10n);
    const f = this.active;
    const years = studyYears(data);
    const chips = this.chips(data, dims.list, f);
    // The mode only matters once there is something to combine: offered with the dimensions.
    const hasMode = dims.list.length > 0;
    const keys = [
      ...dims.list.map((d) => `dim:${d.dimension.id}`),
      ...(hasMode ? [MODE_KEY] : []),
      'search',
      ...(years ? ['from', 'to'] : []),
      ...chips.map((c) => c.key),
      'clear',
    ];
    const tabStop = keys.includes(this.focusKey) ? this.focusKey : keys[0];
    const tab = (key: string) => (key === tabStop ? 0 : -1);
    const shown = data.filters.mask(f).count();
    const total = data.index.size;
    const empty = chips.length === 0;
    return html`<div class="base" part="base">
      <div class="bar" part="bar" role="toolbar" aria-label=${t.toolbar} @keydown=${this.onToolbarKeydown} @focusin=${this.onToolbarFocusin}>
        ${repeat(dims.list, (d) => d.dimension.id, (d, i) => this.renderControl(data, d, i, f, tab))}
        ${hasMode ? this.renderMode(f.mode ?? 'standard', tab) : nothing}
        <label class="search">
          <span class="visually-hidden">${t.search}</span>
          <input
            type="search"
            part="search"
            placeholder=${t.searchPlaceholder}
            autocomplete="off"
            data-key="search"
            tabindex=${tab('search')}
            .value=${live(this.searchText)}
            @input=${this.onSearchInput}
            @keydown=${this.onSearchKeydown}
          />
        </label>
        ${years ? this.renderYears(years, f, tab) : nothing}
        ${empty
          ? nothing
          : html`<div class="chips" part="chips" role="group" aria-label=${t.activeFilters}>
              ${repeat(chips, (c) => c.key, (c) => html`<button
                type="button"
                class="chip"
                part="chip"
                data-key=${c.key}
                tabindex=${tab(c.key)}
                @click=${(e: Event) => this.removeChip(c, e.currentTarget as HTMLElement)}
              >
                <span class="visually-hidden">${t.removeFilter}</span><span class="chip-text">${c.label}</span><span class="x" aria-hidden="true">×</span>
              </button>`)}
            </div>`}
        <button
          type="button"
          class="clear"
          part="clear"
          data-key="clear"
          tabindex=${tab('clear')}
          aria-disabled=${empty ? 'true' : 'false'}
          @click=${this.clearAll}
        >
          ${t.clear}
        </button>
      </div>
      <p class="status" part="status" role=${this.silent ? nothing : 'status'} aria-live=${this.silent ? nothing : 'polite'}>${this.l10n.t(t.status, { shown, n: total })}</p>
    </div>`;
  }

  private renderControl(data: MapData, dim: DimensionIndex, i: number, f: EgmFilters, tab: (key: string) => number): TemplateResult {
    const id = dim.dimension.id;
    const key = `dim:${id}`;
    const selected = own(f.categories, id) ?? [];
    const open = this.openKey === key;
    const panelId = `panel-${i}`;
    // Facets only matter while a panel is open; closed panels keep their last numbers out of the DOM.
    const facets = open ? data.filters.facets(f, id) : undefined;
    return this.renderDisclosure(
      key,
      open,
      tab,
      panelId,
      id,
      html`<span>${dim.dimension.label}</span>
        ${selected.length
          ? html`<span class="badge" part="badge"
              >${this.l10n.n(selected.length)}<span class="visually-hidden">${this.l10n.t(this.l10n.s.filterBar.selected, { n: selected.length })}</span></span
            >`
          : nothing}`,
      html`<div class="panel" part="panel" id=${panelId} role="group" aria-label=${dim.dimension.label} ?hidden=${!open}>
        ${facets ? html`<ul class="options" role="list">${this.renderTree(dim, dim.root.children ?? [], selected, facets)}</ul>` : nothing}
      </div>`,
    );
  }

  /**
   * One control of the toolbar: a button (in the roving tab order) that opens the panel below
   * it; a dimension's filter when `dimension` is given, else the mode control.
   */
  private renderDisclosure(
    key: string,
    open: boolean,
    tab: (key: string) => number,
    panelId: string,
    dimension: string | undefined,
    label: TemplateResult,
    panel: TemplateResult,
  ): TemplateResult {
    return html`<div
      class=${`control${dimension === undefined ? ' mode' : ''}${open ? ' open' : ''}`}
      part="control"
      data-dimension=${dimension ?? nothing}
      @keydown=${(e: KeyboardEvent) => this.onControlKeydown(e, key)}
      @focusout=${(e: FocusEvent) => this.onControlFocusout(e, key)}
    >
      <button
        type="button"
        class="control-button"
        part="control-button"
        data-key=${key}
        tabindex=${tab(key)}
        aria-expanded=${open ? 'true' : 'false'}
        aria-controls=${panelId}
        @click=${() => this.togglePanel(key)}
      >
        ${label}
        <span class="caret" aria-hidden="true">▾</span>
      </button>
      ${panel}
    </div>`;
  }

  /**
   * How selections combine (spec §4 `mode`): a button like a dimension's, whose panel is a
   * radio group with each mode's description shown under it (no hover-only tooltip), so it is
   * read by screen readers (`aria-describedby`) and seen on touch screens.
   */
  private renderMode(mode: EgmFilterMode, tab: (key: string) => number): TemplateResult {
    const open = this.openKey === MODE_KEY;
    const t = this.l10n.s.filterBar;
    return this.renderDisclosure(
      MODE_KEY,
      open,
      tab,
      'mode-panel',
      undefined,
      html`<span>${this.l10n.t(t.match, { mode: modeText(t, mode)[0] })}</span>`,
      html`<div class="panel" part="panel" id="mode-panel" role="radiogroup" aria-labelledby="mode-legend" ?hidden=${!open}>
        <p class="mode-legend" id="mode-legend">${t.modeLegend}</p>
        ${MODES.map(
          (m) => html`<label class="option" part="option">
              <input
                type="radio"
                name="mode"
                value=${m}
                aria-describedby=${`mode-${m}`}
                .checked=${live(m === mode)}
                @change=${() => this.change({ ...this.base(), mode: m })}
              />
              <span class="name">${modeText(t, m)[0]}</span>
            </label>
            <p class="mode-description" id=${`mode-${m}`}>${modeText(t, m)[1]}</p>`,
        )}
      </div>`,
    );
  }

  private renderTree(dim: DimensionIndex, nodes: readonly CategoryNode[], selected: readonly string[], facets: Map<string, number>): TemplateResult {
    return html`${repeat(
      nodes,
      (n) => n.data.id,
      (n) => {
        const id = n.data.id;
        const st = optionState(dim, selected, id);
        const count = facets.get(id) ?? 0;
        const cls = `option${n.children ? ' group' : ''}${count === 0 ? ' empty' : ''}`;
        // The description is the label's tooltip and the checkbox's accessible description (a
        // title on the label alone reaches no screen reader).
        return html`<li>
          <label class=${cls} part="option" title=${n.data.description ?? nothing}>
            <input
              type="checkbox"
              data-id=${id}
              title=${n.data.description ?? nothing}
              .checked=${live(st === 'checked' || st === 'implied')}
              .indeterminate=${live(st === 'mixed')}
              @change=${(e: Event) => this.onOptionChange(dim, id, (e.target as HTMLInputElement).checked)}
            />
            <span class="name">${n.data.label}</span>
            <span class="facet" part="facet" data-count=${count}
              >${this.l10n.n(count)}<span class="visually-hidden">${this.l10n.t(this.l10n.s.filterBar.facet, { n: count })}</span></span
            >
          </label>
          ${n.children ? html`<ul role="list">${this.renderTree(dim, n.children, selected, facets)}</ul>` : nothing}
        </li>`;
      },
    )}`;
  }

  private renderYears(years: { min: number; max: number }, f: EgmFilters, tab: (key: string) => number): TemplateResult {
    const t = this.l10n.s.filterBar;
    const input = (which: 'from' | 'to', label: string) => html`<label>
      <span>${label}</span>
      <input
        type="number"
        part="year-input"
        inputmode="numeric"
        step="1"
        min=${years.min}
        max=${years.max}
        placeholder=${which === 'from' ? years.min : years.max}
        data-key=${which}
        tabindex=${tab(which)}
        .value=${live(f.years?.[which] === undefined ? '' : String(f.years[which]))}
        @change=${(e: Event) => this.onYearChange(which, e.target as HTMLInputElement)}
        @keydown=${(e: KeyboardEvent) => {
          if (e.key === 'Enter') this.onYearChange(which, e.target as HTMLInputElement);
        }}
      />
    </label>`;
    return html`<div class="years" part="years" role="group" aria-labelledby="years-label">
      <span class="years-label" id="years-label">${t.years}</span>
      ${input('from', t.from)} ${input('to', t.to)}
    </div>`;
  }

  /** The dimensions offered: the `dimensions` attribute, else the map's `layout.filters`. */
  private filterDimensions(data: MapData): { list: DimensionIndex[] } | { issues: EgmIssue[] } {
    const fromAttr = (this.dimensions ?? '').split(/\s+/).filter(Boolean);
    const ids = [...new Set(fromAttr.length ? fromAttr : (data.map.layout.filters ?? []))];
    const issues: EgmIssue[] = [];
    const list: DimensionIndex[] = [];
    for (const id of ids) {
      const dim = data.index.dimension(id);
      if (dim) list.push(dim);
      else {
        const known = [...data.index.dimensions.keys()].map((d) => `"${d}"`).join(', ');
        issues.push({ path: 'dimensions attribute', message: `unknown dimension "${id}"; this map has ${known}` });
      }
    }
    return issues.length ? { issues } : { list };
  }

  /** The active filters as chips: the bar's dimensions first, then the map's others, then the search and years. */
  private chips(data: MapData, dims: readonly DimensionIndex[], f: EgmFilters): Chip[] {
    const out: Chip[] = [];
    const t = this.l10n.s.filterBar;
    const say = this.l10n.t.bind(this.l10n);
    const order = [...new Set([...dims.map((d) => d.dimension.id), ...data.map.dimensions.map((d) => d.id), ...Object.keys(f.categories)])];
    for (const dimId of order) {
      const ids = own(f.categories, dimId);
      if (!ids) continue;
      const dim = data.index.dimension(dimId);
      for (const id of ids) {
        out.push({
          key: `chip:${JSON.stringify([dimId, id])}`,
          label: say(t.chip, { dimension: dim?.dimension.label ?? dimId, category: dim?.nodes.get(id)?.data.label ?? id }),
          remove: (b) => ({ ...b, categories: { ...b.categories, [dimId]: (own(b.categories, dimId) ?? []).filter((x) => x !== id) } }),
        });
      }
    }
    if (f.query !== undefined) {
      out.push({ key: 'chip:query', label: say(t.chipSearch, { query: f.query }), remove: (b) => ({ ...b, query: undefined }) });
    }
    if (f.years) {
      const { from, to } = f.years;
      // Years are text: no thousands separators.
      const range =
        from !== undefined && to !== undefined
          ? say(t.yearsBetween, { from: String(from), to: String(to) })
          : from !== undefined
            ? say(t.yearsFrom, { from: String(from) })
            : say(t.yearsTo, { to: String(to) });
      out.push({ key: 'chip:years', label: say(t.chipYears, { range }), remove: (b) => ({ ...b, years: undefined }) });
    }
    return out;
  }

  // --- changes ---------------------------------------------------------------------------

  /**
   * Emits `egm-filter-change` for `next` (unless nothing would change) and adopts it unless the
   * event is cancelled or its handler set `.filters` itself. Returns whether it was adopted.
   */
  private change(next: EgmFilters): boolean {
    this.cancelSearch();
    const previous = this._filters;
    let adopted = false;
    const clean = normalizeFilters(next);
    if (!sameFilters(clean, this.active)) {
      const event = new EgmFilterChangeEvent({ filters: clean });
      adopted = this.dispatchEvent(event);
      if (adopted && this._filters === previous) {
        this.committing = true;
        try {
          this.filters = normalizeFilters(clean);
        } finally {
          this.committing = false;
        }
      }
    }
    this.syncSearch(false);
    // Controls the user changed natively (a reverted checkbox, a year box) follow the state again.
    this.requestUpdate();
    return adopted;
  }

  /** The current filters with the search box's pending text, so no change drops what was typed. */
  private base(): EgmFilters {
    return this.searchTimer !== undefined ? { ...this.active, query: this.searchText } : this.active;
  }

  private onOptionChange(dim: DimensionIndex, id: string, checked: boolean): void {
    const b = this.base();
    const dimId = dim.dimension.id;
    const next = toggleCategory(dim, own(b.categories, dimId) ?? [], id, checked);
    this.change({ ...b, categories: { ...b.categories, [dimId]: next } });
  }

  private onYearChange(which: 'from' | 'to', input: HTMLInputElement): void {
    const v = input.valueAsNumber;
    const b = this.base();
    this.change({ ...b, years: { ...b.years, [which]: Number.isFinite(v) ? v : undefined } });
  }

  private readonly onSearchInput = (e: Event) => {
    this.searchText = (e.target as HTMLInputElement).value;
    this.cancelSearch();
    this.searchTimer = setTimeout(() => {
      this.searchTimer = undefined;
      this.change({ ...this.active, query: this.searchText });
    }, SEARCH_DEBOUNCE_MS);
  };

  private readonly onSearchKeydown = (e: KeyboardEvent) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    this.change({ ...this.active, query: (e.target as HTMLInputElement).value });
  };

  private cancelSearch(): void {
    if (this.searchTimer !== undefined) clearTimeout(this.searchTimer);
    this.searchTimer = undefined;
  }

  /** Shows the active query in the search box, unless the box already says it (give or take spaces). */
  private syncSearch(cancelPending: boolean): void {
    if ((this.searchText.trim() || undefined) === this.active.query) return;
    if (cancelPending) this.cancelSearch();
    this.searchText = this.active.query ?? '';
  }

  private removeChip(chip: Chip, button: HTMLElement): void {
    const at = this.rovingItems().indexOf(button);
    if (!this.change(chip.remove(this.base()))) return;
    // The chip is gone: focus what took its place (the next chip, or "Clear all").
    void this.updateComplete.then(() => {
      const items = this.rovingItems();
      items[Math.max(0, Math.min(at, items.length - 1))]?.focus();
    });
  }

  private readonly clearAll = () => {
    if (isEmptyFilter(this.active)) return;
    const mode = this.active.mode;
    this.change(mode ? { categories: {}, mode } : { categories: {} });
  };

  // --- panels and keyboard ---------------------------------------------------------------

  private togglePanel(key: string): void {
    this.openKey = this.openKey === key ? null : key;
  }

  private rovingItems(): HTMLElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLElement>('[data-key]')];
  }

  private isRtl(): boolean {
    try {
      return this.matches(':dir(rtl)');
    } catch {
      return getComputedStyle(this).direction === 'rtl';
    }
  }

  private readonly onToolbarFocusin = (e: FocusEvent) => {
    const key = (e.target as HTMLElement).closest<HTMLElement>('[data-key]')?.dataset.key;
    if (key !== undefined) this.focusKey = key;
  };

  private readonly onToolbarKeydown = (e: KeyboardEvent) => {
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    const target = e.target as HTMLElement;
    if (target.closest('.panel')) return; // inside a panel, keys are the panel's
    const items = this.rovingItems();
    const index = items.indexOf(target);
    if (index < 0) return;
    const rtl = this.isRtl();
    if (target instanceof HTMLInputElement && !leavesInput(target, e.key, rtl)) return;
    const next = rovingTarget(e.key, index, items.length, rtl);
    if (next === undefined) return;
    e.preventDefault();
    items[next].focus();
  };

  private onControlKeydown(e: KeyboardEvent, key: string): void {
    const control = e.currentTarget as HTMLElement;
    const button = control.querySelector<HTMLElement>('.control-button');
    if (e.key === 'Escape' && this.openKey === key) {
      e.preventDefault();
      this.openKey = null;
      button?.focus();
      return;
    }
    if ((e.key !== 'ArrowDown' && e.key !== 'ArrowUp') || e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.target === button) {
      if (e.key !== 'ArrowDown') return;
      e.preventDefault();
      this.openKey = key;
      // Into the panel: the checked mode, or a dimension's first option.
      void this.updateComplete.then(() => control.querySelector<HTMLElement>('.panel input:checked[type="radio"], .panel input')?.focus());
      return;
    }
    // Radios move (and check) with the arrows natively.
    if ((e.target as HTMLInputElement).type === 'radio') return;
    const boxes = [...control.querySelectorAll<HTMLInputElement>('.panel input')];
    const i = boxes.indexOf(e.target as HTMLInputElement);
    if (i < 0) return;
    e.preventDefault();
    boxes[Math.max(0, Math.min(boxes.length - 1, i + (e.key === 'ArrowDown' ? 1 : -1)))].focus();
  }

  /** Focus leaving a control for another element closes its panel (a click on the panel's padding does not). */
  private onControlFocusout(e: FocusEvent, key: string): void {
    if (this.openKey !== key) return;
    const to = e.relatedTarget as Node | null;
    if (to && !(e.currentTarget as HTMLElement).contains(to)) this.openKey = null;
  }

  private readonly onDocumentClick = (e: MouseEvent) => {
    if (this.openKey === null) return;
    const control = this.renderRoot.querySelector('.control.open');
    if (!control || !e.composedPath().includes(control)) this.openKey = null;
  };
}

/** Whether an arrow key leaves a text box for the next control: only at the caret's ends. */
function leavesInput(input: HTMLInputElement, key: string, rtl: boolean): boolean {
  if (key !== 'ArrowLeft' && key !== 'ArrowRight') return false; // Home/End move the caret
  const start = input.selectionStart;
  const end = input.selectionEnd;
  if (start === null || end === null) return true; // number boxes: Up/Down change the year
  if (start !== end) return false;
  return (key === 'ArrowRight') !== rtl ? end === input.value.length : start === 0;
}

declare global {
  interface HTMLElementTagNameMap {
    'egm-filter-bar': EgmFilterBar;
  }
}

// Registered once, so the module and the self-contained bundle can both be on a page.
if (!customElements.get('egm-filter-bar')) customElements.define('egm-filter-bar', EgmFilterBar);
