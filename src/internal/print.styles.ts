import { css } from 'lit';

/**
 * Where the printed copy of `<egm-grid>` goes (see print.ts): shown only in print, where it
 * replaces the interactive grid. Its own rules come with its code (print-view.styles.ts).
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
  }
`;
