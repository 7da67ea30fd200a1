/**
 * The TypeScript shape of the `egm/1` map format (see docs/format.md).
 *
 * These are the *normalised* types that `parseMap` returns: every optional list that the
 * file may omit is still optional here, but every value that is present has been checked.
 */

/** The only format string this version of the library reads. */
export const EGM_FORMAT = 'egm/1' as const;

/** A category of a dimension; a category with `children` is a group. */
export interface EgmCategory {
  id: string;
  label: string;
  /** Plain text, shown as a tooltip / disclosure. */
  description?: string;
  /** A CSS hex colour (`#rgb`, `#rgba`, `#rrggbb`, `#rrggbbaa`), used when the dimension colours segments. */
  color?: string;
  children?: EgmCategory[];
}

/** A way of classifying studies: interventions, outcomes, quality, population… */
export interface EgmDimension {
  id: string;
  label: string;
  description?: string;
  categories: EgmCategory[];
}

export interface EgmLink {
  label: string;
  /** Always `http:` or `https:`. */
  url: string;
}

/** Which dimension categories mark a study as a review (for synthesis gaps). */
export interface EgmReviewsLayout {
  dimension: string;
  categories: string[];
}

/** The default view of a map; hosts may override each part. */
export interface EgmLayout {
  rows: string;
  columns: string;
  segments?: string;
  filters?: string[];
  reviews?: EgmReviewsLayout;
}

/** One study (a record): plain text only. */
export interface EgmStudy {
  id: string;
  title: string;
  authors?: string[];
  year?: number;
  source?: string;
  abstract?: string;
  /** Always `http:` or `https:`; an empty string in a file means "no link" and is dropped. */
  url?: string;
  doi?: string;
  /** dimension id → category ids (a study may carry group ids as well as leaf ids). */
  codes: Record<string, string[]>;
  [extra: string]: unknown;
}

/** Everything in a map file except `studies`. */
export interface EgmSchema {
  format: typeof EGM_FORMAT;
  id?: string;
  title: string;
  description?: string;
  /** The only HTML in a map; it is sanitised before it is ever rendered. */
  aboutHtml?: string;
  links?: EgmLink[];
  version?: string;
  searchDate?: string;
  citation?: string;
  license?: string;
  dimensions: EgmDimension[];
  layout: EgmLayout;
  [extra: string]: unknown;
}

/** A whole map file: a schema plus its study list. */
export interface EgmMap extends EgmSchema {
  studies: EgmStudy[];
}

/** How selected categories combine (spec §4). */
export type EgmFilterMode = 'standard' | 'all' | 'any';

/**
 * The filter state shared by `egm-filter-bar` (which emits it) and `egm-grid` (which takes it).
 * `{ categories: {} }` means no filter.
 */
export interface EgmFilters {
  categories: Record<string, string[]>;
  mode?: EgmFilterMode;
  query?: string;
  years?: { from?: number; to?: number };
}

/** One problem found in a map, with a JSON path such as `studies[12].codes.outcome[0]`. */
export interface EgmIssue {
  path: string;
  message: string;
}
