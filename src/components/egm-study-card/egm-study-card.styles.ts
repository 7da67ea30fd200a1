import { css } from 'lit';

export const studyCardStyles = css`
  :host {
    display: block;
    --_card-bg: var(--egm-study-card-background, var(--_bg));
    --_card-padding: var(--egm-study-card-padding, calc(var(--_space) * 1.5));
    --_abstract-lines: var(--egm-study-card-abstract-lines, 3);
    --_badge-bg: var(--egm-study-card-badge-background, var(--_surface));
  }
  :host([hidden]) {
    display: none;
  }

  .card {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
    padding: var(--_card-padding);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_card-bg);
    cursor: pointer;
    line-height: 1.4;
    /* A title, name or abstract with a word longer than the card (a URL, a chemical name)
       wraps inside it rather than widen the panel. */
    overflow-wrap: anywhere;
  }
  .card:hover {
    border-color: var(--_accent);
  }
  .card:has(.select:focus-visible) {
    border-color: var(--_focus);
  }

  .title {
    margin: 0;
    font-size: 1.1em;
    line-height: 1.3;
  }
  .select {
    font: inherit;
    color: inherit;
    background: none;
    border: 0;
    padding: 0;
    margin: 0;
    text-align: start;
    cursor: pointer;
  }
  .select:hover {
    text-decoration: underline;
  }

  .meta {
    margin: 0;
    color: var(--_muted);
    display: flex;
    flex-wrap: wrap;
    column-gap: 0.75em;
    row-gap: 0.125em;
  }
  .meta > * + *::before {
    content: '·';
    margin-inline-end: 0.75em;
    color: var(--_border);
  }

  .text-button {
    font: inherit;
    color: var(--_accent);
    background: none;
    border: 0;
    padding: 0;
    margin: 0;
    cursor: pointer;
    text-decoration: underline;
    text-underline-offset: 2px;
  }

  .codes {
    margin: 0;
    display: flex;
    flex-direction: column;
    gap: 0.25em;
  }
  .code-row {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.25em;
  }
  .code-row dt {
    color: var(--_muted);
    margin-inline-end: 0.125em;
  }
  .code-row dd {
    margin: 0;
  }
  .badge {
    display: inline-flex;
    align-items: center;
    gap: 0.35em;
    padding: 0.05em 0.5em;
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_badge-bg);
    font-size: 0.95em;
  }
  .swatch {
    width: 0.8em;
    height: 0.8em;
    flex: none;
    forced-color-adjust: none;
  }
  .swatch rect {
    stroke: rgb(0 0 0 / 0.25);
    stroke-width: 1;
  }

  .abstract {
    margin: 0;
    white-space: pre-line;
  }
  .abstract.clamped {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: var(--_abstract-lines);
    line-clamp: var(--_abstract-lines);
    overflow: hidden;
  }
  .abstract-toggle {
    align-self: flex-start;
  }

  .link {
    align-self: flex-start;
    color: var(--_accent);
    text-underline-offset: 2px;
  }

  @media (forced-colors: active) {
    .card {
      border-color: CanvasText;
    }
    .card:has(.select:focus-visible) {
      outline: 2px solid Highlight;
    }
    .swatch rect {
      stroke: CanvasText;
    }
    .text-button,
    .link {
      color: LinkText;
    }
  }
`;
