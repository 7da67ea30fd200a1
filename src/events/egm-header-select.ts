/**
 * `egm-header-select`: a row or column header was activated; `studyIds` are the studies of that category (and its descendants) under the current filters.
 * Bubbles and is composed, so a host can listen on `document`.
 */
export interface EgmHeaderSelectDetail {
  axis: 'row' | 'column';
  categoryId: string;
  studyIds: string[];
  /** An extension: `direct` when the list is the studies coded to a group alone (spec §3). */
  scope?: 'all' | 'direct';
}

export class EgmHeaderSelectEvent extends CustomEvent<EgmHeaderSelectDetail> {
  static readonly eventName = 'egm-header-select';

  constructor(detail: EgmHeaderSelectDetail) {
    super('egm-header-select', { detail, bubbles: true, composed: true, cancelable: false });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'egm-header-select': EgmHeaderSelectEvent;
  }
}
