/**
 * `egm-selection-clear` (an extension of spec §4): the selected cell of `<egm-grid>` was
 * cleared from the keyboard (Escape) or by `clearSelection()`. The grid's `.selected` is
 * already `null`; a host closes what it opened for the cell. Bubbles and is composed.
 */
export interface EgmSelectionClearDetail {
  /** The cell that was selected. */
  rowId: string;
  columnId: string;
}

export class EgmSelectionClearEvent extends CustomEvent<EgmSelectionClearDetail> {
  static readonly eventName = 'egm-selection-clear';

  constructor(detail: EgmSelectionClearDetail) {
    super('egm-selection-clear', { detail, bubbles: true, composed: true, cancelable: false });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'egm-selection-clear': EgmSelectionClearEvent;
  }
}
