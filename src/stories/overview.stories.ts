import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';

const meta: Meta = {
  title: 'Overview',
};
export default meta;

export const Introduction: StoryObj = {
  render: () => html`
    <article style="max-width: 40rem; font: 16px/1.5 system-ui, sans-serif">
      <h1>egm-components</h1>
      <p>
        Accessible, embeddable web components for evidence and gap maps (EGMs): a typed map
        format (<code>egm/1</code>), a pure counting core and Lit elements.
      </p>
      <ul>
        <li><code>egm-components/core</code>: validate (<code>parseMap</code>), index and count, with no DOM.</li>
        <li><code>egm-components</code>: the elements, their events and the core.</li>
        <li><code>egm-components/bundle</code>: one self-contained file for a plain <code>&lt;script type="module"&gt;</code>.</li>
      </ul>
    </article>
  `,
};
