import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import large from '../../../demo/large-1000.egm.json' with { type: 'json' };
import demo from '../../../demo/peer-support.egm.json' with { type: 'json' };
import { splitMap } from '../../core/parse.js';
import type { EgmFilters, EgmMap, EgmSchema, EgmStudy } from '../../core/types.js';
import type { EgmGrid } from '../egm-grid/egm-grid.js';
import './egm-map.js';
import type { EgmMapElement } from './egm-map.js';

// Controls and docs tables come from custom-elements.json (the element's JSDoc): no argTypes here.
interface Args {
  src?: string;
  schema?: EgmSchema;
  studies?: EgmStudy[];
  filters?: EgmFilters;
  rows?: string;
  columns?: string;
  segments?: string;
  view?: string;
  loadTimeout?: number;
  headingLevel?: number;
  fullscreen?: boolean;
}

const { schema, studies } = splitMap(demo as unknown as EgmMap);
const big = splitMap(large as unknown as EgmMap);

// Relative URLs: they resolve against the preview iframe, wherever Storybook is hosted.
// .storybook/main.ts serves the demo map at demo/ (`staticDirs`).
const DEMO_SRC = 'demo/peer-support.egm.json';
/** A URL only the Loading story's fetch stub knows: it never answers. */
const NEVER_ANSWERS = 'demo/never-answers.egm.json';

const meta: Meta<Args> = {
  title: 'Elements/egm-map',
  component: 'egm-map',
  args: { schema, studies },
  // The fallback content is what a CMS page carries inside the tag: shown while loading and on failure.
  render: (args) => html`<egm-map
    src=${args.src || nothing}
    .schema=${args.schema}
    .studies=${args.studies}
    .filters=${args.filters ?? { categories: {} }}
    rows=${args.rows || nothing}
    columns=${args.columns || nothing}
    segments=${args.segments || nothing}
    view=${args.view || nothing}
    load-timeout=${args.loadTimeout ?? nothing}
    heading-level=${args.headingLevel ?? nothing}
    ?fullscreen=${args.fullscreen ?? false}
  >
    <p>An evidence and gap map of peer support in health and social care. <a href=${DEMO_SRC}>Download the map data (JSON)</a>.</p>
  </egm-map>`,
};
export default meta;

type Story = StoryObj<Args>;

/** The demo map given as properties (`splitMap` into `.schema` and `.studies`): 91 illustrative studies. Select a cell to list its studies. */
export const Default: Story = {};

/** `src` pointing at the demo file: fetched, validated, then drawn; `egm-load` reports the study count. */
export const FromSrc: Story = { args: { src: DEMO_SRC, schema: undefined, studies: undefined } };

/** 1,000 seeded studies, 60 rows in 8 groups × 40 columns in 6 groups, long labels. */
export const Large: Story = { args: { schema: big.schema, studies: big.studies } };

/** Transposed and coloured by study type, through the `rows`, `columns` and `segments` attributes. */
export const Transposed: Story = { args: { rows: 'outcome', columns: 'support', segments: 'design' } };

/** A map with no studies yet: every cell is a gap. */
export const EmptyMap: Story = { args: { studies: [] } };

/** Filters set by the host that no study passes: every cell emptied, gaps still gaps. */
export const NothingMatches: Story = { args: { filters: { categories: {}, query: 'no study has this phrase' } } };

/**
 * The loading state (and the fallback content) while `src` is on its way. A static server
 * answers a missing file at once, so this story stubs `fetch` for one URL that never answers,
 * for as long as the story is shown; `load-timeout` (10 minutes) keeps it from timing out.
 */
export const Loading: Story = {
  args: { src: NEVER_ANSWERS, loadTimeout: 600_000, schema: undefined, studies: undefined },
  beforeEach: () => {
    const original = window.fetch;
    const never = new URL(NEVER_ANSWERS, document.baseURI).href;
    window.fetch = (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      if (url !== never) return original(input, init);
      // Pending until the element gives up (a newer src, disconnection or its timeout).
      return new Promise((_resolve, reject) => {
        const signal = init?.signal;
        signal?.addEventListener('abort', () => reject(signal.reason instanceof Error ? signal.reason : new DOMException('aborted', 'AbortError')));
      });
    };
    return () => {
      window.fetch = original;
    };
  },
};

/** `src` pointing at a file that is not there: the error, a "Try again" button and the fallback content. */
export const LoadError: Story = { args: { src: 'demo/missing.egm.json', schema: undefined, studies: undefined } };

/** An invalid map (a misspelt layout dimension, an unknown code) lists every problem with its path, then the fallback content. */
export const InvalidMap: Story = {
  args: {
    schema: { ...schema, layout: { ...schema.layout, rows: 'suport' } },
    studies: [{ ...studies[0], codes: { ...studies[0].codes, outcome: ['mental'] } }, ...studies.slice(1)],
  },
};

/** In a 360px-wide container (a phone, or a sidebar): the map follows its container, not the viewport. */
export const Narrow: Story = {
  decorators: [(story) => html`<div style=${styleMap({ width: '360px' })}>${story()}</div>`],
};

/** Waits for the map in a story to draw its grid, and returns the map. */
async function drawnMap(canvas: HTMLElement): Promise<EgmMapElement> {
  const map = canvas.querySelector('egm-map')!;
  await map.updateComplete;
  await map.shadowRoot!.querySelector<EgmGrid>('egm-grid')?.updateComplete;
  return map;
}

/**
 * A row's study list grouped by study quality: the "Self-management" row header was activated
 * and "Group by" set to the segment dimension. Groups follow the category order with their
 * counts, "Not coded" last; the search box above filters within the list ("12 of 40 studies").
 */
export const PanelGroupedByQuality: Story = {
  play: async ({ canvasElement }) => {
    const map = await drawnMap(canvasElement);
    map.shadowRoot!.querySelector<EgmGrid>('egm-grid')!.shadowRoot!.querySelector<HTMLElement>('th[data-axis="row"][data-id="self-management"]')?.click();
    await new Promise((resolve) => setTimeout(resolve));
    await map.updateComplete;
    const group = [...map.shadowRoot!.querySelectorAll<HTMLSelectElement>('.panel-tools select')].at(-1);
    if (!group) return;
    group.value = 'quality';
    group.dispatchEvent(new Event('change'));
  },
};

/**
 * Full screen (the `fullscreen` attribute, or the map's "Full screen" button): the map fills
 * the viewport, here the story's frame; Escape or the button brings it back. Shown in its own
 * frame in the docs page, which it would otherwise cover.
 */
export const FullScreen: Story = {
  args: { fullscreen: true },
  parameters: { docs: { story: { inline: false, height: '560px' } } },
};
