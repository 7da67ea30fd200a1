import { css } from 'lit';

export const legendStyles = css`
  :host {
    display: block;
    /* The grid's own defaults, so a key bubble is the size and colour of a grid bubble. */
    --_key-size: var(--egm-legend-bubble-size, calc(var(--egm-cell-size, 3.5rem) - 0.3rem));
    --_swatch-size: var(--egm-legend-swatch-size, 0.9rem);
  }
  :host([hidden]) {
    display: none;
  }

  .legend {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space) calc(var(--_space) * 3);
  }

  .segments {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
  }
  .heading {
    margin: 0;
    font-size: 1em;
    font-weight: 600;
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) / 2) var(--_space);
  }
  li {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
  }

  .toggle {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    font: inherit;
    color: inherit;
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: 999px;
    padding: 0.15em 0.65em 0.15em 0.45em;
    cursor: pointer;
  }
  .toggle:hover {
    border-color: var(--_accent);
  }
  .toggle[aria-pressed='false'] {
    color: var(--_muted);
    background: var(--_surface);
  }
  .toggle[aria-pressed='false'] .label {
    text-decoration: line-through;
  }
  .toggle[aria-pressed='false'] .swatch rect {
    fill-opacity: 0.15;
  }
  .count {
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }

  .swatch {
    width: var(--_swatch-size);
    height: var(--_swatch-size);
    flex: none;
    forced-color-adjust: none;
  }
  .swatch rect {
    stroke: rgb(0 0 0 / 0.3);
    stroke-width: 1;
  }

  .key-label {
    color: var(--_muted);
  }
  .bubble {
    width: var(--_key-size);
    height: var(--_key-size);
    flex: none;
    overflow: visible;
  }
  /* One neutral colour for the size key: size is what it explains, not colour. */
  .size-key .slice {
    fill: var(--_bubble);
    stroke: var(--_bg);
    stroke-width: 1;
  }
  /* As the grid draws a cell filtered to zero and a gap. */
  .ghost {
    fill: none;
    stroke: var(--_muted);
    stroke-width: 1.25;
    stroke-dasharray: 3 3;
  }
  .gap {
    display: inline-block;
    box-sizing: border-box;
    width: var(--_key-size);
    height: var(--_key-size);
    flex: none;
    border: 1px solid var(--_border);
    background-color: var(--_gap);
    background-image: repeating-linear-gradient(-45deg, transparent 0 6px, rgb(0 0 0 / 0.05) 6px 7px);
  }

  /* The heat map's shades, the mosaic's tile, the synthesis-gap marker and a filtered-out cell
     without bubbles: as the grid draws them. */
  .shade {
    width: 1.6rem;
    height: 1.1rem;
    border-radius: 3px;
    background: var(--_heat);
    box-shadow: inset 0 0 0 1px rgb(0 0 0 / 0.15);
  }
  .tile {
    width: 0.6rem;
    height: 0.6rem;
  }
  .tile rect {
    fill: var(--_bubble);
  }
  .sg-swatch,
  .ghost-box {
    position: relative;
    box-sizing: border-box;
    width: 2rem;
    height: 1.6rem;
    border-radius: 4px;
  }
  .sg-swatch {
    border: 2px dashed var(--_sg);
  }
  .ghost-box {
    border: 1.25px dashed var(--_muted);
  }
  .sg-mark {
    top: -2px;
    inset-inline-end: -2px;
  }

  @media (forced-colors: active) {
    .sg-swatch,
    .ghost-box {
      border-color: CanvasText;
    }
    .sg-mark {
      color: CanvasText;
    }
    .toggle {
      border-color: ButtonText;
    }
    .swatch rect {
      stroke: CanvasText;
    }
    .size-key .slice {
      fill: CanvasText;
    }
    .ghost {
      stroke: CanvasText;
    }
    .gap {
      border-color: CanvasText;
      background-image: none;
    }
  }
`;
