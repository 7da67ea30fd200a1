/**
 * The map as a picture: a list of plain shapes laid out from the grid model and its counts,
 * written as a standalone SVG document here, or painted on a canvas by the element (PNG).
 * One layout, two outputs, so the SVG and the PNG cannot disagree.
 */
import { arcPath } from '../geometry.js';
import type { GridCounts, GridModel } from '../grid.js';
import { bubbleScale } from '../scale.js';
import { wellFormed } from '../text.js';

export type Shape =
  | { kind: 'rect'; x: number; y: number; width: number; height: number; fill: string; stroke?: string }
  | { kind: 'text'; x: number; y: number; text: string; size: number; weight?: number; anchor?: 'start' | 'middle' | 'end'; fill: string; rotate?: number }
  | { kind: 'path'; x: number; y: number; d: string; fill: string; className?: string };

export interface Picture {
  width: number;
  height: number;
  shapes: Shape[];
}

export interface PictureOptions {
  title?: string;
  /** Segment ids not to draw (visual only, as in the grid). */
  hiddenSegments?: readonly string[];
  donut?: boolean;
  cell?: number;
  rowHeader?: number;
  columnHeader?: number;
  /** The key's words in the map's language: the segment of studies without a code ("Not coded"), and a gap ("Gap: no studies"). */
  notCoded?: string;
  gap?: string;
  /** A bubble's count as the map's language writes it (`1 234` in French); digits alone by default. */
  formatCount?: (n: number) => string;
}

const TEXT = '#1f2328';
const MUTED = '#57606a';
const LINE = '#d0d7de';
const GAP = '#eef1f4';
const BUBBLE = '#4a6fa5';

