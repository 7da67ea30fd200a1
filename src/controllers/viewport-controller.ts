import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface ViewportOptions {
  /**
   * The headers to watch, each known by its `data-axis` ("row" or "column") and `data-id`.
   * Row headers stick to the inline start (the left, the right under dir="rtl") and column
   * headers to the top, so a row header is on screen exactly when its row is, and a column
   * header when its column is.
   */
  targets: () => Iterable<HTMLElement>;
  /** How far beyond the visible area still counts as visible (for rows and columns about to scroll in). */
  margin?: string;
  /** The set of visible rows or columns changed. */
  changed: () => void;
}

/**
 * Which rows and columns of a grid are on screen, from an IntersectionObserver on their
 * headers: no layout is read, so asking costs nothing during an update. The grid draws those
 * first and the rest in the background. Before the observer has first reported, nothing is
 * known and every question is answered with `undefined`.
 */
export class ViewportController implements ReactiveController {
  private observer?: IntersectionObserver;
  private readonly observed = new Set<HTMLElement>();
  private readonly rows = new Set<string>();
  private readonly columns = new Set<string>();
  private knownRows = false;
  private knownColumns = false;
  private readonly reportedRows = new Set<string>();
  private readonly reportedColumns = new Set<string>();

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: ViewportOptions,
  ) {
    host.addController(this);
  }

  /** Whether row `id` is on screen (or about to be); undefined while unknown. */
  row(id: string): boolean | undefined {
    return this.knownRows ? this.rows.has(id) : undefined;
  }

  /** Whether column `id` is on screen (or about to be); undefined while unknown. */
  column(id: string): boolean | undefined {
    return this.knownColumns ? this.columns.has(id) : undefined;
  }

  /** Whether the observer has reported at all since the host was connected. */
  known(): boolean {
    return this.knownRows || this.knownColumns;
  }

  /**
   * Whether the observer has reported on the header of row or column `id` as it is drawn now.
   * A header drawn since (a group just expanded) is answered with its last answer, or `false`,
   * by `row` and `column` until the observer reports on it.
   */
  reported(axis: 'row' | 'column', id: string): boolean {
    return (axis === 'row' ? this.reportedRows : this.reportedColumns).has(id);
  }

  /** Watches the current targets (call after an update that added or removed headers). */
  sync(): void {
    if (typeof IntersectionObserver === 'undefined') return;
    const margin = this.options.margin ?? '0px';
    // `scrollMargin` (Chromium 120+) widens the grid's own scroll box too, not only the page's
    // viewport, so rows just below the scrolled-to part also count as about to be seen.
    this.observer ??= new IntersectionObserver(this.onIntersect, { rootMargin: margin, scrollMargin: margin });
    const current = new Set(this.options.targets());
    for (const el of this.observed) {
      if (!current.has(el)) {
        this.observer.unobserve(el);
        this.observed.delete(el);
        // Its last answer stands, but as a guess: a header drawn again is reported on afresh.
        const id = el.dataset.id;
        if (id !== undefined) (el.dataset.axis === 'row' ? this.reportedRows : this.reportedColumns).delete(id);
      }
    }
    for (const el of current) {
      if (!this.observed.has(el)) {
        this.observer.observe(el);
        this.observed.add(el);
      }
    }
  }

  hostConnected(): void {
    // Back in a document (or in a new one): watch again after the next update.
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    this.observed.clear();
    this.rows.clear();
    this.columns.clear();
    this.reportedRows.clear();
    this.reportedColumns.clear();
    this.knownRows = this.knownColumns = false;
  }

  private readonly onIntersect = (entries: IntersectionObserverEntry[]) => {
    let changed = false;
    for (const entry of entries) {
      const el = entry.target as HTMLElement;
      const id = el.dataset.id;
      if (id === undefined) continue;
      const row = el.dataset.axis === 'row';
      const set = row ? this.rows : this.columns;
      (row ? this.reportedRows : this.reportedColumns).add(id);
      if (row ? !this.knownRows : !this.knownColumns) changed = true; // first news: what was assumed may be wrong
      if (row) this.knownRows = true;
      else this.knownColumns = true;
      const was = set.has(id);
      if (entry.isIntersecting) set.add(id);
      else set.delete(id);
      changed ||= was !== entry.isIntersecting;
    }
    if (changed) this.options.changed();
  };
}
