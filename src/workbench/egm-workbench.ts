import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import type { ConversionConfig, SourceFormat } from '../core/import/config.js';
import type { EgmWarning } from '../core/import/common.js';
import {
  configFileText,
  configForNewCsv,
  contrastAgainst,
  CSV_FIELDS,
  csvRoleOf,
  csvSeparator,
  detectFile,
  fileStem,
  foldSearch,
  initialConfig,
  layoutDimensions,
  mapFileText,
  META_FIELDS,
  MIN_GRAPHIC_CONTRAST,
  moveCategory,
  orderedBase,
  refersTo,
  roleOf,
  runPreview,
  slowPreview,
  searchTree,
  segmentSwatches,
  studiesInGrid,
  setColor,
  setCsvRole,
  setCsvSeparator,
  setHidden,
  setLinks,
  setMeta,
  setRole,
  toConfig,
  type BaseCache,
  type CodeNode,
  type CsvProblem,
  type CsvRole,
  type DataFile,
  type DetectedFile,
  type MetaField,
  type Missing,
  type Preview,
  type Role,
  type UnsupportedKind,
} from '../core/import/workbench-state.js';
import { matchLanguage } from '../core/i18n.js';
import { SEGMENT_PALETTE } from '../core/scale.js';
import type { EgmCategory, EgmIssue, EgmLink, EgmMap } from '../core/types.js';
import { standalonePage } from '../cli/page.js';
import { download } from '../internal/download.js';
import { renderIssues, type IssuesLocale } from '../internal/render-issues.js';
import { en } from '../i18n/en.js';
import { styles } from './egm-workbench.styles.js';
import { STRINGS_FR } from './strings-fr.js';

// Numbers in English style whatever the browser's own locale (French: strings-fr.ts).
const n = (value: number) => value.toLocaleString('en');
const plural = (count: number, one: string, many: string) => `${n(count)} ${count === 1 ? one : many}`;

/**
 * Every string the workbench shows, in one place for translation: English. French is
 * `STRINGS_FR` (strings-fr.ts); the workbench speaks the language of its `lang` (or its closest
 * ancestor's), English when it has none of them.
 */
