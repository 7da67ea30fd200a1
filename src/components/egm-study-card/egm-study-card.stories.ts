import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import demo from '../../../demo/peer-support.egm.json' with { type: 'json' };
import { splitMap } from '../../core/parse.js';
import type { EgmMap, EgmSchema, EgmStudy } from '../../core/types.js';
import './egm-study-card.js';

// Controls and docs tables come from custom-elements.json (the element's JSDoc): no argTypes here.
interface Args {
  schema?: EgmSchema;
  study?: EgmStudy | null;
  headingLevel?: number;
}

const { schema, studies } = splitMap(demo as unknown as EgmMap);
// The demo is generated: pick studies by what they show, not by id.
const full = studies.find((s) => (s.authors?.length ?? 0) > 4 && s.abstract && s.doi) ?? studies[0];
const few = studies.find((s) => (s.authors?.length ?? 0) <= 2 && s.abstract) ?? studies[1];

const meta: Meta<Args> = {
  title: 'Elements/egm-study-card',
  component: 'egm-study-card',
  args: { schema, study: full, headingLevel: 3 },
  render: (args) => html`<egm-study-card .schema=${args.schema} .study=${args.study} heading-level=${args.headingLevel ?? 3}></egm-study-card>`,
};
export default meta;

type Story = StoryObj<Args>;

/** A demo study: the authors shortened after three, its categories as badges, quality with its colour. */
export const Default: Story = {};

/** A long abstract is clamped to three lines behind "Show more". */
export const LongAbstract: Story = {
  args: { study: { ...full, abstract: Array.from({ length: 6 }, () => full.abstract).join(' ') } },
};

/** Few authors, and a link from `url` when the study has no DOI. */
export const WithoutDoi: Story = { args: { study: { ...few, doi: undefined, url: 'https://example.org/studies/peer-support' } } };

/** Only an id and a title: what is missing is left out. */
export const Minimal: Story = { args: { schema: undefined, study: { id: 'x1', title: 'A study with nothing but a title', codes: {} } } };

/** Not a study: a short message, never an exception. */
export const NotAStudy: Story = { args: { study: null } };

/** A list of cards, as a host shows a cell's studies (headings one level down). */
export const List: Story = {
  args: { headingLevel: 4 },
  render: (args) => html`<div style=${styleMap({ display: 'grid', gap: '0.75rem', maxWidth: '42rem' })}>
    ${studies.slice(0, 3).map((s) => html`<egm-study-card .schema=${args.schema} .study=${s} heading-level=${args.headingLevel ?? 4}></egm-study-card>`)}
  </div>`,
};
