import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import exportJson from '../core/import/fixtures/retraction-lit-trimmed.json' with { type: 'json' };
import { fromEppiReviewer } from '../core/import/eppi-reviewer.js';
import { splitMap } from '../core/parse.js';
import '../components/egm-map/egm-map.js';

/**
 * A real EPPI-Reviewer export, imported in the browser and rendered: the first 150 of 385
 * studies of "Empirical Retraction Lit" (CC-BY-4.0: Proescholdt R., Schneider J. & the RISRS
 * Team, Zenodo, doi:10.5281/zenodo.5498500), trimmed as src/core/import/fixtures/SOURCE.md says.
 */
const meta: Meta = {
  title: 'Importers/EPPI-Reviewer export',
};
export default meta;

const imported = fromEppiReviewer(exportJson, {
  rows: 'Citation of retracted papers',
  columns: 'Processes and policies',
  segments: 'Citation context',
  title: 'Empirical Retraction Lit (first 150 studies)',
});
const { schema, studies } = splitMap({
  ...imported.map,
  citation: 'Proescholdt R., Schneider J. & the RISRS Team, "Empirical Retraction Lit", Zenodo, doi:10.5281/zenodo.5498500',
  license: 'CC-BY-4.0',
});

/** The imported map, with the importer's warnings listed under it. */
export const RetractionLit: StoryObj = {
  render: () => html`<egm-map .schema=${schema} .studies=${studies}></egm-map>
    <h2>Importer warnings</h2>
    <ul>
      ${imported.warnings.map((w) => html`<li>${w.path ? html`<code>${w.path}</code>: ` : ''}${w.message}</li>`)}
    </ul>`,
};
