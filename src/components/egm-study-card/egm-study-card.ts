import { LitElement, html, nothing, svg, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import { heading, headingLevel } from '../../internal/heading.js';
import { isHttpUrl } from '../../core/parse.js';
import { NOT_CODED_COLOR, segmentColor } from '../../core/scale.js';
import type { EgmStudy } from '../../core/types.js';
import { EgmStudySelectEvent } from '../../events/egm-study-select.js';
import { tokens } from '../../styles/tokens.js';
import { wellFormed } from '../../core/text.js';
import { LocaleController } from '../../controllers/locale-controller.js';
import { formatMessage } from '../../core/i18n.js';
import { en, type EgmStrings } from '../../i18n/en.js';
import type { EgmLocale } from '../../i18n/registry.js';
import { studyCardStyles } from './egm-study-card.styles.js';

const HEX = /^#(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$/;

/** Authors shown before "et al."; a list only one longer is shown in full. */
export const AUTHORS_SHOWN = 3;


/** What a card needs from a schema: labels, category order and the segment colours. */
interface CategoryInfo {
  readonly label: string;
  /** Position in the dimension's tree (pre-order): badges follow the map's order. */
  readonly order: number;
  /** Ancestor ids, outermost first: a group is not shown when a descendant is. */
  readonly ancestors: readonly string[];
  /** For the segment dimension: the colour of the category's top-level ancestor (as in the grid). */
  readonly color?: string;
}
interface DimensionInfo {
  readonly id: string;
  readonly label: string;
  readonly categories: ReadonlyMap<string, CategoryInfo>;
  readonly segments: boolean;
}
interface SchemaLookup {
  readonly dimensions: readonly DimensionInfo[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

/**
 * One lookup per schema object, shared by every card given it: a page of 100 cards reads the
 * dimensions once. Cards validate lightly (a card is one study); a malformed part of the schema
 * is skipped rather than reported, since the grid beside it reports the whole map's problems.
 */
const lookups = new WeakMap<object, SchemaLookup>();

function schemaLookup(schema: unknown): SchemaLookup | undefined {
  if (!isObject(schema)) return undefined;
  let lookup = lookups.get(schema);
  if (lookup) return lookup;
  const layout = isObject(schema.layout) ? schema.layout : {};
  const segmentsId = text(layout.segments);
  const dimensions: DimensionInfo[] = [];
  for (const d of Array.isArray(schema.dimensions) ? (schema.dimensions as unknown[]) : []) {
    if (!isObject(d) || !text(d.id)) continue;
    const id = d.id as string;
    const segments = id === segmentsId;
    const categories = new Map<string, CategoryInfo>();
    const visit = (list: unknown, ancestors: string[], topColor: string | undefined) => {
      if (!Array.isArray(list) || ancestors.length > 16) return;
      list.forEach((c: unknown, i) => {
        if (!isObject(c) || !text(c.id) || categories.has(c.id as string)) return;
        const cid = c.id as string;
        // A card may get a raw schema: only a hex colour reaches the SVG `fill`.
        const own = text(c.color);
        const color = segments ? (topColor ?? segmentColor(own && HEX.test(own) ? own : undefined, i)) : undefined;
        categories.set(cid, { label: text(c.label) ?? cid, order: categories.size, ancestors, color });
        visit(c.children, [...ancestors, cid], color);
      });
    };
    visit(d.categories, [], undefined);
    dimensions.push({ id, label: text(d.label) ?? id, categories, segments });
  }
  lookup = { dimensions };
  lookups.set(schema, lookup);
  return lookup;
}

/** Why a value given as `.study` cannot be shown, or undefined when it can. */
function studyProblem(study: unknown, s: EgmStrings['card'] = en.card): string | undefined {
  if (!isObject(study)) return formatMessage('en', s.notStudy, { what: study === null ? 'null' : Array.isArray(study) ? 'a list' : `a ${typeof study}` });
  if (!text(study.id)) return s.noId;
  if (!text(study.title)) return s.noTitle;
  return undefined;
}

/**
 * The study's link: its DOI at doi.org when it has one, else its `url`; only ever http(s),
 * checked again here because a card may be given a study that never went through `parseMap`.
 */
export function studyHref(study: Pick<EgmStudy, 'doi' | 'url'>): string | undefined {
  // A DOI written as a link (with or without its scheme, `www.` or `dx.`) or as `doi:…` is the DOI after it.
  const doi = text(study.doi)?.replace(/^(?:(?:https?:\/\/)?(?:www\.|dx\.)?doi\.org\/|doi:\s*)/i, '');
  if (doi) {
    // A lone surrogate would make encodeURIComponent throw.
    const href = `https://doi.org/${wellFormed(doi).split('/').map(encodeURIComponent).join('/')}`;
    if (isHttpUrl(href)) return href;
  }
  const url = text(study.url);
  return url && isHttpUrl(url) ? url : undefined;
}

interface Badge {
  readonly label: string;
  readonly color?: string;
  readonly order: number;
}

/** A study's categories, per dimension of the map, in the map's order. */
function studyBadges(study: EgmStudy, lookup: SchemaLookup | undefined, notCoded: string): { id: string; label: string; badges: Badge[] }[] {
  const codes = isObject(study.codes) ? study.codes : {};
  const idsOf = (dim: string): string[] => {
    const ids = Object.prototype.hasOwnProperty.call(codes, dim) ? codes[dim] : undefined;
    return Array.isArray(ids) ? [...new Set(ids.filter((x): x is string => typeof x === 'string' && x !== ''))] : [];
  };
  if (!lookup) {
    // No schema: the ids are all we have.
    return Object.keys(codes)
      .map((dim) => ({ id: dim, label: dim, badges: idsOf(dim).map((id, order) => ({ label: id, order })) }))
      .filter((d) => d.badges.length > 0);
  }
  const rows: { id: string; label: string; badges: Badge[] }[] = [];
  for (const dim of lookup.dimensions) {
    const ids = idsOf(dim.id);
    const known = ids.filter((id) => dim.categories.has(id));
    // A study coded to a group and to one of its children shows the child (the more precise code).
    const covered = new Set(known.flatMap((id) => dim.categories.get(id)!.ancestors));
    const badges: Badge[] = known
      .filter((id) => !covered.has(id))
      .map((id) => {
        const c = dim.categories.get(id)!;
        const path = c.ancestors.map((a) => dim.categories.get(a)!.label);
        return { label: [...path, c.label].join(' › '), color: c.color, order: c.order };
      })
      .sort((a, b) => a.order - b.order);
    // Unknown ids are shown as they are (never dropped without a trace); parseMap reports them.
    for (const id of ids) if (!dim.categories.has(id)) badges.push({ label: id, order: Infinity });
    // The grid shows studies without a segment code in "Not coded": so does the card.
    if (dim.segments && badges.length === 0) badges.push({ label: notCoded, color: NOT_CODED_COLOR, order: 0 });
    if (badges.length) rows.push({ id: dim.id, label: dim.label, badges });
  }
  return rows;
}

/**
 * One study of an evidence and gap map as a card: title, authors, year, source, its
 * categories on the map's dimensions, the abstract and a link to the study.
 *
 * @summary A study as a card; activating it emits `egm-study-select`.
 *
 * @event {EgmStudySelectEvent} egm-study-select - The card was activated (a click on the card or
 *   its title, Enter or Space on its title). `detail: { studyId }`. Not emitted by the external
 *   link, the "Show more" buttons or slotted actions.
 *
 * @slot actions - Host actions shown at the foot of the card (e.g. "Add to reading list");
 *   activating them does not select the card.
 *
 * @attribute theme - `dark` for the dark theme, `auto` to follow the reader's system (`prefers-color-scheme`); the elements inside follow (docs/theming.md).
 * @csspart card - The card's box.
 * @csspart title - The heading.
 * @csspart select - The title's button, which selects the study.
 * @csspart meta - The line of authors, year and source.
 * @csspart authors - The author list.
 * @csspart codes - The categories (a description list of dimension → badges).
 * @csspart badge - One category.
 * @csspart swatch - The colour swatch of a segment category (beside its word, never alone).
 * @csspart abstract - The abstract.
 * @csspart toggle - The "Show more" / "Show less" and "+N more" buttons.
 * @csspart link - The link to the study (doi.org or its URL), opening in a new tab.
 * @csspart error - The short message shown when `.study` is not a study.
 *
 * @cssproperty --egm-study-card-background - The card's background. Default: `--egm-color-background`.
 * @cssproperty --egm-study-card-padding - The card's padding. Default: `calc(var(--egm-space) * 1.5)`.
 * @cssproperty --egm-study-card-abstract-lines - Lines of abstract shown before "Show more". Default: `3`.
 * @cssproperty --egm-study-card-badge-background - A category badge's background. Default: `--egm-color-surface`.
 * @cssproperty --egm-font-family - Font. Default: the system UI font.
 * @cssproperty --egm-font-size - Base font size. Default: `0.875rem`.
 * @cssproperty --egm-color-text - Text colour. Default: `#1f2328`.
 * @cssproperty --egm-color-text-muted - Secondary text (authors, dimension names). Default: `#57606a`.
 * @cssproperty --egm-color-background - Background. Default: `#ffffff`.
 * @cssproperty --egm-color-surface - Badge background. Default: `#f6f8fa`.
 * @cssproperty --egm-color-border - Borders. Default: `#d0d7de`.
 * @cssproperty --egm-color-accent - Links, buttons and the hovered border. Default: `#0b5cad`.
 * @cssproperty --egm-color-focus - Focus ring. Default: `#0b5cad`.
 * @cssproperty --egm-radius - Corner radius. Default: `6px`.
 * @cssproperty --egm-space - Spacing unit. Default: `0.5rem`.
 */
export class EgmStudyCard extends LitElement {
  static override styles = [tokens, studyCardStyles];
  /**
   * Lit's reactive properties, declared here rather than by decorators (a smaller bundle). Each
   * element's table is written out whole: the manifest analyzer reads it as it stands, and a
   * table spread from a shared one loses the element from custom-elements.json.
   */
  static override properties: PropertyDeclarations = {
    schema: { attribute: false },
    study: { attribute: false },
    headingLevel: { type: Number, reflect: true, attribute: 'heading-level' },
    strings: { attribute: false },
    abstractExpanded: { state: true },
    authorsExpanded: { state: true },
    abstractOverflows: { state: true },
  };
  /**
   * `card.focus()` focuses the title's button, so Enter or Space selects the study.
   * @internal
   */
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  /**
   * The map without its studies (a whole map is fine too): only its dimension and category
   * labels, and `layout.segments`, are read. Without it, categories show by id.
   */
  schema?: unknown;

  /** The study to show (one entry of the map's `studies`). */
  study?: EgmStudy | null;

  /** The level of the title's heading, 2 to 6. */
  headingLevel = 3;

  /** Replacement strings (any part of the English table, src/i18n/en.ts); see docs/i18n.md. */
  strings?: EgmLocale;

  private readonly l10n = new LocaleController(this);

  private abstractExpanded = false;
  private authorsExpanded = false;
  /** The clamped abstract overflows its lines (measured): only then is "Show more" offered. */
  private abstractOverflows = false;

  private resizeObserver?: ResizeObserver;
  private observedAbstract?: Element;
  /** The pending frame that applies a measurement (see `measureAbstract`). */
  private measureFrame = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    // Back in the page (a panel sorted anew moves its cards): observe the abstract again.
    if (this.hasUpdated) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
    this.observedAbstract = undefined;
    cancelAnimationFrame(this.measureFrame);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('study')) {
      this.abstractExpanded = false;
      this.authorsExpanded = false;
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    const p = this.renderRoot.querySelector('.abstract') ?? undefined;
    // (Re)observing delivers a first measurement: a new abstract may overflow at the same height.
    if (p !== this.observedAbstract || changed.has('study')) {
      this.resizeObserver ??= new ResizeObserver(() => this.measureAbstract());
      if (this.observedAbstract) this.resizeObserver.unobserve(this.observedAbstract);
      this.observedAbstract = p;
      if (p) this.resizeObserver.observe(p);
      else this.abstractOverflows = false;
    }
  }

  /**
   * Called by the ResizeObserver, when layout is fresh (reading it costs nothing). What it
   * finds is applied in the next frame: changing the card inside the observer's callback
   * would resize it again in the same frame, which browsers report as a ResizeObserver loop
   * (cards in a list with `content-visibility: auto` are laid out, and observed, as they
   * scroll into view).
   */
  private measureAbstract(): void {
    const p = this.observedAbstract as HTMLElement | undefined;
    if (!p || this.abstractExpanded) return;
    const overflows = p.scrollHeight > p.clientHeight + 1;
    cancelAnimationFrame(this.measureFrame);
    if (overflows !== this.abstractOverflows) this.measureFrame = requestAnimationFrame(() => (this.abstractOverflows = overflows));
  }

  override render() {
    const study = this.study;
    if (study === undefined) return nothing;
    const t = this.l10n.s.card;
    const problem = studyProblem(study, t);
    if (problem) return html`<p class="error" part="error">${this.l10n.t(t.invalid, { problem })}</p>`;
    const s = study!;
    const level = headingLevel(this.headingLevel, 3);
    const href = studyHref(s);
    const year = typeof s.year === 'number' && Number.isFinite(s.year) ? s.year : undefined;
    const source = text(s.source);
    const abstract = text(s.abstract);
    const authors = this.renderAuthors(s);
    const codes = studyBadges(s, schemaLookup(this.schema), t.notCoded);
    return html`<article class="card" part="card" aria-labelledby="title" @click=${this.onCardClick}>
      ${heading(level)`<H class="title" part="title" id="title"><button class="select" part="select" type="button" dir="auto">${s.title.trim()}</button></H>`}
      ${authors || year !== undefined || source
        ? html`<p class="meta" part="meta">
            ${authors ?? nothing}${year !== undefined ? html`<span class="year">${year}</span>` : nothing}${source
              ? html`<span class="source" dir="auto">${source}</span>`
              : nothing}
          </p>`
        : nothing}
      ${codes.length
        ? html`<dl class="codes" part="codes" aria-label=${t.categories}>
            ${codes.map(
              (d) => html`<div class="code-row" data-dimension=${d.id}>
                <dt>${d.label}:</dt>
                ${d.badges.map(
                  (b) => html`<dd class="badge" part="badge">
                    ${b.color
                      ? html`<svg class="swatch" part="swatch" viewBox="0 0 10 10" aria-hidden="true">
                          ${svg`<rect x="0.5" y="0.5" width="9" height="9" rx="2" fill=${b.color}></rect>`}
                        </svg>`
                      : nothing}<span class="badge-label" dir="auto">${b.label}</span>
                  </dd>`,
                )}
              </div>`,
            )}
          </dl>`
        : nothing}
      ${abstract
        ? html`<p id="abstract" class="abstract ${this.abstractExpanded ? '' : 'clamped'}" part="abstract" dir="auto">${abstract}</p>
            ${this.abstractOverflows || this.abstractExpanded
              ? html`<button
                  class="text-button abstract-toggle"
                  part="toggle"
                  type="button"
                  aria-expanded=${this.abstractExpanded ? 'true' : 'false'}
                  aria-controls="abstract"
                  @click=${this.toggleAbstract}
                >
                  ${this.abstractExpanded ? t.showLess : t.showMore}<span class="visually-hidden">${t.ofAbstract}</span>
                </button>`
              : nothing}`
        : nothing}
      ${href
        ? html`<a class="link" part="link" href=${href} target="_blank" rel="noopener noreferrer"
            >${this.l10n.t(t.read, { host: hostOf(href) })}<span class="visually-hidden">${t.newTab}</span></a
          >`
        : nothing}
      <slot name="actions"></slot>
    </article>`;
  }

  private renderAuthors(s: EgmStudy): TemplateResult | undefined {
    const t = this.l10n.s.card;
    const all = Array.isArray(s.authors) ? s.authors.map(text).filter((a): a is string => a !== undefined) : [];
    if (all.length === 0) return undefined;
    // "A, B, C et al." is the usual short form; one more name than that costs less than a button.
    // Each name is isolated (`<bdi>`): a right-to-left name, or a stray bidi override in one,
    // cannot reorder the names, year and source after it.
    const short = all.length > AUTHORS_SHOWN + 1;
    const shown = short && !this.authorsExpanded ? all.slice(0, AUTHORS_SHOWN) : all;
    return html`<span class="authors" part="authors"
      ><span id="authors">${shown.map((a, i) => html`${i ? ', ' : ''}<bdi>${a}</bdi>`)}${short && !this.authorsExpanded ? t.etAl : ''}</span>${short
        ? html` <button
            class="text-button"
            part="toggle"
            type="button"
            aria-expanded=${this.authorsExpanded ? 'true' : 'false'}
            aria-controls="authors"
            @click=${this.toggleAuthors}
          >
            ${this.authorsExpanded
              ? html`${t.fewerAuthors}<span class="visually-hidden">${t.fewerAuthorsHidden}</span>`
              : html`${this.l10n.t(t.moreAuthors, { n: all.length - AUTHORS_SHOWN })}<span class="visually-hidden">${t.moreAuthorsHidden}</span>`}
          </button>`
        : nothing}</span
    >`;
  }

  private toggleAbstract(): void {
    this.abstractExpanded = !this.abstractExpanded;
  }

  private toggleAuthors(): void {
    this.authorsExpanded = !this.authorsExpanded;
  }

  /** A click anywhere on the card selects it, except on its own controls, links and actions. */
  private onCardClick(e: MouseEvent): void {
    for (const node of e.composedPath()) {
      if (node === e.currentTarget) break;
      if (node instanceof Element && node.matches('a[href], button:not(.select), input, select, textarea, summary, label, [tabindex]')) return;
    }
    // Selecting text to copy it is not a request to open the study.
    const selection = this.ownerDocument.getSelection();
    if (selection && !selection.isCollapsed && selection.toString().trim() !== '') return;
    const s = this.study;
    if (!s || studyProblem(s, this.l10n.s.card)) return;
    const event = new EgmStudySelectEvent({ studyId: s.id });
    this.dispatchEvent(event);
  }
}

function hostOf(href: string): string {
  return new URL(href).hostname.replace(/^www\./, '');
}

if (!customElements.get('egm-study-card')) customElements.define('egm-study-card', EgmStudyCard);

declare global {
  interface HTMLElementTagNameMap {
    'egm-study-card': EgmStudyCard;
  }
}
