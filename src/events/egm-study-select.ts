/**
 * `egm-study-select`: a study card was activated.
 * Bubbles and is composed, so a host can listen on `document`.
 */
export interface EgmStudySelectDetail {
  studyId: string;
}

export class EgmStudySelectEvent extends CustomEvent<EgmStudySelectDetail> {
  static readonly eventName = 'egm-study-select';

  constructor(detail: EgmStudySelectDetail) {
    super('egm-study-select', { detail, bubbles: true, composed: true, cancelable: false });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'egm-study-select': EgmStudySelectEvent;
  }
}
