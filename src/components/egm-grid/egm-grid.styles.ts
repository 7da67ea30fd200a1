import { css } from 'lit';
import { tokens } from '../../styles/tokens.js';

export const styles = [
  tokens,
  css`
    :host {
      display: block;
      container-type: inline-size;
      --_cell: var(--egm-cell-size, 3.5rem);
      --_col: var(--egm-column-width, 6rem);
      --_row-head: var(--egm-row-header-width, 15rem);
      --_bubble: var(--egm-color-bubble, #4a6fa5);
      --_head-bg: var(--egm-color-surface, #f6f8fa);
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
    }

    table {
      border-collapse: separate;
      border-spacing: 0;
      table-layout: fixed;
    }

    th,
    td {
      padding: 0;
      border-right: 1px solid var(--_border);
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
    th.corner {
      position: sticky;
      left: 0;
      z-index: 3;
      width: var(--_row-head);
      min-width: var(--_row-head);
      max-width: var(--_row-head);
      text-align: start;
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
      position: sticky;
      left: 0;
      z-index: 1;
      width: var(--_row-head);
      min-width: var(--_row-head);
      max-width: var(--_row-head);
      background: var(--_head-bg);
      text-align: start;
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
      left: 0.5rem;
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
    .head-count {
      color: var(--_muted);
      font-weight: 400;
      font-size: 0.85em;
      font-variant-numeric: tabular-nums;
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
    td.selected {
      box-shadow: inset 0 0 0 3px var(--_selected);
    }

    /* Each bubble is laid out and painted on its own, and not at all while off screen: after a
       filter change only the cells in view cost layout (SVG text is slow to lay out). The box
       spans the cell's width, so a count beside a small bubble is not clipped. */
    .box {
      content-visibility: auto;
      contain-intrinsic-size: auto calc(var(--_cell) - 0.3rem);
      height: calc(var(--_cell) - 0.3rem);
    }
    /* A row whose cells are still to come (drawn in the background) keeps a row's height. */
    tr.pending > th {
      height: var(--_cell);
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

    [data-key]:focus-visible {
      outline: 3px solid var(--_focus);
      outline-offset: -3px;
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
    }

    @media (prefers-reduced-motion: no-preference) {
      .bubble circle,
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
