/**
 * What each element takes (its public properties) and emits, for the framework typings
 * (`egm-components/react`, `egm-components/vue`). Types only: nothing here runs.
 */
import type { EgmFilterBar } from '../components/egm-filter-bar/egm-filter-bar.js';
import type { EgmGrid } from '../components/egm-grid/egm-grid.js';
import type { EgmLegend } from '../components/egm-legend/egm-legend.js';
import type { EgmMapElement } from '../components/egm-map/egm-map.js';
import type { EgmStudyCard } from '../components/egm-study-card/egm-study-card.js';
import type {
  EgmCellSelectEvent,
  EgmErrorEvent,
  EgmFilterChangeEvent,
  EgmGroupToggleEvent,
  EgmHeaderSelectEvent,
  EgmLoadEvent,
  EgmSegmentToggleEvent,
  EgmStudySelectEvent,
} from '../events/index.js';

/** Per tag: the element class, the properties a host may set, and the events it emits. */
export interface EgmElements {
  'egm-grid': {
    element: EgmGrid;
    props: Pick<EgmGrid, 'schema' | 'studies' | 'filters' | 'selected' | 'collapsed' | 'hiddenSegments' | 'rows' | 'columns' | 'segments' | 'view' | 'donut' | 'label'>;
    events: { 'egm-cell-select': EgmCellSelectEvent; 'egm-header-select': EgmHeaderSelectEvent; 'egm-group-toggle': EgmGroupToggleEvent };
  };
  'egm-filter-bar': {
    element: EgmFilterBar;
    props: Pick<EgmFilterBar, 'schema' | 'studies' | 'filters' | 'dimensions'>;
    events: { 'egm-filter-change': EgmFilterChangeEvent };
  };
  'egm-legend': {
    element: EgmLegend;
    props: Pick<EgmLegend, 'schema' | 'studies' | 'filters' | 'collapsed' | 'hiddenSegments' | 'rows' | 'columns' | 'segments' | 'view' | 'donut' | 'for' | 'headingLevel'>;
    events: { 'egm-segment-toggle': EgmSegmentToggleEvent };
  };
  'egm-study-card': {
    element: EgmStudyCard;
    props: Pick<EgmStudyCard, 'schema' | 'study' | 'headingLevel'>;
    events: { 'egm-study-select': EgmStudySelectEvent };
  };
  'egm-map': {
    element: EgmMapElement;
    props: Pick<EgmMapElement, 'src' | 'schema' | 'studies' | 'filters' | 'rows' | 'columns' | 'segments' | 'view' | 'urlState' | 'loadTimeout' | 'headingLevel'>;
    events: {
      'egm-load': EgmLoadEvent;
      'egm-error': EgmErrorEvent;
      'egm-cell-select': EgmCellSelectEvent;
      'egm-header-select': EgmHeaderSelectEvent;
      'egm-filter-change': EgmFilterChangeEvent;
      'egm-segment-toggle': EgmSegmentToggleEvent;
      'egm-study-select': EgmStudySelectEvent;
    };
  };
}

export type EgmTag = keyof EgmElements;
