/**
 * Template types for Vue 3 hosts (`egm-components/vue`, types only), for vue-tsc and Volar:
 * `<egm-grid :schema="schema" @egm-cell-select="(e) => show(e.detail.studyIds)" />` checks
 * the properties and the event's detail. Tell Vue's compiler the tags are custom elements
 * (`isCustomElement: (tag) => tag.startsWith('egm-')`); Vue then sets known properties as
 * properties.
 *
 *   import 'egm-components';
 *   import type {} from 'egm-components/vue';
 */
import type { DefineComponent } from 'vue';
import type { EgmElements, EgmTag } from './elements.js';

/** `@egm-cell-select` is the prop `onEgmCellSelect` to Vue's type checker. */
type Camel<S extends string> = S extends `${infer H}-${infer T}` ? `${Capitalize<H>}${Camel<T>}` : Capitalize<S>;
type EventProps<Events> = { [K in keyof Events & string as `on${Camel<K>}`]?: (event: Events[K]) => void };

/** The component type Vue's checker sees for a tag. */
export type EgmVueComponent<T extends EgmTag> = DefineComponent<Partial<EgmElements[T]['props']> & EventProps<EgmElements[T]['events']>>;

declare module 'vue' {
  interface GlobalComponents {
    'egm-grid': EgmVueComponent<'egm-grid'>;
    'egm-filter-bar': EgmVueComponent<'egm-filter-bar'>;
    'egm-legend': EgmVueComponent<'egm-legend'>;
    'egm-study-card': EgmVueComponent<'egm-study-card'>;
    'egm-map': EgmVueComponent<'egm-map'>;
  }
}
