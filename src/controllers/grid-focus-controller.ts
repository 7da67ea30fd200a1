import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { findSlot, gridKey, moveInGrid, type Slot } from '../core/keyboard.js';

type Slots = readonly (readonly (string | undefined)[])[];

export interface GridFocusOptions {
  /** The current slot matrix (see core `moveInGrid`). */
  slots: () => Slots;
  /** The focusable element for a cell key, once rendered. */
  element: (key: string) => HTMLElement | null;
  /** Right-to-left layout mirrors the arrow keys. */
  rtl: () => boolean;
  pageSize?: number;
}

/**
 * Roving tab index for a WAI-ARIA grid: exactly one cell has `tabindex="0"`, arrow keys and
 * Home/End/PageUp/PageDown move it (maths in core `moveInGrid`), and focus returns to the last
 * active cell when the grid is tabbed into again. When the active cell disappears (a group is
 * collapsed), focus moves to the nearest cell in the same slot.
 */
export class GridFocusController implements ReactiveController {
  private key?: string;
  private slot: Slot = { row: 0, col: 0 };
  private pendingFocus = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: GridFocusOptions,
  ) {
    host.addController(this);
  }

  /** The key of the cell that holds the tab stop. */
  get activeKey(): string | undefined {
    const slots = this.options.slots();
    if (this.key !== undefined && findSlot(slots, this.key)) return this.key;
    // The active cell is gone: take whatever now covers its slot, else the first cell.
    const row = slots[Math.min(this.slot.row, slots.length - 1)];
    return row?.[Math.min(this.slot.col, row.length - 1)] ?? slots[0]?.[0];
  }

  tabIndex(key: string): 0 | -1 {
    return key === this.activeKey ? 0 : -1;
  }

  /** Makes `key` the active cell (on click or focus), optionally moving focus to it. */
  activate(key: string, focus = false): void {
    if (key !== this.key) {
      const slots = this.options.slots();
      const s = findSlot(slots, key);
      // Keep the remembered column when the new cell spans it (a full-width group row).
      if (s && slots[s.row][this.slot.col] !== key) this.slot = s;
      else if (s) this.slot = { row: s.row, col: this.slot.col };
      this.key = key;
      this.host.requestUpdate();
    }
    if (focus) {
      this.pendingFocus = true;
      this.host.requestUpdate();
    }
  }

  /** Handles a grid navigation key; returns true when it moved (the caller prevents default). */
  handleKey(event: KeyboardEvent): boolean {
    const ctrl = event.ctrlKey || event.metaKey;
    // Alt or Shift with a key, or Ctrl/Cmd with anything but Home and End, is the browser's
    // (Alt+← and Cmd+← go Back, Shift+arrows select text): not a move in the grid.
    if (event.altKey || event.shiftKey || (ctrl && !/^(Home|End)$/.test(event.key))) return false;
    const k = gridKey(event.key, ctrl, this.options.rtl());
    if (!k) return false;
    const slots = this.options.slots();
    const current = this.activeKey;
    if (current === undefined) return false;
    const from = slots[this.slot.row]?.[this.slot.col] === current ? this.slot : findSlot(slots, current);
    if (!from) return false;
    const to = moveInGrid(slots, from, k, this.options.pageSize ?? 5);
    this.slot = to;
    this.key = slots[to.row][to.col];
    this.pendingFocus = true;
    this.host.requestUpdate();
    return true;
  }

  /** What had focus in the grid before the last update. */
  private heldFocus?: Element | null;

  hostUpdate(): void {
    this.heldFocus = this.host.shadowRoot?.activeElement;
  }

  hostUpdated(): void {
    // The focused cell went in the update (a group collapsed by the host's code or a link,
    // other rows or columns): focus follows the tab stop rather than fall to the page.
    if (this.heldFocus?.isConnected === false) this.pendingFocus = true;
    if (!this.pendingFocus) return;
    this.pendingFocus = false;
    const key = this.activeKey;
    const el = key === undefined ? null : this.options.element(key);
    // A clicked cell has focus already: focusing and scrolling again would only force a layout.
    if (!el || (el.getRootNode() as ShadowRoot).activeElement === el) return;
    el.focus({ preventScroll: false });
    el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    // A body cell scrolled up to the scroll box's top edge is under the sticky column headers,
    // whose height no scroll-padding knows (it follows the labels): scroll it clear of them.
    // (A body cell's row group follows the column headers' <thead>; a header cell's has none before it.)
    const head = el.parentElement!.parentElement!.previousElementSibling;
    if (head) head.parentElement!.parentElement!.scrollTop += Math.min(0, el.getBoundingClientRect().top - head.getBoundingClientRect().bottom);
  }
}
