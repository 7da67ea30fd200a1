import { css } from 'lit';
import { tokens } from '../../styles/tokens.js';

export const styles = [
  tokens,
  css`
    :host {
      display: block;
      /* Panels go full width on narrow containers, whatever the viewport. */
      container-type: inline-size;
      --_panel-max-height: var(--egm-filter-panel-max-height, 20rem);
      --_control-height: 2rem;
    }
    :host([hidden]),
    [hidden] {
      display: none !important;
    }

    button,
    input {
      font: inherit;
      color: inherit;
    }

    .base {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_space);
    }

    .bar {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_space);
      flex: 1 1 auto;
      min-width: 0;
    }

    .control {
      position: relative;
    }

    .control-button,
    .chip,
    .clear {
      display: inline-flex;
      align-items: center;
      gap: 0.35em;
      min-height: var(--_control-height);
      padding: 0 calc(var(--_space) * 1.25);
      border: 1px solid var(--_control-border);
      border-radius: var(--_radius);
      background: var(--_bg);
      cursor: pointer;
      white-space: nowrap;
      /* A long label must not widen the host page: cut it (the full text stays in the DOM). */
      max-width: min(100%, 24rem);
      overflow: hidden;
      text-overflow: ellipsis;
    }
    .control-button:hover,
    .chip:hover,
    .clear:not([aria-disabled='true']):hover {
      background: var(--_surface);
    }
    .control-button[aria-expanded='true'] {
      border-color: var(--_accent);
      background: var(--_surface);
    }

    .badge {
      min-width: 1.4em;
      padding: 0 0.35em;
      border-radius: 999px;
      background: var(--_accent);
      color: var(--_bg);
      font-size: 0.85em;
      line-height: 1.5;
      text-align: center;
      font-variant-numeric: tabular-nums;
    }

    .caret {
      font-size: 0.85em;
    }

    .panel {
      position: absolute;
      inset-block-start: calc(100% + 4px);
      inset-inline-start: 0;
      z-index: 10;
      box-sizing: border-box;
      min-width: 16rem;
      max-width: min(28rem, 90vw);
      max-height: var(--_panel-max-height);
      overflow: auto;
      padding: calc(var(--_space) * 0.75);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_bg);
      box-shadow: 0 4px 14px rgb(0 0 0 / 0.16);
    }

    .options,
    .options ul {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    /* Nested groups: one indent per level. */
    .options ul {
      padding-inline-start: 1.5rem;
    }

    .option {
      display: flex;
      align-items: center;
      gap: 0.5em;
      padding: 0.25em 0.35em;
      border-radius: calc(var(--_radius) - 2px);
      cursor: pointer;
    }
    .option:hover {
      background: var(--_surface);
    }
    .option input {
      margin: 0;
      accent-color: var(--_accent);
    }
    .option .name {
      flex: 1 1 auto;
    }
    .option.group > .name {
      font-weight: 600;
    }
    .facet {
      color: var(--_muted);
      font-variant-numeric: tabular-nums;
    }
    /* Options that would give no study stay selectable, only dimmed (see the element's docs). */
    .option.empty .name {
      color: var(--_muted);
      font-style: italic;
    }

    /* The mode panel: each mode's description under its name, always shown. */
    .mode-legend {
      margin: 0 0 0.25em;
      font-weight: 600;
    }
    .mode-description {
      margin: 0 0 0.35em;
      padding-inline-start: 2.1em;
      color: var(--_muted);
      font-size: 0.9em;
      white-space: normal;
    }

    .search input {
      box-sizing: border-box;
      width: 16rem;
      max-width: 100%;
      min-height: var(--_control-height);
      padding: 0 var(--_space);
      border: 1px solid var(--_control-border);
      border-radius: var(--_radius);
      background: var(--_bg);
    }

    .years {
      display: inline-flex;
      align-items: center;
      gap: 0.35em;
    }
    .years-label {
      color: var(--_muted);
    }
    .years label {
      display: inline-flex;
      align-items: center;
      gap: 0.25em;
    }
    .years input {
      box-sizing: border-box;
      width: 5.5em;
      min-height: var(--_control-height);
      padding: 0 0.35em;
      border: 1px solid var(--_control-border);
      border-radius: var(--_radius);
      background: var(--_bg);
      font-variant-numeric: tabular-nums;
    }

    .chips {
      display: flex;
      flex-wrap: wrap;
      gap: calc(var(--_space) * 0.5);
    }
    .chip {
      border-radius: 999px;
      background: var(--_surface);
      max-width: 100%;
    }
    .chip-text {
      overflow: hidden;
      text-overflow: ellipsis;
    }
    .chip .x {
      font-size: 1.1em;
      line-height: 1;
    }

    .clear {
      border-color: transparent;
      color: var(--_accent);
      text-decoration: underline;
    }
    .clear[aria-disabled='true'] {
      color: var(--_muted);
      text-decoration: none;
      cursor: default;
    }

    .status {
      margin: 0;
      margin-inline-start: auto;
      color: var(--_muted);
      font-variant-numeric: tabular-nums;
    }

    @container (max-width: 480px) {
      .search {
        flex: 1 1 100%;
      }
      .search input {
        width: 100%;
      }
      /* The open control takes its own line and its panel the full width, in the flow. */
      .control.open {
        flex: 1 1 100%;
      }
      .panel {
        position: static;
        min-width: 0;
        max-width: none;
        width: 100%;
        margin-block-start: 4px;
        box-shadow: none;
      }
      .status {
        margin-inline-start: 0;
      }
    }

    @media (forced-colors: active) {
      .control-button,
      .chip,
      .clear,
      .search input,
      .years input {
        border-color: ButtonText;
      }
      .control-button[aria-expanded='true'] {
        border-color: Highlight;
      }
      .panel {
        border-color: CanvasText;
      }
      .badge {
        border: 1px solid CanvasText;
      }
      .option.empty .name,
      .clear[aria-disabled='true'] {
        color: GrayText;
      }
    }
  `,
];
