import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import demo from '../../../demo/peer-support.egm.json' with { type: 'json' };
import { splitMap } from '../../core/parse.js';
import type { EgmFilters, EgmMap, EgmSchema, EgmStudy } from '../../core/types.js';
import '../egm-grid/egm-grid.js';
import './egm-legend.js';

// Controls and docs tables come from custom-elements.json (the element's JSDoc): no argTypes here.
interface Args {
  schema?: EgmSchema;
  studies?: EgmStudy[];
  filters?: EgmFilters;
  collapsed?: string[];
  hiddenSegments?: string[];
  rows?: string;
  columns?: string;
  segments?: string;
  donut?: boolean;
  view?: string;
  highlight?: string;
  synthesisGapMin?: number;
}

const { schema, studies } = splitMap(demo as unknown as EgmMap);

const meta: Meta<Args> = {
  title: 'Elements/egm-legend',
  component: 'egm-legend',
  args: { schema, studies },
  render: (args) => html`<egm-legend
    .schema=${args.schema}
    .studies=${args.studies}
    .filters=${args.filters}
    .collapsed=${args.collapsed ?? []}
    .hiddenSegments=${args.hiddenSegments ?? []}
    rows=${args.rows || nothing}
    columns=${args.columns || nothing}
    segments=${args.segments || nothing}
    ?donut=${args.donut}
    view=${args.view || nothing}
    highlight=${args.highlight || nothing}
    synthesis-gap-min=${args.synthesisGapMin ?? nothing}
  ></egm-legend>`,
};
export default meta;

type Story = StoryObj<Args>;

/** The demo map: study quality as segments with their counts, the bubble sizes, a gap and a filtered-out cell. */
export const Default: Story = {};

/** Under a filter (carers only) the counts are the studies that pass it. */
export const Filtered: Story = { args: { filters: { categories: { population: ['carers'] } } } };

/** Low quality and "Not coded" hidden: their toggles are not pressed. */
export const HiddenSegments: Story = { args: { hiddenSegments: ['low', ''] } };

/** Coloured by study type instead of quality (palette colours: the categories have none). */
export const OtherSegments: Story = { args: { segments: 'design' } };

/** Plain bubbles: only the size key, the gap and the filtered-out cell. */
export const WithoutSegments: Story = { args: { segments: 'none' } };

/** Donuts, as a grid with `donut` draws them. */
export const Donut: Story = { args: { donut: true } };

/** For a heat map: the shade key, with the grid's own steps and shades (no segment toggles: shades show totals). */
export const HeatmapKey: Story = { args: { view: 'heatmap' } };

/** For a mosaic: the segment toggles and what a tile means. */
export const MosaicKey: Story = { args: { view: 'mosaic' } };

/** For the table view: the segment key only. */
export const TableKey: Story = { args: { view: 'table' } };

/** With synthesis gaps highlighted, the legend explains their marker. */
export const SynthesisGaps: Story = { args: { highlight: 'synthesis-gaps', synthesisGapMin: 3 } };

/** Invalid input shows the shared error state. */
export const InvalidMap: Story = { args: { schema: { ...schema, layout: { ...schema.layout, segments: 'qualty' } } } };

/** `for="<grid id>"`: the legend follows the grid's inputs; its toggles hide the grid's slices. */
export const FollowingAGrid: Story = {
  render: (args) => html`<egm-legend for="story-grid"></egm-legend>
    <egm-grid id="story-grid" .schema=${args.schema} .studies=${args.studies} .filters=${args.filters}></egm-grid>`,
};