export const STRINGS = {
  /** The language of these strings (plurals and numbers in the error states). */
  lang: 'en',
  /** The heading's count and "… and N more" of a list of problems: the elements' own (src/i18n/en.ts). */
  issues: en.issues,
  title: 'Map workbench',
  intro: 'Make an evidence and gap map from an export, in this browser: your files are never uploaded.',
  fileHeading: '1. Your file',
  dropHint: 'Drop an EPPI-Reviewer JSON export, an EPPI-Mapper page, a CSV file or an egm/1 map here, or',
  pick: 'Choose files',
  configHint: 'To redo a saved conversion, drop (or choose) its config file (.convert.json) with the export.',
  dropActive: 'Drop to open',
  loaded: (name: string, what: string) => `${name}: ${what}.`,
  kinds: {
    'eppi-reviewer': (refs: number, codes: number) => `an EPPI-Reviewer export with ${plural(refs, 'reference', 'references')} and ${plural(codes, 'code', 'codes')}`,
    'eppi-mapper': 'an EPPI-Mapper map page',
    csv: (rows: number, columns: number) => `a CSV file with ${plural(rows, 'row', 'rows')} and ${plural(columns, 'column', 'columns')}`,
    egm: 'an egm/1 map',
    egmPage: 'a map page made by egm-components (its map is read)',
  },
  configLoaded: (name: string) => `${name}: a conversion config. Its choices are applied.`,
  configMismatch: (from: string, kind: string) =>
    `The config converts ${from}, but the file loaded is ${kind}: your choices for it are kept. Drop a matching file, and the config's choices apply to it.`,
  configApplied: (name: string) => `The choices of ${name} are applied.`,
  formats: { 'eppi-reviewer': 'EPPI-Reviewer exports', 'eppi-mapper': 'EPPI-Mapper pages', csv: 'CSV files', egm: 'egm/1 maps' } satisfies Record<SourceFormat, string>,
  empty: (name: string) => `${name} is empty.`,
  broken: {
    json: (name: string, detail: string) => `${name} looks like JSON but cannot be read (${detail}): it may be cut short or damaged. Export it again.`,
    csv: { 'no-rows': (name: string) => `${name} looks like a CSV file, but it has a header row and no rows of studies under it.` } satisfies Record<CsvProblem, (name: string) => string>,
    config: (name: string) => `${name} is a conversion config with problems`,
  },
  unsupported: {
    pdf: 'is a PDF document',
    spreadsheet: 'is a spreadsheet workbook: save it as CSV (UTF-8) and drop that',
    word: 'is a Word document',
    zip: 'is a zip archive: unzip it and drop the export inside',
    image: 'is an image',
    binary: 'is not a text file',
    json: 'is JSON, but not an EPPI-Reviewer export (it has no "CodeSets"), an egm/1 map or a conversion config',
    html: 'is a web page, but not an EPPI-Mapper map page or one made by egm-components',
    xml: 'is XML (an EndNote library, say), which holds no coding',
    ris: 'is a RIS reference list, which holds no coding: export the review from EPPI-Reviewer as JSON instead',
    text: 'is a text file, but not a CSV: it has no header row with two or more columns',
  } satisfies Record<UnsupportedKind, string>,
  unsupportedMessage: (name: string, why: string, format?: string) =>
    `${name} ${why}${format ? ` (its format is ${JSON.stringify(format)})` : ''}. The workbench reads EPPI-Reviewer JSON exports, EPPI-Mapper pages, CSV files and egm/1 maps.`,
  readFailed: (name: string) => `${name} could not be read.`,
  reading: (names: string[]) => `Reading ${names.join(', ')}…`,
  making: 'Making the map…',

  choicesHeading: '2. Rows, columns, segments and filters',
  choicesFixed: 'This file says itself what its rows, columns, segments and filters are.',
  search: 'Search the codes',
  searchColumns: 'Search the columns',
  noMatch: 'No code matches.',
  roles: { '': 'Not used', rows: 'Rows', columns: 'Columns', segments: 'Segments (colours)', filters: 'Filter' } satisfies Record<Role | '', string>,
  roleSummary: { rows: 'Rows', columns: 'Columns', segments: 'Segments', filters: 'Filters' } satisfies Record<Role, string>,
  none: 'none',
  csvFields: { title: 'Study title', authors: 'Authors', year: 'Year', abstract: 'Abstract', url: 'Link (URL)', doi: 'DOI', source: 'Source (journal)', id: 'Study id' },
  codeCounts: (studies: number, codes: number) => `${plural(studies, 'study', 'studies')}, ${plural(codes, 'code', 'codes')}`,
  leafCount: (studies: number) => plural(studies, 'study', 'studies'),
  showCodes: (count: number) => `Show its ${plural(count, 'code', 'codes')}`,
  hideCodes: 'Hide its codes',
  columnHint: (filled: number, distinct: number, samples: string[]) => `${plural(filled, 'value', 'values')}, ${plural(distinct, 'distinct', 'distinct')}${samples.length ? `: ${samples.join(', ')}…` : ''}`,
  separator: 'Several values in one cell are separated by',
  missing: { rows: 'the rows', columns: 'the columns', title: 'the column holding the study titles' } satisfies Record<Missing, string>,
  choose: (what: string[]) => `Choose ${what.join(' and ')} to see the map.`,

  metaHeading: '3. About the map',
  meta: { title: 'Title', description: 'Description', citation: 'How to cite', license: 'Licence', version: 'Version', searchDate: 'Search date' } satisfies Record<MetaField, string>,
  metaPlaceholder: { license: 'CC-BY-4.0', version: '1.0', searchDate: '2024-06-30' } as Partial<Record<MetaField, string>>,
  links: 'Links',
  linkLabel: (i: number) => `Link ${n(i + 1)} text`,
  linkUrl: (i: number) => `Link ${n(i + 1)} address`,
  addLink: 'Add a link',
  removeLink: (i: number) => `Remove link ${n(i + 1)}`,

  categoriesHeading: '4. Categories',
  categoriesHint: 'Reorder them, hide the ones the map should leave out, and colour the segments.',
  dimensionHeading: (role: string, label: string) => `${role}: ${label}`,
  show: 'Show',
  moveUp: (label: string) => `Move ${label} up`,
  moveDown: (label: string) => `Move ${label} down`,
  moved: (label: string, at: number, of: number) => `${label} moved to position ${n(at)} of ${n(of)}.`,
  color: (label: string) => `Colour of ${label}`,
  resetColor: (label: string) => `Reset the colour of ${label}`,
  reset: 'Reset',
  lowContrast: (ratio: number) =>
    `Low contrast against the background (${ratio.toLocaleString('en', { maximumFractionDigits: 1 })}:1, under ${MIN_GRAPHIC_CONTRAST}:1): some readers will not see it.`,

  downloadHeading: '5. Download',
  downloadMap: 'The map (egm/1 JSON)',
  downloadConfig: 'The conversion config',
  downloadPage: 'A standalone page (HTML)',
  downloaded: (name: string) => `Downloaded ${name}.`,
  bundleLoading: 'The standalone page is getting ready…',
  bundleMissing: 'The standalone page needs the one-file embed bundle (egm-components.standalone.js), which could not be loaded: publish the map file with the snippet below instead.',
  configNote: 'The config holds your choices: next time, drop it with the new export (or run egm convert --config) to make the map again in one step.',
  snippet: 'Or embed the map file in your own page (upload egm-components.standalone.js and the map beside it):',
  snippetLabel: 'Embed snippet',

  previewHeading: 'Preview',
  previewEmpty: 'Load a file to see its map here.',
  stats: (studies: number, inGrid: number) => `${plural(studies, 'study', 'studies')}, of which ${n(inGrid)} ${inGrid === 1 ? 'has' : 'have'} a row and a column code (in the grid).`,
  importFailed: 'The file could not be converted',
  editFailed: 'The map is not valid with these settings',
  warningsHeading: (count: number) => `What the conversion could not carry over (${n(count)})`,
  noWarnings: 'The conversion carried everything over.',
};

/** The workbench's strings in one language (see `STRINGS`). */
export type WorkbenchStrings = typeof STRINGS;

/** The workbench's strings for a language tag (`fr`, `fr-CA`: French; anything else: English). */
export function workbenchStrings(lang: string | undefined): WorkbenchStrings {
  return lang && matchLanguage(lang, ['fr']) ? STRINGS_FR : STRINGS;
}

/** Where the embed bundle sits: beside the workbench's own file in dist/. */
const BUNDLE_FILE = './egm-components.standalone.js';

