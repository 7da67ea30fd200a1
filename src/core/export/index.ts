/** Exports: study lists as CSV and RIS, the map as a picture (SVG; PNG via a canvas), view state in URLs. */
export { studiesToCsv, studiesToRis, csvCell } from './table.js';
export { mapPicture, pictureToSvg, type Picture, type PictureOptions, type Shape } from './picture.js';
export { readState, writeState, hasState, fitState, type MapViewState } from './state.js';
