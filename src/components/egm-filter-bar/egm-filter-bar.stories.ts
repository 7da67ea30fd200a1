import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import demo from '../../../demo/peer-support.egm.json' with { type: 'json' };
import { splitMap } from '../../core/parse.js';
import type { EgmFilters, EgmMap, EgmSchema, EgmStudy } from '../../core/types.js';
import './egm-filter-bar.js';

// Controls and docs tables come from custom-elements.json (the element's JSDoc): no argTypes here.
interface Args {
  schema?: EgmSchema;
  studies?: EgmStudy[];
  filters?: EgmFilters;
  dimensions?: string;
}

const { schema, studies } = splitMap(demo as unknown as EgmMap);

const meta: Meta<Args> = {
  title: 'Elements/egm-filter-bar',
  component: 'egm-filter-bar',
  args: { schema, studies, filters: { categories: {} } },
  render: (args) => html`<egm-filter-bar
    .schema=${args.schema}
    .studies=${args.studies}
    .filters=${args.filters ?? { categories: {} }}
    dimensions=${args.dimensions || nothing}
  ></egm-filter-bar>`,
};
export default meta;

type Story = StoryObj<Args>;

/** The demo map (91 studies): population, study type and region, as its `layout.filters` says. */
export const Default: Story = {};

/** Filters set by the host: chips, badges, the year range and the status follow them. */
export const WithActiveFilters: Story = {
  args: {
    filters: {
      categories: { population: ['chronic'], design: ['rct', 'sr'] },
      query: 'diabetes',
      years: { from: 2010, to: 2021 },
    },
  },
};

/**
 * The "Match" control sets how the choices combine (`mode`): "Each filter" (standard: one
 * choice in every filter used), "Every choice" (all) or "Any choice" (any), each described in
 * its panel, shown open here with "Every choice" set by the host.
 */
export const FilterModes: Story = {
  args: { filters: { categories: { population: ['chronic', 'mental-health-conditions'], design: ['rct'] }, mode: 'all' } },
  play: async ({ canvasElement }) => {
    const bar = canvasElement.querySelector('egm-filter-bar')!;
    await bar.updateComplete;
    bar.shadowRoot!.querySelector<HTMLButtonElement>('.control.mode .control-button')?.click();
  },
};

/** The `dimensions` attribute overrides the map's `layout.filters`. */
export const ChosenDimensions: Story = {
  args: { dimensions: 'region quality' },
};

/** An invalid map shows the shared error state, listing each problem with its path. */
export const InvalidMap: Story = {
  args: {
    schema: { ...schema, layout: { ...schema.layout, filters: ['population', 'countries'] } },
    studies: [{ ...studies[0], codes: { ...studies[0].codes, design: ['trial'] } }, ...studies.slice(1)],
  },
};
