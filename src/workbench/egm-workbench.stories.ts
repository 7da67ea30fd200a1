import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import exportJson from '../core/import/fixtures/retraction-lit-trimmed.json' with { type: 'json' };
import '../components/egm-map/egm-map.js';
import './egm-workbench.js';

/**
 * The map author's workbench. Storybook has no built embed bundle beside it, so the standalone
 * page download says so and offers the map file with an embed snippet instead; demo/workbench.html
 * (`npm start`) has it.
 */
const meta: Meta = {
  title: 'Tools/egm-workbench',
  component: 'egm-workbench',
};
export default meta;

/** Waiting for a file: drop one, or choose it. */
export const Empty: StoryObj = {
  render: () => html`<egm-workbench></egm-workbench>`,
};

/**
 * With a real EPPI-Reviewer export loaded: the first 150 of 385 studies of "Empirical Retraction
 * Lit" (CC-BY-4.0: Proescholdt R., Schneider J. & the RISRS Team, Zenodo,
 * doi:10.5281/zenodo.5498500). Choose rows and columns from the code tree to see the map.
 */
export const WithAnExport: StoryObj = {
  render: () => {
    const el = document.createElement('egm-workbench');
    void el.loadFiles([new File([JSON.stringify(exportJson)], 'retraction-lit.json', { type: 'application/json' })]);
    return el;
  },
};
