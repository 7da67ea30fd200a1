/**
 * The two built-in colour palettes, as data (DOM-free): the light defaults of the public
 * `--egm-color-*` tokens and the dark theme's values. src/styles/tokens.ts turns them into
 * CSS; theme.test.ts checks their contrast (WCAG 1.4.3 text 4.5:1, 1.4.11 graphics 3:1).
 */
export interface Palette {
  /** Body text. */
  text: string;
  /** Secondary text: counts beside options, notes. */
  textMuted: string;
  /** The element's background (painted only by a themed element; otherwise the page shows). */
  background: string;
  /** Panels, header cells, chips. */
  surface: string;
  /** Dividers and table rules (decorative: controls have their own border). */
  border: string;
  /** Borders that identify form controls and buttons. */
  controlBorder: string;
  /** Links and primary actions. */
  accent: string;
  /** Focus rings. */
  focus: string;
  /** The selected cell's outline. */
  selected: string;
  /** The fill of gap cells. */
  gap: string;
  /** Bubbles of maps without segments. */
  bubble: string;
  /** The synthesis-gap marker. */
  synthesisGap: string;
  /** Error states: border, background, text. */
  error: string;
  errorBackground: string;
  errorText: string;
  /** Warnings that are not errors (the workbench's low-contrast colour warning). */
  warning: string;
}

export const LIGHT: Readonly<Palette> = {
  text: '#1f2328',
  textMuted: '#57606a',
  background: '#ffffff',
  surface: '#f6f8fa',
  border: '#d0d7de',
  controlBorder: '#6e7781',
  accent: '#0b5cad',
  focus: '#0b5cad',
  selected: '#0b5cad',
  gap: '#eef1f4',
  bubble: '#4a6fa5',
  synthesisGap: '#7b2cbf',
  error: '#b2182b',
  errorBackground: '#fff5f5',
  errorText: '#6e0d14',
  warning: '#8a4b00',
};

export const DARK: Readonly<Palette> = {
  text: '#e6edf3',
  textMuted: '#9ea7b3',
  background: '#0d1117',
  surface: '#161b22',
  border: '#3d444d',
  controlBorder: '#8b949e',
  accent: '#6cb6ff',
  focus: '#6cb6ff',
  selected: '#6cb6ff',
  gap: '#1c2330',
  bubble: '#6e9bd6',
  synthesisGap: '#c58af9',
  error: '#f85149',
  errorBackground: '#2d1214',
  errorText: '#ffd7d5',
  warning: '#e3a13b',
};

/** The public custom property of each palette entry: `--egm-color-` and its name in kebab case (`textMuted`: `--egm-color-text-muted`). */
export const PALETTE_TOKENS = Object.fromEntries(
  Object.keys(LIGHT).map((k) => [k, `--egm-color-${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`]),
) as Readonly<Record<keyof Palette, string>>;

/** What each palette entry colours (docs/theming.md is generated from this). */
export const PALETTE_DESCRIPTIONS: Readonly<Record<keyof Palette, string>> = {
  text: 'Body text.',
  textMuted: 'Secondary text: counts beside options, the status line, notes.',
  background: 'Background of controls, panels and cards (and of a themed element).',
  surface: 'Panels, header cells, chips and hovered options.',
  border: 'Dividers and table rules.',
  controlBorder: 'Borders that identify form controls (text boxes, selects, checkboxes).',
  accent: 'Links, checked boxes, selection badges and primary actions.',
  focus: 'The focus ring (3 px, offset 2 px).',
  selected: 'The ring around the selected cell.',
  gap: 'Background of a gap: a cell with no studies at all.',
  bubble: 'Bubbles of maps without segments.',
  synthesisGap: 'Outline and marker of a synthesis gap.',
  error: 'Border of error messages.',
  errorBackground: 'Background of error messages.',
  errorText: 'Text of error messages.',
  warning: 'Text of warnings that are not errors (the workbench’s colour-contrast warning).',
};
