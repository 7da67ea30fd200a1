import { css } from 'lit';
import { tokens } from '../styles/tokens.js';

export const styles = [
  tokens,
  css`
    :host {
      display: block;
      container-type: inline-size;
      --_preview-width: var(--egm-workbench-preview-width, 55%);
      line-height: 1.45;
    }
    :host([hidden]) {
      display: none;
    }
    .workbench {
      display: flex;
      flex-direction: column;
      gap: calc(var(--_space) * 3);
    }
    @container (min-width: 60rem) {
      .workbench {
        flex-direction: row;
        align-items: flex-start;
      }
      .steps {
        flex: 1 1 0;
        min-width: 0;
      }
      .preview {
        flex: 0 0 var(--_preview-width);
        min-width: 0;
        position: sticky;
        top: 0;
        max-height: 100vh;
        overflow: auto;
      }
    }
    h2 {
      font-size: 1.15em;
      margin: 0 0 var(--_space);
    }
    h3 {
      font-size: 1em;
      margin: calc(var(--_space) * 1.5) 0 calc(var(--_space) / 2);
    }
    .step {
      border-top: 1px solid var(--_border);
      padding-top: var(--_space);
      margin-bottom: calc(var(--_space) * 2);
    }
    .step:first-child {
      border-top: 0;
      padding-top: 0;
    }
    .intro,
    .hint {
      color: var(--_muted);
      margin: 0 0 var(--_space);
    }
    /* Always in the page (a live region must be there before it speaks); no room while empty. */
    .reading,
    .making {
      margin: 0;
      font-weight: 600;
    }

    .drop {
      border: 2px dashed var(--_border);
      border-radius: var(--_radius);
      padding: calc(var(--_space) * 2);
      background: var(--_surface);
      text-align: center;
    }
    .drop.dragging {
      border-color: var(--_accent);
      background: var(--_bg);
    }
    .drop p {
      margin: 0 0 var(--_space);
    }
    .pick {
      display: inline-block;
      margin-bottom: var(--_space);
    }
    .pick:focus-within .button {
      outline: 3px solid var(--_focus);
      outline-offset: 2px;
    }

    button,
    .button {
      font: inherit;
      color: var(--_text);
      background: var(--_bg);
      border: 1px solid var(--_control-border);
      border-radius: var(--_radius);
      padding: 0.25em 0.75em;
      cursor: pointer;
      display: inline-block;
    }
    .button {
      border-color: var(--_accent);
      color: var(--_accent);
      font-weight: 600;
    }
    button:disabled {
      cursor: not-allowed;
      color: var(--_muted);
      opacity: 0.7;
    }
    input[type='text'],
    input[type='url'],
    input[type='search'],
    select,
    textarea {
      font: inherit;
      color: var(--_text);
      background: var(--_bg);
      border: 1px solid var(--_control-border);
      border-radius: var(--_radius);
      padding: 0.25em 0.4em;
      max-width: 100%;
      box-sizing: border-box;
    }

    .notices p {
      margin: 0 0 var(--_space);
    }
    .notice.error-text {
      border-left: 4px solid #b2182b;
      padding-left: var(--_space);
      color: #6e0d14;
    }

    .summary {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 0 var(--_space);
      margin: 0 0 var(--_space);
    }
    .summary div {
      display: contents;
    }
    .summary dt {
      font-weight: 600;
    }
    .summary dd {
      margin: 0;
    }
    .search,
    .field {
      display: flex;
      flex-direction: column;
      gap: 0.2em;
      margin: 0 0 var(--_space);
    }
    .search input.short {
      width: 5em;
    }
    .field label,
    .search label,
    legend {
      font-weight: 600;
    }

    .tree,
    .tree ul,
    .categories {
      list-style: none;
      margin: 0;
      padding-inline-start: 0;
    }
    .tree ul,
    .categories .categories {
      padding-inline-start: 1.25rem;
      border-left: 1px solid var(--_border);
      margin-left: 0.4rem;
    }
    .tree li,
    .categories li {
      margin: 0.15em 0;
    }
    .node,
    .category {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25em var(--_space);
    }
    .node .label,
    .category .label {
      flex: 1 1 14em;
      min-width: 0;
    }
    .node .name {
      font-weight: 600;
    }
    .count {
      color: var(--_muted);
      font-size: 0.9em;
    }
    .leaf .name {
      font-weight: normal;
    }
    .toggle {
      font-size: 0.9em;
      padding: 0.1em 0.5em;
    }
    .hidden-category > .category .name {
      text-decoration: line-through;
      color: var(--_muted);
    }
    .move {
      padding: 0.05em 0.45em;
    }
    input[type='color'] {
      inline-size: 2.5em;
      block-size: 1.75em;
      padding: 0;
      border: 1px solid var(--_control-border);
      border-radius: var(--_radius);
      background: var(--_bg);
    }
    .warning {
      color: var(--_warn);
      font-size: 0.9em;
      flex-basis: 100%;
    }

    .links {
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: var(--_space);
      margin: 0 0 var(--_space);
    }
    .link {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space);
      margin-bottom: var(--_space);
    }
    .link input {
      flex: 1 1 12em;
    }

    .downloads {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space);
      margin-bottom: var(--_space);
    }
    textarea#snippet {
      font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
      font-size: 0.9em;
      width: 100%;
    }

    .preview {
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: var(--_space) calc(var(--_space) * 1.5);
      box-sizing: border-box;
    }
    .stats {
      margin: 0 0 var(--_space);
      font-weight: 600;
    }
    .warnings ul {
      margin: 0;
      padding-inline-start: 1.25rem;
    }
    .warnings code {
      font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
      font-size: 0.95em;
    }

    @media (forced-colors: active) {
      .drop.dragging {
        border-color: Highlight;
      }
      .pick:focus-within .button {
        outline-color: Highlight;
      }
    }
  `,
];
