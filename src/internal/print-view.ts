/**
 * The printed copy of `<egm-grid>` (see print.ts for when it is drawn): one table per chunk of
 * columns, each cell a count beside a small bubble. Part of the code the elements draw after
 * their first screen (`deferred.ts`).
 */
import { html, nothing, svg, type TemplateResult } from 'lit';
import type { AxisEntry, GridCounts, GridModel } from '../core/grid.js';
import { chunkHeaders, columnChunks } from '../core/print-layout.js';
import { formatMessage, formatNumber } from '../core/i18n.js';
import type { EgmStrings } from '../i18n/en.js';
import { bubble, radiusFor, VIEW, type Slice } from './bubble.js';

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
