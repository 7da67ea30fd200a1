/**
 * Everything `<egm-map>`'s download buttons need, in one module that the map imports on
 * first use (`import()`), so that the embed bundle does not carry the CSV/RIS writers, the
 * picture maker and the canvas painter for readers who never download anything: the build
 * puts it in a chunk beside the bundle (`dist/egm-chunks/`), which the map starts fetching
 * when a pointer or focus first reaches its download buttons.
 */
export { studiesToCsv, studiesToRis } from '../core/export/table.js';
export { mapPicture, pictureToSvg } from '../core/export/picture.js';
export { canvasToPng, download, paintPicture } from './download.js';
