import { css } from 'lit';

/**
 * The printed copy of `<egm-grid>` (see print.ts): shown only in print, where it replaces the
 * interactive grid. Black text on white, thin rules, counts as numbers: legible in greyscale.
 */
export const printStyles = css`
  @media screen {
    .print {
      display: none;
    }
  }

  @media print {
    .print ~ .scroller,
    .print ~ .note {
      display: none;
    }
    /* Without a printed copy (a browser that printed without 'beforeprint'), the grid itself
       prints whole rather than clipped to its scroll box. */
    .scroller {
      overflow: visible !important;
      max-height: none !important;
    }
    .print {
      color: #000;
      font-size: 9pt;
    }
    .print-chunk {
      border-collapse: collapse;
      width: 100%;
      table-layout: fixed;
      margin-bottom: 6mm;
    }
    .print-chunk + .print-chunk {
      break-before: page;
    }
    .print-chunk caption {
      text-align: start;
      font-weight: 600;
      padding-bottom: 2mm;
    }
    .print-chunk thead {
      display: table-header-group;
    }
    .print-chunk tr {
      break-inside: avoid;
    }
    .print-chunk th,
    .print-chunk td {
      border: 0.5pt solid #888;
      padding: 1mm 1.5mm;
      vertical-align: middle;
      overflow-wrap: anywhere;
      hyphens: auto;
    }
    .print-chunk thead th {
      font-weight: 600;
      text-align: center;
    }
    .print-corner {
      width: 22%;
    }
    .print-chunk tbody th {
      text-align: start;
      font-weight: 500;
    }
    .print-group th {
      font-weight: 700;
      background: #eee;
    }
    .print-chunk .depth-2 {
      padding-inline-start: 4mm;
    }
    .print-chunk .depth-3 {
      padding-inline-start: 7mm;
    }
    .print-chunk .depth-4 {
      padding-inline-start: 10mm;
    }
    .print-chunk td {
      text-align: center;
      white-space: nowrap;
    }
    .print-bubble {
      width: 9mm;
      height: 9mm;
      vertical-align: middle;
      print-color-adjust: exact;
      -webkit-print-color-adjust: exact;
    }
    .print-n {
      font-variant-numeric: tabular-nums;
      margin-inline-start: 1mm;
    }
    .print-gap,
    .print-filtered {
      color: #555;
    }
  }
`;
