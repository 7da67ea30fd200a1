import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../components/egm-map/egm-map.js';
import '../i18n/fr.js';

/**
 * Branding with CSS only: the same map in two institutions' colours and type, set with the
 * `--egm-*` custom properties and `::part()` from the host page's own style sheet (no fork, no
 * option object). docs/theming.md lists every token and part.
 */
const meta: Meta = {
  title: 'Theming/Brands and themes',
  parameters: { layout: 'padded' },
};
export default meta;

const MAP = '/demo/peer-support.egm.json';

export const TwoInstitutionalBrands: StoryObj = {
  render: () => html`
    <style>
      .university {
        --egm-font-family: Georgia, 'Times New Roman', serif;
        --egm-color-text: #14213d;
        --egm-color-accent: #14213d;
        --egm-color-focus: #b5651d;
        --egm-color-selected: #b5651d;
        --egm-color-surface: #f4f1ea;
        --egm-color-border: #c9c1ae;
        --egm-radius: 0;
      }
      .university::part(title) {
        font-variant: small-caps;
        letter-spacing: 0.04em;
      }
      .charity {
        --egm-font-family: 'Trebuchet MS', system-ui, sans-serif;
        --egm-font-size: 1rem;
        --egm-color-text: #1d3b2a;
        --egm-color-accent: #00703c;
        --egm-color-focus: #ffbf47;
        --egm-color-selected: #00703c;
        --egm-color-surface: #eef7f1;
        --egm-color-gap: #f3f2f1;
        --egm-radius: 12px;
        --egm-space: 0.6rem;
      }
      .brands {
        display: grid;
        gap: 2rem;
      }
    </style>
    <div class="brands">
      <egm-map class="university" src=${MAP} heading-level="3"></egm-map>
      <egm-map class="charity" src=${MAP} heading-level="3"></egm-map>
    </div>
  `,
};

export const DarkTheme: StoryObj = {
  render: () => html`<egm-map theme="dark" src=${MAP}></egm-map>`,
};

export const FollowsTheSystem: StoryObj = {
  name: 'theme="auto" (follows the reader’s system setting)',
  render: () => html`<egm-map theme="auto" src=${MAP}></egm-map>`,
};

export const French: StoryObj = {
  name: 'In French (lang="fr" with the French locale loaded)',
  render: () => html`<div lang="fr"><egm-map src=${MAP}></egm-map></div>`,
};

export const RightToLeft: StoryObj = {
  name: 'Right to left (dir="rtl")',
  render: () => html`<div dir="rtl"><egm-map src=${MAP}></egm-map></div>`,
};
