import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import large from '../../../demo/large-1000.egm.json' with { type: 'json' };
import demo from '../../../demo/peer-support.egm.json' with { type: 'json' };
import { splitMap } from '../../core/parse.js';
import type { EgmFilters, EgmMap, EgmSchema, EgmStudy } from '../../core/types.js';
import type { EgmCellRef, EgmGridCells, EgmGridHighlight, EgmGridView } from './egm-grid.js';
import './egm-grid.js';

// Controls and docs tables come from custom-elements.json (the element's JSDoc): no argTypes here.
interface Args {
  schema?: EgmSchema;
  studies?: EgmStudy[];
  filters?: EgmFilters;
  selected?: EgmCellRef | null;
  collapsed?: string[];
  hiddenSegments?: string[];
  rows?: string;
  columns?: string;
  segments?: string;
  donut?: boolean;
  view?: EgmGridView;
  highlight?: EgmGridHighlight;
  synthesisGapMin?: number;
  cells?: EgmGridCells;
}

const { schema, studies } = splitMap(demo as unknown as EgmMap);
const big = splitMap(large as unknown as EgmMap);

const meta: Meta<Args> = {
  title: 'Elements/egm-grid',
  component: 'egm-grid',
  args: { schema, studies },
  render: (args) => html`<egm-grid
    .schema=${args.schema}
    .studies=${args.studies}
    .filters=${args.filters}
    .selected=${args.selected ?? null}
    .collapsed=${args.collapsed ?? []}
    .hiddenSegments=${args.hiddenSegments ?? []}
    rows=${args.rows || nothing}
    columns=${args.columns || nothing}
    segments=${args.segments || nothing}
    ?donut=${args.donut}
    view=${args.view || nothing}
    highlight=${args.highlight || nothing}
    synthesis-gap-min=${args.synthesisGapMin ?? nothing}
    cells=${args.cells || nothing}
  ></egm-grid>`,
};
export default meta;

type Story = StoryObj<Args>;

/** The demo map: 91 illustrative studies, quality as slices, delivery groups expanded. */
export const Default: Story = {};

/** Groups collapsed: their cells count distinct studies, not the sum of their children. */
export const CollapsedGroups: Story = { args: { collapsed: ['delivery', 'facilitation', 'duration'] } };

/** A filter (UK studies only): emptied cells show a dashed outline, gaps stay gaps. */
export const Filtered: Story = { args: { filters: { categories: { region: ['uk'] } }, selected: { rowId: 'education', columnId: 'mental-health' } } };

/** Everything filtered out. */
export const NothingMatches: Story = { args: { filters: { categories: {}, query: 'no study has this phrase' } } };

/** Transposed and coloured by study type, through attributes only. */
export const Transposed: Story = { args: { rows: 'outcome', columns: 'support', segments: 'design' } };

/** Donut bubbles. */
export const Donut: Story = { args: { donut: true } };

/** Heat map: each cell shaded by its number of studies (7 steps), the count on it in dark or light text. */
export const Heatmap: Story = { args: { view: 'heatmap' } };

/** Mosaic: one tile per study in its first segment, so that 1, 2 and 3 studies look different. */
export const Mosaic: Story = { args: { view: 'mosaic' } };

/** Table: the same counts as a static data table, with the segment counts as text. */
export const Table: Story = { args: { view: 'table' } };

/**
 * Synthesis gaps on the demo map (its `layout.reviews` marks systematic reviews): cells with at
 * least 3 primary studies and no review have a dashed outline and a ◇, and say so in their names.
 */
export const SynthesisGaps: Story = { args: { highlight: 'synthesis-gaps', synthesisGapMin: 3 } };

/** Synthesis gaps in the heat map, with groups collapsed (a group's primary studies are counted once). */
export const SynthesisGapsHeatmap: Story = {
  args: { view: 'heatmap', highlight: 'synthesis-gaps', synthesisGapMin: 5, collapsed: ['delivery', 'facilitation', 'duration'] },
};

/**
 * 1,000 seeded studies, 60 rows in 8 groups × 40 columns in 6 groups, long labels. With 2,400
 * cells, only those near the screen are in the page (`cells="auto"`): scroll, and rows and
 * columns are drawn as they come near.
 */
export const Large: Story = { args: { schema: big.schema, studies: big.studies } };

/** The same map with every cell in the page (`cells="all"`), as hosts' end-to-end tests may want. */
export const LargeEveryCell: Story = { args: { schema: big.schema, studies: big.studies, cells: 'all' } };

/** A map with no studies yet: every cell is a gap. */
export const EmptyMap: Story = { args: { studies: [] } };

/** An invalid map lists every problem with its path, and draws nothing. */
export const InvalidMap: Story = {
  args: {
    schema: { ...schema, layout: { ...schema.layout, rows: 'suport' } },
    studies: [{ ...studies[0], codes: { ...studies[0].codes, outcome: ['mental'] } }, ...studies.slice(1)],
  },
};
