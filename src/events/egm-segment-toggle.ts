/**
 * `egm-segment-toggle`: a legend entry was toggled. Hiding a segment is visual only: counts do not change. "Not coded" has `categoryId: ""`.
 * Bubbles and is composed, so a host can listen on `document`. Cancelable: `preventDefault()` makes the element revert the change.
 */
export interface EgmSegmentToggleDetail {
  dimensionId: string;
  categoryId: string;
  visible: boolean;
}

export class EgmSegmentToggleEvent extends CustomEvent<EgmSegmentToggleDetail> {
  static readonly eventName = 'egm-segment-toggle';

  constructor(detail: EgmSegmentToggleDetail) {
    super('egm-segment-toggle', { detail, bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'egm-segment-toggle': EgmSegmentToggleEvent;
  }
}
