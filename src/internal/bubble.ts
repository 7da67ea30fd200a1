/**
 * The drawing shared by `<egm-grid>` and `<egm-legend>` (bubbles, heat shades, mosaic tiles),
 * so that the legend's keys and segment colours are the grid's own.
 */
import { css, html, nothing, svg, unsafeCSS, type SVGTemplateResult, type TemplateResult } from 'lit';
import { arcPath } from '../core/geometry.js';
import { HEAT_PALETTE, HEAT_TEXT, heatText } from '../core/heat.js';
import { bubbleScale } from '../core/scale.js';

export { arcPath };

/** The views of `<egm-grid>` (its `view` attribute). */
export type GridView = 'bubble' | 'heatmap' | 'mosaic' | 'table';
const VIEWS: readonly string[] = ['bubble', 'heatmap', 'mosaic', 'table'];
/** The view to draw for a `view` attribute: an unknown value draws bubbles. */
export const gridView = (view: unknown): GridView => (VIEWS.includes(view as string) ? (view as GridView) : 'bubble');

/** The bubble's box is `VIEW` × `VIEW` SVG units, centred on 0,0. */
export const VIEW = 48;
export const BUBBLE_SCALE = { maxRadius: 22, minRadius: 5 } as const;

/** The radius function for a map whose largest unfiltered cell holds `maxCount` studies. */
export const radiusFor = (maxCount: number) => bubbleScale(maxCount, BUBBLE_SCALE);

export interface Slice {
  /** Segment index, used for the `seg-N` class (patterns and forced colours). */
  index: number;
  color: string;
  value: number;
}

const TAU = Math.PI * 2;
const round = (n: number) => Math.round(n * 100) / 100;

/**
 * A bubble of radius `r` divided into `slices` in proportion to their values (a study in two
 * segments is drawn in both, as in the legend). No slices: one plain disc in `fallbackColor`.
 * The same paths as `bubbleParts`, without the empty ones.
 */
export function bubble(r: number, slices: readonly Slice[], fallbackColor: string, donut = false): SVGTemplateResult {
  return svg`${bubbleParts(0, r, slices, fallbackColor, donut)}`;
}

/** An SVG path of a full disc of radius `r`, with a hole of radius `inner` when `inner` > 0. */
const discPath = (r: number, inner: number) =>
  `M0 ${-r}A${r} ${r} 0 1 1 0 ${r}A${r} ${r} 0 1 1 0 ${-r}Z${inner > 0 ? `M0 ${-inner}A${inner} ${inner} 0 1 0 0 ${inner}A${inner} ${inner} 0 1 0 0 ${-inner}Z` : ''}`;

/**
 * The grid's bubble as exactly `slots` `<path>`s: the same drawing as `bubble()`, in a shape
 * that never changes. A cell whose count changes, or which a filter empties and refills, then
 * changes attributes only: Lit keeps its elements, and a filter change creates and removes no
 * DOM. Unused paths have an empty `d` and no class; `ghost` > 0 draws, in the first path,
 * the dashed outline (radius `ghost`) of a cell filtered to zero, instead of the slices.
 * `slots` is at least the number of slices.
 */
export function bubbleParts(slots: number, r: number, slices: readonly Slice[], fallbackColor: string, donut: boolean, ghost = 0): SVGTemplateResult[] {
  const out: SVGTemplateResult[] = [];
  const add = (cls: string, fill: string | typeof nothing, d: string, evenodd = false) =>
    out.push(svg`<path class=${cls} fill=${fill} fill-rule=${evenodd ? 'evenodd' : nothing} d=${d}></path>`);
  const rr = round(r);
  const inner = donut ? round(r * 0.55) : 0;
  const parts = slices.filter((s) => s.value > 0);
  if (ghost > 0) add('ghost', nothing, discPath(round(ghost), 0));
  else if (rr > 0 && parts.length <= 1) add(parts[0] ? `slice seg-${parts[0].index}` : 'slice', parts[0]?.color ?? fallbackColor, discPath(rr, inner), inner > 0);
  else if (rr > 0) {
    const sum = parts.reduce((a, s) => a + s.value, 0);
    let a = 0;
    for (const s of parts) {
      const a0 = a;
      a += (s.value / sum) * TAU;
      add(`slice seg-${s.index}`, s.color, arcPath(rr, inner, a0, a));
    }
  }
  while (out.length < slots) add('', nothing, '');
  return out;
}

