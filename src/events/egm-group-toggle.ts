/**
 * `egm-group-toggle` (an extension of spec §4): a row or column group was collapsed or
 * expanded in `<egm-grid>`. The grid's `.collapsed` already reflects it.
 * Bubbles and is composed.
 */
export interface EgmGroupToggleDetail {
  axis: 'row' | 'column';
  categoryId: string;
  expanded: boolean;
}

export class EgmGroupToggleEvent extends CustomEvent<EgmGroupToggleDetail> {
  static readonly eventName = 'egm-group-toggle';

  constructor(detail: EgmGroupToggleDetail) {
    super('egm-group-toggle', { detail, bubbles: true, composed: true, cancelable: false });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'egm-group-toggle': EgmGroupToggleEvent;
  }
}
