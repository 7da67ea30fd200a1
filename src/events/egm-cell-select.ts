/**
 * `egm-cell-select`: a cell was selected (click, Enter or Space); `studyIds` are its distinct studies under the current filters, in study-list order (`[]` for a gap).
 * Bubbles and is composed, so a host can listen on `document`. Cancelable: `preventDefault()` makes the element revert the change.
 */
export interface EgmCellSelectDetail {
  rowId: string;
  columnId: string;
  studyIds: string[];
}

export class EgmCellSelectEvent extends CustomEvent<EgmCellSelectDetail> {
  static readonly eventName = 'egm-cell-select';

  constructor(detail: EgmCellSelectDetail) {
    super('egm-cell-select', { detail, bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'egm-cell-select': EgmCellSelectEvent;
  }
}