/** Resolves once what was rendered has been painted: after the next frame, or 100 ms at most (a hidden tab has no frames). */
const afterPaint = () =>
  new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve));
    setTimeout(resolve, 100);
  });

interface Notice {
  tone: 'info' | 'error';
  text: string;
  issues?: readonly EgmIssue[];
}

/** How many codes a tree holds (code sets aside). */
const countCodes = (list: readonly CodeNode[]): number => list.reduce((sum, c) => sum + (c.kind === 'code' ? 1 : 0) + countCodes(c.children), 0);

/**
 * The map author's workbench: drop an EPPI-Reviewer export, an EPPI-Mapper page, a CSV or an
 * `egm/1` map; choose the rows, columns, segments and filters from its code tree; set the
 * title and the rest; reorder, hide and colour categories; watch the map change; and download
 * the map, the conversion config (`egm convert --config` makes the same map from it) and a
 * standalone page. Everything runs in the browser: files are never uploaded.
 *
 * A separate entry point (`egm-components/workbench`), never in the embed bundle. It speaks
 * English, or French when its closest `lang` is French (docs/i18n.md).
 *
 * @summary Turn an export into a published map, without a command line.
 *
 * @attribute theme - `dark` for the dark theme, `auto` to follow the reader's system (`prefers-color-scheme`); the elements inside follow (docs/theming.md).
 * @csspart drop - The drop zone.
 * @csspart preview - The preview column: the map, its problems and the importer's warnings.
 *
 * @cssproperty --egm-workbench-preview-width - Share of the width the preview takes on wide screens. Default `55%`.
 */
export class EgmWorkbench extends LitElement {
  static override styles = styles;

  /**
   * Where to fetch the embed bundle from, for the standalone page download: the one-file build,
   * since the page inlines it. By default the `egm-components.standalone.js` beside the
   * workbench's own file. Fetched once, when the
   * workbench connects, so that the download also works offline afterwards.
   */
  @property({ attribute: 'bundle-url' }) bundleUrl?: string;

  @state() private file?: DataFile;
  @state() private config?: ConversionConfig;
  @state() private notices: Notice[] = [];
  /** The names of the files being read (a large export takes a moment, and blocks the page while it is parsed). */
  @state() private reading: string[] = [];
  /** Whether a large file is being converted (after a frame that says so: see `willUpdate`). */
  @state() private making = false;
  @state() private query = '';
  @state() private expanded = new Set<string>();
  @state() private dragging = false;
  @state() private bundle: { status: 'loading' | 'failed' } | { status: 'ok'; text: string } = { status: 'loading' };
  @state() private announcement = '';

  private cache: BaseCache = {};
  private preview?: Preview;
  /**
   * Where focus goes once rendered, when what had it is gone or moved: a category's move
   * button, its colour (its Reset button goes), or a link's neighbour (the link is removed).
   */
  private focusAfterUpdate?: { to: 'move'; dim: string; cat: string; dir: 'up' | 'down' } | { to: 'color'; dim: string; cat: string } | { to: 'link'; index: number };
  /** A config dropped for another kind of file than the one loaded, or before any file: applied to the next file of its kind. */
  private pendingConfig?: { name: string; config: ConversionConfig };
  /** The latest `loadFiles`: an earlier one still reading takes nothing once a later one has started. */
  private loadToken = 0;
  /** The latest conversion put off until its status is painted; an earlier one is dropped. */
  private makeToken = 0;
  private bundleFor?: string;

  /** The strings in the language of the workbench's `lang`, or its closest ancestor's. */
  private get s(): WorkbenchStrings {
    return workbenchStrings(this.closest('[lang]')?.getAttribute('lang') ?? undefined);
  }

  /** The language of the lists of problems: the workbench's own. */
  private get issuesLocale(): IssuesLocale {
    const s = this.s;
    return { lang: s.lang, s };
  }

  /** The current choices as a conversion config (`egm-convert/1`), or undefined before a file. */
  get conversionConfig(): ConversionConfig | undefined {
    return this.config ? toConfig(this.config) : undefined;
  }

  /** The map as it stands (what "download the map" saves), or undefined. */
  get map(): EgmMap | undefined {
    return this.preview?.status === 'ok' ? this.preview.result.map : undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.loadBundle();
  }

  /**
   * Opens files as if dropped: data files (an export, a page, a CSV, a map) first, then any
   * conversion config, so that a config dropped with its export applies to it.
   */
  async loadFiles(files: Iterable<File>): Promise<void> {
    const list = [...files];
    // Reading and parsing a large export holds the page for a moment (about half a second for
    // 25 MB on a slow machine): say so, and let that be painted, first (after the next frame;
    // a hidden tab has no frames, so 100 ms at most).
    const names = list.map((f) => f.name);
    const token = ++this.loadToken;
    this.reading = names;
    await this.updateComplete;
    await afterPaint();
    try {
      const read = await Promise.all(
        list.map(async (f) => {
          try {
            return { name: f.name, detected: detectFile(new Uint8Array(await f.arrayBuffer())) };
          } catch {
            return { name: f.name, detected: undefined };
          }
        }),
      );
      // Files dropped since are newer: theirs are the file, config and notices.
      if (token !== this.loadToken) return;
      const notices: Notice[] = [];
      const rank = (d: DetectedFile | undefined) => (d?.kind === 'config' ? 1 : 0);
      for (const { name, detected } of read.sort((a, b) => rank(a.detected) - rank(b.detected))) {
        if (!detected) notices.push({ tone: 'error', text: this.s.readFailed(name) });
        else notices.push(this.take(name, detected));
      }
      this.notices = notices;
    } finally {
      // (Unless files dropped since are being read.)
      if (this.reading === names) this.reading = [];
    }
  }

