/**
 * Leaf columns per printed chunk by default: what fits across A4 landscape at 10 mm margins.
 * A module of its own so that the grid's default does not bring the print layout
 * (print-layout.ts) into the embed bundle's entry: that comes with the printed copy.
 */
export const PRINT_COLUMNS = 8;