/**
 * Shortens a label to `max` characters for a header that cannot wrap, never between the two
 * halves of a character outside the BMP (an emoji, a mathematical letter): a lone surrogate
 * would show as "�".
 */
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1).replace(/[\uD800-\uDBFF]$/, '')}…` : text);

/** Lays the grid out as shapes: title, rotated column labels, row labels, bubbles, legend. */
export function mapPicture(model: GridModel, counts: GridCounts, options: PictureOptions = {}): Picture {
  const cell = options.cell ?? 48;
  const rowHead = options.rowHeader ?? 260;
  const colHead = options.columnHeader ?? 150;
  const top = options.title ? 40 : 8;
  const cols = model.columns.lines;
  const entries = model.rows.entries;
  const C = cols.length;
  // Wide enough for the grid, the title (about 10 px a character at 18 px, bold) and each column's
  // label, which rises to the right at 45° from its column (about 7 px a character at 12 px, so
  // 5 px across).
  let width = Math.max(rowHead + C * cell + 40, 16 + (options.title?.length ?? 0) * 10);
  const gridTop = top + colHead;
  const shapes: Shape[] = [];
  if (options.title) shapes.push({ kind: 'text', x: 8, y: 26, text: options.title, size: 18, weight: 700, fill: TEXT });
  cols.forEach((c, j) => {
    const x = rowHead + j * cell + cell / 2;
    const label = clip(c.label, 28);
    shapes.push({ kind: 'text', x, y: gridTop - 8, text: label, size: 12, weight: 600, fill: TEXT, rotate: -45 });
    width = Math.max(width, x + label.length * 5 + 8);
  });
  const radius = bubbleScale(model.totals.max, { maxRadius: cell * 0.46, minRadius: cell * 0.1 });
  const hidden = new Set(options.hiddenSegments ?? []);
  const K = model.segments.length;
  let y = gridTop;
  for (const r of entries) {
    if (r.expanded) {
      shapes.push({ kind: 'rect', x: 0, y, width: rowHead + C * cell, height: 24, fill: '#f6f8fa', stroke: LINE });
      shapes.push({ kind: 'text', x: 8 + (r.depth - 1) * 14, y: y + 16, text: clip(r.label, 60), size: 12, weight: 700, fill: TEXT });
      y += 24;
      continue;
    }
    shapes.push({ kind: 'rect', x: 0, y, width: rowHead, height: cell, fill: '#f6f8fa', stroke: LINE });
    shapes.push({ kind: 'text', x: 8 + (r.depth - 1) * 14, y: y + cell / 2 + 4, text: clip(r.label, 36), size: 12, fill: TEXT });
    cols.forEach((c, j) => {
      const at = r.line * C + c.line;
      const count = counts.counts[at];
      const total = model.totals.counts[at];
      const x = rowHead + j * cell;
      shapes.push({ kind: 'rect', x, y, width: cell, height: cell, fill: total === 0 ? GAP : '#ffffff', stroke: LINE });
      if (count === 0) return;
      const cx = x + cell / 2;
      const cy = y + cell / 2;
      const rad = radius(count);
      const inner = options.donut ? rad * 0.55 : 0;
      const parts: { color: string; value: number; index: number }[] = [];
      for (let k = 0; k < K; k++) {
        const n = counts.segments[at * K + k];
        if (n > 0 && !hidden.has(model.segments[k].id)) parts.push({ color: model.segments[k].color, value: n, index: k });
      }
      const sum = parts.reduce((a, p) => a + p.value, 0);
      if (parts.length <= 1) {
        shapes.push({ kind: 'path', x: cx, y: cy, d: arcPath(rad, inner, 0, Math.PI * 2 - 1e-6), fill: parts[0]?.color ?? BUBBLE, className: 'bubble' });
      } else {
        let a = 0;
        shapes.push(
          ...parts.map((p, i): Shape => {
            const a0 = a;
            a += (p.value / sum) * Math.PI * 2;
            return { kind: 'path', x: cx, y: cy, d: arcPath(rad, inner, a0, a), fill: p.color, className: i === 0 ? 'bubble' : 'slice' };
          }),
        );
      }
      shapes.push({ kind: 'text', x: cx, y: cy + 4, text: (options.formatCount ?? String)(count), size: 11, weight: 700, anchor: 'middle', fill: TEXT });
    });
    y += cell;
  }
  // Legend: the segments, then what a gap looks like.
  y += 24;
  let x = 8;
  for (const s of model.segments) {
    if (s.notCoded && s.total === 0) continue;
    const label = s.notCoded ? (options.notCoded ?? s.label) : s.label;
    shapes.push({ kind: 'rect', x, y: y - 10, width: 12, height: 12, fill: s.color });
    shapes.push({ kind: 'text', x: x + 18, y, text: label, size: 12, fill: MUTED });
    x += 30 + label.length * 7;
  }
  const gap = options.gap ?? 'Gap: no studies';
  shapes.push({ kind: 'rect', x, y: y - 10, width: 12, height: 12, fill: GAP, stroke: LINE });
  shapes.push({ kind: 'text', x: x + 18, y, text: gap, size: 12, fill: MUTED });
  return { width: Math.max(width, x + 35 + gap.length * 7), height: y + 16, shapes };
}

/** XML-escapes text, dropping what XML 1.0 cannot hold (control characters, lone surrogates). */
const esc = (s: string) =>
  wellFormed(s)
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

/** A standalone SVG document of a picture (all text escaped; no scripts, no styles, no links). */
export function pictureToSvg(p: Picture, title = 'Evidence and gap map'): string {
  const body = p.shapes.map((s) => {
    switch (s.kind) {
      case 'rect':
        return `<rect x="${s.x}" y="${s.y}" width="${s.width}" height="${s.height}" fill="${esc(s.fill)}"${s.stroke ? ` stroke="${esc(s.stroke)}"` : ''}/>`;
      case 'path':
        return `<path transform="translate(${s.x} ${s.y})" d="${s.d}" fill="${esc(s.fill)}" stroke="#ffffff" stroke-width="1"${s.className ? ` class="${s.className}"` : ''}/>`;
      case 'text': {
        const attrs = `font-size="${s.size}"${s.weight ? ` font-weight="${s.weight}"` : ''}${s.anchor && s.anchor !== 'start' ? ` text-anchor="${s.anchor}"` : ''} fill="${esc(s.fill)}"`;
        const place = s.rotate ? `transform="translate(${s.x} ${s.y}) rotate(${s.rotate})"` : `x="${s.x}" y="${s.y}"`;
        return `<text ${place} ${attrs}>${esc(s.text)}</text>`;
      }
    }
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${p.width}" height="${p.height}" viewBox="0 0 ${p.width} ${p.height}" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif" role="img">`,
    `<title>${esc(title)}</title>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    ...body,
    '</svg>',
    '',
  ].join('\n');
}
