/**
 * Printing `<egm-grid>`: a static copy of the map, made only while the page prints.
 *
 * A wide map does not fit a sheet, and browsers cut a table at the page edge. So while
 * printing, the grid draws its columns in chunks of `print-columns` leaf columns, each chunk a
 * table of its own starting on a new page, with the row headers in every chunk and the column
 * headers repeated at the top of every page (a `<thead>` repeats when its table breaks across
 * pages). Every cell prints its count as a number beside a small bubble, so the page reads in
 * greyscale and without colour.
 *
 * The printed copy itself (print-view.ts) is part of the code drawn after the first screen
 * (`deferred.ts`), fetched once the page is idle; a page printed before it is here prints the
 * screen grid whole instead (print.styles.ts).
 *
 * The page size (`@page`) cannot be set from a shadow root: while printing, a document-level
 * constructed style sheet (allowed under a strict Content-Security-Policy, like the elements'
 * own styles) sets it, and is removed afterwards.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export { PRINT_COLUMNS } from '../core/print-columns.js';
/** The default `@page` size while a map prints. */
export const PRINT_PAGE = 'A4 landscape';

/** The document-level sheet with the `@page` rule, shared by every map on the page. */
let pageSheet: CSSStyleSheet | undefined;
let pageSize = '';
let pageUsers = 0;

function addPageRule(size: string): void {
  if (!size || typeof CSSStyleSheet === 'undefined' || !('adoptedStyleSheets' in document)) return;
  pageSheet ??= new CSSStyleSheet();
  // The first map to print decides. `size` comes from an attribute: anything but the words and
  // lengths of a page size (`A4 landscape`, `210mm 297mm`, `letter`) gets the default.
  if (pageUsers === 0) {
    pageSize = /^[a-z0-9. -]+$/i.test(size) ? size : PRINT_PAGE;
    pageSheet.replaceSync(`@page { size: ${pageSize}; margin: 10mm; }`);
  }
  pageUsers++;
  if (!document.adoptedStyleSheets.includes(pageSheet)) document.adoptedStyleSheets = [...document.adoptedStyleSheets, pageSheet];
}

function removePageRule(): void {
  if (!pageSheet || pageUsers === 0) return;
  pageUsers--;
  if (pageUsers === 0) document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== pageSheet);
}

/** The `@page` size in force while maps print, '' when none (for tests). */
export const printPageSize = (): string => (pageUsers > 0 ? pageSize : '');

interface PrintHost extends ReactiveControllerHost {
  /** The `@page` size to ask for ('' leaves the page to the host's own styles). */
  readonly printPage: string;
}

/**
 * Tells its element when the page is printing (between `beforeprint` and `afterprint`), so it
 * draws its printed copy only then, and holds the `@page` rule meanwhile.
 */
export class PrintController implements ReactiveController {
  /** True while the page prints. */
  printing = false;
  private sized = false;

  constructor(private readonly host: PrintHost) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('beforeprint', this.before);
    window.addEventListener('afterprint', this.after);
  }

  hostDisconnected(): void {
    window.removeEventListener('beforeprint', this.before);
    window.removeEventListener('afterprint', this.after);
    this.after();
  }

  private readonly before = () => {
    if (this.printing) return;
    this.printing = true;
    if (this.host.printPage) {
      addPageRule(this.host.printPage);
      this.sized = true;
    }
    // Lit updates in a microtask, which runs once this listener returns and before the page
    // is laid out for print.
    this.host.requestUpdate();
  };

  private readonly after = () => {
    if (!this.printing) return;
    this.printing = false;
    if (this.sized) removePageRule();
    this.sized = false;
    this.host.requestUpdate();
  };
}
