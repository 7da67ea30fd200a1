import { css } from 'lit';

/**
 * The printed copy of `<egm-grid>` (print-view.ts): black text on white, thin rules, counts as
 * numbers, legible in greyscale. It comes with the printed copy's code (the chunk of what is
 * drawn after the first screen) and the grid adopts it when it first draws the copy.
 */
export const printViewStyles = css`
  @media print {
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
