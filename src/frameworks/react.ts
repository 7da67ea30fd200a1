/**
 * JSX types for React 19 hosts (`egm-components/react`, types only). React 19 sets a custom
 * element's known properties as properties (so `.schema` and `.studies` take objects) and
 * listens to `on<event-name>` props as events:
 *
 *   import 'egm-components';
 *   import type {} from 'egm-components/react';
 *   <egm-grid schema={schema} studies={studies} onegm-cell-select={(e) => show(e.detail.studyIds)} />
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { EgmElements, EgmTag } from './elements.js';

/** `onegm-cell-select={(e) => …}`: React 19's name for a listener of `egm-cell-select`. */
type EventProps<Events> = { [K in keyof Events & string as `on${K}`]?: (event: Events[K]) => void };

/** The JSX props of an element: HTML attributes, its properties and its events. */
export type EgmJsxProps<T extends EgmTag> = Omit<DetailedHTMLProps<HTMLAttributes<EgmElements[T]['element']>, EgmElements[T]['element']>, keyof EgmElements[T]['props']> &
  Partial<EgmElements[T]['props']> &
  EventProps<EgmElements[T]['events']> & { class?: string };

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'egm-grid': EgmJsxProps<'egm-grid'>;
      'egm-filter-bar': EgmJsxProps<'egm-filter-bar'>;
      'egm-legend': EgmJsxProps<'egm-legend'>;
      'egm-study-card': EgmJsxProps<'egm-study-card'>;
      'egm-map': EgmJsxProps<'egm-map'>;
    }
  }
}
