import type { EgmFilters } from '../core/types.js';

/**
 * `egm-filter-change`: the filter bar's state changed. `filters` is exactly what
 * `<egm-grid>`'s `.filters` takes, so wiring a bar to a grid is one line.
 * Bubbles and is composed. Cancelable: `preventDefault()` makes the bar revert the change.
 */
export interface EgmFilterChangeDetail {
  filters: EgmFilters;
}

export class EgmFilterChangeEvent extends CustomEvent<EgmFilterChangeDetail> {
  static readonly eventName = 'egm-filter-change';

  constructor(detail: EgmFilterChangeDetail) {
    super('egm-filter-change', { detail, bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'egm-filter-change': EgmFilterChangeEvent;
  }
}
