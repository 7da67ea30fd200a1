/**
 * Printing `<egm-grid>`: a static copy of the map, made only while the page prints.
 *
 * A wide map does not fit a sheet, and browsers cut a table at the page edge. So while
 * printing, the grid draws its columns in chunks of `print-columns` leaf columns, each chunk a
 * table of its own starting on a new page, with the row headers in every chunk and the column
 * headers repeated at the top of every page (a `<thead>` repeats when its table breaks across
 * pages). Every cell prints its count as a number beside a small bubble, so the page reads in
 * greyscale and without colour.
 *
 * The page size (`@page`) cannot be set from a shadow root: while printing, a document-level
 * constructed style sheet (allowed under a strict Content-Security-Policy, like the elements'
 * own styles) sets it, and is removed afterwards.
 */
import { html, nothing, svg, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { AxisEntry, GridCounts, GridModel } from '../core/grid.js';
import { chunkHeaders, columnChunks } from '../core/print-layout.js';
import { formatMessage, formatNumber } from '../core/i18n.js';
import type { EgmStrings } from '../i18n/en.js';
import { bubble, radiusFor, VIEW, type Slice } from './bubble.js';

export { PRINT_COLUMNS } from '../core/print-layout.js';
/** The default `@page` size while a map prints. */
export const PRINT_PAGE = 'A4 landscape';

export interface PrintOptions {
  model: GridModel;
  counts: GridCounts;
  /** Whether any filter is active (cells then print "n of total" where the two differ). */
  filtered: boolean;
  /** Leaf columns per chunk. */
  perChunk: number;
  /** Segment ids hidden in the grid: not drawn in the bubbles either. */
  hiddenSegments: readonly string[];
  donut: boolean;
  /** The language of the numbers (the grid's). */
  lang: string;
  /** The words of the printed copy (the grid's `print` strings). */
  strings: EgmStrings['print'];
}

/** The printed copy: one table per chunk of columns. */
export function printView(o: PrintOptions): TemplateResult {
  const { model } = o;
  const lines = model.columns.lines.length;
  const radius = radiusFor(model.totals.max);
  const colDim = model.columns.dimension.dimension;
  const rowDim = model.rows.dimension.dimension;
  // The caption of a chunk says which columns of how many it holds (just the dimension when it holds them all).
  const caption = (from: number, to: number) =>
    lines > to - from + 1 ? formatMessage(o.lang, o.strings.chunk, { dimension: colDim.label, from, to, of: lines }) : colDim.label;
  return html`<div class="print" part="print" aria-hidden="true">
    ${columnChunks(lines, o.perChunk).map(([from, to]) => {
      const levels = chunkHeaders(model.columns, from, to);
      return html`<table class="print-chunk">
        <caption>${caption(from + 1, to)}</caption>
        <thead>
          ${levels.map(
            (level, h) => html`<tr>
              ${h === 0 ? html`<th class="print-corner" rowspan=${levels.length} scope="col">${rowDim.label}</th>` : nothing}
              ${level.map(({ entry, colspan, rowspan }) => html`<th scope=${entry.expanded ? 'colgroup' : 'col'} colspan=${colspan} rowspan=${rowspan}>${entry.label}</th>`)}
            </tr>`,
          )}
        </thead>
        <tbody>
          ${model.rows.entries.map((r) =>
            r.expanded
              ? html`<tr class="print-group"><th scope="rowgroup" colspan=${to - from + 1} class=${`depth-${Math.min(r.depth, 4)}`}>${r.label}</th></tr>`
              : html`<tr>
                  <th scope="row" class=${`depth-${Math.min(r.depth, 4)}`}>${r.label}</th>
                  ${model.columns.lines.slice(from, to).map((c) => printCell(o, r, c, radius))}
                </tr>`,
          )}
        </tbody>
      </table>`;
    })}
  </div>`;
}

function printCell(o: PrintOptions, r: AxisEntry, c: AxisEntry, radius: (n: number) => number): TemplateResult {
  const { model, counts } = o;
  const at = r.line * counts.columns + c.line;
  const count = counts.counts[at];
  const total = model.totals.counts[at];
  if (total === 0) return html`<td class="print-gap">${o.strings.gap}</td>`;
  const K = model.segments.length;
  const slices: Slice[] = [];
  for (let k = 0; k < K; k++) {
    const s = model.segments[k];
    if (!o.hiddenSegments.includes(s.id)) slices.push({ index: k, color: s.color, value: counts.segments[at * K + k] });
  }
  const text = o.filtered && count !== total ? formatMessage(o.lang, o.strings.ofTotal, { n: count, total }) : formatNumber(o.lang, count);
  return html`<td class=${count === 0 ? 'print-filtered' : 'print-filled'}>${count > 0
    ? html`<svg class="print-bubble" viewBox=${`${-VIEW / 2} ${-VIEW / 2} ${VIEW} ${VIEW}`} aria-hidden="true" focusable="false">${svg`${bubble(radius(count), slices, 'var(--_bubble)', o.donut)}`}</svg>`
    : nothing}<span class="print-n">${text}</span></td>`;
}

/** The document-level sheet with the `@page` rule, shared by every map on the page. */
let pageSheet: CSSStyleSheet | undefined;
let pageSize = '';
let pageUsers = 0;

function addPageRule(size: string): void {
  if (!size || typeof CSSStyleSheet === 'undefined' || !('adoptedStyleSheets' in document)) return;
  pageSheet ??= new CSSStyleSheet();
  // The first map to print decides. `size` comes from an attribute: anything but the words and
  // lengths of a page size (`A4 landscape`, `210mm 297mm`, `letter`) gets the default.
  if (pageUsers === 0) {
    pageSize = /^[a-z0-9. -]+$/i.test(size) ? size : PRINT_PAGE;
    pageSheet.replaceSync(`@page { size: ${pageSize}; margin: 10mm; }`);
  }
  pageUsers++;
  if (!document.adoptedStyleSheets.includes(pageSheet)) document.adoptedStyleSheets = [...document.adoptedStyleSheets, pageSheet];
}

function removePageRule(): void {
  if (!pageSheet || pageUsers === 0) return;
  pageUsers--;
  if (pageUsers === 0) document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== pageSheet);
}

/** The `@page` size in force while maps print, '' when none (for tests). */
export const printPageSize = (): string => (pageUsers > 0 ? pageSize : '');

interface PrintHost extends ReactiveControllerHost {
  /** The `@page` size to ask for ('' leaves the page to the host's own styles). */
  readonly printPage: string;
}

/**
 * Tells its element when the page is printing (between `beforeprint` and `afterprint`), so it
 * draws its printed copy only then, and holds the `@page` rule meanwhile.
 */
export class PrintController implements ReactiveController {
  /** True while the page prints. */
  printing = false;
  private sized = false;

  constructor(private readonly host: PrintHost) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('beforeprint', this.before);
    window.addEventListener('afterprint', this.after);
  }

  hostDisconnected(): void {
    window.removeEventListener('beforeprint', this.before);
    window.removeEventListener('afterprint', this.after);
    this.after();
  }

  private readonly before = () => {
    if (this.printing) return;
    this.printing = true;
    if (this.host.printPage) {
      addPageRule(this.host.printPage);
      this.sized = true;
    }
    // Lit updates in a microtask, which runs once this listener returns and before the page
    // is laid out for print.
    this.host.requestUpdate();
  };

  private readonly after = () => {
    if (!this.printing) return;
    this.printing = false;
    if (this.sized) removePageRule();
    this.sized = false;
    this.host.requestUpdate();
  };
}
