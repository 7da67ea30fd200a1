/**
 * The importers: EPPI-Reviewer exports, EPPI-Mapper pages and CSV files as `egm/1` maps
 * (spec §5). A separate entry from `core` so that the embed bundle never carries them (nor
 * the CSV parser). DOM-free: runs in Node 20+ and in browsers.
 */
export type { EgmImportResult, EgmWarning } from './common.js';
export { fromEppiReviewer, type EppiCodeRef, type EppiReviewerOptions } from './eppi-reviewer.js';
export { fromEppiMapperHtml } from './eppi-mapper.js';
export { fromCsv, type CsvCategory, type CsvDimensionMapping, type CsvMapping } from './csv.js';
export { convert, applyConfig, parseConversionConfig, CONVERSION_FORMAT, type ConversionConfig, type SourceFormat } from './config.js';
