import { css } from 'lit';

/**
 * Shared design tokens. Public `--egm-*` custom properties (documented on each element) map
 * to private `--_*` names here, so a host sets one property and every element follows.
 */
export const tokens = css`
  :host {
    --_font: var(--egm-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_font-size: var(--egm-font-size, 0.875rem);
    --_text: var(--egm-color-text, #1f2328);
    --_muted: var(--egm-color-text-muted, #57606a);
    --_bg: var(--egm-color-background, #ffffff);
    --_surface: var(--egm-color-surface, #f6f8fa);
    --_border: var(--egm-color-border, #d0d7de);
    --_accent: var(--egm-color-accent, #0b5cad);
    --_focus: var(--egm-color-focus, #0b5cad);
    --_selected: var(--egm-color-selected, #0b5cad);
    --_gap: var(--egm-color-gap, #eef1f4);
    --_radius: var(--egm-radius, 6px);
    --_space: var(--egm-space, 0.5rem);
    font-family: var(--_font);
    font-size: var(--_font-size);
    color: var(--_text);
  }

  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }

  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }

  .error {
    border: 1px solid #b2182b;
    border-radius: var(--_radius);
    background: #fff5f5;
    color: #6e0d14;
    padding: var(--_space) calc(var(--_space) * 2);
  }
  .error h2 {
    font-size: 1em;
    margin: 0 0 var(--_space);
  }
  .error code {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 0.95em;
  }
  .error ul {
    margin: 0;
    padding-inline-start: 1.25rem;
  }

  @media (forced-colors: active) {
    :focus-visible {
      outline-color: Highlight;
    }
  }
`;