/**
 * `.heat-N`: shade N of the heat scale as `--_heat`, with the text colour that reads on it as
 * `--_heat-text`. Built from the core palette (constants, never input), for grid and legend alike.
 */
export const heatStyles = unsafeCSS(HEAT_PALETTE.map((c, i) => `.heat-${i}{--_heat:${c};--_heat-text:${HEAT_TEXT[heatText(c)]}}`).join(''));

/** The synthesis-gap marker (◇) of grid cells and of the legend's key; each places it. */
export const markStyles = css`
  .sg-mark {
    position: absolute;
    padding: 0 1px;
    font-size: 12px;
    font-weight: 700;
    line-height: 1;
    color: var(--_sg);
    background: var(--_bg);
    pointer-events: none;
  }
`;

/**
 * The mosaic's tile grid: `COLUMNS` tiles a row, at most `ROWS` rows, each tile `TILE` units in
 * a `PITCH`-unit slot. Every cell's SVG has the same view box, so a tile is the same size in
 * every cell and counts compare by area, as in a waffle chart.
 */
export const MOSAIC = { columns: 10, rows: 5, pitch: 8, tile: 7 } as const;
/** The most tiles a cell draws; a fuller cell draws a row fewer and says "+N" for the rest. */
export const MOSAIC_CAP = MOSAIC.columns * MOSAIC.rows;
export const MOSAIC_VIEW = `0 0 ${MOSAIC.columns * MOSAIC.pitch - 1} ${MOSAIC.rows * MOSAIC.pitch - 1}`;

/**
 * A cell's mosaic: one tile per study, in segment order, one path per segment (so a full cell
 * is a handful of nodes, never one per study). `slices` are the segments to draw with their
 * studies (each study in one segment only: `GridCounts.firstSegments`); none draws `count`
 * plain tiles in `fallbackColor`. Above `MOSAIC_CAP` tiles, the tiles drawn are shared among
 * the segments in proportion, and `more` says how many studies they leave out.
 */
export function mosaic(slices: readonly Slice[], count: number, fallbackColor: string): { tiles: SVGTemplateResult; more: number } {
  const parts = slices.length ? slices.filter((s) => s.value > 0) : [{ index: -1, color: fallbackColor, value: count }];
  const total = parts.reduce((a, s) => a + s.value, 0);
  const drawn = total > MOSAIC_CAP ? MOSAIC_CAP - MOSAIC.columns : total;
  // Largest remainder: each part's share of the drawn tiles, rounded so they add up.
  const shares = parts.map((s) => (s.value * drawn) / total);
  const n = shares.map(Math.floor);
  let left = drawn - n.reduce((a, b) => a + b, 0);
  for (const i of shares.map((x, i) => i).sort((a, b) => shares[b] - n[b] - (shares[a] - n[a]))) if (left-- > 0) n[i]++;
  let at = 0;
  const { columns, pitch, tile } = MOSAIC;
  const tiles = svg`${parts.map((s, i) => {
    let d = '';
    for (let k = 0; k < n[i]; k++, at++) d += `M${(at % columns) * pitch} ${Math.floor(at / columns) * pitch}h${tile}v${tile}h${-tile}z`;
    return d ? svg`<path class=${s.index < 0 ? 'tile' : `tile seg-${s.index}`} fill=${s.color} d=${d}></path>` : svg``;
  })}`;
  return { tiles, more: total - drawn };
}

/**
 * A count in words with only its number visible: `text` is the message ("(12 studies)", "3
 * studies") and `number` the number in it as formatted; the words around the number are
 * visually hidden, so it shows "12" and reads "(12 studies)".
 */
export function aroundNumber(text: string, number: string): TemplateResult {
  const at = text.indexOf(number);
  if (at < 0) return html`${number}<span class="visually-hidden"> ${text}</span>`;
  const before = text.slice(0, at);
  const after = text.slice(at + number.length);
  return html`${before ? html`<span class="visually-hidden">${before}</span>` : nothing}${number}${after ? html`<span class="visually-hidden">${after}</span>` : nothing}`;
}