  /** Takes one detected file into the state; returns what to tell the author. */
  private take(name: string, d: DetectedFile): Notice {
    switch (d.kind) {
      case 'empty':
        return { tone: 'error', text: this.s.empty(name) };
      case 'broken':
        if (d.format === 'config') return { tone: 'error', text: this.s.broken.config(name), issues: d.issues };
        if (d.format === 'csv') return { tone: 'error', text: this.s.broken.csv[d.detail](name) };
        return { tone: 'error', text: this.s.broken.json(name, d.detail) };
      case 'unsupported':
        return { tone: 'error', text: this.s.unsupportedMessage(name, this.s.unsupported[d.what], d.format) };
      case 'config': {
        this.pendingConfig = undefined;
        // Not for the file loaded: the choices made for it stay, and the config waits for its own kind of file.
        if (this.file && this.file.kind !== d.config.from) {
          this.pendingConfig = { name, config: d.config };
          return { tone: 'error', text: this.s.configMismatch(this.s.formats[d.config.from], this.kindText(this.file)) };
        }
        this.config = d.config;
        // Before any file, it waits for one of its kind (a file of another kind dropped first does not lose it).
        if (!this.file) this.pendingConfig = { name, config: d.config };
        return { tone: 'info', text: this.s.configLoaded(name) };
      }
      default: {
        const replaced = this.file;
        const pending = this.pendingConfig?.config.from === d.kind ? this.pendingConfig : undefined;
        this.file = d;
        this.cache = {};
        this.query = '';
        let text = this.s.loaded(name, this.kindText(d));
        if (pending) {
          this.config = pending.config;
          this.pendingConfig = undefined;
          text += ` ${this.s.configApplied(pending.name)}`;
        } else if (!this.config || this.config.from !== d.kind) this.config = initialConfig(d);
        else if (replaced?.kind === 'csv' && d.kind === 'csv') this.config = configForNewCsv(this.config, replaced, d);
        this.expanded = new Set(d.kind === 'eppi-reviewer' ? d.tree.map((_, i) => String(i)) : []);
        return { tone: 'info', text };
      }
    }
  }

  private kindText(d: DataFile): string {
    switch (d.kind) {
      case 'eppi-reviewer':
        return this.s.kinds['eppi-reviewer'](d.references, countCodes(d.tree));
      case 'csv':
        return this.s.kinds.csv(d.rows, d.columns.length);
      case 'egm':
        return d.fromPage ? this.s.kinds.egmPage : this.s.kinds.egm;
      default:
        return this.s.kinds['eppi-mapper'];
    }
  }

  private async loadBundle(): Promise<void> {
    const url = new URL(this.bundleUrl ?? BUNDLE_FILE, this.bundleUrl ? document.baseURI : import.meta.url).href;
    if (this.bundleFor === url) return;
    this.bundleFor = url;
    this.bundle = { status: 'loading' };
    try {
      const response = await fetch(url);
      if (!response.ok) throw new Error(String(response.status));
      const text = await response.text();
      if (this.bundleFor === url) this.bundle = { status: 'ok', text };
    } catch {
      if (this.bundleFor === url) this.bundle = { status: 'failed' };
    }
  }

