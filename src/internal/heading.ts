import { literal, type StaticValue } from 'lit/static-html.js';

const TAGS: StaticValue[] = [literal`h1`, literal`h2`, literal`h3`, literal`h4`, literal`h5`, literal`h6`];

/** The heading tag of `level` (clamped to h1-h6), for `lit/static-html.js` templates. */
export const headingTag = (level: number): StaticValue => TAGS[Math.min(6, Math.max(1, level)) - 1];

/**
 * The heading level an element's `heading-level` asks for, 2 to 6 (`fallback` when it is not
 * a whole number in that range: an element's heading never takes the page's h1).
 */
export const headingLevel = (level: number, fallback: number): number => (Number.isInteger(level) && level >= 2 && level <= 6 ? level : fallback);
