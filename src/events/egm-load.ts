/**
 * `egm-load`: `<egm-map>` has loaded and validated its map.
 * Bubbles and is composed, so a host can listen on `document`.
 */
export interface EgmLoadDetail {
  studies: number;
}

export class EgmLoadEvent extends CustomEvent<EgmLoadDetail> {
  static readonly eventName = 'egm-load';

  constructor(detail: EgmLoadDetail) {
    super('egm-load', { detail, bubbles: true, composed: true, cancelable: false });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'egm-load': EgmLoadEvent;
  }
}
