/**
 * The bubble drawing shared by `<egm-grid>` and `<egm-legend>`, so the size key and the
 * segment colours in the legend are the grid's own.
 */
import { svg, type SVGTemplateResult } from 'lit';
import { arcPath } from '../core/geometry.js';
import { bubbleScale } from '../core/scale.js';

export { arcPath };

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
 */
export function bubble(r: number, slices: readonly Slice[], fallbackColor: string, donut = false): SVGTemplateResult {
  const inner = donut ? r * 0.55 : 0;
  const parts = slices.filter((s) => s.value > 0);
  const sum = parts.reduce((a, s) => a + s.value, 0);
  if (r <= 0) return svg``;
  if (parts.length <= 1) {
    const color = parts[0]?.color ?? fallbackColor;
    const cls = parts[0] ? `slice seg-${parts[0].index}` : 'slice';
    return donut
      ? svg`<path class=${cls} fill=${color} fill-rule="evenodd" d=${`M0 ${-r}A${r} ${r} 0 1 1 0 ${r}A${r} ${r} 0 1 1 0 ${-r}ZM0 ${-inner}A${inner} ${inner} 0 1 0 0 ${inner}A${inner} ${inner} 0 1 0 0 ${-inner}Z`}></path>`
      : svg`<circle class=${cls} fill=${color} r=${round(r)}></circle>`;
  }
  let a = 0;
  return svg`${parts.map((s) => {
    const a0 = a;
    a += (s.value / sum) * TAU;
    return svg`<path class=${`slice seg-${s.index}`} fill=${s.color} d=${arcPath(round(r), round(inner), a0, a)}></path>`;
  })}`;
}
