import { html, type TemplateResult } from 'lit';

/** One strings array per template and level, made once (Lit caches its templates by them). */
const byTemplate = new WeakMap<TemplateStringsArray, TemplateStringsArray[]>();

/**
 * A template whose heading's level is chosen when it renders: `heading(3)` is a tag for a Lit
 * template written with `H` for the heading's tag name, `<H class="title">${text}</H>`, which
 * renders as `<h3 …>`. The level is clamped to 1-6 (a non-number gives 1).
 *
 * The tag name is static text, like the rest of the template: no `lit/static-html.js` (0.3 KB
 * of the embed bundle). As in Lit's own static templates, the strings arrays are made here,
 * from our templates' static text only, never from data.
 */
export const heading =
  (level: number) =>
  (strings: TemplateStringsArray, ...values: unknown[]): TemplateResult => {
    const n = Math.min(6, Math.max(1, Math.trunc(level) || 1));
    let levels = byTemplate.get(strings);
    if (!levels) byTemplate.set(strings, (levels = []));
    let made = levels[n];
    if (!made) {
      const parts = strings.map((s) => s.replace(/<(\/?)H(?=[\s>])/g, `<$1h${n}`));
      made = levels[n] = Object.assign(parts, { raw: parts }) as unknown as TemplateStringsArray;
    }
    return html(made, ...values);
  };

/**
 * The heading level an element's `heading-level` asks for, 2 to 6 (`fallback` when it is not
 * a whole number in that range: an element's heading never takes the page's h1).
 */
export const headingLevel = (level: number, fallback: number): number => (Number.isInteger(level) && level >= 2 && level <= 6 ? level : fallback);
