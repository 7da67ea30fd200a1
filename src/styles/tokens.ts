import { css, unsafeCSS } from 'lit';
import { DARK, LIGHT, PALETTE_TOKENS, type Palette } from '../core/theme.js';

/** The dark theme: the public colour tokens set to the dark palette. */
const dark = unsafeCSS(
  `color-scheme: dark;${(Object.keys(DARK) as (keyof Palette)[]).map((k) => `${PALETTE_TOKENS[k]}:${DARK[k]};`).join('')}` +
    `--egm-study-card-background:${DARK.surface};--egm-study-card-badge-background:#21262d;`,
);
/** `var(<public token>, <light default>)` for a palette entry. */
const v = (k: keyof Palette) => unsafeCSS(`var(${PALETTE_TOKENS[k]}, ${LIGHT[k]})`);

/**
 * Shared design tokens. Public `--egm-*` custom properties (documented on each element) map
 * to private `--_*` names here, so a host sets one property and every element follows.
 *
 * Themes: `theme="dark"` on an element gives it (and the elements inside it) dark defaults for
 * the public tokens; `theme="auto"` does so when the reader's system asks for dark. They are
 * defaults on `:host`, so a host page's own `--egm-*` values on the element still win. Print is
 * always light.
 */
export const tokens = css`
  :host {
    --_font: var(--egm-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_font-size: var(--egm-font-size, 0.875rem);
    --_text: ${v('text')};
    --_muted: ${v('textMuted')};
    --_bg: ${v('background')};
    --_surface: ${v('surface')};
    --_border: ${v('border')};
    --_accent: ${v('accent')};
    --_focus: ${v('focus')};
    --_selected: ${v('selected')};
    --_gap: ${v('gap')};
    --_control-border: ${v('controlBorder')};
    --_bubble: ${v('bubble')};
    --_sg: ${v('synthesisGap')};
    --_error: ${v('error')};
    --_error-bg: ${v('errorBackground')};
    --_error-text: ${v('errorText')};
    --_warn: ${v('warning')};
    --_radius: var(--egm-radius, 6px);
    --_space: var(--egm-space, 0.5rem);
    font-family: var(--_font);
    font-size: var(--_font-size);
    color: var(--_text);
  }

  /* The dark theme: every colour token at once, checked for contrast (docs/theming.md). */
  @media screen {
    :host([theme='dark']) {
      ${dark}
      background-color: var(--_bg);
    }
  }
  @media screen and (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      ${dark}
      background-color: var(--_bg);
    }
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
    border: 1px solid var(--_error);
    border-radius: var(--_radius);
    background: var(--_error-bg);
    color: var(--_error-text);
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
