/**
 * `egm-components/core`: the DOM-free heart of the library. Validation, indexing, counting
 * and filtering of `egm/1` maps; runs in Node 20+ and in browsers.
 */
export * from './types.js';
export { EgmValidationError, formatIssue, isEgmValidationError } from './errors.js';
export { parseMap, validateMap, validateMapAsync, splitMap, isHttpUrl, MAX_CATEGORY_DEPTH, type ValidationResult, type ValidateOptions } from './parse.js';
export { Bitset } from './bitset.js';
export { yieldToEventLoop, type AsyncOptions } from './yield.js';
export { readText } from './read-text.js';
export { decodeBytes, sniffEncoding, type TextEncoding } from './encoding.js';
export { jsonErrorMessage, jsonErrorOffset } from './json-error.js';
export { jsonMapParser, readJson, type JsonMapParser, type JsonTextError } from './read-json.js';
export { MapIndex, createIndex, createIndexAsync, foldText, type CategoryNode, type DimensionIndex } from './map-index.js';
export { FilterEngine, NO_FILTERS, normalizeFilters, isEmptyFilter, queryTerms } from './filter.js';
export { GridModel, buildAxis, type Axis, type AxisEntry, type GridCounts, type GridOptions, type HeaderCounts, type SegmentInfo } from './grid.js';
export { bubbleScale, sizeKeyCounts, segmentColor, SEGMENT_PALETTE, NOT_CODED_COLOR, type BubbleScaleOptions } from './scale.js';
export { heatScale, heatText, HEAT_PALETTE, HEAT_TEXT, type HeatScale, type HeatStep } from './heat.js';
export { contrastRatio, luminance } from './color.js';
export { DARK, LIGHT, PALETTE_DESCRIPTIONS, PALETTE_TOKENS, type Palette } from './theme.js';
export { synthesisGaps, synthesisGapAt, synthesisGapMin, SYNTHESIS_GAP_MIN, type SynthesisGap } from './synthesis.js';
export { suggest } from './suggest.js';
export { moveInGrid, findSlot, gridKey, type GridKey, type Slot } from './keyboard.js';
export { mapStats, type MapStats, type CellStat, type StatsOptions } from './stats.js';
export { diffMaps, type MapDiff, type CodeChange } from './diff.js';
export * from './export/index.js';
