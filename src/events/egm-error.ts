/**
 * `egm-error`: `<egm-map>` could not load its map (network, not JSON, or invalid: then `issues` lists every problem).
 * Bubbles and is composed, so a host can listen on `document`.
 */
export interface EgmErrorDetail {
  message: string;
  issues?: { path: string; message: string }[];
}

export class EgmErrorEvent extends CustomEvent<EgmErrorDetail> {
  static readonly eventName = 'egm-error';

  constructor(detail: EgmErrorDetail) {
    super('egm-error', { detail, bubbles: true, composed: true, cancelable: false });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'egm-error': EgmErrorEvent;
  }
}
