// Compiled by the example's test (tsc, not run): the JSX typings must reject wrong uses.
import type {} from 'egm-components/react';
import type { EgmSchema } from 'egm-components';

declare const schema: EgmSchema;

export const ok = <egm-grid schema={schema} rows="outcome" onegm-cell-select={(e) => e.detail.studyIds.length} />;
// @ts-expect-error: `.schema` takes a map, not a string
export const wrongProperty = <egm-grid schema="map.json" />;
// @ts-expect-error: the detail of egm-cell-select has no `filters`
export const wrongDetail = <egm-grid onegm-cell-select={(e) => e.detail.filters} />;
// (A misspelt event prop cannot be caught: TSX accepts any hyphenated attribute name.)
