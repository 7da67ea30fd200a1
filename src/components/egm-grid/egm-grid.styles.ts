import { css } from 'lit';
import { heatStyles, markStyles } from '../../internal/bubble.js';
import { tokens } from '../../styles/tokens.js';

export const styles = [
  tokens,
  heatStyles,
  markStyles,
  css`
    :host {
      display: block;
      container-type: inline-size;
      --_cell: var(--egm-cell-size, 3.5rem);
      --_col: var(--egm-column-width, 6rem);
      --_row-head: var(--egm-row-header-width, 15rem);
      --_head-bg: var(--_surface);
    }
    :host([hidden]) {
      display: none;
    }

    .scroller {
      overflow: auto;
      max-height: var(--egm-grid-max-height, 80vh);
      max-width: 100%;
      width: fit-content;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_bg);
      overscroll-behavior: contain;
      /* A cell the keyboard reaches scrolls clear of the sticky row headers (on the right under
         dir="rtl"), not under them. */
      scroll-padding-inline-start: calc(var(--_row-head) + 1rem);
    }
    /* (Logical sides throughout: under dir="rtl" the row headers stick to the right.) */

    table {
      border-collapse: separate;
      border-spacing: 0;
      table-layout: fixed;
    }

    th,
    td {
      padding: 0;
      border-inline-end: 1px solid var(--_border);
      border-bottom: 1px solid var(--_border);
      background: var(--_bg);
    }

    /* Headers stay in view while the map scrolls both ways. */
    thead {
      position: sticky;
      top: 0;
      z-index: 2;
    }
    thead th {
      background: var(--_head-bg);
      vertical-align: bottom;
      font-weight: 600;
      min-width: var(--_col);
      max-width: calc(var(--_col) * 2);
      padding: 0.35rem 0.3rem;
      text-align: center;
    }
    thead th.group {
      vertical-align: middle;
    }
    /* The corner and the row headers stick to the inline start. */
    th.corner,
    tbody th {
      position: sticky;
      inset-inline-start: 0;
      width: var(--_row-head);
      min-width: var(--_row-head);
      max-width: var(--_row-head);
      text-align: start;
    }
    th.corner {
      z-index: 3;
      vertical-align: bottom;
      color: var(--_muted);
      font-weight: 500;
    }
    .corner-cols,
    .corner-rows {
      display: block;
    }
    .corner-cols {
      text-align: end;
    }

    tbody th {
      z-index: 1;
      background: var(--_head-bg);
      font-weight: 500;
      padding: 0.25rem 0.5rem;
    }
    tbody th.depth-2 {
      padding-inline-start: 1.5rem;
    }
    tbody th.depth-3 {
      padding-inline-start: 2.5rem;
    }
    tbody th.depth-4,
    tbody th.depth-5 {
      padding-inline-start: 3.5rem;
    }
    tr.group-row th {
      font-weight: 650;
      background: var(--_surface);
    }
    tr.group-row .head-inner {
      position: sticky;
      inset-inline-start: 0.5rem;
      display: inline-flex;
    }

    .head {
      cursor: pointer;
      user-select: none;
    }
    .head-inner {
      display: inline-flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0.25rem 0.4rem;
      max-width: 100%;
    }
    thead .head-inner {
      justify-content: center;
    }
    .head-label {
      overflow-wrap: break-word;
      hyphens: auto;
    }
    /* A very long column label would make the sticky header cover the grid: clamp it. */
    thead .head-label {
      display: -webkit-box;
      -webkit-box-orient: vertical;
      -webkit-line-clamp: var(--egm-column-label-lines, 4);
      line-clamp: var(--egm-column-label-lines, 4);
      overflow: hidden;
    }
    .head-count {
      color: var(--_muted);
      font-weight: 400;
      font-size: 0.85em;
      font-variant-numeric: tabular-nums;
    }
    /* A header's numbers change with every filter. Their room is sized by the unfiltered text
       (data-max, drawn invisibly) and the text itself is in a contained, absolutely placed box
       over it, a layout boundary: a new number re-lays out that box alone, not the header and
       with it the whole table. */
    .head-count,
    .direct-only {
      position: relative;
    }
    .head-count::before,
    .direct-only::before {
      content: attr(data-max);
      visibility: hidden;
    }
    .head-count {
      white-space: nowrap;
    }
    .live {
      position: absolute;
      inset: 0;
      contain: size layout style;
      padding: inherit;
    }
    /* A filter that leaves a group no studies of its own: the button keeps its room, unseen. */
    .direct-only.none {
      visibility: hidden;
    }
    .chevron {
      display: inline-block;
      width: 1em;
      color: var(--_muted);
    }
    .direct-only {
      font: inherit;
      font-size: 0.8em;
      font-weight: 500;
      color: var(--_accent);
      background: none;
      border: 1px dashed currentColor;
      border-radius: 999px;
      padding: 0 0.4rem;
      cursor: pointer;
    }

    td.cell {
      width: var(--_col);
      min-width: var(--_col);
      height: var(--_cell);
      text-align: center;
      vertical-align: middle;
      cursor: pointer;
      position: relative;
    }
    td.cell:hover {
      background: var(--_surface);
    }
    td.gap {
      background-color: var(--_gap);
      background-image: repeating-linear-gradient(-45deg, transparent 0 6px, rgb(0 0 0 / 0.05) 6px 7px);
    }
    /* Above the cell's drawing (a heat shade fills most of it): an outline paints over the
       content and, unlike a pseudo-element, adds no box, so selecting a cell costs no layout of
       the table. A focused cell's outline (below) takes its place. */
    td.selected {
      outline: 3px solid var(--_selected);
      outline-offset: -3px;
    }

    /* A synthesis gap: a dashed outline inside the selection ring and a marker, never colour alone. */
    td.sg::before {
      content: '';
      position: absolute;
      inset: 3px;
      border: 2px dashed var(--_sg);
      border-radius: 4px;
      pointer-events: none;
    }
    .sg-mark {
      top: 1px;
      inset-inline-end: 2px;
    }

    /* Heat map: the count on its shade, in the text colour that reaches 4.5:1 there. */
    .box.heat {
      display: flex;
      align-items: center;
      justify-content: center;
      inset: 0.35rem;
      border-radius: 3px;
      background: var(--_heat);
      color: var(--_heat-text);
    }
    .hn {
      font: 600 13px var(--_font);
      font-variant-numeric: tabular-nums;
    }
    /* A cell filtered to zero, in the views without bubbles. */
    .ghost-box {
      display: block;
      box-sizing: border-box;
      height: calc(var(--_cell) - 1rem);
      margin: 0.35rem;
      border: 1.25px dashed var(--_muted);
      border-radius: 3px;
    }

    /* Mosaic: the same view box in every cell, so tiles are the same size everywhere. */
    .view-mosaic .box {
      box-sizing: border-box;
      padding: 0.4rem 0.45rem;
    }
    .mosaic {
      display: block;
      width: 100%;
      height: 100%;
    }
    .more {
      position: absolute;
      bottom: 0.15rem;
      inset-inline-end: 0.35rem;
      padding: 0 2px;
      font: 600 11px var(--_font);
      background: var(--_bg);
      border-radius: 2px;
    }

    /* Table view: a static data table of the numbers. */
    .view-table td.cell {
      height: auto;
      padding: 0.3rem 0.4rem;
      vertical-align: top;
      cursor: default;
    }
    .view-table .head,
    .view-table td.cell:hover {
      cursor: default;
    }
    .view-table td.cell:hover:not(.gap) {
      background: var(--_bg);
    }
    .tn {
      display: block;
      font-weight: 600;
      font-variant-numeric: tabular-nums;
    }
    .sub {
      display: block;
      font-size: 0.8em;
      color: var(--_muted);
    }
    .sub.sg-text {
      color: var(--_sg);
    }
    .sg-text .sg-mark {
      position: static;
      padding: 0;
      background: none;
    }

    /* Each bubble is laid out and painted on its own, and not at all while off screen: after a
       filter change only the cells in view cost layout (SVG text is slow to lay out). The box
       spans the cell's width, so a count beside a small bubble is not clipped.
       It is placed absolutely over its cell, whose size the stylesheet fixes, and contained: a
       cell whose drawing changes is laid out alone, without the table laying out its rows again
       (out-of-flow content only asks its ancestors for a simplified layout). */
    .box {
      position: absolute;
      inset: 0.15rem 0;
      contain: strict;
      content-visibility: auto;
    }
    /* Above the drawing, as the outline was when the drawing was in the flow; a stacking
       context of its own so that it stays under the sticky headers. */
    td.sg {
      isolation: isolate;
    }
    td.sg::before,
    td.sg > .sg-mark {
      z-index: 1;
    }
    /* A row without cells (still to come, or far from the screen) keeps a row's height: a
       cell's content height, less the header's padding above and below. */
    tr.pending > th {
      height: calc(var(--_cell) - 0.5rem);
    }

    .bubble {
      display: block;
      width: calc(var(--_cell) - 0.3rem);
      height: calc(var(--_cell) - 0.3rem);
      margin: auto;
      overflow: visible;
    }
    .slice {
      stroke: var(--_bg);
      stroke-width: 1;
    }
    .ghost {
      fill: none;
      stroke: var(--_muted);
      stroke-width: 1.25;
      stroke-dasharray: 3 3;
    }
    .n {
      font: 600 13px var(--_font);
      fill: var(--_text);
      paint-order: stroke;
      stroke: var(--_bg);
      stroke-width: 3px;
      stroke-linejoin: round;
      pointer-events: none;
    }
    .n.beside {
      font-weight: 500;
      stroke-width: 2px;
    }

    /* No z-index on a focused cell: making a cell a stacking context changes its layout, and a
       table re-lays out every cell for one (15-25 ms per focus at 2,400 cells). The outline is
       inset, so no neighbour covers it. Headers are sticky (stacking contexts already). */
    [data-key]:focus-visible {
      outline: 3px solid var(--_focus);
      outline-offset: -3px;
    }
    th[data-key]:focus-visible {
      z-index: 4;
    }

    .note {
      color: var(--_muted);
      margin: var(--_space) 0 0;
    }

    @container (max-width: 520px) {
      :host {
        --_row-head: var(--egm-row-header-width, 8.5rem);
        --_cell: var(--egm-cell-size, 2.75rem);
        --_col: var(--egm-column-width, 4.5rem);
      }
      .n {
        font-size: 12px;
      }
    }

    @media (forced-colors: active) {
      .slice {
        stroke: CanvasText;
      }
      td.selected {
        outline: 3px solid Highlight;
        outline-offset: -3px;
      }
      td.gap {
        background-image: none;
      }
      td.sg::before,
      .ghost-box {
        border-color: CanvasText;
      }
      .sg-mark {
        color: CanvasText;
        background: Canvas;
      }
      .tile {
        stroke: CanvasText;
        stroke-width: 0.5;
      }
    }

    @media (prefers-reduced-motion: no-preference) {
      .bubble path {
        transition: opacity 120ms ease-out;
      }
    }

    @media print {
      .scroller {
        overflow: visible;
        max-height: none;
        border: 0;
      }
      thead,
      th.corner,
      tbody th {
        position: static;
      }
      td.cell:hover {
        background: none;
      }
    }
  `,
];