  /** The file and the config for it, when they go together. */
  private get matched(): { file: DataFile; config: ConversionConfig } | undefined {
    return this.file && this.config && this.config.from === this.file.kind ? { file: this.file, config: this.config } : undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('bundleUrl') && this.isConnected && this.bundleFor !== undefined) void this.loadBundle();
    // Only when the choices or the file change (not on a search keystroke, say).
    const keys = changed as Map<PropertyKey, unknown>;
    if (keys.has('file') || keys.has('config')) {
      const m = this.matched;
      const token = ++this.makeToken;
      if (m && slowPreview(m.file, m.config, this.cache)) {
        // Importing a large file holds the page (about a second for a 50 MB export): say so,
        // and let that be painted, first (after the next frame, or 100 ms in a hidden tab).
        this.preview = undefined;
        this.making = true;
        void afterPaint().then(() => {
          if (token !== this.makeToken) return;
          const now = this.matched;
          this.preview = now ? runPreview(now.file, now.config, this.cache) : undefined;
          this.making = false;
        });
      } else {
        this.preview = m ? runPreview(m.file, m.config, this.cache) : undefined;
        this.making = false;
      }
    }
  }

  protected override updated(): void {
    const f = this.focusAfterUpdate;
    if (!f) return;
    this.focusAfterUpdate = undefined;
    const all = <T extends HTMLElement>(selector: string) => [...this.renderRoot.querySelectorAll<T>(selector)];
    let target: HTMLElement | undefined;
    if (f.to === 'link') {
      // The link that took the removed one's place, else the one before it, else "Add a link".
      const removes = all<HTMLButtonElement>('button[data-link-remove]');
      target = removes[f.index] ?? removes[f.index - 1] ?? all<HTMLButtonElement>('button[data-link-add]')[0];
    } else if (f.to === 'color') {
      target = all<HTMLInputElement>('input[type="color"]').find((i) => i.dataset.dim === f.dim && i.dataset.cat === f.cat);
    } else {
      const buttons = all<HTMLButtonElement>('button[data-move]').filter((b) => b.dataset.dim === f.dim && b.dataset.cat === f.cat);
      target = buttons.find((b) => b.dataset.move === f.dir && !b.disabled) ?? buttons.find((b) => !b.disabled);
    }
    target?.focus();
  }

  /** Applies an edit to the choices as they are now (two edits before a render both count). */
  private edit(change: (config: ConversionConfig) => ConversionConfig): void {
    if (this.config) this.config = change(this.config);
  }

  // ---- events -------------------------------------------------------------------------------

  private onDragOver = (e: DragEvent): void => {
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    this.dragging = true;
  };

  private onDragLeave = (): void => {
    this.dragging = false;
  };

  private onDrop = (e: DragEvent): void => {
    e.preventDefault();
    this.dragging = false;
    const files = e.dataTransfer?.files;
    if (files && files.length > 0) void this.loadFiles(files);
  };

  private onPick = (e: Event): void => {
    const input = e.target as HTMLInputElement;
    const files = input.files ? [...input.files] : [];
    input.value = '';
    if (files.length > 0) void this.loadFiles(files);
  };

  private download(name: string, text: string, type: string): void {
    download(name, text, type);
    this.say(this.s.downloaded(name));
  }

  private say(text: string): void {
    this.announcement = this.announcement === text ? `${text}\u00a0` : text;
  }

  /** Downloads the map as an `egm/1` file (what `egm convert -o` writes). */
  downloadMap(): void {
    const map = this.map;
    if (map) this.download(`${fileStem(map)}.egm.json`, mapFileText(map), 'application/json');
  }

  /** Downloads the conversion config (what `egm convert --save-config` writes). */
  downloadConfig(): void {
    const map = this.map;
    if (map && this.config) this.download(`${fileStem(map)}.convert.json`, configFileText(this.config), 'application/json');
  }

  /** Downloads the standalone page (what `egm convert --html` writes), once the bundle is in. */
  downloadPage(): void {
    const map = this.map;
    if (map && this.bundle.status === 'ok') this.download(`${fileStem(map)}.html`, standalonePage(map, this.bundle.text), 'text/html;charset=utf-8');
  }

  // ---- rendering ----------------------------------------------------------------------------

  protected override render(): TemplateResult {
    return html`<div class="workbench">
      <div class="steps">
        ${this.renderSource()} ${this.renderChoices()} ${this.renderMeta()} ${this.renderCategories()} ${this.renderDownloads()}
      </div>
      ${this.renderPreview()}
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</div>
    </div>`;
  }

  private renderSource(): TemplateResult {
    return html`<section class="step" aria-labelledby="source-heading">
      <h2 id="source-heading">${this.s.fileHeading}</h2>
      <p class="intro">${this.s.intro}</p>
      <div class="drop ${this.dragging ? 'dragging' : ''}" part="drop" @dragover=${this.onDragOver} @dragenter=${this.onDragOver} @dragleave=${this.onDragLeave} @drop=${this.onDrop}>
        <p id="drop-hint">${this.dragging ? this.s.dropActive : this.s.dropHint}</p>
        <label class="pick">
          <span class="button">${this.s.pick}</span>
          <input class="visually-hidden" type="file" multiple accept=".json,.html,.htm,.csv,.tsv,.txt,application/json,text/html,text/csv" aria-describedby="drop-hint config-hint" @change=${this.onPick} />
        </label>
        <p class="hint" id="config-hint">${this.s.configHint}</p>
        <p class="reading" role="status">${this.reading.length ? this.s.reading(this.reading) : nothing}</p>
      </div>
      <div class="notices" aria-live="polite">
        ${this.notices.map((m) =>
          m.tone === 'error'
            ? m.issues
              ? renderIssues(m.text, m.issues, this.issuesLocale)
              : html`<p class="notice error-text">${m.text}</p>`
            : html`<p class="notice">${m.text}</p>`,
        )}
      </div>
    </section>`;
  }

  private renderChoices(): TemplateResult | typeof nothing {
    if (!this.matched) return nothing;
    const { file, config } = this.matched;
    let body: TemplateResult;
    if (file.kind === 'eppi-reviewer') body = this.renderTree(file.tree, config);
    else if (file.kind === 'csv') body = this.renderColumns(file, config);
    else body = html`<p>${this.s.choicesFixed}</p>`;
    return html`<section class="step" aria-labelledby="choices-heading">
      <h2 id="choices-heading">${this.s.choicesHeading}</h2>
      ${body}
    </section>`;
  }

  private renderSummary(names: Record<Role, string[]>): TemplateResult {
    return html`<dl class="summary">
      ${(['rows', 'columns', 'segments', 'filters'] as const).map(
        (r) => html`<div><dt>${this.s.roleSummary[r]}</dt><dd>${names[r].length ? names[r].join(', ') : this.s.none}</dd></div>`,
      )}
    </dl>`;
  }

  private renderSearch(label: string): TemplateResult {
    return html`<p class="search">
      <label for="search">${label}</label>
      <input id="search" type="search" .value=${this.query} @input=${(e: Event) => (this.query = (e.target as HTMLInputElement).value)} />
    </p>`;
  }

  private renderTree(tree: readonly CodeNode[], config: ConversionConfig): TemplateResult {
    const names: Record<Role, string[]> = { rows: [], columns: [], segments: [], filters: [] };
    const collect = (list: readonly CodeNode[]) =>
      list.forEach((c) => {
        for (const r of ['rows', 'columns', 'segments'] as const) if (config[r] !== undefined && refersTo(config[r], c)) names[r].push(c.name);
        if (config.filters?.some((f) => refersTo(f, c))) names.filters.push(c.name);
        collect(c.children);
      });
    collect(tree);
    const shown = searchTree(tree, this.query);
    const searching = this.query.trim() !== '';
    const renderNode = (c: CodeNode, key: string): TemplateResult => {
      const open = searching || this.expanded.has(key);
      const id = `code-${key}`;
      if (c.children.length === 0) {
        return html`<li class="leaf"><span class="name">${c.name}</span> <span class="count">${this.s.leafCount(c.studies)}</span></li>`;
      }
      const role = roleOf(config, c) ?? '';
      return html`<li>
        <div class="node">
          <span class="label"><span class="name" id=${id}>${c.name}</span> <span class="count">${this.s.codeCounts(c.studies, c.children.length)}</span></span>
          <select aria-labelledby=${id} .value=${role} @change=${(e: Event) => this.edit((cfg) => setRole(cfg, c, (e.target as HTMLSelectElement).value as Role | ''))}>
            ${(['', 'rows', 'columns', 'segments', 'filters'] as const).map((r) => html`<option value=${r} ?selected=${r === role}>${this.s.roles[r]}</option>`)}
          </select>
          ${searching
            ? nothing
            : html`<button type="button" class="toggle" aria-expanded=${open ? 'true' : 'false'} aria-controls=${`${id}-list`} @click=${() => this.toggle(key)}>
                ${open ? this.s.hideCodes : this.s.showCodes(c.children.length)}
              </button>`}
        </div>
        ${open ? html`<ul id=${`${id}-list`}>${c.children.map((k, i) => renderNode(k, `${key}-${i}`))}</ul>` : nothing}
      </li>`;
    };
    return html`${this.renderSummary(names)} ${this.renderSearch(this.s.search)}
      ${shown.length === 0
        ? html`<p>${this.s.noMatch}</p>`
        : html`<ul class="tree">
            ${shown.map((c, i) => renderNode(c, String(i)))}
          </ul>`}`;
  }

  private toggle(key: string): void {
    const next = new Set(this.expanded);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    this.expanded = next;
  }

  private renderColumns(file: Extract<DataFile, { kind: 'csv' }>, config: ConversionConfig): TemplateResult {
    const names: Record<Role, string[]> = { rows: [], columns: [], segments: [], filters: [] };
    for (const c of file.columns) {
      const r = csvRoleOf(config, c.header);
      if (r === 'rows' || r === 'columns' || r === 'segments' || r === 'filters') names[r].push(c.header);
    }
    const words = foldSearch(this.query).split(/\s+/).filter(Boolean);
    const shown = file.columns.filter((c) => words.every((w) => foldSearch(c.header).includes(w)));
    const options: CsvRole[] = ['', ...CSV_FIELDS, 'rows', 'columns', 'segments', 'filters'];
    const label = (r: CsvRole) => (r === '' || r === 'rows' || r === 'columns' || r === 'segments' || r === 'filters' ? this.s.roles[r] : this.s.csvFields[r]);
    return html`${this.renderSummary(names)} ${this.renderSearch(this.s.searchColumns)}
      <p class="search">
        <label for="separator">${this.s.separator}</label>
        <input id="separator" class="short" type="text" .value=${live(csvSeparator(config))} @change=${(e: Event) => this.edit((cfg) => setCsvSeparator(cfg, (e.target as HTMLInputElement).value))} />
      </p>
      ${shown.length === 0
        ? html`<p>${this.s.noMatch}</p>`
        : html`<ul class="tree">
            ${shown.map((c) => {
              const i = file.columns.indexOf(c);
              const role = csvRoleOf(config, c.header);
              return html`<li>
                <div class="node">
                  <span class="label"><span class="name" id=${`col-${i}`}>${c.header}</span> <span class="count">${this.s.columnHint(c.filled, c.distinct, c.samples)}</span></span>
                  <select aria-labelledby=${`col-${i}`} .value=${role} @change=${(e: Event) => this.edit((cfg) => setCsvRole(cfg, c.header, (e.target as HTMLSelectElement).value as CsvRole))}>
                    ${options.map((r) => html`<option value=${r} ?selected=${r === role}>${label(r)}</option>`)}
                  </select>
                </div>
              </li>`;
            })}
          </ul>`}`;
  }

  private renderMeta(): TemplateResult | typeof nothing {
    if (!this.matched) return nothing;
    const { config } = this.matched;
    const map = config.map ?? {};
    const base = this.preview?.status === 'ok' || this.preview?.status === 'invalid' ? this.preview.base?.map : undefined;
    const links: EgmLink[] = map.links ?? [];
    const field = (f: MetaField) => {
      const value = typeof map[f] === 'string' ? map[f] : '';
      const placeholder = (base && typeof base[f] === 'string' ? base[f] : undefined) ?? this.s.metaPlaceholder[f] ?? '';
      const input = (e: Event) => this.edit((cfg) => setMeta(cfg, f, (e.target as HTMLInputElement | HTMLTextAreaElement).value));
      return html`<p class="field">
        <label for=${`meta-${f}`}>${this.s.meta[f]}</label>
        ${f === 'description'
          ? html`<textarea id=${`meta-${f}`} rows="3" .value=${value} placeholder=${placeholder} @input=${input}></textarea>`
          : html`<input id=${`meta-${f}`} type="text" .value=${value} placeholder=${placeholder} @input=${input} />`}
      </p>`;
    };
    const linksOf = (cfg: ConversionConfig): EgmLink[] => cfg.map?.links ?? [];
    const setLink = (i: number, patch: Partial<EgmLink>) => this.edit((cfg) => setLinks(cfg, linksOf(cfg).map((l, j) => (j === i ? { ...l, ...patch } : l))));
    return html`<section class="step" aria-labelledby="meta-heading">
      <h2 id="meta-heading">${this.s.metaHeading}</h2>
      ${META_FIELDS.map(field)}
      <fieldset class="links">
        <legend>${this.s.links}</legend>
        ${links.map(
          (l, i) => html`<div class="link">
            <input type="text" aria-label=${this.s.linkLabel(i)} .value=${l.label} @input=${(e: Event) => setLink(i, { label: (e.target as HTMLInputElement).value })} />
            <input type="url" aria-label=${this.s.linkUrl(i)} placeholder="https://" .value=${l.url} @input=${(e: Event) => setLink(i, { url: (e.target as HTMLInputElement).value })} />
            <button type="button" data-link-remove=${i} @click=${() => this.removeLink(i)}>${this.s.removeLink(i)}</button>
          </div>`,
        )}
        <button type="button" data-link-add @click=${() => this.edit((cfg) => setLinks(cfg, [...linksOf(cfg), { label: '', url: '' }]))}>${this.s.addLink}</button>
      </fieldset>
    </section>`;
  }

  /** Removes a link; focus goes to its neighbour's Remove button, or to "Add a link" (its own row is gone). */
  private removeLink(i: number): void {
    this.edit((cfg) => setLinks(cfg, (cfg.map?.links ?? []).filter((_, j) => j !== i)));
    this.focusAfterUpdate = { to: 'link', index: i };
  }

  /** Resets a category's colour; focus goes to its colour input (the Reset button goes). */
  private resetColor(dimId: string, catId: string): void {
    this.edit((cfg) => setColor(cfg, dimId, catId, undefined));
    this.focusAfterUpdate = { to: 'color', dim: dimId, cat: catId };
  }

  private background(): string {
    const value = getComputedStyle(this).getPropertyValue('--egm-color-background').trim();
    return /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(value) ? value : '#ffffff';
  }

  private renderCategories(): TemplateResult | typeof nothing {
    const config = this.matched?.config;
    const p = this.preview;
    const base = p?.status === 'ok' ? p.base.map : p?.status === 'invalid' ? p.base?.map : undefined;
    if (!config || !base) return nothing;
    let ordered: EgmMap;
    try {
      ordered = orderedBase(base, config);
    } catch {
      ordered = base;
    }
    const hidden = new Set(config.hidden ?? []);
    const background = this.background();
    const dims = layoutDimensions(ordered);
    return html`<section class="step" aria-labelledby="categories-heading">
      <h2 id="categories-heading">${this.s.categoriesHeading}</h2>
      <p class="hint">${this.s.categoriesHint}</p>
      ${dims.map((d) => {
        const headingId = `dim-${dims.indexOf(d)}`;
        // The colours the map will show: hidden categories are not in it, and take no palette place.
        const swatches = d.role === 'segments' ? segmentSwatches(config, d.id, d.categories) : undefined;
        const renderList = (list: readonly EgmCategory[], top: boolean): TemplateResult => html`<ul class="categories">
          ${repeat(
            list,
            (c) => c.id,
            (c, i) => {
              const isHidden = hidden.has(`${d.id}/${c.id}`);
              const color = top ? swatches?.get(c.id) : undefined;
              const ratio = color ? contrastAgainst(color, background) : undefined;
              const warnId = `warn-${headingId}-${i}`;
              const custom = config.colors?.[`${d.id}/${c.id}`] !== undefined;
              return html`<li class=${isHidden ? 'hidden-category' : ''}>
                <div class="category">
                  <span class="label name">${c.label}</span>
                  <label class="show"><input type="checkbox" .checked=${!isHidden} @change=${(e: Event) => this.edit((cfg) => setHidden(cfg, d.id, c.id, !(e.target as HTMLInputElement).checked))} />${this.s.show}<span class="visually-hidden"> ${c.label}</span></label>
                  <button type="button" class="move" data-move="up" data-dim=${d.id} data-cat=${c.id} aria-label=${this.s.moveUp(c.label)} ?disabled=${i === 0} @click=${() => this.move(d.id, c, -1)}>↑</button>
                  <button type="button" class="move" data-move="down" data-dim=${d.id} data-cat=${c.id} aria-label=${this.s.moveDown(c.label)} ?disabled=${i === list.length - 1} @click=${() => this.move(d.id, c, 1)}>↓</button>
                  ${color
                    ? html`<input type="color" list="palette" data-dim=${d.id} data-cat=${c.id} aria-label=${this.s.color(c.label)} aria-describedby=${ratio !== undefined && ratio < MIN_GRAPHIC_CONTRAST ? warnId : nothing} .value=${color} @input=${(e: Event) => this.edit((cfg) => setColor(cfg, d.id, c.id, (e.target as HTMLInputElement).value))} />
                        ${custom ? html`<button type="button" aria-label=${this.s.resetColor(c.label)} @click=${() => this.resetColor(d.id, c.id)}>${this.s.reset}</button>` : nothing}
                        ${ratio !== undefined && ratio < MIN_GRAPHIC_CONTRAST ? html`<span class="warning" id=${warnId}>${this.s.lowContrast(ratio)}</span>` : nothing}`
                    : nothing}
                </div>
                ${c.children ? renderList(c.children, false) : nothing}
              </li>`;
            },
          )}
        </ul>`;
        return html`<section class="dimension" aria-labelledby=${headingId}>
          <h3 id=${headingId}>${this.s.dimensionHeading(this.s.roleSummary[d.role], d.label)}</h3>
          ${renderList(d.categories, true)}
        </section>`;
      })}
      <datalist id="palette">${SEGMENT_PALETTE.map((c) => html`<option value=${c}></option>`)}</datalist>
    </section>`;
  }

  private move(dimId: string, c: EgmCategory, by: -1 | 1): void {
    const p = this.preview;
    const base = p?.status === 'ok' ? p.base.map : p?.status === 'invalid' ? p.base?.map : undefined;
    if (!this.config || !base) return;
    // The order as it is now (not as last rendered: two moves may come before a render).
    const categories = orderedBase(base, this.config).dimensions.find((d) => d.id === dimId)?.categories ?? [];
    const next = moveCategory(this.config, dimId, categories, c.id, by);
    this.config = next;
    this.focusAfterUpdate = { to: 'move', dim: dimId, cat: c.id, dir: by < 0 ? 'up' : 'down' };
    // Where it went among its siblings, for screen readers.
    const order = next.order![dimId];
    const siblingsOf = (list: readonly EgmCategory[]): readonly EgmCategory[] | undefined =>
      list.some((x) => x.id === c.id) ? list : list.map((x) => (x.children ? siblingsOf(x.children) : undefined)).find(Boolean);
    const siblings = [...(siblingsOf(categories) ?? [])].sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
    this.say(this.s.moved(c.label, siblings.findIndex((x) => x.id === c.id) + 1, siblings.length));
  }

  private renderDownloads(): TemplateResult | typeof nothing {
    if (!this.file) return nothing;
    const map = this.map;
    const stem = map ? fileStem(map) : 'map';
    const snippet = `<script type="module" src="egm-components.standalone.js"></script>\n<egm-map src="${stem}.egm.json"></egm-map>`;
    return html`<section class="step" aria-labelledby="download-heading">
      <h2 id="download-heading">${this.s.downloadHeading}</h2>
      <div class="downloads">
        <button type="button" ?disabled=${!map} @click=${() => this.downloadMap()}>${this.s.downloadMap}</button>
        <button type="button" ?disabled=${!map} @click=${() => this.downloadConfig()}>${this.s.downloadConfig}</button>
        <button type="button" ?disabled=${!map || this.bundle.status !== 'ok'} @click=${() => this.downloadPage()}>${this.s.downloadPage}</button>
      </div>
      ${this.bundle.status === 'loading' ? html`<p class="hint">${this.s.bundleLoading}</p>` : nothing}
      ${this.bundle.status === 'failed' ? html`<p class="hint">${this.s.bundleMissing}</p>` : nothing}
      <p class="hint">${this.s.configNote}</p>
      <p class="field">
        <label for="snippet">${this.s.snippet}</label>
        <textarea id="snippet" readonly rows="2" .value=${snippet}></textarea>
      </p>
    </section>`;
  }

  private renderPreview(): TemplateResult {
    const p = this.preview;
    let body: TemplateResult | typeof nothing;
    let warnings: readonly EgmWarning[] | undefined;
    if (this.making) body = nothing;
    else if (!p) body = html`<p>${this.s.previewEmpty}</p>`;
    else if (p.status === 'incomplete') body = html`<p class="notice">${this.s.choose(p.missing.map((m) => this.s.missing[m]))}</p>`;
    else if (p.status === 'invalid') {
      body = renderIssues(p.stage === 'import' ? this.s.importFailed : this.s.editFailed, p.issues, this.issuesLocale);
      warnings = p.base?.warnings;
    } else {
      const { map } = p.result;
      warnings = p.result.warnings;
      body = html`<p class="stats">${this.s.stats(map.studies.length, studiesInGrid(map))}</p>
        <egm-map heading-level="3" .schema=${p.result.map} .studies=${p.result.map.studies}></egm-map>`;
    }
    return html`<section class="preview" part="preview" aria-labelledby="preview-heading">
      <h2 id="preview-heading">${this.s.previewHeading}</h2>
      <p class="making" role="status">${this.making ? this.s.making : nothing}</p>
      ${body}
      ${warnings
        ? html`<section class="warnings" aria-labelledby="warnings-heading">
            <h3 id="warnings-heading">${warnings.length ? this.s.warningsHeading(warnings.length) : this.s.noWarnings}</h3>
            ${warnings.length
              ? html`<ul>
                  ${warnings.map((w) => html`<li>${w.path ? html`<code>${w.path}</code>: ` : nothing}${w.message}</li>`)}
                </ul>`
              : nothing}
          </section>`
        : nothing}
    </section>`;
  }
}

if (!customElements.get('egm-workbench')) customElements.define('egm-workbench', EgmWorkbench);

declare global {
  interface HTMLElementTagNameMap {
    'egm-workbench': EgmWorkbench;
  }
}
